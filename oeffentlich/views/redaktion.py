"""Projektteam's pages for the public pages („Öffentliche Seiten“, under ``/oeffentliche-seiten/``):
the overview, news posts (draft → preview → publish), the statutory pages, the project page's and
the quarters' texts. The releases of events and photos are in ``freigaben``.

Every text form has a second button „Vorschau“ that shows the text as the public page will show
it (Markdown through the same sanitiser) without saving; a news post is saved as a draft and
published from its preview page. Every edit refuses a stale save (``VeralteterStandMixin``).
"""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import CreateView, DeleteView, DetailView, ListView, TemplateView, UpdateView
from django.views.generic.edit import BaseUpdateView

from dwk.permissions import EinmalGeladenMixin, Geschuetzt
from dwk.views import FormularMixin
from dwk.zeit import heute, jetzt
from quartiere.models import Quartier

from ..forms import AuftrittForm, NeuigkeitForm, PflichtseiteForm, QuartiersseiteForm, VeroeffentlichenForm
from ..models import Auftritt, Neuigkeit, Pflichtseite, PflichtseiteArt, Quartiersseite
from ..queries import redaktion, seiten
from ..services import (
    auftritt_speichern,
    neuigkeit_loeschen,
    neuigkeit_speichern,
    neuigkeit_veroeffentlichen,
    neuigkeit_zurueckziehen,
    pflichtseite_speichern,
    quartiersseite_speichern,
)

FORMULAR = "oeffentlich/redaktion/formular.html"


class Redaktion(Geschuetzt):
    """A page of Projektteam's for the public pages. The permissions are not per object, so they are
    checked before any object is looked up: others get 403, never a 404 that tells what exists."""

    def get_permission_object(self):
        return None


class VorschauMixin:
    """A form page with a second submit button ``vorschau``: the form is checked and shown again
    with ``vorschau=True`` in the context (the template renders the text as the public page does);
    nothing is saved."""

    def post(self, request, *args, **kwargs):
        if "vorschau" not in request.POST:
            return super().post(request, *args, **kwargs)
        self.object = self.get_object() if isinstance(self, BaseUpdateView) else None
        form = self.get_form()
        if not form.is_valid():
            return self.form_invalid(form)
        return self.render_to_response(self.get_context_data(form=form, vorschau=True))


class NeuOderVorhandenMixin:
    """An edit page whose object may not exist yet (a statutory page, the project page, a quarter's
    text, a release): ``vorhandenes()`` is the row or None, ``neues()`` the unsaved new one. A save
    from the empty form after someone else created the row meanwhile is refused as stale."""

    def get_object(self, queryset=None):
        if not hasattr(self, "_objekt"):
            self._objekt = self.vorhandenes() or self.neues()
        return self._objekt

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except IntegrityError:
            # Two first saves at the same moment: both found no row, the other one's insert won.
            form.add_error(None, ValidationError(form.veraltet_meldung, code="veraltet"))
            return self.form_invalid(form)

    def nur_anlegen(self, form):
        """For the service: the form was opened when there was no row (it must not overwrite one)."""
        return form.instance.pk is None

    def form_invalid(self, form):
        if form.instance.pk is None and form.has_error(NON_FIELD_ERRORS, code="veraltet"):
            form.andere_fassung = form.andere_fassung or self.vorhandenes()
        return super().form_invalid(form)


def _kommune_oder_404():
    kommune = redaktion.kommune()
    if kommune is None:
        raise Http404(_("Es ist noch keine Kommune angelegt."))
    return kommune


# --- Overview --------------------------------------------------------------------------------------


class UebersichtView(Redaktion, TemplateView):
    permission_required = "oeffentlich.view_redaktion"
    template_name = "oeffentlich/redaktion/uebersicht.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            quartiere=list(seiten.oeffentliche_quartiere().select_related(None).only("name", "slug")),
            stand=redaktion.stand(jetzt=jetzt(), heute=heute()),
            **kwargs,
        )


# --- News ----------------------------------------------------------------------------------------


class NeuigkeitListView(Redaktion, ListView):
    permission_required = "oeffentlich.view_neuigkeit"
    template_name = "oeffentlich/redaktion/neuigkeit_list.html"
    context_object_name = "neuigkeiten"

    def get_queryset(self):
        return redaktion.neuigkeiten_zur_bearbeitung()

    def get_context_data(self, **kwargs):
        return super().get_context_data(jetzt=jetzt(), **kwargs)


class NeuigkeitFormMixin(VorschauMixin, FormularMixin):
    form_class = NeuigkeitForm
    template_name = "oeffentlich/redaktion/neuigkeit_form.html"

    def get_zurueck_url(self):
        return reverse("redaktion:neuigkeit_liste")

    def get_success_url_fuer(self, objekt):
        return reverse("redaktion:neuigkeit_vorschau", kwargs={"pk": objekt.pk})


