"""Demodaten: Dortmund's real city structure on generated geometries.

Names and codes are Dortmund's: 12 Stadtbezirke (01 Innenstadt-West … 12 Mengede) and 62
statistische Bezirke with the city's three-digit codes (first digit = the group of
Stadtbezirke: 0 Innenstadt, 1 Eving … 9 Mengede). The geometries are *generated*: a
Voronoi partition of seed points at the districts' approximate real positions, clipped to a
hand-drawn outline of the city and gently warped so that boundaries do not look ruled. The
170 Unterbezirke are generated as well (2–4 per district, named after their compass
direction); their real names and cuts are not reproduced.

Everything is computed in EPSG:25832 (metres) and stored in EPSG:4326. The same seed gives
the same geometries, so running ``demo_daten`` twice changes nothing.
"""

import math
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.gis.gdal import CoordTransform, SpatialReference
from django.contrib.gis.geos import MultiPoint, MultiPolygon, Point, Polygon
from django.db import transaction

from dwk.permissions import LENKUNGSGRUPPE, PARTNER, PROJEKTTEAM, RATSBUERO
from quartiere.geometrie import GeometrieFehler, als_multipolygon
from quartiere.models import (
    Kommune,
    Quartier,
    QuartierStatus,
    Siedlungsepoche,
    Stadtbezirk,
    StatistischerBezirk,
    Unterbezirk,
)
from quartiere.queries import METRISCHES_SRID
from quartiere.services import quartier_speichern

ZUFALLSSAAT = 2017
DEMO_PASSWORT = "dwk-demo-2017"  # documented on purpose: printed by the command, reset on every run
ANZAHL_UNTERBEZIRKE = 170

KOMMUNE = {"name": "Dortmund", "gemeindeschluessel": "05913000"}

STADTBEZIRKE = [
    ("01", "Innenstadt-West"),
    ("02", "Innenstadt-Nord"),
    ("03", "Innenstadt-Ost"),
    ("04", "Eving"),
    ("05", "Scharnhorst"),
    ("06", "Brackel"),
    ("07", "Aplerbeck"),
    ("08", "Hörde"),
    ("09", "Hombruch"),
    ("10", "Lütgendortmund"),
    ("11", "Huckarde"),
    ("12", "Mengede"),
]

