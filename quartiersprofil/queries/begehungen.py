"""Reads of the walk-throughs: the list of a quarter's walk-throughs and one with its evidence."""

from django.contrib.gis.db.models.functions import AsGeoJSON
from django.db.models import Count, Prefetch, QuerySet

from quartiere.models import Quartier

from ..models import Befund, Foto, Quartiersbegehung


def begehungen_mit_zahlen(*, quartier: Quartier) -> QuerySet[Quartiersbegehung]:
    """The walk-throughs of ``quartier`` with ``anzahl_befunde``, ``anzahl_fotos`` and their
    organisations prefetched. Two queries."""
    return (
        Quartiersbegehung.objects.filter(quartier=quartier)
        .annotate(anzahl_befunde=Count("befunde", distinct=True), anzahl_fotos=Count("fotos", distinct=True))
        .prefetch_related("teilnehmende_organisationen")
    )


def begehungen_mit_belegen() -> QuerySet[Quartiersbegehung]:
    """Walk-throughs with their route as GeoJSON (``route_geojson``), participants, findings and
    photos prefetched: what the walk-throughs' page and ``belege.begehung_belege`` need."""
    return (
        Quartiersbegehung.objects.select_related("quartier")
        .annotate(route_geojson=AsGeoJSON("route", precision=6))
        .prefetch_related(
            "teilnehmende_organisationen",
            "teilnehmende",
            Prefetch("befunde", queryset=Befund.objects.select_related("handlungsfeld")),
            Prefetch("fotos", queryset=Foto.objects.select_related("handlungsfeld", "befund")),
        )
    )
