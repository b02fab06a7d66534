"""Pages of the survey of the senior offices: questionnaire, entering answers, the overview per quarter."""

from django.contrib import messages
from django.db import transaction
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
from quartiere.models import Quartier

from ..forms.begehungen import (
    AntwortAuswahlForm,
    AntwortFormSet,
    BefragungForm,
    EingangForm,
    FrageFormSet,
)
from ..models import Befragung
from ..queries.befragung import befragung_auswertung, befragungen_mit_zahlen, fragen_von, vorhandene_antworten
from ..services.befragung import (
    antworten_erfassen,
    befragung_speichern,
    fragen_speichern,
)
from .basis import FormularMixin, QuartierBezugMixin

# --- The survey of the senior offices ------------------------------------------------------------


class BefragungListView(Geschuetzt, ListView):
    permission_required = "quartiersprofil.view_befragung"
    template_name = "quartiersprofil/befragung_list.html"
    context_object_name = "befragungen"

    def get_queryset(self):
        return befragungen_mit_zahlen()

    def get_context_data(self, **kwargs):
        return super().get_context_data(quartiere=Quartier.objects.referenzquartiere(), **kwargs)


class BefragungCreateView(Geschuetzt, FormularMixin, CreateView):
    permission_required = "quartiersprofil.change_befragung"
    form_class = BefragungForm
    template_name = "quartiersprofil/befragung_form.html"
    erfolgsmeldung = _("Die Befragung wurde angelegt. Legen Sie jetzt die Fragen an.")

    def speichern(self, form):
        return befragung_speichern(befragung=form.instance)

    def get_success_url_fuer(self, objekt):
        return reverse("quartiersprofil:fragen_bearbeiten", args=[objekt.pk])

    def get_zurueck_url(self):
        return reverse("quartiersprofil:befragung_liste")


class FragenBearbeitenView(Geschuetzt, FormularMixin, FormView):
    """The questionnaire: all questions of a survey, grouped by field of action, in one formset."""

    permission_required = "quartiersprofil.change_befragung"
    template_name = "quartiersprofil/fragen_form.html"
    erfolgsmeldung = _("Der Fragebogen wurde gespeichert.")

    def get_befragung(self):
        if not hasattr(self, "_befragung"):
            self._befragung = get_object_or_404(Befragung, pk=self.kwargs["pk"])
        return self._befragung

    def get_form(self, form_class=None):
        daten = self.request.POST if self.request.method == "POST" else None
        return FrageFormSet(
            daten,
            queryset=fragen_von(befragung=self.get_befragung()),
            prefix="fragen",
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(befragung=self.get_befragung(), **kwargs)

    def speichern(self, form):
        return fragen_speichern(
            befragung=self.get_befragung(), fragen=form.save(commit=False), entfernen=form.deleted_objects
        )

    def form_invalid(self, form):
        for meldung in form.non_form_errors():
            messages.error(self.request, meldung)
        return super().form_invalid(form)

    def get_success_url_fuer(self, objekt):
        return reverse("quartiersprofil:fragen_bearbeiten", args=[objekt.pk])

    def get_zurueck_url(self):
        return reverse("quartiersprofil:befragung_liste")


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
        return list(fragen_von(befragung=self.get_befragung(), handlungsfeld=gewaehlt["handlungsfeld"]))

    def _formset(self, gewaehlt, fragen, daten=None):
        vorhanden = vorhandene_antworten(
            fragen=fragen, quartier=gewaehlt["quartier"], seniorenbuero=gewaehlt["seniorenbuero"]
        )
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


class BefragungUebersichtView(QuartierBezugMixin, TemplateView):
    """A quarter's survey answers per field of action and question: count, mean, spread, texts."""

    permission_required = "quartiersprofil.view_befragung"
    template_name = "quartiersprofil/befragung_uebersicht.html"

    def get_context_data(self, **kwargs):
        befragungen = list(Befragung.objects.all())
        gewaehlt = None
        kennung = self.request.GET.get("befragung", "")
        if kennung.isdigit():
            gewaehlt = next((b for b in befragungen if b.pk == int(kennung)), None)
        gewaehlt = gewaehlt or (befragungen[0] if befragungen else None)
        felder = befragung_auswertung(befragung=gewaehlt, quartier=self.get_quartier()) if gewaehlt else []
        return super().get_context_data(befragungen=befragungen, befragung=gewaehlt, felder=felder, **kwargs)