# (code, name, Stadtbezirk, approximate real position as longitude, latitude)
BEZIRKE = [
    ("000", "City", "01", 7.466, 51.514),
    ("010", "Westfalenhalle", "01", 7.455, 51.497),
    ("020", "Dorstfelder Brücke", "01", 7.440, 51.514),
    ("030", "Dorstfeld", "01", 7.415, 51.508),
    ("040", "Hafen", "02", 7.438, 51.532),
    ("050", "Nordmarkt", "02", 7.462, 51.528),
    ("060", "Borsigplatz", "02", 7.488, 51.526),
    ("070", "Kaiserbrunnen", "03", 7.490, 51.514),
    ("080", "Westfalendamm", "03", 7.500, 51.502),
    ("090", "Ruhrallee", "03", 7.476, 51.498),
    ("110", "Brechten", "04", 7.478, 51.582),
    ("120", "Eving", "04", 7.478, 51.552),
    ("130", "Holthausen", "04", 7.452, 51.580),
    ("140", "Lindenhorst", "04", 7.450, 51.552),
    ("210", "Derne", "05", 7.520, 51.574),
    ("220", "Hostedde", "05", 7.530, 51.556),
    ("230", "Kirchderne", "05", 7.506, 51.560),
    ("240", "Kurl-Husen", "05", 7.596, 51.560),
    ("250", "Lanstrop", "05", 7.560, 51.570),
    ("260", "Alt-Scharnhorst", "05", 7.540, 51.542),
    ("270", "Scharnhorst-Ost", "05", 7.568, 51.548),
    ("310", "Asseln", "06", 7.585, 51.530),
    ("320", "Brackel", "06", 7.552, 51.522),
    ("330", "Wambel", "06", 7.524, 51.520),
    ("340", "Wickede", "06", 7.615, 51.532),
    ("410", "Aplerbeck", "07", 7.558, 51.492),
    ("420", "Berghofen", "07", 7.540, 51.470),
    ("430", "Schüren", "07", 7.528, 51.496),
    ("440", "Sölde", "07", 7.592, 51.498),
    ("450", "Sölderholz", "07", 7.585, 51.480),
    ("510", "Benninghofen", "08", 7.516, 51.466),
    ("520", "Hacheney", "08", 7.478, 51.478),
    ("530", "Hörde", "08", 7.502, 51.486),
    ("540", "Holzen", "08", 7.528, 51.446),
    ("550", "Syburg", "08", 7.500, 51.428),
    ("560", "Wellinghofen", "08", 7.494, 51.462),
    ("570", "Wichlinghofen", "08", 7.512, 51.450),
    ("610", "Barop", "09", 7.424, 51.490),
    ("620", "Bittermark", "09", 7.458, 51.446),
    ("630", "Brünninghausen", "09", 7.456, 51.476),
    ("640", "Eichlinghofen", "09", 7.400, 51.484),
    ("650", "Hombruch", "09", 7.438, 51.474),
    ("660", "Persebeck-Kruckel-Schnee", "09", 7.398, 51.462),
    ("670", "Kirchhörde-Löttringhausen", "09", 7.440, 51.455),
    ("680", "Rombergpark-Lücklemberg", "09", 7.474, 51.458),
    ("690", "Menglinghausen", "09", 7.418, 51.470),
    ("710", "Bövinghausen", "10", 7.322, 51.515),
    ("720", "Kley", "10", 7.372, 51.488),
    ("730", "Lütgendortmund", "10", 7.343, 51.500),
    ("740", "Marten", "10", 7.388, 51.515),
    ("750", "Oespel", "10", 7.385, 51.498),
    ("760", "Westrich", "10", 7.355, 51.520),
    ("810", "Deusen", "11", 7.420, 51.548),
    ("820", "Huckarde", "11", 7.418, 51.532),
    ("830", "Jungferntal-Rahm", "11", 7.390, 51.534),
    ("840", "Kirchlinde", "11", 7.366, 51.532),
    ("910", "Bodelschwingh", "12", 7.360, 51.552),
    ("920", "Mengede", "12", 7.385, 51.572),
    ("930", "Nette", "12", 7.410, 51.562),
    ("940", "Oestrich", "12", 7.360, 51.578),
    ("950", "Schwieringhausen", "12", 7.388, 51.592),
    ("960", "Westerfilde", "12", 7.386, 51.553),
]

# A simplified outline of the city (longitude, latitude), about 280 km².
STADTGRENZE = [
    (7.303, 51.515), (7.320, 51.528), (7.335, 51.536), (7.345, 51.552), (7.338, 51.568),
    (7.355, 51.585), (7.375, 51.597), (7.400, 51.597), (7.420, 51.584), (7.440, 51.577),
    (7.458, 51.588), (7.482, 51.596), (7.505, 51.586), (7.530, 51.580), (7.560, 51.575),
    (7.590, 51.570), (7.613, 51.557), (7.626, 51.538), (7.622, 51.515), (7.606, 51.499),
    (7.598, 51.480), (7.578, 51.471), (7.558, 51.464), (7.536, 51.445), (7.512, 51.419),
    (7.490, 51.421), (7.472, 51.436), (7.445, 51.441), (7.420, 51.446), (7.397, 51.453),
    (7.382, 51.466), (7.366, 51.478), (7.345, 51.485), (7.323, 51.493), (7.310, 51.503),
]  # fmt: skip

HIMMELSRICHTUNGEN = ["Nord", "Nordost", "Ost", "Südost", "Süd", "Südwest", "West", "Nordwest"]


