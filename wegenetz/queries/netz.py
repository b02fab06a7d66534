"""The routable graph of the walking network, the profiles' edge times and the shortest-path runs.

The graph is built once per process and network from the ``Wegabschnitt`` rows (without their
geometry) and kept in memory; a new import has a new ``Netzstand`` id, so a stale graph is never
used. Shortest paths run with scipy's ``scipy.sparse.csgraph.dijkstra`` on a directed sparse
matrix of walking times in seconds (each edge in both directions, with its own time: uphill and
downhill differ); several sources (all facilities of a category) at once through a
virtual source node joined to each facility's nearest network node by the time of the walk from the
facility to that node. Plain ORM reads only, so SpatiaLite and PostGIS behave alike.
"""

from __future__ import annotations  # the scipy types below are named for type checkers only

import hashlib
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..models import Barriere, Netzstand, Profilart, Wegabschnitt, Wegprofil
from .koordinaten import koordinaten_metrisch

if TYPE_CHECKING:
    from scipy.sparse import coo_matrix
    from scipy.spatial import cKDTree

# scipy is imported where it is used (the graph, the matrix, Dijkstra): loading it costs every process
# that loads the URLs (each manage.py command runs the URL checks) a third of a second.

# A facility or a start point farther than this from every network node is not on the network.
ANBINDUNG_MAX_M = 400
# Distance fields stop at one hour of walking; farther nodes count as unreachable (inf).
FELD_GRENZE_S = 3600
# OSM surfaces counted as unpaved, and surfaces / smoothness values counted as rough.
UNBEFESTIGT = {
    "unpaved",
    "gravel",
    "dirt",
    "earth",
    "ground",
    "grass",
    "sand",
    "mud",
    "pebblestone",
    "woodchips",
    "rock",
    "grass_paver",
}
HOLPRIG_OBERFLAECHE = {"sett", "cobblestone", "unhewn_cobblestone", "cobblestone:flattened", "stepping_stones"}
HOLPRIG_EBENHEIT = {"bad", "very_bad", "horrible", "very_horrible", "impassable"}
HOHE_BORDSTEINE = {"raised"}


@dataclass
class Netzgraph:
    """The network as arrays by edge (in ``Wegabschnitt`` pk order) and by node index."""

    netz_id: int
    anzahl_knoten: int
    kanten_pk: np.ndarray
    von: np.ndarray
    nach: np.ndarray
    laenge: np.ndarray
    treppe: np.ndarray
    steigung: np.ndarray
    unbefestigt: np.ndarray
    holprig: np.ndarray
    hoher_bordstein: np.ndarray
    nicht_rollstuhlgerecht: np.ndarray
    knoten_xy: np.ndarray
    namen: list[str]
    arten: list[str]
    baum: cKDTree
    geometrien: list | None = None
    segmente: Kantensegmente | None = None

    def position(self, pks: np.ndarray) -> np.ndarray:
        """The array positions of the edges ``pks``."""
        return np.searchsorted(self.kanten_pk, pks)


_GRAPHEN: dict[tuple, Netzgraph] = {}
_SPERRE = threading.Lock()


def aktuelles_netz() -> Netzstand | None:
    """The imported network, or None (1 query; the node coordinates are not loaded)."""
    return Netzstand.objects.defer("knoten_koordinaten").order_by("-importiert_am", "-pk").first()


