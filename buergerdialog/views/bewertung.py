"""Review by the steering group: Projektteam starts a round, a member rates the results of an
event on one page, the results page shows ranking, spread and (Projektteam) who is missing."""

import datetime

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, FormView, TemplateView, UpdateView

from dwk.http import nicht_speichern
from dwk.permissions import ist_projektteam
from dwk.views import FormularMixin
from dwk.zeit import heute
from lenkungsgruppe.rules import mitglied_von

from ..forms_bewertung import BewertungsrundeForm, ErgebnisseBewertenForm
from ..queries.bewertung import auswertung, bewertungs_stand, bewertungsseite, runde_von
from ..services import bewertung as dienste
from .basis import FORMULAR, VeranstaltungBezugMixin


class RundeMixin(VeranstaltungBezugMixin):
    def get_runde(self):
        if not hasattr(self, "_runde"):
            self._runde = runde_von(self.get_veranstaltung())
            if self._runde is None:
                raise Http404(_("Für diese Veranstaltung gibt es keine Bewertungsrunde."))
        return self._runde


class BewertungsrundeCreateView(VeranstaltungBezugMixin, FormularMixin, CreateView):
    """Projektteam puts the results of an event (all preselected, or a selection) to review."""

    permission_required = "buergerdialog.add_bewertungsrunde"
    form_class = BewertungsrundeForm
    template_name = FORMULAR
    erfolgsmeldung = _("Die Ergebnisse sind der Lenkungsgruppe zur Bewertung gegeben.")

    def get(self, request, *args, **kwargs):
        if runde_von(self.get_veranstaltung()) is not None:
            return redirect("buergerdialog:bewertungsrunde_bearbeiten", pk=self.kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "veranstaltung": self.get_veranstaltung()}

    def get_initial(self):
        return {
            "ergebnisse": list(self.get_veranstaltung().ergebnisse.values_list("pk", flat=True)),
            "frist": heute() + datetime.timedelta(days=14),
        }

    def get_titel(self):
        return _("Ergebnisse zur Bewertung geben (%(v)s)") % {"v": self.get_veranstaltung()}

    def get_zurueck_url(self):
        return self.get_veranstaltung().get_absolute_url()

    def speichern(self, form):
        daten = form.cleaned_data
        return dienste.bewertungsrunde_starten(
            veranstaltung=self.get_veranstaltung(),
            ergebnisse=daten["ergebnisse"],
            frist=daten["frist"],
            hinweis=daten["hinweis"],
            gestartet_von=self.request.user,
        )


class BewertungsrundeUpdateView(RundeMixin, FormularMixin, UpdateView):
    """Change the deadline, note or selection of a round (a stale save is refused)."""

    permission_required = "buergerdialog.add_bewertungsrunde"
    form_class = BewertungsrundeForm
    template_name = FORMULAR
    erfolgsmeldung = _("Die Bewertungsrunde ist gespeichert.")

    def get_object(self, queryset=None):
        return self.get_runde()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "veranstaltung": self.get_veranstaltung()}

    def get_titel(self):
        return _("Bewertungsrunde bearbeiten (%(v)s)") % {"v": self.get_veranstaltung()}

    def speichern(self, form):
        return dienste.bewertungsrunde_speichern(runde=form.instance, ergebnisse=form.cleaned_data["ergebnisse"])


class BewertenView(RundeMixin, FormularMixin, FormView):
    """A member rates every result of the round on one page, only as themself and only until the
    deadline; saving keeps the page (save progress, come back later); after the deadline the page
    shows the member's ratings without a form to change them."""

    permission_required = "buergerdialog.rate_ergebnis"
    template_name = "buergerdialog/bewertung_form.html"
    erfolgsmeldung = _("Ihre Bewertungen sind gespeichert.")

    def has_permission(self):
        # Superusers pass every rule; a rating still needs a member behind the account.
        return super().has_permission() and mitglied_von(self.request.user) is not None

    def get(self, request, *args, **kwargs):
        return nicht_speichern(super().get(request, *args, **kwargs))

    def get_mitglied(self):
        return mitglied_von(self.request.user)

    def get_seite(self):
        if not hasattr(self, "_seite"):
            self._seite = bewertungsseite(runde=self.get_runde(), mitglied=self.get_mitglied())
        return self._seite

    def get_form(self, form_class=None):
        seite = self.get_seite()
        return ErgebnisseBewertenForm(
            **self.get_form_kwargs(),
            ergebnisse=seite["ergebnisse"],
            eigene=seite["eigene"],
            stand=bewertungs_stand(runde=self.get_runde(), mitglied=self.get_mitglied()),
            gesperrt=seite["abgelaufen"],
        )

    def get_zurueck_url(self):
        return self.get_veranstaltung().get_absolute_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(runde=self.get_runde(), **self.get_seite(), **kwargs)

    def speichern(self, form):
        anzahl = dienste.ergebnisse_bewerten(
            runde=self.get_runde(),
            mitglied=self.get_mitglied(),
            benutzer=self.request.user,
            bewertungen=form.bewertungen(),
            stand=form.cleaned_data["bearbeitungsstand"],
        )
        self._bewertet = anzahl
        return self.get_runde()

    def get_erfolgsmeldung(self, objekt):
        return _("Ihre Bewertungen sind gespeichert: %(x)s von %(n)s bewertet.") % {
            "x": self._bewertet,
            "n": self.get_seite()["anzahl"],
        }

    def get_success_url_fuer(self, objekt):
        return self.request.path

    def form_valid(self, form):
        if self.get_seite()["abgelaufen"]:
            messages.error(self.request, _("Die Frist ist abgelaufen; die Bewertungen stehen fest."))
            return redirect(self.request.path)
        return super().form_valid(form)


class BewertungErgebnisView(RundeMixin, TemplateView):
    """The ranking of a round (means of relevance and feasibility, combined), the spread per result
    (count per value, median, range) and, for Projektteam only, who has not yet rated."""

    permission_required = "buergerdialog.view_bewertung"
    template_name = "buergerdialog/bewertung_ergebnis.html"

    def get_context_data(self, **kwargs):
        projektteam = ist_projektteam(self.request.user)
        return super().get_context_data(
            runde=self.get_runde(),
            ist_projektteam=projektteam,
            stufen=range(1, 6),
            **auswertung(runde=self.get_runde(), mit_ausstehenden=projektteam),
            **kwargs,
        )
