"""The city-wide overviews: the Kommunalprofil and the progress report, each as page and PDF."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.generic import TemplateView, View

from berichte.services.rendern import PdfFehler
from dwk.http import nicht_speichern
from dwk.permissions import Geschuetzt

from .pdf import kommunalprofil_pdf, sachstandsbericht_pdf, stadtkarte
from .queries.kommunalprofil import kommunalprofil_sammeln
from .queries.sachstand import sachstand_sammeln

KEINE_STADT = "uebersichten/keine_stadt.html"
PDF_FEHLER = "uebersichten/pdf_fehler.html"


def _pdf_antwort(request, rendern, dateiname):
    """The PDF that ``rendern()`` makes, as a download; the page saying the city is not set up yet
    (404), or the render's German error (503)."""
    try:
        inhalt = rendern()
    except PdfFehler as fehler:
        return nicht_speichern(render(request, PDF_FEHLER, {"fehler": str(fehler)}, status=503))
    if inhalt is None:
        return nicht_speichern(render(request, KEINE_STADT, status=404))
    antwort = HttpResponse(inhalt, content_type="application/pdf")
    antwort["Content-Disposition"] = f'attachment; filename="{dateiname}"'
    # Behind the login only: no shared caches.
    return nicht_speichern(antwort)


class KommunalprofilView(Geschuetzt, TemplateView):
    """All Stadtbezirke, the city and the reference quarters side by side: indicators,
    infrastructure, measures; a city map with the same facts in a table."""

    permission_required = "uebersichten.view_kommunalprofil"
    template_name = "uebersichten/kommunalprofil.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        profil = kommunalprofil_sammeln(sieht_fallzahlen=user.has_perm("quartiere.view_fallzahlen"))
        return super().get_context_data(
            profil=profil,
            karte=stadtkarte(profil) if profil else "",
            darf_sachstand=user.has_perm("uebersichten.view_sachstandsbericht"),
            **kwargs,
        )


class KommunalprofilPdfView(Geschuetzt, View):
    """The Kommunalprofil as PDF/A, rendered on every request; small counts always withheld."""

    permission_required = "uebersichten.view_kommunalprofil"

    def get(self, request):
        return _pdf_antwort(request, kommunalprofil_pdf, "kommunalprofil.pdf")


class SachstandsberichtView(Geschuetzt, TemplateView):
    """A preview of the progress report's slides, and the PDF download."""

    permission_required = "uebersichten.view_sachstandsbericht"
    template_name = "uebersichten/sachstandsbericht.html"

    def get_context_data(self, **kwargs):
        sachstand = sachstand_sammeln(user=self.request.user)
        return super().get_context_data(sachstand=sachstand, karte=stadtkarte(sachstand) if sachstand else "", **kwargs)


class SachstandsberichtPdfView(Geschuetzt, View):
    """The progress report as PDF/A (landscape slides), rendered on every request."""

    permission_required = "uebersichten.view_sachstandsbericht"

    def get(self, request):
        return _pdf_antwort(request, lambda: sachstandsbericht_pdf(user=request.user), "sachstandsbericht.pdf")
