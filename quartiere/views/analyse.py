"""Views of the small-area analysis: catalogue, quarter comparison, choropleth, import of values."""

import json
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, FormView, TemplateView, View

from dwk.export import export_antwort
from dwk.permissions import Geschuetzt
from dwk.text import ImportFehler

from ..diagramme import zeitreihe_svg_zwischengespeichert
from ..forms import IndikatorKarteForm, KennzahlenImportForm
from ..models import Quartier, QuartierUnterbezirk
from ..queries import analyse, feature_collection, geheimhaltung, karten
from ..queries.datenstand import datenstand, zwischengespeichert
from ..services import kennzahlen_importieren, kennzahlen_pruefen, upload_ablegen, upload_lesen, upload_loeschen

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
            sieht_fallzahlen=_sieht_fallzahlen(self.request.user),
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
                    + [geheimhaltung.wert_export(indikator, w, sieht_fallzahlen=self.sieht_fallzahlen) for w in werte]
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
                    "werte": [geheimhaltung.wert_text(indikator, w, sieht_fallzahlen=sieht) for w in zeile.aktuell],
                    "veraenderung": geheimhaltung.veraenderung_text(
                        indikator, zeile.veraenderung, sieht_fallzahlen=sieht
                    ),
                    "veraenderung_jahre": zeile.veraenderung,
                }
            )
        auswahl = ergebnis.zeile(self.request.GET.get("indikator", "")) or ergebnis.zeile(self.STANDARD_INDIKATOR)
        auswahl = auswahl or (ergebnis.zeilen[0] if ergebnis.zeilen else None)
        zeitreihe, diagramm = [], ""
        if auswahl is not None:
            indikator = auswahl.indikator
            namen = [
                self.object.name,
                _("Stadtbezirk %(name)s") % {"name": self.object.stadtbezirk.name},
                self.object.stadtbezirk.kommune.name,
            ]
            reihe = analyse.zeitreihe(auswahl, namen=namen, sieht_fallzahlen=sieht)
            zeitreihe = reihe.zeilen
            diagramm = zeitreihe_svg_zwischengespeichert(
                titel=f"{indikator.name} ({indikator.einheit})",
                einheit=indikator.einheit,
                jahre=reihe.jahre,
                reihen=reihe.reihen,
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
        gebiete, self.klassen = [], []
        if self.jahr is not None:
            gebiete, self.klassen = karten.choropleth(
                indikator=self.indikator,
                ebene=self.ebene,
                jahr=self.jahr,
                methode=self.methode,
                sieht_fallzahlen=self.sieht_fallzahlen,
                mit_geometrie=mit_geometrie,
            )
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
        referenz = karten.referenzquartiere_umrisse()
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
            # The table's rows depend on nothing else: rendered once per Datenstand and choice.
            tabelle_schluessel=(datenstand(), self.indikator.pk, self.ebene, self.jahr, self.methode),
            fragment_sekunden=settings.CACHES["default"]["TIMEOUT"],
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
        # The same for everyone who may see the same: serialised once per Datenstand.
        inhalt = zwischengespeichert(
            "choropleth_geojson",
            self.indikator.pk,
            self.ebene,
            self.jahr,
            self.methode,
            self.sieht_fallzahlen,
            berechnen=self.geojson,
        )
        antwort = HttpResponse(inhalt, content_type="application/geo+json; charset=utf-8")
        if request.GET.get("download"):
            dateiname = f"{self.indikator.schluessel}-{self.ebene}-{self.jahr}.geojson"
            antwort["Content-Disposition"] = f'attachment; filename="{dateiname}"'
        return antwort

    def geojson(self):
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
        return json.dumps(daten, ensure_ascii=False, separators=(",", ":"), cls=DjangoJSONEncoder).encode()


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
        except ImportFehler as fehler:
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
        except ImportFehler as fehler:
            meldung = _("Der Import wurde abgebrochen, nichts wurde geändert:")
            messages.error(request, f"{meldung} {' '.join(fehler.fehler[:5])}")
            return redirect("quartiere:kennzahlen_import")
        messages.success(request, ergebnis.zusammenfassung())
        return redirect("quartiere:analyse")
