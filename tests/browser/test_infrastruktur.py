"""Projektteam opens a quarter's infrastructure map, filters a category, reads the coverage table.

axe-core checks every page on the way; a serious or critical violation fails the test.
"""

import re

from django.contrib.gis.geos import Point
from playwright.sync_api import expect

from dwk.permissions import PROJEKTTEAM
from quartiere.models import InfrastrukturKategorie
from tests.browser.hilfen import anmelden, menglinghausen_bezirk, menglinghausen_quartier
from tests.factories import (
    InfrastrukturFactory,
    UserFactory,
)


def _quartier_mit_einrichtungen():
    quartier = menglinghausen_quartier(menglinghausen_bezirk())
    for slug, name, x, y in [
        ("apotheke", "Löwen-Apotheke", 7.412, 51.492),
        ("apotheke", "Adler-Apotheke", 7.425, 51.50),
        ("haltestelle", "Haltestelle Am Markt", 7.415, 51.495),
        ("seniorenbuero", "Seniorenbüro Hombruch", 7.43, 51.49),
        ("sitzbank", "Sitzbank Rosenweg", 7.414, 51.497),
    ]:
        InfrastrukturFactory(kategorie=InfrastrukturKategorie.objects.get(slug=slug), name=name, punkt=Point(x, y))
    return quartier


def test_infrastruktur_karte_filter_und_erreichbarkeit(live_server, page, barrierefrei):
    _quartier_mit_einrichtungen()
    UserFactory(username="planerin", first_name="Petra", last_name="Plan", rolle=PROJEKTTEAM)
    anmelden(page, live_server, "planerin")

    page.goto(live_server.url + "/quartiere/menglinghausen/")
    page.get_by_role("link", name="Infrastruktur und Erreichbarkeit").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Infrastruktur und Erreichbarkeit: Menglinghausen")
    expect(page.locator("#infrastrukturkarte")).to_have_attribute("data-geladen", "ja")
    # Five facilities as symbols with letters; the legend names every category in text.
    expect(page.locator("#infrastrukturkarte .inf-marker")).to_have_count(5)
    expect(page.locator("#infrastrukturkarte .inf-marker").first).to_be_visible()
    expect(page.get_by_role("list", name="Legende")).to_contain_text("Apotheke")
    expect(page.get_by_text("Luftlinie, nicht Fußweg:")).to_be_visible()
    gesundheit = page.get_by_role("table", name="Erreichbarkeit: Gesundheit und Pflege")
    expect(gesundheit.get_by_role("row", name=re.compile("Apotheke"))).to_contain_text("Löwen-Apotheke")
    barrierefrei(page)

    page.get_by_label("Kategorie", exact=True).select_option(label="Apotheke")
    page.get_by_role("button", name="Filtern").click()
    expect(page.locator("#infrastrukturkarte")).to_have_attribute("data-geladen", "ja")
    expect(page.locator("#infrastrukturkarte .inf-marker")).to_have_count(2)
    expect(page.get_by_role("table")).to_have_count(1)
    tabelle = page.get_by_role("table", name="Erreichbarkeit: Gesundheit und Pflege")
    expect(tabelle.get_by_role("row")).to_have_count(2)
    # The buffers of the filtered category are drawn as areas on the map.
    expect(page.locator("#infrastrukturkarte path").first).to_be_attached()
    expect(page.get_by_role("heading", name=re.compile(r"Apotheke \(2\)"))).to_be_visible()
    barrierefrei(page)

    page.get_by_role("link", name="Löwen-Apotheke").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Löwen-Apotheke")
    expect(page.locator("#infrastrukturkarte")).to_have_attribute("data-geladen", "ja")
    barrierefrei(page)

    page.get_by_role("link", name="Bearbeiten").click()
    expect(page.locator(".leaflet-container")).to_be_visible()
    barrierefrei(page)
    page.get_by_label("Öffnungszeiten / Hinweise").fill("Mo–Fr 8–18 Uhr")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("status")).to_contain_text("Die Änderungen an „Löwen-Apotheke“ wurden gespeichert")
    expect(page.get_by_role("table", name=re.compile("angelegt oder geändert"))).to_contain_text("Petra Plan")

    navigation = page.get_by_role("navigation", name="Hauptnavigation")
    navigation.get_by_role("link", name="Infrastruktur").click()
    expect(page.get_by_role("table", name=re.compile("Einrichtungen"))).to_contain_text("Sitzbank Rosenweg")
    barrierefrei(page)
    page.get_by_role("link", name="Kategorien").click()
    barrierefrei(page)
    page.goto(live_server.url + "/infrastruktur/import/")
    barrierefrei(page)
