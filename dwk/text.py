"""Small text helpers every app shares: the slug, the German number, the import error, reading an upload.

One home each (STYLE: "one helper, one home"); the apps import them from here.
"""

import math
import re
from collections.abc import Iterable

from django.db.models import Model, QuerySet
from django.utils.text import slugify

# The one transliteration of German letters, as ``docs/glossar.md`` uses it ("Hörde Süd" → hoerde-sued).
UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})

# German notation: thousands grouped by points, decimal comma (``1.234.567,89``, ``-3``, ``12,5``).
DEUTSCHE_ZAHL = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
# English notation with a decimal point, optionally with an exponent (``7.4653``, ``-0.5``, ``1e3``).
ZAHL_MIT_PUNKT = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")


def slug_ascii(text: str) -> str:
    """``text`` as an ASCII slug, German letters transliterated: "Hörde Süd" → ``hoerde-sued``."""
    return slugify(str(text).translate(UMLAUTE))


def eindeutiger_slug(
    text: str, *, objekte: QuerySet | type[Model], ersatz: str, laenge: int = 50, ausser_pk: int | None = None
) -> str:
    """A slug of ``text`` (at most ``laenge`` characters) that no row of ``objekte`` other than ``ausser_pk`` has.

    ``ersatz`` is used when ``text`` has no letter a slug can keep; ``-2``, ``-3`` … are
    appended until the slug is free.
    """
    zeilen = objekte.objects.all() if isinstance(objekte, type) else objekte
    basis = slug_ascii(text)[: laenge - 4].strip("-") or ersatz
    slug, nummer = basis, 2
    while zeilen.filter(slug=slug).exclude(pk=ausser_pk).exists():
        slug, nummer = f"{basis}-{nummer}", nummer + 1
    return slug


def zahl_lesen(text: str, *, dezimalpunkt: bool = False) -> float | None:
    """A number written by a person or a spreadsheet, as a finite float, or None if it is not one.

    German notation always: ``1.234,5``, ``-3``, ``12,75`` (points group thousands). With
    ``dezimalpunkt`` a text without a comma is read in English notation instead (``7.4653``,
    ``1e3``), as coordinates are written. Spaces and non-breaking spaces are ignored.
    Infinite or not-a-number values (``inf``, ``nan``, or a number too large for a float)
    are refused.
    """
    text = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if dezimalpunkt and "," not in text:
        if not ZAHL_MIT_PUNKT.match(text):
            return None
        zahl = float(text)
    elif DEUTSCHE_ZAHL.match(text):
        zahl = float(text.replace(".", "").replace(",", "."))
    else:
        return None
    return zahl if math.isfinite(zahl) else None


class ImportFehler(Exception):
    """A file cannot be imported; ``fehler`` lists every problem in German, for the user.

    ``kodierung`` names the character encoding the file was read in, where one was found.
    """

    def __init__(self, fehler: Iterable, *, kodierung: str | None = None) -> None:
        self.fehler = [str(meldung) for meldung in fehler]
        self.kodierung = kodierung
        super().__init__("\n".join(self.fehler))


def text_dekodieren(inhalt: bytes) -> tuple[str | None, str | None]:
    """``(text, name of the encoding)``: UTF-8 with BOM, UTF-8, else Windows-1252; None if neither fits."""
    if inhalt.startswith(b"\xef\xbb\xbf"):
        try:
            return inhalt[3:].decode("utf-8"), "UTF-8 mit BOM"
        except UnicodeDecodeError:
            return None, None
    try:
        return inhalt.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return inhalt.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return None, None
