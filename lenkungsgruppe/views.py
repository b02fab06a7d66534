"""Pages of the steering group: overview, „Meine Lenkungsgruppe“, members, meetings with agenda,
minutes and invitations, the decision register, tasks, sectoral plans, projects, milestones."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, ListView, TemplateView, UpdateView, View
from django.views.generic.detail import SingleObjectMixin

from dwk.export import export_antwort
from dwk.permissions import Geschuetzt
from quartiere.models import Indikator, Quartier

from . import services
from .dokumente import einladung_ics, einladung_pdf, protokoll_pdf
from .forms import (
    AufgabeForm,
    BeschlussFilterForm,
    BeschlussForm,
    BewertungForm,
    FachplanungForm,
    MeilensteinForm,
    MitgliedForm,
    ProjektForm,
    ProtokollForm,
    ProtokollGenehmigenForm,
    SitzungForm,
    TagesordnungspunktForm,
    TeilnahmeForm,
)
from .models import (
    Aufgabe,
    AufgabeStatus,
    Beschluss,
    BeschlussArt,
    Fachplanung,
    Meilenstein,
    Mitglied,
    Sitzung,
    Stadtentwicklungsprojekt,
    Tagesordnungspunkt,
)
from .queries import bewertungs_verteilung, einwohner_je_quartier
from .rules import mitglied_von

LESEN = "lenkungsgruppe.view_lenkungsgruppe"


def _letzte_aenderungen(objekt, anzahl=5):
    return objekt.history.select_related("history_user").order_by("-history_date")[:anzahl]


def _privat(antwort):
    patch_cache_control(antwort, private=True, no_store=True)
    return antwort


class FormularMixin(Geschuetzt):
    """A create or edit page: validate the form, call one service, redirect with a message.

    Subclasses set ``permission_required``, ``titel`` and ``erfolgsmeldung`` and implement
    ``speichern(form)`` (returns the saved object).
    """

    template_name = "lenkungsgruppe/formular.html"
    titel = ""
    erfolgsmeldung = _("Gespeichert.")

    def get_titel(self):
        return self.titel

    def get_zurueck_url(self):
        return getattr(self.object, "get_absolute_url", lambda: reverse("lenkungsgruppe:ueberblick"))()

    def get_context_data(self, **kwargs):
        return super().get_context_data(titel=self.get_titel(), zurueck_url=self.get_zurueck_url(), **kwargs)

    def form_valid(self, form):
        try:
            objekt = self.speichern(form)
        except ValidationError as fehler:
            form.add_error(None, fehler)
            return self.form_invalid(form)
        messages.success(self.request, self.erfolgsmeldung % {"objekt": objekt})
        return redirect(self.get_success_url_fuer(objekt))

    def get_success_url_fuer(self, objekt):
        return objekt.get_absolute_url()


# --- Overview and „Meine Lenkungsgruppe“ -----------------------------------------------------


class UebersichtView(Geschuetzt, TemplateView):
    """The group's start page: next meeting, latest decisions, open tasks and the project timeline."""

    permission_required = LESEN
    template_name = "lenkungsgruppe/uebersicht.html"

    def get_context_data(self, **kwargs):
        heute = timezone.localdate()
        return super().get_context_data(
            naechste_sitzung=Sitzung.objects.kommende().first(),
            letzte_beschluesse=Beschluss.objects.select_related("sitzung")[:5],
            meilensteine=Meilenstein.objects.select_related("beschluss"),
            anzahl_mitglieder=Mitglied.objects.aktiv().count(),
            anzahl_offen=Aufgabe.objects.offen().count(),
            anzahl_ueberfaellig=Aufgabe.objects.ueberfaellig(heute).count(),
            heute=heute,
            **kwargs,
        )


class MeineView(Geschuetzt, TemplateView):
    permission_required = "lenkungsgruppe.view_meine"
    template_name = "lenkungsgruppe/meine.html"

    def get_context_data(self, **kwargs):
        mitglied = mitglied_von(self.request.user)
        kontext = {"mitglied": mitglied}
        if mitglied is not None:
            kontext.update(
                naechste_sitzung=Sitzung.objects.kommende().filter(teilnahmen__mitglied=mitglied).first()
                or Sitzung.objects.kommende().first(),
                aufgaben=Aufgabe.objects.von_mitglied(mitglied)
                .offen()
                .select_related("verantwortlich_mitglied", "verantwortlich_organisation", "beschluss")
                .order_by("faellig_am"),
                zu_bewerten=Fachplanung.objects.wartet_auf_bewertung_von(mitglied).order_by("titel"),
            )
        return super().get_context_data(**kontext, **kwargs)


