"""Permission matrix of the two-factor login pages (dwk.zwei_faktor): every logged-in user may set
up a second factor; the test settings do not require one (tests/conftest.py). And the health check."""

from tests.matrix import ANMELDEN, ROLLEN

MATRIX = {
    # No app yet: the page with the QR code.
    "zwei_faktor_einrichten": ("get", {}, {"anonym": ANMELDEN, **dict.fromkeys(ROLLEN[1:], 200)}),
    # Without an app there is nothing to confirm: on to setting one up.
    "zwei_faktor_bestaetigen": ("get", {}, {"anonym": ANMELDEN, **dict.fromkeys(ROLLEN[1:], 302)}),
    "zwei_faktor_codes": ("get", {}, {"anonym": ANMELDEN, **dict.fromkeys(ROLLEN[1:], 200)}),
    # Health check of the containers and the load balancer: no login.
    "gesundheit": ("get", {}, dict.fromkeys(ROLLEN, 200)),
}


def anlegen(benutzer, quartier):
    return {}
