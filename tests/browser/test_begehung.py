"""Projektteam enters a walk-through: route from a GPX file, a finding, two photos at once.

axe-core checks every page on the way; a serious or critical violation fails the test.
"""

from playwright.sync_api import expect

from dwk.permissions import PROJEKTTEAM
from tests.browser.hilfen import anmelden, menglinghausen_bezirk, menglinghausen_quartier
from tests.factories import UserFactory
from tests.quartiersprofil.bilder import bild_bytes, exif_mit_gps

GPX = b"""<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Test" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><trkseg>
    <trkpt lat="51.4850" lon="7.4050"></trkpt><trkpt lat="51.4900" lon="7.4100"></trkpt>
    <trkpt lat="51.4950" lon="7.4200"></trkpt>
  </trkseg></trk>
</gpx>"""


def _quartier():
    return menglinghausen_quartier(menglinghausen_bezirk())


def test_begehung_mit_befund_und_fotos_erfassen(live_server, page, barrierefrei, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    _quartier()
    UserFactory(username="planerin", first_name="Petra", last_name="Plan", rolle=PROJEKTTEAM)
    anmelden(page, live_server, "planerin")

    page.goto(live_server.url + "/quartiere/menglinghausen/")
    page.get_by_role("link", name="Begehungen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Begehungen in Menglinghausen")
    barrierefrei(page)
    page.get_by_role("link", name="Begehung anlegen").click()
    expect(page.get_by_label("Datum")).to_be_visible()
    barrierefrei(page)
    page.get_by_label("Datum").fill("2016-10-12")
    page.get_by_label("Route als GPX-Datei").set_input_files(
        files=[{"name": "weg.gpx", "mimeType": "application/gpx+xml", "buffer": GPX}]
    )
    page.get_by_label("Zusammenfassung").fill("Hohe Bordsteine, zu wenige Bänke.")
    page.get_by_role("button", name="Speichern").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Begehung in Menglinghausen am 12.10.2016")
    expect(page.get_by_text("auf der Karte eingezeichnet")).to_be_visible()
    page.get_by_role("link", name="Befund hinzufügen").click()
    page.get_by_label("Handlungsfeld").select_option(label="Wohnumfeld")
    page.get_by_label("Mangel").check()
    page.get_by_role("textbox", name="Befund").fill("Keine Sitzbank auf dem Weg zum Park")
    page.get_by_label("Breite (Grad Nord)").fill("51.492")
    page.get_by_label("Länge (Grad Ost)").fill("7.412")
    barrierefrei(page)
    page.get_by_role("button", name="Befund speichern").click()

    expect(page.get_by_role("table", name="Befunde der Begehung")).to_contain_text(
        "Keine Sitzbank auf dem Weg zum Park"
    )
    page.get_by_role("link", name="Fotos hochladen").click()
    barrierefrei(page)
    page.get_by_label("Fotos", exact=True).set_input_files(
        files=[
            {
                "name": "park.jpg",
                "mimeType": "image/jpeg",
                "buffer": bild_bytes(exif=exif_mit_gps(breite=51.4915, laenge=7.4118)),
            },
            {"name": "weg.png", "mimeType": "image/png", "buffer": bild_bytes(format="PNG", groesse=(800, 600))},
        ]
    )
    page.get_by_label("Bildunterschrift").fill("Weg zum Park")
    page.get_by_label("Handlungsfeld").select_option(label="Wohnumfeld")
    page.get_by_role("button", name="Hochladen").click()

    expect(page.get_by_text("2 Fotos wurden gespeichert. Eines hat keinen Standort")).to_be_visible()
    expect(page.locator(".foto-karte")).to_have_count(2)
    expect(page.locator("#belegekarte")).to_have_attribute("data-geladen", "ja")
    # One finding and one photo with a location: two signs on the map, with the numbers of the table.
    expect(page.locator("#belegekarte .beleg-marker")).to_have_count(2)
    expect(page.locator(".foto-karte img").first).to_have_js_property("complete", True)
    assert page.locator(".foto-karte img").first.evaluate("img => img.naturalWidth") > 0
    barrierefrei(page)

    page.goto(live_server.url + "/quartiere/menglinghausen/fotos/")
    expect(page.locator(".foto-karte")).to_have_count(2)
    barrierefrei(page)
    page.goto(live_server.url + "/quartiere/menglinghausen/befunde-und-fotos/karte/?handlungsfeld=wohnumfeld")
    expect(page.locator("#belegekarte")).to_have_attribute("data-geladen", "ja")
    expect(page.get_by_role("table", name="Befunde mit Nummer")).to_contain_text("Keine Sitzbank")
    barrierefrei(page)
