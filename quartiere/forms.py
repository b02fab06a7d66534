"""Forms of the quarters app."""

from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from leaflet.forms.widgets import LeafletWidget

from dwk.forms import VeralteterStandMixin
from dwk.permissions import PARTNER

from .geometrie import GeometrieFehler, als_multipolygon
from .importe import ERLAUBTE_ENDUNGEN, GebietsEbene, parameter_pruefen
from .models import Quartier


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
