"""The versions of a quarter's profile: draft → in consultation → released.

A version (``Profilfassung``) holds one text section (``ProfilAbschnitt``) per Handlungsfeld.
Only a draft can be written. A released version is frozen; the next draft starts as a copy of
it, texts and linked evidence included. At most one version per quarter is not released (a
constraint of the model), so „the working version“ of a quarter is always unambiguous.
"""

import logging
from collections.abc import Iterable, Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from dwk.zeit import jetzt
from quartiere.models import Handlungsfeld, Quartier

from ..models import BELEG_FELDER, TEXT_FELDER, ProfilAbschnitt, Profilfassung, ProfilStatus
from ..queries.profil import arbeitsstand, letzte_freigabe
from .datenstand import profil_datenstand_erhoehen

logger = logging.getLogger(__name__)

# Who sees which state of a profile (see rules.py): drafts only Projektteam.
UEBERGAENGE = {
    ProfilStatus.ENTWURF: {ProfilStatus.IN_BERATUNG},
    ProfilStatus.IN_BERATUNG: {ProfilStatus.ENTWURF, ProfilStatus.FREIGEGEBEN},
    ProfilStatus.FREIGEGEBEN: set(),
}


class VeralteterStand(ValidationError):
    """The section was saved by someone else after the form was opened."""


@transaction.atomic
def profil_entwurf_anlegen(*, quartier: Quartier) -> Profilfassung:
    """Start the next version of ``quartier``'s profile as a draft and return it.

    Side effects: creates a ``Profilfassung`` (number = highest + 1, status Entwurf, predecessor
    = the latest released version) and one ``ProfilAbschnitt`` per Handlungsfeld; when a
    released version exists, its texts and all its linked evidence are copied. Writes history
    rows for the new objects. Refuses (``ValidationError``) while a draft or a version in
    consultation exists.
    """
    profil_datenstand_erhoehen()
    if arbeitsstand(quartier) is not None:
        raise ValidationError(
            _("Es gibt schon eine Fassung in Arbeit. Bitte geben Sie diese zuerst frei."), code="arbeitsstand"
        )
    vorgaenger = letzte_freigabe(quartier)
    nummer = (quartier.profilfassungen.aggregate(h=Max("nummer"))["h"] or 0) + 1
    fassung = Profilfassung(quartier=quartier, nummer=nummer, status=ProfilStatus.ENTWURF, vorgaenger=vorgaenger)
    fassung.full_clean()
    fassung.save()
    alte = {}
    if vorgaenger is not None:
        alte = {a.handlungsfeld_id: a for a in vorgaenger.abschnitte.prefetch_related(*BELEG_FELDER)}
    for handlungsfeld in Handlungsfeld.objects.order_by("reihenfolge"):
        alt = alte.get(handlungsfeld.pk)
        abschnitt = ProfilAbschnitt(
            fassung=fassung,
            handlungsfeld=handlungsfeld,
            **{feld: getattr(alt, feld) if alt else "" for feld in TEXT_FELDER},
        )
        abschnitt.full_clean()
        abschnitt.save()
        if alt is not None:
            for feld in BELEG_FELDER:
                getattr(abschnitt, feld).set(getattr(alt, feld).all())
    return fassung


def _status_setzen(fassung: Profilfassung, neu: ProfilStatus) -> None:
    if neu not in UEBERGAENGE[fassung.status]:
        raise ValidationError(
            _("Eine Fassung im Status „%(alt)s“ kann nicht in den Status „%(neu)s“ wechseln.")
            % {"alt": fassung.get_status_display(), "neu": ProfilStatus(neu).label},
            code="uebergang",
        )
    fassung.status = neu


@transaction.atomic
def profil_zur_beratung_geben(*, fassung: Profilfassung) -> Profilfassung:
    """Put the draft ``fassung`` into consultation (readable by the Lenkungsgruppe, no longer editable).

    Side effects: sets the status to „in Beratung“; writes a history row.
    """
    profil_datenstand_erhoehen()
    fassung = Profilfassung.objects.select_for_update().get(pk=fassung.pk)
    _status_setzen(fassung, ProfilStatus.IN_BERATUNG)
    fassung.full_clean()
    fassung.save()
    return fassung


@transaction.atomic
def profil_ueberarbeiten(*, fassung: Profilfassung) -> Profilfassung:
    """Take a version in consultation back to draft, so that comments can be worked in.

    Side effects: sets the status to „Entwurf“; writes a history row.
    """
    profil_datenstand_erhoehen()
    fassung = Profilfassung.objects.select_for_update().get(pk=fassung.pk)
    _status_setzen(fassung, ProfilStatus.ENTWURF)
    fassung.full_clean()
    fassung.save()
    return fassung


@transaction.atomic
def profil_freigeben(*, fassung: Profilfassung, benutzer: AbstractBaseUser) -> Profilfassung:
    """Release ``fassung`` (must be in consultation): from now on it is frozen.

    Side effects: sets the status to „freigegeben“, ``freigegeben_am`` to now (``dwk.zeit.jetzt``) and
    ``freigegeben_von`` to ``benutzer``; writes a history row and a log line (``freigabe_profil``).
    """
    profil_datenstand_erhoehen()
    fassung = Profilfassung.objects.select_for_update().get(pk=fassung.pk)
    _status_setzen(fassung, ProfilStatus.FREIGEGEBEN)
    fassung.freigegeben_am = jetzt()
    fassung.freigegeben_von = benutzer
    fassung.full_clean()
    fassung.save()
    logger.info(
        "Quartiersprofil freigegeben.",
        extra={"ereignis": "freigabe_profil", "profilfassung_id": fassung.pk, "benutzer_id": benutzer.pk},
    )
    return fassung


@transaction.atomic
def abschnitt_speichern(
    *,
    abschnitt: ProfilAbschnitt,
    bestand: str,
    staerken: str,
    handlungsbedarf: str,
    belege: Mapping[str, Iterable] | None = None,
    stand: str | None = None,
) -> ProfilAbschnitt:
    """Save the texts (Markdown) and linked evidence of ``abschnitt`` and return it.

    ``belege`` maps names of ``BELEG_FELDER`` to the objects to link (missing names stay as
    they are). ``stand`` is the ``updated_at`` (ISO text) the writer started from; when the
    section has been saved since, nothing is saved and ``VeralteterStand`` is raised.
    Refuses (``ValidationError``) unless the version is a draft.

    Side effects: updates the section (``updated_at``), writes a history row, replaces the
    links of each given kind of evidence.
    """
    profil_datenstand_erhoehen()
    aktuell = ProfilAbschnitt.objects.select_for_update().select_related("fassung").get(pk=abschnitt.pk)
    if aktuell.fassung.status != ProfilStatus.ENTWURF:
        raise ValidationError(
            _("Nur ein Entwurf kann bearbeitet werden; diese Fassung ist „%(status)s“.")
            % {"status": aktuell.fassung.get_status_display()},
            code="eingefroren",
        )
    if stand is not None and stand != aktuell.updated_at.isoformat():
        raise VeralteterStand(
            _("Dieser Abschnitt wurde inzwischen von jemand anderem geändert; nichts wurde gespeichert."),
            code="veraltet",
        )
    aktuell.bestand, aktuell.staerken, aktuell.handlungsbedarf = bestand, staerken, handlungsbedarf
    aktuell.full_clean()
    aktuell.save()
    for feld, objekte in (belege or {}).items():
        if feld not in BELEG_FELDER:
            raise ValueError(feld)
        getattr(aktuell, feld).set(objekte)
    return aktuell
