"""Isochrones: what a person of one profile reaches on foot from a point within 5, 10, 15 minutes.

The start is joined to the nearest network node (at most ``ANBINDUNG_MAX_M`` away, walked at the
profile's speed); one Dijkstra run gives every node's time. An edge counts as reached when its
middle is reached (the earlier end's time plus half the edge's time), and belongs to the first
band (5, 10, 15 minutes) that contains that time. The area of a band covers its reached edges and
those of the bands before on a 25 m grid, widened by one cell and simplified (``rasterflaeche``) —
a drawing of where one gets, not an exact boundary.
"""

import json
from dataclasses import dataclass, field

import numpy as np
from django.contrib.gis.geos import GEOSGeometry, MultiPolygon, Point, Polygon
from django.utils.translation import gettext as _

from quartiere.queries import METRISCHES_SRID

from ..models import Wegprofil
from .netz import (
    ANBINDUNG_MAX_M,
    aktuelles_netz,
    anbinden,
    barriere_kanten,
    gehzeiten_von,
    kantengeometrien,
    kantenzeiten,
    nach_wgs84,
    netzgraph,
    punkte_metrisch,
)

STUFEN_MIN = (5, 10, 15)
RASTER_M = 25
VEREINFACHUNG_M = 10
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
        position = {int(pk): i for i, pk in enumerate(graph.kanten_pk[erreicht])}
        von, nach = graph.von[erreicht], graph.nach[erreicht]
        for stufe in stufen:
            auswahl = [position[k["pk"]] for k in isochrone.kanten if k["stufe"] <= stufe]
            if auswahl:
                flaeche = rasterflaeche(graph.knoten_xy[von[auswahl]], graph.knoten_xy[nach[auswahl]])
                isochrone.flaechen[stufe] = nach_wgs84(flaeche.simplify(VEREINFACHUNG_M, preserve_topology=True))
    return isochrone


def rasterflaeche(anfang: np.ndarray, ende: np.ndarray) -> GEOSGeometry:
    """The area around the straight segments ``anfang`` → ``ende`` (EPSG:25832, shape (k, 2)): the cells
    of a ``RASTER_M`` grid that the segments pass, widened by one cell on every side, as polygons.

    Buffering thousands of lines with GEOS takes minutes; marking grid cells takes milliseconds, and
    the union of the cells' row runs (a few hundred rectangles) is quick.
    """
    laenge = np.hypot(*(ende - anfang).T)
    schritte = np.maximum(1, np.ceil(laenge / (RASTER_M / 2))).astype(int)
    kante = np.repeat(np.arange(len(laenge)), schritte + 1)
    beginn = np.concatenate([[0], np.cumsum(schritte + 1)[:-1]])
    anteil = (np.arange(len(kante)) - beginn[kante]) / schritte[kante]
    punkte = anfang[kante] + (ende[kante] - anfang[kante]) * anteil[:, None]
    x0, y0 = punkte.min(axis=0) - 2 * RASTER_M
    spalte = ((punkte[:, 0] - x0) // RASTER_M).astype(int)
    zeile = ((punkte[:, 1] - y0) // RASTER_M).astype(int)
    raster = np.zeros((zeile.max() + 3, spalte.max() + 3), dtype=bool)
    raster[zeile, spalte] = True
    breit = raster.copy()
    breit[1:, :] |= raster[:-1, :]
    breit[:-1, :] |= raster[1:, :]
    raster = breit.copy()
    breit[:, 1:] |= raster[:, :-1]
    breit[:, :-1] |= raster[:, 1:]
    rechtecke = []
    for z, reihe in enumerate(breit):
        wechsel = np.diff(np.concatenate([[0], reihe.astype(np.int8), [0]]))
        for von, bis in zip(np.flatnonzero(wechsel == 1), np.flatnonzero(wechsel == -1), strict=True):
            rechtecke.append(
                Polygon.from_bbox(
                    (x0 + von * RASTER_M, y0 + z * RASTER_M, x0 + bis * RASTER_M, y0 + (z + 1) * RASTER_M)
                )
            )
    return MultiPolygon(rechtecke, srid=METRISCHES_SRID).unary_union
