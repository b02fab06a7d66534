"""Tasks for the tests of the job queue (module level, so the worker can import them by path)."""

import time

from django.core.exceptions import ValidationError
from django_tasks import task

from auftraege.services import auftrag_ausfuehren


@task()
def zaehlen(*, auftrag_id: str, bis: int) -> int:
    with auftrag_ausfuehren(auftrag_id=auftrag_id) as fortschritt:
        for zahl in range(1, bis + 1):
            if zahl == 2:
                fortschritt.fehler_melden(f"Schritt {zahl} ging nicht.")
            fortschritt.melden(erledigt=zahl, gesamt=bis, stand=f"{zahl} von {bis} gezählt")
        fortschritt.abschliessen(ergebnis=f"Bis {bis} gezählt.")
    return bis


@task()
def abgelehnt(*, auftrag_id: str) -> None:
    with auftrag_ausfuehren(auftrag_id=auftrag_id):
        raise ValidationError("Die Vorlage fehlt.")


@task()
def abgestuerzt(*, auftrag_id: str) -> None:
    with auftrag_ausfuehren(auftrag_id=auftrag_id):
        raise RuntimeError("geheimes Innenleben")


@task()
def endlos(*, auftrag_id: str) -> None:
    with auftrag_ausfuehren(auftrag_id=auftrag_id, zeitlimit=1):
        while True:
            time.sleep(0.05)


@task()
def gefraessig(*, auftrag_id: str, speicher_mb: int) -> int:
    with auftrag_ausfuehren(auftrag_id=auftrag_id, speicher_mb=speicher_mb):
        return len(bytearray(2 * 1024 * 1024 * 1024))
