"""Forms of the quarters app."""

from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.gis.geos import Point
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from leaflet.forms.widgets import LeafletWidget

from dwk.forms import VeralteterStandMixin
from dwk.permissions import PARTNER

from .geometrie import GeometrieFehler, als_multipolygon
from .models import Ebene, Handlungsfeld, Infrastruktur, InfrastrukturKategorie, Quartier
from .services.gebiete_import import ERLAUBTE_ENDUNGEN, GebietsEbene, parameter_pruefen


class QuartierForm(VeralteterStandMixin, forms.ModelForm):
    """Create or edit a quarter; refuses a save based on an outdated state of the quarter."""

    class Meta:
        model = Quartier
        fields = [
            "name",
            "stadtbezirk",
            "siedlungsepoche",
            "status",
            "ist_referenzquartier",
            "auswahlbegruendung",
            "grenze",
            "partner",
        ]
        widgets = {
            "grenze": LeafletWidget(attrs={"map_height": "480px", "geom_type": "MultiPolygon"}),
            "auswahlbegruendung": forms.Textarea(attrs={"rows": 4}),
            "partner": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "grenze": _(
                "Zeichnen Sie die Grenze auf der Karte: Polygon-Werkzeug wählen, Eckpunkte anklicken, "
                "mit dem ersten Punkt schließen. Die abgedeckten Unterbezirke werden danach automatisch ermittelt."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = get_user_model().objects.filter(groups__name=PARTNER).order_by("last_name")
        self.fields["partner"].required = False

    def clean_grenze(self):
        grenze = self.cleaned_data.get("grenze")
        if grenze is None:
            return grenze
        if grenze.srid != 4326:
            grenze.transform(4326)
        try:
            return als_multipolygon(grenze)
        except GeometrieFehler as fehler:
            raise forms.ValidationError(str(fehler)) from fehler

    def clean(self):
        daten = super().clean()
        grenze, stadtbezirk = daten.get("grenze"), daten.get("stadtbezirk")
        if grenze is not None and stadtbezirk is not None and not grenze.intersects(stadtbezirk.geometrie):
            self.add_error(
                "grenze",
                _("Die Grenze liegt nicht im Stadtbezirk %(stadtbezirk)s. Bitte prüfen Sie Grenze oder Stadtbezirk.")
                % {"stadtbezirk": stadtbezirk.name},
            )
        return daten


# A Shapefile is several files; in the browser it comes as one ZIP archive.
UPLOAD_ENDUNGEN = [endung for endung in ERLAUBTE_ENDUNGEN if endung != ".shp"]


class GebieteImportForm(forms.Form):
    datei = forms.FileField(
        label=_("Datei"),
        help_text=_(
            "GeoJSON (.geojson, .json), KML (.kml), GeoPackage (.gpkg) oder ein Shapefile als ZIP-Archiv (.zip "
            "mit den Dateien .shp, .shx, .dbf und .prj). Das Koordinatensystem darf beliebig sein."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(UPLOAD_ENDUNGEN)}),
    )
    ebene = forms.ChoiceField(
        label=_("Ebene"),
        choices=GebietsEbene.choices,
        help_text=_("Welche Gebiete die Datei enthält."),
    )
    code_feld = forms.CharField(
        label=_("Feld für den Code"),
        max_length=100,
        initial="code",
        help_text=_(
            "Name des Feldes (der Spalte) mit dem amtlichen Code jedes Gebiets, z. B. „code“. Über den Code "
            "werden vorhandene Gebiete wiedererkannt und aktualisiert."
        ),
    )
    name_feld = forms.CharField(
        label=_("Feld für den Namen"),
        max_length=100,
        initial="name",
        help_text=_("Name des Feldes mit dem Namen des Gebiets, z. B. „name“ (bei KML-Dateien meist „Name“)."),
    )
    parent_feld = forms.CharField(
        label=_("Feld für den Code des übergeordneten Gebiets"),
        max_length=100,
        required=False,
        help_text=_(
            "Nur für statistische Bezirke (Code des Stadtbezirks) und Unterbezirke (Code des statistischen "
            "Bezirks). Bei Stadtbezirken bleibt das Feld leer."
        ),
    )

    def clean_datei(self):
        datei = self.cleaned_data["datei"]
        if PurePosixPath(datei.name).suffix.lower() == ".shp":
            raise forms.ValidationError(
                _(
                    "Ein Shapefile besteht aus mehreren Dateien. Bitte packen Sie die Dateien .shp, .shx, .dbf "
                    "und .prj zusammen in ein ZIP-Archiv und laden Sie dieses hoch."
                )
            )
        if datei.size > settings.DWK_GEBIETE_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                _("Die Datei ist zu groß; erlaubt sind höchstens %(groesse)s.")
                % {"groesse": filesizeformat(settings.DWK_GEBIETE_UPLOAD_MAX_BYTES)}
            )
        return datei

    def clean(self):
        daten = super().clean()
        datei, ebene = daten.get("datei"), daten.get("ebene")
        if datei is None or ebene is None:
            return daten
        for meldung in parameter_pruefen(dateiname=datei.name, ebene=ebene, parent_feld=daten.get("parent_feld")):
            self.add_error(None, meldung)
        return daten


