"""Fuzzing the import of facilities (CSV in WGS 84 and UTM, GeoJSON)."""

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from quartiere.models import Infrastruktur
from quartiere.services import infrastruktur_importieren

from .hilfen import pruefen
from .strategien import datei_oder_rauschen


def _stand():
    return sorted(Infrastruktur.objects.values_list("name", "kategorie_id", "punkt"), key=str)


def _importieren(inhalt: bytes, endung: str, koordinatensystem: int):
    with tempfile.TemporaryDirectory() as ordner:
        pfad = Path(ordner) / f"einrichtungen{endung}"
        pfad.write_bytes(inhalt)
        return pruefen(
            lambda: infrastruktur_importieren(pfad=pfad, koordinatensystem=koordinatensystem),
            zaehlen=_stand,
        )


@given(inhalt=datei_oder_rauschen("infrastruktur/gut_wgs84.csv", "infrastruktur/schlecht_wgs84.csv"))
def test_infrastruktur_csv_import_stuerzt_nicht_ab(stadt, inhalt):
    _importieren(inhalt, ".csv", 4326)


@given(inhalt=datei_oder_rauschen("infrastruktur/gut_utm.csv"), koordinatensystem=st.sampled_from([4326, 25832]))
def test_infrastruktur_csv_utm_import_stuerzt_nicht_ab(stadt, inhalt, koordinatensystem):
    _importieren(inhalt, ".csv", koordinatensystem)


@given(inhalt=datei_oder_rauschen("infrastruktur/gut.geojson", "infrastruktur/gut_25832.geojson"))
def test_infrastruktur_geojson_import_stuerzt_nicht_ab(stadt, inhalt):
    _importieren(inhalt, ".geojson", 4326)
