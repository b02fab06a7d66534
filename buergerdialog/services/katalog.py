"""Writes of the catalogues (participation subjects, mottos)."""

from django.db import transaction

from ..models import Beteiligungsgegenstand, Motto


@transaction.atomic
def beteiligungsgegenstand_speichern(*, gegenstand: Beteiligungsgegenstand) -> Beteiligungsgegenstand:
    """Creates or saves a participation subject. Side effects: history records it."""
    gegenstand.full_clean()
    gegenstand.save()
    return gegenstand


@transaction.atomic
def motto_speichern(*, motto: Motto) -> Motto:
    """Creates or saves a motto. Side effects: history records it."""
    motto.full_clean()
    motto.save()
    return motto
