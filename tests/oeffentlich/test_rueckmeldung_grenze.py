"""The limits of the feedback form hold across processes and servers: a second Python process
(its own Django, its own caches, its own database connection, like a second gunicorn worker or
server) posts at the same moment as this one, and the two together get exactly the limit through.
Beside it: a sender beyond its own limit does not use up the site's; an IPv6 network counts as one
sender; the stored value names no address and changes with the hour; past hours are deleted."""

import datetime
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from oeffentlich.models import Rueckmeldungszaehler
from oeffentlich.services.rueckmeldung import ALLE, absender_pruefwert

URL = "/projekt/barrierefreiheit/rueckmeldung/"
HIER = {"HTTP_ORIGIN": "http://testserver"}
WURZEL = Path(__file__).resolve().parents[2]

# The second process: Django against the same (test) database; per scenario it says „bereit“, waits
# for „los“, posts its messages and prints the status codes.
SKRIPT = r"""
import json, os, sys
import django
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client()
for szenario in json.loads(os.environ["SZENARIEN"]):
    settings.DWK_RUECKMELDUNGEN_JE_STUNDE = szenario["je_stunde"]
    settings.DWK_RUECKMELDUNGEN_JE_ABSENDER = szenario["je_absender"]
    print("bereit", flush=True)
    sys.stdin.readline()
    codes = [
        client.post(os.environ["URL"], {"text": "Barriere"}, HTTP_ORIGIN="http://testserver", REMOTE_ADDR=adresse)
        .status_code
        for adresse in szenario["adressen"]
    ]
    print(json.dumps(codes), flush=True)
"""

SZENARIEN = [
    # One sender from both processes: its own limit of 5 holds in total.
    {"je_stunde": 100, "je_absender": 5, "adressen": ["203.0.113.7"] * 6},
    # Many senders from both processes: the site's limit of 8 holds in total.
    {"je_stunde": 8, "je_absender": 100, "adressen": [f"198.51.100.{n}" for n in range(1, 7)]},
]


def _datenbank_url():
    """DWK_DATABASE_URL of this run, pointing at the test database."""
    teile = urlsplit(os.environ.get("DWK_DATABASE_URL", "postgis:///dwk"))
    return urlunsplit(teile._replace(path="/" + connection.settings_dict["NAME"]))


# Committed rows, so the other process sees them; serialized_rollback: the flush afterwards would
# otherwise also empty what the data migrations created for the transactional tests after this one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_zwei_prozesse_teilen_die_grenzen(client, settings, mailoutbox):
    settings.DWK_HEUTE = None
    umgebung = {
        **os.environ,
        "DWK_DATABASE_URL": _datenbank_url(),
        "DWK_HEUTE": "",
        "DWK_CACHE": "speicher",  # each process its own cache: the limit must not depend on it
        "DJANGO_SETTINGS_MODULE": "dwk.settings",
        "SZENARIEN": json.dumps(SZENARIEN),
        "URL": URL,
    }
    zweiter = subprocess.Popen(
        [sys.executable, "-c", SKRIPT],
        cwd=WURZEL,
        env=umgebung,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    ergebnisse = []
    try:
        for szenario in SZENARIEN:
            settings.DWK_RUECKMELDUNGEN_JE_STUNDE = szenario["je_stunde"]
            settings.DWK_RUECKMELDUNGEN_JE_ABSENDER = szenario["je_absender"]
            assert zweiter.stdout.readline().strip() == "bereit"
            zweiter.stdin.write("los\n")
            zweiter.stdin.flush()
            hier = [
                client.post(URL, {"text": "Barriere"}, REMOTE_ADDR=adresse, **HIER).status_code
                for adresse in szenario["adressen"]
            ]
            dort = json.loads(zweiter.stdout.readline())
            ergebnisse.append((hier, dort))
            Rueckmeldungszaehler.objects.all().delete()
    finally:
        zweiter.stdin.close()
        assert zweiter.wait(timeout=60) == 0
    (hier, dort), (hier2, dort2) = ergebnisse
    assert sorted(hier + dort) == [302] * 5 + [429] * 7, ergebnisse
    assert sorted(hier2 + dort2) == [302] * 8 + [429] * 4, ergebnisse
    assert hier.count(302) + hier2.count(302) == len(mailoutbox)  # this process's mails; the other's went there


@pytest.mark.django_db
def test_absender_ueber_seiner_grenze_verbraucht_nicht_die_der_seite(client, settings, mailoutbox):
    settings.DWK_RUECKMELDUNGEN_JE_ABSENDER = 2
    settings.DWK_RUECKMELDUNGEN_JE_STUNDE = 3
    codes = [client.post(URL, {"text": "x"}, REMOTE_ADDR="192.0.2.1", **HIER).status_code for _ in range(5)]
    assert codes == [302, 302, 429, 429, 429]
    assert client.post(URL, {"text": "y"}, REMOTE_ADDR="192.0.2.2", **HIER).status_code == 302
    assert client.post(URL, {"text": "z"}, REMOTE_ADDR="192.0.2.3", **HIER).status_code == 429  # the site's 3
    assert len(mailoutbox) == 3
    # An IPv6 network is one sender, whatever address of it is used.
    settings.DWK_RUECKMELDUNGEN_JE_STUNDE = 100
    netz = [client.post(URL, {"text": "v6"}, REMOTE_ADDR=f"2001:db8:1:2::{n}", **HIER).status_code for n in (1, 2, 3)]
    assert netz == [302, 302, 429]


def test_pruefwert_nennt_keine_adresse_und_wechselt_mit_der_stunde(settings):
    settings.SECRET_KEY = "fester-schluessel-fuer-den-test"
    stunde = timezone.make_aware(datetime.datetime(2017, 10, 16, 10))
    werte = {absender_pruefwert(stunde=stunde, adresse=f"10.0.{n // 256}.{n % 256}") for n in range(4096)}
    # 4,096 addresses on at most 65,536 values: many collide, so a value never stands for one address.
    assert all(1 <= w <= 65536 for w in werte) and len(werte) < 4096
    naechste = stunde + datetime.timedelta(hours=1)
    assert absender_pruefwert(stunde=stunde, adresse="10.0.0.1") != absender_pruefwert(
        stunde=naechste, adresse="10.0.0.1"
    )
    assert absender_pruefwert(stunde=stunde, adresse="kaputt") == absender_pruefwert(stunde=stunde, adresse=None) == 1
    assert ALLE == 0


@pytest.mark.django_db
def test_vergangene_stunden_werden_geloescht(client, mailoutbox):
    alt = timezone.now().replace(minute=0, second=0, microsecond=0) - datetime.timedelta(hours=3)
    Rueckmeldungszaehler.objects.create(stunde=alt, absender=4711, zahl=3)
    assert client.post(URL, {"text": "Barriere"}, REMOTE_ADDR="192.0.2.9", **HIER).status_code == 302
    assert not Rueckmeldungszaehler.objects.filter(stunde=alt).exists()
    assert Rueckmeldungszaehler.objects.count() == 2
    assert reverse("oeffentlich:rueckmeldung") == URL
    # Without a further message: the hourly command.
    Rueckmeldungszaehler.objects.create(stunde=alt, absender=4711, zahl=3)
    ausgabe = io.StringIO()
    call_command("rueckmeldungen_aufraeumen", stdout=ausgabe)
    assert ausgabe.getvalue() == "1 Zähler vergangener Stunden gelöscht.\n"
    assert Rueckmeldungszaehler.objects.count() == 2
