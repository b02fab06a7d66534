"""Results of an event and of all events of a quarter: the list with filters and export, the map;
the fast entry of cards, correcting a card."""

from abc import ABC, abstractmethod

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView, UpdateView, View

from dwk.export import export_antwort
from dwk.http import nicht_speichern
from dwk.permissions import Geschuetzt, ist_projektteam
from dwk.text import slug_ascii
from dwk.views import FormularMixin
from quartiere.models import Handlungsfeld, Quartier

from ..forms import ErgebnisForm, KarteForm
from ..models import Ergebnis, ErgebnisArt
from ..queries.ergebnisse import (
    anzahl_erfasst,
    ergebnisse_karte,
    ergebnisse_liste,
    ergebnisse_zeilen,
    export_kopf,
    gegenstaende_zur_auswahl,
    letzte_ergebnisse,
)
from ..services import ergebnisse as dienste
from .basis import FORMULAR, VeranstaltungBezugMixin, ist_htmx

BLEIBT = ("handlungsfeld", "gegenstand", "station")  # what the next card keeps from the last
SORTIERUNG_NAMEN = [
    ("punkte", _("Klebepunkte")),
    ("handlungsfeld", _("Handlungsfeld")),
    ("art", _("Art")),
    ("gegenstand", _("Beteiligungsgegenstand")),
    ("erfasst", _("Reihenfolge der Erfassung")),
]
ERFASSEN = "buergerdialog/ergebnis_erfassen.html"
ERFASSEN_TEIL = "buergerdialog/_karte_antwort.html"


def _erfassen_antwort(request, veranstaltung, *, behalten=None, form=None, meldung=""):
    """The fast entry page, or with htmx only its form area: a given (invalid) form, or an empty
    one that keeps ``behalten``; the running count and the user's last cards."""
    if form is None:
        form = KarteForm(veranstaltung=veranstaltung, initial={k: v for k, v in (behalten or {}).items() if v})
    kontext = {
        "veranstaltung": veranstaltung,
        "form": form,
        "anzahl": anzahl_erfasst(veranstaltung=veranstaltung, user=request.user),
        "letzte": letzte_ergebnisse(veranstaltung=veranstaltung, user=request.user),
        "meldung": meldung,
    }
    return nicht_speichern(render(request, ERFASSEN_TEIL if ist_htmx(request) else ERFASSEN, kontext))


class ErgebnisFilterMixin(ABC):
    """The filters and sort order of results, read from the query string (list and map), for the
    results of whatever ``bezug()`` names: ``{"veranstaltung": ...}`` or ``{"quartier": ...}``."""

    @abstractmethod
    def bezug(self):
        """The keyword naming whose results these are, for the queries of ``queries.ergebnisse``."""

    def filter_lesen(self):
        self.filter = {k: self.request.GET.get(k, "") for k in ("handlungsfeld", "art", "gegenstand")}
        self.sortierung = self.request.GET.get("sortierung", "punkte")
        return {**self.filter, "sortierung": self.sortierung}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter=self.filter,
            sortierung=self.sortierung,
            sortierungen=SORTIERUNG_NAMEN,
            handlungsfelder=Handlungsfeld.objects.all(),
            arten=ErgebnisArt.choices,
            gegenstaende=gegenstaende_zur_auswahl(**self.bezug()),
            **kwargs,
        )


class ErgebnisListeMixin(ErgebnisFilterMixin):
    """The results filtered and sorted on the server; ``?format=csv|xlsx`` downloads them."""

    context_object_name = "ergebnisse"
    mit_veranstaltung = False  # a column naming the event (results of several events)

    def get_queryset(self):
        return ergebnisse_liste(**self.bezug(), **self.filter_lesen(), mit_fotos=True)

    @abstractmethod
    def export_titel(self):
        """The title of the CSV/XLSX export (and, as a slug, its file name)."""

    def get(self, request, *args, **kwargs):
        format_ = request.GET.get("format")
        if format_ in ("csv", "xlsx"):
            titel = self.export_titel()
            antwort = export_antwort(
                format=format_,
                dateiname=f"ergebnisse-{slug_ascii(titel)}",
                kopf=export_kopf(mit_veranstaltung=self.mit_veranstaltung),
                zeilen=ergebnisse_zeilen(self.get_queryset(), mit_veranstaltung=self.mit_veranstaltung),
                titel=titel,
            )
            return nicht_speichern(antwort)
        return super().get(request, *args, **kwargs)


class ErgebnisListView(VeranstaltungBezugMixin, ErgebnisListeMixin, ListView):
    """The results of one event, filtered and sorted on the server; ``?format=csv|xlsx`` downloads them."""

    permission_required = "buergerdialog.view_veranstaltung"
    template_name = "buergerdialog/ergebnis_list.html"

    def bezug(self):
        return {"veranstaltung": self.get_veranstaltung()}

    def export_titel(self):
        return self.get_veranstaltung().titel

    def get_context_data(self, **kwargs):
        veranstaltung = self.get_veranstaltung()
        return super().get_context_data(
            darf_erfassen=self.request.user.has_perm("buergerdialog.add_ergebnis", veranstaltung),
            darf_korrigieren=self.request.user.has_perm("buergerdialog.change_veranstaltung", veranstaltung),
            darf_fotos=veranstaltung.nimmt_ergebnisse_an
            and self.request.user.has_perm("buergerdialog.change_dokumentation", veranstaltung),
            **kwargs,
        )


