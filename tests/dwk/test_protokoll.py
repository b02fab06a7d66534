"""Structured logs (issue 13): logins, failed and locked logins, permission denials, imports,
releases, erasures and exports of personal data are JSON lines with an ``ereignis``; none of them
names a password, a session id or contact data. The log of a run of such actions with sentinel
personal data is searched for the sentinels."""

import io
import json
import logging
from pathlib import Path

import pytest
from django.test import Client

from dwk.export import export_antwort
from dwk.permissions import PARTNER, PROJEKTTEAM
from dwk.protokoll import JsonFormatter, VorfallFilter
from quartiere.services import infrastruktur_importieren
from quartiersprofil.services.anonymisierung import akteur_anonymisieren
from quartiersprofil.services.profil import profil_entwurf_anlegen, profil_freigeben, profil_zur_beratung_geben
from tests.factories import AkteurFactory, QuartierFactory, StadtbezirkFactory, UserFactory, quadrat

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.dwk.urls_serverfehler")]

ANMELDEN = "/konto/anmelden/"
INFRASTRUKTUR = Path(__file__).resolve().parent.parent / "fixtures" / "infrastruktur"

VORNAME = "Sentinella"
NACHNAME = "Xylophonikow"
EMAIL = "sentinella.xylo@waechter-beispiel.de"
TELEFON = "0231 9876543"
PASSWORT = "Waechter-Passwort-9137!"
FALSCHES_PASSWORT = "Falsches-Waechterwort-4471"
SENTINELS = [VORNAME, NACHNAME, EMAIL, "waechter-beispiel", "9876543", PASSWORT, FALSCHES_PASSWORT]


@pytest.fixture
def json_protokoll():
    """Everything logged at INFO and above, as the console handler of the settings writes it."""
    puffer = io.StringIO()
    handler = logging.StreamHandler(puffer)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(VorfallFilter())
    wurzel = logging.getLogger()
    alte_stufe = wurzel.level
    wurzel.addHandler(handler)
    wurzel.setLevel(logging.INFO)
    try:
        yield puffer
    finally:
        wurzel.removeHandler(handler)
        wurzel.setLevel(alte_stufe)


def test_protokoll_ist_json_mit_ereignissen_und_ohne_personendaten(settings, json_protokoll):
    settings.DEBUG = False
    user = UserFactory(username="pruefer", first_name=VORNAME, last_name=NACHNAME, email=EMAIL, rolle=PARTNER)
    user.set_password(PASSWORT)
    user.save()
    projektteam = UserFactory(username="team", rolle=PROJEKTTEAM)

    # a login through the form, then a page refused to this role (with contact data in the query)
    client = Client(raise_request_exception=False)
    assert client.post(ANMELDEN, {"username": "pruefer", "password": PASSWORT}).status_code == 302
    sitzung = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get("/konto/anmeldesperren/", {"suche": EMAIL}).status_code == 403
    # a server error while posting personal data
    assert client.post("/kaputt/", {"email": EMAIL, "telefon": TELEFON}).status_code == 500

    # failed logins from another address until the name is locked
    fremd = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        letzte = fremd.post(ANMELDEN, {"username": "pruefer", "password": FALSCHES_PASSWORT}, REMOTE_ADDR="192.0.2.7")
    assert letzte.status_code == 429

    # a key person: export of their data (request for information), then the erasure
    akteur = AkteurFactory(name=f"{VORNAME} {NACHNAME}", email=EMAIL, telefon=TELEFON)
    team = Client()
    team.force_login(projektteam)
    assert team.get(f"/quartiersprofil/akteure/{akteur.pk}/export/").status_code == 200
    akteur_anonymisieren(akteur=akteur)

    # a table export, an import, a release
    export_antwort(format="csv", dateiname="kontakte", kopf=["Name", "E-Mail"], zeilen=[[NACHNAME, EMAIL]])
    StadtbezirkFactory(geometrie=quadrat(0, 0, seite=0.04))
    infrastruktur_importieren(pfad=INFRASTRUKTUR / "gut_wgs84.csv", koordinatensystem=4326, benutzer=projektteam)
    fassung = profil_entwurf_anlegen(quartier=QuartierFactory())
    profil_zur_beratung_geben(fassung=fassung)
    profil_freigeben(fassung=fassung, benutzer=projektteam)

    text = json_protokoll.getvalue()
    zeilen = [json.loads(zeile) for zeile in text.splitlines()]  # every line is one JSON object
    ereignisse = {zeile.get("ereignis") for zeile in zeilen}
    assert {
        "anmeldung",
        "anmeldung_fehlgeschlagen",
        "anmeldung_gesperrt",
        "zugriff_verweigert",
        "serverfehler",
        "export_personendaten",
        "loeschung_personendaten",
        "export",
        "import_infrastruktur",
        "freigabe_profil",
    } <= ereignisse
    verweigert = next(zeile for zeile in zeilen if zeile.get("ereignis") == "zugriff_verweigert")
    assert verweigert["benutzer_id"] == user.pk
    for zeile in zeilen:
        assert {"zeit", "stufe", "logger", "nachricht"} <= zeile.keys()

    klein = text.lower()
    gefunden = [wert for wert in [*SENTINELS, sitzung] if wert.lower() in klein]
    assert not gefunden, text
