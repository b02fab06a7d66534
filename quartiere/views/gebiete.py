"""Views of the city map, the quarters and the boundary import."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, ListView, TemplateView, UpdateView, View

from dwk.permissions import Geschuetzt, KartenformularMixin

from ..forms import GebieteImportForm, QuartierForm
from ..importe import GebieteImportFehler, hochgeladene_gebiete_importieren
from ..models import Quartier, QuartierUnterbezirk, Stadtbezirk, StatistischerBezirk, Unterbezirk
from ..queries import feature_collection, flaeche_km2, schwerpunkt
from ..services import quartier_speichern

# The map layers: URL name → (model or None for quarters, label, how the layer is drawn).
EBENEN = {
    "stadtbezirke": (Stadtbezirk, _("Stadtbezirke")),
    "bezirke": (StatistischerBezirk, _("statistische Bezirke")),
    "unterbezirke": (Unterbezirk, _("statistische Unterbezirke")),
    "quartiere": (Quartier, _("Quartiere")),
}


class KarteView(Geschuetzt, TemplateView):
    permission_required = "quartiere.view_karte"
    template_name = "quartiere/karte.html"

    def get_context_data(self, **kwargs):
        ebenen = [
            {"schluessel": schluessel, "name": str(name), "url": reverse("quartiere:ebene_geojson", args=[schluessel])}
            for schluessel, (_model, name) in EBENEN.items()
        ]
        return super().get_context_data(
            ebenen=ebenen,
            stadtbezirke=Stadtbezirk.objects.mit_flaeche().order_by("code"),
            bezirke=StatistischerBezirk.objects.mit_flaeche().select_related("stadtbezirk").order_by("code"),
            unterbezirke=Unterbezirk.objects.mit_flaeche().select_related("bezirk").order_by("code"),
            quartiere=Quartier.objects.sichtbar_fuer(self.request.user)
            .referenzquartiere()
            .mit_flaeche()
            .select_related("stadtbezirk"),
            **kwargs,
        )


class EbeneGeoJsonView(Geschuetzt, View):
    """One map layer as GeoJSON (EPSG:4326, 5 decimals), for the map and for download."""

    permission_required = "quartiere.view_karte"

    def get(self, request, ebene):
        if ebene not in EBENEN:
            raise Http404(_("Diese Kartenebene gibt es nicht."))
        model = EBENEN[ebene][0]
        if model is Quartier:
            zeilen = Quartier.objects.sichtbar_fuer(request.user).mit_geojson().mit_flaeche()
            features = [
                (
                    q.geojson,
                    {
                        "name": q.name,
                        "slug": q.slug,
                        "referenzquartier": q.ist_referenzquartier,
                        "flaeche_km2": round(q.flaeche.sq_km, 2),
                        "url": q.get_absolute_url(),
                    },
                )
                for q in zeilen
            ]
        else:
            zeilen = model.objects.mit_geojson().mit_flaeche().order_by("code")
            features = [
                (g.geojson, {"code": g.code, "name": g.name, "flaeche_km2": round(g.flaeche.sq_km, 2)}) for g in zeilen
            ]
        antwort = JsonResponse(feature_collection(features), json_dumps_params={"ensure_ascii": False})
        antwort["Content-Type"] = "application/geo+json; charset=utf-8"
        if request.GET.get("download"):
            antwort["Content-Disposition"] = f'attachment; filename="{ebene}.geojson"'
        return antwort


class QuartierListView(Geschuetzt, ListView):
    permission_required = "quartiere.list_quartier"
    template_name = "quartiere/quartier_list.html"
    context_object_name = "quartiere"

    def get_queryset(self):
        return Quartier.objects.sichtbar_fuer(self.request.user).select_related("stadtbezirk").mit_flaeche()


class QuartierDetailView(Geschuetzt, DetailView):
    permission_required = "quartiere.view_quartier"
    template_name = "quartiere/quartier_detail.html"

    def get_queryset(self):
        abdeckungen = QuartierUnterbezirk.objects.select_related("unterbezirk__bezirk").order_by("unterbezirk__code")
        return (
            Quartier.objects.select_related("stadtbezirk")
            .mit_geojson()
            .prefetch_related(Prefetch("abdeckungen", queryset=abdeckungen))
        )

    def get_context_data(self, **kwargs):
        quartier = self.object
        punkt = schwerpunkt(quartier.grenze)
        abdeckungen = list(quartier.abdeckungen.all())
        unterbezirke = Unterbezirk.objects.filter(pk__in=[a.unterbezirk_id for a in abdeckungen]).mit_geojson()
        karte = {
            "quartier": {"name": quartier.name, "geometrie": quartier.geojson},
            "unterbezirke": [{"name": f"{u.code} {u.name}", "geometrie": u.geojson} for u in unterbezirke],
        }
        letzte_aenderungen = quartier.history.select_related("history_user").order_by("-history_date")[:5]
        return super().get_context_data(
            flaeche_km2=flaeche_km2(quartier.grenze),
            schwerpunkt=punkt,
            abdeckungen=abdeckungen,
            hat_teilflaechen=any(a.ist_teilweise for a in abdeckungen),
            karte=karte,
            letzte_aenderungen=letzte_aenderungen,
            **kwargs,
        )


class QuartierFormMixin(KartenformularMixin, Geschuetzt):
    form_class = QuartierForm
    template_name = "quartiere/quartier_form.html"

    def form_valid(self, form):
        try:
            quartier = quartier_speichern(quartier=form.instance, partner=form.cleaned_data.get("partner"))
        except ValidationError as fehler:
            form.add_error(None, fehler)
            return self.form_invalid(form)
        messages.success(self.request, self.erfolgsmeldung % {"name": quartier.name})
        return redirect(quartier)


class QuartierCreateView(QuartierFormMixin, CreateView):
    permission_required = "quartiere.add_quartier"
    erfolgsmeldung = _("Das Quartier „%(name)s“ wurde angelegt.")


class QuartierUpdateView(QuartierFormMixin, UpdateView):
    permission_required = "quartiere.change_quartier"
    erfolgsmeldung = _("Die Änderungen am Quartier „%(name)s“ wurden gespeichert.")

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
        except GebieteImportFehler as fehler:
            return self.render_to_response(self.get_context_data(form=form, import_fehler=fehler.fehler))
        messages.success(self.request, ergebnis.zusammenfassung())
        if ergebnis.quartiere_neu_abgeleitet:
            messages.info(self.request, ergebnis.abdeckung_hinweis())
        for warnung in ergebnis.warnungen:
            messages.warning(self.request, _("Hinweis: %(warnung)s") % {"warnung": warnung})
        return super().form_valid(form)
