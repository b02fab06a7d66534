"""Pages of the walk-throughs and their findings."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DeleteView, DetailView, ListView, UpdateView

from dwk.permissions import EinmalGeladenMixin, Geschuetzt, KartenformularMixin

from ..forms.begehungen import BefundForm, BegehungForm
from ..models import Befund, Quartiersbegehung
from ..queries.begehungen import begehungen_mit_belegen, begehungen_mit_zahlen
from ..queries.belege import begehung_belege
from ..services.begehungen import befund_loeschen, befund_speichern, begehung_loeschen, begehung_speichern
from .basis import BegehungBezugMixin, FormularMixin, QuartierBezugMixin, formularfehler

# --- Walk-throughs --------------------------------------------------------------------------------


class BegehungListView(QuartierBezugMixin, ListView):
    permission_required = "quartiersprofil.view_begehung"
    template_name = "quartiersprofil/begehung_list.html"
    context_object_name = "begehungen"

    def get_queryset(self):
        return begehungen_mit_zahlen(quartier=self.get_quartier())


class BegehungFormMixin(KartenformularMixin, FormularMixin):
    form_class = BegehungForm
    template_name = "quartiersprofil/begehung_form.html"

    def speichern(self, form):
        with formularfehler(form):
            return begehung_speichern(
                begehung=form.instance,
                teilnehmende_organisationen=form.cleaned_data["teilnehmende_organisationen"],
                teilnehmende=form.cleaned_data["teilnehmende"],
            )

    def get_success_url_fuer(self, objekt):
        return reverse("quartiersprofil:begehung_detail", args=[objekt.pk])


class BegehungCreateView(QuartierBezugMixin, BegehungFormMixin, CreateView):
    permission_required = "quartiersprofil.add_begehung"
    erfolgsmeldung = _("Die Begehung wurde angelegt. Sie können jetzt Befunde und Fotos hinzufügen.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["quartier"] = self.get_quartier()
        kwargs["instance"] = Quartiersbegehung(quartier=self.get_quartier())
        return kwargs

    def get_zurueck_url(self):
        return reverse("quartiersprofil:begehung_liste", args=[self.get_quartier().slug])


class BegehungUpdateView(EinmalGeladenMixin, BegehungFormMixin, Geschuetzt, UpdateView):
    permission_required = "quartiersprofil.change_begehung"
    erfolgsmeldung = _("Die Änderungen an der Begehung wurden gespeichert.")
    queryset = Quartiersbegehung.objects.select_related("quartier")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "quartier": self.object.quartier}

    def get_zurueck_url(self):
        return reverse("quartiersprofil:begehung_detail", args=[self.object.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(quartier=self.object.quartier, begehung=self.object, **kwargs)


class BegehungDetailView(EinmalGeladenMixin, Geschuetzt, DetailView):
    permission_required = "quartiersprofil.view_begehung"
    template_name = "quartiersprofil/begehung_detail.html"
    context_object_name = "begehung"

    def get_queryset(self):
        return begehungen_mit_belegen()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            quartier=self.object.quartier, **begehung_belege(begehung=self.object), **kwargs
        )


class BegehungDeleteView(EinmalGeladenMixin, Geschuetzt, DeleteView):
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


class BefundFormMixin(KartenformularMixin, FormularMixin):
    form_class = BefundForm
    template_name = "quartiersprofil/befund_form.html"

    def speichern(self, form):
        with formularfehler(form):
            return befund_speichern(befund=form.instance)

    def get_success_url_fuer(self, objekt):
        return reverse("quartiersprofil:begehung_detail", args=[objekt.begehung_id]) + "#befunde"


class BefundCreateView(BefundFormMixin, BegehungBezugMixin, CreateView):
    permission_required = "quartiersprofil.change_begehung"
    erfolgsmeldung = _("Der Befund wurde gespeichert.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Befund(begehung=self.get_begehung())}

    def get_zurueck_url(self):
        return reverse("quartiersprofil:begehung_detail", args=[self.get_begehung().pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(begehung=self.get_begehung(), quartier=self.get_begehung().quartier, **kwargs)


class BefundUpdateView(EinmalGeladenMixin, BefundFormMixin, Geschuetzt, UpdateView):
    permission_required = "quartiersprofil.change_begehung"
    erfolgsmeldung = _("Die Änderungen am Befund wurden gespeichert.")
    queryset = Befund.objects.select_related("begehung__quartier")

    def get_permission_object(self):
        return self.get_object().begehung

    def get_zurueck_url(self):
        return reverse("quartiersprofil:begehung_detail", args=[self.object.begehung_id])

    def get_context_data(self, **kwargs):
        return super().get_context_data(begehung=self.object.begehung, quartier=self.object.begehung.quartier, **kwargs)


class BefundDeleteView(EinmalGeladenMixin, Geschuetzt, DeleteView):
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
