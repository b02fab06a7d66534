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
the focus in the page at each Tab and reads the record once per batch, and a page is
photographed only where it scrolls sideways (the screenshot's path is in the message)."""

import base64
import inspect

import factory
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
# Sizes of WCAG 1.4.10: (viewport width, text size in % of 16 px); 640 px at 200 % is 320 px of text.
GROESSEN = ((320, 100), (640, 200))
BREIT = {"width": 1280, "height": 800}

# One size in one call: wait (frame by frame) until the root's font size is ``soll`` px, then measure
# page and viewport width and, if the page is wider, name the innermost elements that reach past the
# edge without being clipped by a container that scrolls in itself (an absolutely positioned box
# escapes such a container unless the container or a box inside it is its containing block).
MESSUNG = """async (soll) => {
  const html = document.documentElement;
  for (let i = 0; i < 120 && parseFloat(getComputedStyle(html).fontSize) !== soll; i++)
    await new Promise(r => requestAnimationFrame(r));
  const schrift = parseFloat(getComputedStyle(html).fontSize);
  const breite = html.clientWidth;
  const geklippt = e => {
    const position = getComputedStyle(e).position;
    if (position === 'fixed') return false;
    let block = position === 'absolute' ? e.offsetParent : null;
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      if (block && a !== block && a.contains(block)) block = null;
      if (block && a !== block) continue;
      block = null;
      if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= breite + 1) return true;
    }
    return false;
  };
  // Its box, or its content (a line that does not wrap in a box that may shrink), ends past the edge.
  const rechts = e => {
    const r = e.getBoundingClientRect();
    return getComputedStyle(e).overflowX === 'visible' ? Math.max(r.right, r.left + e.scrollWidth) : r.right;
  };
  const treffer = html.scrollWidth <= breite ? [] : [...document.querySelectorAll('body *')]
    .filter(e => rechts(e) > breite + 1 && !geklippt(e));
  // The innermost ones: a container is wide because of them.
  const zuBreit = treffer.filter(e => !treffer.some(f => f !== e && e.contains(f)))
    .slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')
      + ' ' + Math.round(rechts(e)) + 'px');
  return {schrift, scroll: html.scrollWidth, sichtbar: breite, hoehe: html.scrollHeight, zuBreit};
}"""


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


def textgroesse_setzen(cdp, prozent):
    """The browser's text size setting (as in the settings of Chrome), ``prozent`` of 16 px."""
    cdp.send(
        "Page.setFontSizes", {"fontSizes": {"standard": round(16 * prozent / 100), "fixed": round(13 * prozent / 100)}}
    )


def bildschirmfoto(cdp, datei, breite, hoehe):
    """A screenshot of the whole page (``breite`` × ``hoehe`` CSS px) as JPEG, in one call."""
    bild = cdp.send(
        "Page.captureScreenshot",
        {
            "format": "jpeg",
            "quality": 80,
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": breite, "height": hoehe, "scale": 1},
        },
    )
    datei.write_bytes(base64.b64decode(bild["data"]))


def groesse_setzen(page, cdp, breite, prozent):
    page.set_viewport_size(BREIT if breite == BREIT["width"] else {"width": breite, "height": 640})
    textgroesse_setzen(cdp, prozent)


def umfliessen(page, cdp, pfad, name, groessen=GROESSEN):
    """The reflow check of ``pruefungen.ohne_seitliches_scrollen`` at ``groessen``, with a screenshot
    of the page at each size where it scrolls sideways. Returns the problems."""
    probleme = []
    for breite, prozent in groessen:
        groesse_setzen(page, cdp, breite, prozent)
        messung = page.evaluate(MESSUNG, 16 * prozent / 100)
        if messung["schrift"] != 16 * prozent / 100:
            probleme.append(("Textgröße nicht übernommen", page.url, breite, prozent, messung["schrift"]))
        if messung["scroll"] > messung["sichtbar"]:
            datei = pfad / f"{name}-{breite}px-{prozent}prozent.jpg"
            bildschirmfoto(cdp, datei, messung["scroll"], messung["hoehe"])
            probleme.append((page.url, breite, prozent, messung["scroll"], messung["zuBreit"], str(datei)))
    return probleme


def seiten_pruefen(page, live_server, stand, rolle, pfad):
    """Opens each page of ``rolle`` and checks it; returns (pages opened, problems)."""
    cdp = page.context.new_cdp_session(page)
    probleme, geprueft = [], 0
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
            probleme += [(rolle, name, *p) for p in tastatur_durchlauf(page)]
        probleme += [(rolle, name, *p) for p in umfliessen(page, cdp, pfad, dateiname, groessen)]
        if zuerst and not breit:
            groesse_setzen(page, cdp, BREIT["width"], 100)
            probleme += [(rolle, name, *p) for p in tastatur_durchlauf(page)]
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
