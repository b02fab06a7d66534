"""The analysis in the browser: the choropleth map with its table, the quarter analysis with its
chart, and a CSV import with preview; axe-core checks every page."""

import re
from pathlib import Path

from playwright.sync_api import expect

from dwk.permissions import LENKUNGSGRUPPE, PROJEKTTEAM
from quartiere.models import Indikator
from quartiere.services import quartier_speichern
from tests.browser.hilfen import anmelden, menglinghausen_bezirk
from tests.factories import (
    KennzahlFactory,
    KommuneFactory,
    QuartierFactory,
    UnterbezirkFactory,
    UserFactory,
    quadrat,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "kennzahlen"


def _stadt_mit_werten():
    bezirk = menglinghausen_bezirk(kommune=KommuneFactory())
    unterbezirke = [
        UnterbezirkFactory(bezirk=bezirk, code="691", name="Menglinghausen-West", geometrie=quadrat(0, 0)),
        UnterbezirkFactory(bezirk=bezirk, code="692", name="Menglinghausen-Ost", geometrie=quadrat(1, 0)),
        UnterbezirkFactory(bezirk=bezirk, code="701", name="Anderswo", geometrie=quadrat(0, 1)),
    ]
    gesamt, hochbetagt = Indikator.objects.get(schluessel="ew_gesamt"), Indikator.objects.get(schluessel="ew_80plus")
    for n, unterbezirk in enumerate(unterbezirke):
        for jahr in range(2018, 2025):
            KennzahlFactory(indikator=gesamt, unterbezirk=unterbezirk, jahr=jahr, wert=1000 + 100 * n + jahr - 2018)
            KennzahlFactory(
                indikator=hochbetagt, unterbezirk=unterbezirk, jahr=jahr, wert=2 + 40 * n + 3 * (jahr - 2018)
            )
    quartier = QuartierFactory.build(
        name="Menglinghausen", slug="", stadtbezirk=bezirk.stadtbezirk, grenze=quadrat(0, 0, seite=0.03)
    )
    return quartier_speichern(quartier=quartier)


def test_choropleth_und_quartiersanalyse(live_server, page, barrierefrei):
    _stadt_mit_werten()
    UserFactory(username="steuerung", rolle=LENKUNGSGRUPPE)
    anmelden(page, live_server, "steuerung")

    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Analyse").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kleinräumige Analyse")
    barrierefrei(page)

    page.get_by_role("link", name="Anteil der Einwohner ab 80 Jahren").click()
    expect(page.locator("#choropleth")).to_have_attribute("data-geladen", "ja")
    expect(page.locator("#choropleth path.leaflet-interactive")).to_have_count(3)
    tabelle = page.get_by_role("table", name=re.compile("Anteil der Einwohner ab 80 Jahren"))
    # 2024, Menglinghausen-West: 20 of 1006 residents are 80+; the count is not small, the share is shown.
    expect(tabelle.get_by_role("row", name=re.compile("Menglinghausen-West"))).to_contain_text("2,0")
    expect(page.get_by_role("list", name="Legende")).to_contain_text("Klasse 1")
    barrierefrei(page)

    # Sorting works through links, without JavaScript.
    tabelle.get_by_role("link", name=re.compile("^Wert")).click()
    expect(page.get_by_role("columnheader", name=re.compile("^Wert"))).to_have_attribute("aria-sort", "ascending")
    expect(page.locator("#choropleth-tabelle tbody tr").first).to_contain_text("Menglinghausen-West")

    page.goto(live_server.url + "/analyse/quartiere/menglinghausen/")
    expect(page.get_by_role("img", name=re.compile("Anteil der Einwohner ab 80 Jahren"))).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("nach Jahren"))).to_contain_text("2024")
    barrierefrei(page)


def test_kennzahlen_import_mit_vorschau(live_server, page, barrierefrei, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _stadt_mit_werten()
    UserFactory(username="planerin", rolle=PROJEKTTEAM)
    anmelden(page, live_server, "planerin")

    page.goto(live_server.url + "/analyse/import/")
    barrierefrei(page)
    page.get_by_label("CSV-Datei").set_input_files(FIXTURES / "fehler_mehrere.csv")
    page.get_by_role("button", name="Prüfen und Vorschau zeigen").click()
    expect(page.get_by_role("alert")).to_contain_text("Zeile 2, Spalte A „Gebietsschlüssel“")
    barrierefrei(page)

    page.get_by_label("CSV-Datei").set_input_files(FIXTURES / "breit_cp1252.csv")
    page.get_by_role("button", name="Prüfen und Vorschau zeigen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vorschau des Imports")
    expect(page.locator(".steckbrief")).to_contain_text("Windows-1252")
    barrierefrei(page)
    page.get_by_role("button", name="Jetzt importieren").click()
    expect(page.get_by_role("status")).to_contain_text("Import aus „breit_cp1252.csv“")
