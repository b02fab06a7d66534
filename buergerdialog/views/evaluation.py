"""The evaluation of an event: the paper questionnaire as PDF, its fast entry, the results."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DeleteView, ListView, TemplateView, UpdateView, View

from dwk.permissions import ist_projektteam
from dwk.views import FormularMixin

from ..diagramme import auswertung_diagramm
from ..dokumente import fragebogen_pdf
from ..forms_dokumentation import FragebogenBearbeitenForm, FragebogenForm
from ..models import Fragebogen
from ..queries.dokumente import auswertung
from ..services import dokumentation as dienste
from .basis import FORMULAR, VeranstaltungBezugMixin
from .dokumente import EintragBezugMixin, EintragLoeschenMixin, NichtSpeichernMixin
from .einladungen import pdf_antwort


class FragebogenPdfView(VeranstaltungBezugMixin, View):
    permission_required = "buergerdialog.view_veranstaltung"

    def get(self, request, pk):
        return pdf_antwort(fragebogen_pdf(veranstaltung=self.get_veranstaltung()), f"fragebogen-{pk}.pdf")


class AuswertungView(VeranstaltungBezugMixin, NichtSpeichernMixin, TemplateView):
    """Averages and distributions as a chart with its table twin; the texts listed."""

    permission_required = "buergerdialog.view_auswertung"
    template_name = "buergerdialog/auswertung.html"

    def get_context_data(self, **kwargs):
        veranstaltung = self.get_veranstaltung()
        daten = auswertung(veranstaltung=veranstaltung)
        return super().get_context_data(
            auswertung=daten,
            diagramm=auswertung_diagramm(daten),
            darf_erfassen=self.request.user.has_perm("buergerdialog.add_fragebogen", veranstaltung),
            **kwargs,
        )


class FragebogenCreateView(VeranstaltungBezugMixin, FormularMixin, CreateView):
    """One paper questionnaire after another: save, and the empty form is back with the focus in the
    first field (Tab between the fields, Enter in a digit field saves)."""

    permission_required = "buergerdialog.add_fragebogen"
    form_class = FragebogenForm
    template_name = "buergerdialog/fragebogen_erfassen.html"
    erfolgsmeldung = _("Fragebogen gespeichert. Der nächste, bitte.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            anzahl=Fragebogen.objects.filter(veranstaltung=self.get_veranstaltung()).count(), **kwargs
        )

    def speichern(self, form):
        form.instance.veranstaltung = self.get_veranstaltung()
        return dienste.fragebogen_erfassen(
            fragebogen=form.instance,
            erfasst_von=self.request.user,
            von_partner=not ist_projektteam(self.request.user),
        )

    def get_success_url_fuer(self, objekt):
        return reverse("buergerdialog:fragebogen_erfassen", kwargs={"pk": objekt.veranstaltung_id})


class FragebogenListView(VeranstaltungBezugMixin, NichtSpeichernMixin, ListView):
    """The typed-up questionnaires of an event, each with its values, to correct or delete one."""

    permission_required = "buergerdialog.add_fragebogen"
    template_name = "buergerdialog/fragebogen_list.html"
    context_object_name = "frageboegen"

    def get_queryset(self):
        return Fragebogen.objects.filter(veranstaltung=self.get_veranstaltung()).order_by("pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            items=[Fragebogen._meta.get_field(feld) for feld in Fragebogen.ITEMS],
            darf_alle=ist_projektteam(self.request.user),
            **kwargs,
        )


class FrageboegenZurueckMixin:
    zur_veranstaltung = "veranstaltung"

    def get_zurueck_url(self):
        return reverse("buergerdialog:fragebogen_liste", kwargs={"pk": self.get_veranstaltung().pk})


class FragebogenUpdateView(FrageboegenZurueckMixin, EintragBezugMixin, FormularMixin, UpdateView):
    """Correct one questionnaire: Projektteam any, the partner of the event those it typed up."""

    model = Fragebogen
    form_class = FragebogenBearbeitenForm
    template_name = FORMULAR
    erfolgsmeldung = _("Der Fragebogen ist gespeichert.")

    def get_titel(self):
        return _("%(fragebogen)s bearbeiten") % {"fragebogen": self.object}

    def speichern(self, form):
        return dienste.fragebogen_speichern(fragebogen=form.instance)


class FragebogenDeleteView(FrageboegenZurueckMixin, EintragLoeschenMixin, DeleteView):
    model = Fragebogen
    loeschmeldung = _("Der Fragebogen ist gelöscht.")

    def loeschen(self, objekt):
        dienste.fragebogen_loeschen(fragebogen=objekt)
