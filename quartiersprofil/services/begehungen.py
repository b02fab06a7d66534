"""Writes of the walk-throughs, their findings and photos (see ``services/__init__.py`` for the conventions)."""

import logging
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from quartiere.models import Handlungsfeld, Infrastruktur, Quartier

from ..models import Akteur, Befund, Foto, Quartiersbegehung
from .datenstand import profil_datenstand_erhoehen
from .fotos import fotos_pruefen

logger = logging.getLogger(__name__)

# --- Walk-throughs, findings, photos --------------------------------------------------------


@transaction.atomic
def begehung_speichern(
    *,
    begehung: Quartiersbegehung,
    teilnehmende_organisationen: Iterable[Infrastruktur] | None = None,
    teilnehmende: Iterable[Akteur] | None = None,
) -> Quartiersbegehung:
    """Validate and save a walk-through (new or changed) and set its participants.

    Side effects: saves ``begehung`` (history entry); replaces its participating
    organisations and persons when they are given (``None`` leaves them as they are).
    """
    profil_datenstand_erhoehen()
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
def begehung_loeschen(*, begehung: Quartiersbegehung) -> None:
    """Delete a walk-through with its findings and photos.

    Side effects: deletes the walk-through, its findings and its photos (history entries);
    after the commit, the photos' files are removed from the storage.
    """
    profil_datenstand_erhoehen()
    dateien = _dateien_von(begehung.fotos.all())
    begehung.delete()
    transaction.on_commit(lambda: _dateien_entfernen(dateien))


@transaction.atomic
def befund_speichern(*, befund: Befund) -> Befund:
    """Validate and save a finding (new or changed).

    Side effects: saves ``befund`` (history entry).
    """
    profil_datenstand_erhoehen()
    befund.full_clean()
    befund.save()
    return befund


@transaction.atomic
def befund_loeschen(*, befund: Befund) -> None:
    """Delete a finding; its photos stay with the walk-through.

    Side effects: deletes the finding (history entry); its photos lose the link to it.
    """
    profil_datenstand_erhoehen()
    befund.delete()


def _dateien_von(fotos: Iterable[Foto]) -> list[str]:
    return [name for foto in fotos for name in (foto.datei.name, foto.web.name, foto.druck.name) if name]


def _dateien_entfernen(namen: Iterable[str]) -> None:
    for name in namen:
        try:
            default_storage.delete(name)
        except OSError:
            logger.warning("Fotodatei %s konnte nicht gelöscht werden.", name)


@transaction.atomic
def fotos_hochladen(
    *,
    quartier: Quartier,
    dateien: Sequence[UploadedFile],
    begehung: Quartiersbegehung | None = None,
    befund: Befund | None = None,
    handlungsfeld: Handlungsfeld | None = None,
    bildunterschrift: str = "",
    darf_veroeffentlicht_werden: bool = False,
) -> list[Foto]:
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
    profil_datenstand_erhoehen()
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
def foto_speichern(*, foto: Foto) -> Foto:
    """Validate and save a photo's caption, field of action, finding, location and publication flag.

    Side effects: saves ``foto`` (history entry). The files are not touched.
    """
    profil_datenstand_erhoehen()
    if foto.befund_id is not None and foto.befund.begehung_id != foto.begehung_id:
        raise ValidationError({"befund": _("Der Befund gehört nicht zur Begehung dieses Fotos.")})
    foto.full_clean()
    foto.save()
    return foto


@transaction.atomic
def foto_loeschen(*, foto: Foto) -> None:
    """Delete a photo.

    Side effects: deletes the row (history entry); after the commit its three files are
    removed from the storage.
    """
    profil_datenstand_erhoehen()
    dateien = _dateien_von([foto])
    foto.delete()
    transaction.on_commit(lambda: _dateien_entfernen(dateien))
