"""Writes of the steering group. Every function is atomic, validates before it saves and
lists its side effects; none of them is triggered by ``save()`` or a signal."""

from collections.abc import Iterable, Mapping
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dwk.zeit import heute, jetzt
from quartiere.models import Handlungsfeld, Quartier, QuartierStatus

from .dokumente import einladung_nachrichten
from .models import (
    Aufgabe,
    AufgabeStatus,
    Beschluss,
    BeschlussArt,
    Fachplanung,
    FachplanungBewertung,
    Meilenstein,
    Mitglied,
    Sitzung,
    Stadtentwicklungsprojekt,
    Tagesordnungspunkt,
    Teilnahme,
)
from .queries import bewertungs_stand, einladungs_empfaenger, teilnahme_stand

M = TypeVar("M", bound=models.Model)
VERALTET = gettext_lazy(
    "Diese Angaben wurden inzwischen von jemand anderem geändert. Ihre Änderungen wurden nicht "
    "gespeichert, damit nichts überschrieben wird. Bitte öffnen Sie die Seite neu und übernehmen "
    "Sie Ihre Änderungen dort erneut."
)


def _speichern(objekt: M) -> M:
    objekt.full_clean()
    objekt.save()
    return objekt


@transaction.atomic
def mitglied_speichern(*, mitglied: Mitglied) -> Mitglied:
    """Validate and save a member. Side effects: one history entry."""
    return _speichern(mitglied)


@transaction.atomic
def sitzung_speichern(*, sitzung: Sitzung, eingeladene: Iterable[Mitglied] | None = None) -> Sitzung:
    """Create or change a meeting and its invitation list.

    Side effects: a new meeting gets the next consecutive ``nummer``; saves the meeting (a
    history entry); when ``eingeladene`` is given, adds a ``Teilnahme`` (status „eingeladen“)
    for each newly invited member and removes those no longer invited.
    """
    if not sitzung.nummer:
        sitzung.nummer = Sitzung.objects.select_for_update().naechste_nummer()
    _speichern(sitzung)
    if eingeladene is not None:
        soll = {m.pk for m in eingeladene}
        vorhanden = set(sitzung.teilnahmen.values_list("mitglied_id", flat=True))
        sitzung.teilnahmen.exclude(mitglied_id__in=soll).delete()
        Teilnahme.objects.bulk_create([Teilnahme(sitzung=sitzung, mitglied_id=pk) for pk in sorted(soll - vorhanden)])
    return sitzung


@transaction.atomic
def tagesordnungspunkt_speichern(*, tagesordnungspunkt: Tagesordnungspunkt) -> Tagesordnungspunkt:
    """Create or change an agenda item. Side effects: a new item is appended (next ``nummer``
    of its meeting); one history entry."""
    top = tagesordnungspunkt
    if not top.nummer:
        letzte = top.sitzung.tagesordnungspunkte.order_by("-nummer").values_list("nummer", flat=True).first()
        top.nummer = (letzte or 0) + 1
    return _speichern(top)


@transaction.atomic
def protokoll_speichern(*, tagesordnungspunkt: Tagesordnungspunkt, text: str) -> Tagesordnungspunkt:
    """Save the minutes (Markdown) of one agenda item.

    Raises ``ValidationError`` once the meeting's minutes are approved: approved minutes stay
    as they were approved. Side effects: one history entry of the agenda item. The text is
    stored as written and sanitised whenever it is shown (``dwk.markdown``).
    """
    sitzung = Sitzung.objects.get(pk=tagesordnungspunkt.sitzung_id)
    if sitzung.ist_protokoll_genehmigt:
        raise ValidationError(_("Das Protokoll dieser Sitzung ist genehmigt und kann nicht mehr geändert werden."))
    tagesordnungspunkt.protokoll = text
    return _speichern(tagesordnungspunkt)


