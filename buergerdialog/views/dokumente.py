"""The documentation of an event: page, edit, photos, PDF attachments, release and the PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import DeleteView, FormView, TemplateView, UpdateView, View

from dwk.http import nicht_speichern
from dwk.permissions import EinmalGeladenMixin, ist_projektteam
from dwk.views import FormularMixin

from ..dokumente import dokumentation_pdf
from ..forms_dokumentation import (
    DokumentationForm,
    DokumentationsanhangBearbeitenForm,
    DokumentationsanhangForm,
    DokumentationsfotoForm,
    DokumentationsfotosForm,
)
from ..models import Dokumentation, Dokumentationsanhang, Dokumentationsfoto, Ergebnis
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
            darf_alle_eintraege=ist_projektteam(user),
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
    """Upload photos to the documentation; ``get_ergebnis()`` names the card they belong to (none here)."""

    permission_required = "buergerdialog.change_dokumentation"
    form_class = DokumentationsfotosForm
    template_name = FORMULAR

    def get_ergebnis(self):
        return None

    def get_titel(self):
        return _("Fotos zur Dokumentation hochladen")

    def get_zurueck_url(self):
        return Dokumentation(veranstaltung=self.get_veranstaltung()).get_absolute_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(titel=self.get_titel(), zurueck_url=self.get_zurueck_url(), **kwargs)

    def form_valid(self, form):
        try:
            fotos = dienste.dokumentationsfotos_hochladen(
                veranstaltung=self.get_veranstaltung(),
                dateien=form.cleaned_data["dateien"],
                bildunterschrift=form.cleaned_data["bildunterschrift"],
                darf_veroeffentlicht_werden=form.cleaned_data["darf_veroeffentlicht_werden"],
                ergebnis=self.get_ergebnis(),
                erfasst_von=self.request.user,
                von_partner=not ist_projektteam(self.request.user),
            )
        except ValidationError as fehler:
            form.add_error("dateien", fehler)
            return self.form_invalid(form)
        messages.success(self.request, _("%(anzahl)s Fotos sind gespeichert.") % {"anzahl": len(fotos)})
        return redirect(self.get_zurueck_url())


class ErgebnisFotosView(DokumentationFotosView):
    """Upload photos of the pin board of one card (``ergebnis_pk``); they join the documentation too."""

    def get_ergebnis(self):
        if not hasattr(self, "_ergebnis"):
            self._ergebnis = get_object_or_404(
                Ergebnis, pk=self.kwargs["ergebnis_pk"], veranstaltung=self.get_veranstaltung()
            )
        return self._ergebnis

    def get_titel(self):
        return _("Foto der Pinnwand zur Karte „%(karte)s“") % {"karte": self.get_ergebnis()}

    def get_zurueck_url(self):
        return self.get_ergebnis().get_absolute_url()


class EintragBezugMixin(EinmalGeladenMixin, VeranstaltungBezugMixin):
    """One photo, attachment or questionnaire of the event in the URL (``eintrag_pk``); the entry is
    the permission object (Projektteam any, the partner of the event its own)."""

    permission_required = "buergerdialog.change_dokumentationseintrag"
    pk_url_kwarg = "eintrag_pk"
    zur_veranstaltung = "dokumentation__veranstaltung"  # the lookup from the entry to its event

    def get_queryset(self):
        return self.model.objects.filter(**{self.zur_veranstaltung: self.get_veranstaltung()})

    def get_permission_object(self):
        return self.get_object()

    def get_zurueck_url(self):
        return Dokumentation(veranstaltung=self.get_veranstaltung()).get_absolute_url()

    def get_success_url_fuer(self, objekt):
        return self.get_zurueck_url()


class EintragLoeschenMixin(EintragBezugMixin):
    """Confirm, then delete through ``loeschen(objekt)``; back to the documentation with a message."""

    template_name = "buergerdialog/eintrag_loeschen.html"
    loeschmeldung = _("Gelöscht.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(zurueck=self.get_zurueck_url(), **kwargs)

    def form_valid(self, form):
        self.loeschen(self.object)
        messages.success(self.request, self.loeschmeldung)
        return redirect(self.get_zurueck_url())


class DokumentationsfotoUpdateView(EintragBezugMixin, FormularMixin, UpdateView):
    model = Dokumentationsfoto
    form_class = DokumentationsfotoForm
    template_name = FORMULAR
    erfolgsmeldung = _("Das Foto ist gespeichert.")

    def get_titel(self):
        return _("Foto bearbeiten: %(foto)s") % {"foto": self.object}

    def speichern(self, form):
        return dienste.dokumentationsfoto_speichern(foto=form.instance)


class DokumentationsfotoDeleteView(EintragLoeschenMixin, DeleteView):
    model = Dokumentationsfoto
    loeschmeldung = _("Das Foto ist gelöscht.")

    def loeschen(self, objekt):
        dienste.dokumentationsfoto_loeschen(foto=objekt)


class DokumentationsanhangUpdateView(EintragBezugMixin, FormularMixin, UpdateView):
    model = Dokumentationsanhang
    form_class = DokumentationsanhangBearbeitenForm
    template_name = FORMULAR
    erfolgsmeldung = _("Der Anhang ist gespeichert.")

    def get_titel(self):
        return _("Anhang bearbeiten: %(anhang)s") % {"anhang": self.object}

    def speichern(self, form):
        return dienste.dokumentationsanhang_speichern(anhang=form.instance)


class DokumentationsanhangDeleteView(EintragLoeschenMixin, DeleteView):
    model = Dokumentationsanhang
    loeschmeldung = _("Der Anhang ist gelöscht.")

    def loeschen(self, objekt):
        dienste.dokumentationsanhang_loeschen(anhang=objekt)


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
