"""Delete the feedback form's counters of past hours (hourly from cron or a systemd timer; the next
message deletes them too, but when none comes they would stay)."""

from django.core.management.base import BaseCommand

from oeffentlich.services import rueckmeldungszaehler_aufraeumen


class Command(BaseCommand):
    help = "Löscht die Zähler des Rückmeldeformulars aus vergangenen Stunden (mit den Prüfzahlen der Absender)."

    def handle(self, **optionen):
        anzahl = rueckmeldungszaehler_aufraeumen()
        self.stdout.write(f"{anzahl} Zähler vergangener Stunden gelöscht.")
