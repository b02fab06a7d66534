"""Pages of the profile texts (versions, sections, history), the measures (board per quarter,
list across quarters, detail with milestones) and the key persons and talks.

The evidence pages (walk-throughs, photos, sources, survey) live in ``views.py``.
"""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, ListView, TemplateView, UpdateView, View

from dwk import views as dwk_views
from dwk.export import export_antwort
from dwk.permissions import Geschuetzt
from quartiere import analyse
from quartiere.abdeckung import erreichbarkeit_berechnen
from quartiere.models import Handlungsfeld, Quartier

from .. import massnahmen as massnahmen_regeln
from .. import personen, profil
from ..forms.profil import (
    AbschnittForm,
    AkteurForm,
    FortschrittForm,
    GespraechForm,
    MassnahmeForm,
    MassnahmeStatusForm,
    MeilensteinForm,
)
from ..models import (
    Akteur,
    Gespraech,
    Massnahme,
    MassnahmeMeilenstein,
    MassnahmeStatus,
    ProfilAbschnitt,
    Profilfassung,
    ProfilStatus,
)
from ..rules import sichtbare_profilstatus

FORMULAR = "quartiersprofil/profil_formular.html"


class QuartierBezug(Geschuetzt):
    """A page below ``quartiere/<slug>/``: the quarter is the object the permission is checked on."""

    def get_quartier(self):
        if not hasattr(self, "_quartier"):
            self._quartier = get_object_or_404(
                Quartier.objects.select_related("stadtbezirk__kommune"), slug=self.kwargs["slug"]
            )
        return self._quartier

    def get_permission_object(self):
        return self.get_quartier()

    def get_context_data(self, **kwargs):
        return super().get_context_data(quartier=self.get_quartier(), **kwargs)


class FormularMixin(dwk_views.FormularMixin):
    """The profile's create and edit pages (see ``dwk.views.FormularMixin``)."""

    template_name = FORMULAR


def _zurueck(request, standard):
    """The ``weiter`` target of a form if it is a local address, else ``standard``."""
    weiter = request.POST.get("weiter") or request.GET.get("weiter")
    if weiter and url_has_allowed_host_and_scheme(weiter, allowed_hosts={request.get_host()}):
        return weiter
    return standard


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


class ProfilView(QuartierBezug, TemplateView):
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


class ProfilAktionView(QuartierBezug, View):
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


class AbschnittBearbeitenView(QuartierBezug, UpdateView):
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


class ProfilVerlaufView(QuartierBezug, TemplateView):
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


# --- Measures ----------------------------------------------------------------------------------


def _massnahmen():
    return (
        Massnahme.objects.select_related("handlungsfeld", "quartier")
        .annotate(
            anzahl_meilensteine=Count("meilensteine"),
            erreichte_meilensteine=Count("meilensteine", filter=Q(meilensteine__erreicht_am__isnull=False)),
        )
        .order_by("handlungsfeld__reihenfolge", "titel")
    )


class MassnahmeBoardView(QuartierBezug, TemplateView):
    """The measures of one quarter in columns by status; each card changes its status with a
    small form (no JavaScript needed)."""

    permission_required = "quartiersprofil.view_massnahme"
    template_name = "quartiersprofil/massnahme_board.html"

    def get_context_data(self, **kwargs):
        darf = self.request.user.has_perm("quartiersprofil.change_massnahme")
        spalten = {s: [] for s in MassnahmeStatus}
        for massnahme in _massnahmen().filter(quartier=self.get_quartier()):
            if darf:
                massnahme.status_form = MassnahmeStatusForm(massnahme=massnahme)
            spalten[MassnahmeStatus(massnahme.status)].append(massnahme)
        return super().get_context_data(
            spalten=[(s, spalten[s]) for s in MassnahmeStatus], darf_bearbeiten=darf, **kwargs
        )


