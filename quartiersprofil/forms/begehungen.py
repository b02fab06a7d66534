"""Forms of the quarter profile: walk-throughs, findings, photos, sources, the survey."""

import os
import tempfile

from django import forms
from django.conf import settings
from django.contrib.gis.gdal import DataSource, GDALException
from django.contrib.gis.geos import LineString, MultiLineString, Point
from django.core.exceptions import ValidationError
from django.forms import BaseModelFormSet, inlineformset_factory, modelformset_factory
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from leaflet.forms.widgets import LeafletWidget

from dwk.forms import VeralteterStandMixin
from lenkungsgruppe.models import Organisation
from quartiere.models import Handlungsfeld, Infrastruktur, Quartier

from ..models import Akteur, Befragung, Befund, BefundArt, Foto, Frage, Quartiersbegehung, Quelle, QuellenAuszug

GPX_MAX_BYTES = 10 * 1024 * 1024


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class PunktMitKoordinatenMixin:
    """A point set on the map or typed as latitude and longitude (typed values win).

    The form declares ``breite`` and ``laenge``; ``punkt_feld`` names the model's PointField.
    """

    punkt_feld = "ort"

    def _koordinaten_vorbelegen(self):
        punkt = getattr(self.instance, self.punkt_feld)
        if self.instance.pk and punkt is not None:
            self.initial.setdefault("breite", round(punkt.y, 6))
            self.initial.setdefault("laenge", round(punkt.x, 6))

    def _punkt_bereinigen(self, daten):
        breite, laenge = daten.get("breite"), daten.get("laenge")
        getippt = {"breite", "laenge"} & set(self.changed_data)
        if getippt and (breite is None) != (laenge is None):
            self.add_error("laenge" if laenge is None else "breite", _("Bitte geben Sie Breite und Länge an."))
        elif getippt and breite is not None:
            daten[self.punkt_feld] = Point(laenge, breite, srid=4326)
        elif getippt:
            daten[self.punkt_feld] = None
        punkt = daten.get(self.punkt_feld)
        if punkt is not None and punkt.srid != 4326:
            punkt.transform(4326)
        return daten


def _breite_feld():
    return forms.FloatField(
        label=_("Breite (Grad Nord)"),
        required=False,
        min_value=-90,
        max_value=90,
        widget=forms.NumberInput(attrs={"step": "any"}),
    )


def _laenge_feld():
    return forms.FloatField(
        label=_("Länge (Grad Ost)"),
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.NumberInput(attrs={"step": "any"}),
    )


def gpx_lesen(datei):
    """The tracks and routes of a GPX file as a MultiLineString (EPSG:4326); ValidationError if unusable."""
    if datei.size > GPX_MAX_BYTES:
        raise forms.ValidationError(
            _("Die GPX-Datei ist zu groß; erlaubt sind höchstens %(max)s.") % {"max": filesizeformat(GPX_MAX_BYTES)}
        )
    kaputt = _("Die Datei „%(name)s“ ist keine lesbare GPX-Datei mit einem Track oder einer Route.") % {
        "name": datei.name
    }
    fd, pfad = tempfile.mkstemp(suffix=".gpx")
    try:
        with os.fdopen(fd, "wb") as ziel:
            for stueck in datei.chunks():
                ziel.write(stueck)
        try:
            quelle = DataSource(pfad)
        except GDALException:
            raise forms.ValidationError(kaputt) from None
        if quelle.driver.name != "GPX":
            raise forms.ValidationError(kaputt)
        linien = []
        try:
            for ebene in quelle:
                if ebene.name not in {"tracks", "routes"}:
                    continue
                for objekt in ebene:
                    geometrie = objekt.geom.geos
                    geometrie.srid = 4326
                    if isinstance(geometrie, LineString):
                        linien.append(geometrie)
                    elif isinstance(geometrie, MultiLineString):
                        linien.extend(geometrie)
        except GDALException:
            raise forms.ValidationError(kaputt) from None
    finally:
        os.unlink(pfad)
    linien = [linie for linie in linien if linie.num_points >= 2]
    if not linien:
        raise forms.ValidationError(kaputt)
    return MultiLineString(*[LineString(linie.coords, srid=4326) for linie in linien], srid=4326)


