"""The city-wide overviews in the browser: the Kommunalprofil from the navigation, the progress
report's preview and its PDF download; axe-core checks both pages."""

from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from dwk.permissions import PROJEKTTEAM
from tests.browser.hilfen import anmelden
from tests.factories import UserFactory
from tests.uebersichten.conftest import lenkungsgruppe_anlegen, stadtbezirk_anlegen


def test_kommunalprofil_und_sachstandsbericht(live_server, page, barrierefrei):
    UserFactory(username="planerin", rolle=PROJEKTTEAM)
    lenkungsgruppe_anlegen(1, quartiere=[stadtbezirk_anlegen(1), stadtbezirk_anlegen(2)])
    anmelden(page, live_server, "planerin")
    page.goto(live_server.url + "/uebersicht/")
    page.get_by_role("link", name="Kommunalprofil", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kommunalprofil Dortmund")
    gebiete = "Stadtbezirke mit Fläche, Zahl der erfassten Quartiere und Referenzquartieren"
    expect(page.get_by_role("table", name=gebiete)).to_be_visible()
    expect(page.get_by_role("img", name="Stadtbezirke und Referenzquartiere in Dortmund")).to_be_visible()
    barrierefrei(page)

    page.get_by_role("link", name="Sachstandsbericht an das Programm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sachstandsbericht Dortmund")
    expect(page.get_by_role("heading", name="Zeitleiste: Als Nächstes")).to_be_visible()
    barrierefrei(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Sachstandsbericht als PDF herunterladen").click()
    reader = PdfReader(Path(download.value.path()))
    assert "Sachstandsbericht Dortmund" in reader.pages[0].extract_text()