class MassnahmeListView(Geschuetzt, ListView):
    """The measures of every quarter the user may read, filterable; ``?format=csv|xlsx`` downloads them."""

    permission_required = "quartiersprofil.list_massnahme"
    template_name = "quartiersprofil/massnahme_list.html"
    context_object_name = "massnahmen"

    def get_queryset(self):
        qs = (
            _massnahmen()
            .filter(quartier__in=Quartier.objects.sichtbar_fuer(self.request.user))
            .order_by("quartier__name", "handlungsfeld__reihenfolge", "titel")
        )
        self.filter = {k: self.request.GET.get(k, "") for k in ("status", "handlungsfeld", "quartier")}
        if self.filter["status"] in MassnahmeStatus.values:
            qs = qs.filter(status=self.filter["status"])
        if self.filter["handlungsfeld"]:
            qs = qs.filter(handlungsfeld__slug=self.filter["handlungsfeld"])
        if self.filter["quartier"]:
            qs = qs.filter(quartier__slug=self.filter["quartier"])
        return qs

    def get(self, request, *args, **kwargs):
        format_ = request.GET.get("format")
        if format_ in ("csv", "xlsx"):
            kopf = [
                "Quartier",
                "Handlungsfeld",
                "Titel",
                "Status",
                "Grund",
                "Priorität",
                "verantwortlich",
                "Kosten (€)",
            ]
            kopf += ["Herkunft", "Fortschritt (%)", "Meilensteine erreicht", "Meilensteine"]
            zeilen = (
                [
                    m.quartier.name,
                    m.handlungsfeld.name,
                    m.titel,
                    m.get_status_display(),
                    m.verworfen_grund,
                    m.get_prioritaet_display(),
                    m.verantwortlich,
                    float(m.kosten_schaetzung) if m.kosten_schaetzung is not None else None,
                    m.get_herkunft_display(),
                    m.fortschritt,
                    m.erreichte_meilensteine,
                    m.anzahl_meilensteine,
                ]
                for m in self.get_queryset()
            )
            return export_antwort(format=format_, dateiname="massnahmen", kopf=kopf, zeilen=zeilen, titel="Maßnahmen")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter=self.filter,
            status_auswahl=MassnahmeStatus.choices,
            handlungsfelder=Handlungsfeld.objects.order_by("reihenfolge"),
            quartiere=Quartier.objects.sichtbar_fuer(self.request.user).filter(massnahmen__isnull=False).distinct(),
            **kwargs,
        )


class MassnahmeDetailView(Geschuetzt, DetailView):
    permission_required = "quartiersprofil.view_massnahme"
    template_name = "quartiersprofil/massnahme_detail.html"
    context_object_name = "massnahme"

    def get_queryset(self):
        return Massnahme.objects.select_related("quartier", "handlungsfeld").prefetch_related("meilensteine")

    def get_context_data(self, **kwargs):
        massnahme = self.object
        darf = self.request.user.has_perm("quartiersprofil.change_massnahme", massnahme)
        return super().get_context_data(
            darf_bearbeiten=darf,
            status_form=MassnahmeStatusForm(massnahme=massnahme) if darf else None,
            fortschritt_form=FortschrittForm(initial={"fortschritt": massnahme.fortschritt}) if darf else None,
            meilenstein_form=MeilensteinForm() if darf else None,
            verlauf=massnahme.history.select_related("history_user").order_by("-history_date")[:10],
            heute=timezone.localdate(),
            **kwargs,
        )


class MassnahmeCreateView(QuartierBezug, FormularMixin, CreateView):
    permission_required = "quartiersprofil.change_massnahme"
    form_class = MassnahmeForm
    erfolgsmeldung = _("Die Maßnahme ist angelegt.")

    def get_titel(self):
        return _("Neue Maßnahme für %(quartier)s") % {"quartier": self.get_quartier().name}

    def get_zurueck_url(self):
        return reverse("quartiersprofil:massnahme_board", kwargs={"slug": self.get_quartier().slug})

    def get_initial(self):
        return {"handlungsfeld": Handlungsfeld.objects.filter(slug=self.request.GET.get("handlungsfeld")).first()}

    def speichern(self, form):
        form.instance.quartier = self.get_quartier()
        return massnahmen_regeln.massnahme_speichern(massnahme=form.instance)

    def get_success_url_fuer(self, objekt):
        return objekt.get_absolute_url()


class MassnahmeUpdateView(Geschuetzt, FormularMixin, UpdateView):
    permission_required = "quartiersprofil.change_massnahme"
    form_class = MassnahmeForm
    model = Massnahme
    erfolgsmeldung = _("Die Maßnahme ist gespeichert.")

    def get_titel(self):
        return _("Maßnahme bearbeiten: %(titel)s") % {"titel": self.object.titel}

    def get_zurueck_url(self):
        return self.object.get_absolute_url()

    def speichern(self, form):
        return massnahmen_regeln.massnahme_speichern(massnahme=form.instance)

    def get_success_url_fuer(self, objekt):
        return objekt.get_absolute_url()