class NeuigkeitCreateView(Redaktion, NeuigkeitFormMixin, CreateView):
    permission_required = "oeffentlich.add_neuigkeit"
    titel = gettext_lazy("Neuigkeit schreiben")
    erfolgsmeldung = gettext_lazy(
        "Der Entwurf „%(objekt)s“ ist gespeichert. Er ist noch nicht öffentlich: prüfen Sie die Vorschau "
        "und veröffentlichen Sie ihn dann."
    )

    def speichern(self, form):
        return neuigkeit_speichern(
            titel=form.cleaned_data["titel"],
            text=form.cleaned_data["text"],
            veroeffentlicht_am=None,
            verfasst_von=self.request.user,
        )


class NeuigkeitUpdateView(Redaktion, EinmalGeladenMixin, NeuigkeitFormMixin, UpdateView):
    permission_required = "oeffentlich.change_neuigkeit"
    titel = gettext_lazy("Neuigkeit bearbeiten")
    erfolgsmeldung = gettext_lazy("Die Änderungen an „%(objekt)s“ sind gespeichert.")
    model = Neuigkeit

    def speichern(self, form):
        return neuigkeit_speichern(
            neuigkeit=form.instance,
            titel=form.cleaned_data["titel"],
            text=form.cleaned_data["text"],
            veroeffentlicht_am=form.instance.veroeffentlicht_am,
        )


class NeuigkeitVorschauView(Redaktion, EinmalGeladenMixin, DetailView):
    """The post as the public will read it, with its state and the steps: publish (now or later),
    withdraw, edit, delete."""

    permission_required = "oeffentlich.view_neuigkeit"
    template_name = "oeffentlich/redaktion/neuigkeit_vorschau.html"
    model = Neuigkeit
    context_object_name = "neuigkeit"

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "veroeffentlichen", VeroeffentlichenForm(initial={"bearbeitungsstand": self.object.updated_at.isoformat()})
        )
        return super().get_context_data(jetzt=jetzt(), **kwargs)


class NeuigkeitVeroeffentlichenView(NeuigkeitVorschauView):
    """POST only: publish the previewed post (refused when it changed after the preview)."""

    permission_required = "oeffentlich.publish_neuigkeit"
    http_method_names = ["post"]

    def post(self, request, pk):
        self.object = self.get_object()
        form = VeroeffentlichenForm(request.POST)
        if form.is_valid():
            try:
                neuigkeit = neuigkeit_veroeffentlichen(
                    neuigkeit=self.object,
                    am=form.cleaned_data["veroeffentlicht_am"],
                    gesehener_stand=form.cleaned_data["bearbeitungsstand"],
                )
            except ValidationError as fehler:
                # Changed since the preview: show the newer version, to be previewed again.
                for meldung in fehler.messages:
                    messages.error(request, meldung)
                return redirect("redaktion:neuigkeit_vorschau", pk=self.object.pk)
            else:
                if neuigkeit.veroeffentlicht_am > jetzt():
                    meldung = _("„%(titel)s“ erscheint am %(tag)s um %(zeit)s Uhr auf den öffentlichen Seiten.")
                else:
                    meldung = _("„%(titel)s“ ist veröffentlicht: auf den öffentlichen Seiten und im Atom-Feed.")
                messages.success(request, meldung % _zeitangaben(neuigkeit))
                return redirect("redaktion:neuigkeit_vorschau", pk=neuigkeit.pk)
        return self.render_to_response(self.get_context_data(veroeffentlichen=form))


def _zeitangaben(neuigkeit):
    am = timezone.localtime(neuigkeit.veroeffentlicht_am)
    return {"titel": neuigkeit.titel, "tag": am.strftime("%d.%m.%Y"), "zeit": am.strftime("%H:%M")}


class NeuigkeitZurueckziehenView(Redaktion, View):
    """POST only: the post becomes a draft again (off the public pages and the feed)."""

    permission_required = "oeffentlich.publish_neuigkeit"
    http_method_names = ["post"]

    def post(self, request, pk):
        neuigkeit = neuigkeit_zurueckziehen(neuigkeit=get_object_or_404(Neuigkeit, pk=pk))
        meldung = _("„%(titel)s“ ist wieder ein Entwurf und nicht mehr öffentlich.")
        messages.success(request, meldung % {"titel": neuigkeit.titel})
        return redirect("redaktion:neuigkeit_vorschau", pk=neuigkeit.pk)


class NeuigkeitDeleteView(Redaktion, EinmalGeladenMixin, DeleteView):
    permission_required = "oeffentlich.delete_neuigkeit"
    template_name = "oeffentlich/redaktion/loeschen.html"
    model = Neuigkeit

    def form_valid(self, form):
        titel = self.object.titel
        neuigkeit_loeschen(neuigkeit=self.object)
        messages.success(self.request, _("Die Neuigkeit „%(titel)s“ ist gelöscht.") % {"titel": titel})
        return redirect("redaktion:neuigkeit_liste")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            zurueck=reverse("redaktion:neuigkeit_vorschau", kwargs={"pk": self.object.pk}),
            hinweis=_(
                "Ist sie veröffentlicht, verschwindet sie auch von den öffentlichen Seiten und aus dem Atom-Feed."
            ),
            **kwargs,
        )


# --- Statutory pages, project page, quarter texts ----------------------------------------------------


