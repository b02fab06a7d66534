"""The feedback form of the accessibility statement: reaches Projektteam by e-mail, stores nothing
of the message (only two counters without text), sets no cookie, refuses posts from elsewhere,
ignores robots, and limits the messages per hour per sender and for the whole site."""

import pytest
from django.apps import apps
from django.urls import reverse

from oeffentlich.models import Rueckmeldungszaehler

pytestmark = pytest.mark.django_db
URL = "/projekt/barrierefreiheit/rueckmeldung/"
HIER = {"HTTP_ORIGIN": "http://testserver"}


def _zeilen():
    return {
        m._meta.label_lower: m._base_manager.count()
        for m in apps.get_models()
        if m._meta.managed and not m._meta.proxy and m is not Rueckmeldungszaehler
    }


def test_rueckmeldung_geht_per_mail_und_wird_nicht_gespeichert(client, stand, mailoutbox):
    vorher = _zeilen()
    antwort = client.post(
        URL,
        {"text": "Der Kontrast im Kopf ist zu schwach.", "email": "leser@example.org", "seite": "/projekt/"},
        **HIER,
    )
    assert antwort.status_code == 302 and antwort["Location"] == reverse("oeffentlich:rueckmeldung_danke")
    assert not antwort.cookies
    assert _zeilen() == vorher
    # Only the counters: the site's and the sender's (a number, no text column at all).
    assert sorted(Rueckmeldungszaehler.objects.values_list("zahl", flat=True)) == [1, 1]
    assert Rueckmeldungszaehler.objects.filter(absender=0).count() == 1
    (mail,) = mailoutbox
    assert mail.to == ["barrieren@example.org"] and mail.reply_to == ["leser@example.org"]
    assert "Der Kontrast im Kopf ist zu schwach." in mail.body and "/projekt/" in mail.body


def test_fremde_herkunft_wird_abgelehnt(client, stand, mailoutbox):
    antwort = client.post(URL, {"text": "Hallo"}, HTTP_ORIGIN="https://boese.example")
    assert antwort.status_code == 403 and mailoutbox == []
    assert "Erklärung zur Barrierefreiheit" in antwort.content.decode()
    assert client.post(URL, {"text": "Hallo"}).status_code == 403  # neither Origin nor Referer
    assert (
        client.post(URL, {"text": "Hallo"}, HTTP_REFERER="http://testserver/projekt/barrierefreiheit/").status_code
        == 302
    )


def test_honigtopf_wird_nicht_gesendet(client, stand, mailoutbox):
    antwort = client.post(URL, {"text": "Kaufen Sie!", "webseite": "http://spam.example"}, **HIER)
    assert antwort.status_code == 302 and mailoutbox == []


def test_fehler_sagen_was_und_wo_und_behalten_den_text(client, stand, mailoutbox):
    antwort = client.post(URL, {"text": "   ", "email": "kein-at"}, **HIER)
    html = antwort.content.decode()
    assert antwort.status_code == 400 and mailoutbox == []
    assert "Bitte schreiben Sie, welche Barriere Sie gefunden haben." in html
    assert "Die E-Mail-Adresse ist nicht gültig." in html and 'value="kein-at"' in html
    assert not antwort.cookies and "csrfmiddlewaretoken" not in html


def test_stundenlimit(client, stand, mailoutbox, settings):
    settings.DWK_RUECKMELDUNGEN_JE_STUNDE = 2
    for _ in range(2):
        assert client.post(URL, {"text": "Barriere"}, **HIER).status_code == 302
    antwort = client.post(URL, {"text": "Noch eine Barriere"}, **HIER)
    assert antwort.status_code == 429 and len(mailoutbox) == 2
    assert "Noch eine Barriere" in antwort.content.decode()


def test_get_fuehrt_zur_erklaerung(client, stand):
    antwort = client.get(URL)
    assert antwort.status_code == 302 and antwort["Location"] == "/projekt/barrierefreiheit/"