class ErgebnisKarteView(VeranstaltungBezugMixin, ErgebnisFilterMixin, TemplateView):
    """The located results of an event on a map, the same results numbered in a table beside it."""

    permission_required = "buergerdialog.view_veranstaltung"
    template_name = "buergerdialog/ergebnis_karte.html"

    def bezug(self):
        return {"veranstaltung": self.get_veranstaltung()}

    def get_context_data(self, **kwargs):
        daten = ergebnisse_karte(**self.bezug(), **self.filter_lesen())
        return super().get_context_data(daten=daten, **kwargs)


class QuartierErgebnisseMixin(Geschuetzt):
    """A results page of all events of a quarter (``slug`` in the URL); the quarter is the
    permission object (a partner only for its quarters)."""

    permission_required = "buergerdialog.view_quartier_ergebnisse"

    def get_quartier(self):
        if not hasattr(self, "_quartier"):
            self._quartier = get_object_or_404(Quartier, slug=self.kwargs["slug"])
        return self._quartier

    def get_permission_object(self):
        return self.get_quartier()

    def bezug(self):
        return {"quartier": self.get_quartier()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(quartier=self.get_quartier(), **kwargs)


class QuartierErgebnisListView(QuartierErgebnisseMixin, ErgebnisListeMixin, ListView):
    """The results of all events of a quarter with a column naming the event; filters, sort and
    export as for one event."""

    template_name = "buergerdialog/ergebnis_list.html"
    mit_veranstaltung = True

    def export_titel(self):
        return self.get_quartier().name


class QuartierErgebnisKarteView(QuartierErgebnisseMixin, ErgebnisFilterMixin, TemplateView):
    """The located results of all events of a quarter on a map, numbered in a table beside it."""

    template_name = "buergerdialog/ergebnis_karte.html"

    def get_context_data(self, **kwargs):
        daten = ergebnisse_karte(**self.bezug(), **self.filter_lesen())
        return super().get_context_data(daten=daten, **kwargs)


class ErgebnisErfassenView(VeranstaltungBezugMixin, View):
    """Fast entry: one card after another. With htmx the form area is swapped in place (empty text,
    focus in it, Handlungsfeld, subject and station kept, running count, last cards); without
    JavaScript the form posts and the page is loaded again with the same kept values."""

    permission_required = "buergerdialog.add_ergebnis"

    def get(self, request, *args, **kwargs):
        behalten = {k: request.GET.get(k, "") for k in BLEIBT}
        return _erfassen_antwort(request, self.get_veranstaltung(), behalten=behalten)

    def post(self, request, *args, **kwargs):
        veranstaltung = self.get_veranstaltung()
        form = KarteForm(request.POST, veranstaltung=veranstaltung)
        if form.is_valid():
            daten = form.cleaned_data
            try:
                ergebnis = dienste.ergebnis_erfassen(
                    veranstaltung=veranstaltung,
                    text=daten["text"],
                    art=daten["art"],
                    handlungsfeld=daten["handlungsfeld"],
                    gegenstand=daten["gegenstand"],
                    station=daten["station"],
                    punkte=daten["punkte"] or 0,
                    erfasst_von=request.user,
                    von_partner=not ist_projektteam(request.user),
                )
            except ValidationError as fehler:
                form.add_error(None, fehler)
            else:
                behalten = _behalten(ergebnis)
                meldung = _("Karte gespeichert: „%(text)s“.") % {"text": ergebnis}
                if ist_htmx(request):
                    return _erfassen_antwort(request, veranstaltung, behalten=behalten, meldung=meldung)
                messages.success(request, meldung)
                return _zur_erfassung(veranstaltung, behalten)
        return _erfassen_antwort(request, veranstaltung, form=form)


class ErgebnisZuruecknehmenView(VeranstaltungBezugMixin, View):
    """POST: takes back the last card the user entered for this event ("Rückgängig")."""

    permission_required = "buergerdialog.add_ergebnis"

    def post(self, request, *args, **kwargs):
        veranstaltung = self.get_veranstaltung()
        weg = dienste.ergebnis_zuruecknehmen(veranstaltung=veranstaltung, erfasst_von=request.user)
        meldung = (
            _("Zurückgenommen: „%(text)s“.") % {"text": weg} if weg else _("Es gibt keine Karte zum Zurücknehmen.")
        )
        behalten = _behalten(weg) if weg else {}
        if ist_htmx(request):
            return _erfassen_antwort(request, veranstaltung, behalten=behalten, meldung=meldung)
        messages.success(request, meldung)
        return _zur_erfassung(veranstaltung, behalten)


def _behalten(ergebnis):
    return {
        "handlungsfeld": ergebnis.handlungsfeld_id,
        "gegenstand": ergebnis.gegenstand_id,
        "station": ergebnis.station,
    }


def _zur_erfassung(veranstaltung, behalten):
    ziel = reverse("buergerdialog:ergebnis_erfassen", kwargs={"pk": veranstaltung.pk})
    abfrage = urlencode({k: v for k, v in behalten.items() if v})
    return redirect(f"{ziel}?{abfrage}" if abfrage else ziel)


class ErgebnisUpdateView(Geschuetzt, FormularMixin, UpdateView):
    """Correct one card: Projektteam any, a partner its own; the partner marking stays."""

    permission_required = "buergerdialog.change_ergebnis"
    form_class = ErgebnisForm
    model = Ergebnis
    template_name = FORMULAR
    erfolgsmeldung = _("Die Karte ist gespeichert.")

    def get_queryset(self):
        return Ergebnis.objects.select_related("veranstaltung")

    def get_titel(self):
        return _("Karte bearbeiten (%(veranstaltung)s)") % {"veranstaltung": self.object.veranstaltung}

    def speichern(self, form):
        return dienste.ergebnis_speichern(ergebnis=form.instance)
