"""Writes of personal data of key persons and local actors (``Akteur``): saving with consent,
withdrawal, and talks with their participants. Erasure is in ``services.anonymisierung``;
display and the export for a request for information are in ``queries.personen``.

Rules:

- Without consent (never given or withdrawn) only organisation and role are kept:
  ``akteur_speichern`` clears the personal fields, a withdrawal anonymises.
- ``akteur_anonymisieren`` erases a person everywhere, history included.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from dwk.zeit import heute
from quartiere.models import Handlungsfeld

from ..models import Akteur, Gespraech
from .anonymisierung import Anonymisierung, akteur_anonymisieren, personenfelder_leeren
from .datenstand import profil_datenstand_erhoehen


@transaction.atomic
def akteur_speichern(*, akteur: Akteur) -> Akteur:
    """Create or update ``akteur`` and return it.

    Side effects: without a valid consent (no date, or withdrawn) the personal fields (name,
    e-mail, telephone, address) are cleared before saving, so only organisation and role are
    kept; writes a history row. A consent needs its scope and the version of its text; consent
    to invitations (``einwilligung_einladungen``) needs a consent date. An
    anonymised Akteur stays anonymised; the surnames it keeps while a review of mentions is open
    (see ``services.anonymisierung``) are kept, and never enter the history.
    """
    profil_datenstand_erhoehen()
    offene_pruefung = ""
    if akteur.ist_anonymisiert:
        offene_pruefung = Akteur.objects.filter(pk=akteur.pk).values_list("name", flat=True).first() or ""
        personenfelder_leeren(akteur)
    if akteur.einwilligung_am and not (akteur.einwilligung_umfang and akteur.einwilligung_textfassung):
        raise ValidationError(
            _("Zu einer Einwilligung gehören ihr Umfang und die Fassung des Einwilligungstextes."),
            code="einwilligung",
        )
    if akteur.einwilligung_einladungen and not akteur.einwilligung_am:
        raise ValidationError(
            {"einwilligung_einladungen": _("Eine Einwilligung in Einladungen braucht das Datum der Einwilligung.")},
            code="einwilligung",
        )
    if not akteur.hat_einwilligung:
        personenfelder_leeren(akteur)
    akteur.full_clean()
    akteur.save()
    if offene_pruefung:
        Akteur.objects.filter(pk=akteur.pk).update(name=offene_pruefung)
        akteur.name = offene_pruefung
    return akteur


@transaction.atomic
def akteur_einwilligung_widerrufen(*, akteur: Akteur, datum: datetime.date | None = None) -> Anonymisierung:
    """Record the withdrawal of ``akteur``'s consent (default: today) and anonymise the person.

    Side effects: sets ``widerrufen_am``, then everything ``akteur_anonymisieren`` does.
    """
    profil_datenstand_erhoehen()
    akteur = Akteur.objects.select_for_update().get(pk=akteur.pk)
    akteur.widerrufen_am = datum or heute()
    akteur.full_clean()
    akteur.save()
    return akteur_anonymisieren(akteur=akteur)


@transaction.atomic
def gespraech_speichern(
    *, gespraech: Gespraech, teilnehmende: Iterable[Akteur], handlungsfelder: Iterable[Handlungsfeld]
) -> Gespraech:
    """Create or update a talk with its participants and fields of action, and return it.

    Side effects: saves the talk (history row), replaces its participants and fields of action.
    Refuses (``ValidationError``) participants from another quarter.
    """
    profil_datenstand_erhoehen()
    teilnehmende = list(teilnehmende)
    if any(a.quartier_id != gespraech.quartier_id for a in teilnehmende):
        raise ValidationError(_("Alle Teilnehmenden müssen zum Quartier des Gesprächs gehören."), code="quartier")
    gespraech.full_clean()
    gespraech.save()
    gespraech.teilnehmende.set(teilnehmende)
    gespraech.handlungsfelder.set(handlungsfelder)
    return gespraech
