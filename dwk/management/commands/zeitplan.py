"""The recurring housekeeping in one long-running process, for servers and containers without cron
(the docker-compose service ``zeitplan``): at every full hour the hourly commands, once a day at the
hour ``DWK_ZEITPLAN_STUNDE`` (local time, default 3) the daily ones as well. Each command runs on its
own: one that fails is logged and the others still run. ``--einmal`` runs what is due at this hour
once and ends (for a cron job or a systemd timer); ``--alles`` runs every command once and ends.

The commands are named, not imported: dwk imports no domain app (docs/architektur.md)."""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.timezone import localtime

from dwk.zeit import jetzt

logger = logging.getLogger(__name__)

# The feedback form's counters carry the senders' check numbers: deleted after the hour.
STUENDLICH = ["rueckmeldungen_aufraeumen"]
# Retention of contact data, old background jobs, reminders before rating deadlines (each sent once).
TAEGLICH = ["aufbewahrung_anwenden", "auftraege_aufraeumen", "bewertungen_erinnern"]


def faellig(stunde: int, *, taeglich_um: int) -> list[str]:
    """The commands due at the full hour ``stunde`` (0–23)."""
    return STUENDLICH + (TAEGLICH if stunde == taeglich_um else [])


class Command(BaseCommand):
    help = (
        "Führt die regelmäßigen Aufräum- und Erinnerungsbefehle aus: stündlich und einmal am Tag "
        "(DWK_ZEITPLAN_STUNDE). Ohne Option läuft er dauerhaft."
    )

    def add_arguments(self, parser):
        gruppe = parser.add_mutually_exclusive_group()
        gruppe.add_argument("--einmal", action="store_true", help="Nur die jetzt fälligen Befehle, dann Ende.")
        gruppe.add_argument("--alles", action="store_true", help="Jeden Befehl einmal, dann Ende.")

    def handle(self, *, einmal, alles, **optionen):
        taeglich_um = settings.DWK_ZEITPLAN_STUNDE
        if alles:
            return self._ausfuehren(STUENDLICH + TAEGLICH)
        if einmal:
            return self._ausfuehren(faellig(localtime(jetzt()).hour, taeglich_um=taeglich_um))
        while True:  # pragma: no cover -- the endless loop of the container; its steps are tested
            time.sleep(3600 - time.time() % 3600 + 5)  # just after the next full hour, no drift
            self._ausfuehren(faellig(localtime(jetzt()).hour, taeglich_um=taeglich_um))

    def _ausfuehren(self, befehle: list[str]) -> None:
        fehlgeschlagen = []
        for befehl in befehle:
            try:
                call_command(befehl, stdout=self.stdout, stderr=self.stderr)
            except Exception:
                logger.exception("Geplanter Befehl fehlgeschlagen.", extra={"ereignis": "zeitplan", "befehl": befehl})
                fehlgeschlagen.append(befehl)
        if fehlgeschlagen:
            self.stderr.write("Fehlgeschlagen: " + ", ".join(fehlgeschlagen))
