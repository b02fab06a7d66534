"""Reads for invitations: who may be invited to an event, who was, and what the flyer shows.

Whom we may invite: a key person or actor (``quartiersprofil.Akteur``) of one of the event's
quarters whose consent is valid (given, not withdrawn, not anonymised) and covers the purpose
„Einladungen“ (``Akteur.einwilligung_einladungen``, recorded in the quarter profile). Nobody else
is listed, written to or mailed.
"""

from django.contrib.gis.db.models.functions import Distance
from django.db.models import Prefetch, QuerySet

from quartiere.models import Infrastruktur
from quartiersprofil.models import Akteur

from ..models import Einladung, Veranstaltung


def einladbare_akteure(*, veranstaltung: Veranstaltung) -> QuerySet[Akteur]:
    """The named persons of the event's quarters whose consent covers invitations, by quarter and name.

    Each carries ``einladungen_hier``: its invitations to this event, newest first (one query for all).
    """
    return (
        Akteur.objects.filter(
            quartier__in=veranstaltung.quartiere.values("pk"),
            einwilligung_am__isnull=False,
            widerrufen_am__isnull=True,
            ist_anonymisiert=False,
            einwilligung_einladungen=True,
        )
        .exclude(name="")
        .select_related("quartier")
        .prefetch_related(
            Prefetch(
                "veranstaltungseinladungen",
                queryset=Einladung.objects.filter(veranstaltung=veranstaltung).select_related("von"),
                to_attr="einladungen_hier",
            )
        )
        .order_by("quartier__name", "name", "pk")
    )


def seniorenbuero_der_veranstaltung(*, veranstaltung: Veranstaltung) -> Infrastruktur | None:
    """The senior office nearest to the event's place (or to its first quarter), for the flyer's contact."""
    bezug = veranstaltung.ort
    if bezug is None:
        quartier = veranstaltung.quartiere.order_by("name").first()
        if quartier is None:
            return None
        bezug = quartier.grenze.point_on_surface
    return (
        Infrastruktur.objects.filter(kategorie__slug="seniorenbuero")
        .annotate(entfernung=Distance("punkt", bezug))
        .order_by("entfernung", "pk")
        .first()
    )
