"""A member of the steering group reviews the results of a citizen workshop in the browser, with the
keyboard alone: from „Meine Lenkungsgruppe“ to the review page, radio groups by arrow keys, a comment,
saving halfway („2 von 3 bewertet“); axe-core checks every page on the way."""

import datetime

from playwright.sync_api import expect

from buergerdialog.models import ErgebnisBewertung
from dwk.permissions import LENKUNGSGRUPPE
from tests.browser.hilfen import anmelden
from tests.factories import BewertungsrundeFactory, ErgebnisFactory, MitgliedFactory, UserFactory, VeranstaltungFactory


def test_mitglied_bewertet_mit_der_tastatur(live_server, page, barrierefrei, settings):
    settings.DWK_HEUTE = datetime.date(2017, 8, 20)
    benutzer = UserFactory(username="mitglied", rolle=LENKUNGSGRUPPE)
    mitglied = MitgliedFactory(benutzer=benutzer, vorname="Hanna", nachname="Beispiel")
    veranstaltung = VeranstaltungFactory(titel="Bürgerwerkstatt Menglinghausen", status="dokumentiert")
    ergebnisse = [
        ErgebnisFactory(veranstaltung=veranstaltung, text=text, punkte=punkte)
        for text, punkte in (
            ("Mehr Bänke am Marktplatz", 9),
            ("Ein Bürgerbus zum Arzt", 6),
            ("Treffpunkt im Pfarrheim", 2),
        )
    ]
    BewertungsrundeFactory(veranstaltung=veranstaltung, ergebnisse=ergebnisse, frist=datetime.date(2017, 8, 31))

    anmelden(page, live_server, "mitglied")
    page.goto(live_server.url + "/lenkungsgruppe/meine/")
    expect(page.get_by_text("0 von 3 bewertet, Frist 31.08.2017")).to_be_visible()
    barrierefrei(page)
    page.get_by_role("link", name="„Bürgerwerkstatt Menglinghausen“ bewerten").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ergebnisse bewerten")
    expect(page.locator("#fortschritt")).to_have_text("0 von 3 bewertet")
    barrierefrei(page)

    # The first question is focused; from here on only the keyboard.
    page.get_by_role("group", name="Relevanz").first.get_by_role("radio").first.focus()
    for relevanz, machbarkeit, kommentar in ((5, 3, "Sehr wichtig für Ältere"), (4, 2, "")):
        page.keyboard.press("Space")  # 1
        for _ in range(relevanz - 1):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Tab")  # to feasibility
        page.keyboard.press("Space")
        for _ in range(machbarkeit - 1):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Tab")  # to the comment
        page.keyboard.type(kommentar)
        page.keyboard.press("Tab")  # to the next card's relevance
    # the third card stays open: past its two groups and its comment to the button
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Bewertungen speichern")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator(".alert-success")).to_contain_text("Ihre Bewertungen sind gespeichert: 2 von 3 bewertet.")
    expect(page.locator("#fortschritt")).to_have_text("2 von 3 bewertet")
    barrierefrei(page)
    gespeichert = sorted(
        ErgebnisBewertung.objects.filter(mitglied=mitglied).values_list(
            "ergebnis__punkte", "relevanz", "machbarkeit", "kommentar"
        )
    )
    assert gespeichert == [(6, 4, 2, ""), (9, 5, 3, "Sehr wichtig für Ältere")]
    expect(page.get_by_role("radio", name="Relevanz 5").first).to_be_checked()

    page.goto(live_server.url + f"/buergerdialog/veranstaltungen/{veranstaltung.pk}/bewertung/")
    expect(page.get_by_role("heading", level=2, name="Rangfolge")).to_be_visible()
    barrierefrei(page)
