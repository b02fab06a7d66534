"""Analysis pages: content, confidentiality of small counts on pages and in every export,
query counts."""

import io
import json

import pytest
from django.contrib.gis.geos import MultiPolygon, Polygon
from django.urls import reverse
from openpyxl import load_workbook

from dwk.permissions import LENKUNGSGRUPPE
from quartiere.models import Indikator, QuartierUnterbezirk
from tests.factories import (
    SEITE,
    X0,
    Y0,
    KennzahlFactory,
    QuartierFactory,
    StadtbezirkFactory,
    StatistischerBezirkFactory,
    UnterbezirkFactory,
    UserFactory,
    quadrat,
)


def _werte(unterbezirk, jahr, **werte):
    for schluessel, wert in werte.items():
        KennzahlFactory(
            indikator=Indikator.objects.get(schluessel=schluessel), unterbezirk=unterbezirk, jahr=jahr, wert=wert
        )


@pytest.fixture
def quartier(db):
    """Menglinghausen: all of 691 and half of 692. 692 has 2 recipients of Grundsicherung (a small count)."""
    stadtbezirk = StadtbezirkFactory(code="06", name="Hombruch", geometrie=quadrat(0, 0, seite=2 * SEITE))
    bezirk = StatistischerBezirkFactory(stadtbezirk=stadtbezirk, code="690")
    west = UnterbezirkFactory(bezirk=bezirk, code="691", name="West", geometrie=quadrat(0, 0))
    ost = UnterbezirkFactory(bezirk=bezirk, code="692", name="Ost", geometrie=quadrat(1, 0))
    grenze = MultiPolygon(Polygon.from_bbox((X0, Y0, X0 + 1.5 * SEITE, Y0 + SEITE)), srid=4326)
    quartier = QuartierFactory(name="Menglinghausen", slug="menglinghausen", stadtbezirk=stadtbezirk, grenze=grenze)
    QuartierUnterbezirk.objects.create(quartier=quartier, unterbezirk=west, anteil=1.0)
    QuartierUnterbezirk.objects.create(quartier=quartier, unterbezirk=ost, anteil=0.5)
    for jahr in (2015, 2020):
        _werte(west, jahr, ew_gesamt=1000, ew_80plus=100, ew_65plus=240, grusi_65plus=12)
        _werte(ost, jahr, ew_gesamt=400, ew_80plus=60, ew_65plus=100, grusi_65plus=2)
    return quartier


@pytest.fixture
def client_lenkungsgruppe(db, client):
    client.force_login(UserFactory(username="lg", rolle=LENKUNGSGRUPPE))
    return client


def test_quartier_analyse_vergleicht_und_erklaert_teilflaechen(client_projektteam, quartier):
    antwort = client_projektteam.get(reverse("quartiere:quartier_analyse", args=["menglinghausen"]))

    text = antwort.content.decode()
    assert "Sie zählen mit dem Anteil ihrer Fläche" in text
    # Residents 2020: quarter 1000 + 0.5 × 400, Stadtbezirk 1400, city 1400; change over five years 0.
    assert '<td class="text-end">1.200</td><td class="text-end">1.400</td><td class="text-end">1.400</td>' in text
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in text
    assert 'aria-describedby="zeitreihe-tabelle"' in text
    assert "style=" not in text.split('<svg xmlns="http://www.w3.org/2000/svg"')[1].split("</svg>")[0]


def test_quartier_analyse_abfragen_begrenzt(client_projektteam, quartier, django_assert_max_num_queries):
    # The first request after a change computes and fills the cache (analysis and chart: 13 more);
    # every further one reads both from it.
    url = reverse("quartiere:quartier_analyse", args=["menglinghausen"])
    with django_assert_max_num_queries(25 + 13):
        client_projektteam.get(url)
    with django_assert_max_num_queries(25):
        client_projektteam.get(url)
    for code in ("693", "694", "695"):
        unterbezirk = UnterbezirkFactory(bezirk=quartier.abdeckungen.first().unterbezirk.bezirk, code=code)
        QuartierUnterbezirk.objects.create(quartier=quartier, unterbezirk=unterbezirk, anteil=0.2)
        for jahr in range(2010, 2025):
            _werte(unterbezirk, jahr, ew_gesamt=500, ew_80plus=50)
    with django_assert_max_num_queries(25 + 13):
        client_projektteam.get(url)
    with django_assert_max_num_queries(25):
        client_projektteam.get(url)


