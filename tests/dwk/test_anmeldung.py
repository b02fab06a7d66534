"""Login throttling: failed logins lock the user name and the address out, for our login page and
the admin's alike; the page says when to try again and never whether the user exists; Projektteam
lifts a lock (dwk/anmeldesperren.py, django-axes)."""

import logging
import re

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse

from dwk.anmeldesperren import client_adresse, gesperrte_zugaenge
from tests.factories import TESTPASSWORT, UserFactory

pytestmark = pytest.mark.django_db

ANMELDEN = "/konto/anmelden/"
A = "192.0.2.10"  # addresses from the documentation ranges (RFC 5737); no packet is sent
B = "198.51.100.20"


def _anmelden(client, benutzername, passwort="falsch", adresse=A, url=ANMELDEN):
    return client.post(url, {"username": benutzername, "password": passwort}, REMOTE_ADDR=adresse)


def _angemeldet(client):
    return "_auth_user_id" in client.session


def _meldung(antwort):
    """The alert of the lockout page, with the time of day taken out."""
    text = re.search(r'<div class="alert alert-danger" role="alert">(.*?)</div>', antwort.content.decode(), re.S)
    return re.sub(r"\d{2}:\d{2}|\d+ Minuten", "…", " ".join(text.group(1).split()))


def test_dreissig_falsche_passwoerter_dann_das_richtige_wird_abgewiesen(client):
    UserFactory(username="planerin")
    antworten = [_anmelden(client, "planerin") for _ in range(30)]
    richtig = _anmelden(client, "planerin", TESTPASSWORT)
    grenze = settings.AXES_FAILURE_LIMIT
    assert [a.status_code for a in antworten] == [200] * (grenze - 1) + [429] * (30 - grenze + 1)
    assert richtig.status_code == 429
    assert not _angemeldet(client)
    inhalt = richtig.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in inhalt
    assert re.search(r"Bitte versuchen Sie es ab \d{2}:\d{2} Uhr erneut \(in etwa 15 Minuten\)", inhalt)
    assert "no-store" in richtig["Cache-Control"]


def test_unter_der_grenze_meldet_man_sich_an(client):
    UserFactory(username="planerin")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _anmelden(client, "planerin")
    assert _anmelden(client, "planerin", TESTPASSWORT).status_code == 302
    assert _angemeldet(client)


def test_meldung_verraet_nicht_ob_es_den_namen_gibt(client):
    UserFactory(username="planerin")
    antworten = {}
    for name, adresse in (("planerin", A), ("niemand", B)):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            _anmelden(client, name, adresse=adresse)
        antworten[name] = _anmelden(client, name, adresse=adresse)
    bekannt, unbekannt = antworten["planerin"], antworten["niemand"]
    assert (bekannt.status_code, unbekannt.status_code) == (429, 429)
    assert _meldung(bekannt) == _meldung(unbekannt)
    assert "planerin" not in bekannt.content.decode()


def test_sperre_nach_adresse_trifft_auch_andere_namen(client):
    UserFactory(username="planerin")
    for nummer in range(settings.AXES_FAILURE_LIMIT):
        _anmelden(client, f"rate{nummer}", adresse=A)
    assert _anmelden(client, "planerin", TESTPASSWORT, adresse=A).status_code == 429
    assert _anmelden(client, "planerin", TESTPASSWORT, adresse=B).status_code == 302


def test_admin_anmeldung_ist_ebenso_gedrosselt(client):
    UserFactory(username="admin", is_superuser=True, is_staff=True)
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _anmelden(client, "admin", url=url)
    antwort = _anmelden(client, "admin", TESTPASSWORT, url=url)
    assert antwort.status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in antwort.content.decode()
    assert not _angemeldet(client)
    # The lock holds for our login page too: it is the name that is locked, not the page.
    assert _anmelden(client, "admin", TESTPASSWORT, adresse=B).status_code == 429


