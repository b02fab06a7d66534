"""Forms of the review by the steering group and of the way into practice."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dwk.forms import VeralteterStandMixin
from lenkungsgruppe.models import Beschluss, Sitzung
from quartiere.models import Handlungsfeld
from quartiersprofil.forms.begehungen import DatumInput
from quartiersprofil.models import Massnahme

from .models import Bewertungsrunde, Ergebnis, Weitergabe

STUFEN = [(str(i), str(i)) for i in range(1, 6)]


class BewertungsrundeForm(VeralteterStandMixin, forms.ModelForm):
    """Which results of the event go to review, until when, with a note."""

    class Meta:
        model = Bewertungsrunde
        fields = ["ergebnisse", "frist", "hinweis"]
        widgets = {
            "ergebnisse": forms.CheckboxSelectMultiple,
            "frist": DatumInput(),
            "hinweis": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, veranstaltung, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ergebnisse"].queryset = veranstaltung.ergebnisse.order_by("-punkte", "pk")
        self.fields["ergebnisse"].help_text = _("Vorausgewählt sind alle Ergebnisse der Veranstaltung.")


class ErgebnisseBewertenForm(forms.Form):
    """For each result of a round: relevance and feasibility as radio groups 1–5, a comment.

    ``bearbeitungsstand`` carries the member's ratings as they were when the page was opened
    (``queries.bewertung.bewertungs_stand``); the service refuses a save on an older state."""

    bearbeitungsstand = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, ergebnisse, eigene, stand, gesperrt=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("bearbeitungsstand", stand)
        self.ergebnisse = list(ergebnisse)
        for ergebnis in self.ergebnisse:
            eigen = eigene.get(ergebnis.pk)
            for name, label, hilfe in (
                ("relevanz", _("Relevanz"), _("1 = kaum relevant, 5 = sehr relevant")),
                ("machbarkeit", _("Machbarkeit"), _("1 = kaum machbar, 5 = gut machbar")),
            ):
                self.fields[f"{name}_{ergebnis.pk}"] = forms.TypedChoiceField(
                    label=label,
                    choices=STUFEN,
                    coerce=int,
                    empty_value=None,
                    required=False,
                    widget=forms.RadioSelect,
                    initial=str(getattr(eigen, name)) if eigen else None,
                    help_text=hilfe,
                    disabled=gesperrt,
                )
            self.fields[f"kommentar_{ergebnis.pk}"] = forms.CharField(
                label=_("Kommentar (freiwillig)"),
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
                required=False,
                initial=eigen.kommentar if eigen else "",
                disabled=gesperrt,
            )

    def clean(self):
        daten = super().clean()
        for ergebnis in self.ergebnisse:
            relevanz, machbarkeit = daten.get(f"relevanz_{ergebnis.pk}"), daten.get(f"machbarkeit_{ergebnis.pk}")
            if (relevanz is None) != (machbarkeit is None):
                fehlt = f"relevanz_{ergebnis.pk}" if relevanz is None else f"machbarkeit_{ergebnis.pk}"
                self.add_error(fehlt, _("Bitte bewerten Sie Relevanz und Machbarkeit zusammen."))
        return daten

    def zeilen(self):
        """(result, relevance field, feasibility field, comment field) for the template."""
        return [
            (e, self[f"relevanz_{e.pk}"], self[f"machbarkeit_{e.pk}"], self[f"kommentar_{e.pk}"])
            for e in self.ergebnisse
        ]

    def bewertungen(self):
        """``{result id: (relevanz, machbarkeit, kommentar)}`` for ``services.bewertung.ergebnisse_bewerten``."""
        d = self.cleaned_data
        return {
            e.pk: (d[f"relevanz_{e.pk}"], d[f"machbarkeit_{e.pk}"], d[f"kommentar_{e.pk}"]) for e in self.ergebnisse
        }


class ErgebnisPraxisForm(forms.Form):
    """A result becomes a new measure (title, quarter, Handlungsfeld) or joins an existing one."""

    massnahme = forms.ModelChoiceField(
        label=_("einer bestehenden Maßnahme anschließen"),
        queryset=Massnahme.objects.none(),
        required=False,
        help_text=_("Leer lassen, um eine neue Maßnahme anzulegen."),
    )
    titel = forms.CharField(label=_("Titel der neuen Maßnahme"), max_length=200, required=False)
    quartier = forms.ModelChoiceField(label=_("Quartier"), queryset=None, required=False)
    handlungsfeld = forms.ModelChoiceField(
        label=_("Handlungsfeld"), queryset=Handlungsfeld.objects.order_by("reihenfolge"), required=False
    )
    beschreibung = forms.CharField(label=_("Beschreibung"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    beschluss = forms.ModelChoiceField(
        label=_("Beschluss der Lenkungsgruppe (freiwillig)"),
        queryset=Beschluss.objects.select_related("sitzung").order_by("-nummer"),
        required=False,
    )

    def __init__(self, *args, ergebnis: Ergebnis, **kwargs):
        super().__init__(*args, **kwargs)
        quartiere = ergebnis.veranstaltung.quartiere.all()
        self.fields["quartier"].queryset = quartiere
        self.fields["massnahme"].queryset = Massnahme.objects.filter(quartier__in=quartiere).select_related("quartier")
        self.initial.setdefault("handlungsfeld", ergebnis.handlungsfeld_id)
        self.initial.setdefault("beschreibung", ergebnis.text)
        if len(quartiere) == 1:
            self.initial.setdefault("quartier", quartiere[0].pk)

    def clean(self):
        daten = super().clean()
        if daten.get("massnahme") is None:
            for name in ("titel", "quartier", "handlungsfeld"):
                if not daten.get(name):
                    self.add_error(name, _("Für eine neue Maßnahme bitte angeben."))
        return daten


class WeitergabeForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Weitergabe
        fields = ["projekt", "adressat", "datum", "antwort", "antwort_am"]
        widgets = {"datum": DatumInput(), "antwort_am": DatumInput(), "antwort": forms.Textarea(attrs={"rows": 3})}


class SitzungWahlForm(forms.Form):
    sitzung = forms.ModelChoiceField(label=_("Sitzung"), queryset=Sitzung.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sitzung"].queryset = Sitzung.objects.kommende()
