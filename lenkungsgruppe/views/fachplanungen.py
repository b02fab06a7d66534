"""Views of the sectoral plans and their ratings, the urban-development projects and the milestones."""

from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, ListView, UpdateView, View
from django.views.generic.detail import SingleObjectMixin

from dwk.http import nicht_speichern
from dwk.permissions import Geschuetzt
from dwk.views import FormularMixin

from .. import queries, services
from ..forms import BewertungForm, FachplanungForm, MeilensteinForm, ProjektForm
from ..models import Fachplanung, Meilenstein, Stadtentwicklungsprojekt
from ..rules import mitglied_von
from .basis import FORMULAR

# --- Sectoral plans ------------------------------------------------------------------------


class FachplanungListView(Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_fachplanung"
    template_name = "lenkungsgruppe/fachplanung_list.html"
    context_object_name = "fachplanungen"

    def get_queryset(self):
        return queries.fachplanungen_liste()


class FachplanungDetailView(Geschuetzt, DetailView):
    permission_required = "lenkungsgruppe.view_fachplanung"
    template_name = "lenkungsgruppe/fachplanung_detail.html"

    def get_queryset(self):
        return queries.fachplanung_mit_bezuegen()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **queries.fachplanung_bewertungen(self.object),
            letzte_aenderungen=queries.letzte_aenderungen(self.object),
            **kwargs,
        )


class FachplanungFormMixin(Geschuetzt, FormularMixin):
    form_class = FachplanungForm
    template_name = FORMULAR
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


class FachplanungBewertenView(Geschuetzt, FormularMixin, SingleObjectMixin, FormView):
    """A member rates a plan's relevance per Handlungsfeld; only their own ratings. A save on an
    outdated state of their ratings (another tab, another device) is refused."""

    permission_required = "lenkungsgruppe.rate_fachplanung"
    model = Fachplanung
    template_name = "lenkungsgruppe/bewertung_form.html"

    def has_permission(self):
        # Superusers pass every rule; a rating still needs a member behind the account.
        return super().has_permission() and mitglied_von(self.request.user) is not None

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    @property
    def erfolgsmeldung(self):
        # Names the plan by its title; FormularMixin fills in ``%(objekt)s`` afterwards, hence ``%%``.
        titel = self.object.titel.replace("%", "%%")
        return _("Ihre Bewertung von „%(titel)s“ wurde gespeichert.") % {"titel": titel}

    def get_form(self, form_class=None):
        mitglied = mitglied_von(self.request.user)
        return BewertungForm(
            **self.get_form_kwargs(),
            handlungsfelder=self.object.handlungsfelder.all(),
            vorhandene=queries.eigene_bewertungen(self.object, mitglied),
            stand=queries.bewertungs_stand(self.object, mitglied),
        )

    def speichern(self, form):
        services.fachplanung_bewerten(
            fachplanung=self.object,
            mitglied=mitglied_von(self.request.user),
            bewertungen=form.bewertungen(),
            stand=form.cleaned_data["bearbeitungsstand"],
        )
        return self.object


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
        return nicht_speichern(antwort)


# --- Urban-development projects and milestones ---------------------------------------------


class ProjektListView(Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_stadtentwicklungsprojekt"
    template_name = "lenkungsgruppe/projekt_list.html"
    context_object_name = "projekte"

    def get_queryset(self):
        return queries.projekte_liste()


class ProjektDetailView(Geschuetzt, DetailView):
    permission_required = "lenkungsgruppe.view_stadtentwicklungsprojekt"
    template_name = "lenkungsgruppe/projekt_detail.html"
    model = Stadtentwicklungsprojekt

    def get_context_data(self, **kwargs):
        return super().get_context_data(**queries.projekt_bezuege(self.object), **kwargs)


class ProjektFormMixin(Geschuetzt, FormularMixin):
    form_class = ProjektForm
    template_name = FORMULAR
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


class MeilensteinFormMixin(Geschuetzt, FormularMixin):
    form_class = MeilensteinForm
    template_name = FORMULAR
    erfolgsmeldung = _("Der Meilenstein „%(objekt)s“ wurde gespeichert.")

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:uebersicht") + "#zeitleiste"

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
