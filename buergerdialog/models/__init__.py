"""The citizen dialogue: events with their checklist, catalogues, sustainability and results."""

from .bewertung import BewertungsErinnerung, Bewertungsrunde, ErgebnisBewertung, Umsetzung, Weitergabe
from .dokumentation import (
    Dokumentation,
    Dokumentationsanhang,
    Dokumentationsfoto,
    DokumentationStatus,
    Fragebogen,
)
from .einladung import Einladung, EinladungWeg
from .ergebnis import Ergebnis, ErgebnisArt
from .katalog import Beteiligungsgegenstand, Motto
from .partner import Partnerkonto
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
    "BewertungsErinnerung",
    "Bewertungsrunde",
    "Checklistenpunkt",
    "Dokumentation",
    "DokumentationStatus",
    "Dokumentationsanhang",
    "Dokumentationsfoto",
    "Einladung",
    "EinladungWeg",
    "Ergebnis",
    "ErgebnisArt",
    "Fragebogen",
    "ErgebnisBewertung",
    "Motto",
    "Nachhaltigkeit",
    "Partnerkonto",
    "Themengruppe",
    "Umsetzung",
    "Veranstaltung",
    "VeranstaltungFormat",
    "VeranstaltungStatus",
    "Weitergabe",
]
