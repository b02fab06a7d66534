"""Views of the sectoral plans and their ratings, the urban-development projects and the milestones."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, ListView, UpdateView, View
from django.views.generic.detail import SingleObjectMixin

from dwk.permissions import Geschuetzt
from quartiere.models import Quartier

from .. import services
from ..forms import (
    BewertungForm,
    FachplanungForm,
    MeilensteinForm,
    ProjektForm,
)
from ..models import (
    Fachplanung,
    Meilenstein,
    Stadtentwicklungsprojekt,
)
from ..queries import bewertungs_verteilung
from ..rules import mitglied_von
from .basis import FormularMixin, letzte_aenderungen, privat_antwort

# --- Sectoral plans ------------------------------------------------------------------------


class FachplanungListView(Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_fachplanung"
    template_name = "lenkungsgruppe/fachplanung_list.html"
    context_object_name = "fachplanungen"

    def get_queryset(self):
        return (
            Fachplanung.objects.mit_bewertungszahl().prefetch_related("handlungsfelder", "quartiere").order_by("titel")
        )


class FachplanungDetailView(Geschuetzt, DetailView):
    permission_required = "lenkungsgruppe.view_fachplanung"
    template_name = "lenkungsgruppe/fachplanung_detail.html"

    def get_queryset(self):
        return Fachplanung.objects.prefetch_related("handlungsfelder", "quartiere", "beschluesse__sitzung")

    def get_context_data(self, **kwargs):
        plan = self.object
        bewertungen = list(
            plan.bewertungen.select_related("mitglied__organisation", "handlungsfeld").order_by(
                "handlungsfeld__reihenfolge", "mitglied__nachname"
            )
        )
        return super().get_context_data(
            verteilung=bewertungs_verteilung(bewertungen, plan.handlungsfelder.all()),
            bewertungen=bewertungen,
            tagesordnungspunkte=plan.tagesordnungspunkte.select_related("sitzung"),
            letzte_aenderungen=letzte_aenderungen(plan),
            **kwargs,
        )


class FachplanungFormMixin(FormularMixin):
    form_class = FachplanungForm
    erfolgsmeldung = _("Die Fachplanung „%(objekt)s“ wurde gespeichert.")

    def speichern(self, form):
        daten = form.cleaned_data
        return services.fachplanung_speichern(
            fachplanung=form.instance, handlungsfelder=daten["handlungsfelder"], quartiere=daten["quartiere"]
        )


class FachplanungCreateView(FachplanungFormMixin, CreateView):
    permission_required = "lenkungsgruppe.add_fachplanung"
    titel = _("Fachplanung einbringen")

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:fachplanung_liste")


class FachplanungUpdateView(FachplanungFormMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_fachplanung"
    model = Fachplanung

    def get_titel(self):
        return _("„%(titel)s“ bearbeiten") % {"titel": self.object.titel}


class FachplanungBewertenView(Geschuetzt, SingleObjectMixin, FormView):
    """A member rates a plan's relevance per Handlungsfeld; only their own ratings."""

    permission_required = "lenkungsgruppe.rate_fachplanung"
    model = Fachplanung
    template_name = "lenkungsgruppe/bewertung_form.html"

    def has_permission(self):
        # Superusers pass every rule; a rating still needs a member behind the account.
        return super().has_permission() and mitglied_von(self.request.user) is not None

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        mitglied = mitglied_von(self.request.user)
        vorhandene = {b.handlungsfeld_id: b for b in self.object.bewertungen.filter(mitglied=mitglied)}
        return BewertungForm(
            **self.get_form_kwargs(), handlungsfelder=self.object.handlungsfelder.all(), vorhandene=vorhandene
        )

    def form_valid(self, form):
        try:
            services.fachplanung_bewerten(
                fachplanung=self.object, mitglied=mitglied_von(self.request.user), bewertungen=form.bewertungen()
            )
        except ValidationError as fehler:
            form.add_error(None, fehler)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Ihre Bewertung von „%(titel)s“ wurde gespeichert.") % {"titel": self.object.titel}
        )
        return redirect(self.object)


class FachplanungDateiView(Geschuetzt, SingleObjectMixin, View):
    """The uploaded PDF, for those who may read the plan (media files are not served publicly)."""

    permission_required = "lenkungsgruppe.view_fachplanung"
    model = Fachplanung

    def get(self, request, pk):
        plan = self.get_object()
        if not plan.datei:
            raise Http404(_("Zu dieser Fachplanung ist keine Datei hinterlegt."))
        antwort = FileResponse(plan.datei.open("rb"), content_type="application/pdf", as_attachment=True)
        antwort["Content-Disposition"] = f'attachment; filename="fachplanung-{plan.pk}.pdf"'
        return privat_antwort(antwort)


# --- Urban-development projects and milestones ---------------------------------------------


class ProjektListView(Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_stadtentwicklungsprojekt"
    template_name = "lenkungsgruppe/projekt_list.html"
    context_object_name = "projekte"

    def get_queryset(self):
        return Stadtentwicklungsprojekt.objects.prefetch_related(
            Prefetch("quartiere", queryset=Quartier.objects.order_by("name"))
        )


class ProjektDetailView(Geschuetzt, DetailView):
    permission_required = "lenkungsgruppe.view_stadtentwicklungsprojekt"
    template_name = "lenkungsgruppe/projekt_detail.html"
    model = Stadtentwicklungsprojekt

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            quartiere=self.object.quartiere.select_related("stadtbezirk").order_by("name"),
            tagesordnungspunkte=self.object.tagesordnungspunkte.select_related("sitzung"),
            **kwargs,
        )


class ProjektFormMixin(FormularMixin):
    form_class = ProjektForm
    erfolgsmeldung = _("Das Projekt „%(objekt)s“ wurde gespeichert.")

    def speichern(self, form):
        return services.projekt_speichern(projekt=form.instance, quartiere=form.cleaned_data["quartiere"])


class ProjektCreateView(ProjektFormMixin, CreateView):
    permission_required = "lenkungsgruppe.add_stadtentwicklungsprojekt"
    titel = _("Stadtentwicklungsprojekt anlegen")

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:projekt_liste")


class ProjektUpdateView(ProjektFormMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_stadtentwicklungsprojekt"
    model = Stadtentwicklungsprojekt

    def get_titel(self):
        return _("„%(name)s“ bearbeiten") % {"name": self.object.name}


class MeilensteinFormMixin(FormularMixin):
    form_class = MeilensteinForm
    erfolgsmeldung = _("Der Meilenstein „%(objekt)s“ wurde gespeichert.")

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:ueberblick") + "#zeitleiste"

    def get_success_url_fuer(self, objekt):
        return self.get_zurueck_url()

    def speichern(self, form):
        return services.meilenstein_speichern(meilenstein=form.instance)


class MeilensteinCreateView(MeilensteinFormMixin, CreateView):
    permission_required = "lenkungsgruppe.add_meilenstein"
    titel = _("Meilenstein anlegen")


class MeilensteinUpdateView(MeilensteinFormMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_meilenstein"
    model = Meilenstein

    def get_titel(self):
        return _("Meilenstein „%(titel)s“ bearbeiten") % {"titel": self.object.titel}
