"""Pages of the photos: upload, edit, delete, the protected file, the gallery."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import (
    DeleteView,
    FormView,
    ListView,
    UpdateView,
    View,
)

from dwk.http import nicht_speichern
from dwk.permissions import EinmalGeladenMixin, Geschuetzt, KartenformularMixin
from dwk.views import FormularMixin

from ..forms.begehungen import (
    FotoForm,
    FotoHochladenForm,
    HandlungsfeldFilterForm,
)
from ..models import Foto
from ..services import fotos, fotos_im_hintergrund
from ..services.begehungen import (
    foto_loeschen,
    foto_speichern,
    fotos_hochladen,
)
from .basis import BegehungBezugMixin, QuartierBezugMixin, formularfehler

FOTO_GROESSEN = {"web", "druck"}


# --- Photos ------------------------------------------------------------------------------------


class FotoHochladenView(BegehungBezugMixin, FormView):
    permission_required = "quartiersprofil.add_foto"
    form_class = FotoHochladenForm
    template_name = "quartiersprofil/foto_hochladen.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "begehung": self.get_begehung()}

    def get_initial(self):
        befund = self.request.GET.get("befund")
        return {"befund": befund} if befund and befund.isdigit() else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            begehung=self.get_begehung(),
            quartier=self.get_begehung().quartier,
            max_anzahl=settings.DWK_FOTO_MAX_ANZAHL,
            max_megapixel=settings.DWK_FOTO_MAX_PIXEL_JE_UPLOAD // 1_000_000,
            **kwargs,
        )

    def form_valid(self, form):
        """A small upload is processed here and now; a large one (more than ``DWK_FOTO_SOFORT_MAX_PIXEL``
        together) goes to the background worker, and the user follows it on the job's status page.
        Both refuse the whole upload, naming each file and limit, if the pre-check fails."""
        begehung = self.get_begehung()
        daten = form.cleaned_data
        ziel = reverse("quartiersprofil:begehung_detail", args=[begehung.pk]) + "#fotos"
        argumente = {
            "quartier": begehung.quartier,
            "begehung": begehung,
            "befund": daten["befund"],
            "dateien": daten["dateien"],
            "handlungsfeld": daten["handlungsfeld"],
            "bildunterschrift": daten["bildunterschrift"],
            "darf_veroeffentlicht_werden": daten["darf_veroeffentlicht_werden"],
        }
        try:
            geprueft = fotos.fotos_vorpruefen(daten["dateien"])
            if sum(foto.pixel for foto in geprueft) > settings.DWK_FOTO_SOFORT_MAX_PIXEL:
                auftrag = fotos_im_hintergrund.fotos_einreihen(benutzer=self.request.user, ziel_url=ziel, **argumente)
                return redirect(auftrag)
            gespeichert = fotos_hochladen(**argumente)
        except ValidationError as fehler:
            form.add_error("dateien", fehler)
            return self.form_invalid(form)
        messages.success(
            self.request,
            fotos_im_hintergrund.fotos_meldung(
                gespeichert=len(gespeichert), ohne_standort=sum(1 for f in gespeichert if f.standort is None)
            ),
        )
        return redirect(ziel)


class FotoUpdateView(EinmalGeladenMixin, KartenformularMixin, FormularMixin, Geschuetzt, UpdateView):
    """Caption, field of action, finding, location and publication flag of one photo; refuses a
    save from an outdated form (``VeralteterStandMixin``, checked under a row lock)."""

    permission_required = "quartiersprofil.change_foto"
    form_class = FotoForm
    template_name = "quartiersprofil/foto_form.html"
    queryset = Foto.objects.select_related("quartier", "begehung")
    context_object_name = "foto"
    erfolgsmeldung = _("Die Angaben zum Foto wurden gespeichert.")

    def speichern(self, form):
        with formularfehler(form):
            return foto_speichern(foto=form.instance)

    def get_success_url_fuer(self, objekt):
        if objekt.begehung_id:
            return reverse("quartiersprofil:begehung_detail", args=[objekt.begehung_id]) + "#fotos"
        return reverse("quartiersprofil:foto_galerie", args=[objekt.quartier.slug])

    def get_zurueck_url(self):
        return self.get_success_url_fuer(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(quartier=self.object.quartier, **kwargs)


class FotoDeleteView(EinmalGeladenMixin, Geschuetzt, DeleteView):
    permission_required = "quartiersprofil.delete_foto"
    template_name = "quartiersprofil/confirm_delete.html"
    queryset = Foto.objects.select_related("quartier")

    def form_valid(self, form):
        foto = self.object
        foto_loeschen(foto=foto)
        messages.success(self.request, _("Das Foto wurde gelöscht."))
        if foto.begehung_id:
            return redirect("quartiersprofil:begehung_detail", pk=foto.begehung_id)
        return redirect("quartiersprofil:foto_galerie", slug=foto.quartier.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            zurueck=reverse("quartiersprofil:foto_galerie", args=[self.object.quartier.slug]), **kwargs
        )


class FotoDateiView(Geschuetzt, View):
    """A photo's web or print file, only for those who may see the photo (never public media)."""

    permission_required = "quartiersprofil.view_foto"

    def get_permission_object(self):
        if not hasattr(self, "_foto"):
            if self.kwargs["groesse"] not in FOTO_GROESSEN:
                raise Http404(_("Diese Größe gibt es nicht."))
            self._foto = get_object_or_404(Foto.objects.select_related("quartier"), pk=self.kwargs["pk"])
        return self._foto

    def get(self, request, pk, groesse):
        datei = getattr(self.get_permission_object(), groesse)
        try:
            inhalt = datei.open("rb")
        except (FileNotFoundError, ValueError):
            raise Http404(_("Die Datei dieses Fotos fehlt.")) from None
        antwort = FileResponse(inhalt, content_type="image/jpeg")
        antwort["X-Content-Type-Options"] = "nosniff"
        # Photos behind the login may show people or unreleased work: no browser or proxy keeps a copy.
        return nicht_speichern(antwort)


class FotoGalerieView(QuartierBezugMixin, ListView):
    """All photos of a quarter, filterable by field of action (GET)."""

    permission_required = "quartiersprofil.view_foto"
    template_name = "quartiersprofil/foto_galerie.html"
    context_object_name = "fotos"
    paginate_by = 60

    def get_queryset(self):
        self.filter_form = HandlungsfeldFilterForm(self.request.GET or None)
        fotos = Foto.objects.filter(quartier=self.get_quartier()).select_related("handlungsfeld", "begehung", "befund")
        if feld := self.filter_form.gewaehlt():
            fotos = fotos.filter(handlungsfeld=feld)
        return fotos

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)
