"""Pages of the profile texts: versions, sections, history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, UpdateView, View

from quartiere import analyse
from quartiere.abdeckung import erreichbarkeit_berechnen

from .. import profil
from ..forms.profil import (
    AbschnittForm,
)
from ..models import (
    MassnahmeStatus,
    ProfilAbschnitt,
    Profilfassung,
    ProfilStatus,
)
from ..rules import sichtbare_profilstatus
from .basis import QuartierBezugMixin

# --- The profile -------------------------------------------------------------------------------


def _belege_mit_werten(quartier, abschnitte, user):
    """Attach to each section the values of its linked indicators and the coverage of its
    linked categories (a constant number of queries, whatever the number of links)."""
    indikatoren = {i.pk for a in abschnitte for i in a.indikatoren.all()}
    kategorien = {k.pk: k for a in abschnitte for k in a.infrastruktur_kategorien.all()}
    werte, erreichbarkeit = {}, {}
    if indikatoren:
        auswertung = analyse.quartier_analyse(quartier=quartier, abdeckungen=list(quartier.abdeckungen.all()))
        sieht_fallzahlen = user.has_perm("quartiere.view_fallzahlen")
        for zeile in auswertung.zeilen:
            if zeile.indikator.pk in indikatoren and zeile.letztes_jahr:
                werte[zeile.indikator.pk] = (
                    zeile.letztes_jahr,
                    analyse.wert_text(zeile.indikator, zeile.aktuell[0], sieht_fallzahlen=sieht_fallzahlen),
                )
    if kategorien:
        ergebnis = erreichbarkeit_berechnen(quartiere=[quartier], kategorien=list(kategorien.values()))
        erreichbarkeit = {e.kategorie.pk: e for e in ergebnis[quartier.pk]}
    for abschnitt in abschnitte:
        abschnitt.indikator_werte = [(i, *werte.get(i.pk, (None, "–"))) for i in abschnitt.indikatoren.all()]
        abschnitt.erreichbarkeiten = [(k, erreichbarkeit.get(k.pk)) for k in abschnitt.infrastruktur_kategorien.all()]


class ProfilView(QuartierBezugMixin, TemplateView):
    """One version of the quarter's profile (default: the newest the user may read), per
    Handlungsfeld with texts, evidence and measures; the list of versions; the actions."""

    permission_required = "quartiersprofil.view_profil"
    template_name = "quartiersprofil/profil_detail.html"

    def get_context_data(self, **kwargs):
        quartier = self.get_quartier()
        fassungen = list(
            quartier.profilfassungen.filter(status__in=sichtbare_profilstatus(self.request.user)).order_by("-nummer")
        )
        if "nummer" in self.kwargs:
            fassung = next((f for f in fassungen if f.nummer == self.kwargs["nummer"]), None)
            if fassung is None:
                raise Http404(_("Diese Fassung gibt es nicht oder Sie dürfen sie nicht sehen."))
        else:
            fassung = fassungen[0] if fassungen else None
        abschnitte = list(profil.abschnitte_mit_belegen(fassung)) if fassung else []
        _belege_mit_werten(quartier, abschnitte, self.request.user)
        massnahmen = {}
        for massnahme in quartier.massnahmen.exclude(status=MassnahmeStatus.VERWORFEN):
            massnahmen.setdefault(massnahme.handlungsfeld_id, []).append(massnahme)
        for abschnitt in abschnitte:
            abschnitt.massnahmen_liste = massnahmen.get(abschnitt.handlungsfeld_id, [])
        return super().get_context_data(
            fassung=fassung,
            fassungen=fassungen,
            abschnitte=abschnitte,
            hat_arbeitsstand=any(f.status != ProfilStatus.FREIGEGEBEN for f in fassungen),
            **kwargs,
        )


class ProfilAktionView(QuartierBezugMixin, View):
    """POST: start a draft, put it into consultation, take it back to draft, release it."""

    permission_required = "quartiersprofil.change_profil"
    AKTIONEN = {
        "entwurf": _("Ein neuer Entwurf ist angelegt."),
        "beratung": _("Die Fassung ist jetzt in Beratung."),
        "ueberarbeiten": _("Die Fassung ist wieder ein Entwurf."),
        "freigeben": _("Die Fassung ist freigegeben und damit eingefroren."),
    }

    def post(self, request, slug, aktion):
        if aktion not in self.AKTIONEN:
            raise Http404
        quartier = self.get_quartier()
        try:
            if aktion == "entwurf":
                fassung = profil.profil_entwurf_anlegen(quartier=quartier)
            else:
                fassung = get_object_or_404(Profilfassung, quartier=quartier, pk=request.POST.get("fassung"))
                if aktion == "beratung":
                    profil.profil_zur_beratung_geben(fassung=fassung)
                elif aktion == "ueberarbeiten":
                    profil.profil_ueberarbeiten(fassung=fassung)
                else:
                    profil.profil_freigeben(fassung=fassung, benutzer=request.user)
        except ValidationError as fehler:
            messages.error(request, " ".join(fehler.messages))
            return redirect("quartiersprofil:profil", slug=quartier.slug)
        messages.success(request, self.AKTIONEN[aktion])
        return redirect("quartiersprofil:profil_fassung", slug=quartier.slug, nummer=fassung.nummer)


class AbschnittBearbeitenView(QuartierBezugMixin, UpdateView):
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

    def form_valid(self, form):
        daten = form.cleaned_data
        try:
            profil.abschnitt_speichern(
                abschnitt=self.object,
                bestand=daten["bestand"],
                staerken=daten["staerken"],
                handlungsbedarf=daten["handlungsbedarf"],
                belege={feld: daten[feld] for feld in profil.BELEG_FELDER},
                stand=daten.get("bearbeitungsstand"),
            )
        except profil.VeralteterStand:
            form.andere_fassung = ProfilAbschnitt.objects.get(pk=self.object.pk)
            form.add_error(None, form.veraltet_meldung)
            return self.form_invalid(form)
        except ValidationError as fehler:
            form.add_error(None, fehler)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Der Abschnitt „%(feld)s“ ist gespeichert.") % {"feld": self.object.handlungsfeld.name},
        )
        return redirect(self.profil_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(profil_url=self.profil_url(), **kwargs)


class ProfilVerlaufView(QuartierBezugMixin, TemplateView):
    """Every change of the quarter's profile: status changes of the versions and each saved section."""

    permission_required = "quartiersprofil.change_profil"
    template_name = "quartiersprofil/profil_verlauf.html"
    ANZAHL = 300

    def get_context_data(self, **kwargs):
        quartier = self.get_quartier()
        zeilen = list(
            ProfilAbschnitt.history.filter(fassung__quartier=quartier)
            .select_related("history_user", "handlungsfeld", "fassung")
            .order_by("id", "history_date")
        )
        vorher, eintraege = {}, []
        for zeile in zeilen:
            alt = vorher.get(zeile.id)
            geaendert = [
                str(ProfilAbschnitt._meta.get_field(f).verbose_name)
                for f in profil.TEXT_FELDER
                if alt is None or getattr(alt, f) != getattr(zeile, f)
            ]
            vorher[zeile.id] = zeile
            if alt is None and not any(getattr(zeile, f) for f in profil.TEXT_FELDER):
                continue  # an empty section created with its version
            eintraege.append(
                {
                    "zeit": zeile.history_date,
                    "wer": zeile.history_user,
                    "was": _("Fassung %(nummer)s, %(feld)s: %(teile)s")
                    % {"nummer": zeile.fassung.nummer, "feld": zeile.handlungsfeld.name, "teile": ", ".join(geaendert)},
                }
            )
        for zeile in Profilfassung.history.filter(quartier=quartier).select_related("history_user"):
            eintraege.append(
                {
                    "zeit": zeile.history_date,
                    "wer": zeile.history_user,
                    "was": _("Fassung %(nummer)s: %(status)s")
                    % {"nummer": zeile.nummer, "status": ProfilStatus(zeile.status).label},
                }
            )
        eintraege.sort(key=lambda e: e["zeit"], reverse=True)
        return super().get_context_data(eintraege=eintraege[: self.ANZAHL], **kwargs)
