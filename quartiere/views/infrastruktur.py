"""Views of the infrastructure inventory and of the quarters' walking-distance coverage."""

import functools
import json

from django.conf import settings
from django.contrib import messages
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DeleteView, DetailView, FormView, ListView, UpdateView

from dwk.export import export_antwort
from dwk.permissions import EinmalGeladenMixin, Geschuetzt, KartenformularMixin
from dwk.text import ImportFehler
from dwk.views import FormularMixin

from ..forms import InfrastrukturFilterForm, InfrastrukturForm, InfrastrukturImportForm, InfrastrukturKategorieForm
from ..models import Infrastruktur, InfrastrukturKategorie, Quartier
from ..queries import GEOJSON_NACHKOMMASTELLEN, feature_collection
from ..queries.abdeckung import LUECKE_MINDESTANTEIL, luecken, quartier_abdeckung
from ..queries.datenstand import datenstand
from ..services import (
    hochgeladene_infrastruktur_importieren,
    infrastruktur_kategorie_speichern,
    infrastruktur_loeschen,
    infrastruktur_speichern,
)

EXPORTFORMATE = {"csv", "xlsx"}
# Columns of the inventory export; the same names the import reads, so an export can be edited and imported again.
EXPORT_SPALTEN = [
    "id",
    "kategorie",
    "name",
    "adresse",
    "lat",
    "lon",
    "barrierefreiheit",
    "oeffnungshinweise",
    "quelle",
    "quelle_hinweis",
    "stand",
]


def _kategorie_daten(kategorie):
    """What the map and the legend need to draw a category's symbol."""
    return {
        "slug": kategorie.slug,
        "name": kategorie.name,
        "symbol": kategorie.symbol,
        "form": kategorie.form,
        "farbe": kategorie.handlungsfeld.slug,
        "farbwert": kategorie.handlungsfeld.farbe,
        "radius_m": kategorie.radius_m,
    }


def _gefilterte_kategorien(filter_form):
    kategorien = InfrastrukturKategorie.objects.select_related("handlungsfeld")
    if filter_form.is_valid():
        if filter_form.cleaned_data.get("handlungsfeld"):
            kategorien = kategorien.filter(handlungsfeld=filter_form.cleaned_data["handlungsfeld"])
        if filter_form.cleaned_data.get("kategorie"):
            kategorien = kategorien.filter(pk=filter_form.cleaned_data["kategorie"].pk)
    return kategorien


class InfrastrukturListView(Geschuetzt, ListView):
    """The inventory, filtered by Handlungsfeld, category and quarter; also as CSV/XLSX (``?format=``)."""

    permission_required = "quartiere.view_infrastruktur"
    template_name = "quartiere/infrastruktur_list.html"
    context_object_name = "einrichtungen"
    paginate_by = 100

    def get_filter_form(self):
        if not hasattr(self, "_filter_form"):
            quartiere = Quartier.objects.sichtbar_fuer(self.request.user).order_by("name")
            self._filter_form = InfrastrukturFilterForm(self.request.GET or None, quartiere=quartiere)
        return self._filter_form

    def get_queryset(self):
        einrichtungen = Infrastruktur.objects.select_related("kategorie__handlungsfeld").order_by(
            "kategorie__handlungsfeld__reihenfolge", "kategorie__reihenfolge", "kategorie__name", "name", "pk"
        )
        filter_form = self.get_filter_form()
        if filter_form.is_valid():
            daten = filter_form.cleaned_data
            if daten.get("handlungsfeld"):
                einrichtungen = einrichtungen.filter(kategorie__handlungsfeld=daten["handlungsfeld"])
            if daten.get("kategorie"):
                einrichtungen = einrichtungen.filter(kategorie=daten["kategorie"])
            if daten.get("quartier"):
                einrichtungen = einrichtungen.filter(punkt__intersects=daten["quartier"].grenze)
        return einrichtungen

    def get(self, request, *args, **kwargs):
        format = request.GET.get("format")
        if format == "geojson":
            return self.geojson()
        if format in EXPORTFORMATE:
            zeilen = (
                [
                    e.pk,
                    e.kategorie.slug,
                    e.name,
                    e.adresse,
                    round(e.punkt.y, 6),
                    round(e.punkt.x, 6),
                    e.barrierefreiheit,
                    e.oeffnungshinweise,
                    e.quelle,
                    e.quelle_hinweis,
                    e.stand,
                ]
                for e in self.get_queryset()
            )
            return export_antwort(
                format=format, dateiname="infrastruktur", kopf=EXPORT_SPALTEN, zeilen=zeilen, titel="Infrastruktur"
            )
        return super().get(request, *args, **kwargs)

    def geojson(self):
        """The filtered facilities as a GeoJSON map layer (EPSG:4326), with the export's columns."""
        einrichtungen = self.get_queryset().annotate(geojson=AsGeoJSON("punkt", precision=GEOJSON_NACHKOMMASTELLEN))
        features = [
            (
                e.geojson,
                {
                    "id": e.pk,
                    "kategorie": e.kategorie.slug,
                    "kategorie_name": e.kategorie.name,
                    "handlungsfeld": e.kategorie.handlungsfeld.name,
                    "name": e.name,
                    "adresse": e.adresse,
                    "barrierefreiheit": e.get_barrierefreiheit_display(),
                    "oeffnungshinweise": e.oeffnungshinweise,
                    "quelle": e.get_quelle_display(),
                    "stand": e.stand.isoformat(),
                },
            )
            for e in einrichtungen
        ]
        antwort = JsonResponse(feature_collection(features), json_dumps_params={"ensure_ascii": False})
        antwort["Content-Type"] = "application/geo+json; charset=utf-8"
        antwort["Content-Disposition"] = 'attachment; filename="infrastruktur.geojson"'
        return antwort

    def get_context_data(self, **kwargs):
        kontext = super().get_context_data(**kwargs)
        parameter = self.request.GET.copy()
        parameter.pop("page", None)
        parameter.pop("format", None)
        kontext.update(filter_form=self.get_filter_form(), filter_parameter=parameter.urlencode())
        return kontext


