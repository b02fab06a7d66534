"""A large photo upload in the browser: the status page follows the background job by itself.

The job waits in the database queue; the real worker (`manage.py db_worker`, its own process)
works it off while the page is open; htmx brings the result into the page without a reload.
axe-core checks the upload page and the status page.
"""

from playwright.sync_api import expect

from dwk.permissions import PROJEKTTEAM
from tests.auftraege.worker import db_worker_ausfuehren
from tests.browser.hilfen import anmelden, menglinghausen_bezirk, menglinghausen_quartier
from tests.factories import BegehungFactory, UserFactory
from tests.quartiersprofil.bilder import bild_bytes


def test_grosser_upload_zeigt_fortschritt_und_ergebnis(live_server, page, barrierefrei, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DWK_FOTO_SOFORT_MAX_PIXEL = 0
    begehung = BegehungFactory(quartier=menglinghausen_quartier(menglinghausen_bezirk()))
    UserFactory(username="planerin", rolle=PROJEKTTEAM)
    anmelden(page, live_server, "planerin")

    page.goto(f"{live_server.url}/quartiersprofil/begehungen/{begehung.pk}/fotos/neu/")
    expect(page.get_by_text("Höchstens 30 Fotos auf einmal")).to_be_visible()
    barrierefrei(page)
    page.get_by_label("Fotos", exact=True).set_input_files(
        files=[
            {"name": f"foto{n}.jpg", "mimeType": "image/jpeg", "buffer": bild_bytes(groesse=(1200, 900))}
            for n in range(3)
        ]
    )
    page.get_by_role("button", name="Hochladen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("3 Fotos hochladen")
    expect(page.get_by_text("Der Auftrag wartet darauf, bearbeitet zu werden.")).to_be_visible()
    expect(page.get_by_text("0 von 3 erledigt")).to_be_visible()
    expect(page.get_by_role("link", name="Stand aktualisieren")).to_be_visible()
    barrierefrei(page)
    adresse = page.url
    page.evaluate("window.nichtNeuGeladen = true")

    db_worker_ausfuehren(medien=settings.MEDIA_ROOT)

    # htmx asks every two seconds and replaces the status block; the page itself is not reloaded.
    expect(page.get_by_text("3 Fotos wurden gespeichert.")).to_be_visible(timeout=10_000)
    expect(page.get_by_text("3 von 3 erledigt")).to_be_visible()
    assert (page.url, page.evaluate("window.nichtNeuGeladen")) == (adresse, True)
    barrierefrei(page)
    page.get_by_role("link", name="Zur Begehung").click()
    expect(page.locator(".foto-karte")).to_have_count(3)
