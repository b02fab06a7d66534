"""Views of the quarter profile: walk-throughs with findings and photos, gallery and map,
sources, the survey of the senior offices."""

import statistics
from collections import defaultdict

from django.contrib import messages
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import (
    CreateView,
    DeleteView,
    DetailView,
    FormView,
    ListView,
    TemplateView,
    UpdateView,
    View,
)

from dwk.permissions import Geschuetzt, KartenformularMixin
from quartiere.models import Handlungsfeld, Quartier

from ..forms.begehungen import (
    AntwortAuswahlForm,
    AntwortFormSet,
    BefragungForm,
    BefundForm,
    BegehungForm,
    EingangForm,
    FotoForm,
    FotoHochladenForm,
    FrageFormSet,
    HandlungsfeldFilterForm,
    QuelleForm,
    QuellenAuszugFormSet,
)
from ..models import Antwort, Befragung, Befund, Foto, Frage, Quartiersbegehung, Quelle, QuellenAuszug
from ..services import (
    antworten_erfassen,
    befragung_speichern,
    befund_loeschen,
    befund_speichern,
    begehung_loeschen,
    begehung_speichern,
    foto_loeschen,
    foto_speichern,
    fotos_hochladen,
    fragen_speichern,
    quelle_loeschen,
    quelle_speichern,
)

FOTO_GROESSEN = {"web", "druck"}


class QuartierBezug(Geschuetzt):
    """A page of one quarter (``slug`` in the URL); the quarter is the permission object."""

    def get_quartier(self):
        if not hasattr(self, "_quartier"):
            self._quartier = get_object_or_404(Quartier.objects.select_related("stadtbezirk"), slug=self.kwargs["slug"])
        return self._quartier

    def get_permission_object(self):
        return self.get_quartier()

    def get_context_data(self, **kwargs):
        return super().get_context_data(quartier=self.get_quartier(), **kwargs)


class BegehungBezug(Geschuetzt):
    """A page below one walk-through (its ``pk`` in the URL); the walk-through is the permission object."""

    def get_begehung(self):
        if not hasattr(self, "_begehung"):
            self._begehung = get_object_or_404(
                Quartiersbegehung.objects.select_related("quartier"), pk=self.kwargs["pk"]
            )
        return self._begehung

    def get_permission_object(self):
        return self.get_begehung()


class EinmalGeladen:
    """The object is read once for the permission check and the page."""

    def get_object(self, queryset=None):
        if not hasattr(self, "_objekt"):
            self._objekt = super().get_object(queryset)
        return self._objekt


def _fehler_an_form(form, fehler):
    if hasattr(fehler, "error_dict"):
        for feld, liste in fehler.error_dict.items():
            form.add_error(feld if feld in form.fields else None, liste)
    else:
        form.add_error(None, fehler)


# --- Map data ------------------------------------------------------------------------------------


def _punkt(p):
    return {"lat": round(p.y, 6), "lon": round(p.x, 6)} if p is not None else None


def karten_daten(*, quartier_geojson, routen, befunde, fotos):
    """What ``quartiersprofil_karte.js`` draws: the same numbered items the table beside the map lists."""
    return {
        "quartier": quartier_geojson,
        "routen": [r for r in routen if r],
        "befunde": [
            {
                "nr": f"B{i}",
                "art": b.art,
                "art_name": str(b.get_art_display()),
                "text": b.text[:160],
                "handlungsfeld": b.handlungsfeld.kurzname,
                "farbe": b.handlungsfeld.slug,
                **_punkt(b.ort),
            }
            for i, b in befunde
            if b.ort is not None
        ],
        "fotos": [
            {
                "nr": f"F{i}",
                "titel": f.bildunterschrift or str(_("Foto ohne Bildunterschrift")),
                "bild": reverse("quartiersprofil:foto_datei", args=[f.pk, "web"]),
                **_punkt(f.standort),
            }
            for i, f in fotos
            if f.standort is not None
        ],
    }


