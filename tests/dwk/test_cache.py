"""The cache of computed page parts (quartiere.queries.datenstand): a real change through a service
makes the next page show the new value; unchanged data are served from the cache."""

import json
import re

import pytest
from django.contrib.gis.geos import MultiPolygon, Polygon
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quartiere.models import Indikator, QuartierUnterbezirk
from quartiere.queries.datenstand import datenstand
from quartiere.services import gebiete_importieren, kennzahlen_importieren, quartier_speichern
from tests.factories import (
    SEITE,
    X0,
    Y0,
    KennzahlFactory,
    QuartierFactory,
    StadtbezirkFactory,
    StatistischerBezirkFactory,
    UnterbezirkFactory,
    quadrat,
)


@pytest.fixture
def quartier(db):
    """Menglinghausen: all of 691 and half of 692; 1,000 and 400 residents in 2020."""
    stadtbezirk = StadtbezirkFactory(code="06", name="Hombruch", geometrie=quadrat(0, 0, seite=2 * SEITE))
    bezirk = StatistischerBezirkFactory(stadtbezirk=stadtbezirk, code="690", name="Menglinghausen")
    west = UnterbezirkFactory(bezirk=bezirk, code="691", name="West", geometrie=quadrat(0, 0))
    ost = UnterbezirkFactory(bezirk=bezirk, code="692", name="Ost", geometrie=quadrat(1, 0))
    grenze = MultiPolygon(Polygon.from_bbox((X0, Y0, X0 + 1.5 * SEITE, Y0 + SEITE)), srid=4326)
    quartier = QuartierFactory(name="Menglinghausen", slug="menglinghausen", stadtbezirk=stadtbezirk, grenze=grenze)
    QuartierUnterbezirk.objects.create(quartier=quartier, unterbezirk=west, anteil=1.0)
    QuartierUnterbezirk.objects.create(quartier=quartier, unterbezirk=ost, anteil=0.5)
    gesamt = Indikator.objects.get(schluessel="ew_gesamt")
    KennzahlFactory(indikator=gesamt, unterbezirk=west, jahr=2020, wert=1000)
    KennzahlFactory(indikator=gesamt, unterbezirk=ost, jahr=2020, wert=400)
    return quartier


def _csv(*zeilen):
    return "\r\n".join(["Gebietsschlüssel;Indikator;Jahr;Wert", *zeilen]).encode("utf-8")


def test_analyse_zeigt_nach_kennzahlen_import_den_neuen_wert(client_projektteam, quartier):
    url = reverse("quartiere:quartier_analyse", args=["menglinghausen"]) + "?indikator=ew_gesamt"
    # 1,000 + 400 × 0.5 residents
    assert "1.200" in client_projektteam.get(url).content.decode()
    with CaptureQueriesContext(connection) as abfragen:
        zweite = client_projektteam.get(url).content.decode()
    assert "1.200" in zweite
    assert not any("quartiere_kennzahl" in a["sql"] for a in abfragen.captured_queries), "aus dem Cache erwartet"

    kennzahlen_importieren(inhalt=_csv("691;ew_gesamt;2020;3000"), dateiname="neu.csv", ebene="unterbezirk")

    seite = client_projektteam.get(url).content.decode()
    assert "3.200" in seite
    assert "1.200" not in seite


def test_analyse_zeichnet_das_diagramm_neu_wenn_sich_die_werte_aendern(client_projektteam, quartier):
    url = reverse("quartiere:quartier_analyse", args=["menglinghausen"]) + "?indikator=ew_gesamt"
    vorher = client_projektteam.get(url).context["diagramm"]
    assert client_projektteam.get(url).context["diagramm"] == vorher

    kennzahlen_importieren(inhalt=_csv("692;ew_gesamt;2020;4000"), dateiname="neu.csv", ebene="unterbezirk")

    nachher = client_projektteam.get(url).context["diagramm"]
    assert nachher != vorher
    assert "<svg" in nachher


