"""The evidence map: findings and photos of a quarter's walk-throughs on a map and in a table."""

from django.contrib.gis.db.models.functions import AsGeoJSON
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import (
    TemplateView,
)

from quartiere.models import Quartier

from ..forms.begehungen import (
    HandlungsfeldFilterForm,
)
from ..models import Befund, Foto, Quartiersbegehung
from .basis import QuartierBezugMixin

# --- Map data ------------------------------------------------------------------------------------


def _punkt(p):
    return {"lat": round(p.y, 6), "lon": round(p.x, 6)} if p is not None else None


def karten_daten(*, quartier_geojson, routen, befunde, fotos):
    """What ``quartiersprofil_karte.js`` draws: the same numbered items the table beside the map lists."""
    return {
        "quartier": quartier_geojson,
        "routen": [r for r in routen if r],
        "befunde": [
            {
                "nr": f"B{i}",
                "art": b.art,
                "art_name": str(b.get_art_display()),
                "text": b.text[:160],
                "handlungsfeld": b.handlungsfeld.kurzname,
                "farbe": b.handlungsfeld.slug,
                **_punkt(b.ort),
            }
            for i, b in befunde
            if b.ort is not None
        ],
        "fotos": [
            {
                "nr": f"F{i}",
                "titel": f.bildunterschrift or str(_("Foto ohne Bildunterschrift")),
                "bild": reverse("quartiersprofil:foto_datei", args=[f.pk, "web"]),
                **_punkt(f.standort),
            }
            for i, f in fotos
            if f.standort is not None
        ],
    }


class BelegeKarteView(QuartierBezugMixin, TemplateView):
    """Findings and photos of all walk-throughs of a quarter on a map and in a table, filterable (GET)."""

    permission_required = "quartiersprofil.view_begehung"
    template_name = "quartiersprofil/belege_karte.html"

    def get_context_data(self, **kwargs):
        quartier = self.get_quartier()
        filter_form = HandlungsfeldFilterForm(self.request.GET or None)
        feld = filter_form.gewaehlt()
        befunde = Befund.objects.filter(begehung__quartier=quartier).select_related("handlungsfeld", "begehung")
        fotos = Foto.objects.filter(quartier=quartier).select_related("handlungsfeld")
        if feld:
            befunde, fotos = befunde.filter(handlungsfeld=feld), fotos.filter(handlungsfeld=feld)
        befunde = list(enumerate(befunde.order_by("handlungsfeld__reihenfolge", "begehung__datum", "pk"), start=1))
        fotos = list(enumerate(fotos, start=1))
        grenze = Quartier.objects.mit_geojson().only("pk", "grenze").get(pk=quartier.pk).geojson
        routen = Quartiersbegehung.objects.filter(quartier=quartier, route__isnull=False).annotate(
            route_geojson=AsGeoJSON("route", precision=6)
        )
        return super().get_context_data(
            filter_form=filter_form,
            handlungsfeld=feld,
            befunde=befunde,
            fotos=fotos,
            karte=karten_daten(
                quartier_geojson=grenze,
                routen=[r.route_geojson for r in routen],
                befunde=befunde,
                fotos=fotos,
            ),
            **kwargs,
        )
