"""Pages of the profile texts: versions, sections, history."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, UpdateView, View

from ..forms.profil import AbschnittForm
from ..models import BELEG_FELDER, ProfilAbschnitt, Profilfassung, ProfilStatus
from ..queries.datenstand import profil_datenstaende
from ..queries.profil import lesbare_fassungen, profil_abschnitte, profil_verlauf
from ..services import profil as profil_dienste
from .basis import FormularMixin, QuartierBezugMixin


class ProfilView(QuartierBezugMixin, TemplateView):
    """One version of the quarter's profile (default: the newest the user may read), per
    Handlungsfeld with texts, evidence and measures; the list of versions; the actions."""

    permission_required = "quartiersprofil.view_profil"
    template_name = "quartiersprofil/profil_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        fassungen = lesbare_fassungen(quartier=self.get_quartier(), user=user)
        if "nummer" in self.kwargs:
            fassung = next((f for f in fassungen if f.nummer == self.kwargs["nummer"]), None)
            if fassung is None:
                raise Http404(_("Diese Fassung gibt es nicht oder Sie dürfen sie nicht sehen."))
        else:
            fassung = fassungen[0] if fassungen else None
        return super().get_context_data(
            fassung=fassung,
            fassungen=fassungen,
            # Read only when the sections' fragment is not in the cache.
            abschnitte=SimpleLazyObject(lambda: profil_abschnitte(fassung=fassung, user=user)) if fassung else [],
            # The sections' fragment: per version, Datenstände, view of case numbers and edit buttons.
            abschnitte_schluessel=repr(
                (
                    fassung.pk,
                    profil_datenstaende(),
                    user.has_perm("quartiere.view_fallzahlen"),
                    user.has_perm("quartiersprofil.change_profil"),
                )
            )
            if fassung
            else "",
            fragment_sekunden=settings.CACHES["default"]["TIMEOUT"],
            hat_arbeitsstand=any(f.status != ProfilStatus.FREIGEGEBEN for f in fassungen),
            **kwargs,
        )


class ProfilAktionView(QuartierBezugMixin, View):
    """POST: start a draft, put it into consultation, take it back to draft. The release freezes
    evidence and renders the PDF, which the app ``berichte`` does: its button posts to
    ``berichte:profil_freigeben`` (included in the profile page as a partial)."""

    permission_required = "quartiersprofil.change_profil"
    AKTIONEN = {
        "entwurf": _("Ein neuer Entwurf ist angelegt."),
        "beratung": _("Die Fassung ist jetzt in Beratung."),
        "ueberarbeiten": _("Die Fassung ist wieder ein Entwurf."),
    }

    def post(self, request, slug, aktion):
        if aktion not in self.AKTIONEN:
            raise Http404
        quartier = self.get_quartier()
        try:
            if aktion == "entwurf":
                fassung = profil_dienste.profil_entwurf_anlegen(quartier=quartier)
            else:
                fassung = get_object_or_404(Profilfassung, quartier=quartier, pk=request.POST.get("fassung"))
                if aktion == "beratung":
                    profil_dienste.profil_zur_beratung_geben(fassung=fassung)
                else:
                    profil_dienste.profil_ueberarbeiten(fassung=fassung)
        except ValidationError as fehler:
            messages.error(request, " ".join(fehler.messages))
            return redirect("quartiersprofil:profil", slug=quartier.slug)
        messages.success(request, self.AKTIONEN[aktion])
        return redirect("quartiersprofil:profil_fassung", slug=quartier.slug, nummer=fassung.nummer)


class AbschnittBearbeitenView(QuartierBezugMixin, FormularMixin, UpdateView):
    """Write the texts of one Handlungsfeld of a draft. A save over someone else's newer save is
    refused; the page then shows the other person's texts beside the own input."""

    permission_required = "quartiersprofil.change_profil"
    form_class = AbschnittForm
    template_name = "quartiersprofil/profil_abschnitt_form.html"
    context_object_name = "abschnitt"

    def get_queryset(self):
        return ProfilAbschnitt.objects.filter(fassung__quartier=self.get_quartier()).select_related(
            "fassung__quartier", "handlungsfeld"
        )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.fassung.status != ProfilStatus.ENTWURF:
            messages.error(request, _("Nur ein Entwurf kann bearbeitet werden. Legen Sie einen neuen Entwurf an."))
            return redirect(self.profil_url())
        return super().get(request, *args, **kwargs)

    def profil_url(self):
        fassung = self.object.fassung
        return (
            reverse("quartiersprofil:profil_fassung", kwargs={"slug": fassung.quartier.slug, "nummer": fassung.nummer})
            + f"#feld-{self.object.handlungsfeld.slug}"
        )

    get_zurueck_url = profil_url

    def get_titel(self):
        return _("%(feld)s bearbeiten") % {"feld": self.object.handlungsfeld.name}

    def speichern(self, form):
        daten = form.cleaned_data
        try:
            return profil_dienste.abschnitt_speichern(
                abschnitt=self.object,
                bestand=daten["bestand"],
                staerken=daten["staerken"],
                handlungsbedarf=daten["handlungsbedarf"],
                belege={feld: daten[feld] for feld in BELEG_FELDER},
                stand=daten.get("bearbeitungsstand"),
            )
        except profil_dienste.VeralteterStand:
            form.andere_fassung = ProfilAbschnitt.objects.get(pk=self.object.pk)
            raise ValidationError(form.veraltet_meldung, code="veraltet") from None

    @property
    def erfolgsmeldung(self):
        name = self.object.handlungsfeld.name.replace("%", "%%")
        return _("Der Abschnitt „%(feld)s“ ist gespeichert.") % {"feld": name}

    def get_success_url_fuer(self, objekt):
        return self.profil_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(profil_url=self.profil_url(), **kwargs)


class ProfilVerlaufView(QuartierBezugMixin, TemplateView):
    """Every change of the quarter's profile: status changes of the versions and each saved section."""

    permission_required = "quartiersprofil.change_profil"
    template_name = "quartiersprofil/profil_verlauf.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(eintraege=profil_verlauf(quartier=self.get_quartier()), **kwargs)
