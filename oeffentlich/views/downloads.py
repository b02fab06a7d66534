"""Downloads of the public pages: the released quarter profile and the flyer as PDF, calendar
entries (.ics) of public events, photos released for the public, and the news as an Atom feed."""

from django.contrib.syndication.views import Feed
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from berichte.daten import freigegebene_fassung
from berichte.models import ProfilDatei
from berichte.services.berichte import profil_datei_speichern
from berichte.services.pdf_bericht import profil_pdf_abgeschottet
from buergerdialog.dokumente import flyer_pdf
from buergerdialog.models import Dokumentationsfoto, Veranstaltung
from dwk.markdown import markdown_html
from quartiere.models import Quartier

from ..kalender import kalender_ics
from ..queries import seiten
from .basis import oeffentliche_seite


def _datei(inhalt: bytes, *, art: str, name: str) -> HttpResponse:
    antwort = HttpResponse(inhalt, content_type=art)
    antwort["Content-Disposition"] = f'attachment; filename="{name}"'
    return antwort


@method_decorator(oeffentliche_seite, name="dispatch")
class QuartiersprofilPdfView(View):
    """The latest released profile of a reference quarter as stored for the committees (never a working
    state); 404 without one."""

    def get(self, request, slug):
        try:
            quartier = seiten.oeffentliche_quartiere().get(slug=slug)
        except Quartier.DoesNotExist:
            raise Http404(_("Dieses Quartier hat keine öffentliche Seite.")) from None
        fassung = freigegebene_fassung(quartier)
        if fassung is None:
            raise Http404(_("Für dieses Quartier ist noch kein Quartiersprofil freigegeben."))
        # The PDF the committees get (berichte): rendered once per released version and stored.
        gespeichert = ProfilDatei.objects.filter(fassung=fassung).first()
        if gespeichert is None:
            gespeichert = profil_datei_speichern(fassung=fassung, pdf=profil_pdf_abgeschottet(fassung=fassung))
        with gespeichert.datei.open("rb") as datei:
            inhalt = datei.read()
        return _datei(
            inhalt, art="application/pdf", name=f"quartiersprofil-{quartier.slug}-fassung-{fassung.nummer}.pdf"
        )


def _oeffentliche_veranstaltung(pk: int) -> Veranstaltung:
    try:
        return seiten.oeffentliche_veranstaltungen().get(pk=pk)
    except Veranstaltung.DoesNotExist:
        raise Http404(_("Diese Veranstaltung ist nicht öffentlich.")) from None


@method_decorator(oeffentliche_seite, name="dispatch")
class FlyerView(View):
    def get(self, request, pk):
        veranstaltung = _oeffentliche_veranstaltung(pk)
        return _datei(flyer_pdf(veranstaltung=veranstaltung), art="application/pdf", name=f"flyer-{pk}.pdf")


@method_decorator(oeffentliche_seite, name="dispatch")
class TerminView(View):
    """One public event as an iCalendar file."""

    def get(self, request, pk):
        veranstaltung = _oeffentliche_veranstaltung(pk)
        inhalt = kalender_ics(veranstaltungen=[veranstaltung], basis=request.build_absolute_uri("/"))
        return _datei(inhalt, art="text/calendar; charset=utf-8", name=f"veranstaltung-{pk}.ics")


@method_decorator(oeffentliche_seite, name="dispatch")
class KalenderView(View):
    """Every public event as a calendar to subscribe to (served inline, not as an attachment)."""

    def get(self, request):
        inhalt = kalender_ics(
            veranstaltungen=seiten.oeffentliche_veranstaltungen().order_by("beginn"),
            basis=request.build_absolute_uri("/"),
        )
        return HttpResponse(inhalt, content_type="text/calendar; charset=utf-8")


@method_decorator(oeffentliche_seite, name="dispatch")
class FotoView(View):
    """A photo released for the public, in web size (the pipeline's derivative: no metadata, no GPS)."""

    def get(self, request, pk, foto_pk):
        try:
            foto = seiten.oeffentliche_fotos().get(pk=foto_pk, dokumentation__veranstaltung_id=pk)
        except Dokumentationsfoto.DoesNotExist:
            raise Http404(_("Dieses Foto ist nicht öffentlich.")) from None
        return FileResponse(foto.web.open("rb"), content_type="image/jpeg")


class NeuigkeitenFeed(Feed):
    """The news as an Atom feed (wrapped in ``oeffentliche_seite`` in ``urls``)."""

    feed_type = Atom1Feed
    title = gettext_lazy("Neuigkeiten aus dem Projekt „Gut älter werden im Quartier“")
    subtitle = gettext_lazy("Kurze Beiträge des Projektteams")

    def link(self):
        return reverse("oeffentlich:neuigkeiten")

    def items(self):
        return seiten.neuigkeiten()[:20]

    def item_title(self, item):
        return item.titel

    def item_description(self, item):
        return markdown_html(item.text)

    def item_pubdate(self, item):
        return item.veroeffentlicht_am

    def item_updateddate(self, item):
        return item.veroeffentlicht_am

    def item_guid(self, item):
        return item.get_absolute_url()