# --- Walk-throughs --------------------------------------------------------------------------------


class BegehungListView(QuartierBezug, ListView):
    permission_required = "quartiersprofil.view_begehung"
    template_name = "quartiersprofil/begehung_list.html"
    context_object_name = "begehungen"

    def get_queryset(self):
        return (
            Quartiersbegehung.objects.filter(quartier=self.get_quartier())
            .annotate(anzahl_befunde=Count("befunde", distinct=True), anzahl_fotos=Count("fotos", distinct=True))
            .prefetch_related("teilnehmende_organisationen")
        )


class BegehungFormMixin(KartenformularMixin):
    form_class = BegehungForm
    template_name = "quartiersprofil/begehung_form.html"

    def form_valid(self, form):
        try:
            begehung = begehung_speichern(
                begehung=form.instance,
                teilnehmende_organisationen=form.cleaned_data["teilnehmende_organisationen"],
                teilnehmende=form.cleaned_data["teilnehmende"],
            )
        except ValidationError as fehler:
            _fehler_an_form(form, fehler)
            return self.form_invalid(form)
        messages.success(self.request, self.erfolgsmeldung)
        return redirect("quartiersprofil:begehung_detail", pk=begehung.pk)


class BegehungCreateView(QuartierBezug, BegehungFormMixin, CreateView):
    permission_required = "quartiersprofil.add_begehung"
    erfolgsmeldung = _("Die Begehung wurde angelegt. Sie können jetzt Befunde und Fotos hinzufügen.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["quartier"] = self.get_quartier()
        kwargs["instance"] = Quartiersbegehung(quartier=self.get_quartier())
        return kwargs


class BegehungUpdateView(EinmalGeladen, BegehungFormMixin, Geschuetzt, UpdateView):
    permission_required = "quartiersprofil.change_begehung"
    erfolgsmeldung = _("Die Änderungen an der Begehung wurden gespeichert.")
    queryset = Quartiersbegehung.objects.select_related("quartier")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "quartier": self.object.quartier}

    def get_context_data(self, **kwargs):
        return super().get_context_data(quartier=self.object.quartier, begehung=self.object, **kwargs)


class BegehungDetailView(EinmalGeladen, Geschuetzt, DetailView):
    permission_required = "quartiersprofil.view_begehung"
    template_name = "quartiersprofil/begehung_detail.html"
    context_object_name = "begehung"

    def get_queryset(self):
        return (
            Quartiersbegehung.objects.select_related("quartier")
            .annotate(route_geojson=AsGeoJSON("route", precision=6))
            .prefetch_related(
                "teilnehmende_organisationen",
                "teilnehmende",
                Prefetch("befunde", queryset=Befund.objects.select_related("handlungsfeld")),
                Prefetch("fotos", queryset=Foto.objects.select_related("handlungsfeld", "befund")),
            )
        )

    def get_context_data(self, **kwargs):
        begehung = self.object
        befunde = list(enumerate(begehung.befunde.all(), start=1))
        fotos = list(enumerate(begehung.fotos.all(), start=1))
        quartier = Quartier.objects.mit_geojson().only("pk", "grenze").get(pk=begehung.quartier_id)
        return super().get_context_data(
            quartier=begehung.quartier,
            befunde=befunde,
            fotos=fotos,
            karte=karten_daten(
                quartier_geojson=quartier.geojson, routen=[begehung.route_geojson], befunde=befunde, fotos=fotos
            ),
            **kwargs,
        )


