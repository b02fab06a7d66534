"""``python manage.py aufbewahrung_anwenden [--probelauf]``: see ``quartiersprofil.services.aufbewahrung``."""

from django.conf import settings
from django.core.management.base import BaseCommand

from quartiersprofil.services.aufbewahrung import aufbewahrung_anwenden


class Command(BaseCommand):
    help = (
        "Löscht (anonymisiert) Namen und Kontaktdaten aller Schlüsselpersonen und Akteure, sobald die "
        "Aufbewahrungsfrist abgelaufen ist: DWK_AUFBEWAHRUNG_JAHRE Jahre (Standard 2) nach DWK_PROJEKTENDE. "
        "Vorher geschieht nichts. Zum täglichen Aufruf (cron, systemd-Timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--probelauf", action="store_true", help="Nur anzeigen, wessen Kontaktdaten gelöscht würden."
        )

    def handle(self, *args, **options):
        ergebnis = aufbewahrung_anwenden(probelauf=options["probelauf"])
        if ergebnis.frist_endet is None:
            self.stdout.write(
                "DWK_PROJEKTENDE ist nicht gesetzt: Es gibt noch kein Ende der Aufbewahrungsfrist, "
                "nichts wurde gelöscht."
            )
            return
        jahre, ende = settings.DWK_AUFBEWAHRUNG_JAHRE, settings.DWK_PROJEKTENDE
        frist = f"{ergebnis.frist_endet:%d.%m.%Y} ({jahre} Jahre nach Projektende am {ende:%d.%m.%Y})"
        if not ergebnis.faellig:
            self.stdout.write(f"Die Aufbewahrungsfrist endet am {frist}; heute ist nichts zu löschen.")
            return
        anzahl = len(ergebnis.akteur_ids)
        if ergebnis.probelauf:
            self.stdout.write(
                f"Probelauf: Die Frist endete am {frist}. Gelöscht würden die Kontaktdaten von {anzahl} "
                f"Personen (Akteur-Nummern {', '.join(map(str, ergebnis.akteur_ids)) or '–'})."
            )
        else:
            self.stdout.write(
                f"Die Aufbewahrungsfrist endete am {frist}. Die Kontaktdaten von {anzahl} Personen sind gelöscht "
                "(anonymisiert, auch im Verlauf)."
            )
