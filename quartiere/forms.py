"""Forms of the quarters app."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from leaflet.forms.widgets import LeafletWidget

from dwk.permissions import PARTNER

from .geometrie import GeometrieFehler, als_multipolygon
from .models import Quartier


class QuartierForm(forms.ModelForm):
    """Create or edit a quarter; refuses a save based on an outdated state of the quarter."""

    stand = forms.CharField(widget=forms.HiddenInput, required=False)

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
        if self.instance.pk and not self.is_bound:
            self.initial["stand"] = self.instance.updated_at.isoformat()

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
        if self.instance.pk:
            aktuell = Quartier.objects.filter(pk=self.instance.pk).values_list("updated_at", flat=True).first()
            if aktuell and daten.get("stand") != aktuell.isoformat():
                raise forms.ValidationError(
                    _(
                        "Das Quartier wurde inzwischen von jemand anderem geändert. Ihre Änderungen wurden "
                        "nicht gespeichert, damit nichts überschrieben wird. Bitte laden Sie die Seite neu "
                        "und tragen Sie Ihre Änderungen erneut ein."
                    ),
                    code="veraltet",
                )
        grenze, stadtbezirk = daten.get("grenze"), daten.get("stadtbezirk")
        if grenze is not None and stadtbezirk is not None and not grenze.intersects(stadtbezirk.geometrie):
            self.add_error(
                "grenze",
                _("Die Grenze liegt nicht im Stadtbezirk %(stadtbezirk)s. Bitte prüfen Sie Grenze oder Stadtbezirk.")
                % {"stadtbezirk": stadtbezirk.name},
            )
        return daten
