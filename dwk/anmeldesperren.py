"""Login throttling (django-axes): who is locked out, until when, the lockout page, unlocking.

Failed logins at ``/konto/anmelden/`` and ``/admin/login/`` are counted per user name and per
address (``AXES_LOCKOUT_PARAMETERS``); after ``DWK_ANMELDUNG_FEHLVERSUCHE`` failures within
``DWK_ANMELDUNG_SPERRE_MINUTEN`` minutes that name or address is locked out for as long. The lock
applies to any name typed, whether an account of that name exists or not, and the page says the
same in both cases. django-axes logs every failed attempt (logger ``axes``); every refused attempt
during a lockout is logged here (logger ``dwk.anmeldung``). Projektteam lifts a lock on the page
``anmeldesperren``.
"""

import datetime
import ipaddress
import logging
import math
from dataclasses import dataclass

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from dwk.http import nicht_speichern

logger = logging.getLogger("dwk.anmeldung")


@dataclass(frozen=True)
class Sperre:
    """A locked user name or address: failed attempts in the cool-off window, locked until when."""

    art: str  # "benutzername" or "adresse"
    wert: str
    fehlversuche: int
    bis: datetime.datetime


def client_adresse(request: HttpRequest) -> str | None:
    """The address a login attempt came from (``AXES_CLIENT_IP_CALLABLE``).

    Behind ``DWK_PROXY_ANZAHL`` trusted reverse proxies it is the entry that the outermost of them
    added to ``X-Forwarded-For``; entries further left are the client's own claims and not trusted.
    Without proxies, or when the header is missing or malformed, the connection's ``REMOTE_ADDR``.
    """
    anzahl = settings.DWK_PROXY_ANZAHL
    if anzahl:
        kette = [teil.strip() for teil in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if teil.strip()]
        if len(kette) >= anzahl:
            try:
                return str(ipaddress.ip_address(kette[-anzahl]))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR")


def _abkuehlzeit() -> datetime.timedelta:
    return settings.AXES_COOLOFF_TIME


def gesperrte_zugaenge() -> list[Sperre]:
    """Every user name and address locked out now, the longest-locked first of each kind."""
    jetzt = timezone.now()
    frische = AccessAttempt.objects.filter(attempt_time__gte=jetzt - _abkuehlzeit())
    sperren = []
    for art, feld in (("benutzername", "username"), ("adresse", "ip_address")):
        gruppen = (
            frische.exclude(**{f"{feld}__isnull": True})
            .values(feld)
            .annotate(fehlversuche=Sum("failures_since_start"), letzter=Max("attempt_time"))
            .filter(fehlversuche__gte=settings.AXES_FAILURE_LIMIT)
            .order_by("letzter", feld)
        )
        sperren += [Sperre(art, g[feld], g["fehlversuche"], g["letzter"] + _abkuehlzeit()) for g in gruppen]
    return sperren


def sperre_endet(*, benutzername: str | None, adresse: str | None) -> datetime.datetime:
    """When the lock on ``benutzername`` or ``adresse`` (whichever lasts longer) ends."""
    enden = [
        sperre.bis
        for sperre in gesperrte_zugaenge()
        if (sperre.art, sperre.wert) in {("benutzername", benutzername), ("adresse", adresse)}
    ]
    return max(enden, default=timezone.now() + _abkuehlzeit())


def sperre_aufheben(*, benutzername: str = "", adresse: str = "") -> int:
    """Lifts the lock on a user name or an address: deletes its failed attempts (django-axes'
    ``reset``) and logs who was unlocked. Returns the number of attempt records deleted."""
    if not benutzername and not adresse:
        return 0
    anzahl = reset(username=benutzername or None, ip=adresse or None)
    logger.warning(
        "Anmeldesperre aufgehoben: Benutzername %r, Adresse %r",
        benutzername,
        adresse,
        extra={"ereignis": "anmeldesperre_aufgehoben"},
    )
    return anzahl


def gesperrt_antwort(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """The answer to a login attempt during a lockout (``AXES_LOCKOUT_CALLABLE``): 429 with a German
    page that says from when to try again; the same whether the user name exists or not."""
    benutzername = (credentials or {}).get("username") or request.POST.get("username")
    adresse = getattr(request, "axes_ip_address", None) or client_adresse(request)
    bis = sperre_endet(benutzername=benutzername, adresse=adresse)
    logger.warning(
        "Anmeldung gesperrt: Benutzername %r, Adresse %s, Pfad %s, gesperrt bis %s",
        benutzername,
        adresse,
        request.path,
        bis.isoformat(),
        extra={"ereignis": "anmeldung_gesperrt"},
    )
    ab = timezone.localtime(bis + datetime.timedelta(seconds=59)).replace(second=0, microsecond=0)
    minuten = max(1, math.ceil((bis - timezone.now()).total_seconds() / 60))
    inhalt = render_to_string(
        "dwk/anmeldung_gesperrt.html",
        {"ab": ab, "minuten": minuten, "anmelden_url": request.path},
        request=request,
    )
    return nicht_speichern(HttpResponse(inhalt, status=429))
