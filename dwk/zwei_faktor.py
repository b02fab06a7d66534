"""Two-factor login (TOTP through django-otp): who needs it, setting it up, checking a code, recovery
codes, the reset by an administrator.

- Projektteam, superusers and staff (administrators) need a second factor when
  ``DWK_2FA_PFLICHT`` is on (always in production; ``tests/conftest.py`` turns it off for the tests
  that are not about it). So does everyone who set one up of their own accord.
- Exempt are the demo accounts of ``make run`` (``demo.konten``: e-mail at the demo domain), and
  only while DEBUG is on, which the local demo alone has.
- After the password the user sets up an authenticator app (QR code drawn here with segno, no
  outside service) and confirms it with a code; ten recovery codes (django-otp's static device)
  are shown once. Each later login asks for a code from the app or one recovery code.
- django-otp slows down guessing: after each wrong code a device refuses further codes for a
  doubling number of seconds (``OTP_TOTP_THROTTLE_FACTOR``, ``OTP_STATIC_THROTTLE_FACTOR``); a
  TOTP code is accepted once only.
- Log lines (logger ``dwk.anmeldung``) name the user by id and never a code or the secret.
"""

import base64
import logging

import segno
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.http import HttpRequest
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from dwk.permissions import ist_projektteam

logger = logging.getLogger("dwk.anmeldung")

ANZAHL_WIEDERHERSTELLUNGSCODES = 10
APP_NAME = "Authenticator-App"
CODES_NAME = "Wiederherstellungscodes"
# The e-mail domain that marks the demo accounts of ``make run`` (``demo.konten``); others with the
# same user name are left alone.
DEMO_EMAIL_DOMAIN = "demo.dwk.invalid"


def ist_demo_ausnahme(user: AbstractBaseUser) -> bool:
    """A demo account of ``make run`` while DEBUG is on (never on a server)."""
    return bool(settings.DEBUG and (user.email or "").lower().endswith("@" + DEMO_EMAIL_DOMAIN))


def braucht_zweiten_faktor(user: AbstractBaseUser) -> bool:
    """Whether ``user`` must confirm each login with a second factor."""
    if not settings.DWK_2FA_PFLICHT or not user.is_authenticated or ist_demo_ausnahme(user):
        return False
    return user.is_staff or ist_projektteam(user) or user_has_device(user, confirmed=True)


def hat_zweiten_faktor(user: AbstractBaseUser) -> bool:
    """Whether ``user`` has a confirmed authenticator app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def neues_geraet(*, user: AbstractBaseUser) -> TOTPDevice:
    """The unconfirmed authenticator app of ``user`` being set up (created with a new secret if
    there is none yet); it counts only after ``einrichtung_bestaetigen``."""
    geraet = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if geraet is None:
        geraet = TOTPDevice(user=user, name=APP_NAME, confirmed=False)
        geraet.full_clean()
        geraet.save()
    return geraet


def qr_code(geraet: TOTPDevice) -> str:
    """The ``otpauth://`` link of ``geraet`` as a QR code: an SVG ``data:`` URI, drawn locally."""
    return segno.make(geraet.config_url, error="m").svg_data_uri(scale=5, border=4)


def geheimnis_zum_abtippen(geraet: TOTPDevice) -> str:
    """The secret in Base32 in groups of four, for apps that cannot read the QR code."""
    text = base64.b32encode(geraet.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def code_bereinigen(code: str) -> str:
    """A code as typed, without spaces and hyphens (apps show ``123 456``)."""
    return "".join(code.split()).replace("-", "").lower()


@transaction.atomic
def wiederherstellungscodes_erzeugen(*, user: AbstractBaseUser) -> list[str]:
    """New recovery codes for ``user``; every earlier one stops working. Returns the codes, which are
    shown once and not kept readable anywhere else than in django-otp's table."""
    geraet, _neu = StaticDevice.objects.get_or_create(user=user, name=CODES_NAME, defaults={"confirmed": True})
    geraet.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(ANZAHL_WIEDERHERSTELLUNGSCODES)]
    StaticToken.objects.bulk_create([StaticToken(device=geraet, token=code) for code in codes])
    logger.info(
        "Neue Wiederherstellungscodes erzeugt.",
        extra={"ereignis": "zwei_faktor_codes_erzeugt", "benutzer_id": user.pk},
    )
    return codes


@transaction.atomic
def einrichtung_bestaetigen(*, request: HttpRequest, geraet: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app being set up with a code from it. Right: the device counts from now on (other
    apps of the user are removed), this session is verified, and the new recovery codes are
    returned. Wrong: ``None``, nothing changes but django-otp's failure count."""
    if not geraet.verify_token(code_bereinigen(code)):
        logger.warning(
            "Zwei-Faktor-Einrichtung: falscher Code.",
            extra={"ereignis": "zwei_faktor_fehler", "benutzer_id": geraet.user_id, "schritt": "einrichtung"},
        )
        return None
    TOTPDevice.objects.filter(user=geraet.user).exclude(pk=geraet.pk).delete()
    geraet.confirmed = True
    geraet.save(update_fields=["confirmed"])
    otp_login(request, geraet)
    logger.info(
        "Zwei-Faktor-Anmeldung eingerichtet.",
        extra={"ereignis": "zwei_faktor_eingerichtet", "benutzer_id": geraet.user_id},
    )
    return wiederherstellungscodes_erzeugen(user=geraet.user)


def alle_gesperrt(user: AbstractBaseUser) -> bool:
    """Whether every device of ``user`` refuses codes for now (too many wrong ones just before)."""
    geraete = list(devices_for_user(user, confirmed=True))
    return bool(geraete) and not any(geraet.verify_is_allowed()[0] for geraet in geraete)


def code_pruefen(*, request: HttpRequest, code: str) -> bool:
    """Check a code at login: first against the authenticator app, then the recovery codes (a
    recovery code is used up). Right: the session is verified. Logs success or failure."""
    user = request.user
    bereinigt = code_bereinigen(code)
    for geraet in devices_for_user(user, confirmed=True):
        if geraet.verify_token(bereinigt):
            otp_login(request, geraet)
            extra = {"ereignis": "zwei_faktor_erfolg", "benutzer_id": user.pk, "art": "app"}
            if isinstance(geraet, StaticDevice):
                extra.update(art="wiederherstellungscode", codes_uebrig=geraet.token_set.count())
            logger.info("Zweiter Faktor bestätigt.", extra=extra)
            return True
    logger.warning(
        "Zweiter Faktor: falscher Code.",
        extra={"ereignis": "zwei_faktor_fehler", "benutzer_id": user.pk, "schritt": "anmeldung"},
    )
    return False


@transaction.atomic
def zuruecksetzen(*, user: AbstractBaseUser, durch: AbstractBaseUser) -> int:
    """Remove every second factor of ``user`` (app and recovery codes), e.g. after a lost phone.
    The user sets it up anew at the next request (a session verified with the removed app no longer
    counts). Returns the number of devices removed."""
    anzahl = 0
    for modell in (TOTPDevice, StaticDevice):
        geraete = modell.objects.filter(user=user)
        anzahl += geraete.count()
        geraete.delete()  # a static device takes its codes with it
    logger.warning(
        "Zwei-Faktor-Anmeldung zurückgesetzt.",
        extra={"ereignis": "zwei_faktor_zurueckgesetzt", "benutzer_id": user.pk, "durch_id": durch.pk},
    )
    return anzahl
