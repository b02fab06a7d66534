"""Pages of the measures: board per quarter, list across quarters, detail with milestones."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, ListView, TemplateView, UpdateView, View

from dwk.export import export_antwort
from dwk.permissions import Geschuetzt
from dwk.zeit import heute
from quartiere.models import Handlungsfeld, Quartier

from ..forms.profil import (
    FortschrittForm,
    MassnahmeForm,
    MassnahmeStatusForm,
    MeilensteinForm,
)
from ..models import (
    Massnahme,
    MassnahmeHerkunft,
    MassnahmeMeilenstein,
    MassnahmeStatus,
)
from ..queries.massnahmen import EXPORT_KOPF, massnahmen_liste, massnahmen_nach_status, massnahmen_zeilen
from ..services import massnahmen as massnahmen_dienste
from .basis import FormularMixin, QuartierBezugMixin, zurueck_url

# --- Measures ----------------------------------------------------------------------------------


class MassnahmeBoardView(QuartierBezugMixin, TemplateView):
    """The measures of one quarter in columns by status; each card changes its status with a
    small form (no JavaScript needed)."""

    permission_required = "quartiersprofil.view_massnahme"
    template_name = "quartiersprofil/massnahme_board.html"

    def get_context_data(self, **kwargs):
        darf = self.request.user.has_perm("quartiersprofil.change_massnahme")
        spalten = massnahmen_nach_status(quartier=self.get_quartier())
        if darf:
            for _status, massnahmen in spalten:
                for massnahme in massnahmen:
                    massnahme.status_form = MassnahmeStatusForm(massnahme=massnahme)
        return super().get_context_data(spalten=spalten, darf_bearbeiten=darf, **kwargs)


class MassnahmeListView(Geschuetzt, ListView):
    """The measures of every quarter the user may read, filterable; ``?format=csv|xlsx`` downloads them."""

    permission_required = "quartiersprofil.list_massnahme"
    template_name = "quartiersprofil/massnahme_list.html"
    context_object_name = "massnahmen"

    def get_queryset(self):
        self.filter = {k: self.request.GET.get(k, "") for k in ("status", "handlungsfeld", "quartier", "herkunft")}
        return massnahmen_liste(user=self.request.user, **self.filter)

    def get(self, request, *args, **kwargs):
        format_ = request.GET.get("format")
        if format_ in ("csv", "xlsx"):
            zeilen = massnahmen_zeilen(self.get_queryset())
            return export_antwort(
                format=format_, dateiname="massnahmen", kopf=EXPORT_KOPF, zeilen=zeilen, titel="Maßnahmen"
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter=self.filter,
            status_auswahl=MassnahmeStatus.choices,
            herkunft_auswahl=MassnahmeHerkunft.choices,
            handlungsfelder=Handlungsfeld.objects.order_by("reihenfolge"),
            quartiere=Quartier.objects.sichtbar_fuer(self.request.user).filter(massnahmen__isnull=False).distinct(),
            **kwargs,
        )


class MassnahmeDetailView(Geschuetzt, DetailView):
    permission_required = "quartiersprofil.view_massnahme"
    template_name = "quartiersprofil/massnahme_detail.html"
    context_object_name = "massnahme"

    def get_queryset(self):
        return Massnahme.objects.select_related("quartier", "handlungsfeld").prefetch_related("meilensteine")

    def get_context_data(self, **kwargs):
        massnahme = self.object
        darf = self.request.user.has_perm("quartiersprofil.change_massnahme", massnahme)
        return super().get_context_data(
            darf_bearbeiten=darf,
            status_form=MassnahmeStatusForm(massnahme=massnahme) if darf else None,
            fortschritt_form=FortschrittForm(initial={"fortschritt": massnahme.fortschritt}) if darf else None,
            meilenstein_form=MeilensteinForm() if darf else None,
            verlauf=massnahme.history.select_related("history_user").order_by("-history_date")[:10],
            heute=heute(),
            **kwargs,
        )


class MassnahmeCreateView(QuartierBezugMixin, FormularMixin, CreateView):
    permission_required = "quartiersprofil.change_massnahme"
    form_class = MassnahmeForm
    erfolgsmeldung = _("Die Maßnahme ist angelegt.")

    def get_titel(self):
        return _("Neue Maßnahme für %(quartier)s") % {"quartier": self.get_quartier().name}

    def get_zurueck_url(self):
        return reverse("quartiersprofil:massnahme_board", kwargs={"slug": self.get_quartier().slug})

    def get_initial(self):
        return {"handlungsfeld": Handlungsfeld.objects.filter(slug=self.request.GET.get("handlungsfeld")).first()}

    def speichern(self, form):
        form.instance.quartier = self.get_quartier()
        return massnahmen_dienste.massnahme_speichern(massnahme=form.instance)

    def get_success_url_fuer(self, objekt):
        return objekt.get_absolute_url()


class MassnahmeUpdateView(Geschuetzt, FormularMixin, UpdateView):
    permission_required = "quartiersprofil.change_massnahme"
    form_class = MassnahmeForm
    model = Massnahme
    erfolgsmeldung = _("Die Maßnahme ist gespeichert.")

    def get_titel(self):
        return _("Maßnahme bearbeiten: %(titel)s") % {"titel": self.object.titel}

    def get_zurueck_url(self):
        return self.object.get_absolute_url()

    def speichern(self, form):
        return massnahmen_dienste.massnahme_speichern(massnahme=form.instance)

    def get_success_url_fuer(self, objekt):
        return objekt.get_absolute_url()


class MassnahmePostMixin(Geschuetzt):
    """A POST on a measure from the board or its page: one service, a message, back to where it came from."""

    permission_required = "quartiersprofil.change_massnahme"
    erfolgsmeldung = ""

    def get_permission_object(self):
        return self.get_massnahme()

    def get_massnahme(self):
        if not hasattr(self, "_massnahme"):
            self._massnahme = get_object_or_404(Massnahme, pk=self.kwargs["pk"])
        return self._massnahme

    def post(self, request, pk):
        massnahme = self.get_massnahme()
        try:
            self.ausfuehren(massnahme)
        except ValidationError as fehler:
            messages.error(request, f"{massnahme.titel}: " + " ".join(fehler.messages))
        else:
            messages.success(request, self.erfolgsmeldung % {"titel": massnahme.titel})
        return redirect(zurueck_url(request, massnahme.get_absolute_url()))


class MassnahmeStatusView(MassnahmePostMixin, View):
    erfolgsmeldung = _("Der Status von „%(titel)s“ ist geändert.")

    def ausfuehren(self, massnahme):
        form = MassnahmeStatusForm(self.request.POST, massnahme=massnahme)
        if not form.is_valid():
            raise ValidationError(_("Dieser Statuswechsel ist nicht möglich."))
        massnahmen_dienste.massnahme_status_aendern(
            massnahme=massnahme, status=form.cleaned_data["status"], grund=form.cleaned_data["grund"]
        )


class MassnahmeFortschrittView(MassnahmePostMixin, View):
    erfolgsmeldung = _("Der Fortschritt von „%(titel)s“ ist gespeichert.")

    def ausfuehren(self, massnahme):
        form = FortschrittForm(self.request.POST)
        if not form.is_valid():
            raise ValidationError(_("Der Fortschritt liegt zwischen 0 und 100 %."))
        massnahmen_dienste.massnahme_fortschritt_setzen(
            massnahme=massnahme, fortschritt=form.cleaned_data["fortschritt"]
        )


class MeilensteinCreateView(MassnahmePostMixin, FormularMixin, FormView):
    form_class = MeilensteinForm
    erfolgsmeldung = _("Der Meilenstein ist angelegt.")

    def get_titel(self):
        return _("Neuer Meilenstein für „%(titel)s“") % {"titel": self.get_massnahme().titel}

    def get_zurueck_url(self):
        return self.get_massnahme().get_absolute_url()

    post = FormView.post

    def speichern(self, form):
        form.instance.massnahme = self.get_massnahme()
        return massnahmen_dienste.massnahme_meilenstein_speichern(meilenstein=form.instance)

    def get_success_url_fuer(self, objekt):
        return objekt.massnahme.get_absolute_url()


class MeilensteinErreichtView(Geschuetzt, View):
    permission_required = "quartiersprofil.change_massnahme"

    def get_permission_object(self):
        self.meilenstein = get_object_or_404(
            MassnahmeMeilenstein.objects.select_related("massnahme"), pk=self.kwargs["pk"]
        )
        return self.meilenstein.massnahme

    def post(self, request, pk):
        massnahmen_dienste.massnahme_meilenstein_erreichen(meilenstein=self.meilenstein, datum=heute())
        messages.success(request, _("Der Meilenstein „%(titel)s“ ist erreicht.") % {"titel": self.meilenstein.titel})
        return redirect(self.meilenstein.massnahme.get_absolute_url())