@transaction.atomic
def teilnahme_erfassen(
    *,
    sitzung: Sitzung,
    status_je_mitglied: Mapping[int, str],
    vertretung_je_mitglied: Mapping[int, Mitglied | None] | None = None,
    stand: str | None = None,
) -> list[Teilnahme]:
    """Record attendance: ``status_je_mitglied`` maps member pk → ``TeilnahmeStatus``,
    ``vertretung_je_mitglied`` (optional) member pk → the Mitglied who stood in, or None.

    With ``stand`` (``queries.teilnahme_stand`` when the form was opened) the attendance is
    refused (``ValidationError``, code „veraltet“) if someone has changed it since; the meeting's
    row stays locked until the transaction ends, so of two simultaneous saves one wins.
    Side effects: updates the ``Teilnahme`` rows of the invited members named; a member who
    was not invited, or one named as their own substitute, is refused (``ValidationError``).
    Returns the changed rows.
    """
    sitzung = Sitzung.objects.select_for_update().get(pk=sitzung.pk)
    if stand is not None and stand != teilnahme_stand(sitzung):
        raise ValidationError(VERALTET, code="veraltet")
    teilnahmen = {t.mitglied_id: t for t in sitzung.teilnahmen.all()}
    vertretung_je_mitglied = vertretung_je_mitglied or {}
    unbekannt = (set(status_je_mitglied) | set(vertretung_je_mitglied)) - set(teilnahmen)
    if unbekannt:
        raise ValidationError(_("Nur eingeladene Mitglieder können als Teilnehmende erfasst werden."))
    geaendert = []
    for mitglied_id, teilnahme in teilnahmen.items():
        status = status_je_mitglied.get(mitglied_id, teilnahme.status)
        vertretung = vertretung_je_mitglied.get(mitglied_id, teilnahme.vertreten_durch)
        if vertretung is not None and vertretung.pk == mitglied_id:
            raise ValidationError(_("Ein Mitglied kann sich nicht selbst vertreten."))
        if (teilnahme.status, teilnahme.vertreten_durch_id) != (status, vertretung.pk if vertretung else None):
            teilnahme.status, teilnahme.vertreten_durch = status, vertretung
            teilnahme.full_clean()
            geaendert.append(teilnahme)
    Teilnahme.objects.bulk_update(geaendert, ["status", "vertreten_durch"])
    return geaendert


@transaction.atomic
def protokoll_genehmigen(*, sitzung: Sitzung, in_sitzung: Sitzung) -> Sitzung:
    """Approve the minutes of ``sitzung`` in the later meeting ``in_sitzung``.

    Side effects: sets ``sitzung.protokoll_genehmigt_in`` (a history entry); from now on the
    minutes cannot be changed and their PDF can be downloaded.
    """
    if sitzung.ist_protokoll_genehmigt:
        raise ValidationError(_("Das Protokoll dieser Sitzung ist bereits genehmigt."))
    if in_sitzung.beginn <= sitzung.beginn:
        raise ValidationError(_("Ein Protokoll kann nur in einer späteren Sitzung genehmigt werden."))
    sitzung.protokoll_genehmigt_in = in_sitzung
    return _speichern(sitzung)


@transaction.atomic
def einladung_versenden(*, sitzung: Sitzung, absender: AbstractBaseUser | None = None) -> list[str]:
    """Send the invitation of ``sitzung`` by e-mail to every invited member with an address.

    Each member gets a personal e-mail with the agenda in the text, the invitation as PDF and
    the meeting as iCalendar file (METHOD:REQUEST, stable UID, sequence counted up).
    Side effects: sends e-mails through Django's mail framework (after the transaction
    commits, so a rollback sends nothing); increases ``einladung_sequenz`` and sets
    ``einladung_versendet_am`` (``dwk.zeit.jetzt()``; a history entry). Returns the list of
    recipients' addresses. Raises ``ValidationError`` when nobody invited has an e-mail address.
    """
    sitzung = Sitzung.objects.select_for_update().get(pk=sitzung.pk)
    empfaenger = einladungs_empfaenger(sitzung)
    if not empfaenger:
        raise ValidationError(_("Keines der eingeladenen Mitglieder hat eine E-Mail-Adresse."))
    sitzung.einladung_sequenz += 1
    sitzung.einladung_versendet_am = jetzt()
    _speichern(sitzung)
    nachrichten = einladung_nachrichten(sitzung=sitzung, empfaenger=empfaenger, absender=absender)
    transaction.on_commit(lambda: get_connection().send_messages(nachrichten))
    return [m.email for m in empfaenger]


@transaction.atomic
def beschluss_fassen(
    *,
    beschluss: Beschluss,
    quartiere: Iterable[Quartier] = (),
    handlungsfelder: Iterable[Handlungsfeld] = (),
    fachplanungen: Iterable[Fachplanung] = (),
) -> Beschluss:
    """Record a decision and link what it concerns.

    Side effects: a new decision gets the next consecutive ``nummer``; saves it (a history
    entry) and sets its quarters, Handlungsfelder and plans. A decision of the kind „Auswahl
    der Referenzquartiere“ also marks each linked quarter as Referenzquartier and moves a
    quarter still in status „Kandidat“ to „ausgewählt“ (a history entry per changed quarter).
    """
    if not beschluss.nummer:
        beschluss.nummer = Beschluss.objects.select_for_update().naechste_nummer()
    _speichern(beschluss)
    beschluss.quartiere.set(quartiere)
    beschluss.handlungsfelder.set(handlungsfelder)
    beschluss.fachplanungen.set(fachplanungen)
    if beschluss.art == BeschlussArt.REFERENZQUARTIERE:
        for quartier in quartiere:
            neu_status = QuartierStatus.AUSGEWAEHLT if quartier.status == QuartierStatus.KANDIDAT else quartier.status
            if not quartier.ist_referenzquartier or quartier.status != neu_status:
                quartier.ist_referenzquartier = True
                quartier.status = neu_status
                quartier.full_clean()
                quartier.save(update_fields=["ist_referenzquartier", "status", "updated_at"])
    return beschluss


