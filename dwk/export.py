"""Table exports as CSV and XLSX, shared by every app.

Cells that a spreadsheet would read as a formula (starting with = + - @, or a tab or carriage
return) are prefixed with an apostrophe, so an export can never run code in Excel or LibreOffice
(CSV injection). Numbers stay numbers.
"""

import csv
import io
import logging
import re
from datetime import date, datetime

from django.http import HttpResponse

logger = logging.getLogger(__name__)

FORMEL_ANFAENGE = ("=", "+", "-", "@", "\t", "\r")
# Characters Excel does not allow in a sheet title, and its length limit.
BLATT_VERBOTEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
BLATT_LAENGE = 31


def zelle(wert):
    """A cell value safe for spreadsheets: formula-looking text is escaped, numbers and dates pass."""
    if wert is None:
        return ""
    if isinstance(wert, bool):
        return "ja" if wert else "nein"
    if isinstance(wert, (int, float, date, datetime)):
        return wert
    text = str(wert)
    if text.startswith(FORMEL_ANFAENGE):
        return "'" + text
    return text


def csv_bytes(kopf, zeilen):
    """CSV as German spreadsheets expect it: ``;`` separated, decimal comma, UTF-8 with BOM."""
    puffer = io.StringIO()
    schreiber = csv.writer(puffer, delimiter=";", lineterminator="\r\n")
    schreiber.writerow([zelle(k) for k in kopf])
    for zeile in zeilen:
        schreiber.writerow([_csv_text(zelle(w)) for w in zeile])
    return ("\ufeff" + puffer.getvalue()).encode("utf-8")


def _csv_text(wert):
    if isinstance(wert, float):
        return f"{wert:.10g}".replace(".", ",")
    if isinstance(wert, datetime):
        return wert.strftime("%d.%m.%Y %H:%M")
    if isinstance(wert, date):
        return wert.strftime("%d.%m.%Y")
    return wert


def blatt_titel(titel, vorhandene=()):
    """A sheet title Excel accepts: ``[ ] : * ? / \\`` and control characters removed, no apostrophe
    at either end, at most 31 characters, not empty, and distinct (ignoring case) from ``vorhandene``
    by a counter: "Marten/Germania" → "MartenGermania"."""
    text = " ".join(BLATT_VERBOTEN.sub("", str(titel)).split()).strip("'").strip() or "Export"
    text = text[:BLATT_LAENGE].rstrip()
    belegt = {t.casefold() for t in vorhandene}
    kandidat, nummer = text, 1
    while kandidat.casefold() in belegt:
        nummer += 1
        zusatz = f" ({nummer})"
        kandidat = text[: BLATT_LAENGE - len(zusatz)].rstrip() + zusatz
    return kandidat


def xlsx_bytes(kopf, zeilen, *, titel="Export"):
    # openpyxl on first use: it adds a quarter of a second to every process that loads the URLs.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    mappe = Workbook()
    blatt = mappe.active
    blatt.title = blatt_titel(titel)
    blatt.append([zelle(k) for k in kopf])
    for spalte in blatt[1]:
        spalte.font = Font(bold=True)
    for zeile in zeilen:
        blatt.append([_xlsx_wert(zelle(w)) for w in zeile])
    blatt.freeze_panes = "A2"
    puffer = io.BytesIO()
    mappe.save(puffer)
    return puffer.getvalue()


def _xlsx_wert(wert):
    if isinstance(wert, datetime) and wert.tzinfo is not None:
        return wert.replace(tzinfo=None)  # openpyxl cannot store time zones; values are local time
    return wert


def export_antwort(*, format, dateiname, kopf, zeilen, titel="Export"):
    """An HttpResponse with the table as ``csv`` or ``xlsx`` download named ``dateiname.<format>``."""
    zeilen = list(zeilen)
    if format == "xlsx":
        inhalt = xlsx_bytes(kopf, zeilen, titel=titel)
        typ = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    elif format == "csv":
        inhalt = csv_bytes(kopf, zeilen)
        typ = "text/csv; charset=utf-8"
    else:
        raise ValueError(f"Unbekanntes Exportformat: {format}")
    antwort = HttpResponse(inhalt, content_type=typ)
    antwort["Content-Disposition"] = f'attachment; filename="{dateiname}.{format}"'
    logger.info(
        "Export erstellt.", extra={"ereignis": "export", "datei": f"{dateiname}.{format}", "zeilen": len(zeilen)}
    )
    return antwort
