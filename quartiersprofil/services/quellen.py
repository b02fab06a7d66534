"""Writes of the sources (plans and studies) and their excerpts."""

from collections.abc import Iterable

from django.db import transaction

from ..models import Quelle, QuellenAuszug
from .datenstand import profil_datenstand_erhoehen


@transaction.atomic
def quelle_speichern(
    *, quelle: Quelle, auszuege: Iterable[QuellenAuszug] = (), entfernen: Iterable[QuellenAuszug] = ()
) -> Quelle:
    """Validate and save a reviewed source with its excerpts per field of action.

    ``auszuege`` are new or changed ``QuellenAuszug`` objects of this source, ``entfernen``
    excerpts to delete. Side effects: saves the source (history entry), saves and deletes the
    excerpts.
    """
    profil_datenstand_erhoehen()
    quelle.full_clean()
    quelle.save()
    for auszug in entfernen:
        if auszug.pk:
            auszug.delete()
    for auszug in auszuege:
        auszug.quelle = quelle
        auszug.full_clean()
        auszug.save()
    return quelle


@transaction.atomic
def quelle_loeschen(*, quelle: Quelle) -> None:
    """Delete a source and its excerpts.

    Side effects: deletes the source (history entry) and its excerpts.
    """
    profil_datenstand_erhoehen()
    quelle.delete()
