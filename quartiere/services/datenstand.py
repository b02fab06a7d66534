"""Changing a Datenstand (see ``quartiere.queries.datenstand``)."""

from functools import partial

from django.db import connection, transaction

from ..queries.datenstand import QUARTIERE

_WEITERZAEHLEN: dict[str, partial] = {}


def datenstand_erhoehen(zaehler: str = QUARTIERE) -> None:
    """Marks the data of the Datenstand ``zaehler`` (default: the ground data) as changed, so that every
    result cached for the old Datenstand is computed anew. For the ground data: called for every
    ``save()`` and ``delete()`` of a model of ``quartiere`` (signals in ``quartiere.apps``) and by every
    service that writes in bulk (``bulk_create``, ``update()``).

    Counts at once (a request inside the same transaction sees the new state) and once more after the
    commit: a request that read the new number before the commit computed from the old data, and its
    cache entry must not count as the new state.
    """
    weiterzaehlen = _WEITERZAEHLEN.setdefault(zaehler, partial(_weiterzaehlen, zaehler))
    weiterzaehlen()
    if connection.in_atomic_block and not any(f is weiterzaehlen for _ids, f, *_rest in connection.run_on_commit):
        transaction.on_commit(weiterzaehlen)


def _weiterzaehlen(zaehler: str) -> None:
    name = connection.ops.quote_name(zaehler)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(%s::regclass)", [zaehler])
        else:
            cursor.execute(f"UPDATE {name} SET stand = stand + 1")  # noqa: S608 -- a constant of the code
