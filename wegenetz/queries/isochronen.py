"""Isochrones: what a person of one profile reaches on foot from a point within 5, 10, 15 minutes.

The start is joined to the nearest network node (at most ``ANBINDUNG_MAX_M`` away, walked at the
profile's speed); one Dijkstra run gives every node's time. An edge counts as reached when its
middle is reached (the earlier end's time plus half the edge's time, in the direction walked), and
belongs to the first band (5, 10, 15 minutes) that contains that time. The area of a band is
everything within ``PUFFER_M`` of the streets reached within it, cut where the band ends along
each edge (``flaechen_berechnen``): street by street, not a circle around the start.
"""

import json
import struct
from dataclasses import dataclass, field

import numpy as np
from contourpy import FillType, contour_generator
from django.contrib.gis.geos import GEOSGeometry, Point
from django.utils.translation import gettext as _

from quartiere.queries import METRISCHES_SRID

from ..models import Wegprofil
from .koordinaten import nach_wgs84, punkte_metrisch
from .netz import (
    ANBINDUNG_MAX_M,
    Netzgraph,
    aktuelles_netz,
    anbinden,
    barriere_kanten,
    gehzeiten_von,
    kantengeometrien,
    kantensegmente,
    kantenzeiten,
    netzgraph,
)

STUFEN_MIN = (5, 10, 15)
# The areas: within PUFFER_M of a reached piece of street, traced on a RASTER_M grid.
PUFFER_M = 30
RASTER_M = 5
RASTER_HOECHSTENS_ZELLEN = 1_500_000
VEREINFACHUNG_M = 2
NACHKOMMASTELLEN = 5


class KeinNetz(Exception):  # noqa: N818 -- a German noun, as Django's "DoesNotExist"
    """No network is imported, or the start point is not near it; the message says which, in German."""


@dataclass
class Isochrone:
    """The reached edges and areas from one start, for one profile."""

    profil: Wegprofil
    start: Point
    anbindung_m: float
    stufen: list[int]
    kanten: list[dict] = field(default_factory=list)  # pk, name, art, laenge_m, minuten, stufe, koordinaten
    flaechen: dict[int, GEOSGeometry] = field(default_factory=dict)  # minutes -> area (EPSG:4326)

    def laenge_je_stufe(self) -> list[tuple[int, float, int]]:
        """(minutes, metres of street reached, number of edges) per band, for the table twin."""
        return [
            (
                stufe,
                round(sum(k["laenge_m"] for k in self.kanten if k["stufe"] == stufe)),
                sum(1 for k in self.kanten if k["stufe"] == stufe),
            )
            for stufe in self.stufen
        ]

    def geojson(self, *, je_weg: bool = False) -> dict:
        """A FeatureCollection: the areas (largest first), then the reached edges.

        For the map the edges of a band are one MultiLineString (``{"art": "weg", "minuten": 10}``), which
        keeps the layer small; ``je_weg`` gives one feature per edge with its minutes, name and kind
        (for the command line and scripts).
        """
        merkmale = []
        for stufe in sorted(self.flaechen, reverse=True):
            merkmale.append(
                {
                    "type": "Feature",
                    "properties": {"art": "flaeche", "minuten": stufe, "profil": self.profil.art},
                    "geometry": _runden(json.loads(self.flaechen[stufe].json)),
                }
            )
        if je_weg:
            for kante in self.kanten:
                merkmale.append(
                    {
                        "type": "Feature",
                        "properties": {
                            "art": "weg",
                            "minuten": kante["minuten"],
                            "stufe": kante["stufe"],
                            "name": kante["name"],
                            "weg": kante["art"],
                        },
                        "geometry": _runden({"type": "LineString", "coordinates": kante["koordinaten"]}),
                    }
                )
            return {"type": "FeatureCollection", "features": merkmale}
        for stufe in self.stufen:
            linien = [kante["koordinaten"] for kante in self.kanten if kante["stufe"] == stufe]
            if linien:
                merkmale.append(
                    {
                        "type": "Feature",
                        "properties": {"art": "weg", "minuten": stufe},
                        "geometry": _runden({"type": "MultiLineString", "coordinates": linien}),
                    }
                )
        return {"type": "FeatureCollection", "features": merkmale}


