"""The catalogues of participation subjects and mottos."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, TemplateView, UpdateView

from dwk.permissions import Geschuetzt
from dwk.views import FormularMixin

from ..forms import BeteiligungsgegenstandForm, MottoForm
from ..models import Beteiligungsgegenstand, Motto
from ..services import katalog as dienste
from .basis import FORMULAR


class KatalogView(Geschuetzt, TemplateView):
    permission_required = "buergerdialog.view_katalog"
    template_name = "buergerdialog/katalog.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            gegenstaende=Beteiligungsgegenstand.objects.all(),
            mottos=Motto.objects.all(),
            darf_bearbeiten=self.request.user.has_perm("buergerdialog.change_katalog"),
            **kwargs,
        )


class KatalogFormularMixin(Geschuetzt, FormularMixin):
    permission_required = "buergerdialog.change_katalog"
    template_name = FORMULAR

    def get_zurueck_url(self):
        return reverse("buergerdialog:katalog")


class GegenstandFormularMixin(KatalogFormularMixin):
    form_class = BeteiligungsgegenstandForm
    model = Beteiligungsgegenstand

    def speichern(self, form):
        return dienste.beteiligungsgegenstand_speichern(gegenstand=form.instance)


class GegenstandCreateView(GegenstandFormularMixin, CreateView):
    titel = _("Neuer Beteiligungsgegenstand")
    erfolgsmeldung = _("Der Beteiligungsgegenstand „%(objekt)s“ ist angelegt.")


class GegenstandUpdateView(GegenstandFormularMixin, UpdateView):
    titel = _("Beteiligungsgegenstand bearbeiten")
    erfolgsmeldung = _("Der Beteiligungsgegenstand „%(objekt)s“ ist gespeichert.")


class MottoFormularMixin(KatalogFormularMixin):
    form_class = MottoForm
    model = Motto

    def speichern(self, form):
        return dienste.motto_speichern(motto=form.instance)


class MottoCreateView(MottoFormularMixin, CreateView):
    titel = _("Neues Motto")
    erfolgsmeldung = _("Das Motto „%(objekt)s“ ist angelegt.")


class MottoUpdateView(MottoFormularMixin, UpdateView):
    titel = _("Motto bearbeiten")
    erfolgsmeldung = _("Das Motto „%(objekt)s“ ist gespeichert.")
