"""Hostile query strings on the overviews' URLs (tests/dwk/test_feindliche_anfragen.py covers them
too, among all URLs of the matrix): the same values, no answer above 499 (400 for a NUL byte), and
the same kind of document, since none of these views reads a parameter. The PDFs, which run the same
collectors as the pages, get two of the query strings only: each render takes seconds."""

from django.urls import reverse

from tests.dwk.test_feindliche_anfragen import _abfragen, _anfrage, parameter_namen
from tests.uebersichten.matrix import MATRIX

FUER_PDF = {"lang", "ungültige Escapes"}


def test_keine_antwort_500_und_dieselbe_art_dokument(projekt, client, projektteam):
    client.force_login(projektteam)
    fehler = {}
    namen = parameter_namen()
    for name in MATRIX:
        url = reverse(name)
        schlicht = _anfrage(client, "get", url, "", "ohne Parameter", name, fehler)
        assert schlicht.status_code == 200
        for label, abfrage in _abfragen(namen, ["csv", "xlsx", "geojson"]):
            if name.endswith("_pdf") and label not in FUER_PDF:
                continue
            antwort = _anfrage(client, "get", url, abfrage, label, name, fehler)
            if antwort is not None and antwort.status_code < 500:
                assert antwort.status_code in (200, 400), (name, label)  # 400: a NUL byte (dwk.middleware)
                if antwort.status_code == 200:
                    assert antwort["Content-Type"] == schlicht["Content-Type"], (name, label)
    assert fehler == {}
