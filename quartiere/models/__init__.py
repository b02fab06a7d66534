"""The models of ``quartiere``, by subject; import them from here (``from quartiere.models import Quartier``)."""

from .gebiete import (
    Gebiet,
    Kommune,
    Quartier,
    QuartierStatus,
    QuartierUnterbezirk,
    Siedlungsepoche,
    Stadtbezirk,
    StatistischerBezirk,
    Unterbezirk,
)
from .handlungsfeld import Handlungsfeld, farbe_validator
from .infrastruktur import FORMEN, SYMBOLE, Barrierefreiheit, Infrastruktur, InfrastrukturKategorie, Infrastrukturquelle
from .kennzahlen import GEBIETSFELDER, Bewertungsrichtung, Ebene, Indikator, IndikatorArt, Kennzahl

__all__ = [
    "FORMEN",
    "GEBIETSFELDER",
    "SYMBOLE",
    "Barrierefreiheit",
    "Bewertungsrichtung",
    "Ebene",
    "Gebiet",
    "Handlungsfeld",
    "Indikator",
    "IndikatorArt",
    "Infrastruktur",
    "InfrastrukturKategorie",
    "Infrastrukturquelle",
    "Kennzahl",
    "Kommune",
    "Quartier",
    "QuartierStatus",
    "QuartierUnterbezirk",
    "Siedlungsepoche",
    "Stadtbezirk",
    "StatistischerBezirk",
    "Unterbezirk",
    "farbe_validator",
]
