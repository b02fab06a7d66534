"""The fast card entry of the citizen dialogue in the browser: 20 cards by keyboard alone, without a
page reload, then "Undo"; axe-core checks every page on the way."""

from django.contrib.gis.geos import Point
from playwright.sync_api import expect

from buergerdialog.models import Ergebnis, VeranstaltungStatus
from dwk.permissions import PROJEKTTEAM
from quartiere.models import Handlungsfeld
from tests.browser.hilfen import anmelden
from tests.factories import BeteiligungsgegenstandFactory, UserFactory, VeranstaltungFactory


def test_zwanzig_karten_nur_mit_der_tastatur(live_server, page, barrierefrei):
    UserFactory(username="planerin", first_name="Petra", last_name="Plan", rolle=PROJEKTTEAM)
    veranstaltung = VeranstaltungFactory(
        titel="Bürgerdialog Derne", status=VeranstaltungStatus.DOKUMENTIERT, ort=Point(7.52, 51.574, srid=4326)
    )
    veranstaltung.gegenstaende.add(BeteiligungsgegenstandFactory(name="Nachbarschaftsbörse Derne"))
    sicherheit = Handlungsfeld.objects.get(name="Sicherheit")

    anmelden(page, live_server, "planerin")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Bürgerdialog").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bürgerdialog")
    barrierefrei(page)
    page.get_by_role("link", name="Bürgerdialog Derne").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bürgerdialog Derne")
    barrierefrei(page)
    page.get_by_role("link", name="Karten erfassen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Karten erfassen")
    barrierefrei(page)

    text = page.get_by_label("Text der Karte")
    expect(text).to_be_focused()
    page.evaluate("window.ohneNeuladen = true")  # gone if the page were loaded again

    # First card: text, dots, kind, Handlungsfeld (type-ahead in the list), skip subject, station, Enter.
    page.keyboard.type("Mehr Licht im Park")
    page.keyboard.press("Tab")
    page.keyboard.type("4")
    page.keyboard.press("Tab")
    page.keyboard.type("Anl")  # Anliegen
    page.keyboard.press("Tab")
    page.keyboard.type("Sich")  # Sicherheit
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("Tisch 3")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Sie haben 1 Karte erfasst.")
    expect(text).to_be_focused()
    expect(text).to_have_value("")
    expect(page.get_by_label("Handlungsfeld")).to_have_value(str(sicherheit.pk))
    expect(page.get_by_label("Tisch oder Station")).to_have_value("Tisch 3")
    barrierefrei(page)

    # Cards 2 to 20: text, Tab, dots, Enter — Handlungsfeld and station stay.
    for nummer in range(2, 21):
        page.keyboard.type(f"Karte {nummer}: Sitzbank an der Haltestelle")
        page.keyboard.press("Tab")
        page.keyboard.type(str(nummer % 6))
        page.keyboard.press("Enter")
        expect(page.get_by_role("status")).to_contain_text(f"Sie haben {nummer} Karten erfasst.")
        expect(text).to_be_focused()
    expect(page.get_by_role("listitem").filter(has_text="Karte 20: Sitzbank")).to_be_visible()
    barrierefrei(page)
    assert page.evaluate("window.ohneNeuladen") is True

    karten = list(Ergebnis.objects.order_by("pk"))
    assert len(karten) == 20
    assert (karten[0].text, karten[0].punkte, karten[0].art, karten[0].station) == (
        "Mehr Licht im Park",
        4,
        "anliegen",
        "Tisch 3",
    )
    assert {k.handlungsfeld_id for k in karten} == {sicherheit.pk}
    assert {k.station for k in karten} == {"Tisch 3"}
    assert karten[-1].punkte == 20 % 6

    # Undo by keyboard: from the text field to the "Undo" button.
    for _ in range(7):
        page.keyboard.press("Tab")
    zuruecknehmen = page.get_by_role("button", name="Letzte Karte zurücknehmen")
    expect(zuruecknehmen).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Sie haben 19 Karten erfasst.")
    expect(page.get_by_role("status")).to_contain_text("Zurückgenommen: „Karte 20: Sitzbank an der Haltestelle“")
    assert Ergebnis.objects.count() == 19
    assert page.evaluate("window.ohneNeuladen") is True
    barrierefrei(page)

    page.get_by_role("link", name="alle Ergebnisse").click()
    expect(page.get_by_role("table")).to_contain_text("19 Ergebnisse")
    barrierefrei(page)

    # The map beside its table: the event's place as a marker, the cards (without a place) in the table.
    Ergebnis.objects.filter(text="Mehr Licht im Park").update(ort=Point(7.521, 51.575, srid=4326))
    page.get_by_role("link", name="Auf der Karte").click()
    expect(page.locator(".leaflet-container[data-geladen='ja']")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(2)
    expect(page.get_by_role("table")).to_contain_text("Mehr Licht im Park")
    barrierefrei(page)
