"""The 500 page (issue 13): plain German, with an incident number that is in the log line of the error."""

import io
import json
import logging
import re

import pytest
from django.test import Client

from dwk import ausfall, urls, views
from dwk.protokoll import JsonFormatter, VorfallFilter

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.dwk.urls_serverfehler")]


@pytest.fixture
def json_protokoll():
    """The log as the console handler of the settings writes it (JSON lines, with VorfallFilter)."""
    puffer = io.StringIO()
    handler = logging.StreamHandler(puffer)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(VorfallFilter())
    wurzel = logging.getLogger()
    wurzel.addHandler(handler)
    try:
        yield puffer
    finally:
        wurzel.removeHandler(handler)


def test_dwk_urls_verwendet_die_fehlerseite():
    # A database outage becomes the 503 page there; every other error goes on to views.serverfehler.
    assert urls.handler500 == "dwk.ausfall.serverfehler"
    assert ausfall.views.serverfehler is views.serverfehler


def test_fehlerseite_zeigt_die_vorfallnummer_aus_dem_protokoll(settings, json_protokoll):
    settings.DEBUG = False
    antwort = Client(raise_request_exception=False).get("/kaputt/?name=egal")
    assert antwort.status_code == 500
    inhalt = antwort.content.decode()
    assert "Serverfehler" in inhalt
    treffer = re.search(r"Vorfallnummer: <strong>([0-9A-F]{8})</strong>", inhalt)
    assert treffer, inhalt
    vorfall = treffer.group(1)
    assert "no-store" in antwort["Cache-Control"]

    zeilen = [json.loads(zeile) for zeile in json_protokoll.getvalue().splitlines()]
    mit_vorfall = [zeile for zeile in zeilen if zeile.get("vorfall") == vorfall]
    assert {zeile["logger"] for zeile in mit_vorfall} == {"dwk.fehler", "django.request"}
    fehler = next(zeile for zeile in mit_vorfall if zeile["logger"] == "dwk.fehler")
    assert fehler["stufe"] == "ERROR"
    assert fehler["ereignis"] == "serverfehler"
    assert "absichtlich kaputt" in fehler["exc_info"]
    assert vorfall in fehler["nachricht"]
    # the request itself (its repr would carry the query string) is never written
    assert "name=egal" not in json_protokoll.getvalue()


def test_jeder_fehler_hat_eine_eigene_nummer(settings):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    nummern = {
        re.search(r"<strong>([0-9A-F]{8})</strong>", client.get("/kaputt/").content.decode()).group(1) for _ in range(3)
    }
    assert len(nummern) == 3
