"""Writes of the background jobs: start one, report its progress, finish it.

A task (a function decorated with ``django_tasks.task``, in the app whose subject it is) is
started with ``auftrag_starten`` and runs its body inside ``auftrag_ausfuehren``, which hands it
a ``Fortschritt`` for reporting. The job's own times are the real clock (``timezone.now()``),
like ``created_at``: they measure how long the work took, they decide nothing in the domain, so
they do not go through ``dwk.zeit``.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks.base import Task

from .models import Auftrag

logger = logging.getLogger(__name__)


@transaction.atomic
def auftrag_starten(
    *,
    aufgabe: Task,
    titel: str,
    benutzer: AbstractBaseUser | None,
    argumente: dict[str, Any],
    schritte_gesamt: int = 0,
    ziel_url: str = "",
    ziel_text: str = "",
) -> Auftrag:
    """Create a job and put ``aufgabe`` into the queue, called as ``aufgabe(auftrag_id=..., **argumente)``.

    ``argumente`` must be JSON values (ids, strings, numbers, lists), not model instances.
    Side effects: creates the ``Auftrag`` (status "wartet"); enqueues the task. With the
    database queue (the default) the queue entry is a row written in this same transaction,
    so the job and its queue entry are committed together or not at all, and the worker starts
    it only after the commit. With the immediate backend (``DWK_TASKS_BACKEND=sofort``) the
    task runs here and now.
    """
    auftrag = Auftrag(
        art=aufgabe.module_path,
        titel=titel,
        gestartet_von=benutzer if benutzer is not None and benutzer.is_authenticated else None,
        schritte_gesamt=schritte_gesamt,
        ziel_url=ziel_url,
        ziel_text=ziel_text,
    )
    auftrag.full_clean()
    auftrag.save()
    aufgabe.enqueue(auftrag_id=str(auftrag.pk), **argumente)
    auftrag.refresh_from_db()
    return auftrag


class Fortschritt:
    """What a running task reports through; every call is written at once (the status page polls)."""

    def __init__(self, auftrag: Auftrag) -> None:
        self.auftrag = auftrag

    def _schreiben(self, **felder: Any) -> None:
        Auftrag.objects.filter(pk=self.auftrag.pk).update(updated_at=timezone.now(), **felder)
        for name, wert in felder.items():
            setattr(self.auftrag, name, wert)

    def melden(self, *, erledigt: int, gesamt: int | None = None, stand: str = "") -> None:
        """Report ``erledigt`` of ``gesamt`` steps done, with a sentence for the user."""
        felder = {"schritte_erledigt": erledigt, "stand": stand[:300]}
        if gesamt is not None:
            felder["schritte_gesamt"] = gesamt
        self._schreiben(**felder)

    def fehler_melden(self, text: str) -> None:
        """Report one thing that failed (e.g. one photo of many); the job goes on.

        The running task is the only writer of its job, so the list is kept here and written whole.
        """
        self._schreiben(fehler=[*self.auftrag.fehler, str(text)])

    def abschliessen(self, *, ergebnis: str, ziel_url: str | None = None) -> None:
        """The job is done: its result sentence (and, if it changed, where to go next)."""
        felder = {"status": Auftrag.Status.FERTIG, "ergebnis": ergebnis, "beendet_am": timezone.now()}
        if ziel_url is not None:
            felder["ziel_url"] = ziel_url
        self._schreiben(**felder)


@contextmanager
def auftrag_ausfuehren(*, auftrag_id: str) -> Iterator[Fortschritt]:
    """Run the body of a task as the job ``auftrag_id``, yielding its ``Fortschritt``.

    Runs outside any transaction of its own, so each report is visible to the status page at
    once; the body makes its writes atomic where they must be (e.g. one photo at a time).
    Side effects: status "läuft" and ``begonnen_am`` at the start; at the end status "fertig"
    and ``beendet_am`` (unless the body called ``abschliessen`` itself). If the body raises a
    ValidationError, the job fails with its messages; any other exception fails it with a
    general German sentence and is logged with its traceback. Both are raised again, so the
    queue records the task as failed too.
    """
    auftrag = Auftrag.objects.get(pk=auftrag_id)
    fortschritt = Fortschritt(auftrag)
    fortschritt._schreiben(status=Auftrag.Status.LAEUFT, begonnen_am=timezone.now())
    try:
        yield fortschritt
    except ValidationError as fehler:
        fortschritt._schreiben(
            status=Auftrag.Status.FEHLGESCHLAGEN,
            fehler=[*auftrag.fehler, *fehler.messages],
            ergebnis=_("Der Auftrag wurde abgebrochen."),
            beendet_am=timezone.now(),
        )
        raise
    except Exception:
        logger.exception("Hintergrundauftrag %s (%s) ist fehlgeschlagen.", auftrag.pk, auftrag.art)
        fortschritt._schreiben(
            status=Auftrag.Status.FEHLGESCHLAGEN,
            ergebnis=_(
                "Bei der Verarbeitung ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es erneut; "
                "bleibt der Fehler, findet das Projektteam die Ursache im Protokoll des Hintergrunddienstes."
            ),
            beendet_am=timezone.now(),
        )
        raise
    if auftrag.status != Auftrag.Status.FERTIG:
        fortschritt._schreiben(status=Auftrag.Status.FERTIG, beendet_am=timezone.now())