def netzgraph(netz: Netzstand) -> Netzgraph:
    """The graph of ``netz``, from this process's memory or built from the database (2 queries)."""
    from scipy.spatial import cKDTree  # on first use, see the top of the module

    # Keyed by id and import time: a test database may hand out an id again after a flush.
    schluessel = (netz.pk, netz.importiert_am)
    with _SPERRE:
        if schluessel in _GRAPHEN:
            return _GRAPHEN[schluessel]
    zeilen = list(
        Wegabschnitt.objects.filter(netz=netz)
        .order_by("pk")
        .values_list(
            "pk",
            "von_index",
            "nach_index",
            "laenge_m",
            "ist_treppe",
            "steigung_prozent",
            "oberflaeche",
            "smoothness",
            "kerb",
            "wheelchair",
            "name",
            "art",
        )
    )
    roh = Netzstand.objects.filter(pk=netz.pk).values_list("knoten_koordinaten", flat=True).get()
    knoten_xy = np.frombuffer(bytes(roh), dtype="<f8").reshape(-1, 2)
    spalten = list(zip(*zeilen, strict=True)) if zeilen else [()] * 12
    oberflaeche, ebenheit, kerb, rollstuhl = spalten[6], spalten[7], spalten[8], spalten[9]
    graph = Netzgraph(
        netz_id=netz.pk,
        anzahl_knoten=len(knoten_xy),
        kanten_pk=np.array(spalten[0], dtype=np.int64),
        von=np.array(spalten[1], dtype=np.int64),
        nach=np.array(spalten[2], dtype=np.int64),
        laenge=np.array(spalten[3], dtype=float),
        treppe=np.array(spalten[4], dtype=bool),
        steigung=np.array([np.nan if s is None else s for s in spalten[5]], dtype=float),
        unbefestigt=np.array([o in UNBEFESTIGT for o in oberflaeche], dtype=bool),
        holprig=np.array(
            [o in HOLPRIG_OBERFLAECHE or e in HOLPRIG_EBENHEIT for o, e in zip(oberflaeche, ebenheit, strict=True)],
            dtype=bool,
        ),
        hoher_bordstein=np.array([k in HOHE_BORDSTEINE for k in kerb], dtype=bool),
        nicht_rollstuhlgerecht=np.array([r == "no" for r in rollstuhl], dtype=bool),
        knoten_xy=knoten_xy,
        namen=list(spalten[10]),
        arten=list(spalten[11]),
        baum=cKDTree(knoten_xy if len(knoten_xy) else np.zeros((1, 2))),
    )
    with _SPERRE:
        _GRAPHEN.clear()  # one network at a time
        _GRAPHEN[schluessel] = graph
    return graph


def kantengeometrien(graph: Netzgraph) -> list:
    """The coordinates of every edge (EPSG:4326, in the graph's order), loaded once per process and
    network (1 query the first time), so an isochrone needs no geometry from the database."""
    if graph.geometrien is None:
        geometrien = (
            Wegabschnitt.objects.filter(netz_id=graph.netz_id).order_by("pk").values_list("geometrie", flat=True)
        )
        graph.geometrien = [g.coords for g in geometrien]
    return graph.geometrien


