"""Writes of the public pages: news, statutory pages, the project page's texts, releases of events
and photos, and the feedback on barriers (sent, never stored)."""

from .freigaben import (
    foto_freigabe_zuruecknehmen,
    foto_freigeben,
    veranstaltung_freigabe_zuruecknehmen,
    veranstaltung_freigeben,
)
from .inhalte import (
    auftritt_speichern,
    neuigkeit_loeschen,
    neuigkeit_speichern,
    neuigkeit_veroeffentlichen,
    neuigkeit_zurueckziehen,
    pflichtseite_speichern,
    quartiersseite_speichern,
)
from .rueckmeldung import (
    RueckmeldungAbgelehnt,
    rueckmeldung_senden,
    rueckmeldung_zaehlen,
    rueckmeldungszaehler_aufraeumen,
)

__all__ = [
    "RueckmeldungAbgelehnt",
    "auftritt_speichern",
    "foto_freigabe_zuruecknehmen",
    "foto_freigeben",
    "neuigkeit_loeschen",
    "neuigkeit_speichern",
    "neuigkeit_veroeffentlichen",
    "neuigkeit_zurueckziehen",
    "pflichtseite_speichern",
    "quartiersseite_speichern",
    "rueckmeldung_senden",
    "rueckmeldung_zaehlen",
    "rueckmeldungszaehler_aufraeumen",
    "veranstaltung_freigabe_zuruecknehmen",
    "veranstaltung_freigeben",
]
