"""Changing the Datenstand of the ground data (see ``quartiere.queries.datenstand``)."""

from django.db import connection, transaction


def datenstand_erhoehen() -> None:
    """Marks the ground data as changed, so that every result cached for the old Datenstand is computed
    anew. Called for every ``save()`` and ``delete()`` of a model of ``quartiere`` (signals in
    ``quartiere.apps``) and by every service that writes in bulk (``bulk_create``, ``update()``).

    Counts at once (a request inside the same transaction sees the new state) and once more after the
    commit: a request that read the new number before the commit computed from the old data, and its
    cache entry must not count as the new state.
    """
    _weiterzaehlen()
    if connection.in_atomic_block and not any(f is _weiterzaehlen for _ids, f, *_rest in connection.run_on_commit):
        transaction.on_commit(_weiterzaehlen)


def _weiterzaehlen() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval('quartiere_datenstand')")
        else:
            cursor.execute("UPDATE quartiere_datenstand SET stand = stand + 1")
