"""``python manage.py import_wegenetz DATEI [--ohne-distanzfelder]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dwk.text import ImportFehler
from wegenetz.services import distanzfelder_berechnen, wegenetz_importieren


class Command(BaseCommand):
    help = (
        "Importiert das Fußwegenetz aus einem OpenStreetMap-Auszug (.osm.pbf, wie ihn z. B. Geofabrik anbietet): "
        "Fußwege, Pfade, Fußgängerzonen, Wohn- und Erschließungsstraßen, Treppen, Übergänge und Straßen mit "
        "Gehweg. Ein neuer Import ersetzt das bisherige Netz ganz oder gar nicht. Danach werden die "
        "Distanzfelder je Kategorie und Profil berechnet."
    )

    def add_arguments(self, parser):
        parser.add_argument("datei", help="Pfad des OSM-Auszugs (.osm.pbf, .osm, .osm.bz2)")
        parser.add_argument(
            "--ohne-distanzfelder",
            action="store_true",
            help="Die Distanzfelder nicht gleich berechnen (das übernimmt dann der Hintergrundauftrag)",
        )

    def handle(self, *args, datei, ohne_distanzfelder, **options):
        pfad = Path(datei)
        if not pfad.is_file():
            raise CommandError(_("Die Datei „%(pfad)s“ gibt es nicht.") % {"pfad": datei})
        try:
            _netz, bericht = wegenetz_importieren(pfad=pfad, melden=lambda text: self.stdout.write(text))
        except ImportFehler as fehler:
            raise CommandError(fehler.bericht()) from fehler
        for zeile in bericht.zeilen():
            self.stdout.write(zeile)
        if not ohne_distanzfelder:
            anzahl = distanzfelder_berechnen()
            self.stdout.write(_("%(anzahl)s Distanzfelder berechnet.") % {"anzahl": anzahl})
        self.stdout.write(self.style.SUCCESS(_("Das Wegenetz ist importiert.")))
