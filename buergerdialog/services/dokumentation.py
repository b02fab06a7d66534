"""Writes of an event's documentation (text, photos, PDF attachments, release) and of its
evaluation (the paper questionnaires typed up one after another).

A partner may write documentation and enter questionnaires of its events; what it writes is
marked (``von_partner``), and Projektteam can correct it. Only Projektteam releases.
"""

import logging
from collections.abc import Sequence
from typing import IO

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from dwk.zeit import jetzt
from quartiersprofil.services.fotos import fotos_pruefen

from ..models import (
    Dokumentation,
    Dokumentationsanhang,
    Dokumentationsfoto,
    DokumentationStatus,
    Ergebnis,
    Fragebogen,
    Veranstaltung,
)

logger = logging.getLogger(__name__)


def _nach_der_veranstaltung(veranstaltung: Veranstaltung) -> None:
    if not veranstaltung.nimmt_ergebnisse_an:
        raise ValidationError(
            _("Dokumentation und Auswertung gibt es erst, wenn die Veranstaltung stattgefunden hat."),
            code="zu_frueh",
        )


@transaction.atomic
def dokumentation_speichern(
    *, dokumentation: Dokumentation, bearbeitet_von: AbstractBaseUser, von_partner: bool
) -> Dokumentation:
    """Create or update the documentation of an event that has taken place.

    Side effects: records who edited it last and whether a partner did; a released documentation
    that is changed goes back to „Entwurf“ (the steering group reads only what Projektteam has
    released, so a change needs a new release); writes a history row.
    """
    _nach_der_veranstaltung(dokumentation.veranstaltung)
    dokumentation.erfasst_von = bearbeitet_von
    dokumentation.von_partner = von_partner
    if dokumentation.pk and dokumentation.ist_freigegeben:
        dokumentation.status = DokumentationStatus.ENTWURF
        dokumentation.freigegeben_am = None
        dokumentation.freigegeben_von = None
    dokumentation.full_clean()
    dokumentation.save()
    return dokumentation


@transaction.atomic
def dokumentation_freigeben(*, dokumentation: Dokumentation, freigegeben_von: AbstractBaseUser) -> Dokumentation:
    """Release the documentation (status, ``freigegeben_am`` = ``dwk.zeit.jetzt()``, by whom).

    Raises ``ValidationError`` when it has no report text or is already released. Side effects: a
    history row, a log line (``freigabe_dokumentation``).
    """
    dokumentation = Dokumentation.objects.select_for_update().get(pk=dokumentation.pk)
    if dokumentation.ist_freigegeben:
        raise ValidationError(_("Die Dokumentation ist bereits freigegeben."), code="schon_freigegeben")
    if not dokumentation.text.strip():
        raise ValidationError(_("Ohne Bericht kann die Dokumentation nicht freigegeben werden."), code="leer")
    dokumentation.status = DokumentationStatus.FREIGEGEBEN
    dokumentation.freigegeben_am = jetzt()
    dokumentation.freigegeben_von = freigegeben_von
    dokumentation.full_clean()
    dokumentation.save()
    logger.info(
        "Dokumentation freigegeben.",
        extra={
            "ereignis": "freigabe_dokumentation",
            "dokumentation_id": dokumentation.pk,
            "benutzer_id": freigegeben_von.pk,
        },
    )
    return dokumentation


def _dokumentation_von(veranstaltung: Veranstaltung, user: AbstractBaseUser, von_partner: bool) -> Dokumentation:
    dokumentation = Dokumentation.objects.filter(veranstaltung=veranstaltung).first()
    if dokumentation is None:
        dokumentation = dokumentation_speichern(
            dokumentation=Dokumentation(veranstaltung=veranstaltung), bearbeitet_von=user, von_partner=von_partner
        )
    return dokumentation


def _karte_pruefen(veranstaltung: Veranstaltung, ergebnis: Ergebnis | None) -> None:
    if ergebnis is not None and ergebnis.veranstaltung_id != veranstaltung.pk:
        raise ValidationError({"ergebnis": _("Die Karte gehört zu einer anderen Veranstaltung.")}, code="fremde_karte")


