"""A large photo upload, processed by the background worker instead of inside the request.

The request only pre-checks the whole upload (``fotos_vorpruefen``: count, bytes, format, pixels
per photo and per upload, complete files; all or nothing, as for a small upload), puts the files
aside unchanged and starts a job (``auftraege``); the user follows it on the job's status page
("3 von 12 Fotos verarbeitet"). The worker then decodes and stores one photo at a time through
``fotos_hochladen``: each photo is stored completely (three files, one row) or not at all, and a
photo that fails only now (a file that decodes badly although its structure is complete) is named
in the job's list of failures while the others are kept. So nothing is ever half-stored, and a
user with one bad photo among twelve uploads only that one again.
"""

import contextlib
import uuid
from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from auftraege.models import Auftrag
from auftraege.services import auftrag_ausfuehren, auftrag_starten
from quartiere.models import Handlungsfeld, Quartier

from ..models import Befund, Quartiersbegehung
from .begehungen import fotos_hochladen
from .fotos import fotos_vorpruefen

# Where uploaded files wait for the worker, unchanged (with their metadata). No view serves this
# folder; the job removes each file once it has processed it.
EINGANG = "fotos/eingang"


def fotos_meldung(*, gespeichert: int, ohne_standort: int, gesamt: int | None = None) -> str:
    """The German sentence after an upload: how many photos were stored, how many lack a location."""
    if gesamt is not None and gespeichert < gesamt:
        meldung = ngettext(
            "%(gespeichert)s von %(gesamt)s Foto wurde gespeichert; die übrigen sind unten genannt.",
            "%(gespeichert)s von %(gesamt)s Fotos wurden gespeichert; die übrigen sind unten genannt.",
            gesamt,
        ) % {"gespeichert": gespeichert, "gesamt": gesamt}
    else:
        meldung = ngettext("Ein Foto wurde gespeichert.", "%(anzahl)s Fotos wurden gespeichert.", gespeichert) % {
            "anzahl": gespeichert
        }
    if ohne_standort:
        meldung += " " + ngettext(
            "Eines hat keinen Standort; bitte setzen Sie ihn auf der Karte.",
            "%(ohne)s haben keinen Standort; bitte setzen Sie ihn auf der Karte.",
            ohne_standort,
        ) % {"ohne": ohne_standort}
    return meldung


def _entfernen(pfade: Sequence[str]) -> None:
    for pfad in pfade:
        with contextlib.suppress(OSError):
            default_storage.delete(pfad)


@transaction.atomic
def fotos_einreihen(
    *,
    quartier: Quartier,
    dateien: Sequence[UploadedFile],
    benutzer: AbstractBaseUser,
    begehung: Quartiersbegehung | None = None,
    befund: Befund | None = None,
    handlungsfeld: Handlungsfeld | None = None,
    bildunterschrift: str = "",
    darf_veroeffentlicht_werden: bool = False,
    ziel_url: str = "",
) -> Auftrag:
    """Pre-check a photo upload and hand it to the background worker; returns the job.

    Raises one ValidationError listing every refused file or limit (nothing is kept then).
    Side effects: writes the uploaded files unchanged to the storage under ``EINGANG`` (removed
    again if the job cannot be started, otherwise by the job); creates the job (``Auftrag``,
    started by ``benutzer``, one step per photo, linking to ``ziel_url`` when done) and queues
    ``fotos_verarbeiten`` in the same transaction.
    """
    if begehung is not None and begehung.quartier_id != quartier.pk:
        raise ValidationError(_("Die Begehung gehört zu einem anderen Quartier."))
    if befund is not None and (begehung is None or befund.begehung_id != begehung.pk):
        raise ValidationError(_("Der Befund gehört nicht zu dieser Begehung."))
    geprueft = fotos_vorpruefen(dateien)
    ordner = f"{EINGANG}/{uuid.uuid4().hex}"
    eingang: list[list[str]] = []
    try:
        for nummer, (datei, foto) in enumerate(zip(dateien, geprueft, strict=True)):
            datei.seek(0)
            eingang.append([default_storage.save(f"{ordner}/{nummer:03d}", datei), foto.name])
        return auftrag_starten(
            aufgabe=fotos_verarbeiten,
            titel=ngettext("Ein Foto hochladen", "%(anzahl)s Fotos hochladen", len(eingang)) % {"anzahl": len(eingang)},
            benutzer=benutzer,
            schritte_gesamt=len(eingang),
            ziel_url=ziel_url,
            ziel_text=_("Zur Begehung") if begehung is not None else _("Weiter"),
            argumente={
                "quartier_id": quartier.pk,
                "begehung_id": begehung.pk if begehung else None,
                "befund_id": befund.pk if befund else None,
                "handlungsfeld_id": handlungsfeld.pk if handlungsfeld else None,
                "bildunterschrift": bildunterschrift,
                "darf_veroeffentlicht_werden": darf_veroeffentlicht_werden,
                "eingang": eingang,
            },
        )
    except BaseException:
        _entfernen([pfad for pfad, _name in eingang])
        raise


