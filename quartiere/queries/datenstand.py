"""The Datenstand of the ground data and the cache of what is computed from it.

The ground data are every model of ``quartiere`` (areas, quarters and what they cover, indicators
and values, facilities). Every write to them changes the Datenstand
(``quartiere.services.datenstand.datenstand_erhoehen``: by a signal for every ``save()`` and
``delete()``, and by the services that write in bulk). A result computed from the ground data is
kept in the cache (``settings.CACHES``, by default a table of the database that every web server
shares) under a key that contains the Datenstand: after a change the next request computes anew,
and old entries are never read again (they expire after ``CACHES["default"]["TIMEOUT"]``).
"""

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import connection

T = TypeVar("T")
_FEHLT = object()


def datenstand() -> int:
    """The current Datenstand: a number that changes with every write to the ground data. 1 query."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT last_value FROM quartiere_datenstand")
        else:
            cursor.execute("SELECT stand FROM quartiere_datenstand")
        return cursor.fetchone()[0]


def cache_schluessel(name: str, *teile: object, stand: int | None = None) -> str:
    """The cache key of ``name`` with ``teile`` (their ``repr``) at the Datenstand ``stand`` (default: now)."""
    stand = datenstand() if stand is None else stand
    pruefsumme = hashlib.sha256(repr(teile).encode()).hexdigest()[:32]
    return f"quartiere:{name}:{stand}:{pruefsumme}"


def zwischengespeichert(name: str, *teile: object, berechnen: Callable[[], T]) -> T:
    """``berechnen()`` for the current Datenstand, from the cache if it was computed before.

    ``name`` and ``teile`` (anything with a stable ``repr``: ids, keys, years) tell results apart;
    the result must be picklable. 2 queries when cached (Datenstand, cache), else those of
    ``berechnen()`` and the cache's own.
    """
    schluessel = cache_schluessel(name, *teile)
    wert = cache.get(schluessel, _FEHLT)
    if wert is _FEHLT:
        wert = berechnen()
        cache.set(schluessel, wert)
    return wert


def inhaltlich_zwischengespeichert(name: str, *eingaben: object, berechnen: Callable[[], T]) -> T:
    """``berechnen()`` from the cache under a key made of ``eingaben`` alone (no Datenstand): for results
    that depend on nothing but these inputs, such as a chart drawn from a list of values. 1 query when
    cached."""
    schluessel = f"quartiere:{name}:" + hashlib.sha256(repr(eingaben).encode()).hexdigest()[:40]
    wert = cache.get(schluessel, _FEHLT)
    if wert is _FEHLT:
        wert = berechnen()
        cache.set(schluessel, wert)
    return wert
