"""The browser tests' own checks find what they are there for: the keyboard pass of
tests/browser/pruefungen.py, also on a page whose header it skips because it passed the same header
on an earlier page of the same role, and ``barrierefrei`` (tests/browser/conftest.py) on every
document of a browser context."""

import pytest

from tests.browser.pruefungen import tastatur_durchlauf

SEITE = """<!DOCTYPE html><html lang="de"><head><title>Prüfseite</title><style>
a:focus, button:focus {{ outline: 3px solid black; }}
.ohne:focus {{ outline: none; }}
</style></head><body>
<a href="#inhalt">Zum Inhalt springen</a>
<header><nav><a href="/eins">Eins</a> <a href="/zwei" class="{klasse}">Zwei</a></nav></header>
<main id="inhalt" tabindex="-1">{inhalt}</main>
<footer><a href="/impressum">Impressum</a></footer>
</body></html>"""
GUT = '<p><a href="/a">Erster Verweis</a> <button type="button">Knopf</button></p>'


def _zeigen(page, html):
    """``html`` as a page of its own address (a skip link on a page made by ``set_content``, at
    about:blank, would navigate away)."""
    page.route("http://pruefung.invalid/", lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto("http://pruefung.invalid/")
    page.unroute("http://pruefung.invalid/")


def _erreicht(page):
    return [f and f["kennung"].split("|")[3] for f in page.evaluate("() => window.__fokusProtokoll")]


def test_bekannter_kopf_wird_uebersprungen_der_inhalt_nicht(page):
    kopfzeilen = set()
    _zeigen(page, SEITE.format(klasse="", inhalt=GUT))
    assert tastatur_durchlauf(page, kopfzeilen=kopfzeilen) == []
    assert _erreicht(page)[:3] == ["Zum Inhalt springen", "Eins", "Zwei"]
    assert len(kopfzeilen) == 1

    # The next page of the role, same header: skip link, then the content, each element checked.
    _zeigen(page, SEITE.format(klasse="", inhalt=GUT + '<a href="/b" class="ohne">Ohne Rahmen</a>'))
    probleme = tastatur_durchlauf(page, kopfzeilen=kopfzeilen)
    erreicht = _erreicht(page)
    erreicht = erreicht[: erreicht.index(None)]  # the focus left the page
    assert erreicht[:4] == ["Zum Inhalt springen", "Erster Verweis", "Knopf", "Ohne Rahmen"]
    assert "Eins" not in erreicht
    assert [p[0] for p in probleme] == ["Fokus nicht sichtbar"]
    assert "Ohne Rahmen" in probleme[0][1]


def test_anderer_kopf_wird_ganz_durchlaufen(page):
    """Also a page without a skip link."""
    kopfzeilen = set()
    _zeigen(page, SEITE.format(klasse="", inhalt=GUT))
    assert tastatur_durchlauf(page, kopfzeilen=kopfzeilen) == []
    # A header link that looks different (here: no visible focus) is another header: passed whole.
    _zeigen(page, SEITE.format(klasse="ohne", inhalt=GUT))
    probleme = tastatur_durchlauf(page, kopfzeilen=kopfzeilen)
    assert _erreicht(page)[:3] == ["Zum Inhalt springen", "Eins", "Zwei"]
    assert [p[0] for p in probleme] == ["Fokus nicht sichtbar"]
    assert len(kopfzeilen) == 2

    # A page without the skip link has another header too; the pass says so and goes no further astray.
    _zeigen(page, SEITE.format(klasse="", inhalt=GUT).replace('<a href="#inhalt">Zum Inhalt springen</a>', ""))
    probleme = [p[0] for p in tastatur_durchlauf(page, kopfzeilen=kopfzeilen)]
    assert probleme[0] == "Sprunglink nicht zuerst oder nicht sichtbar"
    assert probleme[-1] == "Sprunglink fehlt"


def test_barrierefrei_findet_den_fehler_vor_und_nach_der_einrichtung(page, barrierefrei):
    """axe-core reaches the page loaded before the first check (sent then) and every later document
    of the context (its script at the start of each document): a picture without a text alternative
    is found on both."""
    ohne_alt = SEITE.format(klasse="", inhalt='<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">')
    for vorher_eingerichtet in (False, True):
        _zeigen(page, ohne_alt)
        assert page.evaluate("() => typeof axe === 'object'") is vorher_eingerichtet
        with pytest.raises(AssertionError, match="image-alt"):
            barrierefrei(page)
    _zeigen(page, SEITE.format(klasse="", inhalt=GUT))
    barrierefrei(page)
