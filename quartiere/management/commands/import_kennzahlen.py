"""``python manage.py import_kennzahlen DATEI [--ebene unterbezirk] [--probelauf]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dwk.text import ImportFehler
from quartiere.models import Ebene
from quartiere.services import kennzahlen_importieren, kennzahlen_pruefen


class Command(BaseCommand):
    help = (
        "Importiert Kennzahlen aus einer CSV-Datei der Statistikstelle (Trennzeichen „;“, Dezimalkomma, "
        "UTF-8, UTF-16 mit BOM oder Windows-1252), im Langformat (Gebiet;Indikator;Jahr;Wert) oder im "
        "Breitformat (Gebiet und je Indikator und Jahr eine Spalte, z. B. ew_80plus_2020). Bei einem Fehler wird "
        "nichts geändert."
    )

    def add_arguments(self, parser):
        parser.add_argument("datei", help="Pfad der CSV-Datei")
        parser.add_argument(
            "--ebene",
            default=Ebene.UNTERBEZIRK,
            choices=Ebene.values,
            help="Ebene der Gebietscodes in der Datei (Standard: unterbezirk; stadt = Gemeindeschlüssel)",
        )
        parser.add_argument("--probelauf", action="store_true", help="Nur prüfen und zeigen, was sich ändern würde")

    def handle(self, *args, datei, ebene, probelauf, **options):
        pfad = Path(datei)
        if not pfad.is_file():
            raise CommandError(_("Die Datei „%(datei)s“ gibt es nicht.") % {"datei": datei})
        funktion = kennzahlen_pruefen if probelauf else kennzahlen_importieren
        try:
            ergebnis = funktion(inhalt=pfad.read_bytes(), dateiname=pfad.name, ebene=ebene)
        except ImportFehler as fehler:
            raise CommandError(fehler.bericht()) from fehler
        self.stdout.write(
            _("Zeichenkodierung: %(kodierung)s; %(layout)s")
            % {"kodierung": ergebnis.kodierung, "layout": ergebnis.layout_text}
        )
        zusammenfassung = ergebnis.zusammenfassung()
        if probelauf:
            zusammenfassung = _("Probelauf, nichts gespeichert. ") + zusammenfassung
        self.stdout.write(self.style.SUCCESS(zusammenfassung))