def _laden(modell: type, pk: int | None, fehlt: str) -> object:
    if pk is None:
        return None
    try:
        return modell.objects.get(pk=pk)
    except modell.DoesNotExist:
        raise ValidationError(fehlt) from None


@task()
def fotos_verarbeiten(
    *,
    auftrag_id: str,
    quartier_id: int,
    begehung_id: int | None,
    befund_id: int | None,
    handlungsfeld_id: int | None,
    bildunterschrift: str,
    darf_veroeffentlicht_werden: bool,
    eingang: list[list[str]],
) -> int:
    """Task: store the photos of a queued upload one at a time; returns how many were stored.

    Side effects: per photo ``fotos_hochladen`` (three files, one ``Foto`` row with history),
    then the job's progress ("3 von 12 Fotos verarbeitet"); a photo refused now is named in the
    job's failures and skipped. Every incoming file is removed, whatever happens. If the
    walk-through (or quarter, finding) was deleted meanwhile, the job fails and stores nothing.
    """
    try:
        with auftrag_ausfuehren(auftrag_id=auftrag_id) as fortschritt:
            nicht_mehr_da = _("Die Begehung wurde inzwischen gelöscht; es wurde kein Foto gespeichert.")
            quartier = _laden(Quartier, quartier_id, nicht_mehr_da)
            begehung = _laden(Quartiersbegehung, begehung_id, nicht_mehr_da)
            befund = _laden(
                Befund, befund_id, _("Der Befund wurde inzwischen gelöscht; es wurde kein Foto gespeichert.")
            )
            handlungsfeld = _laden(Handlungsfeld, handlungsfeld_id, _("Das Handlungsfeld gibt es nicht mehr."))
            gesamt, gespeichert, ohne_standort = len(eingang), 0, 0
            for nummer, (pfad, name) in enumerate(eingang, start=1):
                try:
                    with default_storage.open(pfad, "rb") as roh:
                        (foto,) = fotos_hochladen(
                            quartier=quartier,
                            begehung=begehung,
                            befund=befund,
                            handlungsfeld=handlungsfeld,
                            bildunterschrift=bildunterschrift,
                            darf_veroeffentlicht_werden=darf_veroeffentlicht_werden,
                            dateien=[File(roh, name=name)],
                        )
                    gespeichert += 1
                    ohne_standort += foto.standort is None
                except ValidationError as fehler:
                    for eintrag in fehler.error_list:
                        if eintrag.code != "nichts_gespeichert":
                            fortschritt.fehler_melden(eintrag.messages[0])
                finally:
                    _entfernen([pfad])
                fortschritt.melden(
                    erledigt=nummer,
                    stand=ngettext(
                        "%(erledigt)s von %(gesamt)s Foto verarbeitet",
                        "%(erledigt)s von %(gesamt)s Fotos verarbeitet",
                        gesamt,
                    )
                    % {"erledigt": nummer, "gesamt": gesamt},
                )
            fortschritt.abschliessen(
                ergebnis=fotos_meldung(gespeichert=gespeichert, ohne_standort=ohne_standort, gesamt=gesamt)
            )
    finally:
        _entfernen([pfad for pfad, _name in eingang])
    return gespeichert
