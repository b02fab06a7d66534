"""Helpers shared by the steering group's views."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from dwk.permissions import Geschuetzt

LESEN = "lenkungsgruppe.view_lenkungsgruppe"


def letzte_aenderungen(objekt, anzahl=5):
    return objekt.history.select_related("history_user").order_by("-history_date")[:anzahl]


def privat_antwort(antwort):
    patch_cache_control(antwort, private=True, no_store=True)
    return antwort


class FormularMixin(Geschuetzt):
    """A create or edit page: validate the form, call one service, redirect with a message.

    Subclasses set ``permission_required``, ``titel`` and ``erfolgsmeldung`` and implement
    ``speichern(form)`` (returns the saved object).
    """

    template_name = "lenkungsgruppe/formular.html"
    titel = ""
    erfolgsmeldung = _("Gespeichert.")

    def get_titel(self):
        return self.titel

    def get_zurueck_url(self):
        return getattr(self.object, "get_absolute_url", lambda: reverse("lenkungsgruppe:ueberblick"))()

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