@transaction.atomic
def aufgabe_speichern(*, aufgabe: Aufgabe) -> Aufgabe:
    """Create or change a task. Side effects: keeps ``erledigt_am`` in step with the status (a task
    marked done today gets ``dwk.zeit.heute()``); a history entry."""
    if aufgabe.status == AufgabeStatus.ERLEDIGT and aufgabe.erledigt_am is None:
        aufgabe.erledigt_am = heute()
    elif aufgabe.status != AufgabeStatus.ERLEDIGT:
        aufgabe.erledigt_am = None
    return _speichern(aufgabe)


@transaction.atomic
def aufgabe_status_setzen(*, aufgabe: Aufgabe, status: str) -> Aufgabe:
    """Set a task's status (a member marks their own task done). Side effects: as ``aufgabe_speichern``."""
    if status not in AufgabeStatus.values:
        raise ValidationError(_("Unbekannter Status."))
    aufgabe.status = status
    return aufgabe_speichern(aufgabe=aufgabe)


@transaction.atomic
def fachplanung_speichern(
    *,
    fachplanung: Fachplanung,
    handlungsfelder: Iterable[Handlungsfeld] | None = None,
    quartiere: Iterable[Quartier] | None = None,
) -> Fachplanung:
    """Create or change a sectoral plan. Side effects: stores an uploaded PDF under MEDIA_ROOT
    (checked: at most 20 MB, a real PDF); one history entry; sets its Handlungsfelder and
    quarters when given."""
    _speichern(fachplanung)
    if handlungsfelder is not None:
        fachplanung.handlungsfelder.set(handlungsfelder)
    if quartiere is not None:
        fachplanung.quartiere.set(quartiere)
    return fachplanung


@transaction.atomic
def fachplanung_bewerten(
    *,
    fachplanung: Fachplanung,
    mitglied: Mitglied,
    bewertungen: Mapping[Handlungsfeld, tuple[int | None, str]],
    stand: str | None = None,
) -> list[FachplanungBewertung]:
    """Save ``mitglied``'s ratings of ``fachplanung``.

    ``bewertungen`` maps a Handlungsfeld to ``(relevanz, kommentar)``; ``relevanz`` None
    removes that rating. Only the plan's own Handlungsfelder can be rated. With ``stand``
    (``queries.bewertungs_stand`` when the form was opened) the ratings are refused
    (``ValidationError``, code „veraltet“) if they have changed since; the plan's row stays locked
    until the transaction ends, so of two simultaneous saves one wins. Side effects: creates,
    updates or deletes ``FachplanungBewertung`` rows of this member only.
    """
    fachplanung = Fachplanung.objects.select_for_update().get(pk=fachplanung.pk)
    if stand is not None and stand != bewertungs_stand(fachplanung, mitglied):
        raise ValidationError(VERALTET, code="veraltet")
    erlaubt = set(fachplanung.handlungsfelder.values_list("pk", flat=True))
    vorhanden = {b.handlungsfeld_id: b for b in fachplanung.bewertungen.filter(mitglied=mitglied)}
    for feld, (relevanz, kommentar) in bewertungen.items():
        if feld.pk not in erlaubt:
            raise ValidationError(
                _("Das Handlungsfeld „%(feld)s“ gehört nicht zu dieser Fachplanung.") % {"feld": feld.name}
            )
        bewertung = vorhanden.get(feld.pk)
        if relevanz is None:
            if bewertung is not None:
                bewertung.delete()
            continue
        bewertung = bewertung or FachplanungBewertung(fachplanung=fachplanung, mitglied=mitglied, handlungsfeld=feld)
        bewertung.relevanz, bewertung.kommentar = relevanz, kommentar or ""
        _speichern(bewertung)
    return list(fachplanung.bewertungen.filter(mitglied=mitglied))


@transaction.atomic
def projekt_speichern(
    *, projekt: Stadtentwicklungsprojekt, quartiere: Iterable[Quartier] | None = None
) -> Stadtentwicklungsprojekt:
    """Create or change an urban-development project. Side effects: saves it; sets its quarters when given."""
    _speichern(projekt)
    if quartiere is not None:
        projekt.quartiere.set(quartiere)
    return projekt


@transaction.atomic
def meilenstein_speichern(*, meilenstein: Meilenstein) -> Meilenstein:
    """Create or change a milestone of the programme's timeline (``lenkungsgruppe.Meilenstein``;
    a measure's milestones are ``quartiersprofil``'s ``massnahme_meilenstein_speichern``).
    Side effects: saves it."""
    return _speichern(meilenstein)
