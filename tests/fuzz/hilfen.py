"""What every fuzz test asks of an importer: it fails only with its own German error, and a failure
stores nothing."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from dwk.text import ImportFehler

# A German message names what is wrong in German words (at least one umlaut-free German word of
# the importers' vocabulary, or an umlaut); never a Python repr or a traceback.
DEUTSCH = re.compile(r"[äöüÄÖÜß]|\b(Datei|Zeile|Spalte|nicht|kein|keine|ist|Wert|Fehler|Gebiet|fehlt|leer)\b")


def meldungen(fehler: Exception) -> list[str]:
    if isinstance(fehler, ImportFehler):
        return fehler.fehler
    return [str(m) for m in fehler.messages]


def pruefen(aufruf, *, zaehlen) -> object:
    """Calls ``aufruf()`` in a transaction that is rolled back afterwards (the next example starts from
    the same state). ``ImportFehler``/``ValidationError`` must carry German messages and leave
    ``zaehlen()`` (row counts) as it was; any other exception fails the test. Returns the result or
    the error."""
    with transaction.atomic():
        vorher = zaehlen()
        try:
            ergebnis = aufruf()
        except (ImportFehler, ValidationError) as fehler:
            texte = meldungen(fehler)
            assert texte, "Fehler ohne Meldung"
            for text in texte:
                assert "Traceback" not in text
                assert DEUTSCH.search(text), f"Meldung nicht deutsch: {text!r}"
            assert zaehlen() == vorher, "nach einem Fehler wurde etwas gespeichert"
            ergebnis = fehler
        transaction.set_rollback(True)
    return ergebnis