def _runden(geometrie: dict) -> dict:
    def runden(wert: list | tuple | float) -> list | float:
        if isinstance(wert, list | tuple):
            return [runden(w) for w in wert]
        return round(wert, NACHKOMMASTELLEN)

    geometrie["coordinates"] = runden(geometrie["coordinates"])
    return geometrie


def isochrone_berechnen(
    *, punkt: Point, profil: Wegprofil, stufen: list[int] | tuple[int, ...] = STUFEN_MIN, mit_flaechen: bool = True
) -> Isochrone:
    """The isochrone from ``punkt`` (EPSG:4326) for ``profil`` with the bands ``stufen`` (minutes).

    Raises ``KeinNetz`` when no network is imported or the point lies farther than
    ``ANBINDUNG_MAX_M`` from it. Reads only (2 queries once the graph and its geometries are in memory).
    """
    netz = aktuelles_netz()
    if netz is None:
        raise KeinNetz(_("Es ist noch kein Wegenetz importiert."))
    stufen = sorted({int(s) for s in stufen})
    graph = netzgraph(netz)
    anbindung = anbinden(graph, punkte_metrisch([punkt]))
    if not anbindung:
        raise KeinNetz(
            _("Der gewählte Punkt liegt mehr als %(meter)s m vom Wegenetz entfernt.") % {"meter": ANBINDUNG_MAX_M}
        )
    knoten, meter = anbindung[0]
    zeiten = kantenzeiten(graph, profil, barriere_kanten(netz))
    grenze = stufen[-1] * 60
    start_s = meter / float(profil.geschwindigkeit_m_s)
    sekunden = gehzeiten_von(graph, zeiten, [(knoten, start_s)], grenze_s=grenze)
    mitte = np.minimum(sekunden[graph.von] + zeiten[0] / 2, sekunden[graph.nach] + zeiten[1] / 2)
    erreicht = np.isfinite(mitte) & (mitte <= grenze)
    isochrone = Isochrone(profil=profil, start=punkt, anbindung_m=round(meter), stufen=stufen)
    geometrien = kantengeometrien(graph)
    for i in np.flatnonzero(erreicht):
        minute = float(mitte[i]) / 60
        isochrone.kanten.append(
            {
                "pk": int(graph.kanten_pk[i]),
                "name": graph.namen[i],
                "art": graph.arten[i],
                "laenge_m": float(graph.laenge[i]),
                "minuten": round(minute, 1),
                "stufe": next(s for s in stufen if minute <= s),
                "koordinaten": geometrien[i],
            }
        )
    if mit_flaechen:
        start_xy = punkte_metrisch([punkt])[0]
        flaechen = flaechen_berechnen(graph, sekunden=sekunden, zeiten=zeiten, stufen=stufen, start_xy=start_xy)
        isochrone.flaechen = {stufe: nach_wgs84(flaeche) for stufe, flaeche in flaechen.items()}
    return isochrone


def flaechen_berechnen(
    graph: Netzgraph,
    *,
    sekunden: np.ndarray,
    zeiten: np.ndarray,
    stufen: list[int],
    start_xy: np.ndarray,
) -> dict[int, GEOSGeometry]:
    """The area of each band (minutes → (multi)polygon in EPSG:25832): every point within
    ``PUFFER_M`` of the network that is reached within the band, the start point included.

    Reached is exact along each edge: from its ``von`` end a person gets ``(T − a) / t`` of the way
    along (``a``: the time to reach that end, ``t``: the edge's time in that direction, ``T``: the
    band), from its ``nach`` end likewise backwards, so a street half-way out is half in the area.
    The reached pieces are sampled along their real course (every ``RASTER_M`` metres) onto a grid
    just around them, the distance of every cell to the nearest sample measured (scipy's Euclidean
    distance transform), and the outline at ``PUFFER_M`` traced with sub-cell interpolation
    (contourpy, the contour routines of matplotlib): smooth round buffers of the reached pieces,
    holes included, in milliseconds where GEOS buffers of thousands of lines take minutes.
    """
    segmente = kantensegmente(graph)
    grenze = max(stufen) * 60
    with np.errstate(invalid="ignore", divide="ignore"):
        # The reach of the last band decides which edges are looked at.
        rest_von = np.nan_to_num((grenze - sekunden[graph.von]) / zeiten[0], nan=0, posinf=0, neginf=0)
        rest_nach = np.nan_to_num((grenze - sekunden[graph.nach]) / zeiten[1], nan=0, posinf=0, neginf=0)
    kanten = np.flatnonzero((rest_von > 0) | (rest_nach > 0))
    punkte, kante_je_punkt, position = segmente.abtasten(kanten, RASTER_M)
    flaechen = {}
    raster = None
    for stufe in sorted(stufen, reverse=True):  # the largest first: its grid serves all bands
        grenze = stufe * 60
        erreicht = (_anteil(grenze, sekunden[graph.von[kante_je_punkt]], zeiten[0, kante_je_punkt]) >= position) | (
            _anteil(grenze, sekunden[graph.nach[kante_je_punkt]], zeiten[1, kante_je_punkt]) >= 1 - position
        )
        auswahl = np.vstack([punkte[erreicht], start_xy.reshape(1, 2)])
        raster = raster or Raster.um(auswahl)
        flaechen[stufe] = raster.pufferflaeche(auswahl)
    return flaechen


