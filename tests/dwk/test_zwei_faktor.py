"""Two-factor login (issue 13, dwk/zwei_faktor.py): required for Projektteam and administrators, set up
after the first login and confirmed with a real TOTP code, recovery codes shown once and used once,
reset by an administrator, the demo accounts exempt only with DEBUG; login locks keep working; the
log names events, never codes. The test settings turn the requirement off for all other tests
(tests/conftest.py); the first test shows it is on with the production settings."""

import io
import json
import logging
import re
import subprocess
import sys
import time

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from dwk.permissions import LENKUNGSGRUPPE, PROJEKTTEAM
from dwk.protokoll import JsonFormatter
from tests.dwk.test_deploy_check import _umgebung
from tests.factories import TESTPASSWORT, UserFactory

pytestmark = pytest.mark.django_db

ANMELDEN = "/konto/anmelden/"
EINRICHTEN = "/konto/zwei-faktor/einrichten/"
BESTAETIGEN = "/konto/zwei-faktor/bestaetigen/"
CODES = "/konto/zwei-faktor/codes/"


@pytest.fixture(autouse=True)
def pflicht(settings):
    settings.DWK_2FA_PFLICHT = True
    settings.DEBUG = False


@pytest.fixture
def protokoll():
    """What the login logger writes, as JSON lines."""
    puffer = io.StringIO()
    handler = logging.StreamHandler(puffer)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("dwk.anmeldung")
    logger.addHandler(handler)
    try:
        yield puffer
    finally:
        logger.removeHandler(handler)


def _zeilen(puffer):
    return [json.loads(zeile) for zeile in puffer.getvalue().splitlines()]


def totp_code(geraet, schritte=0):
    """The code the authenticator app shows now (or ``schritte`` periods later), computed with
    django-otp's own TOTP from the device's secret, as an app does."""
    totp = TOTP(geraet.bin_key, geraet.step, geraet.t0, geraet.digits, geraet.drift)
    totp.time = time.time() + schritte * geraet.step
    return f"{totp.token():0{geraet.digits}d}"


def _anmelden(client, benutzername, passwort=TESTPASSWORT):
    return client.post(ANMELDEN, {"username": benutzername, "password": passwort}, REMOTE_ADDR="192.0.2.10")


def _einrichten(client, user):
    """Password, QR page, first code: returns the recovery codes shown."""
    _anmelden(client, user.username)
    client.get(EINRICHTEN)
    geraet = TOTPDevice.objects.get(user=user)
    antwort = client.post(EINRICHTEN, {"code": totp_code(geraet), "next": "/uebersicht/"})
    assert antwort.status_code == 302
    return re.findall(r"<li><code>(\w+)</code></li>", client.get(CODES).content.decode())


