"""Pages of the talks with key persons."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, ListView, UpdateView

from dwk.permissions import Geschuetzt

from ..forms.profil import (
    GespraechForm,
)
from ..models import (
    Akteur,
    Gespraech,
)
from ..services import personen
from .basis import FormularMixin, QuartierBezugMixin


class GespraechListView(QuartierBezugMixin, ListView):
    permission_required = "quartiersprofil.view_gespraech"
    template_name = "quartiersprofil/gespraech_list.html"
    context_object_name = "gespraeche"

    def get_queryset(self):
        return self.get_quartier().gespraeche.prefetch_related(
            Prefetch("teilnehmende", queryset=Akteur.objects.order_by("organisation")), "handlungsfelder"
        )


class GespraechFormMixin(FormularMixin):
    permission_required = "quartiersprofil.change_gespraech"
    form_class = GespraechForm
    erfolgsmeldung = _("Das Gespräch ist gespeichert.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "quartier": self.get_quartier(), "user": self.request.user}

    def get_zurueck_url(self):
        return reverse("quartiersprofil:gespraech_liste", kwargs={"slug": self.get_quartier().slug})

    def speichern(self, form):
        form.instance.quartier = self.get_quartier()
        return personen.gespraech_speichern(
            gespraech=form.instance,
            teilnehmende=form.cleaned_data["teilnehmende"],
            handlungsfelder=form.cleaned_data["handlungsfelder"],
        )

    def get_success_url_fuer(self, objekt):
        return reverse("quartiersprofil:gespraech_liste", kwargs={"slug": objekt.quartier.slug})


class GespraechCreateView(QuartierBezugMixin, GespraechFormMixin, CreateView):
    permission_required = "quartiersprofil.change_gespraech"
    titel = _("Neues Gespräch")


class GespraechUpdateView(Geschuetzt, GespraechFormMixin, UpdateView):
    permission_required = "quartiersprofil.change_gespraech"
    model = Gespraech
    titel = _("Gespräch bearbeiten")

    def get_quartier(self):
        return self.object.quartier
