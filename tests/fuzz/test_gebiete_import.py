"""Fuzzing the boundary import (GeoJSON and KML) and the GPX route of a walk-through."""

import json
import tempfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given, settings
from hypothesis import strategies as st

from quartiere.models import Stadtbezirk, StatistischerBezirk, Unterbezirk
from quartiere.services import gebiete_importieren
from quartiersprofil.forms.begehungen import gpx_lesen

from .hilfen import pruefen
from .strategien import beschaedigt, datei_oder_rauschen


def _stand():
    return [
        sorted(model.objects.values_list("code", "name", "geometrie"), key=str)
        for model in (Stadtbezirk, StatistischerBezirk, Unterbezirk)
    ]


def _importieren(inhalt: bytes, endung: str, **angaben):
    with tempfile.TemporaryDirectory() as ordner:
        pfad = Path(ordner) / f"gebiete{endung}"
        pfad.write_bytes(inhalt)
        return pruefen(
            lambda: gebiete_importieren(pfad=pfad, code_feld="code", name_feld="name", **angaben), zaehlen=_stand
        )


KOORDINATE = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=7.39, max_value=7.45),
    st.floats(min_value=51.47, max_value=51.51),
)


@st.composite
def geojson_polygone(draw) -> bytes:
    """A FeatureCollection of Unterbezirke with random rings: open, self-crossing, tiny, far away, NaN."""
    features = []
    for _ in range(draw(st.integers(0, 3))):
        ring = draw(st.lists(st.tuples(KOORDINATE, KOORDINATE), min_size=0, max_size=7))
        if ring and draw(st.booleans()):
            ring.append(ring[0])
        typ = draw(st.sampled_from(["Polygon", "MultiPolygon", "Point", "LineString", "GeometryCollection", "Quatsch"]))
        koordinaten = [[list(p) for p in ring]]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "code": draw(st.one_of(st.sampled_from(["691", "692", "693", ""]), st.text(max_size=12))),
                    "name": draw(st.one_of(st.text(max_size=30), st.none(), st.integers())),
                    "bezirk": draw(st.sampled_from(["690", "999", None])),
                },
                "geometry": {"type": typ, "coordinates": [koordinaten] if typ == "MultiPolygon" else koordinaten},
            }
        )
    return json.dumps({"type": "FeatureCollection", "features": features}, allow_nan=True).encode()


@settings(max_examples=25)  # each example opens a file with GDAL and checks the geometries
@given(inhalt=st.one_of(geojson_polygone(), datei_oder_rauschen("gebiete/unterbezirke.geojson")))
def test_gebiete_geojson_import_stuerzt_nicht_ab(stadt, inhalt):
    _importieren(inhalt, ".geojson", ebene="unterbezirk", parent_feld="bezirk")


@given(inhalt=datei_oder_rauschen("gebiete/stadtbezirke.kml", max_eingriffe=4))
def test_gebiete_kml_import_stuerzt_nicht_ab(stadt, inhalt):
    _importieren(inhalt, ".kml", ebene="stadtbezirk")


GPX = b"""<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="dwk" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Rundgang</name><trkseg>
    <trkpt lat="51.4801" lon="7.4001"></trkpt><trkpt lat="51.4812" lon="7.4023"></trkpt>
    <trkpt lat="51.4825" lon="7.4040"></trkpt>
  </trkseg></trk>
  <rte><rtept lat="51.48" lon="7.40"></rtept><rtept lat="51.49" lon="7.41"></rtept></rte>
</gpx>
"""


@given(inhalt=st.one_of(st.binary(max_size=400), beschaedigt(GPX, max_eingriffe=5)))
def test_gpx_lesen_stuerzt_nicht_ab(db, inhalt):
    ergebnis = pruefen(lambda: gpx_lesen(SimpleUploadedFile("route.gpx", inhalt)), zaehlen=lambda: 0)
    if not isinstance(ergebnis, Exception):
        assert ergebnis.geom_type == "MultiLineString"
        assert ergebnis.srid == 4326
