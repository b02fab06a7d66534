"""Views of the city map and the quarters."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.gis.db.models.functions import AsGeoJSON, Transform
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, ListView, TemplateView, UpdateView, View
from rules.contrib.views import PermissionRequiredMixin

from dwk.export import export_antwort

from . import analyse
from .diagramme import zeitreihe_svg
from .forms import GebieteImportForm, IndikatorKarteForm, KennzahlenImportForm, QuartierForm
from .importe import GebieteImportFehler, hochgeladene_gebiete_importieren
from .kennzahlen import (
    KennzahlenImportFehler,
    kennzahlen_importieren,
    kennzahlen_pruefen,
    upload_ablegen,
    upload_lesen,
    upload_loeschen,
)
from .models import Quartier, QuartierUnterbezirk, Stadtbezirk, StatistischerBezirk, Unterbezirk
from .queries import GEOJSON_NACHKOMMASTELLEN, METRISCHES_SRID, feature_collection, flaeche_km2, schwerpunkt
from .services import quartier_speichern

# The map layers: URL name → (model or None for quarters, label, how the layer is drawn).
EBENEN = {
    "stadtbezirke": (Stadtbezirk, _("Stadtbezirke")),
    "bezirke": (StatistischerBezirk, _("statistische Bezirke")),
    "unterbezirke": (Unterbezirk, _("statistische Unterbezirke")),
    "quartiere": (Quartier, _("Quartiere")),
}


class Geschuetzt(PermissionRequiredMixin):
    """Logged-in users without the permission get 403 (anonymous users never get this far)."""

    raise_exception = True


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


class QuartierFormMixin(Geschuetzt):
    form_class = QuartierForm
    template_name = "quartiere/quartier_form.html"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # django-leaflet's widget writes an inline script; it needs this request's CSP nonce.
        form.fields["grenze"].widget.csp_nonce = self.request.csp_nonce
        return form

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


# --- Small-area analysis: indicators, values per quarter and per area ----------------------------

KENNZAHLEN_SITZUNG = "kennzahlen_import"


def _sieht_fallzahlen(user):
    return user.has_perm("quartiere.view_fallzahlen")


class AnalyseView(Geschuetzt, TemplateView):
    """The entry to the analysis: the indicator catalogue and the quarters the user may read."""

    permission_required = "quartiere.view_analyse"
    template_name = "quartiere/analyse_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            indikatoren=analyse.indikatoren_katalog(),
            quartiere=Quartier.objects.sichtbar_fuer(self.request.user).select_related("stadtbezirk"),
            mindestfallzahl=settings.DWK_MIN_FALLZAHL,
            **kwargs,
        )


class QuartierAnalyseView(Geschuetzt, DetailView):
    """A quarter's indicators beside its Stadtbezirk and the city, with a time series chart;
    ``?format=csv`` or ``xlsx`` downloads all values as a table."""

    permission_required = "quartiere.view_quartier_analyse"
    template_name = "quartiere/analyse_quartier.html"
    context_object_name = "quartier"
    STANDARD_INDIKATOR = "anteil_80plus"

    def get_queryset(self):
        abdeckungen = QuartierUnterbezirk.objects.select_related("unterbezirk").order_by("unterbezirk__code")
        return Quartier.objects.select_related("stadtbezirk__kommune").prefetch_related(
            Prefetch("abdeckungen", queryset=abdeckungen)
        )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.analyse = analyse.quartier_analyse(quartier=self.object, abdeckungen=list(self.object.abdeckungen.all()))
        self.sieht_fallzahlen = _sieht_fallzahlen(request.user)
        format_ = request.GET.get("format")
        if format_ in ("csv", "xlsx"):
            return self.export(format_)
        return self.render_to_response(self.get_context_data(object=self.object))

    def export(self, format_):
        quartier, stadtbezirk = self.object, self.object.stadtbezirk
        kopf = [
            _("Indikator"),
            _("Schlüssel"),
            _("Einheit"),
            _("Jahr"),
            quartier.name,
            f"{_('Stadtbezirk')} {stadtbezirk.name}",
            stadtbezirk.kommune.name,
        ]
        zeilen = []
        for zeile in self.analyse.zeilen:
            indikator = zeile.indikator
            for jahr, werte in sorted(zeile.werte.items()):
                zeilen.append(
                    [indikator.name, indikator.schluessel, indikator.einheit, jahr]
                    + [analyse.wert_export(indikator, w, sieht_fallzahlen=self.sieht_fallzahlen) for w in werte]
                )
        return export_antwort(
            format=format_, dateiname=f"kennzahlen-{quartier.slug}", kopf=kopf, zeilen=zeilen, titel=quartier.name
        )

    def get_context_data(self, **kwargs):
        ergebnis, sieht = self.analyse, self.sieht_fallzahlen
        uebersicht = []
        for zeile in ergebnis.zeilen:
            indikator = zeile.indikator
            uebersicht.append(
                {
                    "indikator": indikator,
                    "jahr": zeile.letztes_jahr,
                    "werte": [analyse.wert_text(indikator, w, sieht_fallzahlen=sieht) for w in zeile.aktuell],
                    "veraenderung": analyse.veraenderung_text(indikator, zeile.veraenderung, sieht_fallzahlen=sieht),
                    "veraenderung_jahre": zeile.veraenderung,
                }
            )
        auswahl = ergebnis.zeile(self.request.GET.get("indikator", "")) or ergebnis.zeile(self.STANDARD_INDIKATOR)
        auswahl = auswahl or (ergebnis.zeilen[0] if ergebnis.zeilen else None)
        zeitreihe, diagramm = [], ""
        if auswahl is not None:
            indikator = auswahl.indikator
            jahre = sorted(auswahl.werte)
            for jahr in jahre:
                zeitreihe.append(
                    (jahr, [analyse.wert_text(indikator, w, sieht_fallzahlen=sieht) for w in auswahl.werte[jahr]])
                )
            namen = [
                self.object.name,
                _("Stadtbezirk %(name)s") % {"name": self.object.stadtbezirk.name},
                self.object.stadtbezirk.kommune.name,
            ]
            reihen = [
                (
                    name,
                    [
                        None
                        if analyse.ist_verborgen(auswahl.werte[j][i], sieht_fallzahlen=sieht)
                        else auswahl.werte[j][i].wert
                        for j in jahre
                    ],
                )
                for i, name in enumerate(namen)
            ]
            diagramm = zeitreihe_svg(
                titel=f"{indikator.name} ({indikator.einheit})",
                einheit=indikator.einheit,
                jahre=jahre,
                reihen=reihen,
                id_="zeitreihe",
                beschreibung_id="zeitreihe-tabelle",
            )
        return super().get_context_data(
            analyse=ergebnis,
            uebersicht=uebersicht,
            auswahl=auswahl,
            zeitreihe=zeitreihe,
            diagramm=diagramm,
            abdeckungen=self.object.abdeckungen.all(),
            sieht_fallzahlen=sieht,
            mindestfallzahl=settings.DWK_MIN_FALLZAHL,
            **kwargs,
        )


class IndikatorAuswahlMixin(Geschuetzt):
    """Reads indicator, level, year and classification of a choropleth from the URL."""

    permission_required = "quartiere.view_indikator_karte"

    def auswahl_lesen(self, schluessel):
        self.indikator = get_object_or_404(analyse.indikatoren_katalog(), schluessel=schluessel)
        self.jahre = analyse.indikator_jahre(self.indikator)
        self.form = IndikatorKarteForm(self.request.GET or None, jahre=self.jahre)
        self.ebene, self.jahr, self.methode = self.form.auswahl(jahre=self.jahre)
        self.sieht_fallzahlen = _sieht_fallzahlen(self.request.user)

    def gebiete(self, *, mit_geometrie=False):
        """The areas with their values and class; classes are formed from the values the user may see."""
        gebiete = []
        if self.jahr is not None:
            gebiete = analyse.gebiete_mit_werten(
                indikator=self.indikator, ebene=self.ebene, jahr=self.jahr, mit_geometrie=mit_geometrie
            )
        sichtbar = [
            g.kz.wert
            for g in gebiete
            if g.kz.wert is not None and not analyse.ist_verborgen(g.kz, sieht_fallzahlen=self.sieht_fallzahlen)
        ]
        self.klassen = analyse.klassen_bilden(sichtbar, methode=self.methode)
        for gebiet in gebiete:
            verborgen = analyse.ist_verborgen(gebiet.kz, sieht_fallzahlen=self.sieht_fallzahlen)
            gebiet.klasse = None if verborgen else analyse.klasse_von(gebiet.kz.wert, self.klassen)
            gebiet.farbe = self.klassen[gebiet.klasse - 1].farbe if gebiet.klasse else None
            gebiet.text = analyse.wert_text(self.indikator, gebiet.kz, sieht_fallzahlen=self.sieht_fallzahlen)
            gebiet.export = analyse.wert_export(self.indikator, gebiet.kz, sieht_fallzahlen=self.sieht_fallzahlen)
        return gebiete

    def parameter(self, **aenderungen):
        werte = {"ebene": self.ebene, "jahr": self.jahr or "", "klassen": self.methode, **aenderungen}
        return urlencode({k: v for k, v in werte.items() if v not in (None, "")})


class IndikatorKarteView(IndikatorAuswahlMixin, TemplateView):
    """A choropleth map of one indicator on one level and year, with the same numbers in a sortable
    table beside it (sorted on the server, ``?sort=``); ``?format=csv``/``xlsx`` downloads the table."""

    template_name = "quartiere/indikator_karte.html"
    SORTIERUNGEN = {
        "code": lambda g: g.code,
        "name": lambda g: g.name.casefold(),
        "wert": lambda g: (g.kz.wert is None or g.klasse is None, g.kz.wert if g.klasse else 0),
    }

    def get(self, request, schluessel):
        self.auswahl_lesen(schluessel)
        gebiete = self.gebiete()
        sortierung = request.GET.get("sort", "code")
        absteigend = sortierung.startswith("-")
        gebiete.sort(key=self.SORTIERUNGEN.get(sortierung.lstrip("-"), self.SORTIERUNGEN["code"]), reverse=absteigend)
        if request.GET.get("format") in ("csv", "xlsx"):
            return self.export(request.GET["format"], gebiete)
        return self.render_to_response(self.get_context_data(gebiete=gebiete, sortierung=sortierung))

    def export(self, format_, gebiete):
        indikator = self.indikator
        kopf = [_("Code"), _("Name"), f"{indikator.name} ({indikator.einheit}) {self.jahr}", _("Klasse")]
        zeilen = [[g.code, g.name, g.export, g.klasse] for g in gebiete]
        return export_antwort(
            format=format_,
            dateiname=f"{indikator.schluessel}-{self.ebene}-{self.jahr}",
            kopf=kopf,
            zeilen=zeilen,
            titel=indikator.schluessel,
        )

    def get_context_data(self, **kwargs):
        quartiere = Quartier.objects.referenzquartiere().annotate(
            geojson=AsGeoJSON(
                Transform(
                    analyse.SimplifyPreserveTopology(Transform("grenze", METRISCHES_SRID), analyse.VEREINFACHUNG_M),
                    4326,
                ),
                precision=GEOJSON_NACHKOMMASTELLEN,
            )
        )
        referenz = [{"name": q.name, "url": q.get_absolute_url(), "geometrie": q.geojson} for q in quartiere]
        sortierungen, sortierung = [], kwargs["sortierung"]
        richtung = "descending" if sortierung.startswith("-") else "ascending"
        for feld, titel in (("code", _("Code")), ("name", _("Name")), ("wert", _("Wert"))):
            aktiv = sortierung.lstrip("-") == feld
            neu = f"-{feld}" if sortierung == feld else feld
            sortierungen.append(
                {"titel": titel, "url": "?" + self.parameter(sort=neu), "aria_sort": richtung if aktiv else None}
            )
        karte = {
            "geojson": reverse("quartiere:indikator_geojson", args=[self.indikator.schluessel])
            + "?"
            + self.parameter(),
            "referenzquartiere": referenz,
            "keine_daten": KEINE_DATEN_FARBE,
        }
        return super().get_context_data(
            indikator=self.indikator,
            form=self.form,
            ebene=self.ebene,
            ebene_name=dict(self.form.fields["ebene"].choices)[self.ebene],
            jahr=self.jahr,
            methode=self.methode,
            klassen=self.klassen,
            jahre=self.jahre,
            sortierungen=sortierungen,
            karte=karte,
            referenzquartiere=referenz,
            parameter=self.parameter(),
            sieht_fallzahlen=self.sieht_fallzahlen,
            mindestfallzahl=settings.DWK_MIN_FALLZAHL,
            verborgen=sum(1 for g in kwargs["gebiete"] if g.kz.wert is not None and g.klasse is None),
            ohne_wert=sum(1 for g in kwargs["gebiete"] if g.kz.wert is None),
            **kwargs,
        )


KEINE_DATEN_FARBE = "#d9d9d9"


class IndikatorGeoJsonView(IndikatorAuswahlMixin, View):
    """The map layer of a choropleth as GeoJSON (simplified by 15 m, 5 decimals), with values,
    classes and colours; small counts as "< 3" for everyone but Projektteam."""

    def get(self, request, schluessel):
        self.auswahl_lesen(schluessel)
        gebiete = self.gebiete(mit_geometrie=True)
        features = [
            (
                g.geojson,
                {
                    "code": g.code,
                    "name": g.name,
                    "wert": g.export,
                    "text": g.text,
                    "klasse": g.klasse,
                    "farbe": g.farbe or KEINE_DATEN_FARBE,
                },
            )
            for g in gebiete
        ]
        daten = feature_collection(features)
        daten["indikator"] = {
            "schluessel": self.indikator.schluessel,
            "name": self.indikator.name,
            "einheit": self.indikator.einheit,
            "jahr": self.jahr,
            "ebene": self.ebene,
        }
        antwort = JsonResponse(daten, json_dumps_params={"ensure_ascii": False, "separators": (",", ":")})
        antwort["Content-Type"] = "application/geo+json; charset=utf-8"
        if request.GET.get("download"):
            dateiname = f"{self.indikator.schluessel}-{self.ebene}-{self.jahr}.geojson"
            antwort["Content-Disposition"] = f'attachment; filename="{dateiname}"'
        return antwort


class KennzahlenImportView(Geschuetzt, FormView):
    """Step 1 of the import: upload and check a CSV file, then show what would change (preview)."""

    permission_required = "quartiere.import_kennzahlen"
    form_class = KennzahlenImportForm
    template_name = "quartiere/kennzahlen_import.html"

    def form_valid(self, form):
        datei, ebene = form.cleaned_data["datei"], form.cleaned_data["ebene"]
        inhalt = datei.read()
        try:
            vorschau = kennzahlen_pruefen(inhalt=inhalt, dateiname=datei.name, ebene=ebene)
        except KennzahlenImportFehler as fehler:
            return self.render_to_response(
                self.get_context_data(form=form, import_fehler=fehler.fehler, kodierung=fehler.kodierung)
            )
        alt = self.request.session.get(KENNZAHLEN_SITZUNG)
        if alt:
            upload_loeschen(alt["kennung"])
        kennung = upload_ablegen(inhalt=inhalt)
        self.request.session[KENNZAHLEN_SITZUNG] = {"kennung": kennung, "datei": datei.name, "ebene": ebene}
        return render(
            self.request,
            "quartiere/kennzahlen_import_vorschau.html",
            {"vorschau": vorschau, "kennung": kennung},
        )


class KennzahlenImportBestaetigenView(Geschuetzt, View):
    """Step 2 of the import: confirm (or cancel) the upload shown in the preview."""

    permission_required = "quartiere.import_kennzahlen"

    def get(self, request):
        return redirect("quartiere:kennzahlen_import")

    def post(self, request):
        wartend = request.session.pop(KENNZAHLEN_SITZUNG, None)
        if not wartend or request.POST.get("kennung") != wartend["kennung"]:
            messages.error(request, _("Es wartet kein Import auf Bestätigung. Bitte laden Sie die Datei erneut hoch."))
            return redirect("quartiere:kennzahlen_import")
        inhalt = upload_lesen(wartend["kennung"])
        upload_loeschen(wartend["kennung"])
        if "abbrechen" in request.POST or inhalt is None:
            messages.info(request, _("Der Import wurde abgebrochen; es wurde nichts geändert."))
            return redirect("quartiere:kennzahlen_import")
        try:
            ergebnis = kennzahlen_importieren(inhalt=inhalt, dateiname=wartend["datei"], ebene=wartend["ebene"])
        except KennzahlenImportFehler as fehler:
            meldung = _("Der Import wurde abgebrochen, nichts wurde geändert:")
            messages.error(request, f"{meldung} {' '.join(fehler.fehler[:5])}")
            return redirect("quartiere:kennzahlen_import")
        messages.success(request, ergebnis.zusammenfassung())
        return redirect("quartiere:analyse")
