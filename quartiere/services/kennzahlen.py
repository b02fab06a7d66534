"""Writes of indicator values: the import of a checked file, and the upload that waits between preview and import.

Reading and checking the file is in ``kennzahlen_import``.
"""

import contextlib
import logging
import os
import re
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.db import transaction

from ..models import Kennzahl
from ..queries.analyse import GEBIET_FELD
from .datenstand import datenstand_erhoehen
from .kennzahlen_import import KennzahlenVorschau, kennzahlen_pruefen, vorhandene_werte

logger = logging.getLogger(__name__)


@transaction.atomic
def kennzahlen_importieren(*, inhalt: bytes, dateiname: str, ebene: str) -> KennzahlenVorschau:
    """Check the file content ``inhalt`` (see ``kennzahlen_pruefen``) and store its values.

    Side effects, all in one transaction and only for a file without a single problem
    (``ImportFehler`` otherwise): new values are created; a stored value of the same
    area, indicator and year that differs is replaced (deleted and created anew); values the
    file does not mention are left alone; a log line (``import_kennzahlen``). Bulk operations: the
    number of queries does not grow with the number of values.
    """
    vorschau = kennzahlen_pruefen(inhalt=inhalt, dateiname=dateiname, ebene=ebene)
    feld = GEBIET_FELD[ebene].removesuffix("_id")
    vorhanden = vorhandene_werte(ebene, vorschau.werte)
    ersetzen, neue = [], []
    for (gebiet_pk, indikator_pk, jahr), wert in vorschau.werte.items():
        alt = vorhanden.get((gebiet_pk, indikator_pk, jahr))
        if alt is not None:
            if alt[1] == wert:
                continue
            ersetzen.append(alt[0])
        kennzahl = Kennzahl(indikator_id=indikator_pk, jahr=jahr, ebene=ebene, wert=wert, **{f"{feld}_id": gebiet_pk})
        neue.append(kennzahl)
    if neue:
        # Every Kennzahl of one file has the same shape; validating one catches a wrong level.
        neue[0].full_clean(validate_unique=False, validate_constraints=False)
    for start in range(0, len(ersetzen), 5000):
        Kennzahl.objects.filter(pk__in=ersetzen[start : start + 5000]).delete()
    Kennzahl.objects.bulk_create(neue, batch_size=5000)
    datenstand_erhoehen()
    logger.info(
        "Kennzahlen importiert.",
        extra={"ereignis": "import_kennzahlen", "ebene": ebene, "geschrieben": len(neue), "ersetzt": len(ersetzen)},
    )
    return vorschau


# --- An upload waiting for confirmation (between the preview and the import) ---------------------

UPLOAD_ORDNER = "importe"
UPLOAD_NAME = re.compile(r"^[0-9a-f]{32}$")


def _upload_pfad(kennung: str) -> Path:
    if not UPLOAD_NAME.match(kennung or ""):
        raise ValueError("Ungültige Kennung eines Uploads.")
    return settings.MEDIA_ROOT / UPLOAD_ORDNER / f"{kennung}.csv"


# A preview that was neither confirmed nor cancelled within this time is abandoned.
UPLOAD_HOECHSTALTER_SEKUNDEN = 24 * 60 * 60


def alte_uploads_entfernen(*, jetzt: float | None = None) -> int:
    """Delete stored uploads older than ``UPLOAD_HOECHSTALTER_SEKUNDEN``; returns how many.

    Side effects: removes files from MEDIA_ROOT/importe.
    """
    ordner = settings.MEDIA_ROOT / UPLOAD_ORDNER
    grenze = (jetzt if jetzt is not None else time.time()) - UPLOAD_HOECHSTALTER_SEKUNDEN
    entfernt = 0
    for pfad in ordner.glob("*.csv") if ordner.is_dir() else ():
        with contextlib.suppress(FileNotFoundError):
            if UPLOAD_NAME.match(pfad.stem) and pfad.stat().st_mtime < grenze:
                pfad.unlink()
                entfernt += 1
    return entfernt


def upload_ablegen(*, inhalt: bytes) -> str:
    """Store the checked upload under MEDIA_ROOT/importe with a random name; returns that name.

    Side effects: removes abandoned uploads (see ``alte_uploads_entfernen``), creates the
    folder if needed and writes one file (mode 0600).
    """
    alte_uploads_entfernen()
    kennung = secrets.token_hex(16)
    pfad = _upload_pfad(kennung)
    pfad.parent.mkdir(parents=True, exist_ok=True)
    datei = os.open(pfad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(datei, "wb") as ziel:
        ziel.write(inhalt)
    return kennung


def upload_lesen(kennung: str) -> bytes | None:
    """The content of a stored upload, or None when it is gone."""
    try:
        return _upload_pfad(kennung).read_bytes()
    except (FileNotFoundError, ValueError):
        return None


def upload_loeschen(kennung: str) -> None:
    """Delete a stored upload (nothing happens when it is already gone)."""
    with contextlib.suppress(ValueError):
        _upload_pfad(kennung).unlink(missing_ok=True)
