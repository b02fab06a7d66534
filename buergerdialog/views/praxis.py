"""The way into practice: a result becomes a measure or joins one, is passed to another programme,
comes back to the steering group as an agenda item; the path of a measure."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, UpdateView

from dwk.permissions import Geschuetzt
from dwk.views import FormularMixin
from quartiersprofil.models import Massnahme

from ..forms_bewertung import ErgebnisPraxisForm, SitzungWahlForm, WeitergabeForm
from ..models import Ergebnis, Weitergabe
from ..queries.bewertung import massnahme_weg
from ..services import praxis as dienste
from .basis import FORMULAR, VeranstaltungBezugMixin


class ErgebnisBezugMixin(Geschuetzt):
    """A page below one result (``pk`` in the URL); the result is the permission object."""

    def get_ergebnis(self):
        if not hasattr(self, "_ergebnis"):
            self._ergebnis = get_object_or_404(
                Ergebnis.objects.select_related("veranstaltung"), pk=self.kwargs["ergebnis_pk"]
            )
        return self._ergebnis

    def get_permission_object(self):
        return self.get_ergebnis()

    def get_zurueck_url(self):
        return self.get_ergebnis().veranstaltung.get_absolute_url()


class ErgebnisPraxisView(ErgebnisBezugMixin, FormularMixin, FormView):
    """A result becomes a new measure of the quarter profile or joins an existing one."""

    permission_required = "buergerdialog.change_praxis"
    template_name = FORMULAR
    erfolgsmeldung = _("Das Ergebnis gehört jetzt zur Maßnahme „%(objekt)s“.")

    def get_form(self, form_class=None):
        return ErgebnisPraxisForm(**self.get_form_kwargs(), ergebnis=self.get_ergebnis())

    def get_titel(self):
        return _("In die Praxis: „%(ergebnis)s“") % {"ergebnis": self.get_ergebnis()}

    def speichern(self, form):
        daten = form.cleaned_data
        if daten["massnahme"] is not None:
            umsetzung = dienste.ergebnis_massnahme_anschliessen(
                ergebnis=self.get_ergebnis(),
                massnahme=daten["massnahme"],
                beschluss=daten["beschluss"],
                benutzer=self.request.user,
            )
        else:
            umsetzung = dienste.ergebnis_als_massnahme(
                ergebnis=self.get_ergebnis(),
                quartier=daten["quartier"],
                handlungsfeld=daten["handlungsfeld"],
                titel=daten["titel"],
                beschreibung=daten["beschreibung"],
                beschluss=daten["beschluss"],
                benutzer=self.request.user,
            )
        return umsetzung.massnahme

    def get_success_url_fuer(self, objekt):
        return reverse("buergerdialog:massnahme_weg", kwargs={"pk": objekt.pk})


class WeitergabeFormularMixin(FormularMixin):
    permission_required = "buergerdialog.change_praxis"
    form_class = WeitergabeForm
    template_name = FORMULAR

    def speichern(self, form):
        return dienste.weitergabe_speichern(weitergabe=form.instance)


class WeitergabeCreateView(WeitergabeFormularMixin, ErgebnisBezugMixin, CreateView):
    """Record that a result was passed to another programme (e.g. „nordwärts“)."""

    erfolgsmeldung = _("Die Weitergabe ist eingetragen.")

    def get_titel(self):
        return _("Weitergeben: „%(ergebnis)s“") % {"ergebnis": self.get_ergebnis()}

    def speichern(self, form):
        form.instance.ergebnis = self.get_ergebnis()
        return super().speichern(form)


class WeitergabeUpdateView(WeitergabeFormularMixin, Geschuetzt, UpdateView):
    """Correct a passing-on or enter the answer (a stale save is refused)."""

    model = Weitergabe
    erfolgsmeldung = _("Die Weitergabe ist gespeichert.")

    def get_queryset(self):
        return Weitergabe.objects.select_related("ergebnis__veranstaltung")

    def get_titel(self):
        return _("Weitergabe bearbeiten: „%(ergebnis)s“") % {"ergebnis": self.object.ergebnis}


class TagesordnungspunktView(VeranstaltungBezugMixin, FormularMixin, FormView):
    """Feedback to the steering group: an agenda item with the ranking for an upcoming meeting."""

    permission_required = "buergerdialog.change_praxis"
    template_name = FORMULAR
    form_class = SitzungWahlForm
    erfolgsmeldung = _("Der Tagesordnungspunkt „%(objekt)s“ ist angelegt.")

    def get_titel(self):
        return _("Ergebnisse in die Lenkungsgruppe geben (%(v)s)") % {"v": self.get_veranstaltung()}

    def get_zurueck_url(self):
        return self.get_veranstaltung().get_absolute_url()

    def speichern(self, form):
        return dienste.ergebnisse_an_lenkungsgruppe(
            veranstaltung=self.get_veranstaltung(), sitzung=form.cleaned_data["sitzung"]
        )


class MassnahmeWegView(Geschuetzt, DetailView):
    """„Weg der Maßnahme“: citizen card(s) → review → decision → measure → status and progress."""

    permission_required = "quartiersprofil.view_massnahme"
    template_name = "buergerdialog/massnahme_weg.html"
    context_object_name = "massnahme"

    def get_queryset(self):
        return Massnahme.objects.select_related("quartier", "handlungsfeld")

    def get_context_data(self, **kwargs):
        return super().get_context_data(**massnahme_weg(massnahme=self.object), **kwargs)
