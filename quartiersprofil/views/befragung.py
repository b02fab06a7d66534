"""Pages of the survey of the senior offices: questionnaire, entering answers, the overview per quarter."""

import statistics
from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import (
    CreateView,
    FormView,
    ListView,
    TemplateView,
)

from dwk.permissions import Geschuetzt
from quartiere.models import Handlungsfeld, Quartier

from ..forms.begehungen import (
    AntwortAuswahlForm,
    AntwortFormSet,
    BefragungForm,
    EingangForm,
    FrageFormSet,
)
from ..models import Antwort, Befragung, Frage
from ..services import (
    antworten_erfassen,
    befragung_speichern,
    fragen_speichern,
)
from .basis import QuartierBezugMixin

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


class BefragungUebersichtView(QuartierBezugMixin, TemplateView):
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
