"""Writes of the background jobs: start one, report its progress, finish it.

A task (a function decorated with ``django_tasks.task``, in the app whose subject it is) is
started with ``auftrag_starten`` and runs its body inside ``auftrag_ausfuehren``, which hands it
a ``Fortschritt`` for reporting. The job's own times are the real clock (``timezone.now()``),
like ``created_at``: they measure how long the work took, they decide nothing in the domain, so
they do not go through ``dwk.zeit``.

How a new kind of job is built (e.g. rendering a report PDF)::

    @task()  # django_tasks.task, in the subject's app (e.g. berichte/services/...)
    def bericht_rendern(*, auftrag_id: str, bericht_id: int) -> None:
        with auftrag_ausfuehren(auftrag_id=auftrag_id, zeitlimit=120, speicher_mb=2048) as fortschritt:
            ...
            fortschritt.melden(erledigt=1, gesamt=3, stand=_("Karten gezeichnet"))
            ...
            fortschritt.abschliessen(ergebnis=_("Das PDF ist fertig."), ziel_url=bericht.get_absolute_url())

    # in a view: start it and send the user to the status page
    auftrag = auftrag_starten(
        aufgabe=bericht_rendern, titel=_("Bericht erstellen"), benutzer=request.user,
        argumente={"bericht_id": bericht.pk}, schritte_gesamt=3,
    )
    return redirect(auftrag)

The arguments travel as JSON through the queue (ids, not objects). The worker is
``manage.py db_worker`` (``make run`` starts one; ``DWK_TASKS_BACKEND=sofort`` runs jobs inside
the request instead, for tests).
"""

import datetime
import logging
import resource
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks.base import Task, TaskResultStatus
from django_tasks_db.models import DBTaskResult

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


@transaction.atomic
def auftraege_aufraeumen(*, aelter_als: datetime.timedelta) -> int:
    """Delete finished jobs that ended more than ``aelter_als`` ago; returns how many jobs.

    Side effects: deletes ``Auftrag`` rows that are "fertig" or "fehlgeschlagen" and ended before
    the cut-off, and the queue's finished entries (django-tasks-db, successful or failed) from
    before it: they keep the task's arguments, e.g. photo captions and file names. Waiting and
    running jobs stay.
    """
    grenze = timezone.now() - aelter_als
    anzahl, _geloescht = Auftrag.objects.filter(
        status__in=[Auftrag.Status.FERTIG, Auftrag.Status.FEHLGESCHLAGEN], beendet_am__lt=grenze
    ).delete()
    DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED], finished_at__lt=grenze
    ).delete()
    return anzahl


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


class Zeitlimit(Exception):  # noqa: N818 -- a German noun, like Django's own "DoesNotExist"
    """The job ran longer than its time limit."""


@contextmanager
def _grenzen(*, sekunden: int | None, speicher_mb: int | None) -> Iterator[None]:
    """A time limit (SIGALRM) and a memory limit (RLIMIT_AS) around a job's body.

    Both act on the whole process, so they are set only in the process's main thread, where the
    worker (``manage.py db_worker``) runs its tasks; a job run inside a web request (immediate
    backend) runs without them. Restored when the body ends.
    """
    hauptfaden = threading.current_thread() is threading.main_thread()
    alter_handler, alte_grenze = None, None
    if sekunden and hauptfaden:

        def abbrechen(signum: int, frame: FrameType | None) -> None:
            raise Zeitlimit

        alter_handler = signal.signal(signal.SIGALRM, abbrechen)
        signal.setitimer(signal.ITIMER_REAL, sekunden)
    if speicher_mb and hauptfaden:
        alte_grenze = resource.getrlimit(resource.RLIMIT_AS)
        hart = alte_grenze[1]
        weich = speicher_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (weich if hart == resource.RLIM_INFINITY else min(weich, hart), hart))
    try:
        yield
    finally:
        if alter_handler is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, alter_handler)
        if alte_grenze is not None:
            resource.setrlimit(resource.RLIMIT_AS, alte_grenze)


@contextmanager
def auftrag_ausfuehren(
    *, auftrag_id: str, zeitlimit: int | None = None, speicher_mb: int | None = None
) -> Iterator[Fortschritt]:
    """Run the body of a task as the job ``auftrag_id``, yielding its ``Fortschritt``.

    Runs outside any transaction of its own, so each report is visible to the status page at
    once; the body makes its writes atomic where they must be (e.g. one photo at a time). In the
    worker the body may run at most ``zeitlimit`` seconds and use at most ``speicher_mb`` MB of
    address space (defaults: settings ``DWK_AUFTRAG_MAX_SEKUNDEN``, ``DWK_AUFTRAG_MAX_SPEICHER_MB``;
    0 = no limit; see ``_grenzen``).
    Side effects: status "läuft" and ``begonnen_am`` at the start; at the end status "fertig"
    and ``beendet_am`` (unless the body called ``abschliessen`` itself). If the body raises a
    ValidationError, the job fails with its messages; past a limit it fails with a sentence
    naming the limit; any other exception fails it with a general German sentence and is logged
    with its traceback. All are raised again, so the queue records the task as failed too.
    """
    if zeitlimit is None:
        zeitlimit = settings.DWK_AUFTRAG_MAX_SEKUNDEN
    if speicher_mb is None:
        speicher_mb = settings.DWK_AUFTRAG_MAX_SPEICHER_MB
    auftrag = Auftrag.objects.get(pk=auftrag_id)
    fortschritt = Fortschritt(auftrag)
    fortschritt._schreiben(status=Auftrag.Status.LAEUFT, begonnen_am=timezone.now())

    def fehlgeschlagen(ergebnis: str, fehler: list[str] | None = None) -> None:
        felder = {"status": Auftrag.Status.FEHLGESCHLAGEN, "ergebnis": ergebnis, "beendet_am": timezone.now()}
        if fehler:
            felder["fehler"] = [*fortschritt.auftrag.fehler, *fehler]
        fortschritt._schreiben(**felder)

    try:
        with _grenzen(sekunden=zeitlimit, speicher_mb=speicher_mb):
            yield fortschritt
    except ValidationError as fehler:
        fehlgeschlagen(_("Der Auftrag wurde abgebrochen."), fehler.messages)
        raise
    except Zeitlimit:
        logger.warning("Hintergrundauftrag %s (%s): Zeitlimit %s s.", auftrag.pk, auftrag.art, zeitlimit)
        fehlgeschlagen(
            _("Der Auftrag wurde nach %(sekunden)s Sekunden abgebrochen (Zeitlimit).") % {"sekunden": zeitlimit}
        )
        raise
    except MemoryError:
        logger.warning("Hintergrundauftrag %s (%s): Speichergrenze %s MB.", auftrag.pk, auftrag.art, speicher_mb)
        fehlgeschlagen(
            _("Der Auftrag brauchte mehr Arbeitsspeicher als erlaubt (%(mb)s MB) und wurde abgebrochen.")
            % {"mb": speicher_mb}
        )
        raise
    except Exception:
        logger.exception("Hintergrundauftrag %s (%s) ist fehlgeschlagen.", auftrag.pk, auftrag.art)
        fehlgeschlagen(
            _(
                "Bei der Verarbeitung ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es erneut; "
                "bleibt der Fehler, findet das Projektteam die Ursache im Protokoll des Hintergrunddienstes."
            )
        )
        raise
    if fortschritt.auftrag.status != Auftrag.Status.FERTIG:
        fortschritt._schreiben(status=Auftrag.Status.FERTIG, beendet_am=timezone.now())
