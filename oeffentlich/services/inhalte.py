"""The public texts: the project page of a city, the statutory pages, a quarter's character, news."""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from dwk.text import eindeutiger_slug
from dwk.zeit import jetzt
from quartiere.models import Kommune, Quartier

from ..models import Auftritt, Neuigkeit, Pflichtseite, Quartiersseite


def schon_angelegt(vorhanden: object | None, *, nur_anlegen: bool) -> None:
    """For the create-or-update services: with ``nur_anlegen`` (the person's form was opened when
    there was no row yet) a row that exists now was created by someone else meanwhile; refuse with
    ValidationError(code="veraltet") rather than overwrite it. Two inserts at the same moment end in
    the unique constraint instead (IntegrityError, the caller's to handle)."""
    if nur_anlegen and vorhanden is not None:
        raise _inzwischen_angelegt()


def pruefen(objekt: object) -> None:
    """``full_clean()`` of a row the create-or-update services looked up by its natural key: a new
    row that now breaks a uniqueness rule was created by someone else since the lookup, and is
    reported as stale (code "veraltet"), not as a field error."""
    try:
        objekt.full_clean()
    except ValidationError as fehler:
        listen = fehler.error_dict.values() if hasattr(fehler, "error_dict") else [fehler.error_list]
        codes = {e.code for liste in listen for e in liste}
        if objekt.pk is None and codes & {"unique", "unique_together"}:
            raise _inzwischen_angelegt() from fehler
        raise


def _inzwischen_angelegt() -> ValidationError:
    return ValidationError(
        _(
            "Dieser Eintrag wurde inzwischen von jemand anderem angelegt. Ihre Eingaben wurden nicht "
            "gespeichert, damit nichts überschrieben wird. Unten sehen Sie die andere Fassung."
        ),
        code="veraltet",
    )


@transaction.atomic
def auftritt_speichern(
    *,
    kommune: Kommune,
    einleitung: str,
    foerderung: str = "",
    partner: str = "",
    kontakt: str = "",
    feedback_email: str = "",
    nur_anlegen: bool = False,
) -> Auftritt:
    """Create or update the project page of ``kommune``. Writes one row; raises ValidationError
    (nothing saved) on bad input, and with ``nur_anlegen`` when it exists already (``schon_angelegt``)."""
    vorhanden = Auftritt.objects.filter(kommune=kommune).first()
    schon_angelegt(vorhanden, nur_anlegen=nur_anlegen)
    auftritt = vorhanden or Auftritt(kommune=kommune)
    auftritt.einleitung = einleitung
    auftritt.foerderung = foerderung
    auftritt.partner = partner
    auftritt.kontakt = kontakt
    auftritt.feedback_email = feedback_email
    pruefen(auftritt)
    auftritt.save()
    return auftritt


@transaction.atomic
def pflichtseite_speichern(
    *,
    kommune: Kommune,
    art: str,
    text: str,
    stand: datetime.date,
    ist_beispiel: bool = False,
    nur_anlegen: bool = False,
) -> Pflichtseite:
    """Create or update the statutory page ``art`` of ``kommune``. Writes one row; raises
    ValidationError (nothing saved) on bad input, and with ``nur_anlegen`` when it exists already."""
    vorhanden = Pflichtseite.objects.filter(kommune=kommune, art=art).first()
    schon_angelegt(vorhanden, nur_anlegen=nur_anlegen)
    seite = vorhanden or Pflichtseite(kommune=kommune, art=art)
    seite.text = text
    seite.stand = stand
    seite.ist_beispiel = ist_beispiel
    pruefen(seite)
    seite.save()
    return seite


@transaction.atomic
def quartiersseite_speichern(*, quartier: Quartier, charakter: str, nur_anlegen: bool = False) -> Quartiersseite:
    """Create or update what the public page of ``quartier`` says about its character. One row;
    with ``nur_anlegen`` ValidationError when it exists already."""
    vorhanden = Quartiersseite.objects.filter(quartier=quartier).first()
    schon_angelegt(vorhanden, nur_anlegen=nur_anlegen)
    seite = vorhanden or Quartiersseite(quartier=quartier)
    seite.charakter = charakter
    pruefen(seite)
    seite.save()
    return seite