# --- Members -------------------------------------------------------------------------------


class MitgliedListView(Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_mitglied"
    template_name = "lenkungsgruppe/mitglied_list.html"
    context_object_name = "mitglieder"

    def get_queryset(self):
        return Mitglied.objects.select_related("organisation", "stellvertretung").order_by(
            "organisation__art", "organisation__name", "nachname"
        )

    def get_context_data(self, **kwargs):
        alle = list(self.object_list)
        return super().get_context_data(
            aktive=[m for m in alle if m.ist_aktiv], ausgeschiedene=[m for m in alle if not m.ist_aktiv], **kwargs
        )


class MitgliedCreateView(FormularMixin, CreateView):
    permission_required = "lenkungsgruppe.add_mitglied"
    form_class = MitgliedForm
    titel = _("Mitglied aufnehmen")
    erfolgsmeldung = _("%(objekt)s wurde als Mitglied aufgenommen.")

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:mitglied_liste")

    def speichern(self, form):
        return services.mitglied_speichern(mitglied=form.instance)


class MitgliedUpdateView(FormularMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_mitglied"
    form_class = MitgliedForm
    model = Mitglied
    erfolgsmeldung = _("Die Angaben zu %(objekt)s wurden gespeichert.")

    def get_titel(self):
        return _("%(name)s bearbeiten") % {"name": self.object}

    def speichern(self, form):
        return services.mitglied_speichern(mitglied=form.instance)


# --- Meetings ------------------------------------------------------------------------------


class SitzungListView(Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_sitzung"
    template_name = "lenkungsgruppe/sitzung_list.html"
    context_object_name = "sitzungen"

    def get_queryset(self):
        return (
            Sitzung.objects.select_related("protokoll_genehmigt_in")
            .annotate(
                anzahl_tops=Count("tagesordnungspunkte", distinct=True),
                anzahl_beschluesse=Count("beschluesse", distinct=True),
                anzahl_anwesend=Count("teilnahmen", filter=Q(teilnahmen__status="anwesend"), distinct=True),
            )
            .order_by("-beginn")
        )


class SitzungDetailView(Geschuetzt, DetailView):
    permission_required = "lenkungsgruppe.view_sitzung"
    template_name = "lenkungsgruppe/sitzung_detail.html"

    def get_queryset(self):
        return Sitzung.objects.select_related("protokoll_genehmigt_in")

    def get_context_data(self, **kwargs):
        sitzung = self.object
        tops = sitzung.tagesordnungspunkte.select_related(
            "handlungsfeld", "quartier", "fachplanung", "projekt"
        ).prefetch_related("beschluesse", "aufgaben")
        return super().get_context_data(
            tagesordnungspunkte=tops,
            teilnahmen=sitzung.teilnahmen.select_related("mitglied__organisation", "vertreten_durch"),
            gaeste=[z.strip() for z in sitzung.gaeste.splitlines() if z.strip()],
            genehmigte_protokolle=sitzung.genehmigte_protokolle.order_by("nummer"),
            letzte_aenderungen=_letzte_aenderungen(sitzung),
            **kwargs,
        )


class SitzungCreateView(FormularMixin, CreateView):
    permission_required = "lenkungsgruppe.add_sitzung"
    form_class = SitzungForm
    titel = _("Sitzung anlegen")
    erfolgsmeldung = _("Die Sitzung „%(objekt)s“ wurde angelegt. Fügen Sie nun die Tagesordnung hinzu.")

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:sitzung_liste")

    def speichern(self, form):
        return services.sitzung_speichern(sitzung=form.instance, eingeladene=form.cleaned_data["eingeladene"])


class SitzungUpdateView(FormularMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_sitzung"
    form_class = SitzungForm
    model = Sitzung
    erfolgsmeldung = _("Die Sitzung „%(objekt)s“ wurde gespeichert.")

    def get_titel(self):
        return _("Sitzung %(sitzung)s bearbeiten") % {"sitzung": self.object}

    def speichern(self, form):
        return services.sitzung_speichern(sitzung=form.instance, eingeladene=form.cleaned_data["eingeladene"])


class SitzungKindMixin:
    """Views below a meeting: ``self.sitzung`` from the URL."""

    def dispatch(self, request, *args, **kwargs):
        self.sitzung = get_object_or_404(Sitzung, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return self.sitzung

    def get_zurueck_url(self):
        return self.sitzung.get_absolute_url()


class TagesordnungspunktCreateView(SitzungKindMixin, FormularMixin, CreateView):
    permission_required = "lenkungsgruppe.add_tagesordnungspunkt"
    form_class = TagesordnungspunktForm
    erfolgsmeldung = _("„%(objekt)s“ wurde der Tagesordnung hinzugefügt.")

    def get_titel(self):
        return _("Tagesordnungspunkt für Sitzung %(sitzung)s") % {"sitzung": self.sitzung}

    def speichern(self, form):
        form.instance.sitzung = self.sitzung
        return services.tagesordnungspunkt_speichern(tagesordnungspunkt=form.instance)


class TagesordnungspunktUpdateView(FormularMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_tagesordnungspunkt"
    form_class = TagesordnungspunktForm
    model = Tagesordnungspunkt
    erfolgsmeldung = _("„%(objekt)s“ wurde gespeichert.")

    def get_titel(self):
        return _("%(top)s bearbeiten") % {"top": self.object}

    def speichern(self, form):
        return services.tagesordnungspunkt_speichern(tagesordnungspunkt=form.instance)


class ProtokollUpdateView(FormularMixin, UpdateView):
    """The minutes of one agenda item; refuses a save on an outdated state and shows the newer text."""

    permission_required = "lenkungsgruppe.change_protokoll"
    form_class = ProtokollForm
    model = Tagesordnungspunkt
    template_name = "lenkungsgruppe/protokoll_form.html"
    erfolgsmeldung = _("Das Protokoll zu „%(objekt)s“ wurde gespeichert.")

    def get_queryset(self):
        return Tagesordnungspunkt.objects.select_related("sitzung")

    def get_titel(self):
        return _("Protokoll: %(top)s") % {"top": self.object}

    def speichern(self, form):
        return services.protokoll_speichern(tagesordnungspunkt=form.instance, text=form.cleaned_data["protokoll"])


class TeilnahmeView(SitzungKindMixin, Geschuetzt, FormView):
    permission_required = "lenkungsgruppe.change_sitzung"
    template_name = "lenkungsgruppe/teilnahme_form.html"

    def get_form(self, form_class=None):
        teilnahmen = list(self.sitzung.teilnahmen.select_related("mitglied__organisation"))
        return TeilnahmeForm(**self.get_form_kwargs(), teilnahmen=teilnahmen)

    def get_context_data(self, **kwargs):
        return super().get_context_data(sitzung=self.sitzung, **kwargs)

    def form_valid(self, form):
        services.teilnahme_erfassen(sitzung=self.sitzung, status_je_mitglied=form.status_je_mitglied())
        messages.success(self.request, _("Die Teilnahme wurde gespeichert."))
        return redirect(self.sitzung)


class ProtokollGenehmigenView(SitzungKindMixin, Geschuetzt, FormView):
    permission_required = "lenkungsgruppe.change_protokoll"
    template_name = "lenkungsgruppe/formular.html"

    def get_form(self, form_class=None):
        return ProtokollGenehmigenForm(**self.get_form_kwargs(), sitzung=self.sitzung)

    def get_context_data(self, **kwargs):
        titel = _("Protokoll der Sitzung %(sitzung)s genehmigen") % {"sitzung": self.sitzung}
        return super().get_context_data(titel=titel, zurueck_url=self.get_zurueck_url(), **kwargs)

    def form_valid(self, form):
        try:
            services.protokoll_genehmigen(sitzung=self.sitzung, in_sitzung=form.cleaned_data["in_sitzung"])
        except ValidationError as fehler:
            form.add_error(None, fehler)
            return self.form_invalid(form)
        messages.success(self.request, _("Das Protokoll ist genehmigt; es kann jetzt als PDF geladen werden."))
        return redirect(self.sitzung)


class EinladungPdfView(SitzungKindMixin, Geschuetzt, View):
    permission_required = "lenkungsgruppe.view_sitzung"

    def get(self, request, pk):
        antwort = HttpResponse(einladung_pdf(sitzung=self.sitzung), content_type="application/pdf")
        antwort["Content-Disposition"] = f'attachment; filename="einladung-sitzung-{self.sitzung.nummer}.pdf"'
        return _privat(antwort)


class EinladungIcsView(SitzungKindMixin, Geschuetzt, View):
    permission_required = "lenkungsgruppe.view_sitzung"

    def get(self, request, pk):
        antwort = HttpResponse(einladung_ics(sitzung=self.sitzung), content_type="text/calendar; charset=utf-8")
        antwort["Content-Disposition"] = f'attachment; filename="sitzung-{self.sitzung.nummer}.ics"'
        return _privat(antwort)


class EinladungVersendenView(SitzungKindMixin, Geschuetzt, TemplateView):
    """GET shows who will get the invitation; POST sends it."""

    permission_required = "lenkungsgruppe.send_einladung"
    template_name = "lenkungsgruppe/einladung_versenden.html"

    def get_context_data(self, **kwargs):
        teilnahmen = list(self.sitzung.teilnahmen.select_related("mitglied__organisation"))
        return super().get_context_data(
            sitzung=self.sitzung,
            mit_adresse=[t.mitglied for t in teilnahmen if t.mitglied.email],
            ohne_adresse=[t.mitglied for t in teilnahmen if not t.mitglied.email],
            tagesordnungspunkte=self.sitzung.tagesordnungspunkte.all(),
            **kwargs,
        )

    def post(self, request, pk):
        try:
            empfaenger = services.einladung_versenden(sitzung=self.sitzung, absender=request.user)
        except ValidationError as fehler:
            messages.error(request, " ".join(fehler.messages))
            return redirect(self.sitzung)
        messages.success(
            request,
            _("Die Einladung wurde an %(anzahl)s Mitglieder versendet.") % {"anzahl": len(empfaenger)},
        )
        return redirect(self.sitzung)


class ProtokollPdfView(SitzungKindMixin, Geschuetzt, View):
    permission_required = "lenkungsgruppe.view_sitzung"

    def get(self, request, pk):
        if not self.sitzung.ist_protokoll_genehmigt:
            raise Http404(_("Das Protokoll dieser Sitzung ist noch nicht genehmigt."))
        antwort = HttpResponse(protokoll_pdf(sitzung=self.sitzung), content_type="application/pdf")
        antwort["Content-Disposition"] = f'attachment; filename="protokoll-sitzung-{self.sitzung.nummer}.pdf"'
        return _privat(antwort)


# --- Decisions -----------------------------------------------------------------------------


class BeschlussFilterMixin:
    def gefilterte_beschluesse(self):
        self.filter_form = BeschlussFilterForm(self.request.GET or None)
        kriterien = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        return (
            Beschluss.objects.gefiltert(**kriterien)
            .select_related("sitzung", "tagesordnungspunkt")
            .prefetch_related("handlungsfelder", "quartiere", "fachplanungen")
            .order_by("-sitzung__beginn", "-nummer")
        )


class BeschlussListView(BeschlussFilterMixin, Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_beschluss"
    template_name = "lenkungsgruppe/beschluss_list.html"
    context_object_name = "beschluesse"

    def get_queryset(self):
        return self.gefilterte_beschluesse()

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, abfrage=self.request.GET.urlencode(), **kwargs)


class BeschlussExportView(BeschlussFilterMixin, Geschuetzt, View):
    permission_required = "lenkungsgruppe.export_beschluss"

    def get(self, request, format):
        kopf = [
            "Nr.",
            "Datum",
            "Sitzung",
            "TOP",
            "Art",
            "Titel",
            "Beschlusstext",
            "Abstimmung",
            "Ja",
            "Nein",
            "Enthaltungen",
            "Handlungsfelder",
            "Quartiere",
            "Fachplanungen",
        ]
        zeilen = [
            [
                b.nummer,
                timezone.localtime(b.sitzung.beginn).date(),
                b.sitzung.nummer,
                b.tagesordnungspunkt.nummer if b.tagesordnungspunkt else None,
                b.get_art_display(),
                b.titel,
                b.text,
                str(b.abstimmung),
                b.ja,
                b.nein,
                b.enthaltungen,
                ", ".join(h.name for h in b.handlungsfelder.all()),
                ", ".join(q.name for q in b.quartiere.all()),
                ", ".join(f.titel for f in b.fachplanungen.all()),
            ]
            for b in self.gefilterte_beschluesse()
        ]
        return _privat(
            export_antwort(format=format, dateiname="beschluesse", kopf=kopf, zeilen=zeilen, titel="Beschlüsse")
        )


class BeschlussDetailView(Geschuetzt, DetailView):
    permission_required = "lenkungsgruppe.view_beschluss"
    template_name = "lenkungsgruppe/beschluss_detail.html"

    def get_queryset(self):
        return Beschluss.objects.select_related("sitzung", "tagesordnungspunkt").prefetch_related(
            "handlungsfelder", "fachplanungen", "quartiere", "aufgaben"
        )

    def get_context_data(self, **kwargs):
        beschluss = self.object
        kontext = {"letzte_aenderungen": _letzte_aenderungen(beschluss)}
        if beschluss.art == BeschlussArt.REFERENZQUARTIERE:
            kontext["vergleich"] = self.quartiervergleich(beschluss)
        if beschluss.art == BeschlussArt.DATENERFASSUNG:
            kontext["datenerfassung"] = Indikator.objects.filter(ist_vereinbart=True).select_related("handlungsfeld")
        return super().get_context_data(**kontext, **kwargs)

    @staticmethod
    def quartiervergleich(beschluss):
        """All candidate quarters side by side: epoch, Stadtbezirk, area, residents, chosen or not."""
        quartiere = list(Quartier.objects.select_related("stadtbezirk").mit_flaeche().order_by("name"))
        einwohner = einwohner_je_quartier(quartiere, bis_jahr=timezone.localtime(beschluss.sitzung.beginn).year)
        gewaehlt = {q.pk for q in beschluss.quartiere.all()}
        return [
            {
                "quartier": q,
                "flaeche_km2": q.flaeche.sq_km,
                "einwohner": einwohner.get(q.pk, (None, None))[1],
                "einwohner_jahr": einwohner.get(q.pk, (None, None))[0],
                "ausgewaehlt": q.pk in gewaehlt,
            }
            for q in quartiere
        ]


class BeschlussFormMixin(FormularMixin):
    form_class = BeschlussForm
    erfolgsmeldung = _("Beschluss %(objekt)s wurde gespeichert.")

    def speichern(self, form):
        daten = form.cleaned_data
        return services.beschluss_fassen(
            beschluss=form.instance,
            quartiere=daten["quartiere"],
            handlungsfelder=daten["handlungsfelder"],
            fachplanungen=daten["fachplanungen"],
        )


class BeschlussCreateView(BeschlussFormMixin, CreateView):
    permission_required = "lenkungsgruppe.add_beschluss"
    titel = _("Beschluss erfassen")

    def get_initial(self):
        initial = super().get_initial()
        for feld in ("sitzung", "tagesordnungspunkt"):
            if self.request.GET.get(feld, "").isdigit():
                initial[feld] = self.request.GET[feld]
        return initial

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:beschluss_liste")


class BeschlussUpdateView(BeschlussFormMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_beschluss"
    model = Beschluss

    def get_titel(self):
        return _("Beschluss Nr. %(nummer)s bearbeiten") % {"nummer": self.object.nummer}


# --- Tasks ---------------------------------------------------------------------------------


class AufgabeListView(Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_aufgabe"
    template_name = "lenkungsgruppe/aufgabe_list.html"
    context_object_name = "aufgaben"

    def get_queryset(self):
        qs = Aufgabe.objects.select_related(
            "verantwortlich_mitglied", "verantwortlich_organisation", "beschluss", "tagesordnungspunkt__sitzung"
        )
        if self.request.GET.get("status") in AufgabeStatus.values:
            qs = qs.filter(status=self.request.GET["status"])
        return qs.order_by("status", "faellig_am", "titel")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            status_auswahl=AufgabeStatus.choices, status_aktiv=self.request.GET.get("status", ""), **kwargs
        )


class AufgabeCreateView(FormularMixin, CreateView):
    permission_required = "lenkungsgruppe.add_aufgabe"
    form_class = AufgabeForm
    titel = _("Aufgabe anlegen")
    erfolgsmeldung = _("Die Aufgabe „%(objekt)s“ wurde angelegt.")

    def get_initial(self):
        initial = super().get_initial()
        for feld in ("tagesordnungspunkt", "beschluss"):
            if self.request.GET.get(feld, "").isdigit():
                initial[feld] = self.request.GET[feld]
        return initial

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:aufgabe_liste")

    def get_success_url_fuer(self, objekt):
        return reverse("lenkungsgruppe:aufgabe_liste")

    def speichern(self, form):
        return services.aufgabe_speichern(aufgabe=form.instance)


class AufgabeUpdateView(AufgabeCreateView, UpdateView):
    permission_required = "lenkungsgruppe.change_aufgabe"
    model = Aufgabe
    erfolgsmeldung = _("Die Aufgabe „%(objekt)s“ wurde gespeichert.")

    def get_titel(self):
        return _("Aufgabe bearbeiten")


class AufgabeStatusView(Geschuetzt, SingleObjectMixin, View):
    """POST only: a member sets the status of their own task (e.g. marks it done)."""

    permission_required = "lenkungsgruppe.change_aufgabe_status"
    model = Aufgabe
    http_method_names = ["post"]

    def post(self, request, pk):
        aufgabe = self.get_object()
        try:
            services.aufgabe_status_setzen(aufgabe=aufgabe, status=request.POST.get("status", ""))
        except ValidationError as fehler:
            messages.error(request, " ".join(fehler.messages))
        else:
            messages.success(
                request,
                _("Die Aufgabe „%(titel)s“ ist jetzt „%(status)s“.")
                % {"titel": aufgabe.titel, "status": aufgabe.get_status_display()},
            )
        weiter = request.POST.get("weiter", "")
        if not url_has_allowed_host_and_scheme(weiter, allowed_hosts={request.get_host()}):
            weiter = reverse("lenkungsgruppe:aufgabe_liste")
        return redirect(weiter)


# --- Sectoral plans ------------------------------------------------------------------------


class FachplanungListView(Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_fachplanung"
    template_name = "lenkungsgruppe/fachplanung_list.html"
    context_object_name = "fachplanungen"

    def get_queryset(self):
        return (
            Fachplanung.objects.mit_bewertungszahl().prefetch_related("handlungsfelder", "quartiere").order_by("titel")
        )


class FachplanungDetailView(Geschuetzt, DetailView):
    permission_required = "lenkungsgruppe.view_fachplanung"
    template_name = "lenkungsgruppe/fachplanung_detail.html"

    def get_queryset(self):
        return Fachplanung.objects.prefetch_related("handlungsfelder", "quartiere", "beschluesse__sitzung")

    def get_context_data(self, **kwargs):
        plan = self.object
        bewertungen = list(
            plan.bewertungen.select_related("mitglied__organisation", "handlungsfeld").order_by(
                "handlungsfeld__reihenfolge", "mitglied__nachname"
            )
        )
        return super().get_context_data(
            verteilung=bewertungs_verteilung(bewertungen, plan.handlungsfelder.all()),
            bewertungen=bewertungen,
            tagesordnungspunkte=plan.tagesordnungspunkte.select_related("sitzung"),
            letzte_aenderungen=_letzte_aenderungen(plan),
            **kwargs,
        )


class FachplanungFormMixin(FormularMixin):
    form_class = FachplanungForm
    erfolgsmeldung = _("Die Fachplanung „%(objekt)s“ wurde gespeichert.")

    def speichern(self, form):
        daten = form.cleaned_data
        return services.fachplanung_speichern(
            fachplanung=form.instance, handlungsfelder=daten["handlungsfelder"], quartiere=daten["quartiere"]
        )


class FachplanungCreateView(FachplanungFormMixin, CreateView):
    permission_required = "lenkungsgruppe.add_fachplanung"
    titel = _("Fachplanung einbringen")

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:fachplanung_liste")


class FachplanungUpdateView(FachplanungFormMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_fachplanung"
    model = Fachplanung

    def get_titel(self):
        return _("„%(titel)s“ bearbeiten") % {"titel": self.object.titel}


class FachplanungBewertenView(Geschuetzt, SingleObjectMixin, FormView):
    """A member rates a plan's relevance per Handlungsfeld; only their own ratings."""

    permission_required = "lenkungsgruppe.rate_fachplanung"
    model = Fachplanung
    template_name = "lenkungsgruppe/bewertung_form.html"

    def has_permission(self):
        # Superusers pass every rule; a rating still needs a member behind the account.
        return super().has_permission() and mitglied_von(self.request.user) is not None

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        mitglied = mitglied_von(self.request.user)
        vorhandene = {b.handlungsfeld_id: b for b in self.object.bewertungen.filter(mitglied=mitglied)}
        return BewertungForm(
            **self.get_form_kwargs(), handlungsfelder=self.object.handlungsfelder.all(), vorhandene=vorhandene
        )

    def form_valid(self, form):
        try:
            services.fachplanung_bewerten(
                fachplanung=self.object, mitglied=mitglied_von(self.request.user), bewertungen=form.bewertungen()
            )
        except ValidationError as fehler:
            form.add_error(None, fehler)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Ihre Bewertung von „%(titel)s“ wurde gespeichert.") % {"titel": self.object.titel}
        )
        return redirect(self.object)


class FachplanungDateiView(Geschuetzt, SingleObjectMixin, View):
    """The uploaded PDF, for those who may read the plan (media files are not served publicly)."""

    permission_required = "lenkungsgruppe.view_fachplanung"
    model = Fachplanung

    def get(self, request, pk):
        plan = self.get_object()
        if not plan.datei:
            raise Http404(_("Zu dieser Fachplanung ist keine Datei hinterlegt."))
        antwort = FileResponse(plan.datei.open("rb"), content_type="application/pdf", as_attachment=True)
        antwort["Content-Disposition"] = f'attachment; filename="fachplanung-{plan.pk}.pdf"'
        return _privat(antwort)


# --- Urban-development projects and milestones ---------------------------------------------


class ProjektListView(Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_stadtentwicklungsprojekt"
    template_name = "lenkungsgruppe/projekt_list.html"
    context_object_name = "projekte"

    def get_queryset(self):
        return Stadtentwicklungsprojekt.objects.prefetch_related(
            Prefetch("quartiere", queryset=Quartier.objects.order_by("name"))
        )


class ProjektDetailView(Geschuetzt, DetailView):
    permission_required = "lenkungsgruppe.view_stadtentwicklungsprojekt"
    template_name = "lenkungsgruppe/projekt_detail.html"
    model = Stadtentwicklungsprojekt

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            quartiere=self.object.quartiere.select_related("stadtbezirk").order_by("name"),
            tagesordnungspunkte=self.object.tagesordnungspunkte.select_related("sitzung"),
            **kwargs,
        )


class ProjektFormMixin(FormularMixin):
    form_class = ProjektForm
    erfolgsmeldung = _("Das Projekt „%(objekt)s“ wurde gespeichert.")

    def speichern(self, form):
        return services.projekt_speichern(projekt=form.instance, quartiere=form.cleaned_data["quartiere"])


class ProjektCreateView(ProjektFormMixin, CreateView):
    permission_required = "lenkungsgruppe.add_stadtentwicklungsprojekt"
    titel = _("Stadtentwicklungsprojekt anlegen")

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:projekt_liste")


class ProjektUpdateView(ProjektFormMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_stadtentwicklungsprojekt"
    model = Stadtentwicklungsprojekt

    def get_titel(self):
        return _("„%(name)s“ bearbeiten") % {"name": self.object.name}


class MeilensteinFormMixin(FormularMixin):
    form_class = MeilensteinForm
    erfolgsmeldung = _("Der Meilenstein „%(objekt)s“ wurde gespeichert.")

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:ueberblick") + "#zeitleiste"

    def get_success_url_fuer(self, objekt):
        return self.get_zurueck_url()

    def speichern(self, form):
        return services.meilenstein_speichern(meilenstein=form.instance)


class MeilensteinCreateView(MeilensteinFormMixin, CreateView):
    permission_required = "lenkungsgruppe.add_meilenstein"
    titel = _("Meilenstein anlegen")


class MeilensteinUpdateView(MeilensteinFormMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_meilenstein"
    model = Meilenstein

    def get_titel(self):
        return _("Meilenstein „%(titel)s“ bearbeiten") % {"titel": self.object.titel}
