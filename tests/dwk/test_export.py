"""CSV and XLSX exports: German CSV conventions and no formula ever reaches a spreadsheet."""

import csv
import io
from datetime import date

from openpyxl import load_workbook

from dwk.export import csv_bytes, xlsx_bytes, zelle

BOESE = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


def test_zelle_escaped_formelanfaenge():
    assert [zelle(w) for w in BOESE] == ["'" + w for w in BOESE]
    assert [zelle(w) for w in ("Wohnen", 3, -2.5, None, True)] == ["Wohnen", 3, -2.5, "", "ja"]


def test_csv_deutsch_mit_bom_semikolon_und_komma():
    inhalt = csv_bytes(["Code", "Wert", "Stand"], [["690", 12.5, date(2024, 12, 31)], ["=1+1", -3, None]])
    assert inhalt.startswith(b"\xef\xbb\xbf")
    zeilen = list(csv.reader(io.StringIO(inhalt.decode("utf-8-sig")), delimiter=";"))
    assert zeilen == [["Code", "Wert", "Stand"], ["690", "12,5", "31.12.2024"], ["'=1+1", "-3", ""]]


def test_xlsx_zahlen_bleiben_zahlen_formeln_werden_text():
    mappe = load_workbook(io.BytesIO(xlsx_bytes(["Text", "Zahl"], [[w, 1.5] for w in BOESE], titel="Probe")))
    blatt = mappe["Probe"]
    werte = [(zeile[0].value, zeile[0].data_type, zeile[1].value) for zeile in blatt.iter_rows(min_row=2)]
    # XML stores a carriage return as a line feed; the escape stays in front.
    assert werte == [("'" + w.replace("\r", "\n"), "s", 1.5) for w in BOESE]
