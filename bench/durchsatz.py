"""Throughput of the pages behind the login under gunicorn, as a ratio to the floor view.

The server is gunicorn with 3 sync workers on the database in DWK_DATABASE_URL, started with
bench.settings (the project's settings plus the floor view at /bench/boden/, bench/urls.py). Each
page is asked by ``PARALLEL`` client threads for ``SEKUNDEN`` seconds, logged in as Projektteam; the
floor is measured right before each page, so both share the load of the moment, and the ratio is
page ÷ floor. Targets (issue 13): every page behind the login ≥ 0.15, the maps' data layers ≥ 0.3.

Run alone: ``DWK_DATABASE_URL=postgis:///dwk .venv/bin/python bench/durchsatz.py`` (after
``make bench`` or ``manage.py demo_daten`` filled the database).
"""

import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

WURZEL = Path(__file__).resolve().parent.parent
BODEN_URL = "/bench/boden/"
WORKER = 3
PARALLEL = int(os.environ.get("DWK_BENCH_PARALLEL", "6"))
SEKUNDEN = float(os.environ.get("DWK_BENCH_SEKUNDEN", "4"))

ZIEL_SEITE = 0.15
ZIEL_EBENE = 0.3
# (name, URL, target ratio to the floor); all as Projektteam on the demo data.
SEITEN = [
    ("Übersicht", "/uebersicht/", ZIEL_SEITE),
    ("Stadtkarte", "/karte/", ZIEL_SEITE),
    ("Quartiersliste", "/quartiere/", ZIEL_SEITE),
    ("Quartier Menglinghausen", "/quartiere/menglinghausen/", ZIEL_SEITE),
    ("Quartiersprofil Menglinghausen", "/quartiere/menglinghausen/profil/", ZIEL_SEITE),
    ("Analyse (Katalog)", "/analyse/", ZIEL_SEITE),
    ("Analyse Quartier Menglinghausen", "/analyse/quartiere/menglinghausen/", ZIEL_SEITE),
    ("Choropleth Anteil 80+", "/analyse/indikatoren/anteil_80plus/", ZIEL_SEITE),
    ("Infrastruktur Menglinghausen", "/quartiere/menglinghausen/infrastruktur/", ZIEL_SEITE),
    ("Maßnahmen Menglinghausen", "/quartiere/menglinghausen/massnahmen/", ZIEL_SEITE),
    ("Ebene Stadtbezirke (GeoJSON)", "/karte/stadtbezirke.geojson", ZIEL_EBENE),
    ("Ebene statistische Bezirke (GeoJSON)", "/karte/bezirke.geojson", ZIEL_EBENE),
    ("Ebene Unterbezirke (GeoJSON)", "/karte/unterbezirke.geojson", ZIEL_EBENE),
    ("Ebene Quartiere (GeoJSON)", "/karte/quartiere.geojson", ZIEL_EBENE),
    (
        "Choropleth-Daten Unterbezirke (GeoJSON)",
        "/analyse/indikatoren/anteil_80plus.geojson?ebene=unterbezirk",
        ZIEL_EBENE,
    ),
]


def freier_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def warten_bis_bereit(host: str, port: int, *, sekunden: float = 180) -> None:
    ende = time.monotonic() + sekunden
    while time.monotonic() < ende:
        try:
            verbindung = http.client.HTTPConnection(host, port, timeout=5)
            verbindung.request("GET", BODEN_URL)
            verbindung.getresponse().read()
            verbindung.close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn antwortet nicht auf {host}:{port}")


@contextmanager
def gunicorn_server(*, worker: int = WORKER, umgebung: dict | None = None, port: int | None = None):
    """gunicorn with ``worker`` sync workers and bench.settings on a free port; yields (host, port).
    Its log goes to a temporary file, printed if it fails to start."""
    port = port or freier_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DWK_LOG_LEVEL": "WARNING", **(umgebung or {})}
    with tempfile.NamedTemporaryFile("w+", prefix="gunicorn-", suffix=".log") as log:
        prozess = subprocess.Popen(  # noqa: S603 -- our own interpreter and arguments
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--chdir",
                str(WURZEL),
                "--workers",
                str(worker),
                "--bind",
                f"127.0.0.1:{port}",
                "--timeout",
                "120",
                "dwk.wsgi:application",
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            warten_bis_bereit("127.0.0.1", port)
            yield "127.0.0.1", port
        except RuntimeError:
            log.seek(0)
            print(log.read()[-3000:])
            raise
        finally:
            prozess.terminate()
            try:
                prozess.wait(60)
            except subprocess.TimeoutExpired:
                prozess.kill()
                prozess.wait()


def sitzung(benutzername: str) -> str:
    """A session id of ``benutzername``, made the way the test client logs in (no password, no form)."""
    from django.contrib.auth import get_user_model  # noqa: PLC0415 -- needs django.setup() first
    from django.test import Client  # noqa: PLC0415 -- needs django.setup() first

    client = Client()
    benutzer = get_user_model().objects.get(username=benutzername)
    client.force_login(benutzer)
    # Projektteam needs the second factor: the session counts as confirmed with a TOTP device of the
    # bench's own (as after entering a code), so the pages pass django-otp's middleware as in production.
    from django_otp import DEVICE_ID_SESSION_KEY  # noqa: PLC0415 -- needs django.setup() first
    from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: PLC0415 -- needs django.setup() first

    geraet, _neu = TOTPDevice.objects.get_or_create(user=benutzer, name="bench", defaults={"confirmed": True})
    daten = client.session
    daten[DEVICE_ID_SESSION_KEY] = geraet.persistent_id
    daten.save()
    return client.cookies["sessionid"].value


@dataclass
class Ergebnis:
    anfragen: int
    dauer: float
    zeiten: list = field(repr=False)
    fehler: dict
    bytes_je_antwort: int

    @property
    def je_sekunde(self) -> float:
        return self.anfragen / self.dauer if self.dauer else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.zeiten) * 1000 if self.zeiten else float("nan")

    @property
    def p95_ms(self) -> float:
        if len(self.zeiten) < 2:
            return self.median_ms
        return statistics.quantiles(self.zeiten, n=20)[-1] * 1000