class BegehungDeleteView(EinmalGeladen, Geschuetzt, DeleteView):
    permission_required = "quartiersprofil.delete_begehung"
    template_name = "quartiersprofil/confirm_delete.html"
    queryset = Quartiersbegehung.objects.select_related("quartier")

    def form_valid(self, form):
        quartier = self.object.quartier
        begehung_loeschen(begehung=self.object)
        messages.success(self.request, _("Die Begehung wurde mit ihren Befunden und Fotos gelöscht."))
        return redirect("quartiersprofil:begehung_liste", slug=quartier.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            zurueck=reverse("quartiersprofil:begehung_detail", args=[self.object.pk]),
            hinweis=_("Die Befunde und Fotos dieser Begehung werden ebenfalls gelöscht."),
            **kwargs,
        )


# --- Findings ----------------------------------------------------------------------------------


class BefundFormMixin(KartenformularMixin):
    form_class = BefundForm
    template_name = "quartiersprofil/befund_form.html"

    def form_valid(self, form):
        try:
            befund = befund_speichern(befund=form.instance)
        except ValidationError as fehler:
            _fehler_an_form(form, fehler)
            return self.form_invalid(form)
        messages.success(self.request, self.erfolgsmeldung)
        return redirect(reverse("quartiersprofil:begehung_detail", args=[befund.begehung_id]) + "#befunde")