class MassnahmePostMixin(Geschuetzt):
    """A POST on a measure from the board or its page: one service, a message, back to where it came from."""

    permission_required = "quartiersprofil.change_massnahme"
    erfolgsmeldung = ""

    def get_permission_object(self):
        return self.get_massnahme()

    def get_massnahme(self):
        if not hasattr(self, "_massnahme"):
            self._massnahme = get_object_or_404(Massnahme, pk=self.kwargs["pk"])
        return self._massnahme

    def post(self, request, pk):
        massnahme = self.get_massnahme()
        try:
            self.ausfuehren(massnahme)
        except ValidationError as fehler:
            messages.error(request, f"{massnahme.titel}: " + " ".join(fehler.messages))
        else:
            messages.success(request, self.erfolgsmeldung % {"titel": massnahme.titel})
        return redirect(_zurueck(request, massnahme.get_absolute_url()))


class MassnahmeStatusView(MassnahmePostMixin, View):
    erfolgsmeldung = _("Der Status von „%(titel)s“ ist geändert.")

    def ausfuehren(self, massnahme):
        form = MassnahmeStatusForm(self.request.POST, massnahme=massnahme)
        if not form.is_valid():
            raise ValidationError(_("Dieser Statuswechsel ist nicht möglich."))
        massnahmen_regeln.massnahme_status_aendern(
            massnahme=massnahme, status=form.cleaned_data["status"], grund=form.cleaned_data["grund"]
        )


class MassnahmeFortschrittView(MassnahmePostMixin, View):
    erfolgsmeldung = _("Der Fortschritt von „%(titel)s“ ist gespeichert.")

    def ausfuehren(self, massnahme):
        form = FortschrittForm(self.request.POST)
        if not form.is_valid():
            raise ValidationError(_("Der Fortschritt liegt zwischen 0 und 100 %."))
        massnahmen_regeln.massnahme_fortschritt_setzen(
            massnahme=massnahme, fortschritt=form.cleaned_data["fortschritt"]
        )


class MeilensteinCreateView(MassnahmePostMixin, FormularMixin, FormView):
    form_class = MeilensteinForm
    erfolgsmeldung = _("Der Meilenstein ist angelegt.")

    def get_titel(self):
        return _("Neuer Meilenstein für „%(titel)s“") % {"titel": self.get_massnahme().titel}

    def get_zurueck_url(self):
        return self.get_massnahme().get_absolute_url()

    post = FormView.post

    def speichern(self, form):
        form.instance.massnahme = self.get_massnahme()
        return massnahmen_regeln.meilenstein_speichern(meilenstein=form.instance)

    def get_success_url_fuer(self, objekt):
        return objekt.massnahme.get_absolute_url()


class MeilensteinErreichtView(Geschuetzt, View):
    permission_required = "quartiersprofil.change_massnahme"

    def get_permission_object(self):
        self.meilenstein = get_object_or_404(
            MassnahmeMeilenstein.objects.select_related("massnahme"), pk=self.kwargs["pk"]
        )
        return self.meilenstein.massnahme

    def post(self, request, pk):
        massnahmen_regeln.meilenstein_erreichen(meilenstein=self.meilenstein, datum=timezone.localdate())
        messages.success(request, _("Der Meilenstein „%(titel)s“ ist erreicht.") % {"titel": self.meilenstein.titel})
        return redirect(self.meilenstein.massnahme.get_absolute_url())


# --- Key persons and talks -----------------------------------------------------------------------


class AkteurListView(QuartierBezug, ListView):
    """Key persons and local actors of a quarter: names and contact details only for Projektteam."""

    permission_required = "quartiersprofil.view_akteur"
    template_name = "quartiersprofil/akteur_list.html"
    context_object_name = "akteure"

    def get_queryset(self):
        return (
            self.get_quartier()
            .akteure.annotate(anzahl_gespraeche=Count("gespraeche"))
            .order_by("-ist_schluesselperson", "organisation", "rolle")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sieht_personendaten=self.request.user.has_perm("quartiersprofil.view_personendaten"), **kwargs
        )


