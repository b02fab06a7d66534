"""The quarter profile in the browser: Projektteam starts a draft, writes a section in Markdown,
looks at the measures board. axe-core checks every page on the way."""

from playwright.sync_api import expect

from dwk.permissions import PROJEKTTEAM
from quartiersprofil.models import ProfilAbschnitt
from tests.browser.hilfen import anmelden
from tests.factories import MassnahmeFactory, QuartierFactory, UserFactory


def test_profilabschnitt_schreiben(live_server, page, barrierefrei):
    UserFactory(username="planerin", first_name="Petra", last_name="Plan", rolle=PROJEKTTEAM)
    quartier = QuartierFactory(name="Menglinghausen", slug="menglinghausen")
    MassnahmeFactory(quartier=quartier, titel="Sitzbänke am Markt")

    anmelden(page, live_server, "planerin")

    page.goto(live_server.url + f"/quartiere/{quartier.slug}/")
    expect(page.get_by_role("heading", name="Quartiersprofil", exact=True)).to_be_visible()
    page.get_by_role("link", name="Profiltexte").click()
    barrierefrei(page)
    page.get_by_role("button", name="Ersten Entwurf anlegen").click()
    expect(page.get_by_role("status")).to_contain_text("Ein neuer Entwurf ist angelegt.")
    barrierefrei(page)

    page.get_by_role("link", name="Wohnen bearbeiten").click()
    barrierefrei(page)
    page.get_by_label("Bestand").fill("Viele **Reihenhäuser**.\n\n<script>alert(1)</script>")
    page.get_by_label("Stärken").fill("- stabile Nachbarschaften")
    page.get_by_label("Handlungsbedarf").fill("Beratung zur Wohnungsanpassung")
    page.get_by_role("button", name="Speichern").click()

    expect(page.get_by_role("status")).to_contain_text("ist gespeichert")
    abschnitt = page.locator("#feld-wohnen")
    expect(abschnitt.locator("strong")).to_have_text("Reihenhäuser")
    expect(abschnitt.locator("li").first).to_have_text("stabile Nachbarschaften")
    expect(abschnitt.locator("script")).to_have_count(0)
    barrierefrei(page)
    assert ProfilAbschnitt.objects.get(handlungsfeld__slug="wohnen").staerken == "- stabile Nachbarschaften"

    page.get_by_role("navigation", name="Quartiersprofil").get_by_role("link", name="Maßnahmen").click()
    expect(page.get_by_role("heading", name="vorgeschlagen (1)")).to_be_visible()
    barrierefrei(page)
    page.get_by_text("Status ändern (Sitzbänke am Markt)").click()
    page.get_by_label("Status ändern: Sitzbänke am Markt").select_option(label="geprüft")
    page.get_by_role("button", name="Ändern").click()
    expect(page.get_by_role("heading", name="geprüft (1)")).to_be_visible()
    barrierefrei(page)