def test_kleine_fallzahl_und_ihr_gegenstueck_fuer_lenkungsgruppe_verborgen(client_lenkungsgruppe, quartier):
    # Bezirk 690: 12 + 2 = 14 recipients; Unterbezirk 692 alone: 2. With 690 published, 691 is
    # withheld too (secondary suppression), or 692 would be 14 − 12.
    seite = client_lenkungsgruppe.get(
        reverse("quartiere:indikator_karte", args=["grusi_65plus"]) + "?ebene=unterbezirk&jahr=2020"
    )
    text = seite.content.decode()
    assert '<th scope="row">Ost</th>\n          <td class="text-end">nicht ausgewiesen</td>' in text
    assert '<th scope="row">West</th>\n          <td class="text-end">nicht ausgewiesen</td>' in text

    csv = client_lenkungsgruppe.get(
        reverse("quartiere:indikator_karte", args=["grusi_65plus"]) + "?ebene=unterbezirk&jahr=2020&format=csv"
    )
    assert csv.content.decode("utf-8-sig").splitlines()[1:] == [
        "691;West;nicht ausgewiesen;",
        "692;Ost;nicht ausgewiesen;",
    ]
    bezirk = client_lenkungsgruppe.get(
        reverse("quartiere:indikator_karte", args=["grusi_65plus"]) + "?ebene=bezirk&jahr=2020&format=csv"
    )
    assert bezirk.content.decode("utf-8-sig").splitlines()[1].split(";")[2] == "14"

    geojson = client_lenkungsgruppe.get(
        reverse("quartiere:indikator_geojson", args=["quote_grusi_65plus"]) + "?ebene=unterbezirk&jahr=2020"
    )
    eigenschaften = {f["properties"]["code"]: f["properties"] for f in json.loads(geojson.content)["features"]}
    assert (eigenschaften["692"]["wert"], eigenschaften["692"]["klasse"]) == ("nicht ausgewiesen", None)
    assert (eigenschaften["691"]["wert"], eigenschaften["691"]["klasse"]) == ("nicht ausgewiesen", None)

    # The quarter (all of 691, half of 692: 13) would give 692 = (13 − 12) / 0.5: withheld as well.
    xlsx = client_lenkungsgruppe.get(reverse("quartiere:quartier_analyse", args=["menglinghausen"]) + "?format=xlsx")
    zeilen = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert (
        "Empfänger von Grundsicherung im Alter",
        "grusi_65plus",
        "Personen",
        2020,
        "nicht ausgewiesen",
        14,
        14,
    ) in zeilen


def test_kleine_fallzahl_fuer_projektteam_sichtbar(client_projektteam, quartier):
    csv = client_projektteam.get(
        reverse("quartiere:indikator_karte", args=["grusi_65plus"]) + "?ebene=unterbezirk&jahr=2020&format=csv"
    )

    assert csv.content.decode("utf-8-sig").splitlines()[1:] == ["691;West;12;5", "692;Ost;2;1"]


def test_kleiner_zaehler_im_quartier_verborgen(client_lenkungsgruppe, quartier):
    Indikator.objects.filter(schluessel="grusi_65plus")  # quarter: 12 + 0.5 × 2 = 13, not small
    KennzahlFactory(
        indikator=Indikator.objects.get(schluessel="ew_65plus_migration"),
        unterbezirk=quartier.abdeckungen.first().unterbezirk,
        jahr=2020,
        wert=1,
    )
    KennzahlFactory(
        indikator=Indikator.objects.get(schluessel="ew_65plus_migration"),
        unterbezirk=quartier.abdeckungen.last().unterbezirk,
        jahr=2020,
        wert=2,
    )

    antwort = client_lenkungsgruppe.get(reverse("quartiere:quartier_analyse", args=["menglinghausen"]))

    text = antwort.content.decode()
    assert "nicht ausgewiesen" in text
    assert "&lt; 3" not in text  # withheld values all look alike: the mark does not tell a small one


