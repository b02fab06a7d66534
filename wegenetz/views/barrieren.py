"""Tie walk-through findings to network edges as barriers, and untie them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from dwk.permissions import Geschuetzt

from ..forms import BarriereForm
from ..models import Barriere
from ..services.profile import barriere_loesen, barriere_verknuepfen


class BarriereNeuView(Geschuetzt, FormView):
    permission_required = "wegenetz.change_barriere"
    template_name = "wegenetz/barriere_form.html"
    form_class = BarriereForm

    def form_valid(self, form):
        try:
            barriere = barriere_verknuepfen(befund=form.cleaned_data["befund"], benutzer=self.request.user)
        except ValidationError as fehler:
            form.add_error("befund", fehler)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Der Befund ist jetzt mit dem Wegabschnitt „%(weg)s“ verknüpft; Rollator und Rollstuhl meiden ihn.")
            % {"weg": barriere.wegabschnitt},
        )
        return redirect("wegenetz:uebersicht")


class BarriereLoesenView(Geschuetzt, View):
    permission_required = "wegenetz.change_barriere"
    http_method_names = ["post"]

    def post(self, request, pk):
        barriere = get_object_or_404(Barriere, pk=pk)
        barriere_loesen(barriere=barriere, benutzer=request.user)
        messages.success(request, _("Die Verknüpfung wurde gelöst."))
        return redirect("wegenetz:uebersicht")
