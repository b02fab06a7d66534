"""Throughput of the public pages (issue 12), served from their page cache, as a ratio to a minimal
Django view on the same gunicorn server in the same run (target ≥ 0.5), and the queries of each
page with an empty cache (target ≤ 10).

Both are asked anonymously, without a cookie, as residents ask them. The server runs with this
module as its settings and URL configuration: the project's settings and URLs plus the anonymous
floor view ``/bench/boden-oeffentlich/`` (``login_not_required``, same middleware). Called by
``bench/run.py`` after the demo data are loaded; alone:
``DWK_DATABASE_URL=postgis:///dwk .venv/bin/python bench/bench_oeffentlich.py``.
"""

import os
import sys
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER.parent))

from dwk.settings import *  # noqa: E402, F403 -- this module is also the bench server's settings

ROOT_URLCONF = "bench_oeffentlich"
BODEN = "/bench/boden-oeffentlich/"
ZIEL = 0.5
SEITEN = [
    ("Projekt", "/projekt/"),
    ("Quartiere (Karte und Liste)", "/projekt/quartiere/"),
    ("Quartier Menglinghausen", "/projekt/quartiere/menglinghausen/"),
    ("Veranstaltungen", "/projekt/veranstaltungen/"),
    ("Neuigkeiten", "/projekt/neuigkeiten/"),
    ("Kalender (ICS)", "/projekt/veranstaltungen/kalender.ics"),
    ("Erklärung zur Barrierefreiheit", "/projekt/barrierefreiheit/"),
]


def __getattr__(name):
    """``urlpatterns``, made when the server first resolves a URL (the apps are loaded by then)."""
    if name != "urlpatterns":
        raise AttributeError(name)
    from django.contrib.auth.decorators import login_not_required  # noqa: PLC0415 -- after django.setup()
    from django.http import HttpResponse  # noqa: PLC0415
    from django.urls import path  # noqa: PLC0415

    from bench.urls import urlpatterns as bench_urls  # noqa: PLC0415 -- the floor of bench/durchsatz.py too

    @login_not_required
    def boden(request):
        """The floor: the least an anonymous Django view can do behind the same middleware."""
        return HttpResponse("ok", content_type="text/plain; charset=utf-8")

    return [path(BODEN.strip("/") + "/", boden), *bench_urls]


def abfragen_ungecacht():
    """Queries of each page rendered with an empty page cache (in this process, test client)."""
    from django.db import connection  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext, override_settings  # noqa: PLC0415

    from oeffentlich.views.basis import SEITEN as CACHE  # noqa: PLC0415

    client = Client(HTTP_HOST="127.0.0.1")
    with override_settings(DWK_OEFFENTLICH_DATENSTAND_SEKUNDEN=0):
        for name, url in SEITEN:
            CACHE.clear()
            with CaptureQueriesContext(connection) as abfragen:
                antwort = client.get(url)
            zeile = f"{antwort.status_code:4d} {len(antwort.content) / 1024:8.1f} KB {len(abfragen):5d} Abfragen"
            print(f"{'  ungecacht ' + name:<48} {zeile}  (Ziel ≤ 10)")


def oeffentlich_messen():
    """Print, per public page: requests per second from the cache, the floor's just before, ratio."""
    from durchsatz import SEKUNDEN, gunicorn_server, last  # noqa: PLC0415 -- bench/durchsatz.py beside this

    print("Öffentliche Seiten (anonym, aus dem Seiten-Cache) gegen den anonymen Boden, gunicorn")
    abfragen_ungecacht()
    umgebung = {
        "DJANGO_SETTINGS_MODULE": "bench_oeffentlich",
        "PYTHONPATH": os.pathsep.join([str(HIER), str(HIER.parent), os.environ.get("PYTHONPATH", "")]),
    }
    with gunicorn_server(umgebung=umgebung) as adresse:
        for _name, url in SEITEN:
            last(adresse, url, cookie="", sekunden=0.5)  # fill every worker's cache
        for name, url in SEITEN:
            boden = last(adresse, BODEN, cookie="", sekunden=SEKUNDEN)
            seite = last(adresse, url, cookie="", sekunden=SEKUNDEN)
            verhaeltnis = seite.je_sekunde / boden.je_sekunde if boden.je_sekunde else 0.0
            bewertung = "ok" if verhaeltnis >= ZIEL and not seite.fehler else "UNTER ZIEL"
            print(
                f"{name:<40} {seite.je_sekunde:7.0f}/s  Boden {boden.je_sekunde:7.0f}/s  "
                f"Verhältnis {verhaeltnis:4.2f} (Ziel ≥ {ZIEL})  Median {seite.median_ms:5.1f} ms  "
                f"{bewertung}{'  Fehler ' + str(seite.fehler) if seite.fehler else ''}"
            )


if __name__ == "__main__":
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_oeffentlich"
    sys.path.insert(0, str(HIER))
    import django

    django.setup()
    oeffentlich_messen()
