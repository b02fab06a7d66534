"""Forms of the citizen dialogue."""

from django import forms
from django.contrib.gis.geos import Point
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dwk.forms import VeralteterStandMixin
from lenkungsgruppe.models import Mitglied, Organisation
from quartiere.models import Handlungsfeld, Quartier
from quartiersprofil.forms.begehungen import DatumInput
from quartiersprofil.models import Akteur

from .models import (
    Beteiligungsgegenstand,
    Checklistenpunkt,
    Ergebnis,
    ErgebnisArt,
    Motto,
    Nachhaltigkeit,
    Veranstaltung,
    VeranstaltungStatus,
)
from .queries.einladungen import einladbare_akteure


class ZeitpunktInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class PunktMixin(forms.Form):
    """An optional place (``ort``) typed as latitude and longitude, no map widget needed."""

    breite = forms.FloatField(label=_("Breite (Grad Nord)"), required=False, min_value=-90, max_value=90)
    laenge = forms.FloatField(label=_("Länge (Grad Ost)"), required=False, min_value=-180, max_value=180)

    def punkt_vorbelegen(self):
        if self.instance.pk and self.instance.ort is not None:
            self.initial.setdefault("breite", round(self.instance.ort.y, 6))
            self.initial.setdefault("laenge", round(self.instance.ort.x, 6))

    def clean(self):
        daten = super().clean()
        breite, laenge = daten.get("breite"), daten.get("laenge")
        if (breite is None) != (laenge is None):
            self.add_error("laenge" if laenge is None else "breite", _("Bitte geben Sie Breite und Länge an."))
        else:
            self.instance.ort = None if breite is None else Point(laenge, breite, srid=4326)
        return daten


class VeranstaltungForm(PunktMixin, VeralteterStandMixin, forms.ModelForm):
    """An event; the place on the map is typed as latitude and longitude (optional)."""

    class Meta:
        model = Veranstaltung
        fields = [
            "format",
            "themengruppe",
            "titel",
            "motto",
            "beginn",
            "ende",
            "adresse",
            "stufenlos",
            "hoerschleife",
            "wc",
            "haltestelle",
            "quartiere",
            "handlungsfelder",
            "themen",
            "veranstalter",
            "moderation",
            "beobachtung",
            "zielgruppen",
            "gegenstaende",
            "teilnehmende_erwartet",
        ]
        widgets = {
            "beginn": ZeitpunktInput(),
            "ende": ZeitpunktInput(),
            "adresse": forms.Textarea(attrs={"rows": 2}),
            "themen": forms.Textarea(attrs={"rows": 3}),
            "zielgruppen": forms.Textarea(attrs={"rows": 2}),
            "quartiere": forms.CheckboxSelectMultiple,
            "handlungsfelder": forms.CheckboxSelectMultiple,
            "moderation": forms.CheckboxSelectMultiple,
            "beobachtung": forms.CheckboxSelectMultiple,
            "gegenstaende": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Inactive catalogue entries and other quarters stay choosable where the event already has them.
        bisher = self.instance.pk is not None
        self.fields["motto"].queryset = Motto.objects.filter(Q(aktiv=True) | Q(pk=self.instance.motto_id or 0))
        self.fields["gegenstaende"].queryset = Beteiligungsgegenstand.objects.filter(
            Q(aktiv=True) | Q(veranstaltungen=self.instance.pk if bisher else 0)
        ).distinct()
        self.fields["quartiere"].queryset = Quartier.objects.filter(
            Q(ist_referenzquartier=True) | Q(veranstaltungen=self.instance.pk if bisher else 0)
        ).distinct()
        self.fields["handlungsfelder"].queryset = Handlungsfeld.objects.all()
        self.punkt_vorbelegen()


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("neuer Status"), choices=VeranstaltungStatus.choices)


class AnwesenheitForm(VeralteterStandMixin, forms.ModelForm):
    """Head count and its anonymous breakdown; no names."""

    class Meta:
        model = Veranstaltung
        fields = [
            "teilnehmende_anzahl",
            *Veranstaltung.ALTERSGRUPPEN,
            *Veranstaltung.GESCHLECHTER,
            *Veranstaltung.HERKUNFT,
        ]


class ChecklistenpunktForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Checklistenpunkt
        fields = ["titel", "tage_vorher", "verantwortlich_mitglied", "verantwortlich_organisation", "erledigt"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verantwortlich_mitglied"].queryset = Mitglied.objects.aktiv().select_related("organisation")
        self.fields["verantwortlich_organisation"].queryset = Organisation.objects.all()


class NachhaltigkeitForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Nachhaltigkeit
        fields = [
            "gegenstand",
            "traeger_organisation",
            "traeger_gruppe",
            "kontakt",
            "kontakt_einwilligung",
            "naechster_termin",
        ]
        widgets = {"naechster_termin": DatumInput()}

    def __init__(self, *args, veranstaltung, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.veranstaltung = veranstaltung
        self.fields["gegenstand"].queryset = veranstaltung.gegenstaende.all()


class BeteiligungsgegenstandForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Beteiligungsgegenstand
        fields = ["name", "beschreibung", "reihenfolge", "aktiv"]
        widgets = {"beschreibung": forms.Textarea(attrs={"rows": 3})}


class MottoForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Motto
        fields = ["text", "aktiv"]


class ErgebnisForm(PunktMixin, VeralteterStandMixin, forms.ModelForm):
    """A card corrected on its own page, also given a place on the map."""

    class Meta:
        model = Ergebnis
        fields = ["text", "art", "handlungsfeld", "gegenstand", "station", "punkte"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gegenstand"].queryset = self.instance.veranstaltung.gegenstaende.all()
        self.punkt_vorbelegen()


class KarteForm(forms.Form):
    """One card of the fast entry page; Handlungsfeld and station stay for the next card."""

    text = forms.CharField(
        label=_("Text der Karte"),
        max_length=2000,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
    )
    art = forms.ChoiceField(
        label=_("Art"),
        choices=ErgebnisArt.choices,
        initial=ErgebnisArt.IDEE,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    handlungsfeld = forms.ModelChoiceField(
        label=_("Handlungsfeld"),
        queryset=Handlungsfeld.objects.all(),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    gegenstand = forms.ModelChoiceField(
        label=_("Beteiligungsgegenstand"),
        queryset=Beteiligungsgegenstand.objects.none(),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    station = forms.CharField(label=_("Tisch oder Station"), max_length=100, required=False)
    punkte = forms.IntegerField(label=_("Klebepunkte"), min_value=0, max_value=999, initial=0, required=False)

    def __init__(self, *args, veranstaltung, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gegenstand"].queryset = veranstaltung.gegenstaende.all()


class EinladungAuswahlForm(forms.Form):
    """Whom to invite: a tick per person who may be invited (all ticked at first)."""

    akteure = forms.ModelMultipleChoiceField(
        label=_("Einzuladende Personen"),
        queryset=Akteur.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Bitte wählen Sie mindestens eine Person aus, die eingeladen werden soll."),
            "invalid_choice": _("Eingeladen werden nur Personen des Quartiers, die in Einladungen eingewilligt haben."),
            "invalid_pk_value": _("Die Auswahl der Personen ist ungültig."),
        },
    )

    def __init__(self, *args, veranstaltung, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["akteure"].queryset = einladbare_akteure(veranstaltung=veranstaltung)
