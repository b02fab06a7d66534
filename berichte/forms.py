"""Forms of committee reports: the report, the consultation, comments, the release, the OParl link."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dwk.forms import VeralteterStandMixin
from lenkungsgruppe.models import Beschluss
from quartiersprofil.models import Profilfassung

from .models import Bericht


class ProfilfassungAuswahl(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return _("%(quartier)s, Fassung %(nummer)s (%(status)s)") % {
            "quartier": obj.quartier.name,
            "nummer": obj.nummer,
            "status": obj.get_status_display(),
        }


class BerichtForm(VeralteterStandMixin, forms.ModelForm):
    profilfassungen = ProfilfassungAuswahl(
        queryset=Profilfassung.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Quartiersprofile"),
        help_text=_(
            "Je Quartier eine Fassung. Freigeben lässt sich der Bericht, wenn alle gewählten Fassungen "
            "freigegeben sind."
        ),
    )

    class Meta:
        model = Bericht
        fields = [
            "betreff",
            "gremium",
            "gremium_name",
            "sitzungsdatum",
            "drucksachennummer",
            "beschluss",
            "profilfassungen",
            "beschlussvorschlag",
            "begruendung",
        ]
        widgets = {"sitzungsdatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profilfassungen"].queryset = Profilfassung.objects.select_related("quartier").order_by(
            "quartier__name", "-nummer"
        )
        self.fields["beschluss"].queryset = Beschluss.objects.select_related("sitzung")


class BeratungForm(forms.Form):
    frist = forms.DateField(
        label=_("Frist für Kommentare"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


class KommentarForm(forms.Form):
    abschnitt = forms.CharField(widget=forms.HiddenInput, required=False)
    antwort_auf = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(label=_("Ihr Kommentar"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class KommentarErledigtForm(forms.Form):
    erledigt = forms.BooleanField(required=False)


class FreigabeForm(forms.Form):
    beschluss = forms.ModelChoiceField(
        queryset=Beschluss.objects.none(),
        required=False,
        label=_("Freigabebeschluss der Lenkungsgruppe (falls gefasst)"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["beschluss"].queryset = Beschluss.objects.select_related("sitzung")


class OParlForm(forms.Form):
    aktenzeichen = forms.CharField(
        label=_("Drucksachennummer im Ratsinformationssystem"), max_length=50, required=False
    )


class VersionVergleichForm(forms.Form):
    alt = forms.IntegerField(label=_("ältere Version"), min_value=1)
    neu = forms.IntegerField(label=_("neuere Version"), min_value=1)
