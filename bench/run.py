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
    # The bench database is local; its demo accounts are fine here (demo_daten asks for that explicitly).
    messen("demo_daten (idempotent)", lambda: call_command("demo_daten", ausdruecklich=True, stdout=io.StringIO()), 3)

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
    from quartiere.models import Unterbezirk
    from quartiere.services import gebiete_importieren

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

    infrastruktur_messen(client)
    kennzahlen_messen(client)
    profil_messen(client)

    from fotos import fotos_messen  # bench/fotos.py beside this script: photo uploads and their job

    fotos_messen(client)

    from bench_buergerdialog import buergerdialog_messen  # bench/bench_buergerdialog.py beside this script

    buergerdialog_messen(client, messen)

    from bench_profil_pdf import profil_pdf_messen  # bench/bench_profil_pdf.py: full profile against its floor

    profil_pdf_messen()

    from durchsatz import seiten_messen  # bench/durchsatz.py: pages under gunicorn as a ratio to the floor view

    seiten_messen()

    from bench_oeffentlich import oeffentlich_messen  # bench/bench_oeffentlich.py: public pages from the cache

    oeffentlich_messen()

    from bench_grossstadt import grossstadt_messen  # bench/bench_grossstadt.py: the demo beside a city of Berlin's size

    grossstadt_messen()

    from bench_uebersichten import uebersichten_messen  # bench/bench_uebersichten.py beside this script

    uebersichten_messen(client, messen, get_user_model().objects.get(username="projektteam"))

    from bench_wegenetz import wegenetz_messen  # bench/bench_wegenetz.py: walking network, 100,000 edges

    wegenetz_messen(client, messen)

    from bench_berichte import berichte_messen  # bench/bench_berichte.py: stored releases, report list, report PDF

    berichte_messen(messen)


def infrastruktur_messen(client):
    """Coverage of 4 quarters × 17 categories with 5,000 extra facilities; the quarter page; a 5,000-row import.

    The facilities are generated deterministically inside a transaction that is rolled back.
    """
    import random

    from django.contrib.gis.db.models import Extent
    from django.contrib.gis.geos import Point
    from django.db import transaction

    from quartiere.models import Infrastruktur, InfrastrukturKategorie, Quartier, Stadtbezirk
    from quartiere.queries.abdeckung import erreichbarkeit_berechnen
    from quartiere.services import infrastruktur_importieren

    rng = random.Random(5000)  # noqa: S311 -- reproducible test data
    xmin, ymin, xmax, ymax = Stadtbezirk.objects.aggregate(e=Extent("geometrie"))["e"]
    kategorien = list(InfrastrukturKategorie.objects.select_related("handlungsfeld"))
    quartiere = list(Quartier.objects.referenzquartiere())
    with transaction.atomic():
        Infrastruktur.objects.bulk_create(
            Infrastruktur(
                kategorie=kategorien[i % len(kategorien)],
                name=f"Messung {i}",
                punkt=Point(rng.uniform(xmin, xmax), rng.uniform(ymin, ymax), srid=4326),
                quelle="sonstige",
                stand="2016-01-01",
            )
            for i in range(5000)
        )
        gesamt = Infrastruktur.objects.count()
        print(f"Infrastruktur: {gesamt} Einrichtungen ({gesamt - 5000} Demo + 5000 erzeugt)")
        with CaptureQueriesContext(connection) as abfragen:
            messen(
                f"Erreichbarkeit {len(quartiere)} Quartiere × {len(kategorien)} Kategorien",
                lambda: erreichbarkeit_berechnen(quartiere=quartiere, kategorien=kategorien),
            )
        print(f"{'  Abfragen je Berechnung':<48} {len(abfragen) // WIEDERHOLUNGEN:8d}")
        messen(
            "  dasselbe mit Puffer-GeoJSON für die Karte",
            lambda: erreichbarkeit_berechnen(quartiere=quartiere, kategorien=kategorien, mit_puffer=True),
        )
        messen(
            "  dasselbe mit GEOS (Weg für SpatiaLite)",
            lambda: erreichbarkeit_berechnen(quartiere=quartiere, kategorien=kategorien, rechenweg="geos"),
            3,
        )
        url = "/quartiere/menglinghausen/infrastruktur/"
        antwort = messen("Seite Infrastruktur Menglinghausen", lambda: client.get(url))
        with CaptureQueriesContext(connection) as abfragen:
            client.get(url)
        print(f"{'  Antwort / Abfragen':<48} {len(antwort.content) / 1024:8.1f} KB   {len(abfragen):5d} Abfragen")
        export = client.get("/infrastruktur/?format=csv").content
        with tempfile.TemporaryDirectory() as ordner:
            pfad = Path(ordner) / "infrastruktur.csv"
            # Without the id column: every row becomes a new facility (rolled back below).
            zeilen = export.decode("utf-8-sig").splitlines()
            pfad.write_text("\n".join(z.split(";", 1)[1] for z in zeilen[:5001]), encoding="utf-8")
            start = time.perf_counter()
            ergebnis = infrastruktur_importieren(pfad=pfad, koordinatensystem=4326)
            dauer = time.perf_counter() - start
            name = "Import 5.000 Einrichtungen (CSV, neu)"
            print(f"{name:<48} einmal   {dauer * 1000:8.1f} ms   {ergebnis.angelegt} angelegt")
        transaction.set_rollback(True)


