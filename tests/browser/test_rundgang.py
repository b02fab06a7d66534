"""A Projektteam member's first visit: log in, open the map, open a quarter, download its PDF.

axe-core checks every page on the way; a serious or critical violation fails the test.
"""

import io
import re
from pathlib import Path

from django.conf import settings
from playwright.sync_api import expect
from pypdf import PdfReader

from berichte.services.pdf_bericht import profilfassung_freigeben
from dwk.permissions import PROJEKTTEAM
from quartiersprofil.services.profil import profil_entwurf_anlegen, profil_zur_beratung_geben
from tests.auftraege.worker import db_worker_ausfuehren
from tests.browser.hilfen import anmelden, menglinghausen_bezirk, menglinghausen_quartier
from tests.factories import (
    TESTPASSWORT,
    UserFactory,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "gebiete"


def _stadt():
    return menglinghausen_quartier(
        menglinghausen_bezirk(),
        unterbezirke=(("691", "Menglinghausen-West", 0), ("692", "Menglinghausen-Ost", 1)),
    )


def test_rundgang_projektteam(live_server, page, barrierefrei):
    _stadt()
    UserFactory(username="planerin", first_name="Petra", last_name="Plan", rolle=PROJEKTTEAM)

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gut älter werden")
    barrierefrei(page)

    page.get_by_role("link", name="Anmelden").first.click()
    barrierefrei(page)
    page.get_by_label("Benutzername").fill("planerin")
    page.get_by_label("Passwort").fill(TESTPASSWORT)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Willkommen, Petra Plan")
    barrierefrei(page)

    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Stadtkarte").click()
    expect(page.locator("#stadtkarte")).to_have_attribute("data-geladen", "ja")
    # The map draws the areas as SVG paths; the table beside it lists the same areas.
    expect(page.locator("#stadtkarte path.leaflet-interactive").first).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Referenzquartiere"))).to_contain_text("Menglinghausen")
    barrierefrei(page)

    page.get_by_role("table", name=re.compile("Referenzquartiere")).get_by_role("link", name="Menglinghausen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Menglinghausen")
    expect(page.locator("#quartierkarte")).to_have_attribute("data-geladen", "ja")
    expect(page.get_by_role("table", name=re.compile("Unterbezirke"))).to_contain_text("691")
    barrierefrei(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Quartiersprofil als PDF").click()
    download = download_info.value
    assert download.suggested_filename == "quartiersprofil-menglinghausen.pdf"
    pdf = PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    text = "".join(seite.extract_text() for seite in pdf.pages)
    assert "Menglinghausen" in text
    assert len(pdf.pages) >= 2


def test_gebiete_importieren_und_quartier_bearbeiten(live_server, page, barrierefrei):
    from tests.factories import KommuneFactory

    _stadt()
    KommuneFactory()
    UserFactory(username="planerin", rolle=PROJEKTTEAM)
    anmelden(page, live_server, "planerin")

    page.get_by_role("main").get_by_role("link", name=re.compile("Gebiete importieren")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gebiete importieren")
    barrierefrei(page)
    page.get_by_label("Datei").set_input_files(FIXTURES / "stadtbezirke.geojson")
    page.get_by_label("Ebene").select_option("stadtbezirk")
    page.locator("#id_code_feld").fill("code")
    page.get_by_label("Feld für den Namen").fill("name")
    page.get_by_role("button", name="Importieren").click()
    expect(page.get_by_role("status")).to_contain_text("3 angelegt")
    barrierefrei(page)

    page.goto(live_server.url + "/quartiere/menglinghausen/bearbeiten/")
    expect(page.locator(".leaflet-container")).to_be_visible()
    barrierefrei(page)
    page.get_by_label("Siedlungsepoche").select_option(label="Neubauviertel")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("status")).to_contain_text("Änderungen am Quartier „Menglinghausen“ wurden gespeichert")
    expect(page.locator(".steckbrief")).to_contain_text("Neubauviertel")


def test_ratsbuero_laedt_nur_berichte(live_server, page, barrierefrei):
    from dwk.permissions import RATSBUERO

    quartier = _stadt()
    UserFactory(username="rat", rolle=RATSBUERO)
    # The Ratsbüro downloads released profiles only.
    fassung = profil_entwurf_anlegen(quartier=quartier)
    profil_zur_beratung_geben(fassung=fassung)
    # Released as the page does it: the PDF is rendered once by the worker and stored.
    profilfassung_freigeben(fassung=fassung, benutzer=UserFactory(rolle=PROJEKTTEAM))
    db_worker_ausfuehren(medien=settings.MEDIA_ROOT)
    anmelden(page, live_server, "rat")
    navigation = page.get_by_role("navigation", name="Hauptnavigation")
    expect(navigation.get_by_role("link", name="Stadtkarte")).to_have_count(0)
    navigation.get_by_role("link", name="Berichte").click()
    barrierefrei(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Quartiersprofil Menglinghausen")).click()
    assert PdfReader(download_info.value.path()).metadata.title.startswith("Quartiersprofil Menglinghausen")
    antwort = page.goto(live_server.url + "/karte/")
    assert antwort.status == 403
