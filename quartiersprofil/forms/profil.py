"""Forms of the profile texts, measures, key persons and talks (see ``forms.py`` for the evidence)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dwk.forms import VeralteterStandMixin

from ..models import (
    BELEG_FELDER,
    Akteur,
    Antwort,
    Befund,
    Foto,
    Gespraech,
    Massnahme,
    MassnahmeMeilenstein,
    ProfilAbschnitt,
    QuellenAuszug,
)
from ..queries.personen import akteur_anzeige
from ..services.massnahmen import erlaubte_status

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MARKDOWN_HILFE = _(
    "Markdown: **fett**, *kursiv*, Listen mit „- “, Links als [Text](https://…). Bilder und HTML werden entfernt."
)


class AbschnittForm(VeralteterStandMixin, forms.ModelForm):
    """The texts of one Handlungsfeld and the evidence they rest on (only the quarter's own evidence)."""

    class Meta:
        model = ProfilAbschnitt
        fields = ["bestand", "staerken", "handlungsbedarf", *BELEG_FELDER]
        widgets = {
            "bestand": forms.Textarea(attrs={"rows": 8}),
            "staerken": forms.Textarea(attrs={"rows": 6}),
            "handlungsbedarf": forms.Textarea(attrs={"rows": 6}),
            **dict.fromkeys(BELEG_FELDER, forms.CheckboxSelectMultiple),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        quartier = self.instance.fassung.quartier
        for feld in ("bestand", "staerken", "handlungsbedarf"):
            self.fields[feld].help_text = MARKDOWN_HILFE
        self.fields["indikatoren"].queryset = self.fields["indikatoren"].queryset.order_by("reihenfolge", "name")
        self.fields["befunde"].queryset = Befund.objects.filter(begehung__quartier=quartier).select_related("begehung")
        self.fields["fotos"].queryset = Foto.objects.filter(quartier=quartier)
        self.fields["quellen_auszuege"].queryset = QuellenAuszug.objects.filter(
            quelle__quartier=quartier
        ).select_related("quelle", "handlungsfeld")
        self.fields["antworten"].queryset = Antwort.objects.filter(quartier=quartier).select_related(
            "frage", "seniorenbuero"
        )
        self.fields["gespraeche"].queryset = Gespraech.objects.filter(quartier=quartier)
        for feld in BELEG_FELDER:
            self.fields[feld].required = False


class MassnahmeForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Massnahme
        fields = [
            "titel",
            "handlungsfeld",
            "beschreibung",
            "prioritaet",
            "verantwortlich",
            "kosten_schaetzung",
            "herkunft",
            "fortschritt",
        ]
        widgets = {"beschreibung": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["beschreibung"].help_text = MARKDOWN_HILFE
        if self.instance.pk is None:
            del self.fields["fortschritt"]


class MassnahmeStatusForm(forms.Form):
    """The status change on a card of the board and on the measure's page."""

    status = forms.ChoiceField(label=_("neuer Status"))
    grund = forms.CharField(
        label=_("Grund (nötig beim Verwerfen)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, massnahme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.value, s.label) for s in erlaubte_status(massnahme)]
        self.fields["status"].widget.attrs["id"] = f"id_status_{massnahme.pk}"
        self.fields["grund"].widget.attrs["id"] = f"id_grund_{massnahme.pk}"


class FortschrittForm(forms.Form):
    fortschritt = forms.IntegerField(label=_("Fortschritt (%)"), min_value=0, max_value=100)


class MeilensteinForm(forms.ModelForm):
    class Meta:
        model = MassnahmeMeilenstein
        fields = ["titel", "geplant_am", "erreicht_am"]
        widgets = {"geplant_am": DATUM, "erreicht_am": DATUM}


class AkteurForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Akteur
        fields = [
            "organisation",
            "rolle",
            "ist_schluesselperson",
            "einwilligung_am",
            "einwilligung_umfang",
            "einwilligung_einladungen",
            "einwilligung_textfassung",
            "name",
            "email",
            "telefon",
            "anschrift",
        ]
        widgets = {"einwilligung_am": DATUM}
        help_texts = {
            "name": _("Wird nur mit Einwilligung gespeichert; ohne Einwilligung bleiben nur Organisation und Rolle.")
        }


class GespraechForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Gespraech
        fields = ["datum", "art", "teilnehmende", "handlungsfelder", "zusammenfassung", "vereinbarungen"]
        widgets = {
            "datum": DATUM,
            "teilnehmende": forms.CheckboxSelectMultiple,
            "handlungsfelder": forms.CheckboxSelectMultiple,
            "zusammenfassung": forms.Textarea(attrs={"rows": 6}),
            "vereinbarungen": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, quartier, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teilnehmende"].queryset = Akteur.objects.filter(quartier=quartier)
        self.fields["teilnehmende"].label_from_instance = lambda a: akteur_anzeige(a, user)
