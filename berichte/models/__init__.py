"""Reports to the political committees, their consultation and their released versions."""

from .beratung import Kommentar
from .bericht import Belegstand, Bericht, BerichtStatus, BerichtVersion, Gremium, ProfilDatei

__all__ = ["Belegstand", "Bericht", "BerichtStatus", "BerichtVersion", "Gremium", "Kommentar", "ProfilDatei"]
