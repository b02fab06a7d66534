"""Forms of the steering group."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from dwk.forms import VeralteterStandMixin, https_als_standard
from quartiere.models import Handlungsfeld, Quartier

from .models import (
    Aufgabe,
    Beschluss,
    BeschlussArt,
    Fachplanung,
    Meilenstein,
    Mitglied,
    Sitzung,
    Stadtentwicklungsprojekt,
    Tagesordnungspunkt,
    TeilnahmeStatus,
)
from .queries import tagesordnungspunkte_zur_auswahl

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATUM_ZEIT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MitgliedForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Mitglied
        fields = [
            "anrede",
            "titel",
            "vorname",
            "nachname",
            "organisation",
            "funktion",
            "email",
            "stellvertretung",
            "mitglied_seit",
            "mitglied_bis",
            "benutzer",
        ]
        widgets = {"mitglied_seit": DATUM, "mitglied_bis": DATUM}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stellvertretung"].queryset = Mitglied.objects.exclude(pk=self.instance.pk).select_related(
            "organisation"
        )
        self.fields["benutzer"].queryset = get_user_model().objects.filter(is_active=True).order_by("username")


class SitzungForm(VeralteterStandMixin, forms.ModelForm):
    eingeladene = forms.ModelMultipleChoiceField(
        label=_("Eingeladene Mitglieder"),
        queryset=Mitglied.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Vorausgewählt sind alle aktiven Mitglieder."),
    )

    class Meta:
        model = Sitzung
        fields = ["titel", "format", "beginn", "ende", "ort", "gaeste"]
        widgets = {"beginn": DATUM_ZEIT, "ende": DATUM_ZEIT, "gaeste": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        aktive = Mitglied.objects.aktiv().select_related("organisation")
        if self.instance.pk:
            self.fields["eingeladene"].queryset = (aktive | Mitglied.objects.filter(sitzungen=self.instance)).distinct()
            self.initial["eingeladene"] = list(self.instance.eingeladene.values_list("pk", flat=True))
        else:
            self.fields["eingeladene"].queryset = aktive
            self.initial.setdefault("eingeladene", list(aktive.values_list("pk", flat=True)))
        self.fields["eingeladene"].label_from_instance = lambda m: f"{m} ({m.organisation})"


class TagesordnungspunktForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Tagesordnungspunkt
        fields = ["titel", "beschreibung", "handlungsfeld", "quartier", "fachplanung", "projekt"]
        widgets = {"beschreibung": forms.Textarea(attrs={"rows": 3})}


class ProtokollForm(VeralteterStandMixin, forms.ModelForm):
    """The minutes of one agenda item; a save on an outdated state is refused."""

    class Meta:
        model = Tagesordnungspunkt
        fields = ["protokoll"]
        widgets = {"protokoll": forms.Textarea(attrs={"rows": 14})}


class TeilnahmeForm(forms.Form):
    """Per invited member: present, excused or absent, and who stood in for them.

    ``bearbeitungsstand`` carries the attendance as it was when the form was opened
    (``queries.teilnahme_stand``); ``services.teilnahme_erfassen`` refuses a save on an older state."""

    bearbeitungsstand = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, teilnahmen, mitglieder, stand, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("bearbeitungsstand", stand)
        self.teilnahmen = teilnahmen
        # One query for all substitute selects (a ModelChoiceField would query once per member).
        self.mitglieder = {str(m.pk): m for m in mitglieder}
        wahl = [("", _("niemand"))] + [(pk, str(m)) for pk, m in self.mitglieder.items()]
        for teilnahme in teilnahmen:
            self.fields[f"mitglied_{teilnahme.mitglied_id}"] = forms.ChoiceField(
                label=f"{teilnahme.mitglied} ({teilnahme.mitglied.organisation})",
                choices=TeilnahmeStatus.choices,
                initial=teilnahme.status,
            )
            self.fields[f"vertretung_{teilnahme.mitglied_id}"] = forms.ChoiceField(
                label=_("vertreten durch"),
                choices=wahl,
                required=False,
                initial=teilnahme.vertreten_durch_id or "",
                help_text=_("Nur, wenn jemand anderes an Stelle von %(mitglied)s teilgenommen hat.")
                % {"mitglied": teilnahme.mitglied},
            )

    def paare(self):
        """(status field, substitute field) per invited member, for the template."""
        return [(self[f"mitglied_{t.mitglied_id}"], self[f"vertretung_{t.mitglied_id}"]) for t in self.teilnahmen]

    def clean(self):
        daten = super().clean()
        for t in self.teilnahmen:
            feld = f"vertretung_{t.mitglied_id}"
            daten[feld] = self.mitglieder.get(daten.get(feld) or "")
            if daten[feld] is not None and daten[feld].pk == t.mitglied_id:
                self.add_error(feld, _("Ein Mitglied kann sich nicht selbst vertreten."))
        return daten

    def status_je_mitglied(self):
        return {t.mitglied_id: self.cleaned_data[f"mitglied_{t.mitglied_id}"] for t in self.teilnahmen}

    def vertretung_je_mitglied(self):
        return {t.mitglied_id: self.cleaned_data[f"vertretung_{t.mitglied_id}"] for t in self.teilnahmen}


class ProtokollGenehmigenForm(forms.Form):
    in_sitzung = forms.ModelChoiceField(label=_("Genehmigt in der Sitzung"), queryset=Sitzung.objects.none())

    def __init__(self, *args, sitzung, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["in_sitzung"].queryset = Sitzung.objects.filter(beginn__gt=sitzung.beginn).order_by("beginn")


class BeschlussForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Beschluss
        fields = [
            "titel",
            "art",
            "sitzung",
            "tagesordnungspunkt",
            "text",
            "einvernehmlich",
            "ja",
            "nein",
            "enthaltungen",
            "handlungsfelder",
            "quartiere",
            "fachplanungen",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 6}),
            "handlungsfelder": forms.CheckboxSelectMultiple,
            "quartiere": forms.CheckboxSelectMultiple,
            "fachplanungen": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tagesordnungspunkt"].queryset = tagesordnungspunkte_zur_auswahl()
        self.fields["tagesordnungspunkt"].label_from_instance = lambda t: f"{t.sitzung.nummer}. Sitzung – {t}"
        self.fields["quartiere"].queryset = Quartier.objects.order_by("name")
        self.fields["quartiere"].help_text = _(
            "Bei der Auswahl der Referenzquartiere: die ausgewählten Quartiere; "
            "sie werden als Referenzquartier markiert."
        )


class BeschlussFilterForm(forms.Form):
    art = forms.ChoiceField(label=_("Art"), choices=[("", _("alle"))] + BeschlussArt.choices, required=False)
    handlungsfeld = forms.ModelChoiceField(
        label=_("Handlungsfeld"), queryset=Handlungsfeld.objects.all(), required=False, empty_label=_("alle")
    )
    quartier = forms.ModelChoiceField(
        label=_("Quartier"), queryset=Quartier.objects.order_by("name"), required=False, empty_label=_("alle")
    )
    von = forms.DateField(label=_("von"), required=False, widget=DATUM)
    bis = forms.DateField(label=_("bis"), required=False, widget=DATUM)


class AufgabeForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Aufgabe
        fields = [
            "titel",
            "beschreibung",
            "verantwortlich_mitglied",
            "verantwortlich_organisation",
            "faellig_am",
            "status",
            "tagesordnungspunkt",
            "beschluss",
        ]
        widgets = {"faellig_am": DATUM, "beschreibung": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verantwortlich_mitglied"].queryset = Mitglied.objects.aktiv()
        self.fields["tagesordnungspunkt"].queryset = tagesordnungspunkte_zur_auswahl()
        self.fields["tagesordnungspunkt"].label_from_instance = lambda t: f"{t.sitzung.nummer}. Sitzung – {t}"


class FachplanungForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Fachplanung
        formfield_callback = https_als_standard
        fields = ["titel", "art", "jahr", "federfuehrung", "link", "datei", "handlungsfelder", "quartiere", "notizen"]
        widgets = {
            "handlungsfelder": forms.CheckboxSelectMultiple,
            "quartiere": forms.CheckboxSelectMultiple,
            "notizen": forms.Textarea(attrs={"rows": 4}),
            "datei": forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quartiere"].queryset = Quartier.objects.order_by("name")


class BewertungForm(forms.Form):
    """For each Handlungsfeld of a plan: relevance 1–5 (or no rating) and a comment.

    ``bearbeitungsstand`` carries the member's ratings as they were when the form was opened
    (``queries.bewertungs_stand``); ``services.fachplanung_bewerten`` refuses a save on an older state."""

    STUFEN = [("", _("keine Bewertung"))] + [(str(i), str(i)) for i in range(1, 6)]
    bearbeitungsstand = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, handlungsfelder, vorhandene, stand, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("bearbeitungsstand", stand)
        self.handlungsfelder = list(handlungsfelder)
        for feld in self.handlungsfelder:
            bewertung = vorhandene.get(feld.pk)
            self.fields[f"relevanz_{feld.pk}"] = forms.TypedChoiceField(
                label=_("Relevanz für „%(feld)s“") % {"feld": feld.name},
                choices=self.STUFEN,
                coerce=int,
                empty_value=None,
                required=False,
                initial=str(bewertung.relevanz) if bewertung else "",
                help_text=_("1 = kaum relevant, 5 = sehr relevant"),
            )
            self.fields[f"kommentar_{feld.pk}"] = forms.CharField(
                label=_("Kommentar zu „%(feld)s“") % {"feld": feld.name},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=bewertung.kommentar if bewertung else "",
            )

    def felder(self):
        return [(feld, self[f"relevanz_{feld.pk}"], self[f"kommentar_{feld.pk}"]) for feld in self.handlungsfelder]

    def bewertungen(self):
        return {
            feld: (self.cleaned_data[f"relevanz_{feld.pk}"], self.cleaned_data[f"kommentar_{feld.pk}"])
            for feld in self.handlungsfelder
        }


class ProjektForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Stadtentwicklungsprojekt
        formfield_callback = https_als_standard
        fields = [
            "name",
            "beschreibung",
            "link",
            "quartiere",
            "kontakt_name",
            "kontakt_stelle",
            "kontakt_email",
            "kontakt_telefon",
        ]
        widgets = {"quartiere": forms.CheckboxSelectMultiple, "beschreibung": forms.Textarea(attrs={"rows": 4})}


class MeilensteinForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Meilenstein
        fields = ["titel", "beschreibung", "geplant_am", "erreicht_am", "status", "beschluss"]
        widgets = {"geplant_am": DATUM, "erreicht_am": DATUM, "beschreibung": forms.Textarea(attrs={"rows": 3})}
