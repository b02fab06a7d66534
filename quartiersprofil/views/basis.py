"""What the quarter profile's pages share: loading the quarter or walk-through a page belongs to
(the permission object), the create/edit mixin, form helpers."""

from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from dwk import views as dwk_views
from dwk.permissions import Geschuetzt
from quartiere.models import Quartier

from ..models import Quartiersbegehung

FORMULAR = "quartiersprofil/profil_formular.html"


class QuartierBezugMixin(Geschuetzt):
    """A page below ``quartiere/<slug>/``: the quarter is the object the permission is checked on."""

    def get_quartier(self):
        if not hasattr(self, "_quartier"):
            self._quartier = get_object_or_404(
                Quartier.objects.select_related("stadtbezirk__kommune"), slug=self.kwargs["slug"]
            )
        return self._quartier

    def get_permission_object(self):
        return self.get_quartier()

    def get_context_data(self, **kwargs):
        return super().get_context_data(quartier=self.get_quartier(), **kwargs)


class BegehungBezugMixin(Geschuetzt):
    """A page below one walk-through (its ``pk`` in the URL); the walk-through is the permission object."""

    def get_begehung(self):
        if not hasattr(self, "_begehung"):
            self._begehung = get_object_or_404(
                Quartiersbegehung.objects.select_related("quartier"), pk=self.kwargs["pk"]
            )
        return self._begehung

    def get_permission_object(self):
        return self.get_begehung()


class EinmalGeladenMixin:
    """The object is read once for the permission check and the page."""

    def get_object(self, queryset=None):
        if not hasattr(self, "_objekt"):
            self._objekt = super().get_object(queryset)
        return self._objekt


def fehler_an_form(form, fehler):
    if hasattr(fehler, "error_dict"):
        for feld, liste in fehler.error_dict.items():
            form.add_error(feld if feld in form.fields else None, liste)
    else:
        form.add_error(None, fehler)


class FormularMixin(dwk_views.FormularMixin):
    """The profile's create and edit pages (see ``dwk.views.FormularMixin``)."""

    template_name = FORMULAR


def zurueck_url(request, standard):
    """The ``weiter`` target of a form if it is a local address, else ``standard``."""
    weiter = request.POST.get("weiter") or request.GET.get("weiter")
    if weiter and url_has_allowed_host_and_scheme(weiter, allowed_hosts={request.get_host()}):
        return weiter
    return standard
