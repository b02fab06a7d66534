"""The SVG maps drawn on the server: content, text, accessibility, escaping, simplification."""

import math
from xml.etree import ElementTree

import pytest
from django.contrib.gis.geos import MultiPolygon, Polygon

from berichte.karten import lage_im_stadtbezirk_svg, quartier_karte_svg
from quartiere.svgkarten import laenge_text, massstab_laenge
from tests.factories import QuartierFactory, StadtbezirkFactory, UnterbezirkFactory, quadrat

SVG = "{http://www.w3.org/2000/svg}"


def stadtbezirk(name="Hombruch"):
    """An unsaved Stadtbezirk of 2 × 2 grid cells (about 2.8 km × 4.4 km)."""
    return StadtbezirkFactory.build(name=name, geometrie=quadrat(0, 0, seite=0.04))


def unterbezirke():
    """Four unsaved Unterbezirke, one per quadrant of the Stadtbezirk."""
    return [
        UnterbezirkFactory.build(code=f"06{spalte}{zeile}", geometrie=quadrat(spalte, zeile))
        for spalte in (0, 1)
        for zeile in (0, 1)
    ]


def quartier(bezirk, name="Menglinghausen", grenze=None):
    """An unsaved quarter in the middle of the Stadtbezirk, touching all four Unterbezirke."""
    grenze = grenze or MultiPolygon(Polygon.from_bbox((7.41, 51.49, 7.43, 51.51)), srid=4326)
    return QuartierFactory.build(name=name, stadtbezirk=bezirk, grenze=grenze)


def karte(name="Menglinghausen", bezirk_name="Hombruch", grenze=None):
    bezirk = stadtbezirk(bezirk_name)
    return quartier_karte_svg(quartier=quartier(bezirk, name, grenze), stadtbezirk=bezirk, unterbezirke=unterbezirke())


def texte(wurzel, klasse=None):
    """The texts of all <text> elements, or of those inside <g class="klasse">."""
    gruppen = [wurzel] if klasse is None else [g for g in wurzel.iter(f"{SVG}g") if g.get("class") == klasse]
    return [text.text for gruppe in gruppen for text in gruppe.iter(f"{SVG}text")]


def test_quartier_karte_svg_labels_unterbezirke_with_their_codes():
    wurzel = ElementTree.fromstring(karte())

    for code in ("0600", "0601", "0610", "0611"):
        # Exactly once: the PDF's text (screen readers, copy and paste) has each label once.
        assert texte(wurzel).count(code) == 1


def test_quartier_karte_svg_has_scale_bar_with_round_length():
    wurzel = ElementTree.fromstring(karte())

    # The view is about 5.7 km wide; a quarter of that, rounded down, is 1 km.
    assert texte(wurzel, "massstab") == ["1\u00a0km"]


def test_quartier_karte_svg_has_north_arrow():
    wurzel = ElementTree.fromstring(karte())

    nordpfeil = [g for g in wurzel.iter(f"{SVG}g") if g.get("class") == "nordpfeil"]
    assert len(nordpfeil) == 1
    assert texte(wurzel, "nordpfeil") == ["N"]
    # Dortmund lies west of the central meridian of UTM zone 32 (9° E), so the meridians run
    # towards it: true north is turned clockwise from grid north, by |(7.42° − 9°) · sin 51.5°| ≈ 1.24°.
    winkel = float(nordpfeil[0].get("transform").split("(")[1].split()[0])
    assert winkel == 1.24


def test_quartier_karte_svg_is_accessible_with_title_and_desc():
    wurzel = ElementTree.fromstring(karte())

    assert wurzel.get("role") == "img"
    assert wurzel.get("aria-labelledby") == "quartierskarte-titel quartierskarte-beschreibung"
    assert wurzel.find(f"{SVG}title").text == "Karte des Quartiers Menglinghausen"
    beschreibung = wurzel.find(f"{SVG}desc").text
    assert "0600, 0601, 0610, 0611" in beschreibung
    assert "Maßstabsleiste: 1\u00a0km" in beschreibung


def test_quartier_karte_svg_has_legend_with_dashed_stadtbezirk_line():
    wurzel = ElementTree.fromstring(karte())

    assert texte(wurzel, "legende") == [
        "Statistischer Unterbezirk, beschriftet mit seinem Code",
        "Quartier (rote, durchgezogene Linie, schraffiert)",
        "Grenze des Stadtbezirks Hombruch (gestrichelt)",
    ]
    gestrichelt = [p for p in wurzel.iter(f"{SVG}path") if p.get("stroke-dasharray")]
    assert len(gestrichelt) == 2  # the outline on the map and its legend symbol


def test_quartier_karte_svg_escapes_names():
    name = 'Nord & Süd <script>alert("x")</script>'

    svg = karte(name=name, bezirk_name="Eving & <b>Brechten</b>")

    assert "<script" not in svg
    assert "<b>" not in svg
    assert "Nord &amp; Süd &lt;script&gt;" in svg
    wurzel = ElementTree.fromstring(svg)  # still well-formed XML
    assert wurzel.find(f"{SVG}title").text == f"Karte des Quartiers {name}"
    assert "Grenze des Stadtbezirks Eving & <b>Brechten</b> (gestrichelt)" in texte(wurzel, "legende")


def test_quartier_karte_svg_simplifies_geometries_for_print():
    # A circle of 5000 vertices, about 1 km across.
    punkte = [
        (7.42 + 0.007 * math.cos(i / 5000 * 2 * math.pi), 51.50 + 0.0045 * math.sin(i / 5000 * 2 * math.pi))
        for i in range(5000)
    ]
    kreis = MultiPolygon(Polygon([*punkte, punkte[0]]), srid=4326)

    wurzel = ElementTree.fromstring(karte(grenze=kreis))

    quartier_pfad = next(p for p in wurzel.iter(f"{SVG}path") if p.get("stroke-width") == "7")
    assert quartier_pfad.get("d").count("L") < 200


def test_lage_im_stadtbezirk_svg_shows_quarter_in_district():
    bezirk = stadtbezirk()

    wurzel = ElementTree.fromstring(lage_im_stadtbezirk_svg(quartier=quartier(bezirk), stadtbezirk=bezirk))

    assert wurzel.find(f"{SVG}title").text == "Lage des Quartiers Menglinghausen im Stadtbezirk Hombruch"
    assert texte(wurzel, "massstab") == ["1\u00a0km"]
    assert texte(wurzel, "nordpfeil") == ["N"]


@pytest.mark.parametrize(
    ("breite_m", "laenge"),
    [(40, 10), (900, 200), (2000, 500), (5700, 1000), (9000, 2000), (12000, 2500), (25000, 5000)],
)
def test_massstab_laenge_is_round_and_at_most_a_quarter_of_the_width(breite_m, laenge):
    assert massstab_laenge(breite_m) == laenge


@pytest.mark.parametrize(
    ("meter", "text"), [(200, "200\u00a0m"), (500, "500\u00a0m"), (1000, "1\u00a0km"), (2500, "2,5\u00a0km")]
)
def test_laenge_text_in_german(meter, text):
    assert laenge_text(meter) == text
