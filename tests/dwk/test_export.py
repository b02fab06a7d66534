"""CSV and XLSX exports: German CSV conventions and no formula ever reaches a spreadsheet."""

import csv
import io
from datetime import date

from openpyxl import load_workbook

from dwk.export import blatt_titel, csv_bytes, xlsx_bytes, zelle

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


def test_blatt_titel_ohne_verbotene_zeichen_kurz_und_eindeutig():
    assert blatt_titel("Marten/Germania") == "MartenGermania"
    assert blatt_titel("a[b]c:d*e?f/g\\h\x00") == "abcdefgh"
    assert blatt_titel("'Zitat'") == "Zitat"
    assert blatt_titel(" / ") == "Export"
    assert blatt_titel("Ü" * 40) == "Ü" * 31
    assert blatt_titel("Derne", ["derne"]) == "Derne (2)"
    assert blatt_titel("A" * 40, ["A" * 31, "A" * 27 + " (2)"]) == "A" * 27 + " (3)"


def test_xlsx_mit_schraegstrich_im_titel():
    mappe = load_workbook(io.BytesIO(xlsx_bytes(["Name"], [["x"]], titel="Marten/Germania: Kennzahlen [2024]?")))

    assert mappe.sheetnames == ["MartenGermania Kennzahlen 2024"]
