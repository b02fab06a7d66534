"""Walking-distance coverage against cases computed by hand.

The quarter is a square of 1,000 m × 1,000 m drawn in EPSG:25832, so that areas and
distances can be written down exactly. Buffers are 64-gons (16 segments per quarter
circle), whose area is 0.16 % below the circle's; shares are compared with a tolerance of
0.5 % of the expected value, distances (which involve no buffer) to 1 cm.
"""

import math

import pytest
from django.contrib.gis.geos import MultiPolygon, Point, Polygon

from quartiere.models import InfrastrukturKategorie
from quartiere.queries.abdeckung import erreichbarkeit_berechnen, luecken
from tests.factories import InfrastrukturFactory, QuartierFactory

X, Y = 390_000, 5_710_000  # south-west corner of the square, in Dortmund (EPSG:25832)
SEITE = 1000
TOLERANZ = 0.005


def wgs84(x, y):
    punkt = Point(x, y, srid=25832)
    punkt.transform(4326)
    return punkt


def quadratisches_quartier(**kwargs):
    quadrat = MultiPolygon(Polygon.from_bbox((X, Y, X + SEITE, Y + SEITE)), srid=25832)
    quadrat.transform(4326)
    return QuartierFactory(grenze=quadrat, **kwargs)


def kategorie(slug, radius):
    k = InfrastrukturKategorie.objects.select_related("handlungsfeld").get(slug=slug)
    k.radius_m = radius
    k.save()
    return k


def eintrag(quartier, kat, rechenweg):
    return erreichbarkeit_berechnen(quartiere=[quartier], kategorien=[kat], rechenweg=rechenweg)[quartier.pk][0]


@pytest.fixture(params=["postgis", "geos"])
def rechenweg(request):
    """Every case runs once through the PostGIS query and once through the GEOS way of SpatiaLite."""
    return request.param


def test_ecke_deckt_einen_viertelkreis(db, rechenweg):
    quartier = quadratisches_quartier()
    apotheke = kategorie("apotheke", 500)
    InfrastrukturFactory(kategorie=apotheke, name="Eck-Apotheke", punkt=wgs84(X, Y))

    e = eintrag(quartier, apotheke, rechenweg)

    # A quarter circle of radius 500 m in a square of 1 km²: π · 500² / 4 / 1,000,000.
    erwartet = math.pi * 500**2 / 4 / SEITE**2
    assert abs(e.anteil - erwartet) / erwartet < TOLERANZ
    # The centre (500, 500) is 500·√2 m from the corner.
    assert round(e.naechste_distanz_m, 2) == round(500 * math.sqrt(2), 2)
    assert (e.anzahl, e.naechste_name) == (1, "Eck-Apotheke")
    assert e.ist_luecke is True
    assert [str(g) for g in e.gruende] == [
        "keine Einrichtung im Radius um den Mittelpunkt",
        "weniger als die Hälfte der Fläche im Radius",
    ]


def test_kante_und_mitte_ergeben_halbkreis_plus_kreis(db, rechenweg):
    quartier = quadratisches_quartier()
    haltestelle = kategorie("haltestelle", 300)
    # A half circle at the middle of the southern edge and a full circle at the centre; they
    # overlap in a lens (300 + 300 > 500) that lies inside the square and counts once.
    InfrastrukturFactory(kategorie=haltestelle, punkt=wgs84(X + 500, Y))
    InfrastrukturFactory(kategorie=haltestelle, punkt=wgs84(X + 500, Y + 500))

    e = eintrag(quartier, haltestelle, rechenweg)

    r, d = 300, 500
    # Lens of two circles of radius r at distance d: 2r²·acos(d/2r) − (d/2)·√(4r² − d²).
    linse = 2 * r**2 * math.acos(d / (2 * r)) - d / 2 * math.sqrt(4 * r**2 - d**2)
    flaeche = math.pi * r**2 / 2 + math.pi * r**2 - linse  # the lens lies wholly inside the square
    erwartet = flaeche / SEITE**2
    assert abs(e.anteil - erwartet) / erwartet < TOLERANZ
    assert round(e.naechste_distanz_m, 2) == 0
    assert e.anzahl == 2
    assert [str(g) for g in e.gruende] == ["weniger als die Hälfte der Fläche im Radius"]


