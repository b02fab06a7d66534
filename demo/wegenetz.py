"""The demo city's walking network: generated streets around the demo quarters (not OpenStreetMap).

A lattice of streets every ``ABSTAND`` metres (EPSG:25832) covers each quarter's bounding box and a
margin; lattice points are shared where boxes overlap, and gently jittered so the streets do not look
ruled. Each quarter gets, so that straight line and walking route differ visibly:

- a **railway** across its middle: of the streets that would cross it only two remain, a level
  crossing for pedestrians and a footbridge with **steps** (which the rollator and wheelchair
  profiles avoid);
- a **steep path** (10 % incline, gravel) up the slope east of the centre;
- a few streets left out (courtyards, dead ends).

Deterministic (a fixed seed) and idempotent: the source name carries a hash of the generated ways;
a second run finds the same network and only brings the distance fields up to date. A network that
is not the demo's (an imported OSM extract) is never replaced.
"""

import hashlib
import math
import random
from dataclasses import dataclass

from django.contrib.gis.geos import MultiPoint, Point

from quartiere.models import Quartier
from quartiere.queries import METRISCHES_SRID, metrisch
from wegenetz.queries.netz import aktuelles_netz
from wegenetz.services import Weg, distanzfelder_berechnen, wegenetz_aus_wegen

ZUFALLSSAAT = 2014
ABSTAND = 200  # metres between parallel streets
RAND = 200  # metres of network beyond a quarter's bounding box
ZITTERN = 25  # metres of jitter of the lattice points
AUSLASSEN = 0.04  # share of streets left out
QUELLE = "Demo-Wegenetz (erzeugt, nicht OpenStreetMap)"
STRASSENNAMEN = [
    "Lindenstraße",
    "Am Hang",
    "Zechenstraße",
    "Schulweg",
    "Kirchstraße",
    "Gartenstraße",
    "Hohe Straße",
    "Wiesenweg",
    "Amselweg",
    "Bergstraße",
    "Mühlenweg",
    "Feldstraße",
]


@dataclass
class DemoWegenetzErgebnis:
    kanten: int
    knoten: int
    neu: bool
    distanzfelder: int
    uebersprungen: bool = False

    @property
    def zeile(self) -> str:
        if self.uebersprungen:
            return "  Wegenetz: ein importiertes Netz ist vorhanden und bleibt unverändert"
        stand = "neu erzeugt" if self.neu else "unverändert"
        return (
            f"  Wegenetz (erzeugt, mit Bahnlinie, Treppen und steilem Weg): {self.kanten} Wegabschnitte, "
            f"{self.knoten} Knoten ({stand}); {self.distanzfelder} Distanzfelder berechnet"
        )


def _gitter(quartiere: list[Quartier]) -> tuple[set, dict]:
    """The lattice points (i, j) covering the quarters, and per quarter its (i0, j0, i1, j1)."""
    punkte, rahmen = set(), {}
    for quartier in quartiere:
        x0, y0, x1, y1 = metrisch(quartier.grenze).extent
        i0, j0 = math.floor((x0 - RAND) / ABSTAND), math.floor((y0 - RAND) / ABSTAND)
        i1, j1 = math.ceil((x1 + RAND) / ABSTAND), math.ceil((y1 + RAND) / ABSTAND)
        rahmen[quartier.slug] = (i0, j0, i1, j1)
        punkte.update((i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1))
    return punkte, rahmen


def wegenetz_demo_erzeugen(*, quartiere: list[Quartier], seed: int = ZUFALLSSAAT) -> tuple[list[Weg], dict]:
    """The demo ways (tags as in OSM) and node locations {id: (lon, lat)}; no side effects."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible demo streets, not a secret
    punkte, rahmen = _gitter(quartiere)
    reihenfolge = sorted(punkte)
    ids = {p: n for n, p in enumerate(reihenfolge, start=1)}
    lage = MultiPoint(
        [
            Point(i * ABSTAND + rng.uniform(-ZITTERN, ZITTERN), j * ABSTAND + rng.uniform(-ZITTERN, ZITTERN))
            for i, j in reihenfolge
        ],
        srid=METRISCHES_SRID,
    )
    lage.transform(4326)
    orte = {ids[p]: (round(x, 7), round(y, 7)) for p, (x, y) in zip(reihenfolge, lage.coords, strict=True)}

    gesperrt, besonders = set(), {}
    for slug in sorted(rahmen):
        i0, j0, i1, j1 = rahmen[slug]
        mitte_i, bahn_j = (i0 + i1) // 2, (j0 + j1) // 2
        uebergang, bruecke = i0 + (i1 - i0) // 4, i0 + 3 * (i1 - i0) // 4
        for i in range(i0, i1 + 1):
            kante = ((i, bahn_j), (i, bahn_j + 1))
            if i == uebergang:
                besonders[kante] = {"highway": "footway", "railway": "crossing", "name": "Bahnübergang"}
            elif i == bruecke:
                besonders[kante] = {"highway": "steps", "name": "Fußgängerbrücke", "incline": "up"}
            else:
                gesperrt.add(kante)
        steil_i = mitte_i + 2
        for j in range(bahn_j + 2, min(bahn_j + 5, j1)):
            besonders[((steil_i, j), (steil_i, j + 1))] = {
                "highway": "path",
                "incline": "10%",
                "surface": "gravel",
                "name": "Steiler Weg",
            }

    wege = []
    for i, j in reihenfolge:
        for nachbar, name in (((i + 1, j), STRASSENNAMEN[j % len(STRASSENNAMEN)]), ((i, j + 1), None)):
            kante = ((i, j), nachbar)
            if nachbar not in punkte or kante in gesperrt:
                continue
            tags = besonders.get(kante)
            if tags is None:
                if rng.random() < AUSLASSEN:
                    continue
                tags = {"highway": "residential", "name": name or f"Querweg {i % 97}"}
            wege.append(Weg(osm_id=len(wege) + 1, knoten=[ids[(i, j)], ids[nachbar]], tags=dict(tags)))
    return wege, orte


def _kennung(wege: list[Weg], orte: dict) -> str:
    text = "\n".join(f"{w.knoten}{sorted(w.tags.items())}" for w in wege) + repr(sorted(orte.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def wegenetz_demo_anlegen(*, seed: int = ZUFALLSSAAT) -> DemoWegenetzErgebnis:
    """Create the demo network (or keep it if it is already there) and bring its distance fields up to date.

    Side effects: replaces a previous demo network through ``wegenetz_aus_wegen`` when the generated
    one differs; computes stale distance fields synchronously (small network). An imported network
    (not the demo's) stays untouched.
    """
    netz = aktuelles_netz()
    if netz is not None and not netz.quelle.startswith(QUELLE):
        return DemoWegenetzErgebnis(
            kanten=netz.anzahl_kanten, knoten=netz.anzahl_knoten, neu=False, distanzfelder=0, uebersprungen=True
        )
    quartiere = list(Quartier.objects.order_by("slug"))
    wege, orte = wegenetz_demo_erzeugen(quartiere=quartiere, seed=seed)
    quelle = f"{QUELLE} {_kennung(wege, orte)}"
    neu = netz is None or netz.quelle != quelle
    if neu and wege:
        netz, _bericht = wegenetz_aus_wegen(wege=wege, orte=orte, quelle=quelle)
    felder = distanzfelder_berechnen()
    return DemoWegenetzErgebnis(
        kanten=netz.anzahl_kanten if netz else 0,
        knoten=netz.anzahl_knoten if netz else 0,
        neu=neu,
        distanzfelder=felder,
    )