@transaction.atomic
def neuigkeit_speichern(
    *,
    titel: str,
    text: str,
    veroeffentlicht_am: datetime.datetime | None,
    verfasst_von: AbstractBaseUser | None = None,
    neuigkeit: Neuigkeit | None = None,
) -> Neuigkeit:
    """Create a news post or update ``neuigkeit``. A new post gets a unique slug from its title
    (kept when the title changes later, so links stay valid). ``veroeffentlicht_am`` None keeps it
    a draft. Writes one row; raises ValidationError (nothing saved) on bad input."""
    if neuigkeit is None:
        neuigkeit = Neuigkeit(
            slug=eindeutiger_slug(titel, objekte=Neuigkeit, ersatz="neuigkeit", laenge=80), verfasst_von=verfasst_von
        )
    neuigkeit.titel = titel
    neuigkeit.text = text
    neuigkeit.veroeffentlicht_am = veroeffentlicht_am
    neuigkeit.full_clean()
    if neuigkeit.pk is not None:
        neuigkeit.save()
        return neuigkeit
    # Two people saving a new post with the same title at the same moment: both saw the slug free.
    # The unique index makes the second insert wait for the first commit and then fail; the slug is
    # then chosen again (the first post is visible now) instead of answering with an error page.
    for _versuch in range(5):
        try:
            with transaction.atomic():
                neuigkeit.save()
            return neuigkeit
        except IntegrityError:
            neuigkeit.slug = eindeutiger_slug(titel, objekte=Neuigkeit, ersatz="neuigkeit", laenge=80)
    raise ValidationError(_("Die Neuigkeit konnte nicht gespeichert werden; bitte noch einmal versuchen."))


def _stand_pruefen(neuigkeit: Neuigkeit, gesehener_stand: str | None) -> Neuigkeit:
    """The row of ``neuigkeit``, locked until commit; ValidationError(code="veraltet") when it was
    saved after the state ``gesehener_stand`` (``updated_at`` as ISO text) the person looked at."""
    zeile = Neuigkeit.objects.select_for_update().get(pk=neuigkeit.pk)
    if gesehener_stand is not None and zeile.updated_at.isoformat() != gesehener_stand:
        raise ValidationError(
            _(
                "Diese Neuigkeit wurde inzwischen von jemand anderem geändert. Bitte sehen Sie sich die "
                "Vorschau der neuen Fassung an, bevor Sie sie veröffentlichen."
            ),
            code="veraltet",
        )
    return zeile


@transaction.atomic
def neuigkeit_veroeffentlichen(
    *, neuigkeit: Neuigkeit, am: datetime.datetime | None = None, gesehener_stand: str | None = None
) -> Neuigkeit:
    """Publish ``neuigkeit`` now, or from ``am`` on (it appears on the public pages and in the feed
    once that time has passed). Refuses (ValidationError ``veraltet``, nothing saved) when the post
    was changed after the state ``gesehener_stand`` the person previewed. One row."""
    zeile = _stand_pruefen(neuigkeit, gesehener_stand)
    zeile.veroeffentlicht_am = am or jetzt()
    zeile.full_clean()
    zeile.save(update_fields=["veroeffentlicht_am", "updated_at"])
    return zeile


@transaction.atomic
def neuigkeit_zurueckziehen(*, neuigkeit: Neuigkeit) -> Neuigkeit:
    """Make ``neuigkeit`` a draft again: it leaves the public pages and the feed. One row."""
    zeile = _stand_pruefen(neuigkeit, None)
    zeile.veroeffentlicht_am = None
    zeile.save(update_fields=["veroeffentlicht_am", "updated_at"])
    return zeile


@transaction.atomic
def neuigkeit_loeschen(*, neuigkeit: Neuigkeit) -> None:
    """Delete ``neuigkeit`` (and with it its public page and feed entry). One row."""
    Neuigkeit.objects.filter(pk=neuigkeit.pk).delete()
