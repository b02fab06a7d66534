"""Login and sessions (issue 13): Argon2 hashes (older ones still log in and are rehashed),
password rules for passwords chosen through forms, idle and absolute session time-outs with a
message on the login page, and deactivation or a removed role taking effect on the next request."""

import datetime
import time

import pytest
from django.conf import settings
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.utils import timezone

from dwk import settings as dwk_settings
from dwk.middleware import AKTIV_UM, ANGEMELDET_UM
from dwk.permissions import PROJEKTTEAM
from tests.factories import TESTPASSWORT, UserFactory

pytestmark = pytest.mark.django_db

ANMELDEN = "/konto/anmelden/"
SEITE = "/uebersicht/"
ABGELAUFEN = "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an."


@pytest.fixture
def echte_hasher(settings):
    """The production hashers (the test suite uses MD5 for speed)."""
    settings.PASSWORD_HASHERS = dwk_settings.PASSWORD_HASHERS


def test_argon2_zuerst_und_fuer_neue_passwoerter(echte_hasher):
    assert dwk_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    user = UserFactory(username="neu")
    user.set_password(TESTPASSWORT)
    assert user.password.startswith("argon2$")


def test_alter_pbkdf2_hash_meldet_an_und_wird_zu_argon2(client, echte_hasher):
    user = UserFactory(username="altbestand")
    user.password = make_password(TESTPASSWORT, hasher="pbkdf2_sha256")
    user.save()
    antwort = client.post(ANMELDEN, {"username": "altbestand", "password": TESTPASSWORT})
    assert antwort.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$")
    assert user.check_password(TESTPASSWORT)


def _fehler(user, passwort):
    form = SetPasswordForm(user, {"new_password1": passwort, "new_password2": passwort})
    assert not form.is_valid()
    return " ".join(form.errors["new_password2"])


def test_passwortregeln_in_formularen_deutsch(db):
    user = UserFactory(username="planerin-mueller", first_name="Erika", last_name="Mustermann")
    assert "mindestens 12 Zeichen" in _fehler(user, "Xq7#vLp2!zr")  # 11 characters
    assert "zu üblich" in _fehler(user, "qwerty123456789")
    assert "komplett numerisch" in _fehler(user, "736492018374615")
    assert "zu ähnlich" in _fehler(user, "planerin-mueller1")
    gut = SetPasswordForm(user, {"new_password1": "Fahrrad-Kanal-1987", "new_password2": "Fahrrad-Kanal-1987"})
    assert gut.is_valid()


def test_demo_passwort_genuegt_den_regeln(db):
    from django.contrib.auth.password_validation import validate_password

    from demo.konten import DEMO_PASSWORT

    validate_password(DEMO_PASSWORT, UserFactory(username="projektteam-demo"))  # raises if not


def test_standardwerte_der_zeitgrenzen():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.DWK_SITZUNG_HOECHSTDAUER_STUNDEN == 10


def test_anfrage_verlaengert_die_sitzung_hoechstens_einmal_je_minute(client):
    client.force_login(UserFactory())
    bald = timezone.now() + datetime.timedelta(minutes=1)
    Session.objects.update(expire_date=bald)
    assert client.get(SEITE).status_code == 200
    assert Session.objects.get().expire_date == bald  # renewed at the login, less than a minute ago
    sitzung = client.session
    sitzung[AKTIV_UM] = time.time() - 61
    sitzung.save()
    Session.objects.update(expire_date=bald)
    assert client.get(SEITE).status_code == 200
    assert Session.objects.get().expire_date > timezone.now() + datetime.timedelta(minutes=29)


def test_nach_leerlauf_anmeldeseite_mit_meldung(client):
    client.force_login(UserFactory())
    assert client.get(SEITE).status_code == 200
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    antwort = client.get(SEITE)
    assert antwort.status_code == 302
    assert antwort["Location"].startswith(ANMELDEN)
    seite = client.get(antwort["Location"])
    assert ABGELAUFEN in seite.content.decode()
    # said once: the next visit of a public page is quiet
    assert ABGELAUFEN not in client.get("/").content.decode()


def _anmeldezeit_setzen(client, vor_sekunden):
    sitzung = client.session
    sitzung[ANGEMELDET_UM] = time.time() - vor_sekunden
    sitzung.save()


def test_nach_hoechstdauer_abgemeldet_trotz_aktivitaet(client):
    client.force_login(UserFactory())
    _anmeldezeit_setzen(client, 10 * 3600 - 60)
    assert client.get(SEITE).status_code == 200
    _anmeldezeit_setzen(client, 10 * 3600 + 1)
    antwort = client.get(SEITE)
    assert antwort.status_code == 302
    assert antwort["Location"].startswith(ANMELDEN)
    assert "_auth_user_id" not in client.session
    assert ABGELAUFEN in client.get(antwort["Location"]).content.decode()


def test_neue_anmeldung_beginnt_die_hoechstdauer_neu(client):
    UserFactory(username="planerin")
    client.post(ANMELDEN, {"username": "planerin", "password": TESTPASSWORT})
    assert time.time() - client.session[ANGEMELDET_UM] < 60


def test_abmelden_ist_kein_ablauf(client):
    client.force_login(UserFactory())
    client.get(SEITE)
    client.post("/konto/abmelden/")
    antwort = client.get(ANMELDEN)
    assert ABGELAUFEN not in antwort.content.decode()


def test_deaktivierung_wirkt_bei_der_naechsten_anfrage(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get(SEITE).status_code == 200
    user.is_active = False
    user.save()
    antwort = client.get(SEITE)
    assert antwort.status_code == 302
    assert antwort["Location"].startswith(ANMELDEN)


def test_entzogene_rolle_wirkt_bei_der_naechsten_anfrage(client):
    user = UserFactory(rolle=PROJEKTTEAM)
    client.force_login(user)
    assert client.get("/konto/anmeldesperren/").status_code == 200
    user.groups.remove(Group.objects.get(name=PROJEKTTEAM))
    assert client.get("/konto/anmeldesperren/").status_code == 403