def test_in_den_produktionseinstellungen_an(tmp_path):
    """The test settings turn it off; with the settings of .env.example (a server) it is on."""
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DWK_2FA_PFLICHT, 'dwk.middleware.ZweiFaktorMiddleware' in s.MIDDLEWARE, "
        "s.MIDDLEWARE.index('django_otp.middleware.OTPMiddleware') < s.MIDDLEWARE.index("
        "'dwk.middleware.ZweiFaktorMiddleware'), s.DEBUG)"
    )
    ergebnis = subprocess.run(
        [sys.executable, "-c", code],
        cwd=django_settings.BASE_DIR,
        env=_umgebung(tmp_path, DJANGO_SETTINGS_MODULE="dwk.settings"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ergebnis.stdout.split() == ["True", "True", "True", "False"], ergebnis.stderr


def test_einrichten_nach_der_ersten_anmeldung_mit_echtem_code(client, protokoll):
    user = UserFactory(username="planerin", rolle=PROJEKTTEAM)
    assert _anmelden(client, "planerin").url == "/uebersicht/"
    # Every page behind the login leads to the setup, and back to the page asked for.
    antwort = client.get("/uebersicht/")
    assert antwort.status_code == 302
    assert antwort.url == f"{EINRICHTEN}?next=/uebersicht/"
    assert client.get("/quartiere/").url.startswith(EINRICHTEN)
    seite = client.get(antwort.url)
    inhalt = seite.content.decode()
    assert seite.status_code == 200
    assert "no-store" in seite["Cache-Control"]
    assert 'src="data:image/svg+xml' in inhalt  # QR code drawn here, not by an outside service
    geraet = TOTPDevice.objects.get(user=user)
    assert not geraet.confirmed
    geheimnis = re.search(r'<code class="fs-5" id="geheimnis">([A-Z2-7 ]+)</code>', inhalt).group(1)
    assert len(geheimnis.replace(" ", "")) == 32

    richtig = totp_code(geraet)
    antwort = client.post(EINRICHTEN, {"code": richtig[:3] + " " + richtig[3:], "next": "/uebersicht/"})
    assert antwort.status_code == 302
    assert antwort.url == f"{CODES}?next=%2Fuebersicht%2F"
    geraet.refresh_from_db()
    assert geraet.confirmed
    codes_seite = client.get(antwort.url)
    codes = re.findall(r"<li><code>(\w+)</code></li>", codes_seite.content.decode())
    assert len(codes) == 10
    assert len(set(codes)) == 10
    assert "no-store" in codes_seite["Cache-Control"]
    assert 'href="/uebersicht/"' in codes_seite.content.decode()
    # Shown once only.
    nochmal = client.get(CODES).content.decode()
    assert not set(codes) & set(re.findall(r"\w+", nochmal))
    assert "bereits angezeigt" in nochmal
    # This session is verified: the pages open.
    assert client.get("/uebersicht/").status_code == 200

    ereignisse = [zeile["ereignis"] for zeile in _zeilen(protokoll)]
    assert "zwei_faktor_eingerichtet" in ereignisse
    text = protokoll.getvalue()
    assert richtig not in text
    assert geheimnis.replace(" ", "") not in text
    assert not any(code in text for code in codes)


def test_falscher_code_bei_der_einrichtung(client, protokoll):
    user = UserFactory(username="planerin", rolle=PROJEKTTEAM)
    _anmelden(client, "planerin")
    client.get(EINRICHTEN)
    antwort = client.post(EINRICHTEN, {"code": "000000"})
    inhalt = antwort.content.decode()
    assert antwort.status_code == 200
    assert "Der Code stimmt nicht" in inhalt
    assert 'aria-invalid="true"' in inhalt
    assert not TOTPDevice.objects.get(user=user).confirmed
    assert not StaticDevice.objects.filter(user=user).exists()
    assert client.get("/uebersicht/").status_code == 302
    zeile = _zeilen(protokoll)[-1]
    assert (zeile["ereignis"], zeile["benutzer_id"], zeile["schritt"]) == ("zwei_faktor_fehler", user.pk, "einrichtung")
    assert "000000" not in protokoll.getvalue()


def test_spaetere_anmeldung_mit_app_oder_wiederherstellungscode(protokoll):
    user = UserFactory(username="planerin", rolle=PROJEKTTEAM)
    codes = _einrichten(Client(), user)
    geraet = TOTPDevice.objects.get(user=user)

    # With the app: password, then the code (the next period's; a code is accepted once only).
    client = Client()
    _anmelden(client, "planerin")
    antwort = client.get("/quartiere/")
    assert antwort.url == f"{BESTAETIGEN}?next=/quartiere/"
    assert client.get(EINRICHTEN).status_code == 302  # already set up
    antwort = client.post(BESTAETIGEN, {"code": totp_code(geraet, 1), "next": "/quartiere/"})
    assert antwort.url == "/quartiere/"
    assert client.get("/quartiere/").status_code == 200

    # With a recovery code, which is used up.
    for versuch in range(2):
        client = Client()
        _anmelden(client, "planerin")
        antwort = client.post(BESTAETIGEN, {"code": codes[0].upper()})
        if versuch == 0:
            assert antwort.url == "/uebersicht/"
        else:
            assert antwort.status_code == 200
            assert "Der Code stimmt nicht" in antwort.content.decode()
            assert client.get("/uebersicht/").status_code == 302
    assert StaticDevice.objects.get(user=user).token_set.count() == 9

    zeilen = [z for z in _zeilen(protokoll) if z["ereignis"].startswith("zwei_faktor")]
    assert [z["ereignis"] for z in zeilen][-3:] == ["zwei_faktor_erfolg", "zwei_faktor_erfolg", "zwei_faktor_fehler"]
    assert (zeilen[-2]["art"], zeilen[-2]["codes_uebrig"]) == ("wiederherstellungscode", 9)
    assert codes[0] not in protokoll.getvalue()
    assert codes[0].upper() not in protokoll.getvalue()


def test_nach_falschem_code_kurz_gesperrt(client):
    user = UserFactory(username="planerin", rolle=PROJEKTTEAM)
    _einrichten(Client(), user)
    geraet = TOTPDevice.objects.get(user=user)
    _anmelden(client, "planerin")
    assert "Der Code stimmt nicht" in client.post(BESTAETIGEN, {"code": "123456"}).content.decode()
    # Right away even the right code is refused (django-otp's throttling: 1 s, then 2, 4, …).
    antwort = client.post(BESTAETIGEN, {"code": totp_code(geraet, 1)})
    assert "kurz gesperrt" in antwort.content.decode()
    assert client.get("/uebersicht/").status_code == 302


def test_administratoren_brauchen_ihn_auch_fuer_den_admin(client):
    UserFactory(username="chefin", is_superuser=True, is_staff=True)
    _anmelden(client, "chefin")
    antwort = client.get("/admin/")
    assert antwort.url == f"{EINRICHTEN}?next=/admin/"


def test_andere_rollen_brauchen_keinen(client):
    UserFactory(username="mitglied", rolle=LENKUNGSGRUPPE)
    _anmelden(client, "mitglied")
    assert client.get("/uebersicht/").status_code == 200
    assert "noch nicht eingerichtet" in client.get(CODES).content.decode()
    # They may set one up of their own accord; from then on it is asked for.
    assert client.get(EINRICHTEN).status_code == 200


def test_demo_zugaenge_nur_mit_debug_ausgenommen(client, settings):
    UserFactory(username="projektteam", email="projektteam@demo.dwk.invalid", rolle=PROJEKTTEAM)
    hinweis = "Ausgenommen sind in dieser lokalen Demo die Demo-Zugänge"
    assert hinweis not in client.get(ANMELDEN).content.decode()
    assert "Zwei-Faktor-Anmeldung" in client.get(ANMELDEN).content.decode()
    _anmelden(client, "projektteam")
    assert client.get("/uebersicht/").url.startswith(EINRICHTEN)

    settings.DEBUG = True  # the local demo of `make run`
    assert client.get("/uebersicht/").status_code == 200
    client.logout()
    assert hinweis in client.get(ANMELDEN).content.decode()


def test_zuruecksetzen_durch_administrator(protokoll):
    user = UserFactory(username="planerin", rolle=PROJEKTTEAM)
    planerin = Client()
    _einrichten(planerin, user)
    assert planerin.get("/uebersicht/").status_code == 200

    admin_user = UserFactory(username="chefin", is_superuser=True, is_staff=True)
    admin = Client()
    _einrichten(admin, admin_user)
    antwort = admin.post(
        "/admin/auth/user/",
        {"action": "zwei_faktor_zuruecksetzen", "_selected_action": [user.pk]},
        follow=True,
    )
    assert "ist zurückgesetzt" in antwort.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    assert TOTPDevice.objects.filter(user=admin_user, confirmed=True).exists()
    # The admin never shows an app's secret.
    eigenes = TOTPDevice.objects.get(user=admin_user)
    seite = admin.get(f"/admin/otp_totp/totpdevice/{eigenes.pk}/change/")
    assert seite.status_code == 200
    assert eigenes.key not in seite.content.decode()
    # The session verified with the removed app no longer counts: set up anew.
    assert planerin.get("/uebersicht/").url.startswith(EINRICHTEN)
    zeile = next(z for z in _zeilen(protokoll) if z["ereignis"] == "zwei_faktor_zurueckgesetzt")
    assert (zeile["benutzer_id"], zeile["durch_id"]) == (user.pk, admin_user.pk)


def test_neue_wiederherstellungscodes_ersetzen_die_alten(client):
    user = UserFactory(username="planerin", rolle=PROJEKTTEAM)
    alte = _einrichten(client, user)
    client.post(CODES)
    neue = re.findall(r"<li><code>(\w+)</code></li>", client.get(CODES).content.decode())
    assert len(neue) == 10
    assert set(StaticDevice.objects.get(user=user).token_set.values_list("token", flat=True)) == set(neue)
    assert not set(alte) & set(neue)


def test_anmeldesperren_greifen_weiter(client):
    """django-axes counts wrong passwords as before; the second factor comes only after the right one."""
    UserFactory(username="planerin", rolle=PROJEKTTEAM)
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        _anmelden(client, "planerin", "falsch")
    antwort = _anmelden(client, "planerin")
    assert antwort.status_code == 429
    assert client.get("/uebersicht/").url.startswith(ANMELDEN)


def test_fremdes_weiter_ziel_wird_nicht_befolgt(client):
    user = UserFactory(username="planerin", rolle=PROJEKTTEAM)
    _einrichten(Client(), user)
    _anmelden(client, "planerin")
    geraet = TOTPDevice.objects.get(user=user)
    antwort = client.post(BESTAETIGEN, {"code": totp_code(geraet, 1), "next": "https://boese.example/"})
    assert antwort.url == "/uebersicht/"
