"""Writes of the measures (Maßnahmen) and their milestones, and their status rules.

Allowed transitions (``UEBERGAENGE``)::

    vorgeschlagen → geprüft, verworfen
    geprüft       → beschlossen, vorgeschlagen, verworfen
    beschlossen   → in Umsetzung, verworfen
    in Umsetzung  → umgesetzt, beschlossen (paused), verworfen
    umgesetzt     → in Umsetzung (reopened)
    verworfen     → vorgeschlagen (taken up again)

„verworfen“ needs a reason. Progress (0–100 %) is 0 before the implementation starts, may be
set only while the measure is „in Umsetzung“, and is 100 once it is „umgesetzt“.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..models import Massnahme, MassnahmeMeilenstein
from ..models import MassnahmeStatus as S
from .datenstand import profil_datenstand_erhoehen

UEBERGAENGE = {
    S.VORGESCHLAGEN: (S.GEPRUEFT, S.VERWORFEN),
    S.GEPRUEFT: (S.BESCHLOSSEN, S.VORGESCHLAGEN, S.VERWORFEN),
    S.BESCHLOSSEN: (S.IN_UMSETZUNG, S.VERWORFEN),
    S.IN_UMSETZUNG: (S.UMGESETZT, S.BESCHLOSSEN, S.VERWORFEN),
    S.UMGESETZT: (S.IN_UMSETZUNG,),
    S.VERWORFEN: (S.VORGESCHLAGEN,),
}
VOR_DER_UMSETZUNG = (S.VORGESCHLAGEN, S.GEPRUEFT, S.BESCHLOSSEN)


def erlaubte_status(massnahme: Massnahme) -> list[S]:
    """The states ``massnahme`` may move to next, as ``MassnahmeStatus`` members."""
    return [S(s) for s in UEBERGAENGE[S(massnahme.status)]]


def _fortschritt_pruefen(massnahme: Massnahme) -> None:
    if massnahme.status in VOR_DER_UMSETZUNG and massnahme.fortschritt != 0:
        raise ValidationError(
            {"fortschritt": _("Vor Beginn der Umsetzung ist der Fortschritt 0 %.")}, code="fortschritt"
        )


@transaction.atomic
def massnahme_speichern(*, massnahme: Massnahme) -> Massnahme:
    """Create or update ``massnahme`` (everything but the status, which only ``massnahme_status_aendern``
    changes; a new measure starts as „vorgeschlagen“) and return it.

    Side effects: saves the measure, writes a history row.
    """
    profil_datenstand_erhoehen()
    if massnahme.pk is None:
        massnahme.status = S.VORGESCHLAGEN
        massnahme.verworfen_grund = ""
        massnahme.fortschritt = 0
    else:
        alt = Massnahme.objects.select_for_update().get(pk=massnahme.pk)
        massnahme.status, massnahme.verworfen_grund = alt.status, alt.verworfen_grund
    _fortschritt_pruefen(massnahme)
    massnahme.full_clean()
    massnahme.save()
    return massnahme


@transaction.atomic
def massnahme_status_aendern(*, massnahme: Massnahme, status: str, grund: str = "") -> Massnahme:
    """Move ``massnahme`` to ``status`` along an allowed transition and return it.

    Side effects: sets the status; for „verworfen“ stores ``grund`` (required), leaving
    „verworfen“ clears the reason (it stays in the history); „umgesetzt“ sets the progress to
    100 %, going back before the implementation sets it to 0 %; writes a history row.
    Refuses (``ValidationError``) a transition that is not allowed or „verworfen“ without reason.
    """
    profil_datenstand_erhoehen()
    massnahme = Massnahme.objects.select_for_update().get(pk=massnahme.pk)
    status = S(status)
    if status not in UEBERGAENGE[S(massnahme.status)]:
        raise ValidationError(
            _("Eine Maßnahme im Status „%(alt)s“ kann nicht in den Status „%(neu)s“ wechseln.")
            % {"alt": massnahme.get_status_display(), "neu": status.label},
            code="uebergang",
        )
    grund = (grund or "").strip()
    if status == S.VERWORFEN and not grund:
        raise ValidationError({"grund": _("Bitte geben Sie einen Grund für das Verwerfen an.")}, code="grund")
    massnahme.status = status
    massnahme.verworfen_grund = grund if status == S.VERWORFEN else ""
    if status == S.UMGESETZT:
        massnahme.fortschritt = 100
    elif status in VOR_DER_UMSETZUNG:
        massnahme.fortschritt = 0
    massnahme.full_clean()
    massnahme.save()
    return massnahme


@transaction.atomic
def massnahme_fortschritt_setzen(*, massnahme: Massnahme, fortschritt: int) -> Massnahme:
    """Set the progress (0–100 %) of a measure that is „in Umsetzung“ and return it.

    Side effects: updates the measure, writes a history row.
    """
    profil_datenstand_erhoehen()
    massnahme = Massnahme.objects.select_for_update().get(pk=massnahme.pk)
    if massnahme.status != S.IN_UMSETZUNG:
        raise ValidationError(
            {"fortschritt": _("Den Fortschritt können Sie nur während der Umsetzung eintragen.")}, code="fortschritt"
        )
    if not 0 <= fortschritt <= 100:
        raise ValidationError({"fortschritt": _("Der Fortschritt liegt zwischen 0 und 100 %.")}, code="fortschritt")
    massnahme.fortschritt = fortschritt
    massnahme.full_clean()
    massnahme.save()
    return massnahme


@transaction.atomic
def massnahme_meilenstein_speichern(*, meilenstein: MassnahmeMeilenstein) -> MassnahmeMeilenstein:
    """Create or update a milestone of a measure and return it. Side effects: saves it."""
    profil_datenstand_erhoehen()
    meilenstein.full_clean()
    meilenstein.save()
    return meilenstein


@transaction.atomic
def massnahme_meilenstein_erreichen(*, meilenstein: MassnahmeMeilenstein, datum: datetime.date) -> MassnahmeMeilenstein:
    """Mark ``meilenstein`` as reached on ``datum``. Side effects: sets ``erreicht_am``."""
    profil_datenstand_erhoehen()
    meilenstein = MassnahmeMeilenstein.objects.select_for_update().get(pk=meilenstein.pk)
    meilenstein.erreicht_am = datum
    meilenstein.full_clean()
    meilenstein.save()
    return meilenstein