class InfrastrukturDetailView(Geschuetzt, DetailView):
    permission_required = "quartiere.view_infrastruktur"
    template_name = "quartiere/infrastruktur_detail.html"
    context_object_name = "einrichtung"

    def get_queryset(self):
        return Infrastruktur.objects.select_related("kategorie__handlungsfeld")

    def get_context_data(self, **kwargs):
        einrichtung = self.object
        karte = {
            "kategorien": [_kategorie_daten(einrichtung.kategorie)],
            "einrichtungen": [_einrichtung_daten(einrichtung, mit_url=False)],
        }
        return super().get_context_data(
            karte=karte,
            geschichte=einrichtung.history.select_related("history_user").order_by("-history_date")[:20],
            **kwargs,
        )


def _einrichtung_daten(einrichtung, *, mit_url=True):
    return {
        "name": einrichtung.name,
        "kategorie": einrichtung.kategorie.slug,
        "adresse": einrichtung.adresse,
        "lat": round(einrichtung.punkt.y, GEOJSON_NACHKOMMASTELLEN + 1),
        "lon": round(einrichtung.punkt.x, GEOJSON_NACHKOMMASTELLEN + 1),
        "url": reverse("quartiere:infrastruktur_detail", args=[einrichtung.pk]) if mit_url else "",
    }


class InfrastrukturFormularMixin(FormularMixin, KartenformularMixin, Geschuetzt):
    form_class = InfrastrukturForm
    template_name = "quartiere/infrastruktur_form.html"
    context_object_name = "einrichtung"

    def speichern(self, form):
        form.instance.punkt = form.cleaned_data["punkt"]
        return infrastruktur_speichern(infrastruktur=form.instance)

    def get_erfolgsmeldung(self, objekt):
        return self.erfolgsmeldung % {"name": objekt.name}

    def get_success_url_fuer(self, objekt):
        return reverse("quartiere:infrastruktur_detail", args=[objekt.pk])


class InfrastrukturCreateView(InfrastrukturFormularMixin, CreateView):
    permission_required = "quartiere.add_infrastruktur"
    erfolgsmeldung = _("Die Einrichtung „%(name)s“ wurde angelegt.")

    def get_initial(self):
        initial = super().get_initial()
        kategorie = InfrastrukturKategorie.objects.filter(slug=self.request.GET.get("kategorie", "")).first()
        if kategorie is not None:
            initial["kategorie"] = kategorie
        return initial


class InfrastrukturUpdateView(InfrastrukturFormularMixin, UpdateView):
    permission_required = "quartiere.change_infrastruktur"
    erfolgsmeldung = _("Die Änderungen an „%(name)s“ wurden gespeichert.")

    def get_queryset(self):
        return Infrastruktur.objects.select_related("kategorie")


