"""Permission matrix of the background jobs (see tests/dwk/test_berechtigungen.py)."""

from auftraege.services import auftrag_starten
from tests.auftraege.aufgaben import zaehlen
from tests.matrix import nur

MATRIX = {
    # A job started by the Projektteam member: only they and the Projektteam see it.
    "auftraege:status": ("get", lambda o: {"pk": o["auftrag"].pk}, nur("projektteam", "superuser")),
}


def anlegen(benutzer, quartier):
    """A job waiting in the database queue (no worker runs in the matrix)."""
    auftrag = auftrag_starten(aufgabe=zaehlen, titel="Zählen", benutzer=benutzer["projektteam"], argumente={"bis": 3})
    return {"auftrag": auftrag}
