"""The quartiere part of the permission matrix (see tests/dwk/test_berechtigungen.py)."""

from tests.factories import InfrastrukturFactory
from tests.matrix import ANMELDEN, nur

LESEN_ALLE = ("projektteam", "lenkungsgruppe", "superuser")
NUR_PROJEKTTEAM = ("projektteam", "superuser")

# name: (method, kwargs, {role: expected})
MATRIX = {
    # --- Small-area analysis: indicators and values -------------------------------------------
    "quartiere:analyse": ("get", {}, nur(*LESEN_ALLE, "partner", "partner_fremd")),
    "quartiere:quartier_analyse": ("get", {"slug": "menglinghausen"}, nur(*LESEN_ALLE, "partner")),
    "quartiere:indikator_karte": ("get", {"schluessel": "anteil_80plus"}, nur(*LESEN_ALLE)),
    "quartiere:indikator_geojson": ("get", {"schluessel": "anteil_80plus"}, nur(*LESEN_ALLE)),
    "quartiere:kennzahlen_import": ("get", {}, nur(*NUR_PROJEKTTEAM)),
    # Without an upload waiting for confirmation, Projektteam is sent back to the upload form.
    "quartiere:kennzahlen_import_bestaetigen": (
        "get",
        {},
        {**nur(*NUR_PROJEKTTEAM), "projektteam": 302, "superuser": 302, "anonym": ANMELDEN},
    ),
    # --- Infrastructure inventory and walking-distance coverage ----------------------------------
    "quartiere:infrastruktur_liste": ("get", {}, nur(*LESEN_ALLE, "partner", "partner_fremd")),
    "quartiere:infrastruktur_neu": ("get", {}, nur(*NUR_PROJEKTTEAM)),
    "quartiere:infrastruktur_import": ("get", {}, nur(*NUR_PROJEKTTEAM)),
    "quartiere:infrastruktur_detail": (
        "get",
        lambda o: {"pk": o["infrastruktur"].pk},
        nur(*LESEN_ALLE, "partner", "partner_fremd"),
    ),
    "quartiere:infrastruktur_bearbeiten": ("get", lambda o: {"pk": o["infrastruktur"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiere:infrastruktur_loeschen": ("get", lambda o: {"pk": o["infrastruktur"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiere:infrastruktur_kategorien": ("get", {}, nur(*LESEN_ALLE, "partner", "partner_fremd")),
    "quartiere:infrastruktur_kategorie_neu": ("get", {}, nur(*NUR_PROJEKTTEAM)),
    "quartiere:infrastruktur_kategorie_bearbeiten": (
        "get",
        lambda o: {"pk": o["infrastruktur"].kategorie_id},
        nur(*NUR_PROJEKTTEAM),
    ),
    "quartiere:quartier_infrastruktur": ("get", {"slug": "menglinghausen"}, nur(*LESEN_ALLE, "partner")),
}


def anlegen(benutzer, quartier):
    """The indicator catalogue comes from the data migration 0005; a facility for the infrastructure URLs."""
    return {"infrastruktur": InfrastrukturFactory()}
