"""Pages of the sources (plans and studies) and their excerpts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import (
    CreateView,
    DeleteView,
    ListView,
    UpdateView,
)

from dwk.permissions import Geschuetzt

from ..forms.begehungen import (
    QuelleForm,
    QuellenAuszugFormSet,
)
from ..models import Quelle, QuellenAuszug
from ..services import (
    quelle_loeschen,
    quelle_speichern,
)
from .basis import EinmalGeladenMixin, QuartierBezugMixin, fehler_an_form

# --- Sources -----------------------------------------------------------------------------------


class QuelleListView(QuartierBezugMixin, ListView):
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
            fehler_an_form(form, fehler)
            return self.render_to_response(self.get_context_data(form=form, auszuege=auszuege))
        messages.success(self.request, self.erfolgsmeldung % {"titel": quelle.titel})
        return redirect("quartiersprofil:quelle_liste", slug=quelle.quartier.slug)


class QuelleCreateView(QuartierBezugMixin, QuelleFormMixin, CreateView):
    permission_required = "quartiersprofil.add_quelle"
    erfolgsmeldung = _("Die Quelle „%(titel)s“ wurde angelegt.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Quelle(quartier=self.get_quartier())}


class QuelleUpdateView(EinmalGeladenMixin, QuelleFormMixin, Geschuetzt, UpdateView):
    permission_required = "quartiersprofil.change_quelle"
    erfolgsmeldung = _("Die Änderungen an der Quelle „%(titel)s“ wurden gespeichert.")
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
