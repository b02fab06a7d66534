"""The city map's layers: served simplified for the scale they are drawn at, whatever was imported."""

import json
import math

from django.contrib.gis.geos import GEOSGeometry, MultiPolygon, Polygon
from django.urls import reverse

from quartiere.queries.gebiete import flaeche_km2
from tests.factories import X0, Y0, StadtbezirkFactory


def _riesenpolygon(ecken=100_000, radius=0.03):
    """A circle of ``ecken`` vertices around the test grid, each jittered by up to 1 m."""
    punkte = []
    for i in range(ecken):
        winkel = 2 * math.pi * i / ecken
        r = radius + (0.00001 if i % 2 else 0)
        punkte.append((X0 + 0.05 + r * math.cos(winkel) * 1.6, Y0 + 0.05 + r * math.sin(winkel)))
    punkte.append(punkte[0])
    return MultiPolygon(Polygon(punkte), srid=4326)


def test_kartenebene_mit_100000_ecken_bleibt_klein(client_projektteam):
    grenze = _riesenpolygon()
    StadtbezirkFactory(code="01", name="Riesig", geometrie=grenze)

    antwort = client_projektteam.get(reverse("quartiere:ebene_geojson", args=["stadtbezirke"]))

    assert antwort.status_code == 200
    assert len(antwort.content) < 20_000  # unsimplified: about 4 MB
    geometrie = json.loads(antwort.content)["features"][0]["geometry"]
    assert geometrie["type"] == "MultiPolygon"
    gezeigt = GEOSGeometry(json.dumps(geometrie), srid=4326)
    assert gezeigt.valid
    assert gezeigt.num_coords < 1_000
    # What is drawn covers the same area to within one per cent.
    assert abs(flaeche_km2(gezeigt) / flaeche_km2(grenze) - 1) < 0.01
    zahlen = json.dumps(geometrie["coordinates"]).replace("[", "").replace("]", "").split(",")
    assert max(len(zahl.strip().partition(".")[2]) for zahl in zahlen) <= 5


def test_kartenebenen_je_massstab_vereinfacht(client_projektteam):
    """The finer a layer is drawn, the less it is simplified: quarters keep more vertices than Stadtbezirke."""
    from tests.factories import QuartierFactory

    grenze = _riesenpolygon(ecken=20_000)
    StadtbezirkFactory(code="01", geometrie=grenze)
    QuartierFactory(grenze=grenze)

    def ecken(ebene):
        daten = client_projektteam.get(reverse("quartiere:ebene_geojson", args=[ebene])).json()
        return GEOSGeometry(json.dumps(daten["features"][0]["geometry"])).num_coords

    assert ecken("stadtbezirke") < ecken("quartiere") < 20_000
