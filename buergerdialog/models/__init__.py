"""The citizen dialogue: events with their checklist, catalogues, sustainability and results."""

from .ergebnis import Ergebnis, ErgebnisArt
from .katalog import Beteiligungsgegenstand, Motto
from .veranstaltung import (
    Checklistenpunkt,
    Nachhaltigkeit,
    Themengruppe,
    Veranstaltung,
    VeranstaltungFormat,
    VeranstaltungStatus,
)

__all__ = [
    "Beteiligungsgegenstand",
    "Checklistenpunkt",
    "Ergebnis",
    "ErgebnisArt",
    "Motto",
    "Nachhaltigkeit",
    "Themengruppe",
    "Veranstaltung",
    "VeranstaltungFormat",
    "VeranstaltungStatus",
]
