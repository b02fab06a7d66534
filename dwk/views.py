"""Pages and view helpers that belong to no single app: login, login locks, the 400 and 500 pages and the shared
create/edit mixin."""

import ipaddress
import logging
import secrets
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from dwk import zwei_faktor
from dwk.anmeldesperren import gesperrte_zugaenge, sperre_aufheben
from dwk.forms import VeralteterStandMixin
from dwk.http import nicht_speichern
from dwk.permissions import Geschuetzt


def fehlerhafte_anfrage(request, exception=None):
    """``handler400``: a short German page for requests refused as malformed (e.g. a NUL byte,
    see ``dwk.middleware``). Rendered without the request's context processors, so it cannot fail
    on whatever made the request bad."""
    return HttpResponseBadRequest(render_to_string("dwk/400.html"))


def serverfehler(request):
    """``handler500``: a plain German page with an incident number. The number goes into the log
    twice: in this view's line (logger ``dwk.fehler``, with the traceback) and, through
    ``request.dwk_vorfall`` and ``dwk.protokoll.VorfallFilter``, in Django's own line about the
    error. Rendered without context processors, so it cannot fail on what made the request fail."""
    vorfall = secrets.token_hex(4).upper()
    request.dwk_vorfall = vorfall
    logging.getLogger("dwk.fehler").error(
        "Serverfehler bei %s %s (Vorfall %s).",
        request.method,
        request.path,
        vorfall,
        exc_info=True,
        extra={"ereignis": "serverfehler", "vorfall": vorfall},
    )
    return nicht_speichern(HttpResponseServerError(render_to_string("500.html", {"vorfall": vorfall})))


@method_decorator(login_not_required, name="dispatch")
class AnmeldenView(auth_views.LoginView):
    template_name = "dwk/anmelden.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        # The local demo (DEBUG) says that its demo accounts need no second factor.
        return super().get_context_data(demo_ohne_zweiten_faktor=settings.DEBUG, **kwargs)


class AnmeldesperrenView(Geschuetzt, TemplateView):
    """Projektteam: the user names and addresses locked out after failed logins, each with a button
    that lifts the lock."""

    permission_required = "dwk.anmeldesperren_verwalten"
    template_name = "dwk/anmeldesperren.html"

    def get(self, request, *args, **kwargs):
        return nicht_speichern(super().get(request, *args, **kwargs))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sperren=gesperrte_zugaenge(),
            fehlversuche_grenze=settings.AXES_FAILURE_LIMIT,
            sperre_minuten=int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            **kwargs,
        )


class AnmeldesperreAufhebenView(Geschuetzt, View):
    """POST only: lift the lock on one user name (``benutzername``) or one address (``adresse``)."""

    permission_required = "dwk.anmeldesperren_verwalten"
    http_method_names = ["post"]

    def post(self, request):
        benutzername = request.POST.get("benutzername", "").strip()
        adresse = request.POST.get("adresse", "").strip()
        try:
            adresse = str(ipaddress.ip_address(adresse)) if adresse else ""
        except ValueError:
            messages.error(request, _("„%(adresse)s“ ist keine gültige Adresse.") % {"adresse": adresse})
            return redirect("anmeldesperren")
        wert = {"wert": benutzername or adresse}
        if sperre_aufheben(benutzername=benutzername, adresse=adresse):
            messages.success(request, _("Die Sperre für „%(wert)s“ ist aufgehoben.") % wert)
        else:
            messages.info(request, _("Für „%(wert)s“ bestand keine Sperre.") % wert)
        return redirect("anmeldesperren")


class FormularMixin:
    """A create or edit page: validate the form, call one service, redirect with a message.

    Subclasses set ``template_name``, ``titel`` and ``erfolgsmeldung`` (may name the saved
    object as ``%(objekt)s``) and implement ``speichern(form)``, which returns the saved
    object. Where to go afterwards: ``get_success_url_fuer(objekt)``; the cancel link:
    ``get_zurueck_url()``.
    """

    titel = ""
    erfolgsmeldung = _("Gespeichert.")

    def get_titel(self):
        return self.titel

    def get_zurueck_url(self):
        return getattr(self.object, "get_absolute_url", lambda: reverse("uebersicht"))()

    def get_context_data(self, **kwargs):
        return super().get_context_data(titel=self.get_titel(), zurueck_url=self.get_zurueck_url(), **kwargs)

    def form_valid(self, form):
        """Saves in one transaction; an edit form with a stale-edit guard first locks its row and
        checks the state again (``VeralteterStandMixin.veralteten_stand_abweisen``), so of two
        simultaneous saves from the same state exactly one wins."""
        try:
            with transaction.atomic():
                if isinstance(form, VeralteterStandMixin):
                    form.veralteten_stand_abweisen(sperren=True)
                objekt = self.speichern(form)
        except ValidationError as fehler:
            form.add_error(None, fehler)
            return self.form_invalid(form)
        messages.success(self.request, self.get_erfolgsmeldung(objekt))
        return redirect(self.get_success_url_fuer(objekt))

    def get_erfolgsmeldung(self, objekt):
        return self.erfolgsmeldung % {"objekt": objekt}

    def get_success_url_fuer(self, objekt):
        return objekt.get_absolute_url()


class CodeFormular(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        error_messages={"required": _("Bitte geben Sie den Code ein.")},
    )


