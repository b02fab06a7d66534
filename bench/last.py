"""Load and faults under gunicorn (3 workers) with locust (bench/locustfile.py; `make last`).

Three runs against the demo data, each with the floor view in the same run:

1. 50 users with think time (DWK_LAST_DENKZEIT, default 3–10 s) for 60 s;
2. saturation: 30 users without think time for 30 s;
3. the first run again, and after 20 s the database goes away for 10 s. By default PostgreSQL itself
   is not restarted (other work may share it): gunicorn reaches it through a TCP proxy of this
   script (bench/tcp_proxy.py), which closes every connection and stops listening, then listens
   again, as a restarted server would. With ``DWK_LAST_CLUSTER`` (Debian's cluster, e.g. ``15 main``)
   the server itself is stopped at second 20 (``pg_ctlcluster … stop -m fast``: every connection
   ends) and started at second 30, on a machine where nothing else needs it. A probe asks the floor
   view every 0.2 s and says which answers came while it was away and how long the app took to
   answer 200 again.

locust runs from its own virtual environment (var/last-venv, made by `make last` from
bench/requirements-last.txt), since it is no dependency of the app.
"""

import csv
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dwk.settings")
# The demo data live on 16 October 2017 (DWK_HEUTE of `make run`): on that day the review round of
# „Bürgerdialog Derne“ is open, so the members can rate its results. gunicorn inherits it.
os.environ.setdefault("DWK_HEUTE", "2017-10-16")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from durchsatz import BODEN_URL, gunicorn_server, sitzung  # noqa: E402
from tcp_proxy import TcpProxy, postgresql_ziel  # noqa: E402

WURZEL = Path(__file__).resolve().parent.parent
LOCUST = Path(os.environ.get("DWK_LOCUST", WURZEL / "var" / "last-venv" / "bin" / "locust"))
# Members of the steering group who rate under load, each with an account of their own.
MITGLIEDER = int(os.environ.get("DWK_LAST_MITGLIEDER", "16"))
# Debian's PostgreSQL cluster ("15 main") to restart for real in the third run; empty: the proxy.
CLUSTER = os.environ.get("DWK_LAST_CLUSTER", "").split()


def mitglieder_konten(anzahl: int) -> list[str]:
    """Usernames of ``anzahl`` active members of the steering group (only they may rate): the demo's
    member account and, for other members without one, accounts of the bench (``bench-mitglied-<id>``,
    role Lenkungsgruppe, linked to the member through ``mitglied_speichern``). Idempotent: a second run
    finds them."""
    from django.contrib.auth.models import Group  # noqa: PLC0415 -- after django.setup()

    from dwk.permissions import LENKUNGSGRUPPE  # noqa: PLC0415 -- after django.setup()
    from lenkungsgruppe.models import Mitglied  # noqa: PLC0415 -- after django.setup()
    from lenkungsgruppe.services import mitglied_speichern  # noqa: PLC0415 -- after django.setup()

    benutzer = get_user_model()
    namen = ["lenkungsgruppe"] if benutzer.objects.filter(username="lenkungsgruppe").exists() else []
    for mitglied in Mitglied.objects.aktiv().order_by("pk"):
        if len(namen) >= anzahl:
            break
        name = f"bench-mitglied-{mitglied.pk}"
        if mitglied.benutzer_id is None:
            konto, _neu = benutzer.objects.get_or_create(username=name, defaults={"last_name": mitglied.nachname})
            konto.set_unusable_password()
            konto.save()
            konto.groups.add(Group.objects.get(name=LENKUNGSGRUPPE))
            mitglied.benutzer = konto
            mitglied_speichern(mitglied=mitglied)
        if mitglied.benutzer.username.startswith("bench-mitglied-"):
            namen.append(mitglied.benutzer.username)
    return namen


