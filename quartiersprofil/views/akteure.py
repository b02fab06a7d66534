"""Pages of the key persons and local actors: list, create, edit, export, anonymise, review the
mentions an erasure left for a decision."""

import json
import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from dwk.permissions import EinmalGeladenMixin, Geschuetzt

from ..forms.profil import AkteurForm
from ..models import Akteur
from ..queries.anonymisierung import erwaehnungen_zur_pruefung, offene_nachnamen
from ..queries.personen import akteur_daten
from ..services import anonymisierung, personen
from ..services.anonymisierung import Anonymisierung
from .basis import FormularMixin, QuartierBezugMixin

logger = logging.getLogger(__name__)

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
        daten = akteur_daten(akteur=self.object)
        antwort = HttpResponse(
            json.dumps(daten, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        antwort["Content-Disposition"] = f'attachment; filename="akteur-{self.object.pk}.json"'
        antwort["Cache-Control"] = "private, no-store"
        logger.info(
            "Personendaten exportiert (Auskunft).",
            extra={
                "ereignis": "export_personendaten",
                "akteur_id": self.object.pk,
                "benutzer_id": self.request.user.pk,
            },
        )
        return antwort


def anonymisierung_meldung(ergebnis: Anonymisierung) -> str:
    """Exactly what the erasure did, in German for the success message."""
    teile = [
        ngettext(
            "Die Person ist anonymisiert: Name, E-Mail, Telefon und Anschrift sind gelöscht, "
            "auch in %(anzahl)s Verlaufseintrag.",
            "Die Person ist anonymisiert: Name, E-Mail, Telefon und Anschrift sind gelöscht, "
            "auch in %(anzahl)s Verlaufseinträgen.",
            ergebnis.verlaufseintraege,
        )
        % {"anzahl": ergebnis.verlaufseintraege}
    ]
    if ergebnis.felder:
        arten = ", ".join(f"{art}: {anzahl}" for art, anzahl in sorted(ergebnis.ersetzt.items()))
        teile.append(
            ngettext(
                "Name, E-Mail-Adresse, Telefonnummer oder Anschrift sind in %(anzahl)s Feld "
                "durch „[anonymisiert]“ ersetzt (%(arten)s).",
                "Name, E-Mail-Adresse, Telefonnummer oder Anschrift sind in %(anzahl)s Feldern "
                "durch „[anonymisiert]“ ersetzt (%(arten)s).",
                ergebnis.felder,
            )
            % {"anzahl": ergebnis.felder, "arten": arten}
        )
    else:
        teile.append(_("In keinem weiteren Feld war die Person genannt."))
    if ergebnis.offene_erwaehnungen:
        teile.append(
            ngettext(
                "%(anzahl)s Erwähnung des Nachnamens allein wartet auf Ihre Prüfung.",
                "%(anzahl)s Erwähnungen des Nachnamens allein warten auf Ihre Prüfung.",
                ergebnis.offene_erwaehnungen,
            )
            % {"anzahl": ergebnis.offene_erwaehnungen}
        )
    return " ".join(str(t) for t in teile)


class AkteurAnonymisierenView(Geschuetzt, EinmalGeladenMixin, DetailView):
    """GET: what will happen; POST: record the withdrawal of consent (``widerruf``) or erase the
    person — both anonymise the person everywhere, history included. Mentions of the surname
    alone are then listed for review (``AkteurErwaehnungenView``)."""

    permission_required = "quartiersprofil.anonymise_akteur"
    model = Akteur
    template_name = "quartiersprofil/akteur_anonymisieren.html"
    context_object_name = "akteur"
    widerruf = False

    def post(self, request, pk):
        akteur = self.get_object()
        if self.widerruf:
            ergebnis = personen.akteur_einwilligung_widerrufen(akteur=akteur)
            messages.success(request, _("Der Widerruf ist erfasst."))
        else:
            ergebnis = anonymisierung.akteur_anonymisieren(akteur=akteur)
        messages.success(request, anonymisierung_meldung(ergebnis))
        if ergebnis.offene_erwaehnungen:
            return redirect("quartiersprofil:akteur_erwaehnungen", pk=akteur.pk)
        return redirect("quartiersprofil:akteur_liste", slug=akteur.quartier.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(widerruf=self.widerruf, **kwargs)


class AkteurErwaehnungenView(Geschuetzt, EinmalGeladenMixin, DetailView):
    """The mentions of an erased person's surname alone („Frau Kemper“) that the erasure could not
    decide on, each with a button that replaces it; and a button that keeps the rest (they name
    someone else) and closes the review. POST ``aktion=ersetzen`` with ``modell``, ``feld``, ``pk``,
    or ``aktion=abschliessen``."""

    permission_required = "quartiersprofil.anonymise_akteur"
    model = Akteur
    template_name = "quartiersprofil/akteur_erwaehnungen.html"
    context_object_name = "akteur"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            erwaehnungen=erwaehnungen_zur_pruefung(akteur=self.object),
            ist_offen=bool(offene_nachnamen(self.object)),
            **kwargs,
        )

    def post(self, request, pk):
        akteur = self.get_object()
        if request.POST.get("aktion") == "abschliessen":
            anonymisierung.akteur_pruefung_abschliessen(akteur=akteur)
            messages.success(request, _("Die Prüfung ist abgeschlossen; die übrigen Stellen bleiben, wie sie sind."))
            return redirect("quartiersprofil:akteur_liste", slug=akteur.quartier.slug)
        try:
            noch_offen = anonymisierung.erwaehnung_ersetzen(
                akteur=akteur,
                modell=request.POST.get("modell", ""),
                feld=request.POST.get("feld", ""),
                pk=request.POST.get("pk", ""),
            )
        except ValidationError as fehler:
            messages.error(request, " ".join(fehler.messages))
            return redirect("quartiersprofil:akteur_erwaehnungen", pk=akteur.pk)
        if not noch_offen:
            messages.success(request, _("Die Erwähnung ist ersetzt. Es ist nichts mehr zu prüfen."))
            return redirect("quartiersprofil:akteur_liste", slug=akteur.quartier.slug)
        messages.success(request, _("Die Erwähnung ist ersetzt."))
        return redirect("quartiersprofil:akteur_erwaehnungen", pk=akteur.pk)
