"""The Datenstand of the quarter profiles' data (see ``quartiere.queries.datenstand``).

It changes with every write of a service of ``quartiersprofil`` (``services.datenstand``): profile
versions and sections with their links, walk-throughs, findings, photos, sources, survey answers,
measures, key persons and talks. What a profile page shows depends on these and on the ground data
(indicator values, coverage, names of fields of action and facilities), so its parts are cached
under both Datenstände.
"""

from collections.abc import Callable
from typing import TypeVar

from quartiere.queries.datenstand import QUARTIERE, datenstaende, zwischengespeichert

T = TypeVar("T")

PROFIL = "quartiersprofil_datenstand"


def profil_zwischengespeichert(name: str, *teile: object, berechnen: Callable[[], T]) -> T:
    """``berechnen()`` for the current Datenstände of the ground data and of the profiles, from the cache
    if it was computed before (2 queries then). ``teile`` tell results apart (see ``zwischengespeichert``)."""
    return zwischengespeichert(f"quartiersprofil:{name}", *teile, berechnen=berechnen, zaehler=(QUARTIERE, PROFIL))


def profil_datenstaende() -> tuple[int, int]:
    """The Datenstände of the ground data and of the profiles, for keys of cached page fragments. 1 query."""
    return datenstaende((QUARTIERE, PROFIL))
