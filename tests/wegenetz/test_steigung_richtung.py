"""An incline holds in the way's direction (OSM ``incline``: positive uphill along the way): the
import keeps its sign, and the graph weighs each direction of an edge for itself, so uphill and
downhill differ for the rollator and the wheelchair. Built from a small real ``.osm.pbf`` that
pyosmium writes, as OSM has the tags."""

import numpy as np
import osmium
import pytest
from osmium.osm.mutable import Node, Way

from tests.factories import InfrastrukturFactory
from wegenetz.models import Distanzfeld, Wegabschnitt, Wegprofil
from wegenetz.queries import isochrone_berechnen
from wegenetz.queries.koordinaten import punkte_metrisch
from wegenetz.queries.netz import anbinden, barriere_kanten, gehzeiten_von, kantenzeiten, netzgraph
from wegenetz.services import distanzfelder_berechnen, wegenetz_importieren
from wegenetz.services.netz_import import steigung_lesen

from .netze import lonlat, punkt

pytestmark = pytest.mark.django_db

# A (0, 0) at the foot of the slope, B (100, 0) at its top; the flat way round is 300 m.
PUNKTE = {1: (0, 0), 2: (100, 0), 3: (0, 100), 4: (100, 100)}
A, B = PUNKTE[1], PUNKTE[2]


def _auszug(ordner, steil_knoten, steil_tags):
    """Write an extract: the steep way over ``steil_knoten`` (in this order) and the flat way round."""
    pfad = ordner / "hang.osm.pbf"
    schreiber = osmium.SimpleWriter(str(pfad))
    try:
        for knoten_id, xy in PUNKTE.items():
            schreiber.add_node(Node(id=knoten_id, location=lonlat(*xy), version=1))
        schreiber.add_way(Way(id=10, nodes=steil_knoten, tags={"highway": "footway", **steil_tags}, version=1))
        schreiber.add_way(Way(id=11, nodes=[1, 3, 4, 2], tags={"highway": "footway", "surface": "asphalt"}, version=1))
    finally:
        schreiber.close()
    netz, _bericht = wegenetz_importieren(pfad=pfad)
    return netz


def _zeit(netz, profil, von, nach):
    graph = netzgraph(netz)
    zeiten = kantenzeiten(graph, profil, barriere_kanten(netz))
    (start,) = anbinden(graph, punkte_metrisch([punkt(*von)]))
    ((ziel, _abstand),) = anbinden(graph, punkte_metrisch([punkt(*nach)]))
    return float(gehzeiten_von(graph, zeiten, [start])[ziel])


@pytest.fixture
def rollator():
    """The rollator with a steeper limit downhill (10 %) than uphill (6 %)."""
    profil = Wegprofil.objects.get(art="rollator")
    profil.max_gefaelle_prozent = 10
    profil.save()
    return profil


@pytest.mark.parametrize(
    ("wert", "erwartet"),
    [("8%", 8.0), ("-8 %", -8.0), ("+3,5%", 3.5), ("-4°", -7.0), ("0%", 0.0), ("-0%", 0.0), ("up", None), ("x", None)],
)
def test_steigung_mit_vorzeichen_lesen(wert, erwartet):
    assert steigung_lesen(wert) == erwartet


@pytest.mark.parametrize(
    ("knoten", "tags", "steigung"),
    [([1, 2], {"incline": "8%"}, 8.0), ([2, 1], {"incline": "-8%"}, -8.0)],
    ids=["von A nach B bergauf", "von B nach A bergab"],
)
def test_bergauf_gesperrt_bergab_erlaubt(tmp_path, rollator, knoten, tags, steigung):
    # The same slope, mapped in either direction: uphill from A to B either way.
    netz = _auszug(tmp_path, knoten, tags)
    steil = Wegabschnitt.objects.get(netz=netz, osm_weg=10)
    assert (steil.von_knoten, steil.nach_knoten, steil.steigung_prozent) == (knoten[0], knoten[1], steigung)

    # Uphill 8 % is above the rollator's 6 %: round the flat way; downhill 8 % is below its 10 %.
    assert _zeit(netz, rollator, A, B) == pytest.approx(300 / 0.7, rel=0.01)
    assert _zeit(netz, rollator, B, A) == pytest.approx(100 / 0.7, rel=0.01)
    fuss = Wegprofil.objects.get(art="fuss")
    assert _zeit(netz, fuss, A, B) == pytest.approx(100 / 0.9, rel=0.01)
    assert _zeit(netz, fuss, B, A) == pytest.approx(100 / 0.9, rel=0.01)


def test_mit_gleichen_grenzen_in_beide_richtungen_gesperrt(tmp_path):
    netz = _auszug(tmp_path, [1, 2], {"incline": "8%"})
    rollator = Wegprofil.objects.get(art="rollator")  # 6 % up and down (migration defaults)
    assert _zeit(netz, rollator, A, B) == pytest.approx(300 / 0.7, rel=0.01)
    assert _zeit(netz, rollator, B, A) == pytest.approx(300 / 0.7, rel=0.01)


def test_richtung_ohne_zahl_gilt_als_passierbar(tmp_path):
    netz = _auszug(tmp_path, [1, 2], {"incline": "up"})
    assert Wegabschnitt.objects.get(netz=netz, osm_weg=10).steigung_prozent is None
    rollator = Wegprofil.objects.get(art="rollator")
    assert _zeit(netz, rollator, A, B) == pytest.approx(100 / 0.7, rel=0.01)


def test_distanzfeld_misst_den_weg_zur_einrichtung(tmp_path, rollator):
    # The field holds the time from every node TO the facility: from A to a pharmacy at the top B
    # is uphill (round the flat way), from B to one at the foot A downhill (direct).
    netz = _auszug(tmp_path, [1, 2], {"incline": "8%"})
    graph = netzgraph(netz)
    ((knoten_a, _),) = anbinden(graph, punkte_metrisch([punkt(*A)]))
    ((knoten_b, _),) = anbinden(graph, punkte_metrisch([punkt(*B)]))

    def feld():
        roh = Distanzfeld.objects.get(netz=netz, kategorie__slug="apotheke", profil=rollator).sekunden
        return np.frombuffer(bytes(roh), dtype="<f4")

    oben = InfrastrukturFactory(punkt=punkt(*B))
    distanzfelder_berechnen()
    assert float(feld()[knoten_a]) == pytest.approx(300 / 0.7, rel=0.01)

    oben.delete()
    InfrastrukturFactory(punkt=punkt(*A))
    distanzfelder_berechnen()
    assert float(feld()[knoten_b]) == pytest.approx(100 / 0.7, rel=0.01)


def test_isochrone_bergab_weiter_als_bergauf(tmp_path, rollator):
    netz = _auszug(tmp_path, [1, 2], {"incline": "8%"})
    von_unten = isochrone_berechnen(punkt=punkt(*A), profil=rollator, stufen=[3])
    von_oben = isochrone_berechnen(punkt=punkt(*B), profil=rollator, stufen=[3])
    steil = Wegabschnitt.objects.get(netz=netz, osm_weg=10).pk
    assert steil not in {k["pk"] for k in von_unten.kanten}
    assert steil in {k["pk"] for k in von_oben.kanten}
