"""Coverage per quarter, isochrones and barriers on hand-made networks with known answers."""

import pytest
from django.core.exceptions import ValidationError

from quartiere.models import InfrastrukturKategorie
from tests.factories import BefundFactory, InfrastrukturFactory, QuartierFactory, StadtbezirkFactory, quadrat
from wegenetz.models import Barriere, Distanzfeld, Wegprofil
from wegenetz.queries import isochrone_berechnen, netz_abdeckung
from wegenetz.queries.abdeckung import abdeckung_vergleich
from wegenetz.services import distanzfelder_berechnen
from wegenetz.services.profile import barriere_verknuepfen

from .netze import FUSSWEG, TREPPE, netz_bauen, punkt

pytestmark = pytest.mark.django_db


@pytest.fixture
def quartier():
    return QuartierFactory(stadtbezirk=StadtbezirkFactory(geometrie=quadrat(0)))


def _profilwert(abdeckung, slug, art):
    return next(e for e in abdeckung.eintraege if e.kategorie.slug == slug).profile[art]


def test_ohne_netz_keine_netzabdeckung(quartier):
    assert netz_abdeckung(quartier=quartier) is None
    assert abdeckung_vergleich(quartier=quartier) is None


def test_abdeckung_eines_geraden_wegs_mit_apotheke_am_anfang(quartier):
    # 900 m of footway, a pharmacy at its start; radius 500 m ≙ 555.6 s at 0.9 m/s.
    netz_bauen([([(0, 0), (250, 0), (500, 0), (750, 0), (900, 0)], FUSSWEG)])
    InfrastrukturFactory(punkt=punkt(0, 0))
    assert distanzfelder_berechnen() == InfrastrukturKategorie.objects.count() * 3

    abdeckung = netz_abdeckung(quartier=quartier)

    assert abdeckung.netzlaenge_m == pytest.approx(900, rel=0.01)
    assert (abdeckung.veraltet, abdeckung.fehlend) == (False, False)
    fuss = _profilwert(abdeckung, "apotheke", "fuss")
    assert fuss.anteil == pytest.approx(500 / 900, abs=0.01)
    # The node nearest the quarter's centre is the footway's start, where the pharmacy is.
    assert fuss.minuten_vom_mittelpunkt == 0.0
    assert not fuss.ist_luecke
    rollator = _profilwert(abdeckung, "apotheke", "rollator")
    assert rollator.anteil == pytest.approx(500 * 0.7 / 0.9 / 900, abs=0.01)
    assert [str(g) for g in rollator.gruende] == ["weniger als die Hälfte des Wegenetzes in Gehzeit"]
    ohne = _profilwert(abdeckung, "hausarztpraxis", "fuss")
    assert (ohne.anteil, ohne.minuten_vom_mittelpunkt, ohne.ist_luecke) == (0.0, None, True)

    vergleich = abdeckung_vergleich(quartier=quartier)
    zeile = next(z for z in vergleich.zeilen if z.kategorie.slug == "apotheke")
    assert [(art, w.prozent) for art, w in zeile.profile] == [
        ("fuss", pytest.approx(55.6, abs=0.5)),
        ("rollator", pytest.approx(43.2, abs=0.5)),
        ("rollstuhl", pytest.approx(49.4, abs=0.5)),
    ]
    # In straight line too: the 500 m circle covers less than half of the square quarter.
    assert zeile.luecken_text == "Luftlinie, mit Rollator, mit Rollstuhl"


def test_neue_einrichtung_macht_die_felder_veraltet_bis_zur_neuberechnung(quartier):
    netz_bauen([([(0, 0), (1000, 0)], FUSSWEG)])
    distanzfelder_berechnen()
    assert netz_abdeckung(quartier=quartier).veraltet is False

    InfrastrukturFactory(punkt=punkt(1000, 0))
    assert netz_abdeckung(quartier=quartier).veraltet is True
    assert distanzfelder_berechnen() == 3  # only the pharmacy's fields, one per profile
    assert netz_abdeckung(quartier=quartier).veraltet is False
    assert distanzfelder_berechnen() == 0


