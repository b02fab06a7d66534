"""Small text helpers every app shares: the slug, the German number, the import error, reading an upload.

One home each (STYLE: "one helper, one home"); the apps import them from here.
"""

import codecs
import csv
import io
import math
import re
from collections.abc import Iterable

from django.db.models import Model, QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext as _

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

    def bericht(self, *, hoechstens: int = 200) -> str:
        """For the console: "Der Import wurde abgebrochen, …:", then ``- …`` per problem (``hoechstens`` listed)."""
        gelistet = self.fehler[:hoechstens]
        text = _("Der Import wurde abgebrochen, nichts wurde geändert:") + "".join(f"\n- {m}" for m in gelistet)
        if len(self.fehler) > len(gelistet):
            text += "\n" + _("… und %(anzahl)d weitere Fehler.") % {"anzahl": len(self.fehler) - len(gelistet)}
        return text


# Byte order marks of the encodings spreadsheet programs write ("Unicode text" is UTF-16), longest first.
BOMS = [
    (codecs.BOM_UTF8, "utf-8", "UTF-8 mit BOM"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 mit BOM"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 mit BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 mit BOM"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 mit BOM"),
]


def text_lesen(inhalt: bytes, *, dateiname: str) -> tuple[str, str]:
    """``(text, name of the encoding)`` of an uploaded text file; ``ImportFehler`` if it cannot be read.

    A byte order mark decides (UTF-8, UTF-16 or UTF-32, as spreadsheet programs save
    "Unicode text"); without one strict UTF-8 is tried, then Windows-1252. A file with NUL
    bytes and no byte order mark (UTF-16 without BOM, or no text at all) is refused instead
    of being read as Windows-1252 with garbled columns.
    """
    for bom, kodierung, name in BOMS:
        if inhalt.startswith(bom):
            try:
                return inhalt[len(bom) :].decode(kodierung), name
            except UnicodeDecodeError:
                break
    else:
        if b"\x00" in inhalt:
            raise ImportFehler(
                [
                    _(
                        "„%(datei)s“: Die Datei enthält Nullbytes, ist also UTF-16 ohne Byte-Order-Mark oder keine "
                        "Textdatei. UTF-16 ohne BOM wird nicht unterstützt; bitte als UTF-8 speichern."
                    )
                    % {"datei": dateiname}
                ]
            )
        for kodierung, name in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252")):
            try:
                return inhalt.decode(kodierung), name
            except UnicodeDecodeError:
                continue
    raise ImportFehler(
        [
            _(
                "„%(datei)s“: Die Zeichenkodierung ist weder UTF-8 (oder UTF-16 mit BOM) noch Windows-1252. Bitte "
                "speichern Sie die Datei als „CSV UTF-8“."
            )
            % {"datei": dateiname}
        ]
    )


def spaltenbuchstabe(index: int) -> str:
    """The spreadsheet name of the column with 0-based ``index``: A, B, …, Z, AA, …"""
    buchstaben = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        buchstaben = chr(65 + rest) + buchstaben
    return buchstaben


def csv_lesen(text: str, *, trenner: str, dateiname: str) -> list[tuple[int, list[str]]]:
    """The records of CSV ``text`` as ``(line where the record starts, fields)``; ``ImportFehler`` if it is no CSV.

    What Python's CSV reader refuses (a quotation mark that is never closed, a field longer
    than ``csv.field_size_limit()``, a NUL character) is reported in German with line and
    column, instead of an uncaught ``_csv.Error``.
    """
    # strict: a quotation mark that is never closed is an error, not the rest of the file read as one field.
    leser = csv.reader(io.StringIO(text, newline=""), delimiter=trenner, strict=True)
    zeilen, ende = [], 0
    while True:
        try:
            felder = next(leser)
        except StopIteration:
            return zeilen
        except csv.Error as fehler:
            raise ImportFehler([_csv_fehler(text, trenner, dateiname, ende + 1, str(fehler))]) from None
        zeilen.append((ende + 1, felder))
        ende = leser.line_num


def _csv_fehler(text: str, trenner: str, dateiname: str, zeile: int, grund: str) -> str:
    """The German message for a ``csv.Error`` in the record that starts at line ``zeile``."""
    physisch = text.splitlines()
    felder = physisch[zeile - 1].split(trenner) if zeile <= len(physisch) else [""]
    ort = _("„%(datei)s“, Zeile %(zeile)d") % {"datei": dateiname, "zeile": zeile}
    if "field larger than field limit" in grund:
        grenze = csv.field_size_limit()
        lang = next((i for i, feld in enumerate(felder) if len(feld) > grenze), len(felder) - 1)
        ort += ", " + _("Spalte %(spalte)s") % {"spalte": spaltenbuchstabe(lang)}
        return f"{ort}: " + _("Das Feld ist länger als %(grenze)s Zeichen; so lange Werte werden nicht gelesen.") % {
            "grenze": f"{grenze:,}".replace(",", ".")
        }
    if "NUL" in grund:
        return f"{ort}: " + _("Die Zeile enthält ein Nullzeichen; die Datei ist keine gültige CSV-Datei.")
    if "expected after" in grund:
        nach = next(
            (i for i, feld in enumerate(felder) if feld.lstrip().startswith('"') and not feld.rstrip().endswith('"')), 0
        )
        ort += ", " + _("Spalte %(spalte)s") % {"spalte": spaltenbuchstabe(nach)}
        return f"{ort}: " + _(
            'Auf das schließende Anführungszeichen („"“) eines Feldes folgt weiterer Text statt des Trennzeichens '
            '(„%(trenner)s“). Bitte entfernen Sie das Anführungszeichen oder verdoppeln Sie es („""“).'
        ) % {"trenner": trenner}
    offen = next(
        (i for i, feld in reversed(list(enumerate(felder))) if feld.lstrip().startswith('"') and feld.count('"') % 2),
        None,
    )
    if offen is not None:
        ort += ", " + _("Spalte %(spalte)s") % {"spalte": spaltenbuchstabe(offen)}
    return f"{ort}: " + _(
        'Ein Anführungszeichen („"“) am Anfang eines Feldes wird bis zum Ende der Datei nicht geschlossen. Bitte '
        'entfernen Sie es oder schließen Sie das Feld mit einem zweiten „"“.'
    )