@dataclass(frozen=True)
class DemoQuartier:
    name: str
    slug: str
    bezirk: str  # code of the statistischer Bezirk the quarter is drawn around
    siedlungsepoche: str
    status: str
    auswahlbegruendung: str
    ist_referenzquartier: bool = True
    mit_partner: bool = False
    # How the boundary departs from the district: "nachbarstreifen" adds a 300 m strip of one
    # neighbouring Unterbezirk, "ohne_rand" leaves out the outer half of one of its own.
    grenze: str = "nachbarstreifen"


QUARTIERE = [
    DemoQuartier(
        "Menglinghausen",
        "menglinghausen",
        "690",
        Siedlungsepoche.REIHENHAUSGEBIET,
        QuartierStatus.PROFIL,
        "Ein kleiner Ortsteil im Süden von Hombruch mit Reihen- und Einfamilienhäusern, ergänzt um "
        "neuere Baugebiete. Viele Bewohnerinnen und Bewohner sind mit ihren Häusern älter geworden, "
        "Geschäfte und Arztpraxen liegen nicht immer in Fußwegnähe. Das Quartier steht für die "
        "Reihenhausgebiete am Stadtrand.",
        mit_partner=True,
    ),
    DemoQuartier(
        "Derne",
        "derne",
        "210",
        Siedlungsepoche.ZWANZIGER_BIS_FUENFZIGER,
        QuartierStatus.PROFIL,
        "Eine frühere Bergarbeitersiedlung im Norden von Scharnhorst, geprägt vom Siedlungsbau der "
        "1920er bis 1950er Jahre. Seit dem Ende des Bergbaus hat sich die Nahversorgung ausgedünnt, "
        "und der Anteil älterer Menschen wächst. Das Quartier steht für die Siedlungen dieser Zeit.",
        mit_partner=True,
    ),
    DemoQuartier(
        "Jungferntal",
        "jungferntal",
        "830",
        Siedlungsepoche.GROSSWOHNSIEDLUNG,
        QuartierStatus.AUSGEWAEHLT,
        "Eine Großwohnsiedlung in Huckarde mit mehrgeschossigen Wohnblöcken und vielen Mietwohnungen. "
        "Viele Menschen wohnen hier seit dem Erstbezug und werden gemeinsam älter; Aufzüge, Wege und "
        "Treffpunkte müssen dazu passen. Das Quartier steht für die Großwohnsiedlungen.",
        grenze="ohne_rand",
    ),
    DemoQuartier(
        "Marten",
        "marten",
        "740",
        Siedlungsepoche.GRUENDERZEIT,
        QuartierStatus.AUSGEWAEHLT,
        "Ein gewachsener Ortsteil in Lütgendortmund mit Häusern aus der Gründerzeit um den alten "
        "Ortskern, gemischt mit späterer Bebauung. Die Wege im Ortskern sind kurz, aber viele Altbauten "
        "sind nicht barrierefrei. Das Quartier steht für die Gründerzeit.",
    ),
    DemoQuartier(
        "Nordmarkt",
        "nordmarkt",
        "050",
        Siedlungsepoche.GRUENDERZEIT,
        QuartierStatus.KANDIDAT,
        "Dicht bebautes Gründerzeitviertel in der Nordstadt. Vorgemerkt als Vergleichsquartier zu Marten.",
        ist_referenzquartier=False,
        grenze="bezirk",
    ),
    DemoQuartier(
        "Scharnhorst-Ost",
        "scharnhorst-ost",
        "270",
        Siedlungsepoche.GROSSWOHNSIEDLUNG,
        QuartierStatus.KANDIDAT,
        "Großwohnsiedlung der 1960er und 1970er Jahre. Vorgemerkt als Vergleichsquartier zu Jungferntal.",
        ist_referenzquartier=False,
        grenze="bezirk",
    ),
]

# (username, first name, last name, role group or None for the administrator); invented people.
DEMO_NUTZER = [
    ("admin", "Jens", "Wiemers", None),
    ("projektteam", "Sabine", "Kortenbach", PROJEKTTEAM),
    ("lenkungsgruppe", "Thomas", "Overkamp", LENKUNGSGRUPPE),
    ("ratsbuero", "Claudia", "Hennecke", RATSBUERO),
    ("partner", "Martin", "Lohmeyer", PARTNER),
]


