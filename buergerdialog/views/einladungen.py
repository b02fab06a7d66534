"""Flyer and poster of an event, and its invitations (letters for printing, e-mails)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from dwk.http import nicht_speichern

from ..dokumente import flyer_pdf, plakat_pdf
from ..forms import EinladungAuswahlForm
from ..queries.einladungen import einladbare_akteure
from ..services import einladungen as dienste
from .basis import VeranstaltungBezugMixin


def pdf_antwort(inhalt, dateiname):
    antwort = HttpResponse(inhalt, content_type="application/pdf")
    antwort["Content-Disposition"] = f'attachment; filename="{dateiname}"'
    return nicht_speichern(antwort)


class FlyerPdfView(VeranstaltungBezugMixin, View):
    permission_required = "buergerdialog.view_veranstaltung"

    def get(self, request, pk):
        return pdf_antwort(flyer_pdf(veranstaltung=self.get_veranstaltung()), f"flyer-veranstaltung-{pk}.pdf")


class PlakatPdfView(VeranstaltungBezugMixin, View):
    permission_required = "buergerdialog.view_veranstaltung"

    def get(self, request, pk):
        return pdf_antwort(plakat_pdf(veranstaltung=self.get_veranstaltung()), f"plakat-veranstaltung-{pk}.pdf")


class EinladungenView(VeranstaltungBezugMixin, TemplateView):
    """Who may be invited (consent covering invitations), a tick per person (all ticked), and how
    each was invited so far."""

    permission_required = "buergerdialog.einladen"
    template_name = "buergerdialog/einladungen.html"

    def get_context_data(self, **kwargs):
        akteure = list(einladbare_akteure(veranstaltung=self.get_veranstaltung()))
        return super().get_context_data(akteure=akteure, mit_email=sum(1 for a in akteure if a.email), **kwargs)

    def render_to_response(self, context, **kwargs):
        return nicht_speichern(super().render_to_response(context, **kwargs))


class EinladungAuswahlMixin(VeranstaltungBezugMixin):
    """POST of the ticked persons (``akteure``); only persons who may be invited can be chosen."""

    permission_required = "buergerdialog.einladen"
    http_method_names = ["post"]

    def auswahl(self):
        """The chosen persons, or None after an error message (nobody or someone not invitable)."""
        form = EinladungAuswahlForm(self.request.POST, veranstaltung=self.get_veranstaltung())
        if form.is_valid():
            return list(form.cleaned_data["akteure"])
        messages.error(self.request, " ".join(form.errors["akteure"]))
        return None


class EinladungsbriefeView(EinladungAuswahlMixin, View):
    """POST: the letters to the ticked persons as one PDF; each letter is recorded."""

    def post(self, request, pk):
        akteure = self.auswahl()
        if akteure is None:
            return redirect("buergerdialog:einladungen", pk=pk)
        try:
            pdf = dienste.einladungsbriefe_erstellen(
                veranstaltung=self.get_veranstaltung(), von=request.user, akteure=akteure
            )
        except ValidationError as fehler:
            messages.error(request, " ".join(fehler.messages))
            return redirect("buergerdialog:einladungen", pk=pk)
        return pdf_antwort(pdf, f"einladungsbriefe-veranstaltung-{pk}.pdf")


class EinladungenMailenView(EinladungAuswahlMixin, View):
    """POST: e-mail the ticked persons who have an address, the flyer attached."""

    def post(self, request, pk):
        akteure = self.auswahl()
        if akteure is None:
            return redirect("buergerdialog:einladungen", pk=pk)
        try:
            adressen = dienste.einladungen_mailen(
                veranstaltung=self.get_veranstaltung(), von=request.user, akteure=akteure
            )
        except ValidationError as fehler:
            messages.error(request, " ".join(fehler.messages))
        else:
            messages.success(
                request, _("Die Einladung ist an %(anzahl)s E-Mail-Adressen verschickt.") % {"anzahl": len(adressen)}
            )
        return redirect("buergerdialog:einladungen", pk=pk)
