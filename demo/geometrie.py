"""The generated areas of the demo city (pure: no database).

The geometries are *generated*: a Voronoi partition of seed points at the statistische
Bezirke's approximate real positions (``demo.stadt``), clipped to a hand-drawn outline of the
city and gently warped so that boundaries do not look ruled. The 170 Unterbezirke are
generated as well (2–4 per district, named after their compass direction); their real names
and cuts are not reproduced.

Everything is computed in EPSG:25832 (metres). The same seed gives the same geometries, so
running ``demo_daten`` twice changes nothing.
"""

import math
import random
from dataclasses import dataclass, field

from django.contrib.gis.geos import MultiPoint, MultiPolygon, Point, Polygon

from demo.stadt import ANZAHL_UNTERBEZIRKE, BEZIRKE, QUARTIERE, STADTBEZIRKE, STADTGRENZE, stadtbezirk_von
from quartiere.geometrie import GeometrieFehler, als_multipolygon
from quartiere.queries import METRISCHES_SRID

ZUFALLSSAAT = 2017
HIMMELSRICHTUNGEN = ["Nord", "Nordost", "Ost", "Südost", "Süd", "Südwest", "West", "Nordwest"]

HALBEBENE_RADIUS = 100_000  # metres; far beyond the city
VERZERRUNG_AMPLITUDE = 120  # metres
VERZERRUNG_SEGMENT = 350  # metres between inserted vertices before warping
RUNDUNG = 2  # decimals (centimetres) of the metric Voronoi vertices


@dataclass
class Gebietsplan:
    """The generated areas in EPSG:25832, keyed by code (quarters by slug)."""

    stadtgrenze: object = None
    stadtbezirke: dict = field(default_factory=dict)
    bezirke: dict = field(default_factory=dict)
    unterbezirke: dict = field(default_factory=dict)  # code -> (bezirk code, name, geometry)
    quartiere: dict = field(default_factory=dict)


def _nach_metrisch(punkte):
    mehrpunkt = MultiPoint([Point(x, y) for x, y in punkte], srid=4326)
    mehrpunkt.transform(METRISCHES_SRID)
    return [punkt.coords for punkt in mehrpunkt]


def _halbebene(p, q):
    """The half-plane of the points nearer to ``p`` than to ``q``, as a large polygon."""
    mx, my = (p[0] + q[0]) / 2, (p[1] + q[1]) / 2
    laenge = math.dist(p, q)
    nx, ny = (q[0] - p[0]) / laenge, (q[1] - p[1]) / laenge  # towards q
    ax, ay = -ny * HALBEBENE_RADIUS, nx * HALBEBENE_RADIUS  # along the bisector
    bx, by = -nx * 2 * HALBEBENE_RADIUS, -ny * 2 * HALBEBENE_RADIUS  # away from q
    ring = [(mx + ax, my + ay), (mx - ax, my - ay), (mx - ax + bx, my - ay + by), (mx + ax + bx, my + ay + by)]
    return Polygon([*ring, ring[0]], srid=METRISCHES_SRID)


def voronoi(saaten, rahmen):
    """The Voronoi cells of ``saaten`` (metric points) clipped to ``rahmen``, one per seed.

    GEOS in Django has no Voronoi API: each cell is the frame cut by the half-planes towards
    every other seed, nearest first, stopping once no further bisector can reach the cell.
    """
    zellen = []
    for p in saaten:
        zelle = rahmen
        for q in sorted((q for q in saaten if q != p), key=lambda q: math.dist(p, q)):
            if math.dist(p, q) / 2 >= _reichweite(p, zelle):
                break
            zelle = zelle.intersection(_halbebene(p, q))
        zellen.append(_gerundet(zelle))
    return zellen


def _reichweite(p, zelle):
    """The distance from ``p`` to the farthest corner of ``zelle``."""
    huelle = zelle.convex_hull
    if huelle.empty:
        return 0
    return max(math.dist(p, ecke) for ecke in huelle.exterior_ring.coords)


