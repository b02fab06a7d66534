"""Pages of the reports app: the list and the quarter profile PDF (``profil``), committee reports
with their consultation, release and versions (``berichte``)."""

from .berichte import (
    BeratungView,
    BerichtBearbeitenView,
    BerichtDetailView,
    BerichtNeuView,
    EntwurfPdfView,
    FreigabeView,
    KommentarErledigtView,
    KommentierenView,
    OParlView,
    VersionPdfView,
    VersionVergleichView,
)
from .profil import BerichtListView, ProfilFreigebenView, QuartiersprofilPdfView

__all__ = [
    "BeratungView",
    "BerichtBearbeitenView",
    "BerichtDetailView",
    "BerichtListView",
    "BerichtNeuView",
    "EntwurfPdfView",
    "FreigabeView",
    "KommentarErledigtView",
    "KommentierenView",
    "OParlView",
    "ProfilFreigebenView",
    "QuartiersprofilPdfView",
    "VersionPdfView",
    "VersionVergleichView",
]
