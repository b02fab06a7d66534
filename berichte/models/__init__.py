"""Reports to the political committees, their consultation and their released versions."""

from .beratung import Kommentar
from .bericht import Bericht, BerichtStatus, BerichtVersion, Gremium, ProfilDatei

__all__ = ["Bericht", "BerichtStatus", "BerichtVersion", "Gremium", "Kommentar", "ProfilDatei"]