def kennzahlen_messen(client):
    """Analysis pages of the demo (targets: quarter page ≤ 25 queries, choropleth of 170 Unterbezirke
    ≤ 150 KB) and the import of a generated 35,000-value CSV (< 10 s; rolled back afterwards)."""
    from django.db import transaction

    from quartiere.models import Indikator, IndikatorArt, Unterbezirk
    from quartiere.services import kennzahlen_importieren

    for name, url in [
        ("Seite Analyse Quartier Menglinghausen", "/analyse/quartiere/menglinghausen/"),
        ("Seite Choropleth Anteil 80+ (Unterbezirke)", "/analyse/indikatoren/anteil_80plus/"),
        ("GeoJSON Choropleth 170 Unterbezirke", "/analyse/indikatoren/anteil_80plus.geojson?ebene=unterbezirk"),
        ("GeoJSON Choropleth 62 Bezirke", "/analyse/indikatoren/quote_grusi_65plus.geojson?ebene=bezirk"),
        ("Export Analyse Menglinghausen (XLSX)", "/analyse/quartiere/menglinghausen/?format=xlsx"),
    ]:
        antwort = messen(name, lambda url=url: client.get(url))
        with CaptureQueriesContext(connection) as abfragen:
            client.get(url)
        print(f"{'  Antwort / Abfragen':<48} {len(antwort.content) / 1024:8.1f} KB   {len(abfragen):5d} Abfragen")

    # 170 Unterbezirke × 10 counts × 21 years (1990–2010, not in the demo) = 35,700 lines; the first 35,000.
    codes = list(Unterbezirk.objects.order_by("code").values_list("code", flat=True))
    schluessel = list(Indikator.objects.filter(art=IndikatorArt.ANZAHL).values_list("schluessel", flat=True))
    zeilen = ["Gebietsschlüssel;Indikator;Jahr;Wert"]
    for jahr in range(1990, 2011):
        for indikator in schluessel:
            for n, code in enumerate(codes):
                zeilen.append(f"{code};{indikator};{jahr};{(n * 37 + jahr) % 9000 + 1000:,}".replace(",", "."))
    inhalt = "\r\n".join(zeilen[:35001]).encode("cp1252")
    with transaction.atomic():
        start = time.perf_counter()
        ergebnis = kennzahlen_importieren(inhalt=inhalt, dateiname="bench.csv", ebene="unterbezirk")
        dauer = time.perf_counter() - start
        print(f"{'Import 35.000 Kennzahlen (CSV, neu)':<48} einmal   {dauer * 1000:8.1f} ms   {ergebnis.neu} neu")
        start = time.perf_counter()
        ergebnis = kennzahlen_importieren(inhalt=inhalt, dateiname="bench.csv", ebene="unterbezirk")
        dauer = time.perf_counter() - start
        name = "  dieselbe Datei noch einmal (unverändert)"
        print(f"{name:<48} einmal   {dauer * 1000:8.1f} ms   {ergebnis.unveraendert} unverändert")
        transaction.set_rollback(True)


def profil_messen(client):
    """The quarter profile: a 12-megapixel photo through the pipeline, the profile pages."""
    from PIL import Image

    from quartiersprofil.services.fotos import foto_verarbeiten

    puffer = io.BytesIO()
    bild = Image.effect_noise((4000, 3000), 60).convert("RGB")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (51.0, 27.0, 0.0), 3: "E", 4: (7.0, 25.0, 0.0)}
    bild.save(puffer, "JPEG", quality=90, exif=exif)
    puffer.name = "bench.jpg"
    print(f"{'  Testfoto 4000 × 3000 px':<48} {len(puffer.getvalue()) / 1024 / 1024:8.1f} MB")
    tracemalloc.start()
    ergebnis = messen("Foto prüfen und neu kodieren (3 Größen)", lambda: foto_verarbeiten(puffer), 3)
    _aktuell, spitze = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{'  Web / Druck / Python-Speicherspitze':<48} {len(ergebnis.web) / 1024:8.1f} KB "
        f"{len(ergebnis.druck) / 1024:8.1f} KB {spitze / 1024 / 1024:8.1f} MB"
    )
    for name, url in [
        ("Seite Quartier mit Profilübersicht", "/quartiere/menglinghausen/"),
        ("Seite Quartiersprofil Menglinghausen", "/quartiere/menglinghausen/profil/"),
        ("Seite Maßnahmen-Board Menglinghausen", "/quartiere/menglinghausen/massnahmen/"),
        ("Seite Begehungen Menglinghausen", "/quartiere/menglinghausen/begehungen/"),
    ]:
        antwort = messen(name, lambda url=url: client.get(url))
        with CaptureQueriesContext(connection) as abfragen:
            client.get(url)
        groesse = len(antwort.content) / 1024
        zeile = f"{antwort.status_code:4d} {groesse:8.1f} KB {len(abfragen):5d} Abfragen"
        print(f"{'  Status / Antwort / Abfragen':<48} {zeile}")


if __name__ == "__main__":
    main()