class BefundCreateView(BefundFormMixin, BegehungBezug, CreateView):
    permission_required = "quartiersprofil.change_begehung"
    erfolgsmeldung = _("Der Befund wurde gespeichert.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Befund(begehung=self.get_begehung())}

    def get_context_data(self, **kwargs):
        return super().get_context_data(begehung=self.get_begehung(), quartier=self.get_begehung().quartier, **kwargs)


class BefundUpdateView(EinmalGeladen, BefundFormMixin, Geschuetzt, UpdateView):
    permission_required = "quartiersprofil.change_begehung"
    erfolgsmeldung = _("Die Änderungen am Befund wurden gespeichert.")
    queryset = Befund.objects.select_related("begehung__quartier")

    def get_permission_object(self):
        return self.get_object().begehung

    def get_context_data(self, **kwargs):
        return super().get_context_data(begehung=self.object.begehung, quartier=self.object.begehung.quartier, **kwargs)


class BefundDeleteView(EinmalGeladen, Geschuetzt, DeleteView):
    permission_required = "quartiersprofil.change_begehung"
    template_name = "quartiersprofil/confirm_delete.html"
    queryset = Befund.objects.select_related("begehung__quartier")

    def get_permission_object(self):
        return self.get_object().begehung

    def form_valid(self, form):
        begehung_id = self.object.begehung_id
        befund_loeschen(befund=self.object)
        messages.success(self.request, _("Der Befund wurde gelöscht; seine Fotos bleiben bei der Begehung."))
        return redirect("quartiersprofil:begehung_detail", pk=begehung_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            zurueck=reverse("quartiersprofil:begehung_detail", args=[self.object.begehung_id]), **kwargs
        )


# --- Photos ------------------------------------------------------------------------------------


class FotoHochladenView(BegehungBezug, FormView):
    permission_required = "quartiersprofil.add_foto"
    form_class = FotoHochladenForm
    template_name = "quartiersprofil/foto_hochladen.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "begehung": self.get_begehung()}

    def get_initial(self):
        befund = self.request.GET.get("befund")
        return {"befund": befund} if befund and befund.isdigit() else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(begehung=self.get_begehung(), quartier=self.get_begehung().quartier, **kwargs)

    def form_valid(self, form):
        begehung = self.get_begehung()
        daten = form.cleaned_data
        try:
            fotos = fotos_hochladen(
                quartier=begehung.quartier,
                begehung=begehung,
                befund=daten["befund"],
                dateien=daten["dateien"],
                handlungsfeld=daten["handlungsfeld"],
                bildunterschrift=daten["bildunterschrift"],
                darf_veroeffentlicht_werden=daten["darf_veroeffentlicht_werden"],
            )
        except ValidationError as fehler:
            form.add_error("dateien", fehler)
            return self.form_invalid(form)
        ohne_standort = sum(1 for f in fotos if f.standort is None)
        meldung = ngettext("Ein Foto wurde gespeichert.", "%(anzahl)s Fotos wurden gespeichert.", len(fotos)) % {
            "anzahl": len(fotos)
        }
        if ohne_standort:
            meldung += " " + ngettext(
                "Eines hat keinen Standort; bitte setzen Sie ihn auf der Karte.",
                "%(ohne)s haben keinen Standort; bitte setzen Sie ihn auf der Karte.",
                ohne_standort,
            ) % {"ohne": ohne_standort}
        messages.success(self.request, meldung)
        return redirect(reverse("quartiersprofil:begehung_detail", args=[begehung.pk]) + "#fotos")


class FotoUpdateView(EinmalGeladen, KartenformularMixin, Geschuetzt, UpdateView):
    permission_required = "quartiersprofil.change_foto"
    form_class = FotoForm
    template_name = "quartiersprofil/foto_form.html"
    queryset = Foto.objects.select_related("quartier", "begehung")
    context_object_name = "foto"

    def form_valid(self, form):
        try:
            foto = foto_speichern(foto=form.instance)
        except ValidationError as fehler:
            _fehler_an_form(form, fehler)
            return self.form_invalid(form)
        messages.success(self.request, _("Die Angaben zum Foto wurden gespeichert."))
        if foto.begehung_id:
            return redirect(reverse("quartiersprofil:begehung_detail", args=[foto.begehung_id]) + "#fotos")
        return redirect("quartiersprofil:foto_galerie", slug=foto.quartier.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(quartier=self.object.quartier, **kwargs)


class FotoDeleteView(EinmalGeladen, Geschuetzt, DeleteView):
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
        antwort["Cache-Control"] = "private, max-age=3600"
        antwort["X-Content-Type-Options"] = "nosniff"
        return antwort


class FotoGalerieView(QuartierBezug, ListView):
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


class BelegeKarteView(QuartierBezug, TemplateView):
    """Findings and photos of all walk-throughs of a quarter on a map and in a table, filterable (GET)."""

    permission_required = "quartiersprofil.view_begehung"
    template_name = "quartiersprofil/belege_karte.html"

    def get_context_data(self, **kwargs):
        quartier = self.get_quartier()
        filter_form = HandlungsfeldFilterForm(self.request.GET or None)
        feld = filter_form.gewaehlt()
        befunde = Befund.objects.filter(begehung__quartier=quartier).select_related("handlungsfeld", "begehung")
        fotos = Foto.objects.filter(quartier=quartier).select_related("handlungsfeld")
        if feld:
            befunde, fotos = befunde.filter(handlungsfeld=feld), fotos.filter(handlungsfeld=feld)
        befunde = list(enumerate(befunde.order_by("handlungsfeld__reihenfolge", "begehung__datum", "pk"), start=1))
        fotos = list(enumerate(fotos, start=1))
        grenze = Quartier.objects.mit_geojson().only("pk", "grenze").get(pk=quartier.pk).geojson
        routen = Quartiersbegehung.objects.filter(quartier=quartier, route__isnull=False).annotate(
            route_geojson=AsGeoJSON("route", precision=6)
        )
        return super().get_context_data(
            filter_form=filter_form,
            handlungsfeld=feld,
            befunde=befunde,
            fotos=fotos,
            karte=karten_daten(
                quartier_geojson=grenze,
                routen=[r.route_geojson for r in routen],
                befunde=befunde,
                fotos=fotos,
            ),
            **kwargs,
        )


# --- Sources -----------------------------------------------------------------------------------


class QuelleListView(QuartierBezug, ListView):
    permission_required = "quartiersprofil.view_quelle"
    template_name = "quartiersprofil/quelle_list.html"
    context_object_name = "quellen"

    def get_queryset(self):
        return (
            Quelle.objects.filter(quartier=self.get_quartier())
            .select_related("fachplanung")
            .prefetch_related(Prefetch("auszuege", queryset=QuellenAuszug.objects.select_related("handlungsfeld")))
        )


class QuelleFormMixin:
    form_class = QuelleForm
    template_name = "quartiersprofil/quelle_form.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("auszuege", self.auszuege_formset())
        return super().get_context_data(**kwargs)

    def auszuege_formset(self):
        instance = self.object if self.object is not None else Quelle()
        daten = self.request.POST if self.request.method == "POST" else None
        return QuellenAuszugFormSet(daten, instance=instance, prefix="auszuege")

    def form_valid(self, form):
        auszuege = self.auszuege_formset()
        if not auszuege.is_valid():
            return self.render_to_response(self.get_context_data(form=form, auszuege=auszuege))
        geaendert = auszuege.save(commit=False)
        try:
            quelle = quelle_speichern(quelle=form.instance, auszuege=geaendert, entfernen=auszuege.deleted_objects)
        except ValidationError as fehler:
            _fehler_an_form(form, fehler)
            return self.render_to_response(self.get_context_data(form=form, auszuege=auszuege))
        messages.success(self.request, self.erfolgsmeldung % {"titel": quelle.titel})
        return redirect("quartiersprofil:quelle_liste", slug=quelle.quartier.slug)


class QuelleCreateView(QuartierBezug, QuelleFormMixin, CreateView):
    permission_required = "quartiersprofil.add_quelle"
    erfolgsmeldung = _("Die Quelle „%(titel)s“ wurde angelegt.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Quelle(quartier=self.get_quartier())}


class QuelleUpdateView(EinmalGeladen, QuelleFormMixin, Geschuetzt, UpdateView):
    permission_required = "quartiersprofil.change_quelle"
    erfolgsmeldung = _("Die Änderungen an der Quelle „%(titel)s“ wurden gespeichert.")
    queryset = Quelle.objects.select_related("quartier")

    def get_context_data(self, **kwargs):
        return super().get_context_data(quartier=self.object.quartier, **kwargs)


class QuelleDeleteView(EinmalGeladen, Geschuetzt, DeleteView):
    permission_required = "quartiersprofil.delete_quelle"
    template_name = "quartiersprofil/confirm_delete.html"
    queryset = Quelle.objects.select_related("quartier")

    def form_valid(self, form):
        slug = self.object.quartier.slug
        quelle_loeschen(quelle=self.object)
        messages.success(self.request, _("Die Quelle wurde mit ihren Auszügen gelöscht."))
        return redirect("quartiersprofil:quelle_liste", slug=slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            zurueck=reverse("quartiersprofil:quelle_liste", args=[self.object.quartier.slug]), **kwargs
        )


# --- The survey of the senior offices ------------------------------------------------------------


class BefragungListView(Geschuetzt, ListView):
    permission_required = "quartiersprofil.view_befragung"
    template_name = "quartiersprofil/befragung_list.html"
    context_object_name = "befragungen"

    def get_queryset(self):
        return Befragung.objects.annotate(
            anzahl_fragen=Count("fragen", distinct=True), anzahl_antworten=Count("fragen__antworten", distinct=True)
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(quartiere=Quartier.objects.referenzquartiere(), **kwargs)


class BefragungCreateView(Geschuetzt, CreateView):
    permission_required = "quartiersprofil.change_befragung"
    form_class = BefragungForm
    template_name = "quartiersprofil/befragung_form.html"

    def form_valid(self, form):
        befragung = befragung_speichern(befragung=form.instance)
        messages.success(self.request, _("Die Befragung wurde angelegt. Legen Sie jetzt die Fragen an."))
        return redirect("quartiersprofil:fragen_bearbeiten", pk=befragung.pk)


class FragenBearbeitenView(Geschuetzt, FormView):
    """The questionnaire: all questions of a survey, grouped by field of action, in one formset."""

    permission_required = "quartiersprofil.change_befragung"
    template_name = "quartiersprofil/fragen_form.html"

    def get_befragung(self):
        if not hasattr(self, "_befragung"):
            self._befragung = get_object_or_404(Befragung, pk=self.kwargs["pk"])
        return self._befragung

    def get_form(self, form_class=None):
        daten = self.request.POST if self.request.method == "POST" else None
        return FrageFormSet(
            daten,
            queryset=Frage.objects.filter(befragung=self.get_befragung()).select_related("handlungsfeld"),
            prefix="fragen",
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(befragung=self.get_befragung(), **kwargs)

    def form_valid(self, form):
        geaendert = form.save(commit=False)
        try:
            fragen_speichern(befragung=self.get_befragung(), fragen=geaendert, entfernen=form.deleted_objects)
        except ValidationError as fehler:
            for meldung in fehler.messages:
                messages.error(self.request, meldung)
            return self.form_invalid(form)
        messages.success(self.request, _("Der Fragebogen wurde gespeichert."))
        return redirect("quartiersprofil:fragen_bearbeiten", pk=self.get_befragung().pk)


class AntwortenErfassenView(Geschuetzt, TemplateView):
    """Enter one returned paper form: the answers of one senior office for one quarter.

    First choose quarter, senior office and (optionally) a field of action (GET); then all
    questions of that choice appear at once, prefilled with what was entered before.
    """

    permission_required = "quartiersprofil.add_antwort"
    template_name = "quartiersprofil/antworten_form.html"

    def get_befragung(self):
        if not hasattr(self, "_befragung"):
            self._befragung = get_object_or_404(Befragung, pk=self.kwargs["pk"])
        return self._befragung

    def _auswahl(self):
        auswahl = AntwortAuswahlForm(self.request.GET or None)
        return auswahl, (auswahl.cleaned_data if auswahl.is_valid() else None)

    def _fragen(self, gewaehlt):
        fragen = Frage.objects.filter(befragung=self.get_befragung()).select_related("handlungsfeld")
        if gewaehlt["handlungsfeld"]:
            fragen = fragen.filter(handlungsfeld=gewaehlt["handlungsfeld"])
        return list(fragen)

    def _formset(self, gewaehlt, fragen, daten=None):
        vorhanden = {
            a.frage_id: a
            for a in Antwort.objects.filter(
                frage__in=fragen, quartier=gewaehlt["quartier"], seniorenbuero=gewaehlt["seniorenbuero"]
            )
        }
        initial = [
            {"bewertung": vorhanden[f.pk].bewertung, "text": vorhanden[f.pk].text} if f.pk in vorhanden else {}
            for f in fragen
        ]
        formset = AntwortFormSet(daten, initial=initial, prefix="antworten")
        for form, frage in zip(formset.forms, fragen, strict=True):
            form.frage = frage
            form.fields["bewertung"].label = _("Bewertung zu „%(frage)s“") % {"frage": frage.text}
            form.fields["text"].label = _("Antwort zu „%(frage)s“") % {"frage": frage.text}
        eingang = next((a.eingegangen_am for a in vorhanden.values() if a.eingegangen_am), None)
        return formset, eingang

    def get(self, request, *args, **kwargs):
        auswahl, gewaehlt = self._auswahl()
        kontext = {"befragung": self.get_befragung(), "auswahl": auswahl}
        if gewaehlt:
            fragen = self._fragen(gewaehlt)
            formset, eingang = self._formset(gewaehlt, fragen)
            kontext.update(formset=formset, eingang=EingangForm(initial={"eingegangen_am": eingang}), gewaehlt=gewaehlt)
        return self.render_to_response(self.get_context_data(**kontext))

    def post(self, request, *args, **kwargs):
        auswahl, gewaehlt = self._auswahl()
        if not gewaehlt:
            return redirect("quartiersprofil:antworten_erfassen", pk=self.get_befragung().pk)
        fragen = self._fragen(gewaehlt)
        formset, _eingang = self._formset(gewaehlt, fragen, request.POST)
        eingang = EingangForm(request.POST)
        if formset.is_valid() and eingang.is_valid() and len(formset.forms) == len(fragen):
            with transaction.atomic():
                anzahl = antworten_erfassen(
                    befragung=self.get_befragung(),
                    quartier=gewaehlt["quartier"],
                    seniorenbuero=gewaehlt["seniorenbuero"],
                    eingegangen_am=eingang.cleaned_data["eingegangen_am"],
                    antworten={
                        form.frage: (form.cleaned_data.get("bewertung"), form.cleaned_data.get("text", ""))
                        for form in formset.forms
                    },
                )
            messages.success(
                request,
                _("Die Antworten von %(buero)s für %(quartier)s wurden gespeichert (%(anzahl)s beantwortete Fragen).")
                % {"buero": gewaehlt["seniorenbuero"].name, "quartier": gewaehlt["quartier"].name, "anzahl": anzahl},
            )
            return redirect(
                reverse("quartiersprofil:befragung_uebersicht", args=[gewaehlt["quartier"].slug])
                + f"?befragung={self.get_befragung().pk}"
            )
        kontext = {
            "befragung": self.get_befragung(),
            "auswahl": auswahl,
            "formset": formset,
            "eingang": eingang,
            "gewaehlt": gewaehlt,
        }
        return self.render_to_response(self.get_context_data(**kontext))


def _streuung(werte):
    return round(statistics.pstdev(werte), 2) if len(werte) > 1 else None


class BefragungUebersichtView(QuartierBezug, TemplateView):
    """A quarter's survey answers per field of action and question: count, mean, spread, texts."""

    permission_required = "quartiersprofil.view_befragung"
    template_name = "quartiersprofil/befragung_uebersicht.html"

    def get_context_data(self, **kwargs):
        quartier = self.get_quartier()
        befragungen = list(Befragung.objects.all())
        gewaehlt = None
        kennung = self.request.GET.get("befragung", "")
        if kennung.isdigit():
            gewaehlt = next((b for b in befragungen if b.pk == int(kennung)), None)
        gewaehlt = gewaehlt or (befragungen[0] if befragungen else None)
        felder = []
        if gewaehlt is not None:
            antworten = defaultdict(list)
            for antwort in Antwort.objects.filter(frage__befragung=gewaehlt, quartier=quartier).select_related(
                "seniorenbuero"
            ):
                antworten[antwort.frage_id].append(antwort)
            nach_feld = defaultdict(list)
            for frage in Frage.objects.filter(befragung=gewaehlt).select_related("handlungsfeld"):
                liste = antworten.get(frage.pk, [])
                werte = [a.bewertung for a in liste if a.bewertung is not None]
                nach_feld[frage.handlungsfeld].append(
                    {
                        "frage": frage,
                        "anzahl": len(liste),
                        "anzahl_bewertungen": len(werte),
                        "mittel": round(statistics.mean(werte), 1) if werte else None,
                        "streuung": _streuung(werte),
                        "min": min(werte) if werte else None,
                        "max": max(werte) if werte else None,
                        "texte": [(a.seniorenbuero.name, a.text) for a in liste if a.text],
                    }
                )
            for feld in Handlungsfeld.objects.all():
                fragen = nach_feld.get(feld, [])
                werte = [a.bewertung for f in fragen for a in antworten.get(f["frage"].pk, []) if a.bewertung]
                felder.append(
                    {
                        "handlungsfeld": feld,
                        "fragen": fragen,
                        "anzahl": sum(f["anzahl"] for f in fragen),
                        "mittel": round(statistics.mean(werte), 1) if werte else None,
                        "streuung": _streuung(werte),
                    }
                )
        return super().get_context_data(befragungen=befragungen, befragung=gewaehlt, felder=felder, **kwargs)