def test_karte_und_ebene_zeigen_nach_gebiete_import_den_neuen_namen(client_projektteam, quartier, tmp_path):
    karte = reverse("quartiere:karte")
    ebene = reverse("quartiere:ebene_geojson", args=["unterbezirke"])
    assert "West" in client_projektteam.get(karte).content.decode()
    assert [f["properties"]["name"] for f in json.loads(client_projektteam.get(ebene).content)["features"]] == [
        "West",
        "Ost",
    ]
    datei = tmp_path / "unterbezirke.geojson"
    datei.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"code": "691", "name": "Westfeld", "bezirk": "690"},
                        "geometry": json.loads(quadrat(0, 0).geojson),
                    }
                ],
            }
        )
    )

    gebiete_importieren(pfad=datei, ebene="unterbezirk", code_feld="code", name_feld="name", parent_feld="bezirk")

    assert "Westfeld" in client_projektteam.get(karte).content.decode()
    namen = [f["properties"]["name"] for f in json.loads(client_projektteam.get(ebene).content)["features"]]
    assert namen == ["Westfeld", "Ost"]


def test_quartier_speichern_aendert_den_datenstand_und_die_analyse(client_projektteam, quartier):
    url = reverse("quartiere:quartier_analyse", args=["menglinghausen"]) + "?indikator=ew_gesamt"
    assert "1.200" in client_projektteam.get(url).content.decode()
    stand = datenstand()
    # The quarter grows to cover all of 692: 1,000 + 400.
    quartier.grenze = MultiPolygon(Polygon.from_bbox((X0, Y0, X0 + 2 * SEITE, Y0 + SEITE)), srid=4326)

    quartier_speichern(quartier=quartier)

    assert datenstand() != stand
    assert "1.400" in client_projektteam.get(url).content.decode()


def test_choropleth_zeigt_nach_import_den_neuen_wert(client_projektteam, quartier):
    url = reverse("quartiere:indikator_geojson", args=["ew_gesamt"]) + "?ebene=unterbezirk&jahr=2020"

    def werte():
        return {
            f["properties"]["code"]: f["properties"]["wert"]
            for f in json.loads(client_projektteam.get(url).content)["features"]
        }

    assert werte()["691"] == 1000
    kennzahlen_importieren(inhalt=_csv("691;ew_gesamt;2020;1500"), dateiname="neu.csv", ebene="unterbezirk")
    assert werte()["691"] == 1500


def test_choropleth_tabelle_zeigt_nach_import_den_neuen_wert(client_projektteam, quartier):
    """The table beside the choropleth is a cached fragment per Datenstand, choice and sort order."""
    url = reverse("quartiere:indikator_karte", args=["ew_gesamt"]) + "?ebene=unterbezirk&jahr=2020"

    def tabelle(sortierung="code"):
        inhalt = client_projektteam.get(f"{url}&sort={sortierung}").content.decode()
        zeilen = re.findall(r'<td>(\d+)</td>\s*<th scope="row">[^<]*</th>\s*<td class="text-end">([^<]*)</td>', inhalt)
        return dict(zeilen), [code for code, _wert in zeilen]

    werte, codes = tabelle()
    assert werte["691"] == "1.000" and len(codes) >= 2
    assert tabelle() == (werte, codes)  # the second time from the cache
    assert tabelle("-code")[1] == codes[::-1]

    kennzahlen_importieren(inhalt=_csv("691;ew_gesamt;2020;1500"), dateiname="neu.csv", ebene="unterbezirk")

    assert tabelle()[0]["691"] == "1.500"
    assert tabelle("-code")[0]["691"] == "1.500"


def test_cache_liegt_in_der_datenbank(quartier):
    """Several web servers share the cache: by default it is the database's table dwk_cache."""
    cache.set("probe", 42)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM dwk_cache")
        assert cursor.fetchone()[0] >= 1
    assert cache.get("probe") == 42
