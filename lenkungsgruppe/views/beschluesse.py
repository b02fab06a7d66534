"""Views of the decision register and the tasks."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, ListView, UpdateView, View
from django.views.generic.detail import SingleObjectMixin

from dwk.export import export_antwort
from dwk.permissions import Geschuetzt
from quartiere.models import Indikator, Quartier

from .. import services
from ..forms import (
    AufgabeForm,
    BeschlussFilterForm,
    BeschlussForm,
)
from ..models import (
    Aufgabe,
    AufgabeStatus,
    Beschluss,
    BeschlussArt,
)
from ..queries import einwohner_je_quartier
from .basis import FormularMixin, letzte_aenderungen, privat_antwort

# --- Decisions -----------------------------------------------------------------------------


class BeschlussFilterMixin:
    def gefilterte_beschluesse(self):
        self.filter_form = BeschlussFilterForm(self.request.GET or None)
        kriterien = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        return (
            Beschluss.objects.gefiltert(**kriterien)
            .select_related("sitzung", "tagesordnungspunkt")
            .prefetch_related("handlungsfelder", "quartiere", "fachplanungen")
            .order_by("-sitzung__beginn", "-nummer")
        )


class BeschlussListView(BeschlussFilterMixin, Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_beschluss"
    template_name = "lenkungsgruppe/beschluss_list.html"
    context_object_name = "beschluesse"

    def get_queryset(self):
        return self.gefilterte_beschluesse()

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, abfrage=self.request.GET.urlencode(), **kwargs)


class BeschlussExportView(BeschlussFilterMixin, Geschuetzt, View):
    permission_required = "lenkungsgruppe.export_beschluss"

    def get(self, request, format):
        kopf = [
            "Nr.",
            "Datum",
            "Sitzung",
            "TOP",
            "Art",
            "Titel",
            "Beschlusstext",
            "Abstimmung",
            "Ja",
            "Nein",
            "Enthaltungen",
            "Handlungsfelder",
            "Quartiere",
            "Fachplanungen",
        ]
        zeilen = [
            [
                b.nummer,
                timezone.localtime(b.sitzung.beginn).date(),
                b.sitzung.nummer,
                b.tagesordnungspunkt.nummer if b.tagesordnungspunkt else None,
                b.get_art_display(),
                b.titel,
                b.text,
                str(b.abstimmung),
                b.ja,
                b.nein,
                b.enthaltungen,
                ", ".join(h.name for h in b.handlungsfelder.all()),
                ", ".join(q.name for q in b.quartiere.all()),
                ", ".join(f.titel for f in b.fachplanungen.all()),
            ]
            for b in self.gefilterte_beschluesse()
        ]
        return privat_antwort(
            export_antwort(format=format, dateiname="beschluesse", kopf=kopf, zeilen=zeilen, titel="Beschlüsse")
        )


class BeschlussDetailView(Geschuetzt, DetailView):
    permission_required = "lenkungsgruppe.view_beschluss"
    template_name = "lenkungsgruppe/beschluss_detail.html"

    def get_queryset(self):
        return Beschluss.objects.select_related("sitzung", "tagesordnungspunkt").prefetch_related(
            "handlungsfelder", "fachplanungen", "quartiere", "aufgaben"
        )

    def get_context_data(self, **kwargs):
        beschluss = self.object
        kontext = {"letzte_aenderungen": letzte_aenderungen(beschluss)}
        if beschluss.art == BeschlussArt.REFERENZQUARTIERE:
            kontext["vergleich"] = self.quartiervergleich(beschluss)
        if beschluss.art == BeschlussArt.DATENERFASSUNG:
            kontext["datenerfassung"] = Indikator.objects.filter(ist_vereinbart=True).select_related("handlungsfeld")
        return super().get_context_data(**kontext, **kwargs)

    @staticmethod
    def quartiervergleich(beschluss):
        """All candidate quarters side by side: epoch, Stadtbezirk, area, residents, chosen or not."""
        quartiere = list(Quartier.objects.select_related("stadtbezirk").mit_flaeche().order_by("name"))
        einwohner = einwohner_je_quartier(quartiere, bis_jahr=timezone.localtime(beschluss.sitzung.beginn).year)
        gewaehlt = {q.pk for q in beschluss.quartiere.all()}
        return [
            {
                "quartier": q,
                "flaeche_km2": q.flaeche.sq_km,
                "einwohner": einwohner.get(q.pk, (None, None))[1],
                "einwohner_jahr": einwohner.get(q.pk, (None, None))[0],
                "ausgewaehlt": q.pk in gewaehlt,
            }
            for q in quartiere
        ]


class BeschlussFormMixin(FormularMixin):
    form_class = BeschlussForm
    erfolgsmeldung = _("Beschluss %(objekt)s wurde gespeichert.")

    def speichern(self, form):
        daten = form.cleaned_data
        return services.beschluss_fassen(
            beschluss=form.instance,
            quartiere=daten["quartiere"],
            handlungsfelder=daten["handlungsfelder"],
            fachplanungen=daten["fachplanungen"],
        )


class BeschlussCreateView(BeschlussFormMixin, CreateView):
    permission_required = "lenkungsgruppe.add_beschluss"
    titel = _("Beschluss erfassen")

    def get_initial(self):
        initial = super().get_initial()
        for feld in ("sitzung", "tagesordnungspunkt"):
            if self.request.GET.get(feld, "").isdigit():
                initial[feld] = self.request.GET[feld]
        return initial

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:beschluss_liste")


class BeschlussUpdateView(BeschlussFormMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_beschluss"
    model = Beschluss

    def get_titel(self):
        return _("Beschluss Nr. %(nummer)s bearbeiten") % {"nummer": self.object.nummer}


# --- Tasks ---------------------------------------------------------------------------------


class AufgabeListView(Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_aufgabe"
    template_name = "lenkungsgruppe/aufgabe_list.html"
    context_object_name = "aufgaben"

    def get_queryset(self):
        qs = Aufgabe.objects.select_related(
            "verantwortlich_mitglied", "verantwortlich_organisation", "beschluss", "tagesordnungspunkt__sitzung"
        )
        if self.request.GET.get("status") in AufgabeStatus.values:
            qs = qs.filter(status=self.request.GET["status"])
        return qs.order_by("status", "faellig_am", "titel")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            status_auswahl=AufgabeStatus.choices, status_aktiv=self.request.GET.get("status", ""), **kwargs
        )


class AufgabeCreateView(FormularMixin, CreateView):
    permission_required = "lenkungsgruppe.add_aufgabe"
    form_class = AufgabeForm
    titel = _("Aufgabe anlegen")
    erfolgsmeldung = _("Die Aufgabe „%(objekt)s“ wurde angelegt.")

    def get_initial(self):
        initial = super().get_initial()
        for feld in ("tagesordnungspunkt", "beschluss"):
            if self.request.GET.get(feld, "").isdigit():
                initial[feld] = self.request.GET[feld]
        return initial

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:aufgabe_liste")

    def get_success_url_fuer(self, objekt):
        return reverse("lenkungsgruppe:aufgabe_liste")

    def speichern(self, form):
        return services.aufgabe_speichern(aufgabe=form.instance)


class AufgabeUpdateView(AufgabeCreateView, UpdateView):
    permission_required = "lenkungsgruppe.change_aufgabe"
    model = Aufgabe
    erfolgsmeldung = _("Die Aufgabe „%(objekt)s“ wurde gespeichert.")

    def get_titel(self):
        return _("Aufgabe bearbeiten")


class AufgabeStatusView(Geschuetzt, SingleObjectMixin, View):
    """POST only: a member sets the status of their own task (e.g. marks it done)."""

    permission_required = "lenkungsgruppe.change_aufgabe_status"
    model = Aufgabe
    http_method_names = ["post"]

    def post(self, request, pk):
        aufgabe = self.get_object()
        try:
            services.aufgabe_status_setzen(aufgabe=aufgabe, status=request.POST.get("status", ""))
        except ValidationError as fehler:
            messages.error(request, " ".join(fehler.messages))
        else:
            messages.success(
                request,
                _("Die Aufgabe „%(titel)s“ ist jetzt „%(status)s“.")
                % {"titel": aufgabe.titel, "status": aufgabe.get_status_display()},
            )
        weiter = request.POST.get("weiter", "")
        if not url_has_allowed_host_and_scheme(weiter, allowed_hosts={request.get_host()}):
            weiter = reverse("lenkungsgruppe:aufgabe_liste")
        return redirect(weiter)
