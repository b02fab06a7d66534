"""Reads of the evidence on maps: what the walk-through page and the evidence map draw."""

from collections.abc import Iterable

from django.contrib.gis.db.models.functions import AsGeoJSON
from django.contrib.gis.geos import Point
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from quartiere.models import Handlungsfeld, Quartier

from ..models import Befund, Foto, Quartiersbegehung


def _punkt(p: Point | None) -> dict | None:
    return {"lat": round(p.y, 6), "lon": round(p.x, 6)} if p is not None else None


def karten_daten(
    *,
    quartier_geojson: str,
    routen: Iterable[str | None],
    befunde: Iterable[tuple[int, Befund]],
    fotos: Iterable[tuple[int, Foto]],
) -> dict:
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


def quartier_grenze_geojson(*, quartier: Quartier) -> str:
    """The boundary of ``quartier`` as GeoJSON text. One query."""
    return Quartier.objects.mit_geojson().only("pk", "grenze").get(pk=quartier.pk).geojson


def begehung_belege(*, begehung: Quartiersbegehung) -> dict:
    """The numbered findings and photos of a walk-through (loaded with ``befunde`` and ``fotos``
    prefetched and ``route_geojson`` annotated) and the map data drawing them."""
    befunde = list(enumerate(begehung.befunde.all(), start=1))
    fotos = list(enumerate(begehung.fotos.all(), start=1))
    return {
        "befunde": befunde,
        "fotos": fotos,
        "karte": karten_daten(
            quartier_geojson=quartier_grenze_geojson(quartier=begehung.quartier),
            routen=[begehung.route_geojson],
            befunde=befunde,
            fotos=fotos,
        ),
    }


def belege_karte(*, quartier: Quartier, handlungsfeld: Handlungsfeld | None = None) -> dict:
    """The numbered findings and photos of every walk-through of ``quartier`` (optionally of one
    field of action) and the map data drawing them with the routes. Four queries."""
    befunde = Befund.objects.filter(begehung__quartier=quartier).select_related("handlungsfeld", "begehung")
    fotos = Foto.objects.filter(quartier=quartier).select_related("handlungsfeld")
    if handlungsfeld:
        befunde, fotos = befunde.filter(handlungsfeld=handlungsfeld), fotos.filter(handlungsfeld=handlungsfeld)
    befunde = list(enumerate(befunde.order_by("handlungsfeld__reihenfolge", "begehung__datum", "pk"), start=1))
    fotos = list(enumerate(fotos, start=1))
    routen = Quartiersbegehung.objects.filter(quartier=quartier, route__isnull=False).annotate(
        route_geojson=AsGeoJSON("route", precision=6)
    )
    return {
        "befunde": befunde,
        "fotos": fotos,
        "karte": karten_daten(
            quartier_geojson=quartier_grenze_geojson(quartier=quartier),
            routen=[r.route_geojson for r in routen],
            befunde=befunde,
            fotos=fotos,
        ),
    }
