"""A real database outage: the app talks to PostgreSQL through a TCP proxy of the test
(bench/tcp_proxy.py), which is closed and opened again. While the database is away every page is a
German 503 page without a stack trace; afterwards the app recovers by itself. The shared PostgreSQL
server is never touched: only this test's own connections through the proxy break."""

import logging

import pytest
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse

from bench.tcp_proxy import TcpProxy, postgresql_ziel
from dwk.permissions import PROJEKTTEAM
from tests.factories import QuartierFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def proxy(daten_der_migrationen):
    """The test database behind a proxy: the default connection goes through it from the next query on."""
    einstellungen = connection.settings_dict
    alt = {schluessel: einstellungen[schluessel] for schluessel in ("HOST", "PORT")}
    proxy = TcpProxy(postgresql_ziel(einstellungen))
    einstellungen.update(HOST="127.0.0.1", PORT=str(proxy.starten()))
    connection.close()
    yield proxy
    proxy.stoppen()
    connection.close()
    einstellungen.update(alt)


@pytest.fixture
def client():
    """A client that gets the error page as a server sends it, not the exception behind it."""
    return Client(raise_request_exception=False)


def _anfrage(client, url):
    """As a WSGI server does it: before and after each request Django closes connections that broke
    or whose health check fails (request_started/request_finished; the test client leaves it out)."""
    close_old_connections()
    antwort = client.get(url)
    close_old_connections()
    return antwort


def test_ohne_datenbank_503_und_danach_von_selbst_wieder_da(client, proxy, caplog):
    QuartierFactory(name="Menglinghausen", slug="menglinghausen")
    client.force_login(UserFactory(username="pt", rolle=PROJEKTTEAM))
    url = reverse("quartiere:detail", args=["menglinghausen"])
    assert _anfrage(client, url).status_code == 200

    proxy.stoppen()
    with caplog.at_level(logging.ERROR, logger="dwk.ausfall"):
        for pfad in (url, reverse("uebersicht"), reverse("start")):
            antwort = _anfrage(client, pfad)
            seite = antwort.content.decode()
            assert antwort.status_code == 503, pfad
            assert antwort["Retry-After"] == "15"
            assert "Vorübergehend nicht erreichbar" in seite
            assert "Traceback" not in seite
            assert "OperationalError" not in seite
            assert "psycopg" not in seite
    assert any(getattr(r, "ereignis", None) == "datenbank_ausfall" for r in caplog.records)

    proxy.starten()
    antwort = _anfrage(client, url)
    assert antwort.status_code == 200
    assert "Menglinghausen" in antwort.content.decode()


def test_abgebrochene_verbindung_wird_vor_der_naechsten_anfrage_ersetzt(client, proxy):
    """The server ends the app's connection (as pg_terminate_backend or a restart does) and is at
    once reachable again: the health check before reusing the kept connection (CONN_HEALTH_CHECKS)
    finds it dead and opens a new one, so not even one request fails."""
    client.force_login(UserFactory(username="pt", rolle=PROJEKTTEAM))
    url = reverse("uebersicht")
    assert _anfrage(client, url).status_code == 200
    assert connection.connection is not None  # kept for the next request (CONN_MAX_AGE)
    proxy.stoppen()
    proxy.starten()

    assert _anfrage(client, url).status_code == 200
