"""Two-factor login in the browser: a Projektteam member logs in for the first time, sets up the
authenticator app from the secret shown on the page (the code computed as an app does), keeps the
recovery codes, logs in again with a wrong code, then with a recovery code. axe-core checks every
page on the way."""

import base64
import re
import time

from django_otp.oath import TOTP
from playwright.sync_api import expect

from dwk.permissions import PROJEKTTEAM
from tests.browser.hilfen import anmelden
from tests.factories import TESTPASSWORT, UserFactory


def _code_aus_geheimnis(geheimnis):
    """What an authenticator app shows for the secret typed in: TOTP, SHA-1, 6 digits, 30 s."""
    text = geheimnis.replace(" ", "")
    schluessel = base64.b32decode(text + "=" * (-len(text) % 8))
    totp = TOTP(schluessel, step=30, t0=0, digits=6)
    totp.time = time.time()
    return f"{totp.token():06d}"


def test_einrichten_und_mit_wiederherstellungscode_anmelden(live_server, page, barrierefrei, settings):
    settings.DWK_2FA_PFLICHT = True
    UserFactory(username="planerin", first_name="Petra", last_name="Plan", rolle=PROJEKTTEAM)

    page.goto(live_server.url + "/konto/anmelden/")
    expect(page.locator("#zwei-faktor-hinweis")).to_contain_text("Authenticator-App")
    barrierefrei(page)
    anmelden(page, live_server, "planerin")

    # First login: straight to the setup, whatever page was asked for.
    expect(page.get_by_role("heading", level=1)).to_have_text("Zwei-Faktor-Anmeldung einrichten")
    expect(page.get_by_role("img", name=re.compile("QR-Code"))).to_be_visible()
    barrierefrei(page)
    geheimnis = page.locator("#geheimnis").inner_text()
    page.get_by_label("Code aus der App (6 Ziffern)").fill("000000")
    page.get_by_role("button", name="Bestätigen").click()
    expect(page.get_by_text("Der Code stimmt nicht")).to_be_visible()
    barrierefrei(page)
    # django-otp waits a second after a wrong code before it takes the next one.
    time.sleep(1.2)
    page.get_by_label("Code aus der App (6 Ziffern)").fill(_code_aus_geheimnis(geheimnis))
    page.get_by_role("button", name="Bestätigen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Wiederherstellungscodes")
    expect(page.get_by_text("Die Zwei-Faktor-Anmeldung ist eingerichtet.")).to_be_visible()
    codes = page.locator("#wiederherstellungscodes li").all_inner_texts()
    assert len(codes) == 10
    barrierefrei(page)
    page.get_by_role("link", name=re.compile("Codes aufbewahrt")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Willkommen, Petra Plan")
    barrierefrei(page)

    # Log out and in again: the code is asked for; a recovery code opens the page asked for.
    page.get_by_role("button", name="Abmelden").click()
    page.goto(live_server.url + "/quartiere/")
    page.get_by_label("Benutzername").fill("planerin")
    page.get_by_label("Passwort").fill(TESTPASSWORT)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmeldung bestätigen")
    barrierefrei(page)
    page.get_by_label("Code aus der App oder Wiederherstellungscode").fill(codes[0])
    page.get_by_role("button", name="Bestätigen").click()
    expect(page).to_have_url(re.compile(r"/quartiere/$"))
    barrierefrei(page)
