"""Writes of the review by the steering group: starting and changing a round, a member's ratings,
e-mail reminders before the deadline."""

import datetime
from collections.abc import Iterable, Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from dwk.zeit import heute, jetzt
from lenkungsgruppe.models import Mitglied

from ..models import BewertungsErinnerung, Bewertungsrunde, Ergebnis, ErgebnisBewertung, Veranstaltung
from ..queries.bewertung import bewertungs_stand, wer_noch_bewertet


def _ergebnisse_pruefen(veranstaltung: Veranstaltung, ergebnisse: list[Ergebnis]) -> None:
    if not ergebnisse:
        raise ValidationError({"ergebnisse": _("Bitte wählen Sie mindestens ein Ergebnis aus.")})
    if any(e.veranstaltung_id != veranstaltung.pk for e in ergebnisse):
        raise ValidationError({"ergebnisse": _("Es können nur Ergebnisse dieser Veranstaltung bewertet werden.")})


@transaction.atomic
def bewertungsrunde_starten(
    *,
    veranstaltung: Veranstaltung,
    frist: datetime.date,
    gestartet_von: AbstractBaseUser | None,
    ergebnisse: Iterable[Ergebnis] | None = None,
    hinweis: str = "",
) -> Bewertungsrunde:
    """Puts the results of ``veranstaltung`` (all, or ``ergebnisse``) to the steering group until ``frist``.

    Raises ``ValidationError`` when the deadline lies before today (``dwk.zeit.heute()``), the event
    already has a round, or a result belongs to another event. Side effects: creates the round and
    its selection of results (history records the round).
    """
    auswahl = list(veranstaltung.ergebnisse.all() if ergebnisse is None else ergebnisse)
    _ergebnisse_pruefen(veranstaltung, auswahl)
    if frist < heute():
        raise ValidationError({"frist": _("Die Frist liegt in der Vergangenheit.")})
    if Bewertungsrunde.objects.filter(veranstaltung=veranstaltung).exists():
        raise ValidationError(_("Für diese Veranstaltung gibt es schon eine Bewertungsrunde."), code="doppelt")
    runde = Bewertungsrunde(veranstaltung=veranstaltung, frist=frist, hinweis=hinweis, gestartet_von=gestartet_von)
    runde.full_clean()
    runde.save()
    runde.ergebnisse.set(auswahl)
    return runde


@transaction.atomic
def bewertungsrunde_speichern(*, runde: Bewertungsrunde, ergebnisse: Iterable[Ergebnis]) -> Bewertungsrunde:
    """Saves a changed round (deadline, note, selection). Ratings of results taken out of the
    selection stay stored but no longer count. Side effects: saves the round, sets its selection."""
    auswahl = list(ergebnisse)
    _ergebnisse_pruefen(runde.veranstaltung, auswahl)
    runde.full_clean()
    runde.save()
    runde.ergebnisse.set(auswahl)
    return runde


def _darf_bewerten(runde: Bewertungsrunde, mitglied: Mitglied, benutzer: AbstractBaseUser) -> None:
    if mitglied.benutzer_id is None or mitglied.benutzer_id != benutzer.pk:
        raise ValidationError(_("Sie können nur in Ihrem eigenen Namen bewerten."), code="fremd")
    if not Mitglied.objects.aktiv().filter(pk=mitglied.pk).exists():
        raise ValidationError(_("Nur aktive Mitglieder der Lenkungsgruppe bewerten."), code="nicht_aktiv")
    if heute() > runde.frist:
        raise ValidationError(
            _("Die Frist ist am %(frist)s abgelaufen; die Bewertungen stehen fest.")
            % {"frist": runde.frist.strftime("%d.%m.%Y")},
            code="frist",
        )