def ziele() -> dict:
    """Session ids and the URLs the load needs, found in the demo data."""
    from buergerdialog.models import Veranstaltung  # noqa: PLC0415 -- after django.setup()

    if not get_user_model().objects.filter(username="projektteam").exists():
        call_command("demo_daten", ausdruecklich=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    mitglied = Client(HTTP_HOST="127.0.0.1")
    mitglied.cookies["sessionid"] = sitzung("lenkungsgruppe")  # with the second factor, should it have one
    # The first event whose review page has a form to rate with (a round open on DWK_HEUTE).
    seiten = [f"/buergerdialog/veranstaltungen/{pk}/bewerten/" for (pk,) in Veranstaltung.objects.values_list("pk")]
    bewerten = next((s for s in sorted(seiten) if "Bewertungen speichern" in mitglied.get(s).content.decode()), None)
    oeffentlich = Client(HTTP_HOST="127.0.0.1")
    pdf = "/projekt/quartiere/menglinghausen/quartiersprofil.pdf"
    return {
        "sitzungen": {"projektteam": sitzung("projektteam"), "lenkungsgruppe": sitzung("lenkungsgruppe")},
        "mitglieder": [sitzung(name) for name in mitglieder_konten(MITGLIEDER)],
        "quartier": "menglinghausen",
        "bewerten": bewerten,
        "oeffentliches_pdf": pdf if oeffentlich.get(pdf).status_code == 200 else None,
    }


def locust(adresse, *, nutzer: int, sekunden: int, denkzeit: str, ziel: dict, ordner: str, name: str) -> list[dict]:
    """One headless locust run; returns the rows of its statistics (one per request name, and Aggregated)."""
    host, port = adresse
    praefix = str(Path(ordner) / name)
    umgebung = {**os.environ, "DWK_LAST_ZIELE": json.dumps(ziel), "DWK_LAST_DENKZEIT": denkzeit}
    subprocess.run(  # noqa: S603 -- our own locust and arguments
        [
            str(LOCUST),
            "-f",
            str(WURZEL / "bench" / "locustfile.py"),
            "--headless",
            "--users",
            str(nutzer),
            "--spawn-rate",
            str(max(1, nutzer // 5)),
            "--run-time",
            f"{sekunden}s",
            "--host",
            f"http://{host}:{port}",
            "--csv",
            praefix,
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        env=umgebung,
        check=False,
        stdout=subprocess.DEVNULL,
    )
    with open(f"{praefix}_stats.csv", newline="") as datei:
        zeilen = list(csv.DictReader(datei))
    with open(f"{praefix}_failures.csv", newline="") as datei:
        fehler = list(csv.DictReader(datei))
    for zeile in zeilen:
        zeile["fehlerarten"] = {f["Error"][:60]: int(f["Occurrences"]) for f in fehler if f["Name"] == zeile["Name"]}
    return zeilen


def ausgeben(titel: str, zeilen: list[dict]) -> None:
    print(titel)
    print(f"  {'Anfrage':<34} {'Anzahl':>7} {'Fehler':>7} {'Anfr./s':>8} {'Median':>8} {'p95':>8}")
    for z in sorted(zeilen, key=lambda z: (z["Name"] == "Aggregated", z["Name"])):
        print(
            f"  {z['Name'][:34]:<34} {int(z['Request Count']):7d} {int(z['Failure Count']):7d} "
            f"{float(z['Requests/s']):8.1f} {z['50%']:>6}ms {z['95%']:>6}ms"
            + (f"  {z['fehlerarten']}" if z["fehlerarten"] else "")
        )


def sonde(adresse, cookie: str, ende: float, protokoll: list) -> None:
    """Asks the floor view every 0.2 s until ``ende``: (time, status or error)."""
    host, port = adresse
    while time.monotonic() < ende:
        try:
            verbindung = http.client.HTTPConnection(host, port, timeout=10)
            verbindung.request("GET", BODEN_URL, headers={"Cookie": f"sessionid={cookie}"})
            antwort = verbindung.getresponse()
            inhalt = antwort.read().decode("utf-8", "replace")
            status = antwort.status
            if status == 503 and "Vorübergehend nicht erreichbar" not in inhalt:
                status = "503 ohne deutsche Seite"
            if "Traceback" in inhalt:
                status = f"{status} mit Stacktrace"
            verbindung.close()
        except OSError as fehler:
            status = type(fehler).__name__
        protokoll.append((time.monotonic(), status))
        time.sleep(0.2)


def main() -> None:
    db = settings.DATABASES["default"]
    print(f"Last mit locust gegen gunicorn (3 Worker), Datenbank {db['NAME']}, {os.cpu_count()} Kerne")
    ziel = ziele()
    print(
        f"Tag der Demodaten {settings.DWK_HEUTE}; {len(ziel['mitglieder'])} Mitglieder der Lenkungsgruppe bewerten "
        f"{ziel['bewerten'] or '(keine offene Bewertungsrunde gefunden)'}"
    )
    proxy = TcpProxy(postgresql_ziel(db))
    port = proxy.starten()
    url = f"postgis://127.0.0.1:{port}/{db['NAME']}"
    denkzeit = os.environ.get("DWK_LAST_DENKZEIT", "3-10")
    with tempfile.TemporaryDirectory() as ordner, gunicorn_server(umgebung={"DWK_DATABASE_URL": url}) as adresse:
        zeilen = locust(adresse, nutzer=50, sekunden=60, denkzeit=denkzeit, ziel=ziel, ordner=ordner, name="gemischt")
        ausgeben(f"1. Gemischt: 50 Nutzer, Denkzeit {denkzeit} s, 60 s", zeilen)
        zeilen = locust(adresse, nutzer=30, sekunden=30, denkzeit="0", ziel=ziel, ordner=ordner, name="saettigung")
        ausgeben("2. Sättigung: 30 Nutzer ohne Denkzeit, 30 s", zeilen)

        protokoll: list = []
        start = time.monotonic()
        weg, zurueck = start + 20, start + 30
        sonde_thread = threading.Thread(
            target=sonde, args=(adresse, ziel["sitzungen"]["projektteam"], start + 60, protokoll)
        )
        sonde_thread.start()

        bereit: list = []

        def ausfall():
            time.sleep(max(0, weg - time.monotonic()))
            if CLUSTER:
                subprocess.run(["pg_ctlcluster", *CLUSTER, "stop", "-m", "fast"], check=True)  # noqa: S603, S607
            else:
                proxy.stoppen()
            time.sleep(max(0, zurueck - time.monotonic()))
            if CLUSTER:
                subprocess.run(["pg_ctlcluster", *CLUSTER, "start"], check=True)  # noqa: S603, S607
            else:
                proxy.starten()
            bereit.append(time.monotonic())

        threading.Thread(target=ausfall, daemon=True).start()
        zeilen = locust(adresse, nutzer=50, sekunden=60, denkzeit=denkzeit, ziel=ziel, ordner=ordner, name="ausfall")
        sonde_thread.join()
        wie = f"PostgreSQL {' '.join(CLUSTER)} angehalten und neu gestartet" if CLUSTER else "Proxy geschlossen"
        ausgeben(f"3. Wie 1., die Datenbank ist von Sekunde 20 bis 30 weg ({wie})", zeilen)
        if bereit:
            print(f"  die Datenbank nahm {bereit[0] - zurueck:.1f} s nach Sekunde 30 wieder Verbindungen an")
        waehrend = [s for t, s in protokoll if weg <= t < zurueck]
        danach = [(t, s) for t, s in protokoll if t >= zurueck]
        erste_200 = next((t for t, s in danach if s == 200), None)
        arten = {str(s): waehrend.count(s) for s in set(waehrend)}
        print(f"  Sonde (Boden alle 0,2 s) während des Ausfalls: {arten}")
        if erste_200 is not None:
            print(
                f"  wieder 200 nach {erste_200 - zurueck:.1f} s; danach andere Antworten: "
                f"{sorted({str(s) for t, s in danach if t > erste_200 and s != 200})}"
            )
        else:
            print("  nach dem Ausfall kein 200 mehr")
    proxy.stoppen()


if __name__ == "__main__":
    main()
