"""Reflow (320 CSS px, text at 200 %) and the keyboard pass over the pages behind the login, for
each role: every GET page of the permission matrix (tests/dwk/test_berechtigungen.py, with the
objects of ``tests/matrix.stand_anlegen``) that answers with HTML, each checked once, by the first
role in ``ROLLEN`` that may open it (so each role's own pages are seen as that role sees them).
The public pages have their own test (test_oeffentlich.py)."""

import inspect
import warnings

import factory
import pytest
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from dwk.permissions import PROJEKTTEAM
from tests import factories
from tests.browser.hilfen import anmelden, menglinghausen_bezirk, menglinghausen_quartier
from tests.browser.pruefungen import ohne_seitliches_scrollen, tastatur_durchlauf
from tests.dwk.test_berechtigungen import MATRIX
from tests.factories import UserFactory
from tests.matrix import stand_anlegen

ROLLEN = ["ratsbuero", "partner", "lenkungsgruppe", "projektteam"]
BENUTZERNAMEN = {"projektteam": "pt", "lenkungsgruppe": "lg", "ratsbuero": "rb", "partner": "pa"}
# Downloads and data, not pages (a browser would save or parse them).
KEINE_SEITE = ("pdf", "csv", "xlsx", "ics", "geojson", "export", "datei", "foto", "anhang", "farben", "gesundheit")

# Pages that still scroll sideways at 320 px or with text at 200 % although the shared CSS now lets
# button rows, card grids, long words and tables reflow (static/css/dwk.css): each has a wide
# element of its own that needs a change in its template. Listed so that every other page is held
# to the rule; the test warns about these with the widths it measured. Remove a line once fixed.
BEKANNT = {
    "buergerdialog:ergebnis_liste": "Ergebniskarten-Tabelle mit Filterleiste, 971 px bei 320 px",
    "buergerdialog:ergebnis_erfassen": "Eingabezeile der Karten, 810 px bei Text 200 %",
    "buergerdialog:fragebogen_liste": "Tabelle der Fragebögen, 956 px bei 320 px",
    "lenkungsgruppe:aufgabe_liste": "Aufgabenliste, 725 px bei 320 px",
    "lenkungsgruppe:meine": "Meine Lenkungsgruppe (Aufgabenliste), 725 px bei 320 px",
}


def seiten_der_rolle(rolle):
    """The matrix's GET pages that ``rolle`` opens (200) and no role before it in ``ROLLEN`` does."""
    vorher = ROLLEN[: ROLLEN.index(rolle)]
    return sorted(
        name
        for name, (methode, _kwargs, erwartet) in MATRIX.items()
        if methode == "get"
        and erwartet.get(rolle) == 200
        and not any(erwartet.get(r) == 200 for r in vorher)
        and not name.startswith(("oeffentlich:", "admin:"))
        and not any(teil in name for teil in KEINE_SEITE)
    )


@pytest.mark.parametrize("rolle", ROLLEN)
def test_seiten_hinter_der_anmeldung_fliessen_um_und_gehen_mit_tastatur(live_server, page, rolle, tmp_path):
    # The matrix's state as in a fresh process: the factories' squares start at the grid's corner
    # again (the path network of tests/wegenetz/matrix.py lies there).
    for _name, klasse in inspect.getmembers(factories, inspect.isclass):
        if issubclass(klasse, factory.django.DjangoModelFactory) and klasse._meta.model is not None:
            klasse.reset_sequence(force=True)
    stand = stand_anlegen()
    anmelden(page, live_server, BENUTZERNAMEN[rolle])
    probleme, geprueft = [], 0
    for name in seiten_der_rolle(rolle):
        kwargs = MATRIX[name][1]
        url = reverse(name, kwargs=kwargs(stand["objekte"]) if callable(kwargs) else kwargs)
        try:
            antwort = page.goto(live_server.url + url)
        except PlaywrightError as fehler:
            assert "Download is starting" in str(fehler), (name, fehler)
            continue
        if antwort is None or not antwort.headers.get("content-type", "").startswith("text/html"):
            continue
        assert antwort.status == 200, (name, antwort.status)
        geprueft += 1
        probleme += [(name, *p) for p in ohne_seitliches_scrollen(page, tmp_path, name.replace(":", "_"))]
        probleme += [(name, *p) for p in tastatur_durchlauf(page)]
    assert geprueft >= 5
    bekannt = [p for p in probleme if p[0] in BEKANNT]
    if bekannt:
        warnings.warn("Bekannte Barrieren (BEKANNT): " + "; ".join(map(str, bekannt)), stacklevel=1)
    probleme = [p for p in probleme if p[0] not in BEKANNT]
    assert probleme == [], "\n".join(map(str, probleme))


def test_bekannte_barrieren_sind_seiten_der_matrix():
    assert set(BEKANNT) <= set(MATRIX)


def test_quartiersseite_menglinghausen_scrollt_nicht_seitlich(live_server, page, tmp_path):
    """The case a new user found: at 320 px the row of buttons under the heading did not wrap (547 px)."""
    quartier = menglinghausen_quartier(menglinghausen_bezirk())
    UserFactory(username="planerin", rolle=PROJEKTTEAM)
    anmelden(page, live_server, "planerin")
    page.goto(live_server.url + reverse("quartiere:detail", kwargs={"slug": quartier.slug}))
    assert page.get_by_role("link", name="Bearbeiten").is_visible()
    assert ohne_seitliches_scrollen(page, tmp_path, "menglinghausen") == []
    assert tastatur_durchlauf(page) == []
