"""Views of the steering group: overview, „Meine Lenkungsgruppe“, members."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, ListView, TemplateView, UpdateView

from dwk.permissions import Geschuetzt

from .. import services
from ..forms import (
    MitgliedForm,
)
from ..models import (
    Aufgabe,
    Beschluss,
    Fachplanung,
    Meilenstein,
    Mitglied,
    Sitzung,
)
from ..rules import mitglied_von
from .basis import LESEN, FormularMixin

# --- Overview and „Meine Lenkungsgruppe“ -----------------------------------------------------


class UebersichtView(Geschuetzt, TemplateView):
    """The group's start page: next meeting, latest decisions, open tasks and the project timeline."""

    permission_required = LESEN
    template_name = "lenkungsgruppe/uebersicht.html"

    def get_context_data(self, **kwargs):
        heute = timezone.localdate()
        return super().get_context_data(
            naechste_sitzung=Sitzung.objects.kommende().first(),
            letzte_beschluesse=Beschluss.objects.select_related("sitzung")[:5],
            meilensteine=Meilenstein.objects.select_related("beschluss"),
            anzahl_mitglieder=Mitglied.objects.aktiv().count(),
            anzahl_offen=Aufgabe.objects.offen().count(),
            anzahl_ueberfaellig=Aufgabe.objects.ueberfaellig(heute).count(),
            heute=heute,
            **kwargs,
        )


class MeineView(Geschuetzt, TemplateView):
    permission_required = "lenkungsgruppe.view_meine"
    template_name = "lenkungsgruppe/meine.html"

    def get_context_data(self, **kwargs):
        mitglied = mitglied_von(self.request.user)
        kontext = {"mitglied": mitglied}
        if mitglied is not None:
            kontext.update(
                naechste_sitzung=Sitzung.objects.kommende().filter(teilnahmen__mitglied=mitglied).first()
                or Sitzung.objects.kommende().first(),
                aufgaben=Aufgabe.objects.von_mitglied(mitglied)
                .offen()
                .select_related("verantwortlich_mitglied", "verantwortlich_organisation", "beschluss")
                .order_by("faellig_am"),
                zu_bewerten=Fachplanung.objects.wartet_auf_bewertung_von(mitglied).order_by("titel"),
            )
        return super().get_context_data(**kontext, **kwargs)


# --- Members -------------------------------------------------------------------------------


class MitgliedListView(Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_mitglied"
    template_name = "lenkungsgruppe/mitglied_list.html"
    context_object_name = "mitglieder"

    def get_queryset(self):
        return Mitglied.objects.select_related("organisation", "stellvertretung").order_by(
            "organisation__art", "organisation__name", "nachname"
        )

    def get_context_data(self, **kwargs):
        alle = list(self.object_list)
        return super().get_context_data(
            aktive=[m for m in alle if m.ist_aktiv], ausgeschiedene=[m for m in alle if not m.ist_aktiv], **kwargs
        )


class MitgliedCreateView(FormularMixin, CreateView):
    permission_required = "lenkungsgruppe.add_mitglied"
    form_class = MitgliedForm
    titel = _("Mitglied aufnehmen")
    erfolgsmeldung = _("%(objekt)s wurde als Mitglied aufgenommen.")

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:mitglied_liste")

    def speichern(self, form):
        return services.mitglied_speichern(mitglied=form.instance)


class MitgliedUpdateView(FormularMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_mitglied"
    form_class = MitgliedForm
    model = Mitglied
    erfolgsmeldung = _("Die Angaben zu %(objekt)s wurden gespeichert.")

    def get_titel(self):
        return _("%(name)s bearbeiten") % {"name": self.object}

    def speichern(self, form):
        return services.mitglied_speichern(mitglied=form.instance)