class InfrastrukturDeleteView(Geschuetzt, DeleteView):
    permission_required = "quartiere.delete_infrastruktur"
    template_name = "quartiere/infrastruktur_confirm_delete.html"
    context_object_name = "einrichtung"
    success_url = reverse_lazy("quartiere:infrastruktur_liste")

    def get_queryset(self):
        return Infrastruktur.objects.select_related("kategorie")

    def form_valid(self, form):
        name = self.object.name
        infrastruktur_loeschen(infrastruktur=self.object)
        messages.success(self.request, _("Die Einrichtung „%(name)s“ wurde gelöscht.") % {"name": name})
        return redirect(self.success_url)


class InfrastrukturKategorieListView(Geschuetzt, ListView):
    permission_required = "quartiere.view_infrastruktur"
    template_name = "quartiere/infrastruktur_kategorien.html"
    context_object_name = "kategorien"

    def get_queryset(self):
        return InfrastrukturKategorie.objects.select_related("handlungsfeld")


class InfrastrukturKategorieFormularMixin(FormularMixin, Geschuetzt):
    permission_required = "quartiere.change_infrastrukturkategorie"
    form_class = InfrastrukturKategorieForm
    template_name = "quartiere/infrastruktur_kategorie_form.html"
    context_object_name = "kategorie"

    def speichern(self, form):
        return infrastruktur_kategorie_speichern(kategorie=form.instance)

    def get_success_url_fuer(self, objekt):
        return reverse("quartiere:infrastruktur_kategorien")


class InfrastrukturKategorieCreateView(InfrastrukturKategorieFormularMixin, CreateView):
    erfolgsmeldung = _("Die Kategorie „%(objekt)s“ wurde angelegt.")


class InfrastrukturKategorieUpdateView(InfrastrukturKategorieFormularMixin, UpdateView):
    model = InfrastrukturKategorie
    erfolgsmeldung = _("Die Kategorie „%(objekt)s“ wurde gespeichert.")


class InfrastrukturImportView(Geschuetzt, FormView):
    """Upload a CSV or GeoJSON file of facilities; a file with errors changes nothing."""

    permission_required = "quartiere.import_infrastruktur"
    form_class = InfrastrukturImportForm
    template_name = "quartiere/infrastruktur_import.html"
    success_url = reverse_lazy("quartiere:infrastruktur_liste")

    def form_valid(self, form):
        try:
            ergebnis = hochgeladene_infrastruktur_importieren(
                datei=form.cleaned_data["datei"],
                koordinatensystem=form.cleaned_data["koordinatensystem"],
                benutzer=self.request.user,
            )
        except ImportFehler as fehler:
            return self.render_to_response(self.get_context_data(form=form, import_fehler=fehler.fehler))
        messages.success(self.request, ergebnis.zusammenfassung())
        for warnung in ergebnis.warnungen:
            messages.warning(self.request, _("Hinweis: %(warnung)s") % {"warnung": warnung})
        return super().form_valid(form)


