"""The feedback form of the accessibility statement, and the forms of Projektteam's pages for the
public pages (news, statutory pages, the project page, quarter texts, releases)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dwk.forms import VeralteterStandMixin

from .models import Auftritt, Fotofreigabe, Neuigkeit, Pflichtseite, Quartiersseite, Veranstaltungsfreigabe
from .services.rueckmeldung import TEXT_HOECHSTENS


class RueckmeldungForm(forms.Form):
    text = forms.CharField(
        label=_("Welche Barriere haben Sie gefunden?"),
        help_text=_("Bitte nennen Sie die Seite und was nicht geht."),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=TEXT_HOECHSTENS,
        error_messages={"required": _("Bitte schreiben Sie, welche Barriere Sie gefunden haben.")},
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse (freiwillig)"),
        help_text=_("Nur wenn Sie eine Antwort möchten. Wir speichern sie nicht, sie steht nur in der E-Mail an uns."),
        required=False,
        error_messages={"invalid": _("Die E-Mail-Adresse ist nicht gültig. Sie können das Feld auch leer lassen.")},
    )
    seite = forms.CharField(label=_("Auf welcher Seite? (freiwillig)"), required=False, max_length=300)
    # A field people do not see (hidden by the stylesheet and from screen readers); robots fill it.
    webseite = forms.CharField(label=_("Bitte dieses Feld leer lassen"), required=False)


# --- Projektteam's pages („Öffentliche Seiten“) ---------------------------------------------------


class NeuigkeitForm(VeralteterStandMixin, forms.ModelForm):
    """Title and text of a news post; publishing is a step of its own after the preview."""

    class Meta:
        model = Neuigkeit
        fields = ["titel", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 10})}


class VeroeffentlichenForm(forms.Form):
    """Publish a previewed news post now or from a later time."""

    veroeffentlicht_am = forms.DateTimeField(
        label=_("Veröffentlichen am (freiwillig)"),
        help_text=_("Leer lassen, um sofort zu veröffentlichen. Sonst erscheint die Neuigkeit ab diesem Zeitpunkt."),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": _("Bitte geben Sie Datum und Uhrzeit ein, zum Beispiel 16.10.2017 10:00.")},
    )
    bearbeitungsstand = forms.CharField(widget=forms.HiddenInput, required=False)


class PflichtseiteForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Pflichtseite
        fields = ["text", "stand", "ist_beispiel"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 16}),
            "stand": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class AuftrittForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Auftritt
        fields = ["einleitung", "foerderung", "partner", "kontakt", "feedback_email"]
        widgets = {"einleitung": forms.Textarea(attrs={"rows": 8}), "kontakt": forms.Textarea(attrs={"rows": 5})}


class QuartiersseiteForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Quartiersseite
        fields = ["charakter"]
        widgets = {"charakter": forms.Textarea(attrs={"rows": 6})}


class VeranstaltungsfreigabeForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Veranstaltungsfreigabe
        fields = ["kurztext"]
        widgets = {"kurztext": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"kurztext": _("Markdown, kurz und in einfacher Sprache. Keine Namen von Personen.")}


class FotofreigabeForm(VeralteterStandMixin, forms.ModelForm):
    class Meta:
        model = Fotofreigabe
        fields = ["alternativtext"]
        help_texts = {
            "alternativtext": _(
                "Was auf dem Foto zu sehen ist, für Menschen, die es nicht sehen können. Keine Namen von Personen."
            )
        }
