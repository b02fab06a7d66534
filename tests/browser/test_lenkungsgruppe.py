"""The steering group in the browser: Projektteam prepares a meeting and invites; a member rates a plan.

axe-core checks every page on the way; a serious or critical violation fails the test.
"""

import re

from django.core import mail
from playwright.sync_api import expect

from dwk.permissions import LENKUNGSGRUPPE, PROJEKTTEAM
from lenkungsgruppe.models import FachplanungBewertung, Sitzung
from quartiere.models import Handlungsfeld
from tests.browser.hilfen import anmelden
from tests.factories import FachplanungFactory, MitgliedFactory, UserFactory


def test_sitzung_vorbereiten_und_plan_bewerten(live_server, page, barrierefrei):
    UserFactory(username="planerin", first_name="Petra", last_name="Plan", rolle=PROJEKTTEAM)
    nutzer = UserFactory(username="overkamp", first_name="Thomas", last_name="Overkamp", rolle=LENKUNGSGRUPPE)
    MitgliedFactory(vorname="Thomas", nachname="Overkamp", email="overkamp@example.org", benutzer=nutzer)
    MitgliedFactory(vorname="Ingrid", nachname="Roth", email="roth@example.org")
    wohnen, mobilitaet = Handlungsfeld.objects.order_by("reihenfolge")[:2]
    FachplanungFactory(titel="Masterplan Mobilität", handlungsfelder=[wohnen, mobilitaet])

    # Projektteam: create the meeting, add the agenda, send the invitation.
    anmelden(page, live_server, "planerin")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Lenkungsgruppe").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lenkungsgruppe")
    barrierefrei(page)
    page.get_by_role("navigation", name="Lenkungsgruppe").get_by_role("link", name="Sitzungen").click()
    barrierefrei(page)
    page.get_by_role("link", name="Sitzung anlegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sitzung anlegen")
    barrierefrei(page)
    page.get_by_label("Titel").fill("Vorbereitung der Bürgerdialoge")
    page.get_by_label("Format").select_option(label="Arbeitstreffen")
    page.get_by_label("Beginn").fill("2030-05-04T14:00")
    page.get_by_label("Ende").fill("2030-05-04T16:00")
    page.get_by_label("Ort", exact=True).fill("Rathaus, Raum 120")
    expect(page.get_by_label("Thomas Overkamp")).to_be_checked()
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("status")).to_contain_text("wurde angelegt")
    barrierefrei(page)

    for titel in ("Genehmigung des Protokolls", "Beteiligungsgegenstände"):
        page.get_by_role("link", name="Tagesordnungspunkt hinzufügen").click()
        barrierefrei(page)
        page.get_by_label("Titel").fill(titel)
        page.get_by_role("button", name="Speichern").click()
        expect(page.get_by_role("status")).to_contain_text("der Tagesordnung hinzugefügt")
    expect(page.get_by_role("heading", name="TOP 2: Beteiligungsgegenstände")).to_be_visible()
    barrierefrei(page)

    page.get_by_role("link", name="Einladung per E-Mail versenden").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Einladung")
    barrierefrei(page)
    page.get_by_role("button", name="Einladung jetzt versenden").click()
    expect(page.get_by_role("status")).to_contain_text("an 2 Mitglieder versendet")
    barrierefrei(page)
    sitzung = Sitzung.objects.get()
    assert sorted(m.to[0] for m in mail.outbox) == ["overkamp@example.org", "roth@example.org"]
    assert {a[0] for m in mail.outbox for a in m.attachments} == {
        f"einladung-sitzung-{sitzung.nummer}.pdf",
        f"sitzung-{sitzung.nummer}.ics",
    }
    page.get_by_role("button", name="Abmelden").click()

    # A member: „Meine Lenkungsgruppe“, then rate the plan.
    anmelden(page, live_server, "overkamp")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Lenkungsgruppe").click()
    page.get_by_role("navigation", name="Lenkungsgruppe").get_by_role("link", name="Meine Lenkungsgruppe").click()
    expect(page.get_by_role("heading", name="Ihre nächste Sitzung")).to_be_visible()
    expect(
        page.get_by_role("link", name=re.compile("Vorbereitung der Bürgerdialoge|1. Arbeitstreffen"))
    ).to_be_visible()
    barrierefrei(page)
    page.get_by_role("link", name="„Masterplan Mobilität“ bewerten").click()
    barrierefrei(page)
    page.get_by_label(f"Relevanz für „{wohnen.name}“").select_option("5")
    page.get_by_label(f"Kommentar zu „{wohnen.name}“").fill("Barrierefreie Wege zur Wohnung.")
    page.get_by_label(f"Relevanz für „{mobilitaet.name}“").select_option("3")
    page.get_by_role("button", name="Bewertung speichern").click()
    expect(page.get_by_role("status")).to_contain_text("Ihre Bewertung von „Masterplan Mobilität“ wurde gespeichert")
    expect(page.get_by_role("table", name=re.compile("Einzelbewertungen"))).to_contain_text("Barrierefreie Wege")
    barrierefrei(page)
    assert sorted(FachplanungBewertung.objects.values_list("handlungsfeld__name", "relevanz")) == sorted(
        [(wohnen.name, 5), (mobilitaet.name, 3)]
    )
