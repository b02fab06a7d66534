"""The public pages in Chromium, as an older resident would use them: axe-core without serious or
critical findings on every page, a keyboard-only pass through every page (skip link, visible focus,
no trap), reflow at 320 CSS px and with text at 200 % (screenshots of both), no cookie at all, the
language marked, large type, and the print stylesheet. Projektteam writes a news post on its own
pages, previews and publishes it: then it is public and in the Atom feed."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from dwk.permissions import PROJEKTTEAM
from oeffentlich.models import Neuigkeit
from oeffentlich.views.basis import SEITEN
from tests.browser.hilfen import anmelden, menglinghausen_bezirk, menglinghausen_quartier
from tests.browser.pruefungen import ohne_seitliches_scrollen, tastatur_durchlauf
from tests.factories import UserFactory
from tests.oeffentlich.matrix import MATRIX
from tests.oeffentlich.stand import HEUTE, html_urls, oeffentliche_urls, stand_anlegen

ATOM = {"a": "http://www.w3.org/2005/Atom"}


@pytest.fixture
def oeffentlicher_stand(settings):
    settings.DWK_HEUTE = HEUTE
    settings.DWK_OEFFENTLICH_DATENSTAND_SEKUNDEN = 0
    SEITEN.clear()
    quartier = menglinghausen_quartier(menglinghausen_bezirk())
    quartier.ist_referenzquartier = True
    quartier.save()
    return stand_anlegen(quartier=quartier)


def test_jede_oeffentliche_seite_barrierefrei(live_server, page, barrierefrei, oeffentlicher_stand, tmp_path):
    probleme, besucht, kopfzeilen = [], 0, set()
    for url in html_urls(oeffentliche_urls(oeffentlicher_stand)):
        besucht += 1
        antwort = page.goto(live_server.url + url)
        assert antwort.status == 200, url
        assert page.locator("html").get_attribute("lang") == "de"
        assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "20px"
        barrierefrei(page)
        name = url.strip("/").replace("/", "_") or "start"
        probleme += ohne_seitliches_scrollen(page, tmp_path, name)
        probleme += [(url, *p) for p in tastatur_durchlauf(page, kopfzeilen=kopfzeilen)]
    assert page.context.cookies() == []
    assert probleme == [], "\n".join(map(str, probleme))
    assert besucht > 10


def test_rueckmeldung_nur_mit_tastatur(live_server, page, barrierefrei, oeffentlicher_stand, mailoutbox):
    page.goto(live_server.url + "/projekt/barrierefreiheit/")
    page.get_by_label("Welche Barriere haben Sie gefunden?").focus()
    page.keyboard.type("Die Karte ist ohne Maus nicht zu bedienen.")
    page.keyboard.press("Tab")
    page.keyboard.type("kein-at")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert").first).to_contain_text("noch nicht gesendet")
    expect(page.get_by_text("Die E-Mail-Adresse ist nicht gültig.")).to_be_visible()
    barrierefrei(page)
    page.get_by_label("Ihre E-Mail-Adresse (freiwillig)").fill("")
    page.get_by_role("button", name="Rückmeldung senden").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Danke für Ihre Rückmeldung")
    assert len(mailoutbox) == 1 and "ohne Maus" in mailoutbox[0].body
    assert page.context.cookies() == []


def test_karte_hat_listen_zwilling_und_druckfassung(live_server, page, oeffentlicher_stand):
    page.goto(live_server.url + "/projekt/quartiere/")
    karte = page.get_by_role("group", name="Karte der Stadt mit den Referenzquartieren")
    expect(karte).to_be_visible()
    expect(page.get_by_role("heading", name="Liste der Quartiere")).to_be_visible()
    expect(page.locator(".quartier-liste").get_by_role("link", name="Menglinghausen")).to_be_visible()
    page.locator("svg a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quartier Menglinghausen")
    page.emulate_media(media="print")
    assert page.get_by_role("navigation", name="Hauptnavigation").is_hidden()
    assert page.evaluate("() => getComputedStyle(document.body).color") == "rgb(0, 0, 0)"


def test_neuigkeit_schreiben_vorschau_veroeffentlichen(live_server, page, barrierefrei, oeffentlicher_stand):
    """Projektteam, as a planner would: the menu „Öffentliche Seiten“, a new post, its preview
    (nothing public yet), publish; then the post is on the public news page and in the Atom feed.
    axe-core on every page on the way."""
    UserFactory(username="planerin", first_name="Petra", last_name="Plan", rolle=PROJEKTTEAM)
    anmelden(page, live_server, "planerin")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Öffentliche Seiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Öffentliche Seiten")
    barrierefrei(page)
    page.get_by_role("navigation", name="Öffentliche Seiten").get_by_role("link", name="Neuigkeiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Neuigkeiten")
    barrierefrei(page)
    page.get_by_role("link", name="Neuigkeit schreiben").click()
    barrierefrei(page)
    page.get_by_label("Titel").fill("Neue Bänke am Markt")
    page.get_by_label("Text").fill("Ab **Montag** stehen am Markt drei neue Bänke.")
    page.get_by_role("button", name="Vorschau").click()
    vorschau = page.get_by_role("region", name="Vorschau: so erscheint es auf den öffentlichen Seiten")
    expect(vorschau.locator("strong")).to_have_text("Montag")
    barrierefrei(page)
    assert not Neuigkeit.objects.filter(titel="Neue Bänke am Markt").exists()  # the preview saves nothing
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Neue Bänke am Markt")
    expect(page.get_by_text("Nicht öffentlich.")).to_be_visible()
    barrierefrei(page)
    assert page.request.get(live_server.url + "/projekt/neuigkeiten/").text().count("Neue Bänke am Markt") == 0

    page.get_by_role("button", name="Veröffentlichen").click()
    expect(page.get_by_role("status")).to_contain_text("ist veröffentlicht")
    barrierefrei(page)
    page.get_by_role("link", name="Öffentlich ansehen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Neue Bänke am Markt")
    barrierefrei(page)
    page.goto(live_server.url + "/projekt/neuigkeiten/")
    expect(page.get_by_role("link", name="Neue Bänke am Markt")).to_be_visible()
    barrierefrei(page)
    feed = page.request.get(live_server.url + "/projekt/neuigkeiten/atom.xml")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    wurzel = ET.fromstring(feed.body())
    titel = [e.findtext("a:title", namespaces=ATOM) for e in wurzel.findall("a:entry", ATOM)]
    assert titel[0] == "Neue Bänke am Markt"


def test_jede_seite_der_redaktion_barrierefrei(live_server, page, barrierefrei, oeffentlicher_stand, tmp_path):
    """Every page of Projektteam's for the public pages that answers a GET (from the permission
    matrix, so a new one is covered): axe-core, reflow at 320 px and with 200 % text, keyboard only."""
    UserFactory(username="planerin", rolle=PROJEKTTEAM)
    anmelden(page, live_server, "planerin")
    objekte = {"quartier": oeffentlicher_stand["quartier"], **{f"oe_{n}": o for n, o in oeffentlicher_stand.items()}}
    probleme, besucht, kopfzeilen = [], 0, set()
    for name, (_methode, kwargs, erwartet) in sorted(MATRIX.items()):
        if not name.startswith("redaktion:") or erwartet["projektteam"] != 200:
            continue
        url = reverse(name, kwargs=kwargs(objekte) if callable(kwargs) else kwargs)
        assert page.goto(live_server.url + url).status == 200, url
        barrierefrei(page)
        probleme += ohne_seitliches_scrollen(page, tmp_path, name.replace(":", "_"))
        probleme += [(url, *p) for p in tastatur_durchlauf(page, kopfzeilen=kopfzeilen)]
        besucht += 1
    assert besucht >= 14
    assert probleme == [], "\n".join(map(str, probleme))
