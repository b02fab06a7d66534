"""Projektteam opens the isochrone map, chooses a pharmacy and the rollator profile, reads the table
twin, clicks a point into the map, then compares straight line and walking route for the quarter.

axe-core checks every page on the way; a serious or critical violation fails the test.
"""

import re

from playwright.sync_api import expect

from dwk.permissions import PROJEKTTEAM
from tests.browser.hilfen import anmelden, menglinghausen_bezirk, menglinghausen_quartier
from tests.factories import InfrastrukturFactory, UserFactory
from tests.wegenetz.netze import FUSSWEG, TREPPE, netz_bauen, punkt
from wegenetz.services import distanzfelder_berechnen


def test_isochronenkarte_und_vergleich(live_server, page, barrierefrei):
    menglinghausen_quartier(menglinghausen_bezirk())
    netz_bauen(
        [
            ([(0, 0), (0, 40)], TREPPE),
            ([(0, 0), (300, 0), (300, 40), (0, 40)], {**FUSSWEG, "name": "Rampenweg"}),
            ([(0, 40), (0, 600), (400, 600)], {**FUSSWEG, "name": "Lindenstraße"}),
        ]
    )
    InfrastrukturFactory(name="Löwen-Apotheke", punkt=punkt(0, 0))
    distanzfelder_berechnen()
    UserFactory(username="planerin", first_name="Petra", last_name="Plan", rolle=PROJEKTTEAM)
    anmelden(page, live_server, "planerin")

    page.goto(live_server.url + "/wegenetz/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wegenetz und Erreichbarkeit")
    barrierefrei(page)
    page.get_by_role("link", name=re.compile("Isochronenkarte")).click()
    expect(page.locator("#isochronenkarte")).to_have_attribute("data-geladen", "ja")
    page.get_by_label("Profil").select_option(label="mit Rollator")
    page.get_by_label("Einrichtung").select_option(label="Apotheke: Löwen-Apotheke")
    page.get_by_role("button", name="Isochrone berechnen").click()

    expect(page.locator("#isochronenkarte")).to_have_attribute("data-geladen", "ja")
    expect(page.get_by_role("heading", name="Erreichbar mit Rollator")).to_be_visible()
    stufen = page.get_by_role("table", name="Erreichte Wege je Zeitstufe")
    expect(stufen.get_by_role("row")).to_have_count(4)
    strassen = page.get_by_role("table", name=re.compile("Erreichte Straßen"))
    expect(strassen).to_contain_text("Rampenweg")
    expect(page.locator("#isochronenkarte path.leaflet-interactive").first).to_be_attached()
    expect(page.get_by_role("list", name="Legende")).to_contain_text("bis 10 Minuten: blau, gestrichelt")
    barrierefrei(page)

    # A click into the map starts an isochrone from that point.
    page.locator("#isochronenkarte").click(position={"x": 200, "y": 200})
    expect(page.locator("#isochronenkarte")).to_have_attribute("data-geladen", "ja")
    expect(page.get_by_label("Längengrad")).not_to_have_value("")

    page.goto(live_server.url + "/wegenetz/quartiere/menglinghausen/")
    tabelle = page.get_by_role("table", name=re.compile("Erreichbarkeit in Menglinghausen"))
    expect(tabelle.get_by_role("row", name=re.compile("Apotheke"))).to_be_visible()
    expect(page.get_by_text("Fehlende Angaben gelten als passierbar:")).to_be_visible()
    barrierefrei(page)