@transaction.atomic
def ergebnisse_bewerten(
    *,
    runde: Bewertungsrunde,
    mitglied: Mitglied,
    benutzer: AbstractBaseUser,
    bewertungen: Mapping[int, tuple[int | None, int | None, str]],
    stand: str | None = None,
) -> int:
    """Saves ``mitglied``'s ratings in ``runde``; returns how many results they have rated now.

    ``bewertungen`` maps a result's id to ``(relevanz, machbarkeit, kommentar)``; both None removes
    that rating (the member may save halfway and come back). A member rates only as themself
    (``benutzer`` is the account linked to ``mitglied``), only while active and only until the
    deadline (``dwk.zeit.heute()``; afterwards the ratings are frozen); only the round's results.
    With ``stand`` (``queries.bewertung.bewertungs_stand`` when the form was opened) a save on an
    older state of the member's ratings is refused (code „veraltet“); the round's row stays locked
    until the transaction ends. Side effects: creates, changes or deletes ``ErgebnisBewertung``
    rows of this member in this round only (history records each).
    """
    runde = Bewertungsrunde.objects.select_for_update().get(pk=runde.pk)
    _darf_bewerten(runde, mitglied, benutzer)
    if stand is not None and stand != bewertungs_stand(runde=runde, mitglied=mitglied):
        raise ValidationError(
            _(
                "Ihre Bewertungen wurden inzwischen an anderer Stelle geändert (etwa in einem zweiten Fenster). "
                "Bitte öffnen Sie die Seite neu."
            ),
            code="veraltet",
        )
    erlaubt = set(runde.ergebnisse.values_list("pk", flat=True))
    vorhanden = {b.ergebnis_id: b for b in runde.bewertungen.filter(mitglied=mitglied)}
    for ergebnis_id, (relevanz, machbarkeit, kommentar) in bewertungen.items():
        if ergebnis_id not in erlaubt:
            raise ValidationError(_("Dieses Ergebnis gehört nicht zur Bewertungsrunde."), code="fremdes_ergebnis")
        bewertung = vorhanden.get(ergebnis_id)
        if relevanz is None and machbarkeit is None:
            if bewertung is not None:
                bewertung.delete()
            continue
        if relevanz is None or machbarkeit is None:
            raise ValidationError(_("Bitte bewerten Sie Relevanz und Machbarkeit zusammen."), code="unvollstaendig")
        bewertung = bewertung or ErgebnisBewertung(runde=runde, ergebnis_id=ergebnis_id, mitglied=mitglied)
        kommentar = (kommentar or "").strip()
        if (bewertung.pk, bewertung.relevanz, bewertung.machbarkeit, bewertung.kommentar) == (
            bewertung.pk or 0,
            relevanz,
            machbarkeit,
            kommentar,
        ):
            continue  # unchanged: no new history row, no new state
        bewertung.relevanz, bewertung.machbarkeit, bewertung.kommentar = relevanz, machbarkeit, kommentar
        bewertung.full_clean()
        bewertung.save()
    return runde.bewertungen.filter(mitglied=mitglied, ergebnis__in=runde.ergebnisse.all()).count()


def _erinnerung_nachricht(runde: Bewertungsrunde, mitglied: Mitglied, offen: int) -> EmailMessage:
    kontext = {
        "runde": runde,
        "mitglied": mitglied,
        "offen": offen,
        "pfad": reverse("buergerdialog:bewerten", kwargs={"pk": runde.veranstaltung_id}),
    }
    betreff = _("Erinnerung: Ergebnisse „%(titel)s“ bis %(frist)s bewerten") % {
        "titel": runde.veranstaltung.titel,
        "frist": runde.frist.strftime("%d.%m.%Y"),
    }
    text = render_to_string("buergerdialog/mail/bewertung_erinnerung.txt", kontext)
    return EmailMessage(subject=betreff, body=text, to=[mitglied.email])


@transaction.atomic
def bewertungen_erinnern(*, tage: int = 3) -> list[tuple[Bewertungsrunde, Mitglied]]:
    """Reminds by e-mail every active member with an account and an address who has not rated all
    results of a round whose deadline is at most ``tage`` days away (and not yet past), once per
    member and round.

    Side effects: records a ``BewertungsErinnerung`` per reminder (so a second run sends nothing),
    sends the e-mails through Django's mail framework after the transaction commits (a rollback
    sends nothing). Returns the (round, member) pairs reminded.
    """
    tag = heute()
    erinnert = []
    nachrichten = []
    runden = (
        Bewertungsrunde.objects.select_for_update()
        .filter(frist__gte=tag, frist__lte=tag + datetime.timedelta(days=tage))
        .select_related("veranstaltung")
        .order_by("frist", "pk")
    )
    for runde in runden:
        schon = set(runde.erinnerungen.values_list("mitglied_id", flat=True))
        for mitglied, offen in wer_noch_bewertet(runde=runde):
            if mitglied.pk in schon or not mitglied.email or mitglied.benutzer_id is None:
                continue
            BewertungsErinnerung.objects.create(runde=runde, mitglied=mitglied, gesendet_am=jetzt())
            nachrichten.append(_erinnerung_nachricht(runde, mitglied, offen))
            erinnert.append((runde, mitglied))
    if nachrichten:
        transaction.on_commit(lambda: get_connection().send_messages(nachrichten))
    return erinnert
