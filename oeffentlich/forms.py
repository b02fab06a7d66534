"""The feedback form of the accessibility statement."""

from django import forms
from django.utils.translation import gettext_lazy as _

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