def last(adresse: tuple[str, int], pfad: str, *, cookie: str, sekunden: float, parallel: int = PARALLEL) -> Ergebnis:
    """``parallel`` threads ask ``pfad`` again and again for ``sekunden`` seconds."""
    host, port = adresse
    zeiten, fehler, groessen = [], {}, []
    sperre = threading.Lock()
    start = time.perf_counter()
    ende = start + sekunden

    def arbeiter():
        verbindung = http.client.HTTPConnection(host, port, timeout=120)
        while time.perf_counter() < ende:
            t0 = time.perf_counter()
            try:
                verbindung.request("GET", pfad, headers={"Cookie": f"sessionid={cookie}"})
                antwort = verbindung.getresponse()
                inhalt = antwort.read()
                status = antwort.status
            except (OSError, http.client.HTTPException) as fehler_:
                status, inhalt = type(fehler_).__name__, b""
                verbindung.close()
            dauer = time.perf_counter() - t0
            with sperre:
                zeiten.append(dauer)
                groessen.append(len(inhalt))
                if status != 200:
                    fehler[status] = fehler.get(status, 0) + 1
        verbindung.close()

    threads = [threading.Thread(target=arbeiter) for _ in range(parallel)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    gesamt = time.perf_counter() - start
    return Ergebnis(
        anfragen=len(zeiten),
        dauer=gesamt,
        zeiten=zeiten,
        fehler=fehler,
        bytes_je_antwort=int(statistics.median(groessen)) if groessen else 0,
    )


def seiten_messen(*, seiten=SEITEN, sekunden: float = SEKUNDEN, benutzer: str = "projektteam") -> list[dict]:
    """Every page of ``seiten`` and the floor right before it; prints one line per page and returns the rows."""
    cookie = sitzung(benutzer)
    zeilen = []
    print(f"Durchsatz unter gunicorn ({WORKER} Worker, {PARALLEL} parallele Clients, je {sekunden:.0f} s)")
    print(f"angemeldet als {benutzer}; Boden = {BODEN_URL} direkt vor jeder Seite")
    print(f"{'Seite':<42} {'Anfr./s':>8} {'Boden/s':>8} {'Anteil':>7} {'Ziel':>5} {'Median':>8} {'p95':>8} {'KB':>7}")
    with gunicorn_server() as adresse:
        for name, url, ziel in seiten:
            for pfad in (BODEN_URL, url):  # warm-up: every worker has loaded the page once
                last(adresse, pfad, cookie=cookie, sekunden=0.5)
            boden = last(adresse, BODEN_URL, cookie=cookie, sekunden=sekunden)
            seite = last(adresse, url, cookie=cookie, sekunden=sekunden)
            anteil = seite.je_sekunde / boden.je_sekunde if boden.je_sekunde else 0.0
            fehler = f"  Fehler {seite.fehler}" if seite.fehler else ""
            print(
                f"{name:<42} {seite.je_sekunde:8.1f} {boden.je_sekunde:8.1f} {anteil:7.3f} {ziel:5.2f} "
                f"{seite.median_ms:6.1f}ms {seite.p95_ms:6.1f}ms {seite.bytes_je_antwort / 1024:7.1f}"
                f"{'' if anteil >= ziel else '  unter Ziel'}{fehler}"
            )
            zeilen.append({"name": name, "url": url, "seite": seite, "boden": boden, "anteil": anteil, "ziel": ziel})
    return zeilen


if __name__ == "__main__":
    sys.path.insert(0, str(WURZEL))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dwk.settings")
    import django

    django.setup()
    auswahl = sys.argv[1:]
    seiten_messen(seiten=[s for s in SEITEN if not auswahl or any(a in s[1] for a in auswahl)])
