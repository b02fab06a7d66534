"""Reflow (WCAG 1.4.10: 320 CSS px, and text at 200 % at 640 px) and the keyboard pass over the pages
behind the login, for each role: every GET page of the permission matrix
(tests/dwk/test_berechtigungen.py, with the objects of ``tests/matrix.stand_anlegen``) that answers
with HTML, for reflow as each role that may open it (buttons and columns differ by role: the quarter
page scrolled sideways for Projektteam only), for the keyboard by the first role in ``ROLLEN`` that
may open it. The public pages have their own test (test_oeffentlich.py).

The checks are those of ``tests/browser/pruefungen.py``, done with fewer round trips to the browser:
the matrix's state is made once for all roles (the database of a browser test is emptied after
each test, so the roles share one test), each role has one browser context, a size is measured in
one call that waits for the text size to apply (instead of a fixed wait), the keyboard pass records
the focus in the page at each Tab and reads the record once per batch and passes a role's page
header whole only once per kind of header (then it follows the skip link), and a page is
photographed only where it scrolls sideways (the screenshot's path is in the message)."""

import inspect

import factory
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from dwk.permissions import PROJEKTTEAM
from tests import factories
from tests.browser.hilfen import anmelden, menglinghausen_bezirk, menglinghausen_quartier
from tests.browser.pruefungen import (
    BREIT,
    GROESSEN,
    groesse_setzen,
    ohne_seitliches_scrollen,
    tastatur_durchlauf,
    umfliessen,
)
from tests.dwk.test_berechtigungen import MATRIX
from tests.factories import UserFactory
from tests.matrix import stand_anlegen

ROLLEN = ["ratsbuero", "partner", "lenkungsgruppe", "projektteam"]
BENUTZERNAMEN = {"projektteam": "pt", "lenkungsgruppe": "lg", "ratsbuero": "rb", "partner": "pa"}
# Downloads and data, not pages (a browser would save or parse them): URL names ending so, and
# these names. Every other page must answer with HTML (so a page is never skipped unseen).
DOWNLOAD_ENDUNGEN = ("_pdf", "_csv", "_xlsx", "_ics", "_geojson", "_export", "_datei")
DOWNLOADS = {
    "handlungsfeld_farben",  # the stylesheet of the fields' colours
    "gesundheit",  # the health check (JSON)
    "buergerdialog:dokumentationsfoto",  # a photo (JPEG)
    "buergerdialog:dokumentationsanhang",  # an attached file
    "buergerdialog:flyer",  # PDF
    "buergerdialog:plakat",  # PDF
}


def seiten_der_rolle(rolle):
    """The matrix's HTML pages that ``rolle`` opens (200), as ``{name: first}``: ``first`` if no role
    before it in ``ROLLEN`` opens the page. Each role's view is checked for reflow (its buttons and
    columns differ by role); the keyboard pass runs once per page, for the first role."""
    vorher = ROLLEN[: ROLLEN.index(rolle)]
    return {
        name: not any(erwartet.get(r) == 200 for r in vorher)
        for name, (methode, _kwargs, erwartet) in sorted(MATRIX.items())
        if methode == "get"
        and erwartet.get(rolle) == 200
        and not name.startswith(("oeffentlich:", "admin:"))
        and name not in DOWNLOADS
        and not name.endswith(DOWNLOAD_ENDUNGEN)
    }


def seiten_pruefen(page, live_server, stand, rolle, pfad):
    """Opens each page of ``rolle`` and checks it; returns (pages opened, problems)."""
    cdp = page.context.new_cdp_session(page)
    probleme, geprueft, kopfzeilen = [], 0, set()
    for name, zuerst in seiten_der_rolle(rolle).items():
        kwargs = MATRIX[name][1]
        url = reverse(name, kwargs=kwargs(stand["objekte"]) if callable(kwargs) else kwargs)
        try:
            antwort = page.goto(live_server.url + url)
        except PlaywrightError as fehler:
            probleme.append((rolle, name, "Download statt Seite (in DOWNLOADS eintragen)", str(fehler)[:80]))
            continue
        art = antwort.headers.get("content-type", "") if antwort else ""
        if antwort is None or antwort.status != 200 or not art.startswith("text/html"):
            probleme.append((rolle, name, "keine HTML-Seite mit 200", antwort and antwort.status, art))
            continue
        geprueft += 1
        dateiname = f"{rolle}-{name.replace(':', '_')}"
        # Two changes of size per page, not three: the sizes are taken in the order that begins at
        # the size the page before ended at (wide, 320 px, or 640 px with text at 200 %).
        breit = page.viewport_size == BREIT
        groessen = sorted(GROESSEN, key=lambda g: g[0] != page.viewport_size["width"])
        if zuerst and breit:
            probleme += [(rolle, name, *p) for p in tastatur_durchlauf(page, kopfzeilen=kopfzeilen)]
        probleme += [(rolle, name, *p) for p in umfliessen(page, cdp, pfad, dateiname, groessen)]
        if zuerst and not breit:
            groesse_setzen(page, cdp, BREIT["width"], 100)
            probleme += [(rolle, name, *p) for p in tastatur_durchlauf(page, kopfzeilen=kopfzeilen)]
    cdp.detach()
    return geprueft, probleme


def test_seiten_hinter_der_anmeldung_fliessen_um_und_gehen_mit_tastatur(
    live_server, browser, browser_context_args, tmp_path
):
    # The matrix's state as in a fresh process: the factories' squares start at the grid's corner
    # again (the path network of tests/wegenetz/matrix.py lies there).
    for _name, klasse in inspect.getmembers(factories, inspect.isclass):
        if issubclass(klasse, factory.django.DjangoModelFactory) and klasse._meta.model is not None:
            klasse.reset_sequence(force=True)
    stand = stand_anlegen()
    probleme, geprueft = [], {}
    for rolle in ROLLEN:
        kontext = browser.new_context(**{**browser_context_args, "viewport": BREIT})
        page = kontext.new_page()
        anmelden(page, live_server, BENUTZERNAMEN[rolle])
        geprueft[rolle], probleme_der_rolle = seiten_pruefen(page, live_server, stand, rolle, tmp_path)
        probleme += probleme_der_rolle
        kontext.close()
    assert all(anzahl >= 5 for anzahl in geprueft.values()), f"zu wenige Seiten je Rolle geprüft: {geprueft}"
    assert probleme == [], "\n".join(map(str, probleme))


def test_quartiersseite_menglinghausen_scrollt_nicht_seitlich(live_server, page, tmp_path):
    """The case a new user found: at 320 px the row of buttons under the heading did not wrap (547 px)."""
    quartier = menglinghausen_quartier(menglinghausen_bezirk())
    UserFactory(username="planerin", rolle=PROJEKTTEAM)
    anmelden(page, live_server, "planerin")
    page.goto(live_server.url + reverse("quartiere:detail", kwargs={"slug": quartier.slug}))
    assert page.get_by_role("link", name="Bearbeiten").is_visible()
    assert ohne_seitliches_scrollen(page, tmp_path, "menglinghausen") == []
    assert tastatur_durchlauf(page) == []
