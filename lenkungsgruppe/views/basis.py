"""Helpers shared by the steering group's views."""

from django.urls import reverse
from django.utils.cache import patch_cache_control

from dwk import views as dwk_views
from dwk.permissions import Geschuetzt

LESEN = "lenkungsgruppe.view_lenkungsgruppe"


def letzte_aenderungen(objekt, anzahl=5):
    return objekt.history.select_related("history_user").order_by("-history_date")[:anzahl]


def privat_antwort(antwort):
    patch_cache_control(antwort, private=True, no_store=True)
    return antwort


class FormularMixin(dwk_views.FormularMixin, Geschuetzt):
    """The steering group's create and edit pages (see ``dwk.views.FormularMixin``)."""

    template_name = "lenkungsgruppe/formular.html"

    def get_zurueck_url(self):
        return getattr(self.object, "get_absolute_url", lambda: reverse("lenkungsgruppe:ueberblick"))()
