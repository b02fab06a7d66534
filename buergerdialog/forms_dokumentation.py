"""Forms of the documentation and of the evaluation's fast entry."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dwk.forms import VeralteterStandMixin
from quartiersprofil.forms.begehungen import MehrfachDateiFeld, MehrfachDateiInput

from .models import Dokumentation, Dokumentationsanhang, Fragebogen


class DokumentationForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Dokumentation
        fields = ["programm", "text"]
        widgets = {"programm": forms.Textarea(attrs={"rows": 6}), "text": forms.Textarea(attrs={"rows": 14})}


class DokumentationsfotosForm(forms.Form):
    dateien = MehrfachDateiFeld(
        label=_("Fotos"),
        widget=MehrfachDateiInput(attrs={"accept": "image/jpeg,image/png,image/webp", "multiple": True}),
        help_text=_("Zum Beispiel die Pinnwände. Gespeichert werden nur neu berechnete Bilder ohne Metadaten."),
    )
    bildunterschrift = forms.CharField(label=_("Bildunterschrift"), max_length=300, required=False)


class DokumentationsanhangForm(forms.ModelForm):
    class Meta:
        model = Dokumentationsanhang
        fields = ["titel", "datei"]
        widgets = {"datei": forms.ClearableFileInput(attrs={"accept": "application/pdf"})}


class FragebogenForm(forms.ModelForm):
    """One paper questionnaire: a digit 1–5 per item (empty where nothing was ticked), then the texts."""

    class Meta:
        model = Fragebogen
        fields = [*Fragebogen.ITEMS, "naechste_schritte", "kommentar"]
        widgets = {
            **{
                feld: forms.NumberInput(attrs={"min": 1, "max": 5, "inputmode": "numeric", "class": "fragebogen-wert"})
                for feld in Fragebogen.ITEMS
            },
            "naechste_schritte": forms.Textarea(attrs={"rows": 2}),
            "kommentar": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[Fragebogen.ITEMS[0]].widget.attrs["autofocus"] = True
        for feld in Fragebogen.ITEMS:
            self.fields[feld].help_text = _("1 bis 5; leer lassen, wenn nichts angekreuzt ist.")
