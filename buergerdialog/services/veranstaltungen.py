"""Writes of events: saving, status changes, the planning checklist, attendance, sustainability."""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dwk.zeit import heute

from ..models import Checklistenpunkt, Nachhaltigkeit, Veranstaltung, VeranstaltungFormat, VeranstaltungStatus

S = VeranstaltungStatus
# The allowed status changes: one step forward, or one step back to correct a mistake (an event that
# has taken place cannot go back to "invited").
UEBERGAENGE: dict[str, set[str]] = {
    S.PLANUNG: {S.EINGELADEN},
    S.EINGELADEN: {S.PLANUNG, S.DURCHGEFUEHRT},
    S.DURCHGEFUEHRT: {S.DOKUMENTIERT},
    S.DOKUMENTIERT: {S.DURCHGEFUEHRT, S.EVALUIERT},
    S.EVALUIERT: {S.DOKUMENTIERT},
}

F = VeranstaltungFormat
_RAUM = (_("Raum gebucht und barrierefrei zugänglich"), 42)
_FLYER = (_("Flyer gedruckt und verteilt"), 21)
_RUNDE_TISCHE = (_("Runde Tische der Seniorenbüros informiert"), 28)
_SCHLUESSELPERSONEN = (_("Schlüsselpersonen eingeladen"), 21)
_BEZIRKSBUERGERMEISTER = (_("Bezirksbürgermeisterin oder Bezirksbürgermeister informiert"), 28)
_PRESSE = (_("Presse informiert"), 10)
_VERPFLEGUNG = (_("Verpflegung bestellt"), 7)
_MATERIAL = (_("Material bereit (Pinnwände, Karten, Klebepunkte)"), 2)
# The checklist template per format: (task, days before the event).
VORLAGEN: dict[str, list[tuple[str, int]]] = {
    F.BUERGERWERKSTATT: [
        _RAUM,
        _RUNDE_TISCHE,
        _BEZIRKSBUERGERMEISTER,
        _FLYER,
        _SCHLUESSELPERSONEN,
        _PRESSE,
        _VERPFLEGUNG,
        _MATERIAL,
    ],
    F.FACHWORKSHOP: [_RAUM, (_("Fachleute eingeladen"), 28), _VERPFLEGUNG, _MATERIAL],
    F.RUNDER_TISCH: [_RAUM, _SCHLUESSELPERSONEN, _MATERIAL],
    F.INFORMATIONSGESPRAECH: [_RAUM, _MATERIAL],
    F.PLANUNGSTREFFEN: [_RAUM, _MATERIAL],
    F.INTERVIEWRUNDE: [
        (_("Gesprächspartnerinnen und -partner gewonnen"), 21),
        _RUNDE_TISCHE,
        (_("Leitfaden für die Interviews abgestimmt"), 7),
    ],
}


def _faellig(veranstaltung: Veranstaltung, tage_vorher: int) -> datetime.date:
    return timezone.localtime(veranstaltung.beginn).date() - datetime.timedelta(days=tage_vorher)


@transaction.atomic
def veranstaltung_speichern(
    *,
    veranstaltung: Veranstaltung,
    quartiere: QuerySet | list | None = None,
    handlungsfelder: QuerySet | list | None = None,
    moderation: QuerySet | list | None = None,
    beobachtung: QuerySet | list | None = None,
    gegenstaende: QuerySet | list | None = None,
) -> Veranstaltung:
    """Creates or saves an event and sets its many-to-many choices (those given, others unchanged).

    Side effects: a new event gets the checklist of its format's template (``VORLAGEN``), due dates
    counted back from its date; when the date of an existing event changes, the due dates of its
    checklist follow (each item keeps its days before the event). History records the change.
    """
    neu = veranstaltung.pk is None
    veranstaltung.full_clean()
    veranstaltung.save()
    for feld, werte in (
        ("quartiere", quartiere),
        ("handlungsfelder", handlungsfelder),
        ("moderation", moderation),
        ("beobachtung", beobachtung),
        ("gegenstaende", gegenstaende),
    ):
        if werte is not None:
            getattr(veranstaltung, feld).set(werte)
    if neu:
        for nummer, (titel, tage) in enumerate(VORLAGEN[veranstaltung.format], start=1):
            punkt = Checklistenpunkt(
                veranstaltung=veranstaltung,
                titel=str(titel),
                reihenfolge=nummer,
                tage_vorher=tage,
                faellig_am=_faellig(veranstaltung, tage),
            )
            punkt.full_clean()
            punkt.save()
    else:
        for punkt in veranstaltung.checkliste.all():
            soll = _faellig(veranstaltung, punkt.tage_vorher)
            if punkt.faellig_am != soll:
                punkt.faellig_am = soll
                punkt.save(update_fields=["faellig_am", "updated_at"])
    return veranstaltung


