"""Pages of events: overview, list, detail, create and edit, status, attendance."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, ListView, TemplateView, UpdateView, View

from dwk.permissions import Geschuetzt, ist_projektteam
from dwk.views import FormularMixin
from dwk.zeit import heute

from ..forms import AnwesenheitForm, StatusForm, VeranstaltungForm
from ..models import Veranstaltung, VeranstaltungFormat, VeranstaltungStatus
from ..queries.veranstaltungen import sichtbare_veranstaltungen, uebersicht, veranstaltung_detail
from ..services import veranstaltungen as dienste
from ..services.veranstaltungen import UEBERGAENGE
from .basis import FORMULAR, VeranstaltungBezugMixin


class UebersichtView(Geschuetzt, TemplateView):
    """Upcoming and past events, overdue checklist items, and the user's own open items."""

    permission_required = "buergerdialog.list_veranstaltung"
    template_name = "buergerdialog/uebersicht.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            daten=uebersicht(user=self.request.user),
            darf_anlegen=self.request.user.has_perm("buergerdialog.change_veranstaltung"),
            heute=heute(),
            **kwargs,
        )


class VeranstaltungListView(Geschuetzt, ListView):
    """Every event the user may read, newest first; filter by format and status."""

    permission_required = "buergerdialog.list_veranstaltung"
    template_name = "buergerdialog/veranstaltung_list.html"
    context_object_name = "veranstaltungen"

    def get_queryset(self):
        self.filter = {k: self.request.GET.get(k, "") for k in ("format", "status")}
        zeilen = sichtbare_veranstaltungen(user=self.request.user).order_by("-beginn")
        if self.filter["format"]:
            zeilen = zeilen.filter(format=self.filter["format"])
        if self.filter["status"]:
            zeilen = zeilen.filter(status=self.filter["status"])
        return zeilen

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter=self.filter,
            formate=VeranstaltungFormat.choices,
            status_auswahl=VeranstaltungStatus.choices,
            **kwargs,
        )


class VeranstaltungDetailView(Geschuetzt, DetailView):
    permission_required = "buergerdialog.view_veranstaltung"
    template_name = "buergerdialog/veranstaltung_detail.html"
    context_object_name = "veranstaltung"

    def get_object(self, queryset=None):
        if not hasattr(self, "_objekt"):
            try:
                self._objekt = veranstaltung_detail(pk=self.kwargs["pk"])
            except Veranstaltung.DoesNotExist as fehlt:
                raise Http404 from fehlt
        return self._objekt

    def get_context_data(self, **kwargs):
        user, veranstaltung = self.request.user, self.object
        darf = user.has_perm("buergerdialog.change_veranstaltung", veranstaltung)
        return super().get_context_data(
            darf_bearbeiten=darf,
            darf_erfassen=user.has_perm("buergerdialog.add_ergebnis", veranstaltung),
            darf_anwesenheit=user.has_perm("buergerdialog.change_anwesenheit", veranstaltung),
            naechste_status=[
                (wert, name) for wert, name in VeranstaltungStatus.choices if wert in UEBERGAENGE[veranstaltung.status]
            ]
            if darf
            else [],
            heute=heute(),
            **kwargs,
        )


class VeranstaltungCreateView(Geschuetzt, FormularMixin, CreateView):
    permission_required = "buergerdialog.change_veranstaltung"
    form_class = VeranstaltungForm
    template_name = FORMULAR
    titel = _("Neue Veranstaltung")
    erfolgsmeldung = _("Die Veranstaltung „%(objekt)s“ ist angelegt, mit ihrer Checkliste.")

    def get_zurueck_url(self):
        return reverse("buergerdialog:uebersicht")

    def speichern(self, form):
        return dienste.veranstaltung_speichern(
            veranstaltung=form.instance,
            quartiere=form.cleaned_data["quartiere"],
            handlungsfelder=form.cleaned_data["handlungsfelder"],
            moderation=form.cleaned_data["moderation"],
            beobachtung=form.cleaned_data["beobachtung"],
            gegenstaende=form.cleaned_data["gegenstaende"],
        )


class VeranstaltungUpdateView(Geschuetzt, FormularMixin, UpdateView):
    permission_required = "buergerdialog.change_veranstaltung"
    form_class = VeranstaltungForm
    model = Veranstaltung
    template_name = FORMULAR
    erfolgsmeldung = _("Die Veranstaltung „%(objekt)s“ ist gespeichert.")

    def get_titel(self):
        return _("Veranstaltung bearbeiten: %(titel)s") % {"titel": self.object.titel}

    def speichern(self, form):
        return dienste.veranstaltung_speichern(
            veranstaltung=form.instance,
            quartiere=form.cleaned_data["quartiere"],
            handlungsfelder=form.cleaned_data["handlungsfelder"],
            moderation=form.cleaned_data["moderation"],
            beobachtung=form.cleaned_data["beobachtung"],
            gegenstaende=form.cleaned_data["gegenstaende"],
        )


class VeranstaltungStatusView(VeranstaltungBezugMixin, View):
    """POST: move the event to the next (or previous) status the transitions allow."""

    permission_required = "buergerdialog.change_veranstaltung"

    def post(self, request, *args, **kwargs):
        veranstaltung = self.get_veranstaltung()
        form = StatusForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Bitte wählen Sie einen Status."))
        else:
            try:
                veranstaltung = dienste.veranstaltung_status_setzen(
                    veranstaltung=veranstaltung, status=form.cleaned_data["status"]
                )
            except ValidationError as fehler:
                messages.error(request, " ".join(fehler.messages))
            else:
                messages.success(request, _("Status: %(status)s.") % {"status": veranstaltung.get_status_display()})
        return redirect(veranstaltung.get_absolute_url())


class AnwesenheitView(VeranstaltungBezugMixin, FormularMixin, UpdateView):
    """Head count and anonymous breakdown; Projektteam and the event's partner."""

    permission_required = "buergerdialog.change_anwesenheit"
    form_class = AnwesenheitForm
    template_name = FORMULAR
    erfolgsmeldung = _("Die Teilnahme ist gespeichert.")

    def get_object(self, queryset=None):
        return self.get_veranstaltung()

    def get_titel(self):
        return _("Teilnahme: %(titel)s") % {"titel": self.object.titel}

    def speichern(self, form):
        return dienste.anwesenheit_speichern(
            veranstaltung=form.instance,
            erfasst_von=self.request.user,
            von_partner=not ist_projektteam(self.request.user),
        )
