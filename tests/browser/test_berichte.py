"""A committee report in the browser: Projektteam writes the draft and puts it to the steering
group, a member comments, Projektteam resolves the comment and releases, the Ratsbüro downloads
the stored PDF byte for byte. axe-core checks every page on the way."""

import hashlib

from playwright.sync_api import expect

from berichte.models import BerichtVersion, Kommentar
from dwk.permissions import LENKUNGSGRUPPE, PROJEKTTEAM, RATSBUERO
from tests.berichte.hilfen import fassung_freigeben
from tests.browser.hilfen import anmelden, menglinghausen_bezirk, menglinghausen_quartier
from tests.factories import KommuneFactory, MitgliedFactory, UserFactory


def abmelden(page):
    page.get_by_role("button", name="Abmelden").click()


def test_bericht_vom_entwurf_bis_zum_download_im_ratsbuero(live_server, page, barrierefrei, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    planerin = UserFactory(username="planerin", first_name="Petra", last_name="Plan", rolle=PROJEKTTEAM)
    nutzer = UserFactory(username="overkamp", first_name="Thomas", last_name="Overkamp", rolle=LENKUNGSGRUPPE)
    MitgliedFactory(vorname="Thomas", nachname="Overkamp", benutzer=nutzer)
    UserFactory(username="ratsbuero", first_name="Rita", last_name="Rat", rolle=RATSBUERO)
    quartier = menglinghausen_quartier(menglinghausen_bezirk(kommune=KommuneFactory(name="Dortmund")))
    fassung_freigeben(quartier, planerin)

    # Projektteam writes the draft.
    anmelden(page, live_server, "planerin")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Berichte").click()
    barrierefrei(page)
    page.get_by_role("link", name="Neuer Bericht").click()
    barrierefrei(page)
    page.get_by_label("Betreff").fill("Quartiersprofil Menglinghausen")
    page.locator("#id_gremium").select_option(label="Bezirksvertretung")
    page.get_by_label("Name des Gremiums").fill("Bezirksvertretung Hombruch")
    page.get_by_label("Menglinghausen, Fassung 1 (freigegeben)").check()
    page.get_by_label("Beschlussvorschlag").fill("Die Bezirksvertretung nimmt das Quartiersprofil zur Kenntnis.")
    page.get_by_label("Begründung").fill("Das Profil ist die Grundlage des Bürgerdialogs.")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("status")).to_contain_text("ist angelegt")
    barrierefrei(page)
    page.get_by_role("link", name="Der Lenkungsgruppe vorlegen").click()
    barrierefrei(page)
    page.get_by_label("Frist für Kommentare").fill("2099-05-03")
    page.get_by_role("button", name="Zur Beratung vorlegen").click()
    expect(page.get_by_role("status")).to_contain_text("zur Beratung vor")
    abmelden(page)

    # A member finds the draft in „Meine Lenkungsgruppe“ and comments on the proposal.
    anmelden(page, live_server, "overkamp")
    page.goto(live_server.url + "/lenkungsgruppe/meine/")
    barrierefrei(page)
    page.get_by_role("link", name="Quartiersprofil Menglinghausen").click()
    barrierefrei(page)
    page.get_by_label("Neuer Kommentar zu „Beschlussvorschlag“").fill("Bitte das Sitzungsdatum ergänzen.")
    page.locator("#abschnitt-beschlussvorschlag").get_by_role("button", name="Kommentar speichern").click()
    expect(page.get_by_role("status")).to_contain_text("Ihr Kommentar ist gespeichert")
    expect(page.get_by_text("Bitte das Sitzungsdatum ergänzen.")).to_be_visible()
    barrierefrei(page)
    abmelden(page)

    # Projektteam sees the comment beside the text, resolves it and releases.
    anmelden(page, live_server, "planerin")
    page.goto(live_server.url + "/berichte/")
    page.get_by_role("link", name="Quartiersprofil Menglinghausen").first.click()
    expect(page.locator("#abschnitt-beschlussvorschlag")).to_contain_text("Bitte das Sitzungsdatum ergänzen.")
    page.get_by_role("button", name="Als erledigt markieren").click()
    expect(page.get_by_role("status")).to_contain_text("Als erledigt markiert")
    assert Kommentar.objects.get().erledigt
    barrierefrei(page)
    page.get_by_role("link", name="Freigeben").click()
    barrierefrei(page)
    page.get_by_role("button", name="Freigeben").click()
    expect(page.get_by_text("Version 1 ist freigegeben und gespeichert.")).to_be_visible(timeout=60_000)
    barrierefrei(page)
    abmelden(page)

    # The Ratsbüro downloads the stored file.
    anmelden(page, live_server, "ratsbuero")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Berichte").click()
    barrierefrei(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Version 1 vom").click()
    inhalt = open(download.value.path(), "rb").read()  # noqa: SIM115 -- read once, closed by the GC
    version = BerichtVersion.objects.get()
    assert hashlib.sha256(inhalt).hexdigest() == version.sha256
    assert inhalt[:5] == b"%PDF-"
