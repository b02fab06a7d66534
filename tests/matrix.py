"""Shared names of the permission matrix (see tests/dwk/test_berechtigungen.py)."""

ROLLEN = ["anonym", "projektteam", "lenkungsgruppe", "ratsbuero", "partner", "partner_fremd", "superuser"]
ANMELDEN = "anmelden"  # the expected outcome "a redirect to the login page"


def nur(*rollen, sonst=403):
    """Expected outcomes: 200 for ``rollen``, a login redirect for anonymous users, ``sonst`` for the rest."""
    return {rolle: ANMELDEN if rolle == "anonym" else (200 if rolle in rollen else sonst) for rolle in ROLLEN}
