"""``python manage.py import_infrastruktur DATEI [--crs 4326|25832]``."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dwk.text import ImportFehler
from quartiere.services import infrastruktur_importieren


class Command(BaseCommand):
    help = (
        "Importiert Infrastruktureinrichtungen aus CSV (Spalten kategorie, name, lat/lon oder x/y, optional id, "
        "adresse, barrierefreiheit, oeffnungshinweise, quelle, quelle_hinweis, stand) oder GeoJSON (Punkte). "
        "Zeilen mit id aktualisieren die Einrichtung mit dieser Nummer, Zeilen ohne id legen neue an. "
        "Bei einem Fehler wird nichts geändert."
    )

    def add_arguments(self, parser):
        parser.add_argument("datei", help="Pfad der Datei (.csv, .txt, .geojson, .json)")
        parser.add_argument(
            "--crs",
            type=int,
            choices=[4326, 25832],
            default=4326,
            help="Koordinatensystem einer CSV-Datei: 4326 (Spalten lat, lon) oder 25832 (Spalten x, y); "
            "GeoJSON bringt sein eigenes mit",
        )

    def handle(self, *args, datei, crs, **options):
        try:
            ergebnis = infrastruktur_importieren(pfad=datei, koordinatensystem=crs)
        except ImportFehler as fehler:
            raise CommandError(fehler.bericht()) from fehler
        self.stdout.write(self.style.SUCCESS(ergebnis.zusammenfassung()))
        for warnung in ergebnis.warnungen:
            self.stdout.write(self.style.WARNING(_("Hinweis: %(warnung)s") % {"warnung": warnung}))
