"""Datenstände and the cache of what is computed from them.

A Datenstand is a number that changes with every write to one area of data. There are two:

- ``QUARTIERE`` (the default): the ground data, every model of ``quartiere`` (areas, quarters and
  what they cover, indicators and values, facilities). Every write to them changes it
  (``quartiere.services.datenstand.datenstand_erhoehen``: by a signal for every ``save()`` and
  ``delete()``, and by the services that write in bulk).
- ``quartiersprofil.queries.datenstand.PROFIL``: the quarter profiles' own data (versions, sections,
  evidence, measures, key persons, talks), counted by the services of ``quartiersprofil``.

A result computed from the data is kept in the cache (``settings.CACHES``, by default a table of the
database that every web server shares) under a key that contains the Datenstände it depends on:
after a change the next request computes anew, and old entries are never read again (they expire
after ``CACHES["default"]["TIMEOUT"]``).

Each Datenstand is a PostgreSQL sequence (SQLite: a one-row table with the column ``stand``) of the
same name, created by a migration of its app.
"""

import hashlib
from collections.abc import Callable, Sequence
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.utils.translation import get_language

T = TypeVar("T")
_FEHLT = object()

QUARTIERE = "quartiere_datenstand"


def datenstaende(zaehler: Sequence[str] = (QUARTIERE,)) -> tuple[int, ...]:
    """The current numbers of the Datenstände ``zaehler`` (names of their sequences), in one query."""
    spalte = "last_value" if connection.vendor == "postgresql" else "stand"
    # The names are constants of the code (QUARTIERE, quartiersprofil's PROFIL), never input.
    teile = [f"(SELECT {spalte} FROM {connection.ops.quote_name(z)})" for z in zaehler]  # noqa: S608
    sql = "SELECT " + ", ".join(teile)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(cursor.fetchone())


def datenstand(zaehler: str = QUARTIERE) -> int:
    """The current Datenstand: a number that changes with every write to the ground data. 1 query."""
    return datenstaende((zaehler,))[0]


def cache_schluessel(name: str, *teile: object, stand: int | None = None, zaehler: Sequence[str] = (QUARTIERE,)) -> str:
    """The cache key of ``name`` with ``teile`` (their ``repr``) at the Datenstand ``stand`` (default:
    now, of every Datenstand in ``zaehler``), in the active language (a result may hold translated text)."""
    staende = (stand,) if stand is not None else datenstaende(zaehler)
    pruefsumme = hashlib.sha256(repr((get_language(), *teile)).encode()).hexdigest()[:32]
    return f"quartiere:{name}:{'-'.join(str(s) for s in staende)}:{pruefsumme}"


def zwischengespeichert(
    name: str,
    *teile: object,
    berechnen: Callable[[], T],
    zaehler: Sequence[str] = (QUARTIERE,),
    stand: int | None = None,
) -> T:
    """``berechnen()`` for the current Datenstände ``zaehler`` (default: the ground data), from the
    cache if it was computed before.

    ``name`` and ``teile`` (anything with a stable ``repr``: ids, keys, years) tell results apart;
    the result must be picklable. 2 queries when cached (Datenstände, cache), else those of
    ``berechnen()`` and the cache's own. ``stand``: the Datenstand of a single ``zaehler`` the caller
    has read already (one query less).
    """
    schluessel = cache_schluessel(name, *teile, stand=stand, zaehler=zaehler)
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