class AkteurFormMixin(FormularMixin):
    permission_required = "quartiersprofil.change_akteur"
    form_class = AkteurForm
    erfolgsmeldung = _("Gespeichert. Ohne gültige Einwilligung bleiben nur Organisation und Rolle erhalten.")

    def speichern(self, form):
        return personen.akteur_speichern(akteur=form.instance)

    def get_success_url_fuer(self, objekt):
        return reverse("quartiersprofil:akteur_liste", kwargs={"slug": objekt.quartier.slug})

    def get_zurueck_url(self):
        return reverse("quartiersprofil:akteur_liste", kwargs={"slug": self.get_quartier().slug})


class AkteurCreateView(QuartierBezug, AkteurFormMixin, CreateView):
    permission_required = "quartiersprofil.change_akteur"
    titel = _("Neue Person oder Organisation")

    def speichern(self, form):
        form.instance.quartier = self.get_quartier()
        return super().speichern(form)


class AkteurUpdateView(Geschuetzt, AkteurFormMixin, UpdateView):
    permission_required = "quartiersprofil.change_akteur"
    model = Akteur
    titel = _("Person oder Organisation bearbeiten")

    def get_quartier(self):
        return self.object.quartier


class AkteurExportView(Geschuetzt, DetailView):
    """Everything the app holds about one person, as a JSON download (request for information)."""

    permission_required = "quartiersprofil.export_akteur"
    model = Akteur

    def render_to_response(self, context, **kwargs):
        daten = personen.akteur_daten(akteur=self.object)
        antwort = HttpResponse(
            json.dumps(daten, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        antwort["Content-Disposition"] = f'attachment; filename="akteur-{self.object.pk}.json"'
        antwort["Cache-Control"] = "private, no-store"
        return antwort


class AkteurLoeschenView(Geschuetzt, DetailView):
    """GET: what will happen; POST: record the withdrawal of consent (``widerrufen``) or erase
    (``anonymisieren``) — both anonymise the person everywhere, history included."""

    permission_required = "quartiersprofil.anonymise_akteur"
    model = Akteur
    template_name = "quartiersprofil/akteur_anonymisieren.html"
    context_object_name = "akteur"
    widerruf = False

    def post(self, request, pk):
        akteur = self.get_object()
        if self.widerruf:
            personen.akteur_einwilligung_widerrufen(akteur=akteur)
            messages.success(request, _("Der Widerruf ist erfasst; die Person ist anonymisiert."))
        else:
            personen.akteur_anonymisieren(akteur=akteur)
            messages.success(request, _("Die Person ist anonymisiert, auch im Verlauf und in Gesprächsnotizen."))
        return redirect("quartiersprofil:akteur_liste", slug=akteur.quartier.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(widerruf=self.widerruf, **kwargs)


class GespraechListView(QuartierBezug, ListView):
    permission_required = "quartiersprofil.view_gespraech"
    template_name = "quartiersprofil/gespraech_list.html"
    context_object_name = "gespraeche"

    def get_queryset(self):
        return self.get_quartier().gespraeche.prefetch_related(
            Prefetch("teilnehmende", queryset=Akteur.objects.order_by("organisation")), "handlungsfelder"
        )


class GespraechFormMixin(FormularMixin):
    permission_required = "quartiersprofil.change_gespraech"
    form_class = GespraechForm
    erfolgsmeldung = _("Das Gespräch ist gespeichert.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "quartier": self.get_quartier(), "user": self.request.user}

    def get_zurueck_url(self):
        return reverse("quartiersprofil:gespraech_liste", kwargs={"slug": self.get_quartier().slug})

    def speichern(self, form):
        form.instance.quartier = self.get_quartier()
        return personen.gespraech_speichern(
            gespraech=form.instance,
            teilnehmende=form.cleaned_data["teilnehmende"],
            handlungsfelder=form.cleaned_data["handlungsfelder"],
        )

    def get_success_url_fuer(self, objekt):
        return reverse("quartiersprofil:gespraech_liste", kwargs={"slug": objekt.quartier.slug})


class GespraechCreateView(QuartierBezug, GespraechFormMixin, CreateView):
    permission_required = "quartiersprofil.change_gespraech"
    titel = _("Neues Gespräch")


class GespraechUpdateView(Geschuetzt, GespraechFormMixin, UpdateView):
    permission_required = "quartiersprofil.change_gespraech"
    model = Gespraech
    titel = _("Gespräch bearbeiten")

    def get_quartier(self):
        return self.object.quartier
