"""Writes to the quarter profile and its evidence.

Each function validates with ``full_clean()``, runs in one transaction and lists its side
effects; a history entry is written for every changed row of a model with history.
"""

import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .fotos import fotos_pruefen
from .models import Antwort, Foto

logger = logging.getLogger(__name__)

# --- Walk-throughs, findings, photos --------------------------------------------------------


@transaction.atomic
def begehung_speichern(*, begehung, teilnehmende_organisationen=None, teilnehmende=None):
    """Validate and save a walk-through (new or changed) and set its participants.

    Side effects: saves ``begehung`` (history entry); replaces its participating
    organisations and persons when they are given (``None`` leaves them as they are).
    """
    begehung.full_clean()
    begehung.save()
    if teilnehmende_organisationen is not None:
        begehung.teilnehmende_organisationen.set(teilnehmende_organisationen)
    if teilnehmende is not None:
        fremde = [a for a in teilnehmende if a.quartier_id != begehung.quartier_id]
        if fremde:
            raise ValidationError(_("Es können nur Personen aus diesem Quartier teilnehmen."))
        begehung.teilnehmende.set(teilnehmende)
    return begehung


@transaction.atomic
def begehung_loeschen(*, begehung):
    """Delete a walk-through with its findings and photos.

    Side effects: deletes the walk-through, its findings and its photos (history entries);
    after the commit, the photos' files are removed from the storage.
    """
    dateien = _dateien_von(begehung.fotos.all())
    begehung.delete()
    transaction.on_commit(lambda: _dateien_entfernen(dateien))


@transaction.atomic
def befund_speichern(*, befund):
    """Validate and save a finding (new or changed).

    Side effects: saves ``befund`` (history entry).
    """
    befund.full_clean()
    befund.save()
    return befund


@transaction.atomic
def befund_loeschen(*, befund):
    """Delete a finding; its photos stay with the walk-through.

    Side effects: deletes the finding (history entry); its photos lose the link to it.
    """
    befund.delete()


def _dateien_von(fotos):
    return [name for foto in fotos for name in (foto.datei.name, foto.web.name, foto.druck.name) if name]


def _dateien_entfernen(namen):
    for name in namen:
        try:
            default_storage.delete(name)
        except OSError:
            logger.warning("Fotodatei %s konnte nicht gelöscht werden.", name)


@transaction.atomic
def fotos_hochladen(
    *,
    quartier,
    dateien,
    begehung=None,
    befund=None,
    handlungsfeld=None,
    bildunterschrift="",
    darf_veroeffentlicht_werden=False,
):
    """Check, re-encode and store a batch of photos; all of them or none.

    Every file is checked and re-encoded first (``fotos.fotos_pruefen``): a file that is too
    large, no image, a decompression bomb or broken raises one ValidationError naming every
    bad file, and nothing is stored. Then, in one transaction, one ``Foto`` per file.

    Side effects: writes three JPEG files per photo (original size, web, print; none with any
    metadata) to the default storage and creates the ``Foto`` rows (history entries), with
    ``standort`` and ``aufgenommen_am`` from the upload's EXIF data. If anything fails
    while storing, the files already written are removed again and nothing is kept. (A
    rollback of an enclosing transaction later leaves unreferenced files behind; Django has
    no rollback hook. Views call this service in its own transaction.)
    """
    if begehung is not None and begehung.quartier_id != quartier.pk:
        raise ValidationError(_("Die Begehung gehört zu einem anderen Quartier."))
    if befund is not None and (begehung is None or befund.begehung_id != begehung.pk):
        raise ValidationError(_("Der Befund gehört nicht zu dieser Begehung."))
    verarbeitet = fotos_pruefen(dateien)
    if handlungsfeld is None and befund is not None:
        handlungsfeld = befund.handlungsfeld
    geschrieben = []
    fotos = []
    try:
        with transaction.atomic():
            for v in verarbeitet:
                foto = Foto(
                    quartier=quartier,
                    begehung=begehung,
                    befund=befund,
                    handlungsfeld=handlungsfeld,
                    bildunterschrift=bildunterschrift,
                    darf_veroeffentlicht_werden=darf_veroeffentlicht_werden,
                    standort=v.standort,
                    aufgenommen_am=v.aufgenommen_am,
                )
                for feld in ("datei", "web", "druck"):
                    getattr(foto, feld).save("foto.jpg", ContentFile(getattr(v, feld)), save=False)
                    geschrieben.append(getattr(foto, feld).name)
                foto.full_clean()
                foto.save()
                fotos.append(foto)
    except Exception:
        _dateien_entfernen(geschrieben)
        raise
    return fotos


