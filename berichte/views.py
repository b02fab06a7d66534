"""Reports: the list of downloadable reports and the quarter profile as PDF."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.generic import ListView, View

from dwk.permissions import Geschuetzt
from quartiere.models import Quartier

from .pdf import quartiersprofil_pdf


class BerichtListView(Geschuetzt, ListView):
    """The Ratsbüro's landing page: every quarter's profile as a PDF download, reference quarters first."""

    permission_required = "berichte.list_bericht"
    template_name = "berichte/bericht_list.html"
    context_object_name = "quartiere"

    def get_queryset(self):
        return Quartier.objects.select_related("stadtbezirk").order_by("-ist_referenzquartier", "name")


class QuartiersprofilPdfView(Geschuetzt, View):
    """The quarter profile as PDF/A, rendered from the current data on every request."""

    permission_required = "berichte.download_quartiersprofil"

    def get_permission_object(self):
        # The permission does not depend on the quarter: check it before looking the slug up,
        # so a role without it gets 403 for every address, existing or not.
        return None

    def get(self, request, slug):
        quartier = get_object_or_404(Quartier, slug=slug)
        response = HttpResponse(quartiersprofil_pdf(quartier=quartier), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="quartiersprofil-{quartier.slug}.pdf"'
        # Reports are for signed-in roles only: no shared caches.
        patch_cache_control(response, private=True, no_store=True)
        return response