# --- Infrastructure inventory --------------------------------------------------------------


class InfrastrukturForm(VeralteterStandMixin, forms.ModelForm):
    """Create or edit a facility: the point on the map, or typed as latitude and longitude.

    Without ``VeralteterStandMixin``: its hidden field ``stand`` would hide the model's
    field ``stand`` (the date of the information).
    """

    breite = forms.FloatField(
        label=_("Breite (WGS 84, Grad Nord)"),
        required=False,
        min_value=-90,
        max_value=90,
        help_text=_("z. B. 51,5136 – wer die Karte nicht nutzen kann oder will, gibt die Lage hier ein."),
        localize=True,
    )
    laenge = forms.FloatField(
        label=_("Länge (WGS 84, Grad Ost)"), required=False, min_value=-180, max_value=180, localize=True
    )

    class Meta:
        model = Infrastruktur
        fields = [
            "kategorie",
            "name",
            "adresse",
            "punkt",
            "barrierefreiheit",
            "oeffnungshinweise",
            "quelle",
            "quelle_hinweis",
            "stand",
        ]
        widgets = {
            "punkt": LeafletWidget(attrs={"map_height": "420px", "geom_type": "Point"}),
            "stand": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "punkt": _(
                "Setzen Sie den Punkt auf der Karte (Marker-Werkzeug wählen, dann auf die Karte klicken) "
                "oder geben Sie darunter Breite und Länge ein. Geänderte Zahlenfelder haben Vorrang vor der Karte."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["punkt"].required = False
        self.fields["kategorie"].queryset = self.fields["kategorie"].queryset.select_related("handlungsfeld")
        if self.instance.pk and self.instance.punkt is not None:
            self.initial.setdefault("breite", round(self.instance.punkt.y, 6))
            self.initial.setdefault("laenge", round(self.instance.punkt.x, 6))

    def clean(self):
        daten = super().clean()
        breite, laenge = daten.get("breite"), daten.get("laenge")
        getippt = {"breite", "laenge"} & set(self.changed_data)
        if getippt and (breite is None) != (laenge is None):
            self.add_error("laenge" if laenge is None else "breite", _("Bitte geben Sie Breite und Länge an."))
        elif getippt and breite is not None:
            daten["punkt"] = Point(laenge, breite, srid=4326)
        punkt = daten.get("punkt")
        if punkt is None:
            if "punkt" not in self.errors:
                self.add_error(
                    "punkt", _("Bitte setzen Sie den Punkt auf der Karte oder geben Sie Breite und Länge an.")
                )
        elif punkt.srid != 4326:
            punkt.transform(4326)
        return daten


class InfrastrukturKategorieForm(VeralteterStandMixin, forms.ModelForm):
    """Create or edit a category; refuses a save based on an outdated state of the category."""

    class Meta:
        model = InfrastrukturKategorie
        fields = ["name", "handlungsfeld", "radius_m", "reihenfolge"]
        help_texts = {
            "radius_m": _(
                "Luftlinie in Metern, innerhalb derer eine Einrichtung als erreichbar gilt (üblich: 300–1.000 m)."
            ),
            "reihenfolge": _("Position innerhalb des Handlungsfelds in Listen und Tabellen."),
        }


class InfrastrukturFilterForm(forms.Form):
    """The filter of the inventory list and of a quarter's infrastructure map (GET)."""

    handlungsfeld = forms.ModelChoiceField(
        label=_("Handlungsfeld"), queryset=None, required=False, empty_label=_("alle Handlungsfelder")
    )
    kategorie = forms.ModelChoiceField(
        label=_("Kategorie"), queryset=None, required=False, empty_label=_("alle Kategorien"), to_field_name="slug"
    )

    def __init__(self, *args, quartiere=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handlungsfeld"].queryset = Handlungsfeld.objects.filter(
            infrastruktur_kategorien__isnull=False
        ).distinct()
        self.fields["kategorie"].queryset = InfrastrukturKategorie.objects.select_related("handlungsfeld")
        if quartiere is not None:
            self.fields["quartier"] = forms.ModelChoiceField(
                label=_("Quartier"),
                queryset=quartiere,
                required=False,
                empty_label=_("ganze Stadt"),
                to_field_name="slug",
            )


class InfrastrukturImportForm(forms.Form):
    datei = forms.FileField(
        label=_("Datei"),
        help_text=_(
            "CSV (.csv, getrennt durch Semikolon oder Komma; UTF-8, UTF-16 mit BOM oder Windows-1252) oder GeoJSON "
            "(.geojson, .json) mit Punkten."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.geojson,.json"}),
    )
    koordinatensystem = forms.TypedChoiceField(
        label=_("Koordinatensystem der CSV-Datei"),
        coerce=int,
        choices=[
            (4326, _("WGS 84 (EPSG:4326): Spalten „lat“ (Breite) und „lon“ (Länge) in Grad")),
            (25832, _("ETRS89 / UTM 32N (EPSG:25832): Spalten „x“ (Ostwert) und „y“ (Nordwert) in Metern")),
        ],
        initial=4326,
        widget=forms.RadioSelect,
        help_text=_("GeoJSON-Dateien bringen ihr Koordinatensystem selbst mit; dann zählt diese Angabe nicht."),
    )


# --- Small-area analysis -----------------------------------------------------------------------


class KennzahlenImportForm(forms.Form):
    datei = forms.FileField(
        label=_("CSV-Datei"),
        help_text=_(
            "Eine CSV-Datei mit „;“ als Trennzeichen und Dezimalkomma, in UTF-8, UTF-16 mit BOM oder Windows-1252 "
            "(wie sie Excel und die Statistikstellen speichern)."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv"}),
    )
    ebene = forms.ChoiceField(
        label=_("Ebene der Gebietscodes"),
        choices=Ebene.choices,
        initial=Ebene.UNTERBEZIRK,
        help_text=_("Zu welcher Ebene die Codes in der ersten Spalte gehören; für die Stadt: der Gemeindeschlüssel."),
    )

    def clean_datei(self):
        datei = self.cleaned_data["datei"]
        if datei.size > settings.DWK_KENNZAHLEN_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                _("Die Datei ist zu groß; erlaubt sind höchstens %(groesse)s.")
                % {"groesse": filesizeformat(settings.DWK_KENNZAHLEN_UPLOAD_MAX_BYTES)}
            )
        return datei


class IndikatorKarteForm(forms.Form):
    """The choices of the choropleth page, read from the query string (all optional)."""

    ebene = forms.ChoiceField(
        label=_("Ebene"),
        required=False,
        choices=[
            (Ebene.STADTBEZIRK, _("Stadtbezirke")),
            (Ebene.BEZIRK, _("statistische Bezirke")),
            (Ebene.UNTERBEZIRK, _("statistische Unterbezirke")),
        ],
    )
    jahr = forms.TypedChoiceField(label=_("Jahr"), required=False, coerce=int, empty_value=None)
    klassen = forms.ChoiceField(
        label=_("Einteilung in Klassen"),
        required=False,
        choices=[("quantile", _("Quantile (gleich viele Gebiete je Klasse)")), ("gleich", _("gleiche Abstände"))],
    )

    def __init__(self, *args, jahre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jahr"].choices = [(jahr, str(jahr)) for jahr in jahre]

    def auswahl(self, *, jahre):
        """``(ebene, jahr, klassen)`` with defaults for what is missing or invalid."""
        daten = self.cleaned_data if self.is_valid() else {}
        return (
            daten.get("ebene") or Ebene.UNTERBEZIRK,
            daten.get("jahr") or (jahre[0] if jahre else None),
            daten.get("klassen") or "quantile",
        )
