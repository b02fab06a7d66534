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


def ohne_anmeldung(matrix):
    """The URL names of ``matrix`` that anonymous users reach without the redirect to the login page."""
    return [name for name in sorted(matrix) if matrix[name][2]["anonym"] != ANMELDEN]


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


class Sitzungen:
    """One logged-in session per role of ``benutzer`` (``stand_anlegen``), made by ``Client.force_login``
    once, as the tests did before in each test: a test then only sets its role's session cookie
    (``anmelden``), which spares the login of every test (session, ``cycle_key``, the login signals).

    Made inside the module's database state (``matrix_stand``), the sessions are rolled back with it;
    each test runs in a savepoint, so a test that ends or changes its session (logging out, a renewal
    by ``SitzungsdauerMiddleware``) leaves it as it was for the next one. ``anmelden`` checks that:
    the session it hands out still belongs to the role's user. Should the module run longer than half
    the idle or absolute session limit, a test logs in anew (``force_login``) instead."""

    def __init__(self, benutzer):
        import time

        from django.conf import settings
        from django.test import Client

        self.benutzer = benutzer
        self.angelegt_um = time.time()
        self.grenze = min(settings.SESSION_COOKIE_AGE, settings.DWK_SITZUNG_HOECHSTDAUER_STUNDEN * 3600) / 2
        self.schluessel = {}
        for rolle, person in benutzer.items():
            if person is not None:
                client = Client()
                client.force_login(person)
                self.schluessel[rolle] = client.cookies[settings.SESSION_COOKIE_NAME].value

    def anmelden(self, client, rolle):
        """Log ``client`` in as ``rolle`` (nothing for ``anonym``) with the role's session."""
        import time
        from importlib import import_module

        from django.conf import settings
        from django.contrib.auth import SESSION_KEY

        person = self.benutzer[rolle]
        if person is None:
            return
        if time.time() - self.angelegt_um > self.grenze:
            client.force_login(person)
            return
        schluessel = self.schluessel[rolle]
        daten = import_module(settings.SESSION_ENGINE).SessionStore(session_key=schluessel).load()
        assert daten.get(SESSION_KEY) == str(person.pk), f"Sitzung von {rolle} nicht mehr da"
        client.cookies[settings.SESSION_COOKIE_NAME] = schluessel
