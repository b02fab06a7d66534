"""The planning checklist of an event: tick an item off (htmx or plain POST), edit an item."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.generic import UpdateView, View

from dwk.permissions import Geschuetzt
from dwk.views import FormularMixin
from dwk.zeit import heute

from ..forms import ChecklistenpunktForm
from ..models import Checklistenpunkt
from ..services import veranstaltungen as dienste
from .basis import FORMULAR, ist_htmx


class ChecklistenpunktErledigenView(Geschuetzt, View):
    """POST ``erledigt=1|0``: with htmx the item's row comes back, without it the event page."""

    permission_required = "buergerdialog.change_veranstaltung"

    def get_permission_object(self):
        if not hasattr(self, "_punkt"):
            self._punkt = get_object_or_404(
                Checklistenpunkt.objects.select_related(
                    "veranstaltung", "verantwortlich_mitglied", "verantwortlich_organisation"
                ),
                pk=self.kwargs["pk"],
            )
        return self._punkt

    def post(self, request, *args, **kwargs):
        punkt = dienste.checklistenpunkt_erledigen(
            punkt=self.get_permission_object(), erledigt=request.POST.get("erledigt") == "1"
        )
        if ist_htmx(request):
            return render(
                request,
                "buergerdialog/_checklistenpunkt.html",
                {"punkt": punkt, "darf_bearbeiten": True, "heute": heute(), "gemeldet": True},
            )
        messages.success(
            request,
            (_("Erledigt: %(titel)s.") if punkt.erledigt else _("Wieder offen: %(titel)s.")) % {"titel": punkt.titel},
        )
        return redirect(punkt.get_absolute_url())


class ChecklistenpunktUpdateView(Geschuetzt, FormularMixin, UpdateView):
    permission_required = "buergerdialog.change_veranstaltung"
    form_class = ChecklistenpunktForm
    model = Checklistenpunkt
    template_name = FORMULAR
    erfolgsmeldung = _("Der Punkt „%(objekt)s“ ist gespeichert.")

    def get_queryset(self):
        return Checklistenpunkt.objects.select_related("veranstaltung")

    def get_titel(self):
        return _("Checkliste von „%(veranstaltung)s“: %(titel)s") % {
            "veranstaltung": self.object.veranstaltung,
            "titel": self.object.titel,
        }

    def speichern(self, form):
        return dienste.checklistenpunkt_speichern(punkt=form.instance)
