"""The data migrations and the metric computations."""

from quartiere.models import Handlungsfeld
from quartiere.queries import flaeche_km2, schwerpunkt
from tests.factories import quadrat


def _relative_leuchtdichte(farbe):
    kanaele = [int(farbe[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [k / 12.92 if k <= 0.03928 else ((k + 0.055) / 1.055) ** 2.4 for k in kanaele]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_handlungsfelder_aus_der_datenmigration(db):
    assert list(Handlungsfeld.objects.values_list("name", flat=True)) == [
        "Wohnen",
        "Mobilität und Nahversorgung",
        "Sicherheit",
        "Wohnumfeld",
        "Teilhabe und soziale Infrastruktur",
        "Gesundheit und Pflege",
    ]


def test_handlungsfeld_farben_kontrast_mindestens_4_5_zu_weiss(db):
    for feld in Handlungsfeld.objects.all():
        kontrast = 1.05 / (_relative_leuchtdichte(feld.farbe) + 0.05)
        assert kontrast >= 4.5, (feld.name, feld.farbe, round(kontrast, 2))


def test_kommunikation_und_information_hat_kein_eigenes_handlungsfeld(db):
    bereiche = {b for feld in Handlungsfeld.objects.all() for b in feld.who_bereiche}
    assert "Kommunikation und Information" not in bereiche
    assert "Wohnen" in bereiche


def test_rollen_aus_der_datenmigration(db):
    from django.contrib.auth.models import Group

    assert sorted(Group.objects.values_list("name", flat=True)) == [
        "Lenkungsgruppe",
        "Partner",
        "Projektteam",
        "Ratsbüro",
    ]


def test_flaeche_und_schwerpunkt_metrisch():
    # 0.02° × 0.02° at 51.49° N: 0.02 × 111.3 km × cos(51.49°) ≈ 1.386 km wide, 2.226 km high,
    # 3.086 km² on the sphere; EPSG:25832 adds its scale factor (about +0.1 % here).
    q = quadrat(0, 0)
    assert abs(flaeche_km2(q) - 3.086) < 0.01
    mitte = schwerpunkt(q)
    assert (mitte.srid, round(mitte.x, 4), round(mitte.y, 4)) == (4326, 7.41, 51.49)
