"""The public pages: project, quarters, events, documentations, news and the statutory pages."""

from django.http import Http404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from buergerdialog.models import Dokumentation, Veranstaltung
from quartiere.models import Quartier

from .. import karten
from ..forms import RueckmeldungForm
from ..models import Neuigkeit, Pflichtseite, PflichtseiteArt
from ..queries import seiten
from .basis import oeffentliche_seite


@method_decorator(oeffentliche_seite, name="dispatch")
class OeffentlicheSeite(TemplateView):
    """A public page (no login, no cookie, cached by data version)."""


class ProjektView(OeffentlicheSeite):
    template_name = "oeffentlich/projekt.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(projekt=seiten.projekt(), **kwargs)


class QuartiereView(OeffentlicheSeite):
    """The reference quarters: a map drawn on the server, and beside it a list that says the same."""

    template_name = "oeffentlich/quartiere.html"

    def get_context_data(self, **kwargs):
        quartiere = list(seiten.oeffentliche_quartiere().select_related(None).select_related("stadtbezirk"))
        return super().get_context_data(quartiere=quartiere, karte=karten.stadtkarte_svg(quartiere=quartiere), **kwargs)


class QuartierView(OeffentlicheSeite):
    template_name = "oeffentlich/quartier.html"

    def get_context_data(self, **kwargs):
        try:
            seite = seiten.quartier_seite(slug=self.kwargs["slug"])
        except Quartier.DoesNotExist:
            raise Http404(_("Dieses Quartier hat keine öffentliche Seite.")) from None
        return super().get_context_data(seite=seite, lagekarte=karten.lagekarte_svg(quartier=seite.quartier), **kwargs)


class VeranstaltungenView(OeffentlicheSeite):
    template_name = "oeffentlich/veranstaltungen.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kommende=list(seiten.kommende_veranstaltungen()),
            dokumentierte=list(seiten.dokumentierte_veranstaltungen()),
            **kwargs,
        )


class VeranstaltungView(OeffentlicheSeite):
    template_name = "oeffentlich/veranstaltung.html"

    def get_context_data(self, **kwargs):
        try:
            termin = seiten.veranstaltung(pk=self.kwargs["pk"])
        except Veranstaltung.DoesNotExist:
            raise Http404(_("Diese Veranstaltung ist nicht öffentlich.")) from None
        return super().get_context_data(veranstaltung=termin, **kwargs)


class DokumentationView(OeffentlicheSeite):
    template_name = "oeffentlich/dokumentation.html"

    def get_context_data(self, **kwargs):
        try:
            dok = seiten.dokumentation(pk=self.kwargs["pk"])
        except (Veranstaltung.DoesNotExist, Dokumentation.DoesNotExist):
            raise Http404(_("Für diese Veranstaltung gibt es keine veröffentlichte Dokumentation.")) from None
        return super().get_context_data(dok=dok, **kwargs)


class NeuigkeitenView(OeffentlicheSeite):
    template_name = "oeffentlich/neuigkeiten.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(neuigkeiten=list(seiten.neuigkeiten()), **kwargs)


class NeuigkeitView(OeffentlicheSeite):
    template_name = "oeffentlich/neuigkeit.html"

    def get_context_data(self, **kwargs):
        try:
            neuigkeit = seiten.neuigkeiten().get(slug=self.kwargs["slug"])
        except Neuigkeit.DoesNotExist:
            raise Http404(_("Diese Neuigkeit gibt es nicht.")) from None
        return super().get_context_data(neuigkeit=neuigkeit, **kwargs)


class PflichtseiteView(OeffentlicheSeite):
    """Impressum, Datenschutz, Barrierefreiheit (with the feedback form) or Leichte Sprache."""

    def get_template_names(self):
        return [
            f"oeffentlich/pflichtseite_{self.kwargs['art'].replace('-', '_')}.html",
            "oeffentlich/pflichtseite.html",
        ]

    def get_context_data(self, **kwargs):
        art = self.kwargs["art"]
        try:
            seite = seiten.pflichtseite(art=art)
        except Pflichtseite.DoesNotExist:
            seite = None
        if art == PflichtseiteArt.BARRIEREFREIHEIT:
            kwargs["form"] = RueckmeldungForm()
        return super().get_context_data(seite=seite, titel=PflichtseiteArt(art).label, **kwargs)
