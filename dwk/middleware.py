"""Middleware of the project: requests that no view can answer sensibly are refused at the door."""

import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import BadRequest
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("dwk.anmeldung")

NUL = "\x00"


def _hat_nul(daten):
    return any(NUL in schluessel or any(NUL in wert for wert in werte) for schluessel, werte in daten.lists())


class NulZeichenMiddleware:
    """Answers 400 ("Ungültige Anfrage") when the path, the query string or the form data contain a NUL byte.

    PostgreSQL cannot store or compare text with NUL (psycopg raises ``DataError``), and no person
    types one, so no view has anything to do with it. Refusing it here, once, covers every filter,
    form and URL of every app, including those added later, where a check in each form field would
    miss the hand-read ``request.GET.get(...)`` lookups. Uploaded file contents are not inspected;
    their names are.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            NUL in request.path
            or _hat_nul(request.GET)
            or (request.method == "POST" and (_hat_nul(request.POST) or _datei_mit_nul(request)))
        ):
            raise BadRequest(_("Die Anfrage enthält ein Nullzeichen und wird nicht bearbeitet."))
        return self.get_response(request)


def _datei_mit_nul(request):
    return any(NUL in (datei.name or "") for _feld, dateien in request.FILES.lists() for datei in dateien)


ANGEMELDET_UM = "dwk_angemeldet_um"
AKTIV_UM = "dwk_aktiv_um"
# A request renews the session (one write) only if the last renewal is this old: not every request
# pays for a write, and a session ends between one minute before and at the idle limit.
ERNEUERN_NACH_SEKUNDEN = 60
# A cookie without content that says "this browser had a session": when it comes back without
# one (the session cookie expired after the idle time), the login page says why.
HATTE_SITZUNG = "dwk_sitzung"


class SitzungsdauerMiddleware:
    """Session time-outs, after ``AuthenticationMiddleware``.

    The idle limit (``DWK_SITZUNG_LEERLAUF_MINUTEN``) is the session's age (``SESSION_COOKIE_AGE``),
    renewed here by a request at most once a minute (the time kept in the session); the absolute limit
    (``DWK_SITZUNG_HOECHSTDAUER_STUNDEN``) is checked here against the login time kept in the
    session. A session that ended either way leads to the login page with a message saying so.
    A deactivated user or a removed role needs nothing here: both are read anew on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            jetzt = time.time()
            angemeldet_um = request.session.setdefault(ANGEMELDET_UM, jetzt)
            if jetzt - request.session.get(AKTIV_UM, 0) >= ERNEUERN_NACH_SEKUNDEN:
                request.session[AKTIV_UM] = jetzt  # saved with a new expiry date and cookie
            if jetzt - angemeldet_um > settings.DWK_SITZUNG_HOECHSTDAUER_STUNDEN * 3600:
                logger.info(
                    "Sitzung nach der Höchstdauer beendet.",
                    extra={"ereignis": "sitzung_hoechstdauer", "benutzer_id": request.user.pk},
                )
                logout(request)
                return self._abgelaufen(request)
        elif HATTE_SITZUNG in request.COOKIES and request.path != reverse(settings.LOGIN_URL):
            return self._abgelaufen(request)
        antwort = self.get_response(request)
        if request.user.is_authenticated and HATTE_SITZUNG not in request.COOKIES:
            antwort.set_cookie(
                HATTE_SITZUNG,
                "1",
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite=settings.SESSION_COOKIE_SAMESITE,
            )
        elif not request.user.is_authenticated and HATTE_SITZUNG in request.COOKIES:
            antwort.delete_cookie(HATTE_SITZUNG, samesite=settings.SESSION_COOKIE_SAMESITE)
        return antwort

    def _abgelaufen(self, request):
        messages.warning(
            request, _("Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an."), fail_silently=True
        )
        antwort = redirect_to_login(request.get_full_path())
        antwort.delete_cookie(HATTE_SITZUNG, samesite=settings.SESSION_COOKIE_SAMESITE)
        return antwort


@receiver(user_logged_in, dispatch_uid="dwk.middleware.angemeldet_um")
def _anmeldezeit_merken(sender, request, user, **kwargs):
    """Every login starts the absolute limit anew."""
    if request is not None and hasattr(request, "session"):
        request.session[ANGEMELDET_UM] = request.session[AKTIV_UM] = time.time()


# Pages an account that still needs its second factor may open: those without a login anyway
# (login, start page, stylesheets), logging out, and the pages of the second factor themselves.
ZWEI_FAKTOR_FREI = {"logout", "zwei_faktor_einrichten", "zwei_faktor_bestaetigen"}


class ZweiFaktorMiddleware:
    """Two-factor login (``dwk.zwei_faktor``), after django-otp's ``OTPMiddleware``: a logged-in user
    who needs a second factor and whose session is not yet verified with one reaches no page behind
    the login, the admin included; every such request leads to setting up the authenticator app (no
    app yet) or to entering a code, and from there back to the page asked for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from dwk.zwei_faktor import braucht_zweiten_faktor, hat_zweiten_faktor

        if not getattr(view_func, "login_required", True) or request.resolver_match.view_name in ZWEI_FAKTOR_FREI:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified() or not braucht_zweiten_faktor(user):
            return None
        ziel = "zwei_faktor_bestaetigen" if hat_zweiten_faktor(user) else "zwei_faktor_einrichten"
        return redirect_to_login(request.get_full_path(), reverse(ziel))
