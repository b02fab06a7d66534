"""Permission matrix of the walking network (see tests/dwk/test_berechtigungen.py)."""

from tests.factories import BefundFactory
from tests.matrix import ANMELDEN, ROLLEN, nur
from wegenetz.models import Barriere, Wegabschnitt

from .netze import FUSSWEG, netz_bauen

# Read like the infrastructure: everyone but the council office; a quarter's page by its readers.
LESEN = {**nur("projektteam", "lenkungsgruppe", "partner", "partner_fremd", "superuser"), "anonym": ANMELDEN}
NUR_PROJEKTTEAM_POST = {**dict.fromkeys(ROLLEN, 403), "anonym": ANMELDEN, "projektteam": 302, "superuser": 302}

MATRIX = {
    "wegenetz:uebersicht": ("get", {}, LESEN),
    "wegenetz:isochronen": ("get", {}, LESEN),
    "wegenetz:quartier": (
        "get",
        lambda o: {"slug": o["quartier"].slug},
        nur("projektteam", "lenkungsgruppe", "partner", "superuser"),
    ),
    "wegenetz:import": ("get", {}, nur("projektteam", "superuser")),
    "wegenetz:profil_bearbeiten": ("get", {"art": "rollator"}, nur("projektteam", "superuser")),
    "wegenetz:barriere_neu": ("get", {}, nur("projektteam", "superuser")),
    "wegenetz:berechnen": ("post", {}, NUR_PROJEKTTEAM_POST),
    "wegenetz:barriere_loesen": ("post", lambda o: {"pk": o["barriere"].pk}, NUR_PROJEKTTEAM_POST),
}


def anlegen(benutzer, quartier):
    """A small network with one barrier (a finding tied to its first edge). The network lies in the
    quarter's Stadtbezirk wherever the factories' grid put it (edges outside are dropped)."""
    innen = quartier.stadtbezirk.geometrie.point_on_surface
    netz_bauen([([(0, 0), (10, 0), (10, 10)], FUSSWEG)], ursprung=(innen.x, innen.y))
    barriere = Barriere.objects.create(befund=BefundFactory(), wegabschnitt=Wegabschnitt.objects.first())
    return {"barriere": barriere}
