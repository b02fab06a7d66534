"""The main pages, map layers, imports, the profile PDF and a committee report with four profiles at city
scale (issue 13).

Measures the same pages on two databases and prints them side by side: the demo (Dortmund, the
database of DWK_DATABASE_URL) and a city of Berlin's size (``manage.py demo_grossstadt`` in its own
database, DWK_GROSSSTADT_DATABASE_URL, default: the demo's name + ``_grossstadt``; created, migrated
and filled on the first run, which takes a few minutes). Server time is the Django test client in
this process (no network), median and 95th percentile of ``WIEDERHOLUNGEN`` requests after one warm-up
(the caches of the Datenstand are then filled, as on a server in use); queries of one request.

Run: ``make bench`` (bench/run.py calls ``grossstadt_messen``) or alone:
``DWK_DATABASE_URL=postgis:///dwk .venv/bin/python bench/bench_grossstadt.py``.
"""

import datetime
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WURZEL = Path(__file__).resolve().parent.parent
WIEDERHOLUNGEN = int(os.environ.get("DWK_BENCH_WIEDERHOLUNGEN", "15"))


def _datenbank_name(url: str) -> str:
    return url.rsplit("/", 1)[-1]


def grossstadt_bereitstellen(url: str) -> None:
    """Creates the database of ``url`` with PostGIS (local socket), migrates it and builds the city once."""
    name = _datenbank_name(url)
    datenbanken = subprocess.run(  # noqa: S603 -- fixed programs, our own arguments
        ["psql", "-d", "postgres", "-tAc", "select datname from pg_database"],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    if name not in datenbanken:
        subprocess.run(["createdb", name], check=True)  # noqa: S603, S607
    subprocess.run(  # noqa: S603
        ["psql", "-q", "-d", name, "-c", "set client_min_messages = warning; create extension if not exists postgis"],  # noqa: S607
        check=True,
    )
    umgebung = {**os.environ, "DWK_DATABASE_URL": url, "DWK_LOG_LEVEL": "WARNING"}
    manage = [sys.executable, str(WURZEL / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], env=umgebung, check=True)  # noqa: S603
    leer = subprocess.run(  # noqa: S603
        ["psql", "-d", name, "-tAc", "select count(*) from quartiere_stadtbezirk"],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if leer == "0":
        start = time.perf_counter()
        subprocess.run([*manage, "demo_grossstadt"], env=umgebung, check=True)  # noqa: S603
        print(f"{'demo_grossstadt (einmalig)':<48} {time.perf_counter() - start:8.1f} s")


def _messen_in(url: str) -> dict:
    """Runs ``messen()`` in a child process on the database of ``url``; returns its figures."""
    with tempfile.NamedTemporaryFile("r", suffix=".json") as datei:
        umgebung = {**os.environ, "DWK_DATABASE_URL": url, "DWK_LOG_LEVEL": "WARNING", "DWK_BENCH_AUSGABE": datei.name}
        subprocess.run([sys.executable, __file__, "--messen"], env=umgebung, check=True)  # noqa: S603
        return json.load(datei)


def messen() -> dict:
    """The figures of the database this process runs on (Django set up by the caller)."""
    from django.contrib.auth import get_user_model  # noqa: PLC0415 -- after django.setup()
    from django.contrib.auth.models import Group  # noqa: PLC0415
    from django.db import connection, transaction  # noqa: PLC0415
    from django.db.models import Count  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415
    from durchsatz import sitzung  # noqa: PLC0415 -- bench/durchsatz.py beside this script

    from buergerdialog.models import Veranstaltung  # noqa: PLC0415
    from dwk.permissions import PROJEKTTEAM  # noqa: PLC0415
    from quartiere.models import Quartier, Stadtbezirk, StatistischerBezirk, Unterbezirk  # noqa: PLC0415

    benutzer, _neu = get_user_model().objects.get_or_create(username="bench-projektteam")
    benutzer.groups.add(Group.objects.get(name=PROJEKTTEAM))
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies["sessionid"] = sitzung(benutzer.username)  # logged in, second factor passed
    quartier = Quartier.objects.referenzquartiere().order_by("pk").first()
    veranstaltung = Veranstaltung.objects.annotate(n=Count("ergebnisse")).order_by("-n", "pk").first()
    seiten = {
        "Übersicht": "/uebersicht/",
        "Stadtkarte": "/karte/",
        "Quartiersliste": "/quartiere/",
        "Quartier": f"/quartiere/{quartier.slug}/",
        "Quartiersprofil": f"/quartiere/{quartier.slug}/profil/",
        "Analyse (Katalog)": "/analyse/",
        "Analyse Quartier": f"/analyse/quartiere/{quartier.slug}/",
        "Choropleth Anteil 80+": "/analyse/indikatoren/anteil_80plus/?ebene=unterbezirk",
        "Infrastruktur Quartier": f"/quartiere/{quartier.slug}/infrastruktur/",
        "Infrastruktur-Liste": "/infrastruktur/",
        "Begehungen Quartier": f"/quartiere/{quartier.slug}/begehungen/",
        "Veranstaltungen": "/buergerdialog/veranstaltungen/",
        "Sitzungen": "/lenkungsgruppe/sitzungen/",
    }
    if veranstaltung is not None:
        seiten["Ergebnisse einer Veranstaltung"] = f"/buergerdialog/veranstaltungen/{veranstaltung.pk}/ergebnisse/"
    ergebnis = {
        "gebiete": [Stadtbezirk.objects.count(), StatistischerBezirk.objects.count(), Unterbezirk.objects.count()],
        "seiten": {},
        "ebenen": {},
    }
    for name, url in seiten.items():
        client.get(url)
        zeiten = []
        for _ in range(WIEDERHOLUNGEN):
            start = time.perf_counter()
            antwort = client.get(url)
            zeiten.append(time.perf_counter() - start)
        with CaptureQueriesContext(connection) as abfragen:
            client.get(url)
        ergebnis["seiten"][name] = {
            "status": antwort.status_code,
            "median_ms": statistics.median(zeiten) * 1000,
            "p95_ms": statistics.quantiles(zeiten, n=20)[-1] * 1000,
            "abfragen": len(abfragen),
            "kb": len(antwort.content) / 1024,
        }
    for ebene in ("stadtbezirke", "bezirke", "unterbezirke", "quartiere"):
        ergebnis["ebenen"][ebene] = len(client.get(f"/karte/{ebene}.geojson").content) / 1024
    choropleth = "/analyse/indikatoren/anteil_80plus.geojson?ebene=unterbezirk"
    ergebnis["ebenen"]["Choropleth Unterbezirke"] = len(client.get(choropleth).content) / 1024

    ergebnis["importe"] = {}
    with transaction.atomic():
        ergebnis["importe"].update(_importe_messen(client))
        transaction.set_rollback(True)
    referenzquartiere = list(Quartier.objects.referenzquartiere().order_by("pk")[:4])
    ergebnis["pdf"] = _pdf_messen(referenzquartiere)
    with transaction.atomic():
        ergebnis["bericht"] = _bericht_messen(referenzquartiere)
        transaction.set_rollback(True)
    return ergebnis


def _importe_messen(client) -> dict:
    """Every importer with a file of the city's size, inside the caller's rolled-back transaction."""
    from quartiere.models import Indikator, IndikatorArt, Unterbezirk  # noqa: PLC0415
    from quartiere.services import (  # noqa: PLC0415
        gebiete_importieren,
        infrastruktur_importieren,
        kennzahlen_importieren,
    )

    zeiten = {}
    with tempfile.TemporaryDirectory() as ordner:
        # Boundaries: every Unterbezirk exported and imported again (unchanged).
        daten = json.loads(client.get("/karte/unterbezirke.geojson").content)
        eltern = dict(Unterbezirk.objects.values_list("code", "bezirk__code"))
        for feature in daten["features"]:
            feature["properties"]["bezirk"] = eltern[feature["properties"]["code"]]
        pfad = Path(ordner) / "unterbezirke.geojson"
        pfad.write_text(json.dumps(daten))
        start = time.perf_counter()
        gebiete_importieren(pfad=pfad, ebene="unterbezirk", code_feld="code", name_feld="name", parent_feld="bezirk")
        zeiten[f"Gebiete: {len(daten['features'])} Unterbezirke (GeoJSON)"] = time.perf_counter() - start

        # Facilities: the export of all of them, without the id column (every row new).
        export = client.get("/infrastruktur/?format=csv").content.decode("utf-8-sig").splitlines()
        pfad = Path(ordner) / "infrastruktur.csv"
        pfad.write_text("\n".join(z.split(";", 1)[1] for z in export), encoding="utf-8")
        start = time.perf_counter()
        ergebnis = infrastruktur_importieren(pfad=pfad, koordinatensystem=4326)
        zeiten[f"Infrastruktur: {ergebnis.angelegt} Einrichtungen (CSV, neu)"] = time.perf_counter() - start

    # Indicator values: every count of every Unterbezirk for one new year.
    codes = list(Unterbezirk.objects.order_by("code").values_list("code", flat=True))
    schluessel = list(Indikator.objects.filter(art=IndikatorArt.ANZAHL).values_list("schluessel", flat=True))
    zeilen = ["Gebietsschlüssel;Indikator;Jahr;Wert"]
    zeilen += [f"{c};{s};2030;{(n * 37) % 9000 + 100}" for s in schluessel for n, c in enumerate(codes)]
    start = time.perf_counter()
    ergebnis = kennzahlen_importieren(inhalt="\n".join(zeilen).encode(), dateiname="b.csv", ebene="unterbezirk")
    zeiten[f"Kennzahlen: {ergebnis.neu} Werte (CSV, neu)"] = time.perf_counter() - start
    return zeiten


def _seiten(pdf: bytes) -> int:
    from pypdf import PdfReader  # noqa: PLC0415

    return len(PdfReader(io.BytesIO(pdf)).pages)


def _pdf_messen(quartiere) -> dict:
    """The quarter profile of the first of ``quartiere`` with a released version (texts and evidence),
    else the working state of the first, rendered in this process, the PDF cache off."""
    from django.test import override_settings  # noqa: PLC0415 -- after django.setup()

    from berichte.pdf import quartiersprofil_pdf  # noqa: PLC0415
    from quartiersprofil.queries.profil import letzte_freigabe  # noqa: PLC0415

    quartier, fassung = next(((q, f) for q in quartiere if (f := letzte_freigabe(q)) is not None), (quartiere[0], None))
    with override_settings(DWK_PDF_CACHE_SEKUNDEN=0):
        start = time.perf_counter()
        pdf = quartiersprofil_pdf(quartier=quartier, fassung=fassung)
    sekunden = time.perf_counter() - start
    return {
        "quartier": quartier.name,
        "freigegeben": fassung is not None,
        "sekunden": sekunden,
        "kb": len(pdf) / 1024,
        "seiten": _seiten(pdf),
    }


def _bericht_messen(quartiere) -> dict:
    """A committee report with the profiles of ``quartiere`` (four), as the council receives it: its
    HTML built, then set in the child process with the limits of a server (``DWK_PDF_MAX_SEKUNDEN``,
    ``DWK_PDF_MAX_SPEICHER_MB``), the PDF cache off. Inside the caller's rolled-back transaction: each
    quarter's latest release, or its version in work, or a new draft (a version not released shows
    the data without texts, as in the app)."""
    from django.conf import settings  # noqa: PLC0415 -- after django.setup()
    from django.test import override_settings  # noqa: PLC0415

    from berichte.models import Bericht, Gremium  # noqa: PLC0415
    from berichte.services.berichte import bericht_speichern  # noqa: PLC0415
    from berichte.services.pdf_bericht import bericht_html_teile  # noqa: PLC0415
    from berichte.services.rendern import pdf_abgeschottet  # noqa: PLC0415
    from dwk.pdf import PdfFehler  # noqa: PLC0415
    from quartiersprofil.models import ProfilStatus  # noqa: PLC0415
    from quartiersprofil.queries.profil import arbeitsstand, letzte_freigabe  # noqa: PLC0415
    from quartiersprofil.services.profil import profil_entwurf_anlegen  # noqa: PLC0415

    fassungen = [letzte_freigabe(q) or arbeitsstand(q) or profil_entwurf_anlegen(quartier=q) for q in quartiere]
    namen = ", ".join(q.name for q in quartiere)
    bericht = bericht_speichern(
        bericht=Bericht(
            betreff=f"Quartiersprofile {namen}",
            gremium=Gremium.FACHAUSSCHUSS,
            gremium_name="Ausschuss für Soziales, Arbeit und Gesundheit",
            sitzungsdatum=datetime.date(2030, 1, 15),
            beschlussvorschlag=f"Der Ausschuss nimmt die Quartiersprofile {namen} zur Kenntnis.",
            begruendung="Messung: ein Bericht mit vier Quartiersprofilen in der Größe einer Großstadt.",
        ),
        profilfassungen=fassungen,
    )
    start = time.perf_counter()
    teile, titel, autor = bericht_html_teile(bericht=bericht, version_nummer=None)
    ergebnis = {
        "profile": len(fassungen),
        "freigegeben": sum(f.status == ProfilStatus.FREIGEGEBEN for f in fassungen),
        "html_sekunden": time.perf_counter() - start,
        "grenze": settings.DWK_PDF_MAX_SEKUNDEN,
    }
    start = time.perf_counter()
    try:
        with override_settings(DWK_PDF_CACHE_SEKUNDEN=0):
            pdf = pdf_abgeschottet(teile=teile, titel=titel, autor=autor)
    except PdfFehler as fehler:
        return {**ergebnis, "sekunden": time.perf_counter() - start, "fehler": str(fehler)}
    return {**ergebnis, "sekunden": time.perf_counter() - start, "kb": len(pdf) / 1024, "seiten": _seiten(pdf)}


def grossstadt_messen() -> None:
    """Prints the figures of the demo and of the big city side by side."""
    demo_url = os.environ.get("DWK_DATABASE_URL", "postgis:///dwk")
    gross_url = os.environ.get("DWK_GROSSSTADT_DATABASE_URL", f"{demo_url}_grossstadt")
    grossstadt_bereitstellen(gross_url)
    demo, gross = _messen_in(demo_url), _messen_in(gross_url)
    print(f"Stadtgröße: Demo {demo['gebiete']} / Großstadt {gross['gebiete']} (Stadtbezirke, Bezirke, Unterbezirke)")
    kopf = f"{'Seite':<32} {'Median ms':>19} {'p95 ms':>17} {'Abfragen':>13} {'KB':>15}"
    print(kopf + "\n" + " " * 33 + "  Demo   Großstadt" * 4)
    for name, g in gross["seiten"].items():
        d = demo["seiten"].get(name)
        if d is None:
            continue
        warnung = "  MEHR ABFRAGEN" if g["abfragen"] > d["abfragen"] else ""
        status = "" if g["status"] == d["status"] == 200 else f"  Status {d['status']}/{g['status']}"
        print(
            f"{name:<32} {d['median_ms']:8.1f} {g['median_ms']:9.1f} {d['p95_ms']:8.1f} {g['p95_ms']:8.1f} "
            f"{d['abfragen']:5d} {g['abfragen']:6d} {d['kb']:7.1f} {g['kb']:7.1f}{warnung}{status}"
        )
    print("Kartenebenen (KB GeoJSON)            Demo   Großstadt")
    for name, g in gross["ebenen"].items():
        print(f"  {name:<32} {demo['ebenen'][name]:8.1f} {g:9.1f}")
    print("Importe (je einmal, zurückgerollt)")
    for beschriftung, sekunden in [*demo["importe"].items(), *gross["importe"].items()]:
        print(f"  {beschriftung:<60} {sekunden:8.2f} s")
    for name, werte in (("Demo", demo), ("Großstadt", gross)):
        pdf = werte["pdf"]
        art = "freigegeben" if pdf["freigegeben"] else "Arbeitsstand"
        print(
            f"Quartiersprofil-PDF {name:<12} {pdf['sekunden']:8.2f} s {pdf['kb']:8.1f} KB {pdf['seiten']:5d} Seiten "
            f"({pdf['quartier']}, {art})"
        )
    for name, werte in (("Demo", demo), ("Großstadt", gross)):
        bericht = werte["bericht"]
        profile = f"{bericht['profile']} Profile ({bericht['freigegeben']} freigegeben)"
        zeile = f"Bericht, {profile}, {name:<10} HTML {bericht['html_sekunden']:6.2f} s, PDF "
        if "fehler" in bericht:
            abbruch = f"ABGEBROCHEN nach {bericht['sekunden']:.1f} s (Grenze {bericht['grenze']} s)"
            print(zeile + abbruch + f": {bericht['fehler']}")
        else:
            print(zeile + f"{bericht['sekunden']:7.2f} s {bericht['kb']:8.1f} KB {bericht['seiten']:5d} Seiten")


if __name__ == "__main__":
    sys.path.insert(0, str(WURZEL))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dwk.settings")
    if "--messen" in sys.argv:
        import django

        django.setup()
        with open(os.environ["DWK_BENCH_AUSGABE"], "w") as ausgabe:
            json.dump(messen(), ausgabe)
    else:
        grossstadt_messen()
