"""Hostile query strings: no URL of the project answers 500, whatever an attacker appends.

Every URL of the permission matrix is requested as Projektteam, and anonymously those open without
login and one behind it (``faelle``), with NUL bytes, a 10,000-character value, non-numeric and
out-of-range ids, years and page numbers, unknown formats, line breaks, ``../`` and invalid percent
escapes, in every query parameter our views read (collected from the source, so a new parameter is
covered without anyone remembering), and with each argument in its path replaced by an id that exists
nowhere or an overlong slug. One database state serves all requests of a role.
"""

import functools
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django import forms
from django.urls import NoReverseMatch, get_resolver, reverse

from tests.dwk.test_berechtigungen import MATRIX, benutzer, objekte, quartier, sitzungen  # noqa: F401 -- shared fixtures
from tests.matrix import ANMELDEN, ohne_anmeldung

WURZEL = Path(__file__).resolve().parents[2]
APPS = ["dwk", "quartiere", "lenkungsgruppe", "quartiersprofil", "buergerdialog", "berichte", "wegenetz"]

# Names that many views share or that an attacker tries first, beside those found in the source.
ALLGEMEINE_PARAMETER = {"pk", "id", "seite", "page", "jahr", "q", "next", "sort", "ebene", "nummer", "slug"}

FEINDLICHE_WERTE = {
    "NUL": "\x00",
    "lang": "x" * 10_000,
    "keine Zahl": "abc",  # also an unknown word: the unknown format alone is ``FORMATE`` below
    "negativ": "-1",
    "riesig": "99999999999999999999",
    "Zeilenumbruch": "eins\r\nzwei",
    "Pfad und Anführungszeichen": "../../../etc/passwd'\"<>;--",
}
# Values of ``format`` alone: an unknown format and an overlong one.
FORMATE = {"Format": "xml", "lang": FEINDLICHE_WERTE["lang"]}
# Sent as raw bytes in the query string, not as a percent-encoded value (taken in turn by the parameters).
ROH = ["%ff", "%", "%zz"]


def _quelltexte():
    for app in APPS:
        for pfad in (WURZEL / app).rglob("*.py"):
            if "migrations" not in pfad.parts:
                yield pfad.read_text()


def _unterklassen(klasse):
    for unter in klasse.__subclasses__():
        yield unter
        yield from _unterklassen(unter)


@functools.cache
def parameter_namen():
    """Every query parameter our views read: ``request.GET.get("x")`` / ``GET["x"]`` / ``getlist``, the
    fields of every form bound to ``request.GET``, and the common names above."""
    namen = set(ALLGEMEINE_PARAMETER)
    formulare = set()
    for text in _quelltexte():
        namen |= set(re.findall(r"GET(?:\.get|\.getlist)?\(?\[?\s*[\"']([A-Za-z_]+)[\"']", text))
        formulare |= set(re.findall(r"(\w+Form)\(\s*(?:self\.)?request\.GET", text))
        # for feld in ("a", "b"): ... request.GET.get(feld ...
        for gruppe in re.findall(r"for \w+ in \(([^)]*)\):\n(?:.*\n){0,2}?.*GET\.get\(", text):
            namen |= set(re.findall(r"[\"']([A-Za-z_]+)[\"']", gruppe))
    assert get_resolver().url_patterns  # imports every view module, and with it every form
    bekannt = {k.__name__: k for k in _unterklassen(forms.BaseForm)}
    assert formulare <= set(bekannt), formulare - set(bekannt)
    for name in formulare:
        namen |= set(bekannt[name].base_fields)
    return tuple(sorted(namen))


EXPORTFORMATE = ("csv", "xlsx", "geojson")


def _abfragen(namen, formate):
    """(label, raw query string) pairs: each hostile value in every parameter at once, again with
    each export format the URL offers (which routes to other code), some as the format itself, and
    the raw bytes of ``ROH`` in every parameter."""
    for label, wert in FEINDLICHE_WERTE.items():
        teile = [f"{name}={quote(wert, safe='')}" for name in namen if name != "format"]
        yield label, "&".join(teile)
        for format_ in formate:
            yield f"{label} + format={format_}", "&".join([*teile, f"format={format_}"])
    for label, wert in FORMATE.items():
        yield f"format={label}", f"format={quote(wert, safe='')}"
    yield "ungültige Escapes", "&".join(f"{name}={ROH[i % len(ROH)]}" for i, name in enumerate(namen)) + "&%ff=%"