CODES_IN_DER_SITZUNG = "dwk_wiederherstellungscodes"


def _weiter_zu(request):
    """The page asked for before the second factor (only one of this site), else the overview."""
    weiter = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(weiter, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return weiter
    return reverse(settings.LOGIN_REDIRECT_URL)


class ZweiFaktorEinrichtenView(View):
    """Set up the authenticator app: QR code and secret, confirmed with a first code; then the
    recovery codes are shown once. Every logged-in user may set one up; Projektteam and
    administrators must (``dwk.middleware.ZweiFaktorMiddleware`` sends them here)."""

    template_name = "dwk/zwei_faktor_einrichten.html"

    def dispatch(self, request, *args, **kwargs):
        if zwei_faktor.hat_zweiten_faktor(request.user):
            messages.info(request, _("Die Zwei-Faktor-Anmeldung ist für Ihr Konto bereits eingerichtet."))
            return redirect(_weiter_zu(request))
        return super().dispatch(request, *args, **kwargs)

    def _seite(self, request, form, status=200):
        geraet = zwei_faktor.neues_geraet(user=request.user)
        kontext = {
            "form": form,
            "qr_code": zwei_faktor.qr_code(geraet),
            "geheimnis": zwei_faktor.geheimnis_zum_abtippen(geraet),
            "next": _weiter_zu(request),
            "pflicht": zwei_faktor.braucht_zweiten_faktor(request.user),
        }
        return nicht_speichern(render(request, self.template_name, kontext, status=status))

    def get(self, request):
        return self._seite(request, CodeFormular())

    def post(self, request):
        form = CodeFormular(request.POST)
        if form.is_valid():
            geraet = zwei_faktor.neues_geraet(user=request.user)
            codes = zwei_faktor.einrichtung_bestaetigen(request=request, geraet=geraet, code=form.cleaned_data["code"])
            if codes is not None:
                request.session[CODES_IN_DER_SITZUNG] = codes
                messages.success(request, _("Die Zwei-Faktor-Anmeldung ist eingerichtet."))
                return redirect(f"{reverse('zwei_faktor_codes')}?{urlencode({'next': _weiter_zu(request)})}")
            form.add_error(
                "code",
                _(
                    "Der Code stimmt nicht. Bitte geben Sie den Code ein, den die App gerade anzeigt "
                    "(er wechselt alle 30 Sekunden), und prüfen Sie, ob die Uhr Ihres Telefons richtig geht."
                ),
            )
        return self._seite(request, form)


class ZweiFaktorBestaetigenView(View):
    """After the password: a code from the authenticator app or a recovery code."""

    template_name = "dwk/zwei_faktor_bestaetigen.html"

    def dispatch(self, request, *args, **kwargs):
        if not zwei_faktor.hat_zweiten_faktor(request.user):
            return redirect(f"{reverse('zwei_faktor_einrichten')}?{urlencode({'next': _weiter_zu(request)})}")
        if request.user.is_verified():
            return redirect(_weiter_zu(request))
        return super().dispatch(request, *args, **kwargs)

    def _seite(self, request, form):
        return nicht_speichern(render(request, self.template_name, {"form": form, "next": _weiter_zu(request)}))

    def get(self, request):
        return self._seite(request, CodeFormular())

    def post(self, request):
        form = CodeFormular(request.POST)
        if form.is_valid():
            if zwei_faktor.alle_gesperrt(request.user):
                form.add_error(
                    "code",
                    _(
                        "Nach falschen Codes ist die Eingabe kurz gesperrt. Bitte warten Sie einen Moment "
                        "und versuchen Sie es dann erneut."
                    ),
                )
            elif zwei_faktor.code_pruefen(request=request, code=form.cleaned_data["code"]):
                return redirect(_weiter_zu(request))
            else:
                form.add_error(
                    "code",
                    _(
                        "Der Code stimmt nicht. Geben Sie den Code ein, den Ihre Authenticator-App gerade "
                        "anzeigt, oder einen Ihrer Wiederherstellungscodes."
                    ),
                )
        return self._seite(request, form)


class WiederherstellungscodesView(View):
    """The recovery codes, shown once right after they were made; a POST makes new ones (the old
    ones stop working)."""

    template_name = "dwk/zwei_faktor_codes.html"

    def get(self, request):
        codes = request.session.pop(CODES_IN_DER_SITZUNG, None)
        kontext = {
            "codes": codes,
            "next": _weiter_zu(request),
            "eingerichtet": zwei_faktor.hat_zweiten_faktor(request.user),
        }
        return nicht_speichern(render(request, self.template_name, kontext))

    def post(self, request):
        if not zwei_faktor.hat_zweiten_faktor(request.user):
            return redirect("zwei_faktor_einrichten")
        request.session[CODES_IN_DER_SITZUNG] = zwei_faktor.wiederherstellungscodes_erzeugen(user=request.user)
        messages.success(request, _("Neue Wiederherstellungscodes sind erzeugt; die bisherigen gelten nicht mehr."))
        return redirect("zwei_faktor_codes")


@login_not_required
def gesundheit(request):
    """For the container's health check and a load balancer: 200 „ok“ when the database answers,
    503 otherwise. Says nothing else, needs no login, is never cached."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return nicht_speichern(HttpResponse("Datenbank nicht erreichbar\n", status=503, content_type="text/plain"))
    return nicht_speichern(HttpResponse("ok\n", content_type="text/plain"))
