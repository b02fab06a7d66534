"""Pages that belong to no single app: the public start page, the overview, login."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from dwk.permissions import ist_lenkungsgruppe, ist_partner, ist_projektteam, ist_ratsbuero
from quartiere.models import Handlungsfeld, Quartier, farbe_validator


@method_decorator(login_not_required, name="dispatch")
class StartView(TemplateView):
    """Public page for residents: the project, the fields of action, the reference quarters."""

    template_name = "dwk/start.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            handlungsfelder=Handlungsfeld.objects.all(),
            referenzquartiere=Quartier.objects.referenzquartiere().select_related("stadtbezirk"),
            **kwargs,
        )


@method_decorator(login_not_required, name="dispatch")
class AnmeldenView(auth_views.LoginView):
    template_name = "dwk/anmelden.html"
    redirect_authenticated_user = True


class UebersichtView(TemplateView):
    """The logged-in start page; what it offers depends on the role."""

    template_name = "dwk/uebersicht.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        quartiere = Quartier.objects.sichtbar_fuer(user).select_related("stadtbezirk").mit_flaeche()
        return super().get_context_data(
            quartiere=quartiere,
            handlungsfelder=Handlungsfeld.objects.all(),
            ist_projektteam=ist_projektteam(user),
            ist_lenkungsgruppe=ist_lenkungsgruppe(user),
            ist_ratsbuero=ist_ratsbuero(user),
            ist_partner=ist_partner(user),
            **kwargs,
        )


@method_decorator(login_not_required, name="dispatch")
class HandlungsfeldFarbenView(View):
    """The colours of the fields of action as a stylesheet, so templates need no inline styles."""

    def get(self, request):
        regeln = [
            f'.hf-marke[data-farbe="{feld.slug}"] {{ background-color: {feld.farbe}; }}'
            for feld in Handlungsfeld.objects.all()
            if farbe_validator.regex.match(feld.farbe)
        ]
        antwort = HttpResponse("\n".join(regeln) + "\n", content_type="text/css; charset=utf-8")
        antwort["Cache-Control"] = "public, max-age=300"
        return antwort


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
        try:
            objekt = self.speichern(form)
        except ValidationError as fehler:
            form.add_error(None, fehler)
            return self.form_invalid(form)
        messages.success(self.request, self.erfolgsmeldung % {"objekt": objekt})
        return redirect(self.get_success_url_fuer(objekt))

    def get_success_url_fuer(self, objekt):
        return objekt.get_absolute_url()
