"""Shared names of the permission matrix (see tests/dwk/test_berechtigungen.py)."""

import importlib
import importlib.util
import pkgutil
from pathlib import Path

ROLLEN = ["anonym", "projektteam", "lenkungsgruppe", "ratsbuero", "partner", "partner_fremd", "superuser"]
ANMELDEN = "anmelden"  # the expected outcome "a redirect to the login page"


def nur(*rollen, sonst=403):
    """Expected outcomes: 200 for ``rollen``, a login redirect for anonymous users, ``sonst`` for the rest."""
    return {rolle: ANMELDEN if rolle == "anonym" else (200 if rolle in rollen else sonst) for rolle in ROLLEN}


def teilmatrizen():
    """The ``tests/<app>/matrix.py`` modules: each has a ``MATRIX`` and an ``anlegen(benutzer, quartier)``."""
    return [
        importlib.import_module(f"tests.{paket.name}.matrix")
        for paket in pkgutil.iter_modules([str(Path(__file__).resolve().parent)])
        if paket.ispkg and importlib.util.find_spec(f"tests.{paket.name}.matrix")
    ]


def stand_anlegen():
    """The database state every request of the matrix runs against: a user per role, the Quartier
    Menglinghausen (with the partner) and the objects of every part of the matrix.

    Returns ``{"benutzer": {role: user or None}, "quartier": ..., "objekte": {name: object}}``."""
    from dwk.permissions import LENKUNGSGRUPPE, PARTNER, PROJEKTTEAM, RATSBUERO
    from quartiere.services import quartier_unterbezirke_ableiten
    from tests.factories import QuartierFactory, UnterbezirkFactory, UserFactory

    benutzer = {
        "anonym": None,
        "projektteam": UserFactory(username="pt", rolle=PROJEKTTEAM),
        "lenkungsgruppe": UserFactory(username="lg", rolle=LENKUNGSGRUPPE),
        "ratsbuero": UserFactory(username="rb", rolle=RATSBUERO),
        "partner": UserFactory(username="pa", rolle=PARTNER),
        "partner_fremd": UserFactory(username="pf", rolle=PARTNER),
        "superuser": UserFactory(username="su", is_superuser=True, is_staff=True),
    }
    unterbezirk = UnterbezirkFactory()
    quartier = QuartierFactory(name="Menglinghausen", slug="menglinghausen", stadtbezirk=unterbezirk.bezirk.stadtbezirk)
    quartier.partner.add(benutzer["partner"])
    quartier_unterbezirke_ableiten(quartier=quartier)
    objekte = {"quartier": quartier}
    for teil in teilmatrizen():
        objekte.update(teil.anlegen(benutzer, quartier))
    return {"benutzer": benutzer, "quartier": quartier, "objekte": objekte}
