"""The permission matrix: every URL pattern × every role (and anonymous), with the expected status.

The matrix must list every named URL pattern of the project; a new pattern that is missing
here makes ``test_matrix_listet_jedes_url_muster`` fail. The Django admin is listed by its
index page; its other pages are the admin's own (staff only, checked by Django).

Each later app adds its part in ``tests/<app>/matrix.py``: a ``MATRIX`` of the same shape and
an ``anlegen(benutzer, quartier)`` that creates the objects its URLs need and returns them by
name; a kwargs entry may then be a function of that dict (``lambda o: {"pk": o["sitzung"].pk}``).
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.matrix import ANMELDEN, ROLLEN, Sitzungen, nur, teilmatrizen

# name: (method, kwargs, {role: expected})
MATRIX = {
    # Anonymous visitors are sent to the public project page (oeffentlich).
    "start": ("get", {}, {**dict.fromkeys(ROLLEN, 200), "anonym": 302}),
    "handlungsfeld_farben": ("get", {}, dict.fromkeys(ROLLEN, 200)),
    "login": ("get", {}, {"anonym": 200, **dict.fromkeys(ROLLEN[1:], 302)}),
    "logout": ("post", {}, dict.fromkeys(ROLLEN, 302)),
    # Login locks: only Projektteam sees them and lifts one (a POST that redirects back to the list).
    "anmeldesperren": ("get", {}, nur("projektteam", "superuser")),
    "anmeldesperre_aufheben": ("post", {}, {**nur("projektteam", "superuser"), "projektteam": 302, "superuser": 302}),
    "uebersicht": ("get", {}, {"anonym": ANMELDEN, **dict.fromkeys(ROLLEN[1:], 200)}),
    "quartiere:karte": (
        "get",
        {},
        {
            "anonym": ANMELDEN,
            "projektteam": 200,
            "lenkungsgruppe": 200,
            "ratsbuero": 403,
            "partner": 200,
            "partner_fremd": 200,
            "superuser": 200,
        },
    ),
    "quartiere:ebene_geojson": (
        "get",
        {"ebene": "stadtbezirke"},
        {
            "anonym": ANMELDEN,
            "projektteam": 200,
            "lenkungsgruppe": 200,
            "ratsbuero": 403,
            "partner": 200,
            "partner_fremd": 200,
            "superuser": 200,
        },
    ),
    "quartiere:liste": (
        "get",
        {},
        {
            "anonym": ANMELDEN,
            "projektteam": 200,
            "lenkungsgruppe": 200,
            "ratsbuero": 403,
            "partner": 200,
            "partner_fremd": 200,
            "superuser": 200,
        },
    ),
    "quartiere:neu": (
        "get",
        {},
        {
            "anonym": ANMELDEN,
            "projektteam": 200,
            "lenkungsgruppe": 403,
            "ratsbuero": 403,
            "partner": 403,
            "partner_fremd": 403,
            "superuser": 200,
        },
    ),
    "quartiere:detail": (
        "get",
        {"slug": "menglinghausen"},
        {
            "anonym": ANMELDEN,
            "projektteam": 200,
            "lenkungsgruppe": 200,
            "ratsbuero": 403,
            "partner": 200,
            "partner_fremd": 403,
            "superuser": 200,
        },
    ),
    "quartiere:bearbeiten": (
        "get",
        {"slug": "menglinghausen"},
        {
            "anonym": ANMELDEN,
            "projektteam": 200,
            "lenkungsgruppe": 403,
            "ratsbuero": 403,
            "partner": 403,
            "partner_fremd": 403,
            "superuser": 200,
        },
    ),
    "quartiere:gebiete_import": (
        "get",
        {},
        {
            "anonym": ANMELDEN,
            "projektteam": 200,
            "lenkungsgruppe": 403,
            "ratsbuero": 403,
            "partner": 403,
            "partner_fremd": 403,
            "superuser": 200,
        },
    ),
    # Staff only; the admin sends everyone else to its own login page.
    "admin:index": (
        "get",
        {},
        {
            "anonym": 302,
            "projektteam": 302,
            "lenkungsgruppe": 302,
            "ratsbuero": 302,
            "partner": 302,
            "partner_fremd": 302,
            "superuser": 200,
        },
    ),
}


TEILMATRIZEN = teilmatrizen()
for teil in TEILMATRIZEN:
    assert not set(teil.MATRIX) & set(MATRIX), f"{teil.__name__} überschreibt Einträge"
    MATRIX.update(teil.MATRIX)


def _muster(resolver, namespace=""):
    for eintrag in resolver.url_patterns:
        if isinstance(eintrag, URLResolver):
            ns = f"{namespace}{eintrag.namespace}:" if eintrag.namespace else namespace
            yield from _muster(eintrag, ns)
        elif isinstance(eintrag, URLPattern):
            yield f"{namespace}{eintrag.name}" if eintrag.name else f"{namespace}<ohne Namen: {eintrag.pattern}>"


def test_matrix_listet_jedes_url_muster():
    alle = set(_muster(get_resolver()))
    eigene = {name for name in alle if not name.startswith("admin:")}
    assert eigene - set(MATRIX) == set(), "URL-Muster ohne Eintrag in der Berechtigungsmatrix"
    assert set(MATRIX) - alle == set(), "Matrix-Einträge ohne URL-Muster"


# The objects are created once per module (``matrix_stand`` in tests/conftest.py); each test runs
# in a savepoint inside that state, so what a request changes is gone for the next one.
@pytest.fixture
def benutzer(db, matrix_stand):
    return matrix_stand["benutzer"]


@pytest.fixture
def quartier(db, matrix_stand):
    return matrix_stand["quartier"]


@pytest.fixture
def objekte(db, matrix_stand):
    return matrix_stand["objekte"]


# One session per role, logged in once per module inside that state (tests/matrix.py ``Sitzungen``):
# a test sets its role's session cookie instead of logging in (a quarter of this module's time before).
@pytest.fixture(scope="module")
def sitzungen(matrix_stand, django_db_blocker):
    with django_db_blocker.unblock():
        return Sitzungen(matrix_stand["benutzer"])


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("rolle", ROLLEN)
def test_berechtigung(client, sitzungen, objekte, name, rolle):
    methode, kwargs, erwartet = MATRIX[name]
    if callable(kwargs):
        kwargs = kwargs(objekte)
    sitzungen.anmelden(client, rolle)
    url = reverse(name, kwargs=kwargs)
    antwort = getattr(client, methode)(url)
    soll = erwartet[rolle]
    if soll == ANMELDEN:
        assert (antwort.status_code, antwort.url.split("?")[0]) == (302, reverse("login"))
    else:
        assert antwort.status_code == soll
    if antwort.status_code == 200 and antwort["Content-Type"].startswith("text/html"):
        _nur_skripte_mit_nonce(antwort)


def _nur_skripte_mit_nonce(antwort):
    """Every page obeys the CSP: no inline style attribute or element, and every inline script
    carries this response's nonce (external scripts come from our own origin)."""
    inhalt = antwort.content.decode()
    richtlinie = antwort["Content-Security-Policy"]
    nonce = richtlinie.split("'nonce-")[1].split("'")[0] if "'nonce-" in richtlinie else None
    for tag in re.findall(r"<script\b[^>]*>", inhalt):
        if "src=" in tag:
            assert re.search(r'src="/static/', tag), tag
        elif 'type="application/json"' not in tag:
            assert f'nonce="{nonce}"' in tag, tag
    assert re.findall(r"<style\b", inhalt) == []
    assert re.findall(r'\sstyle="', inhalt) == []
