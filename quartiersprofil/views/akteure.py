"""Pages of the key persons and local actors: list, create, edit, export, anonymise."""

import json

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from dwk.permissions import Geschuetzt

from .. import personen
from ..forms.profil import (
    AkteurForm,
)
from ..models import (
    Akteur,
)
from .basis import FormularMixin, QuartierBezugMixin

# --- Key persons and talks -----------------------------------------------------------------------


class AkteurListView(QuartierBezugMixin, ListView):
    """Key persons and local actors of a quarter: names and contact details only for Projektteam."""

    permission_required = "quartiersprofil.view_akteur"
    template_name = "quartiersprofil/akteur_list.html"
    context_object_name = "akteure"

    def get_queryset(self):
        return (
            self.get_quartier()
            .akteure.annotate(anzahl_gespraeche=Count("gespraeche"))
            .order_by("-ist_schluesselperson", "organisation", "rolle")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sieht_personendaten=self.request.user.has_perm("quartiersprofil.view_personendaten"), **kwargs
        )


class AkteurFormMixin(FormularMixin):
    permission_required = "quartiersprofil.change_akteur"
    form_class = AkteurForm
    erfolgsmeldung = _("Gespeichert. Ohne gültige Einwilligung bleiben nur Organisation und Rolle erhalten.")

    def speichern(self, form):
        return personen.akteur_speichern(akteur=form.instance)

    def get_success_url_fuer(self, objekt):
        return reverse("quartiersprofil:akteur_liste", kwargs={"slug": objekt.quartier.slug})

    def get_zurueck_url(self):
        return reverse("quartiersprofil:akteur_liste", kwargs={"slug": self.get_quartier().slug})


class AkteurCreateView(QuartierBezugMixin, AkteurFormMixin, CreateView):
    permission_required = "quartiersprofil.change_akteur"
    titel = _("Neue Person oder Organisation")

    def speichern(self, form):
        form.instance.quartier = self.get_quartier()
        return super().speichern(form)


class AkteurUpdateView(Geschuetzt, AkteurFormMixin, UpdateView):
    permission_required = "quartiersprofil.change_akteur"
    model = Akteur
    titel = _("Person oder Organisation bearbeiten")

    def get_quartier(self):
        return self.object.quartier


class AkteurExportView(Geschuetzt, DetailView):
    """Everything the app holds about one person, as a JSON download (request for information)."""

    permission_required = "quartiersprofil.export_akteur"
    model = Akteur

    def render_to_response(self, context, **kwargs):
        daten = personen.akteur_daten(akteur=self.object)
        antwort = HttpResponse(
            json.dumps(daten, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        antwort["Content-Disposition"] = f'attachment; filename="akteur-{self.object.pk}.json"'
        antwort["Cache-Control"] = "private, no-store"
        return antwort


class AkteurLoeschenView(Geschuetzt, DetailView):
    """GET: what will happen; POST: record the withdrawal of consent (``widerrufen``) or erase
    (``anonymisieren``) — both anonymise the person everywhere, history included."""

    permission_required = "quartiersprofil.anonymise_akteur"
    model = Akteur
    template_name = "quartiersprofil/akteur_anonymisieren.html"
    context_object_name = "akteur"
    widerruf = False

    def post(self, request, pk):
        akteur = self.get_object()
        if self.widerruf:
            personen.akteur_einwilligung_widerrufen(akteur=akteur)
            messages.success(request, _("Der Widerruf ist erfasst; die Person ist anonymisiert."))
        else:
            personen.akteur_anonymisieren(akteur=akteur)
            messages.success(request, _("Die Person ist anonymisiert, auch im Verlauf und in Gesprächsnotizen."))
        return redirect("quartiersprofil:akteur_liste", slug=akteur.quartier.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(widerruf=self.widerruf, **kwargs)
