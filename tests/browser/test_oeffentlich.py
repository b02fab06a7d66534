"""The public pages in Chromium, as an older resident would use them: axe-core without serious or
critical findings on every page, a keyboard-only pass through every page (skip link, visible focus,
no trap), reflow at 320 CSS px and with text at 200 % (screenshots of both), no cookie at all, the
language marked, large type, and the print stylesheet."""

import pytest
from playwright.sync_api import expect

from oeffentlich.views.basis import SEITEN
from tests.browser.hilfen import menglinghausen_bezirk, menglinghausen_quartier
from tests.browser.pruefungen import ohne_seitliches_scrollen, tastatur_durchlauf
from tests.oeffentlich.stand import HEUTE, html_urls, oeffentliche_urls, stand_anlegen


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
    probleme = []
    for url in html_urls(oeffentliche_urls(oeffentlicher_stand)):
        antwort = page.goto(live_server.url + url)
        assert antwort.status == 200, url
        assert page.locator("html").get_attribute("lang") == "de"
        assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "20px"
        barrierefrei(page)
        name = url.strip("/").replace("/", "_") or "start"
        probleme += ohne_seitliches_scrollen(page, tmp_path, name)
        probleme += [(url, *p) for p in tastatur_durchlauf(page)]
    assert page.context.cookies() == []
    assert probleme == [], "\n".join(map(str, probleme))
    assert len(list(tmp_path.glob("*-320px-100prozent.png"))) == len(list(tmp_path.glob("*-640px-200prozent.png"))) > 10


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
