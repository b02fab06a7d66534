"""Measurements of DWK Quartiersplanung (`make bench`). Prints figures; asserts nothing.

Runs against the database in DWK_DATABASE_URL (make bench: the local PostGIS database "dwk"),
migrates it and loads the demo data first.
"""

import io
import json
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dwk.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

WIEDERHOLUNGEN = 5


def messen(name, funktion, wiederholungen=WIEDERHOLUNGEN):
    zeiten = []
    for _ in range(wiederholungen):
        start = time.perf_counter()
        ergebnis = funktion()
        zeiten.append(time.perf_counter() - start)
    print(f"{name:<48} Median {statistics.median(zeiten) * 1000:8.1f} ms   min {min(zeiten) * 1000:8.1f} ms")
    return ergebnis


def main():
    print(f"Datenbank: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, {os.cpu_count()} Kerne")
    call_command("migrate", verbosity=0)
    messen("demo_daten (idempotent)", lambda: call_command("demo_daten", stdout=io.StringIO()), 3)

    from berichte.pdf import quartiersprofil_pdf
    from quartiere.models import Quartier

    quartier = Quartier.objects.get(slug="menglinghausen")
    pdf = messen("Quartiersprofil-PDF rendern (Menglinghausen)", lambda: quartiersprofil_pdf(quartier=quartier))
    tracemalloc.start()
    quartiersprofil_pdf(quartier=quartier)
    _aktuell, spitze = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{'  Größe / Python-Speicherspitze':<48} {len(pdf) / 1024:8.1f} KB   {spitze / 1024 / 1024:8.1f} MB")

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="projektteam"))
    for name, url in [
        ("Seite Stadtkarte", "/karte/"),
        ("Seite Quartier Menglinghausen", "/quartiere/menglinghausen/"),
        ("Seite Quartiersliste", "/quartiere/"),
        ("GeoJSON 170 Unterbezirke", "/karte/unterbezirke.geojson"),
    ]:
        antwort = messen(name, lambda url=url: client.get(url))
        with CaptureQueriesContext(connection) as abfragen:
            client.get(url)
        print(f"{'  Antwort / Abfragen':<48} {len(antwort.content) / 1024:8.1f} KB   {len(abfragen):5d} Abfragen")
    reset_queries()

    # Boundary import: export the 170 demo Unterbezirke and import them again (170 updates).
    geojson = client.get("/karte/unterbezirke.geojson").content
    from quartiere.importe import gebiete_importieren
    from quartiere.models import Unterbezirk

    eltern = {u.code: u.bezirk.code for u in Unterbezirk.objects.select_related("bezirk")}
    daten = json.loads(geojson)
    for feature in daten["features"]:
        feature["properties"]["bezirk"] = eltern[feature["properties"]["code"]]
    with tempfile.TemporaryDirectory() as ordner:
        pfad = Path(ordner) / "unterbezirke.geojson"
        pfad.write_text(json.dumps(daten))
        messen(
            "Import 170 Unterbezirke (GeoJSON, unverändert)",
            lambda: gebiete_importieren(
                pfad=str(pfad), ebene="unterbezirk", code_feld="code", name_feld="name", parent_feld="bezirk"
            ),
            3,
        )


if __name__ == "__main__":
    main()
