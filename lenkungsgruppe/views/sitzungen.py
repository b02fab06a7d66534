"""Views of the meetings: agenda, attendance, minutes and their approval, invitations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, ListView, TemplateView, UpdateView, View

from dwk.permissions import Geschuetzt

from .. import services
from ..dokumente import einladung_ics, einladung_pdf, protokoll_pdf
from ..forms import (
    ProtokollForm,
    ProtokollGenehmigenForm,
    SitzungForm,
    TagesordnungspunktForm,
    TeilnahmeForm,
)
from ..models import (
    Mitglied,
    Sitzung,
    Tagesordnungspunkt,
)
from .basis import FormularMixin, letzte_aenderungen, privat_antwort

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
            letzte_aenderungen=letzte_aenderungen(sitzung),
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
        mitglieder = Mitglied.objects.order_by("nachname", "vorname")
        return TeilnahmeForm(**self.get_form_kwargs(), teilnahmen=teilnahmen, mitglieder=mitglieder)

    def get_context_data(self, **kwargs):
        return super().get_context_data(sitzung=self.sitzung, **kwargs)

    def form_valid(self, form):
        services.teilnahme_erfassen(
            sitzung=self.sitzung,
            status_je_mitglied=form.status_je_mitglied(),
            vertretung_je_mitglied=form.vertretung_je_mitglied(),
        )
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
        return privat_antwort(antwort)


class EinladungIcsView(SitzungKindMixin, Geschuetzt, View):
    permission_required = "lenkungsgruppe.view_sitzung"

    def get(self, request, pk):
        antwort = HttpResponse(einladung_ics(sitzung=self.sitzung), content_type="text/calendar; charset=utf-8")
        antwort["Content-Disposition"] = f'attachment; filename="sitzung-{self.sitzung.nummer}.ics"'
        return privat_antwort(antwort)


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
        return privat_antwort(antwort)
