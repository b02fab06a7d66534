"""The feedback mechanism of the accessibility statement (BITV 2.0 § 7): a message about a barrier
goes by e-mail to Projektteam and is stored nowhere (no table, no log line with its content).

Abuse is limited in the database, so every process and every server counts against the same
limits (a counter row per clock hour, raised with ``UPDATE … SET zahl = zahl + 1`` under the row
lock; a per-process cache or the database cache's non-atomic ``incr`` would let parallel
workers through):

* per sender at most ``GRENZE_JE_ABSENDER`` (``settings.DWK_RUECKMELDUNGEN_JE_ABSENDER``) messages
  per hour, so one sender cannot use up the site's limit for everyone else;
* for the whole site at most ``GRENZE_JE_STUNDE`` (``settings.DWK_RUECKMELDUNGEN_JE_STUNDE``) per
  hour, against a flood from many addresses.

The sender is counted by a 16-bit keyed hash of the hour and the address (an IPv6 address by its
/64 network): about 65,000 IPv4 addresses share each value, so the stored number does not point
to one address even for someone who holds the key, and values of different hours cannot be linked.
Rows of past hours are deleted by the next message and by ``manage.py rueckmeldungen_aufraeumen``
(hourly).
"""

import datetime
import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from dwk.zeit import jetzt
from quartiere.models import Kommune

from ..models import Auftritt, Rueckmeldungszaehler

GRENZE_JE_STUNDE = 20  # whole site, unless settings.DWK_RUECKMELDUNGEN_JE_STUNDE says otherwise
GRENZE_JE_ABSENDER = 5  # per sender, unless settings.DWK_RUECKMELDUNGEN_JE_ABSENDER says otherwise
ALLE = 0  # the ``absender`` of the site-wide counter
TEXT_HOECHSTENS = 5000


class RueckmeldungAbgelehnt(Exception):
    """Too many messages this hour; the sender is told to try later or to call."""


def _stunde() -> datetime.datetime:
    return jetzt().replace(minute=0, second=0, microsecond=0)


def absender_pruefwert(*, stunde: datetime.datetime, adresse: str | None) -> int:
    """1 … 65,536: a keyed hash (HMAC with ``SECRET_KEY``) of ``stunde`` and the sender's address
    (an IPv6 address by its /64 network, where one connection's addresses come from). Without an
    address 1: all such senders share one count."""
    try:
        ip = ipaddress.ip_address((adresse or "").strip())
    except ValueError:
        return 1
    netz = str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)
    pruefsumme = hmac.new(settings.SECRET_KEY.encode(), f"{stunde.isoformat()}|{netz}".encode(), hashlib.sha256)
    return int.from_bytes(pruefsumme.digest()[:2], "big") + 1


@transaction.atomic
def _zaehlen(*, stunde: datetime.datetime, absender: int) -> int:
    """Count one message in the row (``stunde``, ``absender``) and return the new count. The UPDATE
    holds the row lock until commit, so parallel requests of any process are counted one after the
    other, none lost."""
    Rueckmeldungszaehler.objects.get_or_create(stunde=stunde, absender=absender)
    zeilen = Rueckmeldungszaehler.objects.filter(stunde=stunde, absender=absender)
    zeilen.update(zahl=F("zahl") + 1)
    return zeilen.values_list("zahl", flat=True).get()


def rueckmeldungszaehler_aufraeumen() -> int:
    """Delete the counters of past hours; returns how many."""
    anzahl, _arten = Rueckmeldungszaehler.objects.filter(stunde__lt=_stunde()).delete()
    return anzahl


def rueckmeldung_zaehlen(*, adresse: str | None) -> None:
    """Count a message from ``adresse`` against the limits (see the module's docstring); raises
    RueckmeldungAbgelehnt beyond one of them. Deletes the counters of past hours. A sender beyond
    its own limit is refused before the site-wide count, so it does not use that up."""
    rueckmeldungszaehler_aufraeumen()
    stunde = _stunde()
    je_absender = getattr(settings, "DWK_RUECKMELDUNGEN_JE_ABSENDER", GRENZE_JE_ABSENDER)
    if _zaehlen(stunde=stunde, absender=absender_pruefwert(stunde=stunde, adresse=adresse)) > je_absender:
        raise RueckmeldungAbgelehnt
    if _zaehlen(stunde=stunde, absender=ALLE) > getattr(settings, "DWK_RUECKMELDUNGEN_JE_STUNDE", GRENZE_JE_STUNDE):
        raise RueckmeldungAbgelehnt


def rueckmeldung_senden(*, text: str, email: str = "", seite: str = "", adresse: str | None = None) -> None:
    """Send the message ``text`` about a barrier (on page ``seite``, reply to ``email`` if given) to
    the city's feedback address (``Auftritt.feedback_email``, else ``DEFAULT_FROM_EMAIL``).

    Raises ValidationError for an empty or too long text or a malformed address, and
    RueckmeldungAbgelehnt beyond an hourly limit (``rueckmeldung_zaehlen`` with the sender's
    ``adresse``). Stores nothing of the message; raises two counters in the database.
    """
    text = text.strip()
    email = email.strip()
    fehler = {}
    if not text:
        fehler["text"] = _("Bitte schreiben Sie, welche Barriere Sie gefunden haben.")
    elif len(text) > TEXT_HOECHSTENS:
        fehler["text"] = _("Die Nachricht ist zu lang (höchstens %(zahl)s Zeichen).") % {"zahl": TEXT_HOECHSTENS}
    if email:
        try:
            validate_email(email)
        except ValidationError:
            fehler["email"] = _("Die E-Mail-Adresse ist nicht gültig. Sie können das Feld auch leer lassen.")
    if fehler:
        raise ValidationError(fehler)
    rueckmeldung_zaehlen(adresse=adresse)
    kommune = Kommune.objects.first()
    auftritt = Auftritt.objects.filter(kommune=kommune).first() if kommune else None
    empfaenger = (auftritt and auftritt.feedback_email) or settings.DEFAULT_FROM_EMAIL
    inhalt = _("Rückmeldung zur Barrierefreiheit der öffentlichen Projektseiten.\n\nSeite: %(seite)s\n\n%(text)s") % {
        "seite": seite[:300] or _("(nicht angegeben)"),
        "text": text,
    }
    EmailMessage(
        subject=_("Rückmeldung zur Barrierefreiheit"),
        body=inhalt,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[empfaenger],
        reply_to=[email] if email else None,
    ).send()