def _gerundet(geometrie):
    """``geometrie`` with vertices rounded to centimetres, so that shared vertices match exactly."""
    polygone = []
    for polygon in als_multipolygon(geometrie):
        ringe = []
        for ring in polygon.coords:
            punkte = []
            for x, y in ring:
                punkt = (round(x, RUNDUNG), round(y, RUNDUNG))
                if not punkte or punkte[-1] != punkt:
                    punkte.append(punkt)
            if len(punkte) >= 4:
                ringe.append(punkte)
        if ringe:
            polygone.append(Polygon(*ringe, srid=geometrie.srid))
    return als_multipolygon(MultiPolygon(polygone, srid=geometrie.srid))


class Verzerrung:
    """A smooth displacement field: three sine waves per axis, at most ``amplitude`` metres each way.

    It is applied to every vertex of the district partition; as a continuous map with a
    slope well below 1 it keeps the partition free of overlaps and gaps, and neighbours see
    the same displaced vertices because the shared edges are densified in a canonical order.
    """

    def __init__(self, rng, amplitude=VERZERRUNG_AMPLITUDE):
        self.wellen = []
        for _achse in range(2):
            wellen = []
            for _ in range(3):
                richtung = rng.uniform(0, 2 * math.pi)
                wellenlaenge = rng.uniform(2500, 5000)
                k = 2 * math.pi / wellenlaenge
                wellen.append((k * math.cos(richtung), k * math.sin(richtung), rng.uniform(0, 2 * math.pi)))
            self.wellen.append(wellen)
        self.amplitude = amplitude / 3

    def punkt(self, x, y):
        dx, dy = (self.amplitude * sum(math.sin(kx * x + ky * y + phase) for kx, ky, phase in w) for w in self.wellen)
        return (x + dx, y + dy)

    def ring(self, koordinaten):
        punkte = []
        for a, b in zip(koordinaten, koordinaten[1:], strict=False):
            punkte.append(a)
            punkte.extend(_zwischenpunkte(a, b))
        punkte.append(koordinaten[-1])
        return [self.punkt(x, y) for x, y in punkte]

    def flaeche(self, geometrie):
        polygone = [Polygon(*[self.ring(r) for r in polygon.coords], srid=geometrie.srid) for polygon in geometrie]
        return als_multipolygon(MultiPolygon(polygone, srid=geometrie.srid))


def _zwischenpunkte(a, b):
    """Points every ~350 m strictly between ``a`` and ``b``; the same for (b, a), reversed."""
    umgedreht = b < a
    if umgedreht:
        a, b = b, a
    anzahl = math.ceil(math.dist(a, b) / VERZERRUNG_SEGMENT)
    punkte = [(a[0] + (b[0] - a[0]) * i / anzahl, a[1] + (b[1] - a[1]) * i / anzahl) for i in range(1, anzahl)]
    return punkte[::-1] if umgedreht else punkte


def _anzahlen_unterbezirke(rng):
    """2–4 Unterbezirke per district, 170 in all: 46 extra ones drawn from two slots per district."""
    anzahlen = {code: 2 for code, *_rest in BEZIRKE}
    plaetze = [code for code, *_rest in BEZIRKE for _ in range(2)]
    for code in rng.sample(plaetze, ANZAHL_UNTERBEZIRKE - 2 * len(BEZIRKE)):
        anzahlen[code] += 1
    return anzahlen


