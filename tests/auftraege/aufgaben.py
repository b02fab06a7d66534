"""Tasks for the tests of the job queue (module level, so the worker can import them by path)."""

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