class QuartierInfrastrukturView(EinmalGeladenMixin, Geschuetzt, DetailView):
    """A quarter's facilities by category on a map and in a list, and its walking-distance coverage.

    ``?format=csv|xlsx`` downloads the coverage table, ``?format=geojson`` the map's layers
    (quarter, facilities in reach, reach per category).
    """

    permission_required = "quartiere.view_quartier_infrastruktur"
    template_name = "quartiere/infrastruktur_quartier.html"
    context_object_name = "quartier"

    def get_queryset(self):
        return Quartier.objects.select_related("stadtbezirk").mit_geojson()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.filter_form = InfrastrukturFilterForm(request.GET or None)
        self.kategorien = list(_gefilterte_kategorien(self.filter_form))
        format = request.GET.get("format")
        # Read once: it keys the coverage and the page's cached fragments (the tables and lists below the map).
        self.datenstand = datenstand()
        # Read from the cache only when used: a page whose fragments are all cached needs none of it.
        abdeckung = SimpleLazyObject(
            lambda: quartier_abdeckung(
                quartier=self.object,
                kategorien=self.kategorien,
                mit_puffer=format not in EXPORTFORMATE,
                stand=self.datenstand,
            )
        )
        self.erreichbarkeit = SimpleLazyObject(lambda: abdeckung[0])
        self.einrichtungen = SimpleLazyObject(lambda: abdeckung[1])
        if format in EXPORTFORMATE:
            return self.export(format)
        if format == "geojson":
            return self.geojson()
        return self.render_to_response(self.get_context_data(object=self.object))

    def export(self, format):
        kopf = [
            _("Handlungsfeld"),
            _("Kategorie"),
            _("Radius (m, Luftlinie)"),
            _("Einrichtungen in Reichweite"),
            _("Fläche im Radius (%)"),
            _("Nächste Einrichtung"),
            _("Entfernung vom Mittelpunkt (m, Luftlinie)"),
            _("Lücke"),
            _("Gründe"),
        ]
        zeilen = (
            [
                e.kategorie.handlungsfeld.name,
                e.kategorie.name,
                e.kategorie.radius_m,
                e.anzahl,
                e.prozent,
                e.naechste_name,
                round(e.naechste_distanz_m) if e.naechste_distanz_m is not None else None,
                e.ist_luecke,
                "; ".join(str(g) for g in e.gruende),
            ]
            for e in self.erreichbarkeit
        )
        return export_antwort(
            format=format,
            dateiname=f"erreichbarkeit-{self.object.slug}",
            kopf=[str(k) for k in kopf],
            zeilen=zeilen,
            titel="Erreichbarkeit",
        )

    def geojson(self):
        quartier = self.object
        features = [(quartier.geojson, {"ebene": "quartier", "name": quartier.name})]
        features += [
            (
                json.dumps({"type": "Point", "coordinates": [daten["lon"], daten["lat"]]}),
                {"ebene": "einrichtung", **{k: v for k, v in daten.items() if k not in ("lat", "lon", "url")}},
            )
            for daten in (_einrichtung_daten(e, mit_url=False) for e in self.einrichtungen)
        ]
        features += [
            (
                e.puffer_geojson,
                {
                    "ebene": "reichweite",
                    "kategorie": e.kategorie.slug,
                    "radius_m": e.kategorie.radius_m,
                    "anteil_prozent": e.prozent,
                    "luftlinie": True,
                },
            )
            for e in self.erreichbarkeit
            if e.puffer_geojson
        ]
        antwort = JsonResponse(feature_collection(features), json_dumps_params={"ensure_ascii": False})
        antwort["Content-Type"] = "application/geo+json; charset=utf-8"
        antwort["Content-Disposition"] = f'attachment; filename="infrastruktur-{quartier.slug}.geojson"'
        return antwort

    def filter_schluessel(self):
        """The cache key of the rendered filter form: its input as sent (a valid one), or None."""
        if self.filter_form.is_bound and not self.filter_form.is_valid():
            return None
        eingabe = [self.filter_form.data.get(name, "") for name in self.filter_form.fields]
        return repr((self.datenstand, self.filter_form.is_bound, eingabe))

    def karte(self, *, puffer_sichtbar):
        """What ``infrastruktur.js`` draws: the quarter, per category its symbol and reach, the facilities."""
        return {
            "quartier": {"name": self.object.name, "geometrie": self.object.geojson},
            "kategorien": [
                {**_kategorie_daten(e.kategorie), "puffer": e.puffer_geojson, "puffer_sichtbar": puffer_sichtbar}
                for e in self.erreichbarkeit
            ],
            "einrichtungen": [_einrichtung_daten(e) for e in self.einrichtungen],
        }

    def get_context_data(self, **kwargs):
        puffer_sichtbar = bool(self.filter_form.is_valid() and any(self.filter_form.cleaned_data.values()))
        # Built only when the map's fragment is not cached (the template calls it; json_script needs a dict).
        karte = functools.cache(lambda: self.karte(puffer_sichtbar=puffer_sichtbar))
        return super().get_context_data(
            filter_form=self.filter_form,
            erreichbarkeit=self.erreichbarkeit,
            luecken=SimpleLazyObject(lambda: luecken(self.erreichbarkeit)),
            luecke_prozent=round(LUECKE_MINDESTANTEIL * 100),
            einrichtungen=self.einrichtungen,
            kategorien=self.kategorien,
            karte=SimpleLazyObject(karte),
            karte_daten=karte,
            puffer_sichtbar=puffer_sichtbar,
            filter_parameter=self.request.GET.urlencode(),
            # The fragments of the tables and lists are cached per Datenstand and choice of categories, the
            # filter form (its choices are categories) per Datenstand and input, unless the input has errors.
            fragment_schluessel=f"{self.datenstand}:{','.join(str(k.pk) for k in self.kategorien)}",
            filter_schluessel=self.filter_schluessel(),
            fragment_sekunden=settings.CACHES["default"]["TIMEOUT"],
            **kwargs,
        )