@dataclass
class Kantensegmente:
    """The straight pieces of every edge's course in EPSG:25832, in edge order: what the isochrone
    areas sample."""

    kante: np.ndarray  # edge position of each segment
    anfang: np.ndarray  # (s, 2) start point
    vektor: np.ndarray  # (s, 2) from start to end
    laenge: np.ndarray  # metres
    beginn: np.ndarray  # metres along the edge where the segment starts
    kantenlaenge: np.ndarray  # metres of each edge along its course
    erstes: np.ndarray  # (edges + 1,) index of each edge's first segment

    def abtasten(self, kanten: np.ndarray, abstand: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Points at most ``abstand`` m apart along the edges ``kanten`` (positions), both ends
        included: (points (k, 2), edge position of each, fraction 0…1 of its edge's length)."""
        anzahl = self.erstes[kanten + 1] - self.erstes[kanten]
        seg = np.arange(anzahl.sum()) - np.repeat(np.cumsum(anzahl) - anzahl, anzahl)
        seg += np.repeat(self.erstes[kanten], anzahl)
        schritte = np.maximum(1, np.ceil(self.laenge[seg] / abstand)).astype(np.int64)
        punkte_je = schritte + 1
        je_punkt = np.repeat(seg, punkte_je)
        schritt = np.arange(punkte_je.sum()) - np.repeat(np.cumsum(punkte_je) - punkte_je, punkte_je)
        t = schritt / np.repeat(schritte, punkte_je)
        punkte = self.anfang[je_punkt] + self.vektor[je_punkt] * t[:, None]
        kante = self.kante[je_punkt]
        position = (self.beginn[je_punkt] + t * self.laenge[je_punkt]) / np.maximum(self.kantenlaenge[kante], 1e-9)
        return punkte, kante, position


def kantensegmente(graph: Netzgraph) -> Kantensegmente:
    """The edges' courses as segments in EPSG:25832, built once per process and network from
    ``kantengeometrien`` (one coordinate transformation for all points)."""
    if graph.segmente is None:
        geometrien = kantengeometrien(graph)
        anzahl = np.array([len(g) for g in geometrien], dtype=np.int64)
        flach = np.array([xy for g in geometrien for xy in g], dtype=float).reshape(-1, 2)
        xy = koordinaten_metrisch(flach)
        erster_punkt = np.concatenate([[0], np.cumsum(anzahl)])
        # A segment from every point but each edge's last.
        ist_anfang = np.ones(len(xy), dtype=bool)
        ist_anfang[erster_punkt[1:] - 1] = False
        anfang_idx = np.flatnonzero(ist_anfang)
        vektor = xy[anfang_idx + 1] - xy[anfang_idx]
        laenge = np.hypot(vektor[:, 0], vektor[:, 1])
        kante = np.repeat(np.arange(len(anzahl)), anzahl - 1)
        erstes = np.concatenate([[0], np.cumsum(anzahl - 1)])
        kumuliert = np.concatenate([[0], np.cumsum(laenge)])
        graph.segmente = Kantensegmente(
            kante=kante,
            anfang=xy[anfang_idx],
            vektor=vektor,
            laenge=laenge,
            beginn=kumuliert[:-1] - kumuliert[erstes[kante]],
            kantenlaenge=kumuliert[erstes[1:]] - kumuliert[erstes[:-1]],
            erstes=erstes,
        )
    return graph.segmente


def barriere_kanten(netz: Netzstand) -> np.ndarray:
    """The pks of the edges linked to a barrier of a walk-through finding, sorted (1 query)."""
    return np.array(
        sorted(set(Barriere.objects.filter(wegabschnitt__netz=netz).values_list("wegabschnitt_id", flat=True))),
        dtype=np.int64,
    )


def kantenzeiten(graph: Netzgraph, profil: Wegprofil, barrieren: np.ndarray) -> np.ndarray:
    """Walking time (s) of every edge for ``profil`` in each direction, shape (2, edges): row 0 from
    the edge's ``von`` to its ``nach`` node (along its geometry), row 1 back; ``inf`` where the
    profile cannot pass in that direction.

    The incline is signed along the geometry: walking an edge of +8 % forward is uphill, backward
    downhill; ``max_steigung_prozent`` limits uphill, ``max_gefaelle_prozent`` downhill. Missing tags
    count as passable: no incline, a paved and even surface, a lowered kerb.
    """
    geschwindigkeit = float(profil.geschwindigkeit_m_s)
    faktor = np.ones(len(graph.laenge))
    faktor[graph.unbefestigt] *= float(profil.aufschlag_unbefestigt)
    faktor[graph.holprig] *= float(profil.aufschlag_holprig)
    zeiten = graph.laenge / geschwindigkeit * faktor
    gesperrt = np.zeros(len(zeiten), dtype=bool)
    if profil.treppen_meiden:
        gesperrt |= graph.treppe
    if profil.hohe_bordsteine_meiden:
        gesperrt |= graph.hoher_bordstein
    if profil.art == Profilart.ROLLSTUHL:
        gesperrt |= graph.nicht_rollstuhlgerecht
    if profil.barrieren_beachten and len(barrieren):
        gesperrt[np.isin(graph.kanten_pk, barrieren)] = True
    hin_gesperrt, rueck_gesperrt = gesperrt.copy(), gesperrt.copy()
    with np.errstate(invalid="ignore"):  # NaN (no incline) compares False: passable
        if profil.max_steigung_prozent is not None:
            grenze = float(profil.max_steigung_prozent)
            hin_gesperrt |= graph.steigung > grenze
            rueck_gesperrt |= -graph.steigung > grenze
        if getattr(profil, "max_gefaelle_prozent", None) is not None:
            grenze = float(profil.max_gefaelle_prozent)
            hin_gesperrt |= -graph.steigung > grenze
            rueck_gesperrt |= graph.steigung > grenze
    ergebnis = np.vstack([zeiten, zeiten])
    ergebnis[0, hin_gesperrt] = np.inf
    ergebnis[1, rueck_gesperrt] = np.inf
    return ergebnis


def _matrix(
    graph: Netzgraph, zeiten: np.ndarray, quellen: list[tuple[int, float]], *, zum_ziel: bool = False
) -> coo_matrix:
    """The directed sparse matrix of passable edge directions (the shortest of parallel ones), plus
    a virtual source node (index ``anzahl_knoten``) joined to ``quellen`` (node index, seconds) when
    given. ``zum_ziel``: every edge reversed, so that a run from the sources gives the time from
    every node *to* them (walking to the nearest facility)."""
    from scipy.sparse import coo_matrix  # on first use, see the top of the module

    n = graph.anzahl_knoten
    a = np.concatenate([graph.von, graph.nach])
    b = np.concatenate([graph.nach, graph.von])
    w = np.concatenate([zeiten[0], zeiten[1]])
    if zum_ziel:
        a, b = b, a
    frei = np.isfinite(w) & (a != b)
    a, b, w = a[frei], b[frei], w[frei]
    # csgraph treats an explicit 0 as "no edge"; parallel entries would be summed: keep the shortest.
    w = np.maximum(w, 1e-6)
    schluessel = a * (n + 1) + b
    reihenfolge = np.lexsort((w, schluessel))
    schluessel, a, b, w = schluessel[reihenfolge], a[reihenfolge], b[reihenfolge], w[reihenfolge]
    erste = np.ones(len(schluessel), dtype=bool)
    erste[1:] = schluessel[1:] != schluessel[:-1]
    zeilen, spalten, gewichte = a[erste], b[erste], w[erste]
    if quellen:
        knoten = np.array([q[0] for q in quellen], dtype=np.int64)
        sekunden = np.maximum(np.array([q[1] for q in quellen], dtype=float), 1e-6)
        # Several facilities at one node: the nearest counts.
        beste = {}
        for k, s in zip(knoten.tolist(), sekunden.tolist(), strict=True):
            beste[k] = min(s, beste.get(k, np.inf))
        zeilen = np.concatenate([zeilen, np.full(len(beste), n, dtype=np.int64)])
        spalten = np.concatenate([spalten, np.array(list(beste), dtype=np.int64)])
        gewichte = np.concatenate([gewichte, np.array(list(beste.values()))])
    return coo_matrix((gewichte, (zeilen, spalten)), shape=(n + 1, n + 1)).tocsr()


def anbinden(graph: Netzgraph, xy: np.ndarray) -> list[tuple[int, float]]:
    """For points ``xy`` (EPSG:25832, shape (k, 2)): (nearest node, distance in m) of those within
    ``ANBINDUNG_MAX_M`` of the network."""
    if graph.anzahl_knoten == 0 or len(xy) == 0:
        return []
    abstand, knoten = graph.baum.query(xy)
    return [(int(k), float(d)) for k, d in zip(knoten, abstand, strict=True) if d <= ANBINDUNG_MAX_M]


def gehzeiten_von(
    graph: Netzgraph,
    zeiten: np.ndarray,
    quellen: list[tuple[int, float]],
    *,
    grenze_s: float | None = None,
    zum_ziel: bool = False,
) -> np.ndarray:
    """Walking time (s) from the nearest of ``quellen`` (node, seconds between it and the source) to
    every node; with ``zum_ziel`` from every node to the nearest of them (what a distance field holds:
    uphill and downhill differ, so the two are not the same on a directed graph).

    One run of Dijkstra from a virtual source node; ``inf`` for nodes not reached (within ``grenze_s``).
    """
    from scipy.sparse.csgraph import dijkstra  # on first use, see the top of the module

    if not quellen:
        return np.full(graph.anzahl_knoten, np.inf)
    grenze = np.inf if grenze_s is None else grenze_s
    if len(quellen) == 1:
        # One start (an isochrone): Dijkstra on the profile's matrix, kept in memory, plus the walk to it.
        knoten, sekunden = quellen[0]
        if sekunden > grenze:
            return np.full(graph.anzahl_knoten, np.inf)
        matrix = _grundmatrix(graph, zeiten, zum_ziel=zum_ziel)
        ergebnis = dijkstra(matrix, directed=True, indices=knoten, limit=grenze - sekunden)
        return ergebnis[: graph.anzahl_knoten] + sekunden
    matrix = _matrix(graph, zeiten, quellen, zum_ziel=zum_ziel)
    ergebnis = dijkstra(matrix, directed=True, indices=graph.anzahl_knoten, limit=grenze)
    return ergebnis[: graph.anzahl_knoten]


_MATRIZEN: dict[tuple, object] = {}


def _grundmatrix(graph: Netzgraph, zeiten: np.ndarray, *, zum_ziel: bool = False) -> object:
    """The matrix of ``zeiten`` without sources, built once per graph, edge times and direction."""
    schluessel = (
        graph.netz_id,
        graph.anzahl_knoten,
        zum_ziel,
        hashlib.blake2b(np.ascontiguousarray(zeiten).tobytes(), digest_size=16).digest(),
    )
    with _SPERRE:
        if schluessel in _MATRIZEN:
            return _MATRIZEN[schluessel]
    matrix = _matrix(graph, zeiten, [], zum_ziel=zum_ziel)
    with _SPERRE:
        if len(_MATRIZEN) >= 6:
            _MATRIZEN.pop(next(iter(_MATRIZEN)))
        _MATRIZEN[schluessel] = matrix
    return matrix
