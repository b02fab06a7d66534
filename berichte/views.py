"""Reports: the list of downloadable reports and the quarter profile as PDF."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.generic import ListView, View

from dwk.http import nicht_speichern
from dwk.permissions import Geschuetzt
from quartiere.models import Quartier

from .daten import freigegebene_fassung, quartiere_mit_freigabe
from .pdf import quartiersprofil_pdf


class BerichtListView(Geschuetzt, ListView):
    """The Ratsbüro's landing page: every quarter's profile as a PDF download where a version is
    released (Projektteam also gets the working state of the others), reference quarters first."""

    permission_required = "berichte.list_bericht"
    template_name = "berichte/bericht_list.html"
    context_object_name = "quartiere"

    def get_queryset(self):
        return quartiere_mit_freigabe()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            darf_arbeitsstand=self.request.user.has_perm("berichte.download_quartiersprofil_arbeitsstand"), **kwargs
        )


class QuartiersprofilPdfView(Geschuetzt, View):
    """The quarter profile as PDF/A of its latest released version, rendered on every request.
    Without a released version: the working state for Projektteam, a 404 page saying so for
    everyone else."""

    permission_required = "berichte.download_quartiersprofil"

    def get_permission_object(self):
        # The permission does not depend on the quarter: check it before looking the slug up,
        # so a role without it gets 403 for every address, existing or not.
        return None

    def get(self, request, slug):
        quartier = get_object_or_404(Quartier, slug=slug)
        fassung = freigegebene_fassung(quartier)
        if fassung is None and not request.user.has_perm("berichte.download_quartiersprofil_arbeitsstand"):
            return nicht_speichern(
                render(request, "berichte/quartiersprofil_nicht_freigegeben.html", {"quartier": quartier}, status=404)
            )
        response = HttpResponse(quartiersprofil_pdf(quartier=quartier, fassung=fassung), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="quartiersprofil-{quartier.slug}.pdf"'
        # Reports are for signed-in roles only: no shared caches.
        return nicht_speichern(response)
