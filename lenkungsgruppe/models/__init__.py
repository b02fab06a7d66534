"""The steering group (Lenkungsgruppe): members, meetings, minutes, decisions, tasks,
sectoral plans, urban-development projects and the project timeline — one module per subject.

``from lenkungsgruppe.models import X`` works for every model, choice and validator below.
"""

from .aufgabe import Aufgabe, AufgabeQuerySet, AufgabeStatus
from .beschluss import Beschluss, BeschlussArt, BeschlussQuerySet
from .organisation import Mitglied, MitgliedQuerySet, Organisation, OrganisationArt
from .planung import (
    PDF_MAX_BYTES,
    Fachplanung,
    FachplanungArt,
    FachplanungBewertung,
    FachplanungQuerySet,
    Meilenstein,
    MeilensteinStatus,
    Stadtentwicklungsprojekt,
    pdf_pruefen,
)
from .sitzung import Sitzung, SitzungFormat, SitzungQuerySet, Tagesordnungspunkt, Teilnahme, TeilnahmeStatus

__all__ = [
    "PDF_MAX_BYTES",
    "Aufgabe",
    "AufgabeQuerySet",
    "AufgabeStatus",
    "Beschluss",
    "BeschlussArt",
    "BeschlussQuerySet",
    "Fachplanung",
    "FachplanungArt",
    "FachplanungBewertung",
    "FachplanungQuerySet",
    "Meilenstein",
    "MeilensteinStatus",
    "Mitglied",
    "MitgliedQuerySet",
    "Organisation",
    "OrganisationArt",
    "Sitzung",
    "SitzungFormat",
    "SitzungQuerySet",
    "Stadtentwicklungsprojekt",
    "Tagesordnungspunkt",
    "Teilnahme",
    "TeilnahmeStatus",
    "pdf_pruefen",
]
