"""Writes of results: entering a card, correcting it, taking back the last one."""

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from quartiere.models import Handlungsfeld

from ..models import Beteiligungsgegenstand, Ergebnis, Veranstaltung


@transaction.atomic
def ergebnis_erfassen(
    *,
    veranstaltung: Veranstaltung,
    text: str,
    art: str,
    erfasst_von: AbstractBaseUser,
    von_partner: bool,
    handlungsfeld: Handlungsfeld | None = None,
    gegenstand: Beteiligungsgegenstand | None = None,
    station: str = "",
    punkte: int = 0,
    ort: Point | None = None,
) -> Ergebnis:
    """Adds one card to an event that has taken place.

    ``von_partner`` marks a card a partner entered (the view sets it from the role), so it stays
    recognisable after Projektteam corrects it. Side effects: creates the result (history records it).
    """
    if not veranstaltung.nimmt_ergebnisse_an:
        raise ValidationError(
            _("Ergebnisse werden erfasst, wenn die Veranstaltung durchgeführt ist."), code="noch_nicht"
        )
    ergebnis = Ergebnis(
        veranstaltung=veranstaltung,
        text=text.strip(),
        art=art,
        handlungsfeld=handlungsfeld,
        gegenstand=gegenstand,
        station=station.strip(),
        punkte=punkte,
        ort=ort,
        erfasst_von=erfasst_von,
        von_partner=von_partner,
    )
    ergebnis.full_clean()
    ergebnis.save()
    return ergebnis


@transaction.atomic
def ergebnis_speichern(*, ergebnis: Ergebnis) -> Ergebnis:
    """Saves a corrected card; who entered it and whether a partner did stay as they were.

    Side effects: saves the result (history records who corrected it).
    """
    ergebnis.full_clean()
    ergebnis.save()
    return ergebnis


@transaction.atomic
def ergebnis_zuruecknehmen(*, veranstaltung: Veranstaltung, erfasst_von: AbstractBaseUser) -> Ergebnis | None:
    """Takes back the last card ``erfasst_von`` entered for the event (the "Undo" of fast entry).

    Returns the deleted card (unsaved) or None when there is none. Side effects: deletes that one
    result; history keeps a record of it.
    """
    letzte = (
        Ergebnis.objects.select_for_update()
        .filter(veranstaltung=veranstaltung, erfasst_von=erfasst_von)
        .order_by("-created_at", "-pk")
        .first()
    )
    if letzte is not None:
        letzte.delete()
    return letzte
