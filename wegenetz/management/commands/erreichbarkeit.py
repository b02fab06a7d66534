"""``python manage.py erreichbarkeit --lon … --lat … --profil fuss --minuten 10 --geojson OUT``."""

import json
import math
from pathlib import Path

from django.contrib.gis.geos import Point
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wegenetz.models import Profilart, Wegprofil
from wegenetz.queries import KeinNetz, isochrone_berechnen


class Command(BaseCommand):
    help = (
        "Schreibt das Gebiet, das man von einem Punkt aus in N Minuten auf dem Wegenetz erreicht (ein Profil: "
        "zu Fuß, mit Rollator, mit Rollstuhl), als GeoJSON: die Fläche und die erreichten Wegabschnitte mit Minuten."
    )

    def add_arguments(self, parser):
        parser.add_argument("--lon", type=float, required=True, help="Längengrad des Startpunkts (WGS 84)")
        parser.add_argument("--lat", type=float, required=True, help="Breitengrad des Startpunkts (WGS 84)")
        parser.add_argument("--profil", choices=Profilart.values, default=Profilart.FUSS)
        parser.add_argument("--minuten", type=int, default=10, help="Gehzeit in Minuten (1 bis 60)")
        parser.add_argument("--geojson", required=True, help="Ausgabedatei (GeoJSON); - schreibt auf die Konsole")

    def handle(self, *args, lon, lat, profil, minuten, geojson, **options):
        if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
            raise CommandError(_("--lon und --lat müssen Koordinaten in Grad (WGS 84) sein."))
        if not 1 <= minuten <= 60:
            raise CommandError(_("--minuten muss zwischen 1 und 60 liegen."))
        try:
            isochrone = isochrone_berechnen(
                punkt=Point(lon, lat, srid=4326), profil=Wegprofil.objects.get(art=profil), stufen=[minuten]
            )
        except KeinNetz as fehler:
            raise CommandError(str(fehler)) from fehler
        text = json.dumps(isochrone.geojson(je_weg=True), ensure_ascii=False)
        if geojson == "-":
            self.stdout.write(text)
        else:
            Path(geojson).write_text(text, encoding="utf-8")
            meter = round(sum(k["laenge_m"] for k in isochrone.kanten))
            self.stdout.write(
                _(
                    "%(anzahl)s Wegabschnitte (%(meter)s m) in %(minuten)s Minuten erreichbar; "
                    "geschrieben nach %(datei)s."
                )
                % {"anzahl": len(isochrone.kanten), "meter": meter, "minuten": minuten, "datei": geojson}
            )
