"""Views of the decision register and the tasks."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, ListView, UpdateView, View
from django.views.generic.detail import SingleObjectMixin

from dwk.export import export_antwort
from dwk.http import nicht_speichern
from dwk.permissions import Geschuetzt
from dwk.views import FormularMixin

from .. import queries, services
from ..forms import AufgabeForm, BeschlussFilterForm, BeschlussForm
from ..models import Aufgabe, AufgabeStatus, Beschluss, BeschlussArt
from .basis import FORMULAR

# The formats of the register's export (``dwk.export``); any other is a page that does not exist.
EXPORT_FORMATE = ("csv", "xlsx")

# --- Decisions -----------------------------------------------------------------------------


class BeschlussFilterMixin:
    def gefilterte_beschluesse(self):
        self.filter_form = BeschlussFilterForm(self.request.GET or None)
        kriterien = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        return queries.beschluesse_gefiltert(**kriterien)


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
        if format not in EXPORT_FORMATE:
            raise Http404(_("Dieses Exportformat gibt es nicht."))
        zeilen = queries.beschluss_export_zeilen(self.gefilterte_beschluesse())
        return nicht_speichern(
            export_antwort(
                format=format,
                dateiname="beschluesse",
                kopf=queries.BESCHLUSS_EXPORT_KOPF,
                zeilen=zeilen,
                titel="Beschlüsse",
            )
        )


class BeschlussDetailView(Geschuetzt, DetailView):
    permission_required = "lenkungsgruppe.view_beschluss"
    template_name = "lenkungsgruppe/beschluss_detail.html"

    def get_queryset(self):
        return queries.beschluss_mit_bezuegen()

    def get_context_data(self, **kwargs):
        beschluss = self.object
        kontext = {"letzte_aenderungen": queries.letzte_aenderungen(beschluss)}
        if beschluss.art == BeschlussArt.REFERENZQUARTIERE:
            kontext["vergleich"] = queries.quartiervergleich(
                beschluss, sieht_fallzahlen=self.request.user.has_perm("quartiere.view_fallzahlen")
            )
        if beschluss.art == BeschlussArt.DATENERFASSUNG:
            kontext["datenerfassung"] = queries.vereinbarte_indikatoren()
        return super().get_context_data(**kontext, **kwargs)


class BeschlussFormMixin(Geschuetzt, FormularMixin):
    form_class = BeschlussForm
    template_name = FORMULAR
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
        return queries.aufgaben_liste(status=self.request.GET.get("status"))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            status_auswahl=AufgabeStatus.choices, status_aktiv=self.request.GET.get("status", ""), **kwargs
        )


class AufgabeFormMixin(Geschuetzt, FormularMixin):
    form_class = AufgabeForm
    template_name = FORMULAR

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:aufgabe_liste")

    def get_success_url_fuer(self, objekt):
        return reverse("lenkungsgruppe:aufgabe_liste")

    def speichern(self, form):
        return services.aufgabe_speichern(aufgabe=form.instance)


class AufgabeCreateView(AufgabeFormMixin, CreateView):
    permission_required = "lenkungsgruppe.add_aufgabe"
    titel = _("Aufgabe anlegen")
    erfolgsmeldung = _("Die Aufgabe „%(objekt)s“ wurde angelegt.")

    def get_initial(self):
        initial = super().get_initial()
        for feld in ("tagesordnungspunkt", "beschluss"):
            if self.request.GET.get(feld, "").isdigit():
                initial[feld] = self.request.GET[feld]
        return initial


class AufgabeUpdateView(AufgabeFormMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_aufgabe"
    model = Aufgabe
    titel = _("Aufgabe bearbeiten")
    erfolgsmeldung = _("Die Aufgabe „%(objekt)s“ wurde gespeichert.")


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
