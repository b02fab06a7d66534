"""Views of the steering group: overview, „Meine Lenkungsgruppe“, members."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, ListView, TemplateView, UpdateView

from dwk.permissions import Geschuetzt
from dwk.views import FormularMixin

from .. import queries, services
from ..forms import MitgliedForm
from ..models import Mitglied
from ..rules import mitglied_von
from .basis import FORMULAR, LESEN

# --- Overview and „Meine Lenkungsgruppe“ -----------------------------------------------------


class UebersichtView(Geschuetzt, TemplateView):
    """The group's start page: next meeting, latest decisions, open tasks and the project timeline."""

    permission_required = LESEN
    template_name = "lenkungsgruppe/uebersicht.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**queries.uebersicht(), **kwargs)


class MeineView(Geschuetzt, TemplateView):
    permission_required = "lenkungsgruppe.view_meine"
    template_name = "lenkungsgruppe/meine.html"

    def get_context_data(self, **kwargs):
        mitglied = mitglied_von(self.request.user)
        kontext = {"mitglied": mitglied}
        if mitglied is not None:
            kontext.update(queries.meine_lenkungsgruppe(mitglied))
        return super().get_context_data(**kontext, **kwargs)


# --- Members -------------------------------------------------------------------------------


class MitgliedListView(Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_mitglied"
    template_name = "lenkungsgruppe/mitglied_list.html"
    context_object_name = "mitglieder"

    def get_queryset(self):
        return queries.mitglieder_liste()

    def get_context_data(self, **kwargs):
        alle = list(self.object_list)
        return super().get_context_data(
            aktive=[m for m in alle if m.ist_aktiv], ausgeschiedene=[m for m in alle if not m.ist_aktiv], **kwargs
        )


class MitgliedFormMixin(Geschuetzt, FormularMixin):
    form_class = MitgliedForm
    template_name = FORMULAR

    def speichern(self, form):
        return services.mitglied_speichern(mitglied=form.instance)


class MitgliedCreateView(MitgliedFormMixin, CreateView):
    permission_required = "lenkungsgruppe.add_mitglied"
    titel = _("Mitglied aufnehmen")
    erfolgsmeldung = _("%(objekt)s wurde als Mitglied aufgenommen.")

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:mitglied_liste")


class MitgliedUpdateView(MitgliedFormMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_mitglied"
    model = Mitglied
    erfolgsmeldung = _("Die Angaben zu %(objekt)s wurden gespeichert.")

    def get_titel(self):
        return _("%(name)s bearbeiten") % {"name": self.object}
