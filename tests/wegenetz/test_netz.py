"""Shortest walking times on hand-made networks with known answers."""

import numpy as np
import pytest

from wegenetz.models import Wegprofil
from wegenetz.queries.koordinaten import punkte_metrisch
from wegenetz.queries.netz import anbinden, barriere_kanten, gehzeiten_von, kantenzeiten, netzgraph

from .netze import FUSSWEG, STRASSE, TREPPE, netz_bauen, punkt

pytestmark = pytest.mark.django_db


def _zeit(netz, profil_art, von, nach):
    """Walking time (s) of ``profil_art`` from point ``von`` to point ``nach`` (both on nodes)."""
    graph = netzgraph(netz)
    profil = Wegprofil.objects.get(art=profil_art)
    zeiten = kantenzeiten(graph, profil, barriere_kanten(netz))
    (start,) = anbinden(graph, punkte_metrisch([punkt(*von)]))
    ((ziel, _abstand),) = anbinden(graph, punkte_metrisch([punkt(*nach)]))
    return float(gehzeiten_von(graph, zeiten, [start])[ziel])


def test_umweg_um_die_bahn_bis_zum_uebergang():
    # A railway along y = 50 separates (0, 0) from (0, 100); the only crossing is 500 m east.
    netz, _bericht = netz_bauen(
        [
            ([(0, 0), (500, 0)], STRASSE),
            ([(500, 0), (500, 100)], {"highway": "footway", "railway": "crossing"}),
            ([(500, 100), (0, 100)], STRASSE),
            ([(-200, 50), (700, 50)], {"railway": "rail"}),
        ]
    )
    assert _zeit(netz, "fuss", (0, 0), (0, 100)) == pytest.approx(1100 / 0.9, rel=0.01)


def test_treppe_nimmt_nur_wer_zu_fuss_geht():
    # 40 m of steps, or 400 m round by a ramp.
    netz, _bericht = netz_bauen(
        [
            ([(0, 0), (0, 40)], TREPPE),
            ([(0, 0), (200, 0), (200, 40), (0, 40)], FUSSWEG),
        ]
    )
    assert _zeit(netz, "fuss", (0, 0), (0, 40)) == pytest.approx(40 / 0.9, rel=0.01)
    assert _zeit(netz, "rollator", (0, 0), (0, 40)) == pytest.approx(440 / 0.7, rel=0.01)
    assert _zeit(netz, "rollstuhl", (0, 0), (0, 40)) == pytest.approx(440 / 0.8, rel=0.01)


@pytest.mark.parametrize(
    ("steigung", "rollator_nimmt_den_steilen_weg"),
    [("6%", True), ("5.9%", True), ("6.1%", False), ("-6.1%", False), ("up", True), ("3.4°", True), ("3.5°", False)],
)
def test_steigung_knapp_unter_und_ueber_der_grenze(steigung, rollator_nimmt_den_steilen_weg):
    # A steep path of 100 m, or 300 m round on the flat; the rollator's limit is 6 %.
    netz, _bericht = netz_bauen(
        [
            ([(0, 0), (100, 0)], {"highway": "path", "incline": steigung}),
            ([(0, 0), (0, 100), (100, 100), (100, 0)], FUSSWEG),
        ]
    )
    erwartet = 100 if rollator_nimmt_den_steilen_weg else 300
    assert _zeit(netz, "rollator", (0, 0), (100, 0)) == pytest.approx(erwartet / 0.7, rel=0.01)
    assert _zeit(netz, "fuss", (0, 0), (100, 0)) == pytest.approx(100 / 0.9, rel=0.01)


def test_getrennter_teil_ist_unerreichbar():
    netz, _bericht = netz_bauen([([(0, 0), (100, 0)], FUSSWEG), ([(300, 0), (400, 0)], FUSSWEG)])
    assert _zeit(netz, "fuss", (0, 0), (100, 0)) == pytest.approx(100 / 0.9, rel=0.01)
    assert _zeit(netz, "fuss", (0, 0), (400, 0)) == np.inf


def test_holpriger_und_unbefestigter_weg_kostet_den_rollator_mehr_zeit():
    netz, _bericht = netz_bauen([([(0, 0), (100, 0)], {"highway": "path", "surface": "gravel", "smoothness": "bad"})])
    assert _zeit(netz, "fuss", (0, 0), (100, 0)) == pytest.approx(100 / 0.9, rel=0.01)
    assert _zeit(netz, "rollator", (0, 0), (100, 0)) == pytest.approx(100 / 0.7 * 1.5 * 1.3, rel=0.01)


def test_hoher_bordstein_und_nicht_rollstuhlgerecht():
    netz, _bericht = netz_bauen(
        [
            ([(0, 0), (10, 0)], {"highway": "footway", "footway": "crossing", "kerb": "raised"}),
            ([(0, 0), (0, 50), (10, 50), (10, 0)], {"highway": "footway", "wheelchair": "no"}),
            ([(0, 0), (0, -100), (10, -100), (10, 0)], FUSSWEG),
        ]
    )
    assert _zeit(netz, "fuss", (0, 0), (10, 0)) == pytest.approx(10 / 0.9, rel=0.02)
    assert _zeit(netz, "rollator", (0, 0), (10, 0)) == pytest.approx(110 / 0.7, rel=0.01)
    assert _zeit(netz, "rollstuhl", (0, 0), (10, 0)) == pytest.approx(210 / 0.8, rel=0.01)


def test_parallele_wege_der_kuerzere_zaehlt():
    netz, _bericht = netz_bauen([([(0, 0), (0, 100), (100, 100)], FUSSWEG), ([(0, 0), (100, 100)], FUSSWEG)])
    assert _zeit(netz, "fuss", (0, 0), (100, 100)) == pytest.approx(141.42 / 0.9, rel=0.01)
