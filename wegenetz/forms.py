"""Forms of the walking network: upload of an OSM extract, a profile, a barrier."""

from django import forms
from django.contrib.gis.geos import Point
from django.utils.translation import gettext_lazy as _

from dwk.forms import VeralteterStandMixin
from quartiere.models import Infrastruktur
from quartiersprofil.models import Befund
from quartiersprofil.models.begehungen import BefundArt

from .models import Profilart, Wegprofil
from .services.netz_import import ENDUNGEN

# An extract of a large city is some 10–60 MB; more is refused before it is stored.
MAX_DATEI_MB = 300


class WegenetzImportForm(forms.Form):
    datei = forms.FileField(
        label=_("OpenStreetMap-Auszug (.osm.pbf)"),
        help_text=_("Zum Beispiel der Auszug des Regierungsbezirks von Geofabrik. Höchstens %(mb)s MB.")
        % {"mb": MAX_DATEI_MB},
    )

    def clean_datei(self):
        datei = self.cleaned_data["datei"]
        if not datei.name.lower().endswith(ENDUNGEN):
            raise forms.ValidationError(
                _("„%(name)s“ ist kein OpenStreetMap-Auszug: erwartet wird eine Datei mit der Endung .osm.pbf.")
                % {"name": datei.name}
            )
        if datei.size > MAX_DATEI_MB * 1024 * 1024:
            raise forms.ValidationError(_("Die Datei ist größer als %(mb)s MB.") % {"mb": MAX_DATEI_MB})
        return datei


class WegprofilForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Wegprofil
        fields = list(Wegprofil.EINSTELLUNGEN)


class BarriereForm(forms.Form):
    befund = forms.ModelChoiceField(
        label=_("Befund (Mangel mit Ort)"),
        queryset=Befund.objects.none(),
        help_text=_("Der Befund wird mit dem nächstgelegenen Wegabschnitt (höchstens 30 m entfernt) verknüpft."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["befund"].queryset = (
            Befund.objects.filter(art=BefundArt.MANGEL, ort__isnull=False)
            .select_related("begehung__quartier")
            .order_by("begehung__quartier__name", "-begehung__datum", "pk")
        )
        self.fields["befund"].label_from_instance = lambda b: (
            f"{b.begehung.quartier.name}, {b.begehung.datum:%d.%m.%Y}: {b.text[:80]}"
        )


class IsochronenForm(forms.Form):
    """The start of an isochrone: a facility or a point (longitude, latitude), and a profile."""

    profil = forms.ChoiceField(label=_("Profil"), choices=Profilart.choices, initial=Profilart.FUSS)
    einrichtung = forms.ModelChoiceField(
        label=_("Einrichtung"),
        queryset=Infrastruktur.objects.none(),
        required=False,
        empty_label=_("– einen Punkt angeben –"),
    )
    lon = forms.FloatField(label=_("Längengrad"), required=False, min_value=-180, max_value=180)
    lat = forms.FloatField(label=_("Breitengrad"), required=False, min_value=-90, max_value=90)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["einrichtung"].queryset = Infrastruktur.objects.select_related("kategorie").order_by(
            "kategorie__name", "name", "pk"
        )
        self.fields["einrichtung"].label_from_instance = lambda e: f"{e.kategorie.name}: {e.name}"
        self.fields["lon"].widget.attrs["step"] = "any"
        self.fields["lat"].widget.attrs["step"] = "any"

    def clean(self):
        daten = super().clean()
        ohne_start = daten.get("einrichtung") is None and (daten.get("lon") is None or daten.get("lat") is None)
        if ohne_start and not self.errors:
            raise forms.ValidationError(
                _(
                    "Bitte wählen Sie eine Einrichtung oder geben Sie Längen- und Breitengrad an "
                    "(oder klicken Sie in die Karte)."
                )
            )
        return daten

    def startpunkt(self) -> Point:
        einrichtung = self.cleaned_data.get("einrichtung")
        if einrichtung is not None:
            return einrichtung.punkt
        return Point(self.cleaned_data["lon"], self.cleaned_data["lat"], srid=4326)
