"""``python manage.py import_gebiete DATEI --ebene … --code-feld … --name-feld … [--parent-feld …]``."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dwk.text import ImportFehler
from quartiere.services import GebietsEbene, gebiete_importieren


class Command(BaseCommand):
    help = (
        "Importiert Stadtbezirke, statistische Bezirke oder Unterbezirke aus GeoJSON, KML, Shapefile "
        "(auch als ZIP) oder GeoPackage in beliebigem Koordinatensystem. Gebiete werden über ihren Code "
        "angelegt oder aktualisiert; bei einem Fehler wird nichts geändert."
    )

    def add_arguments(self, parser):
        parser.add_argument("datei", help="Pfad der Datei (.geojson, .json, .kml, .shp, .zip, .gpkg)")
        parser.add_argument(
            "--ebene", required=True, choices=GebietsEbene.values, help="Welche Gebiete die Datei enthält"
        )
        parser.add_argument("--code-feld", required=True, help="Feld mit dem Code des Gebiets")
        parser.add_argument("--name-feld", required=True, help="Feld mit dem Namen des Gebiets")
        parser.add_argument(
            "--parent-feld",
            help="Feld mit dem Code des übergeordneten Gebiets (Stadtbezirk bzw. statistischer Bezirk); "
            "nötig für --ebene bezirk und unterbezirk",
        )

    def handle(self, *args, datei, ebene, code_feld, name_feld, parent_feld, **options):
        try:
            ergebnis = gebiete_importieren(
                pfad=datei, ebene=ebene, code_feld=code_feld, name_feld=name_feld, parent_feld=parent_feld
            )
        except ImportFehler as fehler:
            raise CommandError(fehler.bericht()) from fehler
        self.stdout.write(self.style.SUCCESS(ergebnis.zusammenfassung()))
        if ergebnis.quartiere_neu_abgeleitet:
            self.stdout.write(ergebnis.abdeckung_hinweis())
        for warnung in ergebnis.warnungen:
            self.stdout.write(self.style.WARNING(_("Hinweis: %(warnung)s") % {"warnung": warnung}))
