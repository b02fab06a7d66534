"""Delete finished background jobs after some days (e.g. daily from cron or a systemd timer)."""

import datetime

from django.core.management.base import BaseCommand

from auftraege.services import auftraege_aufraeumen


class Command(BaseCommand):
    help = "Löscht erledigte und fehlgeschlagene Hintergrundaufträge (mit ihren Einträgen in der Warteschlange)."

    def add_arguments(self, parser):
        parser.add_argument("--tage", type=int, default=30, help="älter als so viele Tage (Vorgabe: 30)")

    def handle(self, *, tage, **optionen):
        anzahl = auftraege_aufraeumen(aelter_als=datetime.timedelta(days=tage))
        self.stdout.write(f"{anzahl} Hintergrundaufträge gelöscht, die vor mehr als {tage} Tagen endeten.")
