"""The feedback mechanism of the accessibility statement (BITV 2.0 § 7): a message about a barrier
goes by e-mail to Projektteam and is stored nowhere (no table, no log line with its content).

Abuse is limited without knowing who sends: at most ``GRENZE_JE_STUNDE`` (or
``settings.DWK_RUECKMELDUNGEN_JE_STUNDE``) messages per clock hour for the whole site (a counter
in the cache, not per address, so no address is kept either).
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from dwk.zeit import jetzt
from quartiere.models import Kommune

from ..models import Auftritt

GRENZE_JE_STUNDE = 20  # unless settings.DWK_RUECKMELDUNGEN_JE_STUNDE says otherwise
TEXT_HOECHSTENS = 5000


class RueckmeldungAbgelehnt(Exception):
    """Too many messages this hour; the sender is told to try later or to call."""


def _zaehler_schluessel() -> str:
    return f"oeffentlich:rueckmeldungen:{jetzt():%Y%m%d%H}"


def rueckmeldung_senden(*, text: str, email: str = "", seite: str = "") -> None:
    """Send the message ``text`` about a barrier (on page ``seite``, reply to ``email`` if given) to
    the city's feedback address (``Auftritt.feedback_email``, else ``DEFAULT_FROM_EMAIL``).

    Raises ValidationError for an empty or too long text or a malformed address, and
    RueckmeldungAbgelehnt beyond the hourly limit. Stores nothing; counts the message in the cache.
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
    schluessel = _zaehler_schluessel()
    cache.add(schluessel, 0, timeout=3600)
    if cache.incr(schluessel) > getattr(settings, "DWK_RUECKMELDUNGEN_JE_STUNDE", GRENZE_JE_STUNDE):
        raise RueckmeldungAbgelehnt
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
