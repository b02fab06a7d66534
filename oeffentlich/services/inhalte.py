"""The public texts: the project page of a city, the statutory pages, a quarter's character, news."""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dwk.text import eindeutiger_slug
from dwk.zeit import jetzt
from quartiere.models import Kommune, Quartier

from ..models import Auftritt, Neuigkeit, Pflichtseite, Quartiersseite


@transaction.atomic
def auftritt_speichern(
    *,
    kommune: Kommune,
    einleitung: str,
    foerderung: str = "",
    partner: str = "",
    kontakt: str = "",
    feedback_email: str = "",
) -> Auftritt:
    """Create or update the project page of ``kommune``. Writes one row; raises ValidationError
    (nothing saved) on bad input."""
    auftritt = Auftritt.objects.filter(kommune=kommune).first() or Auftritt(kommune=kommune)
    auftritt.einleitung = einleitung
    auftritt.foerderung = foerderung
    auftritt.partner = partner
    auftritt.kontakt = kontakt
    auftritt.feedback_email = feedback_email
    auftritt.full_clean()
    auftritt.save()
    return auftritt


@transaction.atomic
def pflichtseite_speichern(
    *, kommune: Kommune, art: str, text: str, stand: datetime.date, ist_beispiel: bool = False
) -> Pflichtseite:
    """Create or update the statutory page ``art`` of ``kommune``. Writes one row; raises
    ValidationError (nothing saved) on bad input."""
    seite = Pflichtseite.objects.filter(kommune=kommune, art=art).first() or Pflichtseite(kommune=kommune, art=art)
    seite.text = text
    seite.stand = stand
    seite.ist_beispiel = ist_beispiel
    seite.full_clean()
    seite.save()
    return seite


@transaction.atomic
def quartiersseite_speichern(*, quartier: Quartier, charakter: str) -> Quartiersseite:
    """Create or update what the public page of ``quartier`` says about its character. One row."""
    seite = Quartiersseite.objects.filter(quartier=quartier).first() or Quartiersseite(quartier=quartier)
    seite.charakter = charakter
    seite.full_clean()
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
    neuigkeit.save()
    return neuigkeit


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
