"""Writes of the walking network: import, distance fields, profiles, barriers."""

from .distanzfelder import (
    distanzfelder_aufgabe,
    distanzfelder_berechnen,
    distanzfelder_nachziehen,
    distanzfelder_neu_starten,
)
from .netz_import import Importbericht, Weg, wegenetz_aus_wegen, wegenetz_importieren

__all__ = [
    "Importbericht",
    "Weg",
    "distanzfelder_aufgabe",
    "distanzfelder_berechnen",
    "distanzfelder_nachziehen",
    "distanzfelder_neu_starten",
    "wegenetz_aus_wegen",
    "wegenetz_importieren",
]
