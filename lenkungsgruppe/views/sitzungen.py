"""Views of the meetings: agenda, attendance, minutes and their approval, invitations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, ListView, TemplateView, UpdateView, View

from dwk.http import nicht_speichern
from dwk.permissions import Geschuetzt
from dwk.views import FormularMixin

from .. import queries, services
from ..dokumente import einladung_ics, einladung_pdf, protokoll_pdf
from ..forms import (
    ProtokollForm,
    ProtokollGenehmigenForm,
    SitzungForm,
    TagesordnungspunktForm,
    TeilnahmeForm,
)
from ..models import Mitglied, Sitzung, Tagesordnungspunkt
from .basis import FORMULAR

# --- Meetings ------------------------------------------------------------------------------


class SitzungListView(Geschuetzt, ListView):
    permission_required = "lenkungsgruppe.view_sitzung"
    template_name = "lenkungsgruppe/sitzung_list.html"
    context_object_name = "sitzungen"

    def get_queryset(self):
        return queries.sitzungen_liste()


class SitzungDetailView(Geschuetzt, DetailView):
    permission_required = "lenkungsgruppe.view_sitzung"
    template_name = "lenkungsgruppe/sitzung_detail.html"

    def get_queryset(self):
        return Sitzung.objects.select_related("protokoll_genehmigt_in")

    def get_context_data(self, **kwargs):
        sitzung = self.object
        return super().get_context_data(
            **queries.sitzung_unterlagen(sitzung),
            genehmigte_protokolle=sitzung.genehmigte_protokolle.order_by("nummer"),
            letzte_aenderungen=queries.letzte_aenderungen(sitzung),
            **kwargs,
        )


class SitzungFormMixin(Geschuetzt, FormularMixin):
    form_class = SitzungForm
    template_name = FORMULAR

    def speichern(self, form):
        return services.sitzung_speichern(sitzung=form.instance, eingeladene=form.cleaned_data["eingeladene"])


class SitzungCreateView(SitzungFormMixin, CreateView):
    permission_required = "lenkungsgruppe.add_sitzung"
    titel = _("Sitzung anlegen")
    erfolgsmeldung = _("Die Sitzung „%(objekt)s“ wurde angelegt. Fügen Sie nun die Tagesordnung hinzu.")

    def get_zurueck_url(self):
        return reverse("lenkungsgruppe:sitzung_liste")


class SitzungUpdateView(SitzungFormMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_sitzung"
    model = Sitzung
    erfolgsmeldung = _("Die Sitzung „%(objekt)s“ wurde gespeichert.")

    def get_titel(self):
        return _("Sitzung %(sitzung)s bearbeiten") % {"sitzung": self.object}


class SitzungKindMixin:
    """Views below a meeting: ``self.sitzung`` from the URL."""

    def dispatch(self, request, *args, **kwargs):
        self.sitzung = get_object_or_404(Sitzung, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return self.sitzung

    def get_zurueck_url(self):
        return self.sitzung.get_absolute_url()


class TagesordnungspunktFormMixin(Geschuetzt, FormularMixin):
    form_class = TagesordnungspunktForm
    template_name = FORMULAR

    def speichern(self, form):
        return services.tagesordnungspunkt_speichern(tagesordnungspunkt=form.instance)


class TagesordnungspunktCreateView(SitzungKindMixin, TagesordnungspunktFormMixin, CreateView):
    permission_required = "lenkungsgruppe.add_tagesordnungspunkt"
    erfolgsmeldung = _("„%(objekt)s“ wurde der Tagesordnung hinzugefügt.")

    def get_titel(self):
        return _("Tagesordnungspunkt für Sitzung %(sitzung)s") % {"sitzung": self.sitzung}

    def speichern(self, form):
        form.instance.sitzung = self.sitzung
        return super().speichern(form)


class TagesordnungspunktUpdateView(TagesordnungspunktFormMixin, UpdateView):
    permission_required = "lenkungsgruppe.change_tagesordnungspunkt"
    model = Tagesordnungspunkt
    erfolgsmeldung = _("„%(objekt)s“ wurde gespeichert.")

    def get_titel(self):
        return _("%(top)s bearbeiten") % {"top": self.object}


class ProtokollUpdateView(Geschuetzt, FormularMixin, UpdateView):
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


class TeilnahmeView(SitzungKindMixin, Geschuetzt, FormularMixin, FormView):
    """Attendance of the invited members; refuses a save on an outdated state."""

    permission_required = "lenkungsgruppe.change_sitzung"
    template_name = "lenkungsgruppe/teilnahme_form.html"
    erfolgsmeldung = _("Die Teilnahme wurde gespeichert.")

    def get_titel(self):
        return _("Teilnahme an der Sitzung %(sitzung)s") % {"sitzung": self.sitzung}

    def get_form(self, form_class=None):
        return TeilnahmeForm(
            **self.get_form_kwargs(),
            teilnahmen=queries.teilnahmen(self.sitzung),
            mitglieder=Mitglied.objects.order_by("nachname", "vorname"),
            stand=queries.teilnahme_stand(self.sitzung),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(sitzung=self.sitzung, **kwargs)

    def speichern(self, form):
        services.teilnahme_erfassen(
            sitzung=self.sitzung,
            status_je_mitglied=form.status_je_mitglied(),
            vertretung_je_mitglied=form.vertretung_je_mitglied(),
            stand=form.cleaned_data["bearbeitungsstand"],
        )
        return self.sitzung


class ProtokollGenehmigenView(SitzungKindMixin, Geschuetzt, FormularMixin, FormView):
    permission_required = "lenkungsgruppe.change_protokoll"
    template_name = FORMULAR
    erfolgsmeldung = _("Das Protokoll ist genehmigt; es kann jetzt als PDF geladen werden.")

    def get_titel(self):
        return _("Protokoll der Sitzung %(sitzung)s genehmigen") % {"sitzung": self.sitzung}

    def get_form(self, form_class=None):
        return ProtokollGenehmigenForm(**self.get_form_kwargs(), sitzung=self.sitzung)

    def speichern(self, form):
        return services.protokoll_genehmigen(sitzung=self.sitzung, in_sitzung=form.cleaned_data["in_sitzung"])


class EinladungPdfView(SitzungKindMixin, Geschuetzt, View):
    permission_required = "lenkungsgruppe.view_sitzung"

    def get(self, request, pk):
        antwort = HttpResponse(einladung_pdf(sitzung=self.sitzung), content_type="application/pdf")
        antwort["Content-Disposition"] = f'attachment; filename="einladung-sitzung-{self.sitzung.nummer}.pdf"'
        return nicht_speichern(antwort)


class EinladungIcsView(SitzungKindMixin, Geschuetzt, View):
    permission_required = "lenkungsgruppe.view_sitzung"

    def get(self, request, pk):
        antwort = HttpResponse(einladung_ics(sitzung=self.sitzung), content_type="text/calendar; charset=utf-8")
        antwort["Content-Disposition"] = f'attachment; filename="sitzung-{self.sitzung.nummer}.ics"'
        return nicht_speichern(antwort)


class EinladungVersendenView(SitzungKindMixin, Geschuetzt, TemplateView):
    """GET shows who will get the invitation; POST sends it."""

    permission_required = "lenkungsgruppe.send_einladung"
    template_name = "lenkungsgruppe/einladung_versenden.html"

    def get_context_data(self, **kwargs):
        teilnahmen = queries.teilnahmen(self.sitzung)
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
        return nicht_speichern(antwort)