def test_fehlende_felder_werden_gemeldet(quartier):
    netz_bauen([([(0, 0), (1000, 0)], FUSSWEG)])
    abdeckung = netz_abdeckung(quartier=quartier)
    assert abdeckung.fehlend is True
    assert _profilwert(abdeckung, "apotheke", "fuss").anteil is None


def test_isochrone_stufen_und_treppe():
    # Steps of 40 m, or 400 m round by a ramp; beyond, a footway of 600 m.
    netz_bauen(
        [
            ([(0, 0), (0, 40)], TREPPE),
            ([(0, 0), (180, 0), (180, 40), (0, 40)], FUSSWEG),
            ([(0, 40), (0, 640)], FUSSWEG),
        ]
    )
    fuss = isochrone_berechnen(punkt=punkt(0, 0), profil=Wegprofil.objects.get(art="fuss"))
    rollator = isochrone_berechnen(punkt=punkt(0, 0), profil=Wegprofil.objects.get(art="rollator"))

    assert fuss.stufen == [5, 10, 15]
    assert "steps" in {k["art"] for k in fuss.kanten}
    assert "steps" not in {k["art"] for k in rollator.kanten}
    # Walking: the 600 m footway's middle after (40 + 300) m / 0.9 m/s = 6.3 min.
    lang = next(k for k in fuss.kanten if k["laenge_m"] > 500)
    assert (lang["minuten"], lang["stufe"]) == (pytest.approx(340 / 0.9 / 60, abs=0.1), 10)
    # With a rollator: the ramp's middle after 200 m / 0.7 m/s = 4.8 min; the long footway's middle
    # only after 700 m = 16.7 min, beyond the last band.
    rampe = next(k for k in rollator.kanten if 300 < k["laenge_m"] < 500)
    assert (rampe["minuten"], rampe["stufe"]) == (pytest.approx(200 / 0.7 / 60, abs=0.1), 5)
    assert max(k["laenge_m"] for k in rollator.kanten) < 500
    assert sorted(fuss.flaechen) == [5, 10, 15]
    assert fuss.flaechen[15].contains(fuss.flaechen[5].point_on_surface)
    assert fuss.geojson()["features"][0]["properties"] == {"art": "flaeche", "minuten": 15, "profil": "fuss"}


def test_barriere_aus_der_begehung_wirkt_auf_rollator_nicht_auf_fuss(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # Direct 100 m, or 300 m round.
    netz_bauen([([(0, 0), (100, 0)], FUSSWEG), ([(0, 0), (0, 100), (100, 100), (100, 0)], FUSSWEG)])
    befund = BefundFactory(art="mangel", ort=punkt(50, 5), text="Stufe ohne Rampe am Durchgang")

    barriere = barriere_verknuepfen(befund=befund, benutzer=None)

    assert barriere.wegabschnitt.laenge_m == pytest.approx(100, rel=0.01)
    fuss = isochrone_berechnen(punkt=punkt(0, 0), profil=Wegprofil.objects.get(art="fuss"), stufen=[2])
    rollator = isochrone_berechnen(punkt=punkt(0, 0), profil=Wegprofil.objects.get(art="rollator"), stufen=[2])
    assert barriere.wegabschnitt_id in {k["pk"] for k in fuss.kanten}
    assert barriere.wegabschnitt_id not in {k["pk"] for k in rollator.kanten}
    # The job ran at once (immediate backend): the fields know the barrier.
    assert Distanzfeld.objects.exists()


def test_befund_ohne_ort_oder_fern_vom_netz_wird_abgelehnt():
    netz_bauen([([(0, 0), (100, 0)], FUSSWEG)])
    with pytest.raises(ValidationError, match="keinen Ort"):
        barriere_verknuepfen(befund=BefundFactory(ort=None), benutzer=None)
    with pytest.raises(ValidationError, match="näher als 30 m"):
        barriere_verknuepfen(befund=BefundFactory(ort=punkt(50, 80)), benutzer=None)
    assert not Barriere.objects.exists()
