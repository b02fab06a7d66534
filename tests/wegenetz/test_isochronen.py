"""Isochrone areas on hand-made networks with known answers: cut where the band ends along an
edge (not whole edges), within the buffer of the reached streets, nested, and in both directions
of a slope as each profile walks it."""

import pytest
from django.contrib.gis.geos import Point

from wegenetz.models import Wegprofil
from wegenetz.queries import isochrone_berechnen
from wegenetz.queries.isochronen import PUFFER_M, VEREINFACHUNG_M
from wegenetz.queries.koordinaten import nach_metrisch

from .netze import FUSSWEG, netz_bauen, punkt

pytestmark = pytest.mark.django_db


def _metrisch(isochrone, stufe):
    return nach_metrisch(isochrone.flaechen[stufe])


def _ort(x, y):
    """The point (x, y) of the test network in EPSG:25832."""
    return nach_metrisch(punkt(x, y))


def _ausdehnung_nach_osten(flaeche):
    """How far east of (0, 0) the area reaches, in metres."""
    return flaeche.extent[2] - _ort(0, 0).x


def test_flaeche_endet_wo_die_gehzeit_auf_der_kante_endet():
    # One straight footway of 1000 m, a single edge; start at its west end.
    netz_bauen([([(0, 0), (1000, 0)], FUSSWEG)])
    fuss = isochrone_berechnen(punkt=punkt(0, 0), profil=Wegprofil.objects.get(art="fuss"))

    # 5 minutes at 0.9 m/s: 270 m along the edge, plus the buffer beyond its end.
    for stufe in (5, 10, 15):
        assert _ausdehnung_nach_osten(_metrisch(fuss, stufe)) == pytest.approx(stufe * 60 * 0.9 + PUFFER_M, abs=6), (
            stufe
        )
    fuenf = _metrisch(fuss, 5)
    assert fuenf.contains(_ort(260, 0))
    assert fuenf.contains(_ort(150, PUFFER_M - 5))
    assert not fuenf.contains(_ort(150, PUFFER_M + 5))
    assert not fuenf.contains(_ort(320, 0))
    # The bands nest: each contains the one before (up to the simplification of the outline).
    assert _metrisch(fuss, 10).buffer(VEREINFACHUNG_M + 0.5).contains(fuenf)
    assert _metrisch(fuss, 15).buffer(VEREINFACHUNG_M + 0.5).contains(_metrisch(fuss, 10))
    # Round buffer: about a strip of 2 × 30 m along 270 m plus two half discs.
    assert fuenf.area == pytest.approx(270 * 2 * PUFFER_M + 3.1416 * PUFFER_M**2, rel=0.05)


def test_flaeche_von_beiden_enden_einer_kante():
    # A square block of 4 × 200 m: from the corner (0, 0) both ways round meet on the far side.
    netz_bauen(
        [
            ([(0, 0), (200, 0)], FUSSWEG),
            ([(200, 0), (200, 200)], FUSSWEG),
            ([(200, 200), (0, 200)], FUSSWEG),
            ([(0, 200), (0, 0)], FUSSWEG),
        ]
    )
    fuss = isochrone_berechnen(punkt=punkt(0, 0), profil=Wegprofil.objects.get(art="fuss"), stufen=[5, 10])
    fuenf = _metrisch(fuss, 5)  # 270 m each way: 70 m into each far edge, 60 m of it left unreached
    assert fuenf.contains(_ort(200, 60))
    assert fuenf.contains(_ort(60, 200))
    assert not fuenf.contains(_ort(200, 150))
    assert not fuenf.contains(_ort(150, 200))
    # The inner courtyard (more than 30 m from every street) is a hole of the area.
    assert not _metrisch(fuss, 10).contains(_ort(100, 100))
    assert _metrisch(fuss, 10).contains(_ort(200, 200))


def test_flaeche_bergauf_kuerzer_als_bergab():
    # 500 m of footway rising 5 % to the east, then 500 m flat. With an uphill limit of 4 % the
    # wheelchair cannot go up at all; down it may (its downhill limit is 6 %).
    netz_bauen([([(0, 0), (500, 0)], {"highway": "footway", "incline": "5%"}), ([(500, 0), (1000, 0)], FUSSWEG)])
    rollstuhl = Wegprofil.objects.get(art="rollstuhl")
    rollstuhl.max_steigung_prozent = 4
    rollstuhl.save()
    von_unten = isochrone_berechnen(punkt=punkt(0, 0), profil=rollstuhl, stufen=[5])
    von_oben = isochrone_berechnen(punkt=punkt(500, 0), profil=rollstuhl, stufen=[5])
    # From the foot it gets nowhere but the start's buffer; from the top 240 m down and 240 m on.
    assert _ausdehnung_nach_osten(_metrisch(von_unten, 5)) == pytest.approx(PUFFER_M, abs=6)
    oben = _metrisch(von_oben, 5)
    assert oben.contains(_ort(500 - 230, 0))
    assert oben.contains(_ort(500 + 230, 0))


def test_start_abseits_des_netzes_liegt_in_der_flaeche():
    netz_bauen([([(0, 0), (1000, 0)], FUSSWEG)])
    start = punkt(100, 150)  # 150 m north of the footway
    isochrone = isochrone_berechnen(punkt=start, profil=Wegprofil.objects.get(art="fuss"), stufen=[5])
    assert isochrone.flaechen[5].contains(Point(start.x, start.y, srid=4326))