def _anfrage(client, methode, url, abfrage, label, name, fehler):
    try:
        antwort = getattr(client, methode)(url, QUERY_STRING=abfrage)
    except Exception as ausnahme:  # collected and reported by the test
        fehler.setdefault((name, type(ausnahme).__name__), f"{label}: {str(ausnahme)[:160]}")
        return None
    if antwort.status_code >= 500:
        fehler.setdefault((name, antwort.status_code), label)
    return antwort


# In the path: ids that exist nowhere or overflow every integer column, overlong slugs, unknown words.
PFAD_WERTE = {"riesige Zahl": 99999999999999999999, "null": 0, "langer Slug": "x" * 1000, "Wort": "xml"}


def _pfad_varianten(name, kwargs):
    """(label, path) with one URL argument at a time replaced by a hostile value the URL pattern
    still accepts (an int converter takes no word, so that pair is left out)."""
    for schluessel in kwargs:
        for label, wert in PFAD_WERTE.items():
            try:
                yield f"{schluessel}={label} im Pfad", reverse(name, kwargs={**kwargs, schluessel: wert})
            except NoReverseMatch:
                continue


def _url_durchlaufen(client, objekte, name):  # noqa: F811
    """Every hostile request for the matrix URL ``name``: plain, with each export format it offers,
    with the hostile query strings, and with hostile values in its path."""
    fehler = {}
    methode, kwargs, _erwartet = MATRIX[name]
    kwargs = kwargs(objekte) if callable(kwargs) else kwargs
    url = reverse(name, kwargs=kwargs)
    schlicht = _anfrage(client, methode, url, "", "ohne Parameter", name, fehler)
    art = schlicht.get("Content-Type", "") if schlicht is not None else ""
    formate = []
    for format_ in EXPORTFORMATE:  # the export formats this URL offers: an answer of another type
        probe = _anfrage(client, methode, url, f"format={format_}", f"format={format_}", name, fehler)
        if probe is not None and probe.status_code == 200 and probe.get("Content-Type", "") != art:
            formate.append(format_)
    for label, abfrage in _abfragen(parameter_namen(), formate):
        _anfrage(client, methode, url, abfrage, label, name, fehler)
    for label, pfad in _pfad_varianten(name, kwargs):
        _anfrage(client, methode, pfad, "", label, name, fehler)
    return [f"{url_name} [{art}] bei {wert}" for (url_name, art), wert in sorted(fehler.items(), key=str)]


def test_parameter_namen_gefunden():
    namen = parameter_namen()
    assert {"format", "quartier", "handlungsfeld", "status", "sort", "indikator", "jahr", "sitzung"} <= set(namen)


# Anonymously, a page behind the login never reaches its view: LoginRequiredMiddleware answers every
# request with the redirect to the login page first, whatever the query string (the permission matrix
# shows the redirect for each such URL; its path is resolved as for Projektteam). So anonymously the
# hostile requests go to the URLs open without login, and to this one behind it, for the redirect
# itself (its ``next`` carries the hostile query string); as Projektteam to every URL.
HINTER_DER_ANMELDUNG = "quartiere:detail"


def faelle():
    """(role, URL name) of every hostile run."""
    return [("projektteam", name) for name in sorted(MATRIX)] + [
        ("anonym", name) for name in [*ohne_anmeldung(MATRIX), HINTER_DER_ANMELDUNG]
    ]


def test_anonym_auch_hinter_der_anmeldung():
    assert MATRIX[HINTER_DER_ANMELDUNG][2]["anonym"] == ANMELDEN
    assert ("anonym", "oeffentlich:projekt") in faelle() and ("anonym", "login") in faelle()


# One test per URL and role (each with its own client and in its own savepoint, so logging out ends
# the role's session only for this test): pytest-xdist spreads them over the workers; the database
# state and the role's logged-in session (tests/matrix.py ``Sitzungen``) are shared per module and worker.
@pytest.mark.parametrize(("rolle", "name"), faelle())
def test_keine_url_antwortet_500(client, sitzungen, objekte, rolle, name):  # noqa: F811
    sitzungen.anmelden(client, rolle)
    fehler = _url_durchlaufen(client, objekte, name)
    assert fehler == [], "\n".join(fehler)


def test_nul_in_filter_gibt_400(client_projektteam):
    """The three requests of the report, and a NUL in the path and in form data."""
    for url in (
        "/massnahmen/?quartier=%00",
        "/massnahmen/?handlungsfeld=%00",
        "/quartiere/menglinghausen/massnahmen/neu/?handlungsfeld=%00",
        "/quartiere/%00/",
    ):
        antwort = client_projektteam.get(url)
        assert antwort.status_code == 400, url
        assert "Ungültige Anfrage" in antwort.content.decode()
    antwort = client_projektteam.post(reverse("quartiere:neu"), {"name": "Neu\x00"})
    assert antwort.status_code == 400
