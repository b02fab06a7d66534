"""Retention of the key persons' contact data (issue 13): names and contact details of every
``Akteur`` (key persons and local actors) are kept until ``DWK_AUFBEWAHRUNG_JAHRE`` years (default
two) after the project's end (``DWK_PROJEKTENDE``) and then erased with the same anonymisation as an
erasure on request (``akteur_anonymisieren``: everywhere, history included). Applied by
``python manage.py aufbewahrung_anwenden`` (daily by cron or a timer on the server)."""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet

from dwk.zeit import heute as heute_

from ..models import Akteur
from .anonymisierung import PERSONENFELDER, akteur_anonymisieren

logger = logging.getLogger(__name__)


def aufbewahrungsfrist_endet() -> datetime.date | None:
    """The day from which contact data are erased, or ``None`` while no project end is set."""
    ende = settings.DWK_PROJEKTENDE
    if ende is None:
        return None
    jahr = ende.year + settings.DWK_AUFBEWAHRUNG_JAHRE
    try:
        return ende.replace(year=jahr)
    except ValueError:  # 29 February, and the year is no leap year
        return ende.replace(year=jahr, day=28)


def akteure_mit_kontaktdaten() -> QuerySet[Akteur]:
    """Every Akteur not yet anonymised that still has a name or contact details."""
    hat_angaben = Q()
    for feld in PERSONENFELDER:
        hat_angaben |= ~Q(**{feld: ""})
    return Akteur.objects.filter(hat_angaben, ist_anonymisiert=False).order_by("pk")


@dataclass(frozen=True)
class Aufbewahrung:
    """What ``aufbewahrung_anwenden`` found and did."""

    frist_endet: datetime.date | None
    heute: datetime.date
    akteur_ids: list[int] = field(default_factory=list)  # anonymised (or due, in a dry run)
    probelauf: bool = False

    @property
    def faellig(self) -> bool:
        return self.frist_endet is not None and self.heute >= self.frist_endet


@transaction.atomic
def aufbewahrung_anwenden(*, probelauf: bool = False) -> Aufbewahrung:
    """Erase the contact data of every Akteur once the retention period has ended.

    Before that day (or without ``DWK_PROJEKTENDE``) nothing happens. From that day on every Akteur
    with a name or contact details is anonymised (``akteur_anonymisieren``), all in one
    transaction; ``probelauf`` only lists them. Side effects: one log line
    (``aufbewahrung_angewendet``) with the number and ids, plus the erasure's own per person.
    """
    ergebnis = Aufbewahrung(frist_endet=aufbewahrungsfrist_endet(), heute=heute_(), probelauf=probelauf)
    if not ergebnis.faellig:
        return ergebnis
    for akteur in akteure_mit_kontaktdaten():
        ergebnis.akteur_ids.append(akteur.pk)
        if not probelauf:
            akteur_anonymisieren(akteur=akteur)
    logger.info(
        "Aufbewahrungsfrist der Kontaktdaten angewendet.",
        extra={
            "ereignis": "aufbewahrung_angewendet",
            "probelauf": probelauf,
            "frist_endet": ergebnis.frist_endet.isoformat(),
            "anzahl": len(ergebnis.akteur_ids),
            "akteur_ids": ergebnis.akteur_ids,
        },
    )
    return ergebnis
