"""Reads of the sources."""

from django.db.models import Prefetch, QuerySet

from quartiere.models import Quartier

from ..models import Quelle, QuellenAuszug


def quellen_mit_auszuegen(*, quartier: Quartier) -> QuerySet[Quelle]:
    """The sources of ``quartier`` with their plan and their excerpts (with field of action). Two queries."""
    return (
        Quelle.objects.filter(quartier=quartier)
        .select_related("fachplanung")
        .prefetch_related(Prefetch("auszuege", queryset=QuellenAuszug.objects.select_related("handlungsfeld")))
    )