def test_choropleth_sortiert_ohne_javascript(client_projektteam, quartier):
    antwort = client_projektteam.get(
        reverse("quartiere:indikator_karte", args=["ew_gesamt"]) + "?ebene=unterbezirk&jahr=2020&sort=-wert"
    )

    text = antwort.content.decode()
    assert text.index('<th scope="row">West</th>') < text.index('<th scope="row">Ost</th>')
    assert 'aria-sort="descending"' in text
    assert "?ebene=unterbezirk&amp;jahr=2020&amp;klassen=quantile&amp;sort=wert" in text


def test_choropleth_geojson_vereinfacht_und_gerundet(client_projektteam, quartier):
    antwort = client_projektteam.get(reverse("quartiere:indikator_geojson", args=["ew_gesamt"]) + "?ebene=unterbezirk")

    daten = json.loads(antwort.content)
    zahlen = json.dumps(daten["features"][0]["geometry"]["coordinates"]).replace("[", "").replace("]", "").split(",")
    assert max(len(zahl.strip().split(".")[1]) for zahl in zahlen) <= 5
    assert [(f["properties"]["code"], f["properties"]["wert"]) for f in daten["features"]] == [
        ("691", 1000),
        ("692", 400),
    ]
    assert daten["indikator"]["jahr"] == 2020


@pytest.mark.parametrize("anzahl", [1, 3])
def test_choropleth_abfragen_konstant(client_projektteam, quartier, django_assert_num_queries, anzahl):
    bezirk = quartier.abdeckungen.first().unterbezirk.bezirk
    for n in range(anzahl):
        _werte(UnterbezirkFactory(bezirk=bezirk, code=f"69{n + 5}"), 2020, ew_gesamt=10 + n)
    url = reverse("quartiere:indikator_karte", args=["ew_gesamt"]) + "?jahr=2020"
    with django_assert_num_queries(26):  # computes the areas' values and the table, fills the cache
        client_projektteam.get(url)
    with django_assert_num_queries(11):  # from the cache (values, and the table as a fragment)
        client_projektteam.get(url)


@pytest.mark.parametrize("anzahl", [1, 3])
def test_analyse_uebersicht_abfragen_konstant(client_projektteam, quartier, django_assert_num_queries, anzahl):
    QuartierFactory.create_batch(anzahl - 1, stadtbezirk=quartier.stadtbezirk)
    # 7: one of them looks up the steering group's decision on data collection.
    with django_assert_num_queries(7):
        antwort = client_projektteam.get(reverse("quartiere:analyse"))
    assert antwort.content.decode().count("/analyse/quartiere/") == anzahl


def test_analyse_katalog_verweist_auf_datenerfassungsbeschluss(client_projektteam, quartier):
    from lenkungsgruppe.models import BeschlussArt
    from tests.factories import BeschlussFactory

    ohne = client_projektteam.get(reverse("quartiere:analyse")).content.decode()
    beschluss = BeschlussFactory(art=BeschlussArt.DATENERFASSUNG)
    mit = client_projektteam.get(reverse("quartiere:analyse")).content.decode()
    assert "noch nicht beschlossen, welche Daten erfasst werden" in ohne
    assert f"mit Beschluss Nr. {beschluss.nummer} vom" in mit
    assert beschluss.get_absolute_url() in mit


def test_quartier_mit_schraegstrich_im_namen_als_xlsx(client_projektteam, quartier):
    quartier.name = "Marten/Germania"
    quartier.save()

    antwort = client_projektteam.get(reverse("quartiere:quartier_analyse", args=["menglinghausen"]) + "?format=xlsx")

    assert antwort.status_code == 200
    assert load_workbook(io.BytesIO(antwort.content)).sheetnames == ["MartenGermania"]