def test_einrichtung_ausserhalb_zaehlt_innerhalb_des_radius(db, rechenweg):
    quartier = quadratisches_quartier()
    markt = kategorie("lebensmittelmarkt", 500)
    # 200 m west of the square, level with its centre: a circle segment of height 300 m reaches in.
    InfrastrukturFactory(kategorie=markt, punkt=wgs84(X - 200, Y + 500))
    # 600 m east of the square: out of reach, not counted, but it is not the nearest either.
    InfrastrukturFactory(kategorie=markt, punkt=wgs84(X + SEITE + 600, Y + 500))

    e = eintrag(quartier, markt, rechenweg)

    r, h = 500, 300
    segment = r**2 * math.acos((r - h) / r) - (r - h) * math.sqrt(2 * r * h - h**2)
    erwartet = segment / SEITE**2
    assert abs(e.anteil - erwartet) / erwartet < TOLERANZ
    assert (e.anzahl, round(e.naechste_distanz_m, 2)) == (1, 700.0)


def test_ganz_abgedeckt_ist_keine_luecke(db, rechenweg):
    quartier = quadratisches_quartier()
    seniorenbuero = kategorie("seniorenbuero", 1000)
    InfrastrukturFactory(kategorie=seniorenbuero, punkt=wgs84(X + 500, Y + 500))

    e = eintrag(quartier, seniorenbuero, rechenweg)

    # The circle of 1,000 m around the centre covers all corners (707 m away).
    assert (round(e.anteil, 4), e.ist_luecke, e.gruende) == (1.0, False, [])


def test_ohne_einrichtung_null_und_luecke(db, rechenweg):
    quartier = quadratisches_quartier()
    post = kategorie("post", 500)

    e = eintrag(quartier, post, rechenweg)

    assert (e.anzahl, e.anteil, e.naechste_distanz_m, e.naechste_name, e.ist_luecke) == (0, 0.0, None, "", True)


def test_alle_kategorien_mehrere_quartiere_eine_abfrage(db, django_assert_num_queries):
    erstes = quadratisches_quartier()
    zweites = quadratisches_quartier()
    InfrastrukturFactory(kategorie=kategorie("apotheke", 500), punkt=wgs84(X, Y))
    kategorien = list(InfrastrukturKategorie.objects.select_related("handlungsfeld"))

    with django_assert_num_queries(1):
        ergebnis = erreichbarkeit_berechnen(quartiere=[erstes, zweites], kategorien=kategorien, mit_puffer=True)

    assert list(ergebnis) == [erstes.pk, zweites.pk]
    assert [e.kategorie.slug for e in ergebnis[erstes.pk]] == [k.slug for k in kategorien]
    apotheke = next(e for e in ergebnis[erstes.pk] if e.kategorie.slug == "apotheke")
    assert apotheke.puffer_geojson.startswith('{"type":"Polygon"')
    assert len(luecken(ergebnis[erstes.pk])) == 17


def test_postgis_und_geos_stimmen_ueberein(db):
    quartier = quadratisches_quartier()
    for i, (dx, dy) in enumerate([(-300, 100), (250, 900), (800, 400), (1300, 1300), (500, -450)]):
        slug = ["apotheke", "baeckerei", "sitzbank", "haltestelle", "apotheke"][i]
        InfrastrukturFactory(kategorie_id=InfrastrukturKategorie.objects.get(slug=slug).pk, punkt=wgs84(X + dx, Y + dy))
    kategorien = list(InfrastrukturKategorie.objects.all())

    sql = erreichbarkeit_berechnen(quartiere=[quartier], kategorien=kategorien, rechenweg="postgis")
    python = erreichbarkeit_berechnen(quartiere=[quartier], kategorien=kategorien, rechenweg="geos")

    def werte(ergebnis):
        return [
            (e.kategorie.slug, e.anzahl, round(e.anteil, 4), e.naechste_id, round(e.naechste_distanz_m or 0, 2))
            for e in ergebnis[quartier.pk]
        ]

    assert werte(sql) == werte(python)