def _anteil(grenze: float, ankunft: np.ndarray, dauer: np.ndarray) -> np.ndarray:
    """How far along an edge (0…1) one gets within ``grenze`` s from the end reached after
    ``ankunft`` s, when the whole edge takes ``dauer`` s in that direction; −1 where that end is not
    reached at all (so not even its first point counts)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        anteil = np.clip((grenze - ankunft) / dauer, 0, 1)
    return np.where(ankunft <= grenze, np.nan_to_num(anteil), -1.0)


@dataclass(frozen=True)
class Raster:
    """A grid in EPSG:25832: the corner of its first cell, the cell size, columns and rows."""

    unten: np.ndarray
    zelle: float
    spalten: int
    zeilen: int

    @classmethod
    def um(cls, punkte: np.ndarray, puffer_m: float = PUFFER_M) -> "Raster":
        """A grid of ``RASTER_M`` around ``punkte`` with room for the buffer (cells coarser for very
        large areas: at most ``RASTER_HOECHSTENS_ZELLEN``)."""
        rand = puffer_m + 3 * RASTER_M
        unten, oben = punkte.min(axis=0) - rand, punkte.max(axis=0) + rand
        zelle = max(RASTER_M, float(np.sqrt(np.prod(oben - unten) / RASTER_HOECHSTENS_ZELLEN)))
        spalten, zeilen = (np.ceil((oben - unten) / zelle).astype(int) + 1).tolist()
        return cls(unten=unten, zelle=zelle, spalten=spalten, zeilen=zeilen)

    def pufferflaeche(self, punkte: np.ndarray, puffer_m: float = PUFFER_M) -> GEOSGeometry:
        """The area within ``puffer_m`` of ``punkte`` (dense along lines, inside this grid),
        simplified by ``VEREINFACHUNG_M``. On one grid, a subset of the points gives a subset of the
        area (before the simplification), so the bands nest."""
        belegt = np.ones((self.zeilen, self.spalten), dtype=bool)
        index = np.rint((punkte - self.unten) / self.zelle).astype(int)
        belegt[index[:, 1], index[:, 0]] = False
        from scipy.ndimage import distance_transform_edt  # on first use: scipy slows every process start

        abstand = distance_transform_edt(belegt, sampling=self.zelle)
        x = self.unten[0] + np.arange(self.spalten) * self.zelle
        y = self.unten[1] + np.arange(self.zeilen) * self.zelle
        erzeuger = contour_generator(x, y, abstand, fill_type=FillType.OuterOffset)
        # As WKB straight from the arrays: building the rings point by point through GEOS's
        # coordinate API took longer than all the rest.
        polygone = []
        for ringe, versatz in zip(*erzeuger.filled(-1.0, puffer_m), strict=True):
            teile = [ringe[versatz[i] : versatz[i + 1]] for i in range(len(versatz) - 1)]
            teile = [t for t in teile if len(t) >= 4]
            if teile:
                polygone.append(
                    struct.pack("<BII", 1, 3, len(teile))
                    + b"".join(
                        struct.pack("<I", len(t)) + np.ascontiguousarray(t, dtype="<f8").tobytes() for t in teile
                    )
                )
        wkb = struct.pack("<BII", 1, 6, len(polygone)) + b"".join(polygone)
        flaeche = GEOSGeometry(memoryview(wkb), srid=METRISCHES_SRID)
        return flaeche.simplify(VEREINFACHUNG_M, preserve_topology=True)