class PflichtseiteListView(Redaktion, TemplateView):
    permission_required = "oeffentlich.change_pflichtseite"
    template_name = "oeffentlich/redaktion/pflichtseite_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(pflichtseiten=redaktion.pflichtseiten(kommune=redaktion.kommune()), **kwargs)


class TextFormMixin(NeuOderVorhandenMixin, VorschauMixin, FormularMixin):
    """The edit pages of the statutory pages, the project page and the quarter texts."""

    template_name = FORMULAR

    def get_context_data(self, **kwargs):
        if kwargs.get("vorschau"):
            kwargs["vorschau_text"] = self.vorschau_text(kwargs["form"].instance)
        return super().get_context_data(oeffentlich_url=self.oeffentlich_url(), **kwargs)

    def vorschau_text(self, objekt):
        """The Markdown the public page shows of ``objekt`` (the form's unsaved state)."""
        return objekt.text

    def get_success_url_fuer(self, objekt):
        return self.get_zurueck_url()


class PflichtseiteBearbeitenView(Redaktion, TextFormMixin, UpdateView):
    permission_required = "oeffentlich.change_pflichtseite"
    form_class = PflichtseiteForm
    erfolgsmeldung = gettext_lazy("„%(objekt)s“ ist gespeichert und auf den öffentlichen Seiten zu sehen.")

    def art(self):
        if self.kwargs["art"] not in PflichtseiteArt.values:
            raise Http404(_("Diese Pflichtseite gibt es nicht."))
        return self.kwargs["art"]

    def vorhandenes(self):
        return Pflichtseite.objects.filter(kommune=_kommune_oder_404(), art=self.art()).first()

    def neues(self):
        return Pflichtseite(kommune=_kommune_oder_404(), art=self.art(), stand=heute())

    def get_titel(self):
        return _("%(seite)s bearbeiten") % {"seite": PflichtseiteArt(self.art()).label}

    def get_zurueck_url(self):
        return reverse("redaktion:pflichtseite_liste")

    def oeffentlich_url(self):
        return reverse("oeffentlich:pflichtseite", kwargs={"art": self.art()})

    def speichern(self, form):
        return pflichtseite_speichern(
            kommune=form.instance.kommune,
            art=form.instance.art,
            text=form.cleaned_data["text"],
            stand=form.cleaned_data["stand"],
            ist_beispiel=form.cleaned_data["ist_beispiel"],
            nur_anlegen=self.nur_anlegen(form),
        )


class AuftrittBearbeitenView(Redaktion, TextFormMixin, UpdateView):
    """The project page's own texts: introduction, funder and partner line, contact, feedback address."""

    permission_required = "oeffentlich.change_auftritt"
    form_class = AuftrittForm
    titel = gettext_lazy("Projektseite bearbeiten")
    erfolgsmeldung = gettext_lazy("Die Texte der Projektseite sind gespeichert und öffentlich zu sehen.")

    def vorhandenes(self):
        return Auftritt.objects.filter(kommune=_kommune_oder_404()).first()

    def neues(self):
        return Auftritt(kommune=_kommune_oder_404())

    def get_zurueck_url(self):
        return reverse("redaktion:uebersicht")

    def oeffentlich_url(self):
        return reverse("oeffentlich:projekt")

    def vorschau_text(self, objekt):
        return "\n\n".join(t for t in (objekt.einleitung, objekt.foerderung, objekt.partner, objekt.kontakt) if t)

    def speichern(self, form):
        daten = form.cleaned_data
        return auftritt_speichern(
            kommune=form.instance.kommune,
            einleitung=daten["einleitung"],
            foerderung=daten["foerderung"],
            partner=daten["partner"],
            kontakt=daten["kontakt"],
            feedback_email=daten["feedback_email"],
            nur_anlegen=self.nur_anlegen(form),
        )


class QuartiersseiteBearbeitenView(Redaktion, TextFormMixin, UpdateView):
    """What the public page of a reference quarter says about its character."""

    permission_required = "oeffentlich.change_quartiersseite"
    form_class = QuartiersseiteForm
    erfolgsmeldung = gettext_lazy("Der Text über %(objekt)s ist gespeichert und öffentlich zu sehen.")

    def quartier(self):
        if not hasattr(self, "_quartier"):
            self._quartier = get_object_or_404(Quartier.objects.referenzquartiere(), slug=self.kwargs["slug"])
        return self._quartier

    def vorhandenes(self):
        return Quartiersseite.objects.filter(quartier=self.quartier()).first()

    def neues(self):
        return Quartiersseite(quartier=self.quartier())

    def get_titel(self):
        return _("Text über das Quartier %(name)s") % {"name": self.quartier().name}

    def get_zurueck_url(self):
        return reverse("redaktion:uebersicht")

    def oeffentlich_url(self):
        return reverse("oeffentlich:quartier", kwargs={"slug": self.quartier().slug})

    def vorschau_text(self, objekt):
        return objekt.charakter

    def speichern(self, form):
        return quartiersseite_speichern(
            quartier=self.quartier(), charakter=form.cleaned_data["charakter"], nur_anlegen=self.nur_anlegen(form)
        )
