"""Reads of the walking network: the graph, coverage per quarter, isochrones.

Other apps use ``netz_abdeckung(quartier=...)`` (None when no network is imported).
"""

from .abdeckung import (
    REFERENZ_M_S,
    Netzabdeckung,
    Netzerreichbarkeit,
    Profilwert,
    gehzeit_s,
    netz_abdeckung,
)
from .isochronen import STUFEN_MIN, Isochrone, KeinNetz, isochrone_berechnen
from .netz import aktuelles_netz, netzgraph

__all__ = [
    "REFERENZ_M_S",
    "STUFEN_MIN",
    "Isochrone",
    "KeinNetz",
    "Netzabdeckung",
    "Netzerreichbarkeit",
    "Profilwert",
    "aktuelles_netz",
    "gehzeit_s",
    "isochrone_berechnen",
    "netz_abdeckung",
    "netzgraph",
]
