"""The import of an uploaded OSM extract as a background job (the file may take minutes)."""

import contextlib
import uuid
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from auftraege.models import Auftrag
from auftraege.services import auftrag_ausfuehren, auftrag_starten
from dwk.text import ImportFehler

from .distanzfelder import distanzfelder_berechnen
from .netz_import import ENDUNGEN, wegenetz_importieren

# Where an uploaded extract waits for the worker. No view serves this folder; the job removes the file.
EINGANG = "wegenetz/eingang"
SCHRITTE = 4


@task()
def wegenetz_import_aufgabe(*, auftrag_id: str, pfad: str, name: str) -> int:
    """Task: import the extract at storage path ``pfad`` and compute the distance fields.

    Side effects: ``wegenetz_importieren`` (replaces the network, all or nothing), then
    ``distanzfelder_berechnen``; progress in four steps; the file is removed whatever happens. A
    file that is no OSM extract fails the job with the German message and changes nothing.
    """
    try:
        with auftrag_ausfuehren(auftrag_id=auftrag_id) as fortschritt:
            schritt = {"n": 0}

            def melden(text: str) -> None:
                schritt["n"] += 1
                fortschritt.melden(erledigt=schritt["n"], gesamt=SCHRITTE, stand=text)

            try:
                netz, bericht = wegenetz_importieren(pfad=Path(default_storage.path(pfad)), quelle=name, melden=melden)
            except ImportFehler as fehler:
                raise ValidationError(fehler.fehler) from fehler
            anzahl = distanzfelder_berechnen(
                melden=lambda erledigt, gesamt: fortschritt.melden(
                    erledigt=SCHRITTE - 1,
                    stand=_("%(erledigt)s von %(gesamt)s Distanzfeldern berechnet")
                    % {"erledigt": erledigt, "gesamt": gesamt},
                )
            )
            fortschritt.melden(erledigt=SCHRITTE, stand=_("Fertig."))
            fortschritt.abschliessen(
                ergebnis=" ".join(bericht.zeilen())
                + " "
                + _("%(anzahl)s Distanzfelder berechnet.") % {"anzahl": anzahl}
            )
            return netz.anzahl_kanten
    finally:
        with contextlib.suppress(OSError):
            default_storage.delete(pfad)


def wegenetz_import_starten(*, datei: UploadedFile, benutzer: AbstractBaseUser | None) -> Auftrag:
    """Put an uploaded extract aside and start its import in the background.

    Side effects: stores the file under ``EINGANG`` (unchanged); creates the job and its queue entry.
    """
    endung = next(e for e in ENDUNGEN if datei.name.lower().endswith(e))
    pfad = default_storage.save(f"{EINGANG}/{uuid.uuid4().hex}{endung}", datei)
    return auftrag_starten(
        aufgabe=wegenetz_import_aufgabe,
        titel=_("Wegenetz importieren"),
        benutzer=benutzer,
        argumente={"pfad": pfad, "name": Path(datei.name).name[:200]},
        schritte_gesamt=SCHRITTE,
        ziel_url=reverse("wegenetz:uebersicht"),
        ziel_text=_("Zum Wegenetz"),
    )
