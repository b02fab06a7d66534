"""Writes of invitations: letters for printing and e-mails, each recorded as an ``Einladung``.

Only persons ``queries.einladungen.einladbare_akteure`` returns are invited (valid consent whose
scope names invitations, in one of the event's quarters); a person passed in who is not among
them is refused, so nobody without consent is ever written to.
"""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from dwk.zeit import jetzt
from quartiersprofil.models import Akteur

from ..dokumente import einladung_nachrichten, einladungsbriefe_pdf
from ..models import Einladung, EinladungWeg, Veranstaltung
from ..queries.einladungen import einladbare_akteure


def _auswahl(veranstaltung: Veranstaltung, akteure: Iterable[Akteur] | None) -> list[Akteur]:
    erlaubt = list(einladbare_akteure(veranstaltung=veranstaltung))
    if akteure is None:
        return erlaubt
    gewuenscht = {a.pk for a in akteure}
    erlaubte_pks = {a.pk for a in erlaubt}
    if gewuenscht - erlaubte_pks:
        raise ValidationError(
            _("Eingeladen werden nur Personen des Quartiers, die in Einladungen eingewilligt haben."),
            code="ohne_einwilligung",
        )
    return [a for a in erlaubt if a.pk in gewuenscht]


def _erfassen(veranstaltung: Veranstaltung, akteure: list[Akteur], weg: str, von: AbstractBaseUser) -> None:
    am = jetzt()
    for akteur in akteure:
        einladung = Einladung(veranstaltung=veranstaltung, akteur=akteur, weg=weg, am=am, von=von)
        einladung.full_clean()
        einladung.save()


@transaction.atomic
def einladungsbriefe_erstellen(
    *, veranstaltung: Veranstaltung, von: AbstractBaseUser, akteure: Iterable[Akteur] | None = None
) -> bytes:
    """The invitation letters of ``veranstaltung`` as one PDF for printing, one letter per person.

    ``akteure`` (default: everyone who may be invited) must all be invitable. Side effects: records
    an ``Einladung`` (Brief, ``dwk.zeit.jetzt()``, ``von``) per letter. Raises ``ValidationError``
    when nobody may be invited or a person without consent is passed.
    """
    auswahl = _auswahl(veranstaltung, akteure)
    if not auswahl:
        raise ValidationError(_("Im Quartier hat niemand in Einladungen eingewilligt."), code="niemand")
    pdf = einladungsbriefe_pdf(veranstaltung=veranstaltung, akteure=auswahl)
    _erfassen(veranstaltung, auswahl, EinladungWeg.BRIEF, von)
    return pdf


@transaction.atomic
def einladungen_mailen(
    *, veranstaltung: Veranstaltung, von: AbstractBaseUser, akteure: Iterable[Akteur] | None = None
) -> list[str]:
    """Invite by e-mail every invitable person (or those of ``akteure``) who has an e-mail address.

    Each gets a personal e-mail with the flyer attached as PDF. Side effects: the e-mails are
    sent through Django's mail framework after the transaction commits (a rollback sends
    nothing); records an ``Einladung`` (E-Mail) per recipient. Returns the addresses. Raises
    ``ValidationError`` when nobody invitable has an address or a person without consent is passed.
    """
    auswahl = [a for a in _auswahl(veranstaltung, akteure) if a.email]
    if not auswahl:
        raise ValidationError(
            _("Von den ausgewählten Personen mit Einwilligung in Einladungen hat niemand eine E-Mail-Adresse."),
            code="niemand",
        )
    nachrichten = einladung_nachrichten(veranstaltung=veranstaltung, akteure=auswahl)
    _erfassen(veranstaltung, auswahl, EinladungWeg.EMAIL, von)
    transaction.on_commit(lambda: get_connection().send_messages(nachrichten))
    return [a.email for a in auswahl]