@transaction.atomic
def foto_speichern(*, foto):
    """Validate and save a photo's caption, field of action, finding, location and publication flag.

    Side effects: saves ``foto`` (history entry). The files are not touched.
    """
    if foto.befund_id is not None and foto.befund.begehung_id != foto.begehung_id:
        raise ValidationError({"befund": _("Der Befund gehört nicht zur Begehung dieses Fotos.")})
    foto.full_clean()
    foto.save()
    return foto


@transaction.atomic
def foto_loeschen(*, foto):
    """Delete a photo.

    Side effects: deletes the row (history entry); after the commit its three files are
    removed from the storage.
    """
    dateien = _dateien_von([foto])
    foto.delete()
    transaction.on_commit(lambda: _dateien_entfernen(dateien))


# --- Sources --------------------------------------------------------------------------------


@transaction.atomic
def quelle_speichern(*, quelle, auszuege=(), entfernen=()):
    """Validate and save a reviewed source with its excerpts per field of action.

    ``auszuege`` are new or changed ``QuellenAuszug`` objects of this source, ``entfernen``
    excerpts to delete. Side effects: saves the source (history entry), saves and deletes the
    excerpts.
    """
    quelle.full_clean()
    quelle.save()
    for auszug in entfernen:
        if auszug.pk:
            auszug.delete()
    for auszug in auszuege:
        auszug.quelle = quelle
        auszug.full_clean()
        auszug.save()
    return quelle


@transaction.atomic
def quelle_loeschen(*, quelle):
    """Delete a source and its excerpts.

    Side effects: deletes the source (history entry) and its excerpts.
    """
    quelle.delete()


# --- The survey of the senior offices ---------------------------------------------------------


@transaction.atomic
def befragung_speichern(*, befragung):
    """Validate and save a survey round.

    Side effects: saves ``befragung``.
    """
    befragung.full_clean()
    befragung.save()
    return befragung


@transaction.atomic
def fragen_speichern(*, befragung, fragen=(), entfernen=()):
    """Save the questionnaire's changed and new questions and delete removed ones.

    A question that has answers cannot be deleted (its answers would be lost): raises
    ValidationError and changes nothing. Side effects: saves and deletes ``Frage`` rows.
    """
    mit_antworten = [f for f in entfernen if f.pk and f.antworten.exists()]
    if mit_antworten:
        raise ValidationError(
            _("Diese Fragen haben schon Antworten und können nicht gelöscht werden: %(fragen)s")
            % {"fragen": "; ".join(f"„{f.text}“" for f in mit_antworten)}
        )
    for frage in entfernen:
        if frage.pk:
            frage.delete()
    for frage in fragen:
        frage.befragung = befragung
        frage.full_clean()
        frage.save()
    return befragung


@transaction.atomic
def antworten_erfassen(*, befragung, quartier, seniorenbuero, antworten, eingegangen_am=None):
    """Enter the answers of one senior office for one quarter from a returned paper form.

    ``antworten`` maps each ``Frage`` to ``(bewertung, text)``; a question with neither a
    rating nor a text has no answer (an existing one is deleted). Side effects: creates,
    updates or deletes ``Antwort`` rows (history entries only for real changes). Returns the
    number of answers stored for these questions.
    """
    if seniorenbuero.kategorie.slug != "seniorenbuero":
        raise ValidationError(_("Antworten kommen nur von Seniorenbüros."))
    vorhanden = {
        a.frage_id: a
        for a in Antwort.objects.filter(
            frage__in=[f.pk for f in antworten], quartier=quartier, seniorenbuero=seniorenbuero
        )
    }
    gespeichert = 0
    for frage, (bewertung, text) in antworten.items():
        if frage.befragung_id != befragung.pk:
            raise ValidationError(_("Die Frage gehört nicht zu dieser Befragung."))
        text = (text or "").strip()
        antwort = vorhanden.get(frage.pk)
        if bewertung is None and not text:
            if antwort is not None:
                antwort.delete()
            continue
        gespeichert += 1
        if antwort is None:
            antwort = Antwort(frage=frage, quartier=quartier, seniorenbuero=seniorenbuero)
        elif (antwort.bewertung, antwort.text, antwort.eingegangen_am) == (bewertung, text, eingegangen_am):
            continue
        antwort.bewertung, antwort.text, antwort.eingegangen_am = bewertung, text, eingegangen_am
        antwort.full_clean()
        antwort.save()
    return gespeichert