class BegehungForm(VeralteterStandMixin, forms.ModelForm):
    gpx = forms.FileField(
        label=_("Route als GPX-Datei"),
        required=False,
        help_text=_(
            "Statt zu zeichnen: eine GPX-Datei mit dem aufgezeichneten Weg. Sie ersetzt die gezeichnete Route."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".gpx,application/gpx+xml"}),
    )

    class Meta:
        model = Quartiersbegehung
        fields = ["datum", "teilnehmende_organisationen", "teilnehmende", "route", "zusammenfassung"]
        widgets = {
            "datum": DatumInput(),
            "teilnehmende_organisationen": forms.CheckboxSelectMultiple,
            "teilnehmende": forms.CheckboxSelectMultiple,
            "route": LeafletWidget(attrs={"map_height": "420px", "geom_type": "MultiLineString"}),
            "zusammenfassung": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "route": _(
                "Zeichnen Sie den Weg auf der Karte (Linien-Werkzeug wählen, Punkte anklicken, mit dem letzten Punkt "
                "beenden) oder laden Sie darunter eine GPX-Datei hoch. Die Route ist freiwillig."
            ),
        }

    def __init__(self, *args, quartier, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teilnehmende_organisationen"].queryset = Organisation.objects.order_by("name")
        # Persons are shown as role and organisation only (see quartiersprofil.queries.personen).
        self.fields["teilnehmende"].queryset = Akteur.objects.filter(quartier=quartier)
        self.fields["route"].required = False

    def clean_gpx(self):
        datei = self.cleaned_data.get("gpx")
        return gpx_lesen(datei) if datei else None

    def clean(self):
        daten = super().clean()
        if daten.get("gpx") is not None:
            daten["route"] = daten["gpx"]
        route = daten.get("route")
        if route is not None:
            if route.srid != 4326:
                route.transform(4326)
            if isinstance(route, LineString):
                daten["route"] = MultiLineString(route, srid=4326)
        self.instance.route = daten.get("route")
        return daten


class BefundForm(PunktMitKoordinatenMixin, VeralteterStandMixin, forms.ModelForm):
    breite = _breite_feld()
    laenge = _laenge_feld()

    class Meta:
        model = Befund
        fields = ["handlungsfeld", "art", "text", "ort"]
        widgets = {
            "art": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 4}),
            "ort": LeafletWidget(attrs={"map_height": "360px", "geom_type": "Point"}),
        }
        help_texts = {
            "ort": _(
                "Setzen Sie den Punkt auf der Karte (Marker-Werkzeug wählen, dann klicken) oder geben Sie darunter "
                "Breite und Länge ein. Geänderte Zahlenfelder haben Vorrang vor der Karte. Der Ort ist freiwillig."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ort"].required = False
        self.fields["art"].choices = BefundArt.choices
        self._koordinaten_vorbelegen()

    def clean(self):
        return self._punkt_bereinigen(super().clean())


class MehrfachDateiInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MehrfachDateiFeld(forms.FileField):
    """Several files in one field (Django docs, "Uploading multiple files")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MehrfachDateiInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        einzeln = super().clean
        if isinstance(data, list | tuple):
            return [einzeln(d, initial) for d in data]
        return [einzeln(data, initial)]


class FotoHochladenForm(forms.Form):
    dateien = MehrfachDateiFeld(
        label=_("Fotos"),
        widget=MehrfachDateiInput(attrs={"accept": "image/jpeg,image/png,image/webp", "multiple": True}),
    )
    bildunterschrift = forms.CharField(
        label=_("Bildunterschrift"),
        max_length=300,
        required=False,
        help_text=_("Gilt für alle Fotos dieser Auswahl; Sie können sie danach je Foto ändern."),
    )
    handlungsfeld = forms.ModelChoiceField(
        label=_("Handlungsfeld"), queryset=Handlungsfeld.objects.all(), required=False, empty_label=_("keines")
    )
    befund = forms.ModelChoiceField(label=_("zum Befund"), queryset=Befund.objects.none(), required=False)
    darf_veroeffentlicht_werden = forms.BooleanField(
        label=_("darf veröffentlicht werden"),
        required=False,
        help_text=_("Nur ankreuzen, wenn auf keinem der Fotos Personen zu erkennen sind oder sie zugestimmt haben."),
    )

    def __init__(self, *args, begehung, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["befund"].queryset = begehung.befunde.select_related("handlungsfeld")
        self.fields["dateien"].help_text = _(
            "Sie können mehrere Fotos auf einmal auswählen: JPEG, PNG oder WebP, je Foto höchstens %(max)s. Die "
            "Fotos werden neu gespeichert, ohne Kameradaten; eine GPS-Position wird zum Standort auf der Karte "
            "und nicht in der Datei behalten."
        ) % {"max": filesizeformat(settings.DWK_FOTO_MAX_BYTES)}


class FotoForm(PunktMitKoordinatenMixin, VeralteterStandMixin, forms.ModelForm):
    punkt_feld = "standort"
    breite = _breite_feld()
    laenge = _laenge_feld()

    class Meta:
        model = Foto
        fields = ["bildunterschrift", "handlungsfeld", "befund", "darf_veroeffentlicht_werden", "standort"]
        widgets = {"standort": LeafletWidget(attrs={"map_height": "360px", "geom_type": "Point"})}
        help_texts = {
            "standort": _(
                "Aus der GPS-Angabe des Fotos übernommen, wenn vorhanden. Verschieben Sie den Punkt auf der Karte "
                "oder geben Sie darunter Breite und Länge ein."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standort"].required = False
        if self.instance.begehung_id:
            self.fields["befund"].queryset = Befund.objects.filter(begehung_id=self.instance.begehung_id)
        else:
            self.fields["befund"].queryset = Befund.objects.none()
        self._koordinaten_vorbelegen()

    def clean(self):
        return self._punkt_bereinigen(super().clean())


class HandlungsfeldFilterForm(forms.Form):
    """The filter of the gallery and the map (GET, works without JavaScript)."""

    handlungsfeld = forms.ModelChoiceField(
        label=_("Handlungsfeld"),
        queryset=Handlungsfeld.objects.all(),
        required=False,
        empty_label=_("alle Handlungsfelder"),
        to_field_name="slug",
    )

    def gewaehlt(self):
        return self.cleaned_data.get("handlungsfeld") if self.is_valid() else None


# --- Sources ----------------------------------------------------------------------------------


class QuelleForm(VeralteterStandMixin, forms.ModelForm):
    url = forms.URLField(label=_("Adresse im Netz"), required=False, assume_scheme="https")

    class Meta:
        model = Quelle
        fields = ["titel", "art", "fachplanung", "url", "gesichtet_am", "notiz"]
        widgets = {"gesichtet_am": DatumInput(), "notiz": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "fachplanung": _("Wenn die Lenkungsgruppe diese Planung erfasst hat: hier verknüpfen."),
        }


QuellenAuszugFormSet = inlineformset_factory(
    Quelle,
    QuellenAuszug,
    fields=["handlungsfeld", "text", "fundstelle"],
    widgets={"text": forms.Textarea(attrs={"rows": 3})},
    extra=2,
    can_delete=True,
)


# --- The survey of the senior offices -----------------------------------------------------------


class BefragungForm(forms.ModelForm):
    class Meta:
        model = Befragung
        fields = ["titel", "jahr", "versandt_am"]
        widgets = {"versandt_am": DatumInput()}


class FrageForm(VeralteterStandMixin, forms.ModelForm):
    """One question of the questionnaire; a question changed by someone else meanwhile is refused."""

    class Meta:
        model = Frage
        fields = ["handlungsfeld", "text", "reihenfolge"]


class FragenFormSetBasis(BaseModelFormSet):
    def add_error(self, feld, fehler):
        """An error of the saving service (``FormularMixin``) is shown above the questionnaire."""
        self.non_form_errors()
        self._non_form_errors.extend(ValidationError(fehler).messages)


FrageFormSet = modelformset_factory(Frage, form=FrageForm, formset=FragenFormSetBasis, extra=3, can_delete=True)


def seniorenbueros():
    return Infrastruktur.objects.filter(kategorie__slug="seniorenbuero").order_by("name")


class AntwortAuswahlForm(forms.Form):
    """Which paper form is entered: quarter, senior office and (optionally) one field of action (GET)."""

    quartier = forms.ModelChoiceField(label=_("Quartier"), queryset=Quartier.objects.none(), to_field_name="slug")
    seniorenbuero = forms.ModelChoiceField(label=_("Seniorenbüro"), queryset=Infrastruktur.objects.none())
    handlungsfeld = forms.ModelChoiceField(
        label=_("Handlungsfeld"),
        queryset=Handlungsfeld.objects.all(),
        required=False,
        empty_label=_("ganzer Fragebogen"),
        to_field_name="slug",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quartier"].queryset = Quartier.objects.referenzquartiere()
        self.fields["seniorenbuero"].queryset = seniorenbueros()


BEWERTUNGEN = [
    ("", _("keine Angabe")),
    ("1", _("1 – sehr gut")),
    ("2", _("2 – gut")),
    ("3", _("3 – teils, teils")),
    ("4", _("4 – schlecht")),
    ("5", _("5 – sehr schlecht")),
]


class AntwortForm(forms.Form):
    """The answer to one question; the view sets ``frage``."""

    bewertung = forms.TypedChoiceField(
        label=_("Bewertung"), choices=BEWERTUNGEN, coerce=int, empty_value=None, required=False
    )
    text = forms.CharField(label=_("Antwort"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


AntwortFormSet = forms.formset_factory(AntwortForm, extra=0)


class EingangForm(forms.Form):
    eingegangen_am = forms.DateField(label=_("Fragebogen eingegangen am"), required=False, widget=DatumInput())