@transaction.atomic
def dokumentationsfotos_hochladen(
    *,
    veranstaltung: Veranstaltung,
    dateien: Sequence[IO[bytes]],
    bildunterschrift: str,
    erfasst_von: AbstractBaseUser,
    von_partner: bool,
    ergebnis: Ergebnis | None = None,
    darf_veroeffentlicht_werden: bool = False,
) -> list[Dokumentationsfoto]:
    """Add photos (e.g. of the pin boards) to the documentation, creating it if needed; with
    ``ergebnis`` they show the pin board of that card (a card of ``veranstaltung``).

    Every file goes through the photo pipeline (``quartiersprofil.services.fotos.fotos_pruefen``:
    limits, re-encoding without any metadata); only the web and print derivatives are stored, the
    GPS position is not kept. Either all files are stored or none (``ValidationError`` naming the
    bad files).
    """
    _nach_der_veranstaltung(veranstaltung)
    _karte_pruefen(veranstaltung, ergebnis)
    verarbeitet = fotos_pruefen(dateien)
    dokumentation = _dokumentation_von(veranstaltung, erfasst_von, von_partner)
    fotos = []
    for foto in verarbeitet:
        eintrag = Dokumentationsfoto(
            dokumentation=dokumentation,
            breite=foto.breite,
            hoehe=foto.hoehe,
            bildunterschrift=bildunterschrift,
            ergebnis=ergebnis,
            darf_veroeffentlicht_werden=darf_veroeffentlicht_werden,
            erfasst_von=erfasst_von,
            von_partner=von_partner,
        )
        eintrag.web.save("web.jpg", ContentFile(foto.web), save=False)
        eintrag.druck.save("druck.jpg", ContentFile(foto.druck), save=False)
        eintrag.full_clean()
        eintrag.save()
        fotos.append(eintrag)
    return fotos


@transaction.atomic
def dokumentationsfoto_speichern(*, foto: Dokumentationsfoto) -> Dokumentationsfoto:
    """Save a photo's caption, publication flag and card (a card of the same event, or none).

    The files stay as they are; who uploaded it and whether a partner did stay too.
    """
    _karte_pruefen(foto.dokumentation.veranstaltung, foto.ergebnis)
    foto.full_clean()
    foto.save()
    return foto


def _nach_dem_commit_entfernen(namen: list[str]) -> None:
    transaction.on_commit(lambda: [default_storage.delete(name) for name in namen if name])


@transaction.atomic
def dokumentationsfoto_loeschen(*, foto: Dokumentationsfoto) -> None:
    """Delete a photo of the documentation (also from its card). Side effects: its web and print
    files are removed from the storage after the commit."""
    namen = [foto.web.name, foto.druck.name]
    foto.delete()
    _nach_dem_commit_entfernen(namen)


@transaction.atomic
def dokumentationsanhang_speichern(*, anhang: Dokumentationsanhang) -> Dokumentationsanhang:
    """Save an attachment's title (the PDF itself is replaced by deleting and attaching anew)."""
    anhang.full_clean()
    anhang.save()
    return anhang


@transaction.atomic
def dokumentationsanhang_loeschen(*, anhang: Dokumentationsanhang) -> None:
    """Delete an attachment. Side effects: its PDF is removed from the storage after the commit."""
    name = anhang.datei.name
    anhang.delete()
    _nach_dem_commit_entfernen([name])


@transaction.atomic
def dokumentationsanhang_hinzufuegen(
    *, veranstaltung: Veranstaltung, anhang: Dokumentationsanhang, erfasst_von: AbstractBaseUser, von_partner: bool
) -> Dokumentationsanhang:
    """Attach a PDF (checked by ``pdf_pruefen``: a real PDF of at most 20 MB) to the documentation,
    creating the documentation if needed."""
    _nach_der_veranstaltung(veranstaltung)
    anhang.dokumentation = _dokumentation_von(veranstaltung, erfasst_von, von_partner)
    anhang.erfasst_von = erfasst_von
    anhang.von_partner = von_partner
    anhang.full_clean()
    anhang.save()
    return anhang


@transaction.atomic
def fragebogen_erfassen(*, fragebogen: Fragebogen, erfasst_von: AbstractBaseUser, von_partner: bool) -> Fragebogen:
    """Store one typed-up paper questionnaire of an event that has taken place.

    Side effects: records who typed it up and whether a partner did. Raises ``ValidationError`` for an
    empty questionnaire or a value outside 1–5.
    """
    _nach_der_veranstaltung(fragebogen.veranstaltung)
    fragebogen.erfasst_von = erfasst_von
    fragebogen.von_partner = von_partner
    fragebogen.full_clean()
    fragebogen.save()
    return fragebogen


@transaction.atomic
def fragebogen_speichern(*, fragebogen: Fragebogen) -> Fragebogen:
    """Save a corrected questionnaire; who typed it up and whether a partner did stay as they were.
    Raises ``ValidationError`` for an empty questionnaire or a value outside 1–5."""
    fragebogen.full_clean()
    fragebogen.save()
    return fragebogen


@transaction.atomic
def fragebogen_loeschen(*, fragebogen: Fragebogen) -> None:
    """Delete a questionnaire typed up by mistake (twice, or of another event)."""
    fragebogen.delete()
