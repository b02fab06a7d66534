"""The network page (state, import report, profiles, distance fields), the import, the profiles."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView, UpdateView

from dwk.permissions import Geschuetzt
from dwk.views import FormularMixin

from ..forms import WegenetzImportForm, WegprofilForm
from ..models import Wegprofil
from ..queries.uebersicht import netz_uebersicht
from ..services.distanzfelder import distanzfelder_nachziehen, distanzfelder_neu_starten
from ..services.hintergrund import wegenetz_import_starten
from ..services.profile import wegprofil_speichern


class WegenetzUebersichtView(Geschuetzt, TemplateView):
    """The imported network, what the import kept and dropped, the profiles, the distance fields."""

    permission_required = "wegenetz.view_wegenetz"
    template_name = "wegenetz/uebersicht.html"

    def get_context_data(self, **kwargs):
        uebersicht = netz_uebersicht()
        stand = uebersicht["felder_stand"]
        auftrag = distanzfelder_nachziehen(
            veraltet=uebersicht["netz"] is not None and bool(stand["veraltet"] or stand["fehlend"])
        )
        uebersicht["laufender_auftrag"] = uebersicht["laufender_auftrag"] or auftrag
        return super().get_context_data(**uebersicht, **kwargs)


class WegenetzImportView(Geschuetzt, FormView):
    """Upload an OSM extract; the import runs in the background, the user follows it on the job page."""

    permission_required = "wegenetz.import_wegenetz"
    template_name = "wegenetz/import.html"
    form_class = WegenetzImportForm

    def form_valid(self, form):
        auftrag = wegenetz_import_starten(datei=form.cleaned_data["datei"], benutzer=self.request.user)
        return redirect(auftrag)


class DistanzfelderBerechnenView(Geschuetzt, View):
    """POST: start the job that brings the distance fields up to date."""

    permission_required = "wegenetz.berechnen_distanzfelder"
    http_method_names = ["post"]

    def post(self, request):
        auftrag = distanzfelder_neu_starten(benutzer=request.user, alle=request.POST.get("alle") == "1")
        return redirect(auftrag)


class WegprofilUpdateView(FormularMixin, Geschuetzt, UpdateView):
    permission_required = "wegenetz.change_wegprofil"
    model = Wegprofil
    form_class = WegprofilForm
    template_name = "wegenetz/wegprofil_form.html"
    context_object_name = "profil"
    erfolgsmeldung = _(
        "Das Profil „%(objekt)s“ wurde gespeichert. Die Erreichbarkeit wird im Hintergrund neu berechnet."
    )

    def get_object(self, queryset=None):
        return get_object_or_404(Wegprofil, art=self.kwargs["art"])

    def get_zurueck_url(self):
        return reverse("wegenetz:uebersicht")

    def get_success_url_fuer(self, objekt):
        return self.get_zurueck_url()

    def speichern(self, form):
        return wegprofil_speichern(profil=form.instance, benutzer=self.request.user)