def unterbezirke_teilen(flaeche, anzahl, rng):
    """Split ``flaeche`` into ``anzahl`` single polygons of comparable size.

    Seeds sit on a circle around the area's centre, at equal angles under a random turn; the
    parts are their Voronoi cells. Returns ``(Himmelsrichtung, MultiPolygon)`` pairs ordered
    clockwise from north.
    """
    mitte = flaeche.centroid if flaeche.contains(flaeche.centroid) else flaeche.point_on_surface
    for versuch in range(40):
        radius = 0.3 * math.sqrt(flaeche.area) * 0.95 ** (versuch // 4)
        drehung = rng.uniform(0, 2 * math.pi)
        winkel = sorted((drehung + 2 * math.pi * i / anzahl) % (2 * math.pi) for i in range(anzahl))
        saaten = [(mitte.x + radius * math.sin(w), mitte.y + radius * math.cos(w)) for w in winkel]
        try:
            teile = voronoi(saaten, flaeche)
        except GeometrieFehler:  # a seed outside a concave area leaves an empty cell
            continue
        if all(len(teil) == 1 and teil.area >= 0.4 * flaeche.area / anzahl for teil in teile):
            return [
                (HIMMELSRICHTUNGEN[round(math.degrees(w) / 45) % 8], teil)
                for w, teil in zip(winkel, teile, strict=True)
            ]
    raise ValueError(f"Die Fläche ließ sich nicht in {anzahl} Teile zerlegen.")


def _unterbezirk_name(bezirk, richtung):
    if " " in bezirk or "-" in bezirk:
        return f"{bezirk} ({richtung})"
    return f"{bezirk}-{richtung}"


def quartiersgrenze(plan, quartier):
    """The boundary of a demo quarter: its district, departing from it as ``quartier.grenze`` says."""
    bezirk = plan.bezirke[quartier.bezirk]
    if quartier.grenze == "bezirk":
        return bezirk
    eigene = {c: g for c, (b, _n, g) in plan.unterbezirke.items() if b == quartier.bezirk}
    if quartier.grenze == "ohne_rand":
        groesster = max(eigene, key=lambda c: (eigene[c].area, c))
        teil = eigene[groesster]
        p, q = bezirk.centroid.coords, teil.centroid.coords
        # The outer half of that Unterbezirk: beyond its centre, seen from the district's centre.
        aussen = teil.intersection(_halbebene((2 * q[0] - p[0], 2 * q[1] - p[1]), p))
        return _ohne_splitter(bezirk.difference(aussen))
    stadtbezirk = stadtbezirk_von(quartier.bezirk)
    streifen = bezirk.buffer_with_style(300, quadsegs=2)
    nachbarn = {
        c: g.intersection(streifen)
        for c, (b, _n, g) in plan.unterbezirke.items()
        if b != quartier.bezirk and stadtbezirk_von(b) == stadtbezirk
    }
    naechster = max(nachbarn, key=lambda c: (nachbarn[c].area, c))
    return _ohne_splitter(bezirk.union(nachbarn[naechster]))


def _ohne_splitter(geometrie, mindestflaeche=100):
    """``geometrie`` without the slivers and pinholes (< 100 m²) that overlays of shared edges leave."""
    polygone = []
    for polygon in als_multipolygon(geometrie):
        ringe = [polygon.exterior_ring.coords]
        ringe += [r.coords for r in polygon[1:] if Polygon(r.coords).area >= mindestflaeche]
        if Polygon(ringe[0]).area >= mindestflaeche:
            polygone.append(Polygon(*ringe, srid=geometrie.srid))
    return als_multipolygon(MultiPolygon(polygone, srid=geometrie.srid))


def gebiete_erzeugen(seed=ZUFALLSSAAT):
    """Generate the whole city structure and the quarter boundaries in EPSG:25832; no side effects."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible demo shapes, not a secret
    verzerrung = Verzerrung(rng)
    plan = Gebietsplan()
    rahmen = Polygon([*_nach_metrisch(STADTGRENZE), _nach_metrisch(STADTGRENZE[:1])[0]], srid=METRISCHES_SRID)
    saaten = _nach_metrisch([(lon, lat) for _c, _n, _s, lon, lat in BEZIRKE])
    for (code, *_rest), zelle in zip(BEZIRKE, voronoi(saaten, rahmen), strict=True):
        plan.bezirke[code] = verzerrung.flaeche(zelle)
    for sb_code, _name in STADTBEZIRKE:
        teile = [plan.bezirke[code] for code, _n, sb, *_pos in BEZIRKE if sb == sb_code]
        plan.stadtbezirke[sb_code] = als_multipolygon(
            MultiPolygon([p for t in teile for p in t], srid=METRISCHES_SRID).unary_union
        )
    plan.stadtgrenze = als_multipolygon(
        MultiPolygon([p for t in plan.stadtbezirke.values() for p in t], srid=METRISCHES_SRID).unary_union
    )
    anzahlen = _anzahlen_unterbezirke(rng)
    for code, name, *_rest in BEZIRKE:
        for nummer, (richtung, teil) in enumerate(unterbezirke_teilen(plan.bezirke[code], anzahlen[code], rng), 1):
            plan.unterbezirke[f"{code[:2]}{nummer}"] = (code, _unterbezirk_name(name, richtung), teil)
    for quartier in QUARTIERE:
        plan.quartiere[quartier.slug] = quartiersgrenze(plan, quartier)
    return plan
