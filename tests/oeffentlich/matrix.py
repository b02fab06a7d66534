"""The permission matrix of the public pages: every role and anonymous visitors alike get 200
(the feedback form's address redirects a GET to the statement that holds the form)."""

from tests.matrix import ROLLEN
from tests.oeffentlich.stand import stand_anlegen

ALLE = dict.fromkeys(ROLLEN, 200)
Q = lambda o: {"slug": o["quartier"].slug}  # noqa: E731
K = lambda o: {"pk": o["oe_kommend"].pk}  # noqa: E731
V = lambda o: {"pk": o["oe_vergangen"].pk}  # noqa: E731

MATRIX = {
    "oeffentlich:projekt": ("get", {}, ALLE),
    "oeffentlich:quartiere": ("get", {}, ALLE),
    "oeffentlich:quartier": ("get", Q, ALLE),
    "oeffentlich:profil_pdf": ("get", Q, ALLE),
    "oeffentlich:veranstaltungen": ("get", {}, ALLE),
    "oeffentlich:kalender": ("get", {}, ALLE),
    "oeffentlich:veranstaltung": ("get", K, ALLE),
    "oeffentlich:flyer": ("get", K, ALLE),
    "oeffentlich:termin": ("get", K, ALLE),
    "oeffentlich:dokumentation": ("get", V, ALLE),
    "oeffentlich:foto": ("get", lambda o: {"pk": o["oe_vergangen"].pk, "foto_pk": o["oe_foto"].pk}, ALLE),
    "oeffentlich:neuigkeiten": ("get", {}, ALLE),
    "oeffentlich:neuigkeiten_feed": ("get", {}, ALLE),
    "oeffentlich:neuigkeit": ("get", lambda o: {"slug": o["oe_neuigkeit"].slug}, ALLE),
    "oeffentlich:pflichtseite": ("get", {"art": "barrierefreiheit"}, ALLE),
    "oeffentlich:rueckmeldung": ("get", {}, dict.fromkeys(ROLLEN, 302)),
    "oeffentlich:rueckmeldung_danke": ("get", {}, ALLE),
}


def anlegen(benutzer, quartier):
    """The public state of tests/oeffentlich/stand.py in the matrix's quarter Menglinghausen."""
    objekte = stand_anlegen(quartier=quartier)
    return {f"oe_{name}": objekt for name, objekt in objekte.items() if name != "quartier"}
