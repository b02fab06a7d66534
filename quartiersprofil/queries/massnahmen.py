"""Reads of the measures: with their milestone counts, by status for the board, filtered across
quarters, as a table for the download."""

from collections.abc import Iterable, Iterator

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet

from quartiere.models import Quartier

from ..models import Massnahme, MassnahmeHerkunft, MassnahmeStatus

EXPORT_KOPF = [
    "Quartier",
    "Handlungsfeld",
    "Titel",
    "Status",
    "Grund",
    "Priorität",
    "verantwortlich",
    "Kosten (€)",
    "Herkunft",
    "Fortschritt (%)",
    "Meilensteine erreicht",
    "Meilensteine",
]


def massnahmen_mit_meilensteinen() -> QuerySet[Massnahme]:
    """Every measure with its field of action and quarter, and ``anzahl_meilensteine`` and
    ``erreichte_meilensteine``; in field-of-action order."""
    return (
        Massnahme.objects.select_related("handlungsfeld", "quartier")
        .annotate(
            anzahl_meilensteine=Count("meilensteine"),
            erreichte_meilensteine=Count("meilensteine", filter=Q(meilensteine__erreicht_am__isnull=False)),
        )
        .order_by("handlungsfeld__reihenfolge", "titel")
    )


def massnahmen_nach_status(*, quartier: Quartier) -> list[tuple[MassnahmeStatus, list[Massnahme]]]:
    """The measures of ``quartier`` in one column per status (every status, in order). One query."""
    spalten = {s: [] for s in MassnahmeStatus}
    for massnahme in massnahmen_mit_meilensteinen().filter(quartier=quartier):
        spalten[MassnahmeStatus(massnahme.status)].append(massnahme)
    return [(s, spalten[s]) for s in MassnahmeStatus]


def massnahmen_liste(
    *,
    user: AbstractBaseUser,
    status: str = "",
    handlungsfeld: str = "",
    quartier: str = "",
    herkunft: str = "",
) -> QuerySet[Massnahme]:
    """The measures of every quarter ``user`` may read, by quarter name; optionally only one status,
    one field of action (slug), one quarter (slug) or one origin (``MassnahmeHerkunft``, e.g.
    ``buergerdialog``). Unknown values filter nothing (status, origin) or find nothing (slugs)."""
    qs = (
        massnahmen_mit_meilensteinen()
        .filter(quartier__in=Quartier.objects.sichtbar_fuer(user))
        .order_by("quartier__name", "handlungsfeld__reihenfolge", "titel")
    )
    if status in MassnahmeStatus.values:
        qs = qs.filter(status=status)
    if herkunft in MassnahmeHerkunft.values:
        qs = qs.filter(herkunft=herkunft)
    if handlungsfeld:
        qs = qs.filter(handlungsfeld__slug=handlungsfeld)
    if quartier:
        qs = qs.filter(quartier__slug=quartier)
    return qs


def massnahmen_zeilen(massnahmen: Iterable[Massnahme]) -> Iterator[list]:
    """One row per measure for the CSV/XLSX download (columns: ``EXPORT_KOPF``)."""
    for m in massnahmen:
        yield [
            m.quartier.name,
            m.handlungsfeld.name,
            m.titel,
            m.get_status_display(),
            m.verworfen_grund,
            m.get_prioritaet_display(),
            m.verantwortlich,
            float(m.kosten_schaetzung) if m.kosten_schaetzung is not None else None,
            m.get_herkunft_display(),
            m.fortschritt,
            m.erreichte_meilensteine,
            m.anzahl_meilensteine,
        ]
