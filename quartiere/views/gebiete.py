"""Views of the quarters and the boundary import (the city map: ``views/karte.py``)."""

from django.contrib import messages
from django.db.models import Prefetch
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, ListView, UpdateView

from dwk.permissions import EinmalGeladenMixin, Geschuetzt, KartenformularMixin
from dwk.text import ImportFehler
from dwk.views import FormularMixin

from ..forms import GebieteImportForm, QuartierForm
from ..models import Quartier, QuartierUnterbezirk
from ..queries import flaeche_km2, karten, schwerpunkt
from ..queries.datenstand import zwischengespeichert
from ..services import hochgeladene_gebiete_importieren, quartier_speichern


class QuartierListView(Geschuetzt, ListView):
    permission_required = "quartiere.list_quartier"
    template_name = "quartiere/quartier_list.html"
    context_object_name = "quartiere"

    def get_queryset(self):
        return Quartier.objects.sichtbar_fuer(self.request.user).select_related("stadtbezirk").mit_flaeche()


class QuartierDetailView(EinmalGeladenMixin, Geschuetzt, DetailView):
    permission_required = "quartiere.view_quartier"
    template_name = "quartiere/quartier_detail.html"

    def get_queryset(self):
        abdeckungen = QuartierUnterbezirk.objects.select_related("unterbezirk__bezirk").order_by("unterbezirk__code")
        return Quartier.objects.select_related("stadtbezirk").prefetch_related(
            Prefetch("abdeckungen", queryset=abdeckungen)
        )

    def get_context_data(self, **kwargs):
        quartier = self.object
        abdeckungen = list(quartier.abdeckungen.all())
        # Map, area and centre depend on the ground data alone: computed once per Datenstand.
        geometrie = zwischengespeichert(
            "quartier_geometrie", quartier.pk, berechnen=lambda: _quartier_geometrie(quartier, abdeckungen)
        )
        letzte_aenderungen = quartier.history.select_related("history_user").order_by("-history_date")[:5]
        return super().get_context_data(
            **geometrie,
            abdeckungen=abdeckungen,
            hat_teilflaechen=any(a.ist_teilweise for a in abdeckungen),
            letzte_aenderungen=letzte_aenderungen,
            **kwargs,
        )


def _quartier_geometrie(quartier, abdeckungen):
    """The quarter page's map data, area (km²) and centre. 2 queries."""
    quartier.geojson = Quartier.objects.mit_geojson().values_list("geojson", flat=True).get(pk=quartier.pk)
    return {
        "karte": karten.quartier_karte(quartier=quartier, abdeckungen=abdeckungen),
        "flaeche_km2": flaeche_km2(quartier.grenze),
        "schwerpunkt": schwerpunkt(quartier.grenze),
    }


class QuartierFormularMixin(FormularMixin, KartenformularMixin, Geschuetzt):
    form_class = QuartierForm
    template_name = "quartiere/quartier_form.html"

    def speichern(self, form):
        return quartier_speichern(quartier=form.instance, partner=form.cleaned_data.get("partner"))


class QuartierCreateView(QuartierFormularMixin, CreateView):
    permission_required = "quartiere.add_quartier"
    erfolgsmeldung = _("Das Quartier „%(objekt)s“ wurde angelegt.")


class QuartierUpdateView(QuartierFormularMixin, UpdateView):
    permission_required = "quartiere.change_quartier"
    erfolgsmeldung = _("Die Änderungen am Quartier „%(objekt)s“ wurden gespeichert.")

    def get_queryset(self):
        return Quartier.objects.select_related("stadtbezirk")


class GebieteImportView(Geschuetzt, FormView):
    """Upload a file of Stadtbezirke, Bezirke or Unterbezirke; a file with errors changes nothing."""

    permission_required = "quartiere.import_gebiete"
    form_class = GebieteImportForm
    template_name = "quartiere/gebiete_import.html"
    success_url = reverse_lazy("quartiere:gebiete_import")

    def form_valid(self, form):
        daten = form.cleaned_data
        try:
            ergebnis = hochgeladene_gebiete_importieren(
                datei=daten["datei"],
                ebene=daten["ebene"],
                code_feld=daten["code_feld"],
                name_feld=daten["name_feld"],
                parent_feld=daten["parent_feld"] or None,
            )
        except ImportFehler as fehler:
            return self.render_to_response(self.get_context_data(form=form, import_fehler=fehler.fehler))
        messages.success(self.request, ergebnis.zusammenfassung())
        if ergebnis.quartiere_neu_abgeleitet:
            messages.info(self.request, ergebnis.abdeckung_hinweis())
        for warnung in ergebnis.warnungen:
            messages.warning(self.request, _("Hinweis: %(warnung)s") % {"warnung": warnung})
        return super().form_valid(form)
