"""The public start page, the logged-in overview and the colours of the fields of action."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView, View

from dwk.http import oeffentlich_zwischenspeichern
from dwk.permissions import ist_lenkungsgruppe, ist_partner, ist_projektteam, ist_ratsbuero
from quartiere.models import Handlungsfeld, Quartier, farbe_validator


@method_decorator(login_not_required, name="dispatch")
class StartView(TemplateView):
    """Public page for residents: the project, the fields of action, the reference quarters."""

    template_name = "dwk/start.html"

    def get(self, request, *args, **kwargs):
        # Residents find the public project pages (app oeffentlich, linked by URL name only).
        if not request.user.is_authenticated:
            return redirect("oeffentlich:projekt")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            handlungsfelder=Handlungsfeld.objects.all(),
            referenzquartiere=Quartier.objects.referenzquartiere().select_related("stadtbezirk"),
            **kwargs,
        )


class UebersichtView(TemplateView):
    """The logged-in start page; what it offers depends on the role."""

    template_name = "dwk/uebersicht.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        quartiere = Quartier.objects.sichtbar_fuer(user).select_related("stadtbezirk").mit_flaeche()
        return super().get_context_data(
            quartiere=quartiere,
            handlungsfelder=Handlungsfeld.objects.all(),
            ist_projektteam=ist_projektteam(user),
            ist_lenkungsgruppe=ist_lenkungsgruppe(user),
            ist_ratsbuero=ist_ratsbuero(user),
            ist_partner=ist_partner(user),
            **kwargs,
        )


@method_decorator(login_not_required, name="dispatch")
class HandlungsfeldFarbenView(View):
    """The colours of the fields of action as a stylesheet, so templates need no inline styles."""

    def get(self, request):
        regeln = [
            f'.hf-marke[data-farbe="{feld.slug}"] {{ background-color: {feld.farbe}; }}'
            for feld in Handlungsfeld.objects.all()
            if farbe_validator.regex.match(feld.farbe)
        ]
        antwort = HttpResponse("\n".join(regeln) + "\n", content_type="text/css; charset=utf-8")
        return oeffentlich_zwischenspeichern(antwort, sekunden=300)
