"""Measurements of the walking network (called from bench/run.py).

1. The demo network (from ``demo_daten``): one isochrone, the quarter's coverage page, the size of
   the map layer of a quarter.
2. A generated network of about 100,000 edges (a street lattice of 224 × 224 points, 30 m apart, in
   the city centre), written as a real ``.osm.pbf`` with pyosmium: import time, the distance fields
   for every category × 3 profiles (target: under 30 s), one isochrone (target: under 200 ms), the
   layer size. Built inside a transaction that is rolled back, so the bench database keeps the demo.
"""

import json
import math
import tempfile
import time
from pathlib import Path

import osmium
from django.contrib.gis.geos import Point
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from osmium.osm.mutable import Node, Way

from quartiere.models import InfrastrukturKategorie, Quartier
from wegenetz.models import Wegprofil
from wegenetz.queries import isochrone_berechnen, netz_abdeckung
from wegenetz.services import distanzfelder_berechnen, wegenetz_importieren

SEITE = 224  # lattice points per side: 2 × 224 × 223 = 99,904 edges
ABSTAND_M = 30
MITTE = (7.4653, 51.5136)  # Reinoldikirche


class _Zurueckrollen(Exception):
    """Leaves the generated network out of the bench database."""


def _gitter_schreiben(ziel: Path) -> None:
    dy = ABSTAND_M / 111_320
    dx = dy / math.cos(math.radians(MITTE[1]))
    x0, y0 = MITTE[0] - dx * SEITE / 2, MITTE[1] - dy * SEITE / 2
    schreiber = osmium.SimpleWriter(str(ziel))
    try:
        for j in range(SEITE):
            for i in range(SEITE):
                schreiber.add_node(Node(id=j * SEITE + i + 1, location=(x0 + i * dx, y0 + j * dy), version=1))
        weg = 1
        for j in range(SEITE):
            tags = {"highway": "residential", "name": f"Reihe {j}"} if j % 7 else {"highway": "steps"}
            schreiber.add_way(Way(id=weg, nodes=[j * SEITE + i + 1 for i in range(SEITE)], tags=tags, version=1))
            weg += 1
        for i in range(SEITE):
            tags = {"highway": "footway", "incline": "8%"} if i % 11 == 0 else {"highway": "footway"}
            schreiber.add_way(Way(id=weg, nodes=[j * SEITE + i + 1 for j in range(SEITE)], tags=tags, version=1))
            weg += 1
    finally:
        schreiber.close()


def _isochrone_messen(messen, name: str, punkt: Point) -> None:
    fuss = Wegprofil.objects.get(art="fuss")
    isochrone_berechnen(punkt=punkt, profil=fuss)  # loads the graph into memory once
    isochrone = messen(f"{name}: Isochrone 5/10/15 min (zu Fuß)", lambda: isochrone_berechnen(punkt=punkt, profil=fuss))
    messen(
        f"{name}: Isochrone ohne Flächen",
        lambda: isochrone_berechnen(punkt=punkt, profil=fuss, mit_flaechen=False),
    )
    rollator = Wegprofil.objects.get(art="rollator")  # directed: uphill and downhill weighed apart
    messen(
        f"{name}: Isochrone 5/10/15 min (mit Rollator)",
        lambda: isochrone_berechnen(punkt=punkt, profil=rollator),
    )
    groesse = len(json.dumps(isochrone.geojson(), ensure_ascii=False).encode())
    print(
        f"{'  ' + name + ': Kartenebene Isochrone':<48} {groesse / 1024:8.1f} KB   "
        f"{len(isochrone.kanten)} Wegabschnitte"
    )


def wegenetz_messen(client, messen) -> None:
    """Both measurements; prints figures, asserts nothing."""
    quartier = Quartier.objects.get(slug="derne")
    if netz_abdeckung(quartier=quartier) is not None:
        _isochrone_messen(messen, "Demo-Netz", quartier.grenze.centroid)
        url = reverse("wegenetz:quartier", args=[quartier.slug])
        client.get(url)
        antwort = messen("Demo-Netz: Seite Erreichbarkeit Derne", lambda: client.get(url))
        with CaptureQueriesContext(connection) as abfragen:
            client.get(url)
        print(f"{'  Größe / Abfragen':<48} {len(antwort.content) / 1024:8.1f} KB   {len(abfragen)} Abfragen")
        url = reverse("quartiere:quartier_infrastruktur", args=[quartier.slug])
        messen("Demo-Netz: Seite Infrastruktur Derne (mit Netz)", lambda: client.get(url))

    try:
        with transaction.atomic(), tempfile.TemporaryDirectory() as ordner:
            datei = Path(ordner) / "gitter.osm.pbf"
            _gitter_schreiben(datei)
            start = time.perf_counter()
            netz, _bericht = wegenetz_importieren(pfad=datei)
            print(
                f"{'100.000er-Netz: Import (.osm.pbf)':<48} {time.perf_counter() - start:8.1f} s    "
                f"{netz.anzahl_kanten} Kanten, {netz.anzahl_knoten} Knoten"
            )
            kategorien = InfrastrukturKategorie.objects.count()
            start = time.perf_counter()
            anzahl = distanzfelder_berechnen(alle=True)
            print(
                f"{'100.000er-Netz: Distanzfelder':<48} {time.perf_counter() - start:8.1f} s    "
                f"{anzahl} Felder ({kategorien} Kategorien × 3 Profile; Ziel < 30 s)"
            )
            _isochrone_messen(messen, "100.000er-Netz", Point(*MITTE, srid=4326))
            start = time.perf_counter()
            netz_abdeckung(quartier=quartier)
            print(f"{'100.000er-Netz: Abdeckung eines Quartiers':<48} {(time.perf_counter() - start) * 1000:8.1f} ms")
            raise _Zurueckrollen
    except _Zurueckrollen:
        pass
