"""Documentation and evaluation in the browser: three paper questionnaires typed up by keyboard alone,
the evaluation with chart and table, the documentation page; axe-core checks every page."""

from playwright.sync_api import expect

from buergerdialog.models import DokumentationStatus, Fragebogen, VeranstaltungStatus
from dwk.permissions import PROJEKTTEAM
from tests.browser.hilfen import anmelden
from tests.factories import DokumentationFactory, UserFactory, VeranstaltungFactory


def test_frageboegen_mit_der_tastatur_und_auswertung(live_server, page, barrierefrei):
    UserFactory(username="planerin", rolle=PROJEKTTEAM)
    veranstaltung = VeranstaltungFactory(titel="Bürgerdialog Derne", status=VeranstaltungStatus.DOKUMENTIERT)
    DokumentationFactory(veranstaltung=veranstaltung, status=DokumentationStatus.FREIGEGEBEN)

    anmelden(page, live_server, "planerin")
    page.goto(live_server.url + veranstaltung.get_absolute_url())
    page.get_by_role("link", name="Auswertung").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Auswertung der Fragebögen")
    barrierefrei(page)
    page.get_by_role("link", name="Fragebögen erfassen").click()
    erstes = page.get_by_label("Ich bin mit der Veranstaltung zufrieden.")
    expect(erstes).to_be_focused()
    barrierefrei(page)

    # Three questionnaires: a digit per item and Tab; the second leaves "verständlich" empty.
    for nummer, werte in enumerate((("5", "4", "4", "5"), ("3", "", "2", "4"), ("4", "5", "5", "5")), start=1):
        for wert in werte:
            if wert:
                page.keyboard.type(wert)
            page.keyboard.press("Tab")
        page.keyboard.type("Mehr Bänke")  # what should happen next
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # the submit button
        expect(page.get_by_role("status")).to_contain_text("Fragebogen gespeichert.")
        expect(page.get_by_text(f"Bisher {nummer} Frageb")).to_be_visible()
        expect(erstes).to_be_focused()
    assert list(Fragebogen.objects.order_by("pk").values_list("zufriedenheit", "verstaendlich")) == [
        (5, 4),
        (3, None),
        (4, 5),
    ]
    barrierefrei(page)

    page.get_by_role("link", name="Zur Auswertung").click()
    expect(page.get_by_role("img", name="Bewertungen (1 = trifft gar nicht zu, 5 = trifft voll zu)")).to_be_visible()
    expect(page.locator("#auswertung-tabelle")).to_contain_text("4,0")  # (5 + 3 + 4) / 3
    barrierefrei(page)

    page.goto(live_server.url + veranstaltung.get_absolute_url())
    page.get_by_role("link", name="Dokumentation", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dokumentation")
    barrierefrei(page)
