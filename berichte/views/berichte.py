"""Committee reports: create and edit, consultation with comments, release, versions, OParl."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, UpdateView, View
from django.views.generic.detail import SingleObjectMixin

from auftraege.services import auftrag_starten
from dwk.http import nicht_speichern
from dwk.permissions import Geschuetzt
from dwk.views import FormularMixin

from ..forms import BeratungForm, BerichtForm, FreigabeForm, KommentarErledigtForm, KommentarForm, OParlForm
from ..models import Bericht, BerichtVersion, Kommentar
from ..queries import bericht as queries
from ..services import berichte as services
from ..services.pdf_bericht import bericht_entwurf_rendern, bericht_freigabe_rendern
from .profil import gespeicherte_datei


class BerichtMixin(SingleObjectMixin):
    """Views on one report (``pk``): the report is the permission object."""

    model = Bericht
    context_object_name = "bericht"

    def get_permission_object(self):
        if not hasattr(self, "_bericht"):
            self._bericht = Bericht.objects.filter(pk=self.kwargs["pk"]).first()
        return self._bericht

    def get_object(self, queryset=None):
        bericht = self.get_permission_object()
        if bericht is None:
            raise Http404(_("Diesen Bericht gibt es nicht."))
        return bericht


class BerichtAktionMixin(BerichtMixin):
    """Form views on one report: the report is loaded after the permission check of
    ``Geschuetzt.dispatch``, so a report that does not exist answers 404 (not a 500)."""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)


class BerichtNeuView(Geschuetzt, FormularMixin, CreateView):
    permission_required = "berichte.add_bericht"
    form_class = BerichtForm
    template_name = "berichte/formular.html"
    titel = _("Neuer Bericht an ein Gremium")
    erfolgsmeldung = _("Der Bericht „%(objekt)s“ ist angelegt.")

    def get_permission_object(self):
        return None

    def get_zurueck_url(self):
        return reverse("berichte:liste")

    def speichern(self, form):
        return services.bericht_speichern(bericht=form.instance, profilfassungen=form.cleaned_data["profilfassungen"])


class BerichtBearbeitenView(BerichtMixin, Geschuetzt, FormularMixin, UpdateView):
    permission_required = "berichte.change_bericht"
    form_class = BerichtForm
    template_name = "berichte/formular.html"
    titel = _("Bericht bearbeiten")
    erfolgsmeldung = _("Der Bericht „%(objekt)s“ ist gespeichert.")

    def speichern(self, form):
        return services.bericht_speichern(bericht=form.instance, profilfassungen=form.cleaned_data["profilfassungen"])


class BerichtDetailView(BerichtMixin, Geschuetzt, DetailView):
    """The report: for Projektteam and, during the consultation, the steering group the working
    text with the comment threads beside each section; for everyone else the latest released
    version. Versions with their stored PDFs, the council information system's data."""

    permission_required = "berichte.view_bericht"
    template_name = "berichte/bericht_detail.html"

    def get_context_data(self, **kwargs):
        bericht = self.object
        user = self.request.user
        versionen = list(bericht.versionen.select_related("freigegeben_von", "beschluss"))
        arbeitsstand = user.has_perm("berichte.view_arbeitsstand", bericht)
        if arbeitsstand:
            abschnitte = queries.abschnitte(bericht)
        else:
            abschnitte = queries.abschnitte_der_version(versionen[0]) if versionen else []
        faeden = queries.faeden_je_abschnitt(bericht) if user.has_perm("berichte.view_kommentar", bericht) else {}
        darf_kommentieren = user.has_perm("berichte.comment_bericht", bericht)
        return super().get_context_data(
            abschnitte=[(a, faeden.get(a.schluessel, [])) for a in abschnitte],
            zeigt_arbeitsstand=arbeitsstand,
            zeigt_kommentare=user.has_perm("berichte.view_kommentar", bericht),
            darf_kommentieren=darf_kommentieren,
            kommentar_form=KommentarForm() if darf_kommentieren else None,
            versionen=versionen,
            oparl_eingerichtet=bool(settings.DWK_OPARL_URL),
            entwurf_pdf_aktuell=bool(bericht.entwurf_pdf) and bericht.entwurf_pdf_stand == bericht.updated_at,
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        return nicht_speichern(super().render_to_response(context, **response_kwargs))


class BeratungView(BerichtAktionMixin, Geschuetzt, FormView):
    """Put the draft to the steering group with a deadline."""

    permission_required = "berichte.consult_bericht"
    form_class = BeratungForm
    template_name = "berichte/aktion.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            titel=_("Entwurf der Lenkungsgruppe zur Beratung vorlegen"),
            erklaerung=_(
                "Die Mitglieder der Lenkungsgruppe sehen den Entwurf dann unter „Meine Lenkungsgruppe“, können ihn "
                "als Seite und PDF lesen und je Abschnitt kommentieren – bis zur Freigabe."
            ),
            knopf=_("Zur Beratung vorlegen"),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.bericht_zur_beratung_stellen(bericht=self.object, frist=form.cleaned_data["frist"])
        except ValidationError as fehler:
            form.add_error(None, fehler)
            return self.form_invalid(form)
        messages.success(self.request, _("Der Entwurf liegt der Lenkungsgruppe zur Beratung vor."))
        return redirect(self.object)


class KommentierenView(BerichtMixin, Geschuetzt, View):
    """POST: a comment on a section, or an answer in a thread."""

    permission_required = "berichte.comment_bericht"
    http_method_names = ["post"]

    def post(self, request, pk):
        bericht = self.get_object()
        form = KommentarForm(request.POST)
        if not form.is_valid():
            for fehler in form.errors.values():
                messages.error(request, " ".join(fehler))
            return redirect(bericht)
        antwort_auf = None
        if form.cleaned_data["antwort_auf"]:
            antwort_auf = Kommentar.objects.filter(pk=form.cleaned_data["antwort_auf"], bericht=bericht).first()
            if antwort_auf is None:
                messages.error(request, _("Der Kommentar, auf den Sie antworten wollten, gibt es nicht mehr."))
                return redirect(bericht)
        try:
            kommentar = services.kommentar_schreiben(
                bericht=bericht,
                abschnitt=form.cleaned_data["abschnitt"],
                autor=request.user,
                text=form.cleaned_data["text"],
                antwort_auf=antwort_auf,
            )
        except ValidationError as fehler:
            messages.error(request, " ".join(fehler.messages))
            return redirect(bericht)
        messages.success(request, _("Ihr Kommentar ist gespeichert."))
        return redirect(f"{bericht.get_absolute_url()}#abschnitt-{kommentar.abschnitt}")


class KommentarErledigtView(Geschuetzt, View):
    """POST: mark a thread resolved (``erledigt=on``) or open again."""

    permission_required = "berichte.resolve_kommentar"
    http_method_names = ["post"]

    def get_permission_object(self):
        return None

    def post(self, request, pk):
        kommentar = get_object_or_404(Kommentar.objects.select_related("bericht"), pk=pk)
        form = KommentarErledigtForm(request.POST)
        form.is_valid()
        faden = services.kommentar_erledigen(
            kommentar=kommentar, benutzer=request.user, erledigt=form.cleaned_data.get("erledigt", False)
        )
        messages.success(request, _("Als erledigt markiert.") if faden.erledigt else _("Wieder offen."))
        return redirect(f"{kommentar.bericht.get_absolute_url()}#abschnitt-{faden.abschnitt}")


class EntwurfPdfView(BerichtMixin, Geschuetzt, View):
    """The PDF of the working text: served as kept when it is of the current state, else a background
    job renders it and the user follows its status page."""

    permission_required = "berichte.view_arbeitsstand"

    def get(self, request, pk):
        bericht = self.get_object()
        if bericht.entwurf_pdf and bericht.entwurf_pdf_stand == bericht.updated_at:
            return nicht_speichern(
                FileResponse(
                    bericht.entwurf_pdf.open("rb"),
                    content_type="application/pdf",
                    as_attachment=True,
                    filename=f"bericht-{bericht.pk}-entwurf.pdf",
                )
            )
        auftrag = auftrag_starten(
            aufgabe=bericht_entwurf_rendern,
            titel=_("PDF des Entwurfs „%(betreff)s“") % {"betreff": bericht.betreff[:150]},
            benutzer=request.user,
            argumente={"bericht_id": bericht.pk},
            schritte_gesamt=3,
            ziel_url=reverse("berichte:entwurf_pdf", kwargs={"pk": bericht.pk}),
            ziel_text=_("PDF herunterladen"),
        )
        return redirect(auftrag)


class FreigabeView(BerichtAktionMixin, Geschuetzt, FormView):
    """Release: a background job renders the report once and stores it as the next version."""

    permission_required = "berichte.release_bericht"
    form_class = FreigabeForm
    template_name = "berichte/aktion.html"

    def get_initial(self):
        return {"beschluss": self.object.beschluss_id}

    def get_context_data(self, **kwargs):
        try:
            services.freigabe_pruefen(self.object)
            maengel = []
        except ValidationError as fehler:
            maengel = fehler.messages
        return super().get_context_data(
            titel=_("Bericht freigeben"),
            erklaerung=_(
                "Bei der Freigabe wird das PDF einmal erstellt und als neue Version gespeichert; es wird nie "
                "überschrieben. Alle – auch das Ratsbüro – laden danach genau diese Datei herunter. Spätere "
                "Änderungen ergeben eine neue Version."
            ),
            maengel=maengel,
            knopf=_("Freigeben"),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.freigabe_pruefen(self.object)
        except ValidationError as fehler:
            form.add_error(None, fehler)
            return self.form_invalid(form)
        beschluss = form.cleaned_data.get("beschluss")
        auftrag = auftrag_starten(
            aufgabe=bericht_freigabe_rendern,
            titel=_("Freigabe des Berichts „%(betreff)s“") % {"betreff": self.object.betreff[:150]},
            benutzer=self.request.user,
            argumente={
                "bericht_id": self.object.pk,
                "benutzer_id": self.request.user.pk,
                "beschluss_id": beschluss.pk if beschluss else None,
            },
            schritte_gesamt=3,
            ziel_url=self.object.get_absolute_url(),
            ziel_text=_("Zum Bericht"),
        )
        return redirect(auftrag)


class VersionPdfView(Geschuetzt, View):
    """A released version's stored PDF, byte for byte (ETag = SHA-256)."""

    permission_required = "berichte.download_version"

    def get_permission_object(self):
        return None

    def get(self, request, pk, nummer):
        version = BerichtVersion.objects.filter(bericht_id=pk, nummer=nummer).only("datei", "sha256").first()
        if version is None:
            raise Http404(_("Diese Version gibt es nicht."))
        return gespeicherte_datei(
            datei=version.datei, sha256=version.sha256, dateiname=f"bericht-{pk}-version-{nummer}.pdf", request=request
        )


class VersionVergleichView(BerichtMixin, Geschuetzt, DetailView):
    """What changed between two released versions (``?alt=1&neu=2``), section by section."""

    permission_required = "berichte.compare_version"
    template_name = "berichte/bericht_vergleich.html"

    def get_permission_object(self):
        return None

    def get_object(self, queryset=None):
        return get_object_or_404(Bericht, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        versionen = {v.nummer: v for v in self.object.versionen.all()}
        nummern = sorted(versionen)
        fehler = ""
        alt_neu = None
        try:
            alt = int(self.request.GET.get("alt", nummern[-2] if len(nummern) > 1 else 0))
            neu = int(self.request.GET.get("neu", nummern[-1] if nummern else 0))
        except (TypeError, ValueError):
            alt = neu = 0
            fehler = _("Bitte wählen Sie zwei Versionen als Zahlen.")
        if not fehler:
            if alt not in versionen or neu not in versionen:
                fehler = (
                    _("Bitte wählen Sie zwei vorhandene Versionen.") if nummern else _("Es gibt noch keine Version.")
                )
            else:
                alt_neu = (versionen[alt], versionen[neu])
        return super().get_context_data(
            nummern=nummern,
            fehler=fehler,
            alt=alt_neu[0] if alt_neu else None,
            neu=alt_neu[1] if alt_neu else None,
            aenderungen=queries.versionen_vergleichen(*alt_neu) if alt_neu else [],
            **kwargs,
        )


class OParlView(BerichtMixin, Geschuetzt, View):
    """POST: link the report to its paper in the council information system, or refresh the link."""

    permission_required = "berichte.link_oparl"
    http_method_names = ["post"]

    def post(self, request, pk):
        bericht = self.get_object()
        form = OParlForm(request.POST)
        aktenzeichen = form.cleaned_data["aktenzeichen"].strip() if form.is_valid() else ""
        try:
            services.bericht_oparl_verknuepfen(bericht=bericht, aktenzeichen=aktenzeichen or None)
        except ValidationError as fehler:
            messages.error(request, " ".join(fehler.messages))
            return redirect(f"{bericht.get_absolute_url()}#rats")
        messages.success(request, _("Die Angaben aus dem Ratsinformationssystem sind aktualisiert."))
        return redirect(f"{bericht.get_absolute_url()}#rats")
