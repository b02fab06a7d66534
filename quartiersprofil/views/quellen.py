"""Pages of the sources (plans and studies) and their excerpts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import (
    CreateView,
    DeleteView,
    ListView,
    UpdateView,
)

from dwk.permissions import EinmalGeladenMixin, Geschuetzt

from ..forms.begehungen import (
    QuelleForm,
    QuellenAuszugFormSet,
)
from ..models import Quelle
from ..queries.quellen import quellen_mit_auszuegen
from ..services.quellen import (
    quelle_loeschen,
    quelle_speichern,
)
from .basis import FormularMixin, QuartierBezugMixin, formularfehler

# --- Sources -----------------------------------------------------------------------------------


class QuelleListView(QuartierBezugMixin, ListView):
    permission_required = "quartiersprofil.view_quelle"
    template_name = "quartiersprofil/quelle_list.html"
    context_object_name = "quellen"

    def get_queryset(self):
        return quellen_mit_auszuegen(quartier=self.get_quartier())


class QuelleFormMixin(FormularMixin):
    form_class = QuelleForm
    template_name = "quartiersprofil/quelle_form.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("auszuege", self.auszuege_formset())
        return super().get_context_data(**kwargs)

    def auszuege_formset(self):
        """The excerpts' formset, bound to the POST data on a save (built once per request)."""
        if not hasattr(self, "_auszuege"):
            instance = self.object if self.object is not None else Quelle()
            daten = self.request.POST if self.request.method == "POST" else None
            self._auszuege = QuellenAuszugFormSet(daten, instance=instance, prefix="auszuege")
        return self._auszuege

    def speichern(self, form):
        auszuege = self.auszuege_formset()
        if not auszuege.is_valid():
            raise ValidationError(_("Bitte prüfen Sie die Auszüge."), code="auszuege")
        geaendert = auszuege.save(commit=False)
        with formularfehler(form):
            return quelle_speichern(quelle=form.instance, auszuege=geaendert, entfernen=auszuege.deleted_objects)

    def get_success_url_fuer(self, objekt):
        return reverse("quartiersprofil:quelle_liste", args=[objekt.quartier.slug])

    def get_zurueck_url(self):
        return reverse("quartiersprofil:quelle_liste", args=[self.get_quartier().slug])


class QuelleCreateView(QuartierBezugMixin, QuelleFormMixin, CreateView):
    permission_required = "quartiersprofil.add_quelle"
    erfolgsmeldung = _("Die Quelle „%(objekt)s“ wurde angelegt.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Quelle(quartier=self.get_quartier())}


class QuelleUpdateView(EinmalGeladenMixin, QuelleFormMixin, Geschuetzt, UpdateView):
    permission_required = "quartiersprofil.change_quelle"
    erfolgsmeldung = _("Die Änderungen an der Quelle „%(objekt)s“ wurden gespeichert.")

    def get_quartier(self):
        return self.object.quartier

    queryset = Quelle.objects.select_related("quartier")

    def get_context_data(self, **kwargs):
        return super().get_context_data(quartier=self.object.quartier, **kwargs)


class QuelleDeleteView(EinmalGeladenMixin, Geschuetzt, DeleteView):
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