# --- Geometry generator (pure: no database) ------------------------------------------------

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
    stadtbezirk = _stadtbezirk_von(quartier.bezirk)
    streifen = bezirk.buffer_with_style(300, quadsegs=2)
    nachbarn = {
        c: g.intersection(streifen)
        for c, (b, _n, g) in plan.unterbezirke.items()
        if b != quartier.bezirk and _stadtbezirk_von(b) == stadtbezirk
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


def _stadtbezirk_von(bezirk_code):
    return next(stadtbezirk for code, _name, stadtbezirk, *_pos in BEZIRKE if code == bezirk_code)


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


# --- Writing the demo -------------------------------------------------------------------------

DEMO_EMAIL_DOMAIN = "demo.dwk.invalid"  # marks the demo users; others with the same name are left alone


class DemoFehler(Exception):
    """The demo cannot be written into this database; the message is German and says why."""


@dataclass
class DemoErgebnis:
    kommune: Kommune
    anzahl_stadtbezirke: int
    anzahl_bezirke: int
    anzahl_unterbezirke: int
    stadtflaeche_km2: float
    quartiere: list
    nutzer: list  # (username, role label, full name, skipped?)


@transaction.atomic
def demo_daten_anlegen(*, seed=ZUFALLSSAAT):
    """Create the Dortmund demo, or bring an existing demo back to its defined state.

    Side effects, all in one transaction:
    - the Kommune "Dortmund" (05913000) with ``ist_demo=True`` (a history entry only if it changed);
    - 12 Stadtbezirke, 62 statistische Bezirke and 170 Unterbezirke, created or updated by code;
    - the four reference quarters and two candidates, created or updated by slug through
      ``quartier_speichern`` (so their Unterbezirke are derived) — skipped when nothing changed,
      so a repeated run writes no history entries;
    - five demo users (``admin`` plus one per role) with the documented password, which is set
      again on every run; their groups are set to exactly their role. A user of the same name
      that is not a demo user (other e-mail domain) is left untouched and reported as skipped.

    Raises ``DemoFehler`` when the database holds official areas (a Kommune with
    ``ist_demo=False``): the demo never overwrites them.
    """
    if Kommune.objects.filter(ist_demo=False).exists():
        raise DemoFehler(
            "In dieser Datenbank sind amtliche Gebiete importiert; die Demodaten werden nicht darübergeschrieben."
        )
    plan = gebiete_erzeugen(seed)
    nach_wgs84 = CoordTransform(SpatialReference(METRISCHES_SRID), SpatialReference(4326))

    def wgs84(geometrie):
        return als_multipolygon(geometrie.transform(nach_wgs84, clone=True))

    kommune, _ = _abgleichen(
        Kommune, {"gemeindeschluessel": KOMMUNE["gemeindeschluessel"]}, {"name": KOMMUNE["name"], "ist_demo": True}
    )
    gebiete_geaendert = False
    stadtbezirke = {}
    for code, name in STADTBEZIRKE:
        werte = {"name": name, "kommune_id": kommune.pk, "geometrie": wgs84(plan.stadtbezirke[code])}
        stadtbezirke[code], geaendert = _abgleichen(Stadtbezirk, {"code": code}, werte)
        gebiete_geaendert |= geaendert
    bezirke = {}
    for code, name, sb_code, *_pos in BEZIRKE:
        werte = {"name": name, "stadtbezirk_id": stadtbezirke[sb_code].pk, "geometrie": wgs84(plan.bezirke[code])}
        bezirke[code], geaendert = _abgleichen(StatistischerBezirk, {"code": code}, werte)
        gebiete_geaendert |= geaendert
    for code, (bezirk_code, name, geometrie) in plan.unterbezirke.items():
        werte = {"name": name, "bezirk_id": bezirke[bezirk_code].pk, "geometrie": wgs84(geometrie)}
        gebiete_geaendert |= _abgleichen(Unterbezirk, {"code": code}, werte)[1]

    nutzer = _demo_nutzer_anlegen()
    partner = [user for user, rolle, _uebersprungen in nutzer.values() if user and rolle == PARTNER]
    quartiere = []
    for demo in QUARTIERE:
        quartier = Quartier.objects.filter(slug=demo.slug).first() or Quartier(slug=demo.slug)
        werte = {
            "name": demo.name,
            "stadtbezirk_id": stadtbezirke[_stadtbezirk_von(demo.bezirk)].pk,
            "siedlungsepoche": demo.siedlungsepoche,
            "status": demo.status,
            "auswahlbegruendung": demo.auswahlbegruendung,
            "ist_referenzquartier": demo.ist_referenzquartier,
            "grenze": wgs84(plan.quartiere[demo.slug]),
        }
        soll_partner = partner if demo.mit_partner else []
        unveraendert = (
            quartier.pk
            and not gebiete_geaendert
            and not _geaenderte_felder(quartier, werte)
            and set(quartier.partner.all()) == set(soll_partner)
            and quartier.abdeckungen.exists()
        )
        if not unveraendert:
            for feld, wert in werte.items():
                setattr(quartier, feld, wert)
            quartier_speichern(quartier=quartier, partner=soll_partner)
        quartiere.append(quartier)

    return DemoErgebnis(
        kommune=kommune,
        anzahl_stadtbezirke=Stadtbezirk.objects.filter(kommune=kommune).count(),
        anzahl_bezirke=StatistischerBezirk.objects.filter(stadtbezirk__kommune=kommune).count(),
        anzahl_unterbezirke=Unterbezirk.objects.filter(bezirk__stadtbezirk__kommune=kommune).count(),
        stadtflaeche_km2=plan.stadtgrenze.area / 1_000_000,
        quartiere=quartiere,
        nutzer=[
            (username, rolle or "Administration", f"{vorname} {nachname}", nutzer[username][2])
            for username, vorname, nachname, rolle in DEMO_NUTZER
        ],
    )


def _abgleichen(model, suche, werte):
    """Create or update the one row matching ``suche``; save only if something differs.

    Returns ``(objekt, geaendert)``.
    """
    objekt = model.objects.filter(**suche).first()
    if objekt is None:
        objekt = model(**suche)
    elif not _geaenderte_felder(objekt, werte):
        return objekt, False
    for feld, wert in werte.items():
        setattr(objekt, feld, wert)
    objekt.full_clean(validate_unique=False)
    objekt.save()
    return objekt, True


def _geaenderte_felder(objekt, werte):
    geaendert = []
    for feld, wert in werte.items():
        alt = getattr(objekt, feld)
        if hasattr(wert, "equals_exact"):
            gleich = alt is not None and alt.srid == wert.srid and alt.equals_exact(wert, 1e-9)
        else:
            gleich = alt == wert
        if not gleich:
            geaendert.append(feld)
    return geaendert


def _demo_nutzer_anlegen():
    """Create or reset the demo users; returns ``{username: (user or None, role, skipped)}``."""
    User = get_user_model()
    ergebnis = {}
    for username, vorname, nachname, rolle in DEMO_NUTZER:
        email = f"{username}@{DEMO_EMAIL_DOMAIN}"
        user = User.objects.filter(username=username).first()
        if user is not None and user.email != email:
            ergebnis[username] = (None, rolle, True)
            continue
        user = user or User(username=username)
        user.first_name, user.last_name, user.email = vorname, nachname, email
        user.is_active = True
        user.is_staff = user.is_superuser = rolle is None
        if user.pk is None or not user.check_password(DEMO_PASSWORT):
            user.set_password(DEMO_PASSWORT)
        user.save()
        user.groups.set([Group.objects.get(name=rolle)] if rolle else [])
        ergebnis[username] = (user, rolle, False)
    return ergebnis
