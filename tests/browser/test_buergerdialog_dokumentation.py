"""Documentation and evaluation in the browser: three paper questionnaires typed up by keyboard alone,
the evaluation with chart and table, the documentation page; axe-core checks every page."""

import re

from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from buergerdialog.models import Dokumentationsfoto, DokumentationStatus, Einladung, Fragebogen, VeranstaltungStatus
from dwk.permissions import PROJEKTTEAM
from tests.browser.hilfen import anmelden
from tests.factories import (
    AkteurFactory,
    DokumentationFactory,
    ErgebnisFactory,
    FragebogenFactory,
    QuartierFactory,
    UserFactory,
    VeranstaltungFactory,
)


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


def test_pinnwandfoto_an_karte_fragebogen_korrigieren_und_einladen(live_server, page, barrierefrei, tmp_path, settings):
    """A photo of the pin board hangs at a card and is removed again, a questionnaire is corrected
    and another deleted, and the invitations are sent to the ticked persons only."""
    settings.MEDIA_ROOT = tmp_path / "media"
    UserFactory(username="planerin", rolle=PROJEKTTEAM)
    quartier = QuartierFactory(name="Derne")
    veranstaltung = VeranstaltungFactory(
        titel="Bürgerdialog Derne", quartiere=[quartier], status=VeranstaltungStatus.DOKUMENTIERT
    )
    DokumentationFactory(veranstaltung=veranstaltung, status=DokumentationStatus.FREIGEGEBEN)
    karte = ErgebnisFactory(veranstaltung=veranstaltung, text="Treffpunkt am Markt", punkte=9)
    FragebogenFactory(veranstaltung=veranstaltung, zufriedenheit=2)
    doppelt = FragebogenFactory(veranstaltung=veranstaltung, zufriedenheit=5, kommentar="doppelt erfasst")
    erika = AkteurFactory(quartier=quartier, name="Erika Einverstanden")
    otto = AkteurFactory(quartier=quartier, name="Otto Brief")
    bild = tmp_path / "pinnwand.jpg"
    Image.new("RGB", (320, 240), (230, 210, 120)).save(bild, format="JPEG")

    anmelden(page, live_server, "planerin")
    expect(page).not_to_have_url(re.compile("anmelden"))
    page.goto(live_server.url + reverse("buergerdialog:ergebnis_liste", args=[veranstaltung.pk]))
    page.locator(f"#ergebnis-{karte.pk}").get_by_role("link", name="Foto anhängen").click()
    barrierefrei(page)
    page.get_by_label("Fotos").set_input_files(str(bild))
    page.get_by_label("Bildunterschrift").fill("Pinnwand Tisch 2")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("img", name="Pinnwand Tisch 2")).to_be_visible()
    barrierefrei(page)
    foto = Dokumentationsfoto.objects.get()
    assert foto.ergebnis == karte
    page.goto(live_server.url + reverse("buergerdialog:dokumentation", args=[veranstaltung.pk]))
    expect(page.get_by_text("Pinnwand zur Karte")).to_be_visible()
    page.locator(f"#foto-{foto.pk}").get_by_role("link", name="löschen").click()
    barrierefrei(page)
    page.get_by_role("button", name="Ja, löschen").click()
    expect(page.get_by_role("status")).to_contain_text("Das Foto ist gelöscht.")
    assert not Dokumentationsfoto.objects.exists()

    page.goto(live_server.url + reverse("buergerdialog:auswertung", args=[veranstaltung.pk]))
    page.get_by_role("link", name="Erfasste Fragebögen bearbeiten").click()
    barrierefrei(page)
    page.locator(f"#fragebogen-{doppelt.pk}").get_by_role("link", name="löschen").click()
    page.get_by_role("button", name="Ja, löschen").click()
    expect(page.get_by_role("status")).to_contain_text("Der Fragebogen ist gelöscht.")
    page.get_by_role("link", name="bearbeiten", exact=False).first.click()
    page.get_by_label("Ich bin mit der Veranstaltung zufrieden.").fill("3")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("status")).to_contain_text("Der Fragebogen ist gespeichert.")
    assert list(Fragebogen.objects.values_list("zufriedenheit", flat=True)) == [3]

    page.goto(live_server.url + reverse("buergerdialog:einladungen", args=[veranstaltung.pk]))
    expect(page.get_by_label("Erika Einverstanden")).to_be_checked()
    barrierefrei(page)
    page.get_by_label("Erika Einverstanden").uncheck()
    page.get_by_role("button", name="Ausgewählte per E-Mail einladen").click()
    expect(page.get_by_role("status")).to_contain_text("an 1 E-Mail-Adressen verschickt")
    assert list(Einladung.objects.values_list("akteur", flat=True)) == [otto.pk]
    assert not erika.veranstaltungseinladungen.exists()
