"""The quarter profile and its evidence, by subject: walk-throughs with findings and photos
(``begehungen``), reviewed sources (``quellen``), the survey of the senior offices
(``befragung``), key persons and talks (``personen``), the texts per field of action, versioned
(``profil``), and the measure proposals (``massnahmen``).

Personal data live only in ``Akteur`` (names, contact details); everything else refers to a
person through it, so export and erasure have one place to look.
"""

from .befragung import Antwort, Befragung, Frage
from .begehungen import (
    Befund,
    BefundArt,
    Foto,
    Quartiersbegehung,
    foto_pfad_druck,
    foto_pfad_original,
    foto_pfad_web,
)
from .massnahmen import Massnahme, MassnahmeHerkunft, MassnahmeMeilenstein, MassnahmeStatus, Prioritaet
from .personen import Akteur, Gespraech, GespraechArt
from .profil import BELEG_FELDER, TEXT_FELDER, ProfilAbschnitt, Profilfassung, ProfilStatus
from .quellen import Quelle, QuelleArt, QuellenAuszug

__all__ = [
    "BELEG_FELDER",
    "TEXT_FELDER",
    "Akteur",
    "Antwort",
    "Befragung",
    "Befund",
    "BefundArt",
    "Foto",
    "Frage",
    "Gespraech",
    "GespraechArt",
    "Massnahme",
    "MassnahmeHerkunft",
    "MassnahmeMeilenstein",
    "MassnahmeStatus",
    "Prioritaet",
    "ProfilAbschnitt",
    "ProfilStatus",
    "Profilfassung",
    "Quartiersbegehung",
    "Quelle",
    "QuelleArt",
    "QuellenAuszug",
    "foto_pfad_druck",
    "foto_pfad_original",
    "foto_pfad_web",
]
