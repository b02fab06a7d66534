"""The state of the walking network's own data, for caching what is computed from it.

What the coverage on the network (``abdeckung``) shows depends on the ground data of ``quartiere``
(quarters, categories, facilities: their Datenstand, ``quartiere.queries.datenstand``) and on the
network's own tables: the current network, the walking profiles, the barriers and the stored
distance fields. ``netz_datenstand`` reads the latter in one query; a result cached under both
changes with any of them (a new import, a profile saved, a barrier set, a field computed anew).
"""

import hashlib

from django.db import connection

from ..models import Barriere, Distanzfeld, Netzstand, Wegprofil

# Per table, aggregates that change with every insert, delete and relevant update of its rows.
_AGGREGATE = (
    (Netzstand, ("COUNT(*)", "MAX(id)", "MAX(importiert_am)")),
    (Wegprofil, ("COUNT(*)", "MAX(updated_at)")),
    (Barriere, ("COUNT(*)", "MAX(id)", "SUM(wegabschnitt_id)")),
    (Distanzfeld, ("COUNT(*)", "MAX(berechnet_am)", "SUM(id)")),
)


def netz_datenstand() -> str:
    """A short fingerprint of the walking network's own data (network, profiles, barriers, distance
    fields). One query."""
    # Table and column names of the code, never input.
    spalten = [
        f"(SELECT {ausdruck} FROM {connection.ops.quote_name(modell._meta.db_table)})"  # noqa: S608
        for modell, ausdruecke in _AGGREGATE
        for ausdruck in ausdruecke
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(spalten))
        zeile = cursor.fetchone()
    return hashlib.sha256(repr(zeile).encode()).hexdigest()[:20]
