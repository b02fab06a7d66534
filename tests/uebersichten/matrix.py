"""The uebersichten part of the permission matrix (see tests/dwk/test_berechtigungen.py)."""

from tests.matrix import nur

# The Kommunalprofil is a committee document: Projektteam, steering group and council office.
KOMMUNALPROFIL = ("projektteam", "lenkungsgruppe", "ratsbuero", "superuser")
# The progress report to the programme: the project's own account.
SACHSTAND = ("projektteam", "lenkungsgruppe", "superuser")

# name: (method, kwargs, {role: expected})
MATRIX = {
    "uebersichten:kommunalprofil": ("get", {}, nur(*KOMMUNALPROFIL)),
    "uebersichten:kommunalprofil_pdf": ("get", {}, nur(*KOMMUNALPROFIL)),
    "uebersichten:sachstandsbericht": ("get", {}, nur(*SACHSTAND)),
    "uebersichten:sachstandsbericht_pdf": ("get", {}, nur(*SACHSTAND)),
}


def anlegen(benutzer, quartier):
    """Nothing beyond the shared state: the quarter's Stadtbezirk brings the city with it."""
    return {}