def test_fehlversuche_und_gesperrte_versuche_werden_protokolliert(client, caplog):
    UserFactory(username="planerin")
    with caplog.at_level(logging.INFO):
        for _ in range(settings.AXES_FAILURE_LIMIT + 1):
            _anmelden(client, "planerin")
    fehlversuche = [r for r in caplog.records if re.match(r"AXES: (New|Repeated) login failure", r.message)]
    gesperrt = [r for r in caplog.records if r.name == "dwk.anmeldung" and "Anmeldung gesperrt" in r.message]
    assert len(fehlversuche) == settings.AXES_FAILURE_LIMIT
    assert len(gesperrt) == 2  # the attempt that reached the limit and the one after it
    assert "'planerin'" in gesperrt[-1].message and A in gesperrt[-1].message
    assert all("falsch" not in r.getMessage() for r in caplog.records)  # never the password


def test_projektteam_hebt_sperren_auf(client, projektteam):
    UserFactory(username="planerin")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _anmelden(client, "planerin", adresse=A)
    assert _anmelden(client, "planerin", TESTPASSWORT, adresse=B).status_code == 429  # name locked

    client.force_login(projektteam)
    seite = client.get(reverse("anmeldesperren"))
    assert [(s.art, s.wert) for s in seite.context["sperren"]] == [("benutzername", "planerin"), ("adresse", A)]
    assert "no-store" in seite["Cache-Control"]
    antwort = client.post(reverse("anmeldesperre_aufheben"), {"benutzername": "planerin"})
    assert antwort.status_code == 302
    assert [(s.art, s.wert) for s in gesperrte_zugaenge()] == []  # the address's count went with the name's
    client.logout()

    assert _anmelden(client, "planerin", TESTPASSWORT, adresse=A).status_code == 302


def test_projektteam_hebt_eine_adresssperre_auf(client, projektteam):
    UserFactory(username="planerin")
    for nummer in range(settings.AXES_FAILURE_LIMIT):
        _anmelden(client, f"rate{nummer}", adresse=A)
    assert [(s.art, s.wert) for s in gesperrte_zugaenge()] == [("adresse", A)]
    client.force_login(projektteam)
    assert client.post(reverse("anmeldesperre_aufheben"), {"adresse": "keine-adresse"}).status_code == 302
    assert [(s.art, s.wert) for s in gesperrte_zugaenge()] == [("adresse", A)]
    client.post(reverse("anmeldesperre_aufheben"), {"adresse": A})
    client.logout()
    assert _anmelden(client, "planerin", TESTPASSWORT, adresse=A).status_code == 302


@pytest.mark.parametrize("anzahl", [1, 3])
def test_anmeldesperren_seite_abfragen(client, projektteam, django_assert_num_queries, anzahl):
    for nummer in range(anzahl):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            _anmelden(client, f"rate{nummer}", adresse=f"192.0.2.{nummer + 1}")
    client.force_login(projektteam)
    # session, user, groups (permission), the locks by name and by address, the city (layout)
    with django_assert_num_queries(6):
        seite = client.get(reverse("anmeldesperren"))
    assert len(seite.context["sperren"]) == 2 * anzahl


def test_adresse_hinter_proxy(settings):
    anfrage = RequestFactory().get("/", REMOTE_ADDR="172.18.0.2", HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.7")
    settings.DWK_PROXY_ANZAHL = 0
    assert client_adresse(anfrage) == "172.18.0.2"
    settings.DWK_PROXY_ANZAHL = 1
    assert client_adresse(anfrage) == "198.51.100.7"
    settings.DWK_PROXY_ANZAHL = 2
    assert client_adresse(anfrage) == "203.0.113.5"
    settings.DWK_PROXY_ANZAHL = 3  # fewer entries than proxies: the header is not what we expect
    assert client_adresse(anfrage) == "172.18.0.2"
    settings.DWK_PROXY_ANZAHL = 1
    anfrage.META["HTTP_X_FORWARDED_FOR"] = "kein-ip"
    assert client_adresse(anfrage) == "172.18.0.2"
