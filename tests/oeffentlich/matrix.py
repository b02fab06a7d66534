"""The permission matrix of the public pages: every role and anonymous visitors alike get 200
(the feedback form's address redirects a GET to the statement that holds the form). Projektteam's
pages that keep them (``redaktion:``) are Projektteam's alone; their POST-only addresses answer a
GET with 405."""

from tests.matrix import ROLLEN, nur
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

REDAKTION = nur("projektteam", "superuser")
NUR_POST = {**REDAKTION, "projektteam": 405, "superuser": 405}
N = lambda o: {"pk": o["oe_neuigkeit"].pk}  # noqa: E731
F = lambda o: {"pk": o["oe_foto"].pk}  # noqa: E731

MATRIX.update(
    {
        "redaktion:uebersicht": ("get", {}, REDAKTION),
        "redaktion:neuigkeit_liste": ("get", {}, REDAKTION),
        "redaktion:neuigkeit_neu": ("get", {}, REDAKTION),
        "redaktion:neuigkeit_vorschau": ("get", N, REDAKTION),
        "redaktion:neuigkeit_bearbeiten": ("get", N, REDAKTION),
        "redaktion:neuigkeit_veroeffentlichen": ("get", N, NUR_POST),
        "redaktion:neuigkeit_zurueckziehen": ("get", N, NUR_POST),
        "redaktion:neuigkeit_loeschen": ("get", N, REDAKTION),
        "redaktion:pflichtseite_liste": ("get", {}, REDAKTION),
        "redaktion:pflichtseite_bearbeiten": ("get", {"art": "impressum"}, REDAKTION),
        "redaktion:auftritt_bearbeiten": ("get", {}, REDAKTION),
        "redaktion:quartiersseite_bearbeiten": ("get", Q, REDAKTION),
        "redaktion:veranstaltung_liste": ("get", {}, REDAKTION),
        "redaktion:veranstaltung_freigabe": ("get", K, REDAKTION),
        "redaktion:veranstaltung_freigabe_zuruecknehmen": ("get", K, REDAKTION),
        "redaktion:foto_liste": ("get", V, REDAKTION),
        "redaktion:foto_freigabe": ("get", F, REDAKTION),
        "redaktion:foto_freigabe_zuruecknehmen": ("get", F, REDAKTION),
    }
)


def anlegen(benutzer, quartier):
    """The public state of tests/oeffentlich/stand.py in the matrix's quarter Menglinghausen."""
    objekte = stand_anlegen(quartier=quartier)
    return {f"oe_{name}": objekt for name, objekt in objekte.items() if name != "quartier"}
