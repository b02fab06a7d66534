"""The list of reports, the release of a quarter profile version and the quarter profile as PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.generic import ListView, View

from auftraege.models import Auftrag
from dwk.http import nicht_speichern
from dwk.permissions import Geschuetzt
from quartiere.models import Quartier
from quartiersprofil.models import Profilfassung

from ..daten import freigegebene_fassung, quartiere_mit_freigabe
from ..models import ProfilDatei
from ..pdf import quartiersprofil_pdf
from ..queries.bericht import berichte_fuer
from ..services.berichte import belegstand_einfrieren
from ..services.pdf_bericht import profil_pdf_auftrag, profilfassung_freigeben


def meldung(fehler: Exception) -> str:
    """The German sentence(s) of a ``PdfFehler`` or ``ValidationError``."""
    return " ".join(fehler.messages) if isinstance(fehler, ValidationError) else str(fehler)


def gespeicherte_datei(*, datei, sha256: str, dateiname: str, request) -> HttpResponse:
    """The stored PDF ``datei`` byte for byte, with its checksum as ETag (304 when the client has it)."""
    etag = f'"{sha256}"'
    if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        antwort = HttpResponse(status=304)
    else:
        antwort = FileResponse(datei.open("rb"), content_type="application/pdf", as_attachment=True, filename=dateiname)
    antwort["ETag"] = etag
    return nicht_speichern(antwort)


class BerichtListView(Geschuetzt, ListView):
    """The Ratsbüro's landing page: the committee reports (released ones; Projektteam all) and every
    quarter's profile as a PDF download where a version is released (Projektteam also gets the
    working state of the others), reference quarters first."""

    permission_required = "berichte.list_bericht"
    template_name = "berichte/bericht_list.html"
    context_object_name = "quartiere"

    def get_queryset(self):
        return quartiere_mit_freigabe()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            berichte=berichte_fuer(self.request.user),
            darf_arbeitsstand=self.request.user.has_perm("berichte.download_quartiersprofil_arbeitsstand"),
            **kwargs,
        )


class QuartiersprofilPdfView(Geschuetzt, View):
    """The quarter profile as PDF/A of its latest released version: rendered once and stored
    (``ProfilDatei``), then served as stored, byte for byte. A released version without a stored file
    (a failed job, a version released before files were kept) gets its evidence frozen and a
    background job (``profil_pdf_erstellen``) that stores it; until then a German page says the PDF
    is being made (202, with the job's status page for who may follow it). Without a released
    version: the working state for Projektteam (rendered on every request), a 404 page saying so
    for everyone else."""

    permission_required = "berichte.download_quartiersprofil"

    def get_permission_object(self):
        if not hasattr(self, "_quartier"):
            self._quartier = Quartier.objects.filter(slug=self.kwargs["slug"]).first()
        return self._quartier

    def get(self, request, slug):
        quartier = self.get_permission_object()  # read once, for the permission check
        if quartier is None:
            raise Http404
        fassung = freigegebene_fassung(quartier)
        if fassung is None:
            if not request.user.has_perm("berichte.download_quartiersprofil_arbeitsstand"):
                kontext = {"quartier": quartier}
                return nicht_speichern(
                    render(request, "berichte/quartiersprofil_nicht_freigegeben.html", kontext, status=404)
                )
            response = HttpResponse(quartiersprofil_pdf(quartier=quartier), content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="quartiersprofil-{quartier.slug}.pdf"'
            # Reports are for signed-in roles only: no shared caches.
            return nicht_speichern(response)
        gespeichert = ProfilDatei.objects.filter(fassung=fassung).first()
        if gespeichert is None:
            try:
                belegstand_einfrieren(fassung=fassung)
            except ValidationError as fehler:
                kontext = {"fehler": meldung(fehler), "quartier": quartier}
                return nicht_speichern(render(request, "berichte/pdf_fehler.html", kontext, status=500))
            auftrag = profil_pdf_auftrag(fassung=fassung, benutzer=request.user)
            # With the immediate backend (tests, DWK_TASKS_BACKEND=sofort) the job has run already.
            gespeichert = ProfilDatei.objects.filter(fassung=fassung).first()
        if gespeichert is None:
            kontext = {
                "quartier": quartier,
                "fassung": fassung,
                "auftrag": auftrag,
                "fehlgeschlagen": auftrag.status == Auftrag.Status.FEHLGESCHLAGEN,
                "darf_auftrag_sehen": request.user.has_perm("auftraege.view_auftrag", auftrag),
            }
            antwort = render(request, "berichte/quartiersprofil_wird_erstellt.html", kontext, status=202)
            antwort["Retry-After"] = "30"
            return nicht_speichern(antwort)
        return gespeicherte_datei(
            datei=gespeichert.datei,
            sha256=gespeichert.sha256,
            dateiname=f"quartiersprofil-{quartier.slug}-fassung-{fassung.nummer}.pdf",
            request=request,
        )


class ProfilFreigebenView(Geschuetzt, View):
    """POST: release the profile version in consultation (``fassung`` in the form) of the quarter:
    the version, its evidence as it stands now and its PDF job (``profilfassung_freigeben``). The
    button sits on the profile page (``berichte/_profil_freigeben.html``)."""

    permission_required = "quartiersprofil.change_profil"
    http_method_names = ["post"]

    def post(self, request, slug):
        quartier = get_object_or_404(Quartier, slug=slug)
        nummer = request.POST.get("fassung", "")
        if not nummer.isdigit():
            raise Http404
        fassung = get_object_or_404(Profilfassung, quartier=quartier, pk=int(nummer))
        try:
            fassung = profilfassung_freigeben(fassung=fassung, benutzer=request.user)
        except ValidationError as fehler:
            messages.error(request, meldung(fehler))
            return redirect("quartiersprofil:profil", slug=quartier.slug)
        messages.success(
            request,
            _("Die Fassung ist freigegeben und damit eingefroren; ihr PDF wird einmal erstellt und gespeichert."),
        )
        return redirect("quartiersprofil:profil_fassung", slug=quartier.slug, nummer=fassung.nummer)
