"""Flyer and poster of an event, and its invitations (letters for printing, e-mails)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from dwk.http import nicht_speichern

from ..dokumente import flyer_pdf, plakat_pdf
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
    """Who may be invited (consent covering invitations) and how each was invited so far."""

    permission_required = "buergerdialog.einladen"
    template_name = "buergerdialog/einladungen.html"

    def get_context_data(self, **kwargs):
        akteure = list(einladbare_akteure(veranstaltung=self.get_veranstaltung()))
        return super().get_context_data(akteure=akteure, mit_email=sum(1 for a in akteure if a.email), **kwargs)

    def render_to_response(self, context, **kwargs):
        return nicht_speichern(super().render_to_response(context, **kwargs))


class EinladungsbriefeView(VeranstaltungBezugMixin, View):
    """POST: the letters to everyone who may be invited as one PDF; each letter is recorded."""

    permission_required = "buergerdialog.einladen"
    http_method_names = ["post"]

    def post(self, request, pk):
        veranstaltung = self.get_veranstaltung()
        try:
            pdf = dienste.einladungsbriefe_erstellen(veranstaltung=veranstaltung, von=request.user)
        except ValidationError as fehler:
            messages.error(request, " ".join(fehler.messages))
            return redirect("buergerdialog:einladungen", pk=pk)
        return pdf_antwort(pdf, f"einladungsbriefe-veranstaltung-{pk}.pdf")


class EinladungenMailenView(VeranstaltungBezugMixin, View):
    """POST: e-mail everyone who may be invited and has an address, the flyer attached."""

    permission_required = "buergerdialog.einladen"
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            adressen = dienste.einladungen_mailen(veranstaltung=self.get_veranstaltung(), von=request.user)
        except ValidationError as fehler:
            messages.error(request, " ".join(fehler.messages))
        else:
            messages.success(
                request, _("Die Einladung ist an %(anzahl)s E-Mail-Adressen verschickt.") % {"anzahl": len(adressen)}
            )
        return redirect("buergerdialog:einladungen", pk=pk)
