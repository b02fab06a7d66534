"""Names from the database reach map tooltips, popups and layer controls only as text: a quarter,
an Unterbezirk or a category named like an HTML element is shown literally and creates no element."""

from django.contrib.gis.geos import Point
from playwright.sync_api import expect

from dwk.permissions import PROJEKTTEAM
from quartiere.models import Indikator, InfrastrukturKategorie
from tests.browser.hilfen import anmelden, menglinghausen_bezirk, menglinghausen_quartier
from tests.factories import InfrastrukturFactory, KennzahlFactory, UserFactory

BOESE = "X<img src=x onerror=alert(1)>"


def _keine_fremden_elemente(page):
    expect(page.locator("img[src='x']")).to_have_count(0)
    expect(page.locator(".leaflet-tooltip img, .leaflet-popup img, .leaflet-control-layers img")).to_have_count(0)


def test_namen_in_tooltips_und_popups_bleiben_text(live_server, page):
    quartier = menglinghausen_quartier(menglinghausen_bezirk(), unterbezirke=(("691", BOESE, 0),))
    quartier.name, quartier.ist_referenzquartier = BOESE, True
    quartier.save()
    unterbezirk = quartier.abdeckungen.get().unterbezirk
    KennzahlFactory(
        indikator=Indikator.objects.get(schluessel="ew_gesamt"), unterbezirk=unterbezirk, jahr=2020, wert=900
    )
    kategorie = InfrastrukturKategorie.objects.get(slug="apotheke")
    kategorie.name = BOESE
    kategorie.save()
    InfrastrukturFactory(kategorie=kategorie, name=BOESE, punkt=Point(7.412, 51.492))
    UserFactory(username="planerin", rolle=PROJEKTTEAM)
    anmelden(page, live_server, "planerin")

    # The city map: the quarter's tooltip and popup.
    page.goto(live_server.url + "/karte/")
    expect(page.locator("#stadtkarte")).to_have_attribute("data-geladen", "ja")
    flaeche = page.locator('#stadtkarte path.leaflet-interactive[fill="#f28e2b"]')
    flaeche.hover()
    expect(page.locator(".leaflet-tooltip")).to_contain_text(BOESE)
    flaeche.click()
    expect(page.locator(".leaflet-popup-content")).to_contain_text(BOESE)
    _keine_fremden_elemente(page)

    # The choropleth: the Unterbezirk's tooltip and popup.
    page.goto(live_server.url + "/analyse/indikatoren/ew_gesamt/?ebene=unterbezirk&jahr=2020")
    expect(page.locator("#choropleth")).to_have_attribute("data-geladen", "ja")
    flaeche = page.locator("#choropleth path.leaflet-interactive").first
    flaeche.hover()
    expect(page.locator(".leaflet-tooltip")).to_contain_text(f"691 {BOESE}: 900")
    flaeche.click()
    expect(page.locator(".leaflet-popup-content")).to_contain_text(BOESE)
    _keine_fremden_elemente(page)

    # The infrastructure map: the category in the layer control, the facility's popup.
    page.goto(live_server.url + f"/quartiere/{quartier.slug}/infrastruktur/")
    expect(page.locator("#infrastrukturkarte")).to_have_attribute("data-geladen", "ja")
    page.locator(".leaflet-control-layers").hover()
    expect(page.locator(".leaflet-control-layers")).to_contain_text(f"m: {BOESE}")
    page.locator("#infrastrukturkarte .inf-marker").first.click()
    expect(page.locator(".leaflet-popup-content")).to_contain_text(BOESE)
    _keine_fremden_elemente(page)
