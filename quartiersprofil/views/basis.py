"""What the quarter profile's pages share: loading the quarter or walk-through a page belongs to
(the permission object), the create/edit mixin, form helpers."""

from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
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


@contextmanager
def formularfehler(form):
    """Around a service call in ``speichern()``: a ValidationError naming fields the form does not
    have is passed on as an error of the whole form (``FormularMixin`` puts it on the form)."""
    try:
        yield
    except ValidationError as fehler:
        if hasattr(fehler, "error_dict") and any(feld not in form.fields for feld in fehler.error_dict):
            neu = {}
            for feld, liste in fehler.error_dict.items():
                neu.setdefault(feld if feld in form.fields else NON_FIELD_ERRORS, []).extend(liste)
            raise ValidationError(neu) from fehler
        raise


def fehler_an_form(form, fehler):
    """Put a service's ValidationError on ``form``: on its fields where it has them, else on the whole form."""
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
