"""The documentation of an event: page, edit, photos, PDF attachments, release and the PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, UpdateView, View

from dwk.http import nicht_speichern
from dwk.permissions import ist_projektteam
from dwk.views import FormularMixin

from ..dokumente import dokumentation_pdf
from ..forms_dokumentation import DokumentationForm, DokumentationsanhangForm, DokumentationsfotosForm
from ..models import Dokumentation, Dokumentationsanhang, Dokumentationsfoto
from ..queries.dokumente import dokumentation_der_veranstaltung
from ..services import dokumentation as dienste
from .basis import FORMULAR, VeranstaltungBezugMixin
from .einladungen import pdf_antwort


class NichtSpeichernMixin:
    def render_to_response(self, context, **kwargs):
        return nicht_speichern(super().render_to_response(context, **kwargs))


class DokumentationView(VeranstaltungBezugMixin, NichtSpeichernMixin, TemplateView):
    permission_required = "buergerdialog.view_dokumentation"
    template_name = "buergerdialog/dokumentation.html"

    def get_context_data(self, **kwargs):
        veranstaltung = self.get_veranstaltung()
        user = self.request.user
        return super().get_context_data(
            dokumentation=dokumentation_der_veranstaltung(veranstaltung=veranstaltung),
            darf_bearbeiten=user.has_perm("buergerdialog.change_dokumentation", veranstaltung),
            darf_freigeben=user.has_perm("buergerdialog.release_dokumentation", veranstaltung),
            **kwargs,
        )


class DokumentationBearbeitenView(VeranstaltungBezugMixin, FormularMixin, UpdateView):
    permission_required = "buergerdialog.change_dokumentation"
    form_class = DokumentationForm
    template_name = FORMULAR
    erfolgsmeldung = _("Die Dokumentation ist gespeichert.")

    def get_object(self, queryset=None):
        veranstaltung = self.get_veranstaltung()
        if not veranstaltung.nimmt_ergebnisse_an:
            raise Http404(_("Die Veranstaltung hat noch nicht stattgefunden."))
        return Dokumentation.objects.filter(veranstaltung=veranstaltung).first() or Dokumentation(
            veranstaltung=veranstaltung
        )

    def get_titel(self):
        return _("Dokumentation: %(titel)s") % {"titel": self.get_veranstaltung().titel}

    def get_zurueck_url(self):
        return self.object.get_absolute_url()

    def speichern(self, form):
        return dienste.dokumentation_speichern(
            dokumentation=form.instance,
            bearbeitet_von=self.request.user,
            von_partner=not ist_projektteam(self.request.user),
        )


class DokumentationFotosView(VeranstaltungBezugMixin, FormView):
    permission_required = "buergerdialog.change_dokumentation"
    form_class = DokumentationsfotosForm
    template_name = FORMULAR

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            titel=_("Fotos zur Dokumentation hochladen"),
            zurueck_url=Dokumentation(veranstaltung=self.get_veranstaltung()).get_absolute_url(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            fotos = dienste.dokumentationsfotos_hochladen(
                veranstaltung=self.get_veranstaltung(),
                dateien=form.cleaned_data["dateien"],
                bildunterschrift=form.cleaned_data["bildunterschrift"],
                erfasst_von=self.request.user,
                von_partner=not ist_projektteam(self.request.user),
            )
        except ValidationError as fehler:
            form.add_error("dateien", fehler)
            return self.form_invalid(form)
        messages.success(self.request, _("%(anzahl)s Fotos sind gespeichert.") % {"anzahl": len(fotos)})
        return redirect("buergerdialog:dokumentation", pk=self.get_veranstaltung().pk)


class DokumentationsanhangView(VeranstaltungBezugMixin, FormView):
    permission_required = "buergerdialog.change_dokumentation"
    form_class = DokumentationsanhangForm
    template_name = FORMULAR

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            titel=_("PDF an die Dokumentation anhängen"),
            zurueck_url=Dokumentation(veranstaltung=self.get_veranstaltung()).get_absolute_url(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            dienste.dokumentationsanhang_hinzufuegen(
                veranstaltung=self.get_veranstaltung(),
                anhang=form.instance,
                erfasst_von=self.request.user,
                von_partner=not ist_projektteam(self.request.user),
            )
        except ValidationError as fehler:
            form.add_error(None, fehler)
            return self.form_invalid(form)
        messages.success(self.request, _("Der Anhang ist gespeichert."))
        return redirect("buergerdialog:dokumentation", pk=self.get_veranstaltung().pk)


class DokumentationFreigebenView(VeranstaltungBezugMixin, View):
    permission_required = "buergerdialog.release_dokumentation"
    http_method_names = ["post"]

    def post(self, request, pk):
        dokumentation = get_object_or_404(Dokumentation, veranstaltung=self.get_veranstaltung())
        try:
            dienste.dokumentation_freigeben(dokumentation=dokumentation, freigegeben_von=request.user)
        except ValidationError as fehler:
            messages.error(request, " ".join(fehler.messages))
        else:
            messages.success(request, _("Die Dokumentation ist freigegeben."))
        return redirect("buergerdialog:dokumentation", pk=pk)


class DokumentationPdfView(VeranstaltungBezugMixin, View):
    permission_required = "buergerdialog.view_dokumentation"

    def get(self, request, pk):
        return pdf_antwort(dokumentation_pdf(veranstaltung=self.get_veranstaltung()), f"dokumentation-{pk}.pdf")


class DokumentationsfotoDateiView(VeranstaltungBezugMixin, View):
    """A photo's web derivative (never the upload itself, which is not kept)."""

    permission_required = "buergerdialog.view_dokumentation"

    def get(self, request, pk, foto_pk):
        foto = get_object_or_404(Dokumentationsfoto, pk=foto_pk, dokumentation__veranstaltung=self.get_veranstaltung())
        return nicht_speichern(FileResponse(foto.web.open("rb"), content_type="image/jpeg"))


class DokumentationsanhangDateiView(VeranstaltungBezugMixin, View):
    permission_required = "buergerdialog.view_dokumentation"

    def get(self, request, pk, anhang_pk):
        anhang = get_object_or_404(
            Dokumentationsanhang, pk=anhang_pk, dokumentation__veranstaltung=self.get_veranstaltung()
        )
        antwort = FileResponse(anhang.datei.open("rb"), content_type="application/pdf", as_attachment=True)
        return nicht_speichern(antwort)
