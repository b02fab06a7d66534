"""Forms of the documentation and of the evaluation's fast entry."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dwk.forms import VeralteterStandMixin
from quartiersprofil.forms.begehungen import MehrfachDateiFeld, MehrfachDateiInput

from .models import Dokumentation, Dokumentationsanhang, Dokumentationsfoto, Ergebnis, Fragebogen


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
    darf_veroeffentlicht_werden = forms.BooleanField(
        label=_("darf veröffentlicht werden"),
        required=False,
        help_text=_("Nur ankreuzen, wenn keine Personen zu erkennen sind oder sie zugestimmt haben."),
    )


class DokumentationsfotoForm(VeralteterStandMixin, forms.ModelForm):
    """One photo: caption, publication flag and the card whose pin board it shows (cards of its event)."""

    class Meta:
        model = Dokumentationsfoto
        fields = ["bildunterschrift", "darf_veroeffentlicht_werden", "ergebnis"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        karten = Ergebnis.objects.filter(veranstaltung=self.instance.dokumentation.veranstaltung_id).order_by("pk")
        self.fields["ergebnis"].queryset = karten
        self.fields["ergebnis"].empty_label = _("keine bestimmte Karte")


class DokumentationsanhangBearbeitenForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Dokumentationsanhang
        fields = ["titel"]


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


class FragebogenBearbeitenForm(VeralteterStandMixin, FragebogenForm):
    """Correct one typed-up questionnaire (refused when someone else saved it meanwhile)."""