@transaction.atomic
def veranstaltung_status_setzen(*, veranstaltung: Veranstaltung, status: str) -> Veranstaltung:
    """Moves the event to ``status`` if ``UEBERGAENGE`` allows it; "durchgeführt" only from the day
    of the event on (``heute()``). Raises ``ValidationError`` otherwise.

    Side effects: saves the event's status (history records who and when).
    """
    veranstaltung = Veranstaltung.objects.select_for_update().get(pk=veranstaltung.pk)
    if status not in UEBERGAENGE.get(veranstaltung.status, set()):
        raise ValidationError(
            _("Von „%(von)s“ kann die Veranstaltung nicht auf „%(nach)s“ gesetzt werden.")
            % {"von": veranstaltung.get_status_display(), "nach": dict(S.choices).get(status, status)},
            code="uebergang",
        )
    if status == S.DURCHGEFUEHRT and timezone.localtime(veranstaltung.beginn).date() > heute():
        raise ValidationError(_("Die Veranstaltung hat noch nicht stattgefunden."), code="zukunft")
    veranstaltung.status = status
    veranstaltung.full_clean()
    veranstaltung.save(update_fields=["status", "updated_at"])
    return veranstaltung


@transaction.atomic
def checklistenpunkt_erledigen(*, punkt: Checklistenpunkt, erledigt: bool) -> Checklistenpunkt:
    """Marks a checklist item done (dated ``heute()``) or not done.

    Side effects: saves ``erledigt`` and ``erledigt_am`` of the item.
    """
    punkt.erledigt = erledigt
    punkt.erledigt_am = heute() if erledigt else None
    punkt.full_clean()
    punkt.save(update_fields=["erledigt", "erledigt_am", "updated_at"])
    return punkt


@transaction.atomic
def checklistenpunkt_speichern(*, punkt: Checklistenpunkt) -> Checklistenpunkt:
    """Saves a checklist item (task, days before, responsible person or organisation).

    Side effects: its due date is set from the event's date and its days before.
    """
    punkt.faellig_am = _faellig(punkt.veranstaltung, punkt.tage_vorher)
    if punkt.erledigt and not punkt.erledigt_am:
        punkt.erledigt_am = heute()
    if not punkt.erledigt:
        punkt.erledigt_am = None
    punkt.full_clean()
    punkt.save()
    return punkt


@transaction.atomic
def anwesenheit_speichern(
    *, veranstaltung: Veranstaltung, erfasst_von: AbstractBaseUser, von_partner: bool
) -> Veranstaltung:
    """Saves the head count and its anonymous breakdown (set on ``veranstaltung`` by the form).

    ``von_partner`` marks figures a partner entered (the view sets it from the role); Projektteam
    correcting them later leaves the mark as it was. Side effects: saves the event (history records
    it); no names of participants are stored anywhere.
    """
    if von_partner or veranstaltung.anwesenheit_erfasst_von_id is None:
        veranstaltung.anwesenheit_erfasst_von = erfasst_von
    veranstaltung.anwesenheit_von_partner = veranstaltung.anwesenheit_von_partner or von_partner
    veranstaltung.full_clean()
    veranstaltung.save()
    return veranstaltung


@transaction.atomic
def nachhaltigkeit_speichern(*, eintrag: Nachhaltigkeit) -> Nachhaltigkeit:
    """Creates or saves who carries a participation subject on after the event.

    The subject must be one the event offered; a contact is kept only with consent.
    Side effects: saves the entry (history records it).
    """
    if eintrag.gegenstand_id and not eintrag.veranstaltung.gegenstaende.filter(pk=eintrag.gegenstand_id).exists():
        raise ValidationError(
            {"gegenstand": _("Dieser Beteiligungsgegenstand wurde bei der Veranstaltung nicht angeboten.")}
        )
    eintrag.full_clean()
    eintrag.save()
    return eintrag
