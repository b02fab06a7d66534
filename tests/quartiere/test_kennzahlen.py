"""Import of indicator values from CSV: long and wide layout, each encoding, every bad input
(listed with line and column, database unchanged), the command and the upload with preview."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from dwk.text import ImportFehler
from quartiere.models import Ebene, Kennzahl
from quartiere.services import kennzahlen_importieren, kennzahlen_pruefen
from tests.factories import KennzahlFactory, StatistischerBezirkFactory, UnterbezirkFactory

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "kennzahlen"


@pytest.fixture
def unterbezirke(db):
    bezirk = StatistischerBezirkFactory(code="690")
    return {code: UnterbezirkFactory(bezirk=bezirk, code=code) for code in ("691", "692", "701")}


def _inhalt(name):
    return (FIXTURES / name).read_bytes()


def _gespeichert():
    return sorted(Kennzahl.objects.values_list("unterbezirk__code", "indikator__schluessel", "jahr", "wert").order_by())


LANG_ERWARTET = [
    ("691", "ew_80plus", 2020, 100.0),
    ("691", "ew_gesamt", 2020, 1000.0),
    ("692", "ew_80plus", 2020, 60.0),
    ("692", "ew_gesamt", 2020, 400.0),
    ("701", "ew_80plus", 2020, 30.0),
    ("701", "ew_gesamt", 2020, 600.0),
]


@pytest.mark.parametrize(
    ("datei", "kodierung"),
    [("lang_utf8.csv", "UTF-8"), ("lang_utf8_bom.csv", "UTF-8 mit BOM"), ("lang_cp1252.csv", "Windows-1252")],
)
def test_import_langformat_jede_kodierung(unterbezirke, datei, kodierung):
    ergebnis = kennzahlen_importieren(inhalt=_inhalt(datei), dateiname=datei, ebene=Ebene.UNTERBEZIRK)

    assert (ergebnis.kodierung, ergebnis.layout, ergebnis.neu, ergebnis.geaendert) == (kodierung, "lang", 6, 0)
    assert _gespeichert() == LANG_ERWARTET


@pytest.mark.parametrize(
    ("datei", "kodierung"),
    [("breit_utf8.csv", "UTF-8"), ("breit_utf8_bom.csv", "UTF-8 mit BOM"), ("breit_cp1252.csv", "Windows-1252")],
)
def test_import_breitformat_jede_kodierung_leere_zelle_ohne_wert(unterbezirke, datei, kodierung):
    ergebnis = kennzahlen_importieren(inhalt=_inhalt(datei), dateiname=datei, ebene=Ebene.UNTERBEZIRK)

    assert (ergebnis.kodierung, ergebnis.layout, ergebnis.neu) == (kodierung, "breit", 8)
    assert _gespeichert() == sorted(
        [*LANG_ERWARTET, ("691", "ew_gesamt", 2019, 980.0), ("701", "ew_gesamt", 2019, 590.0)]
    )


def test_import_ersetzt_geaenderte_und_laesst_andere_werte(unterbezirke):
    from quartiere.models import Indikator

    gesamt = Indikator.objects.get(schluessel="ew_gesamt")
    KennzahlFactory(indikator=gesamt, unterbezirk=unterbezirke["691"], jahr=2020, wert=999)
    KennzahlFactory(indikator=gesamt, unterbezirk=unterbezirke["692"], jahr=2020, wert=400)
    KennzahlFactory(indikator=gesamt, unterbezirk=unterbezirke["692"], jahr=2010, wert=350)

    vorschau = kennzahlen_pruefen(inhalt=_inhalt("lang_utf8.csv"), dateiname="lang_utf8.csv", ebene="unterbezirk")
    assert (vorschau.neu, vorschau.geaendert, vorschau.unveraendert) == (4, 1, 1)
    assert [(a.zeile, a.gebiet, a.indikator, a.alt, a.neu) for a in vorschau.beispiele][:2] == [
        (2, "691", "ew_gesamt", 999.0, 1000.0),
        (3, "691", "ew_80plus", None, 100.0),
    ]
    assert Kennzahl.objects.count() == 3  # the preview writes nothing

    kennzahlen_importieren(inhalt=_inhalt("lang_utf8.csv"), dateiname="lang_utf8.csv", ebene="unterbezirk")
    assert _gespeichert() == sorted([*LANG_ERWARTET, ("692", "ew_gesamt", 2010, 350.0)])


FEHLER = {
    "fehler_gebiet_unbekannt.csv": [
        "„fehler_gebiet_unbekannt.csv“, Zeile 3, Spalte A „Gebietsschlüssel“: Unbekannter Gebietscode „999“ "
        "(statistischer Unterbezirk)."
    ],
    "fehler_indikator_unbekannt.csv": [
        "„fehler_indikator_unbekannt.csv“, Zeile 3, Spalte B „Indikator“: Unbekannter Indikator „ew_uralt“."
    ],
    "fehler_keine_zahl.csv": [
        "„fehler_keine_zahl.csv“, Zeile 3, Spalte D „Wert“: „12a“ ist keine Zahl. Erwartet wird z. B. 1.234 oder "
        "12,5 (Dezimalkomma)."
    ],
    "fehler_negativ.csv": [
        "„fehler_negativ.csv“, Zeile 3, Spalte D „Wert“: Eine Anzahl kann nicht negativ sein. Gelesen: -5"
    ],
    "fehler_anteil_ueber_100.csv": [
        "„fehler_anteil_ueber_100.csv“, Zeile 3, Spalte D „Wert“: Ein Anteil kann nicht über 100 liegen (%). "
        "Gelesen: 120,5"
    ],
    "fehler_doppelt.csv": [
        "„fehler_doppelt.csv“, Zeile 4: Der Wert für 691, ew_gesamt, 2020 steht doppelt in der Datei "
        "(zuerst in Zeile 2)."
    ],
    "fehler_spalte_fehlt.csv": [
        "„fehler_spalte_fehlt.csv“, Zeile 1: Die Spalte „Wert“ fehlt. Erwartet werden die Spalten Gebiet; "
        "Indikator; Jahr; Wert."
    ],
    "fehler_breit_spalte.csv": [
        "„fehler_breit_spalte.csv“, Zeile 1, Spalte C „Einwohner“: Der Spaltentitel passt weder zum Langformat "
        "(Gebiet; Indikator; Jahr; Wert) noch zum Breitformat (Indikator und Jahr, z. B. „ew_80plus_2020“)."
    ],
    "fehler_komma_getrennt.csv": [
        "„fehler_komma_getrennt.csv“, Zeile 1: Die Spalten sind nicht durch Semikolon („;“) getrennt. "
        "Bitte exportieren Sie die Datei mit „;“."
    ],
}


@pytest.mark.parametrize("datei", sorted(FEHLER))
def test_fehlerhafte_datei_meldet_zeile_und_spalte_und_aendert_nichts(unterbezirke, datei):
    from quartiere.models import Indikator

    KennzahlFactory(indikator=Indikator.objects.get(schluessel="ew_gesamt"), unterbezirk=unterbezirke["691"])
    vorher = _gespeichert()

    with pytest.raises(ImportFehler) as fehler:
        kennzahlen_importieren(inhalt=_inhalt(datei), dateiname=datei, ebene=Ebene.UNTERBEZIRK)

    assert fehler.value.fehler == FEHLER[datei]
    assert _gespeichert() == vorher


def test_alle_probleme_einer_datei_werden_gemeldet(unterbezirke):
    with pytest.raises(ImportFehler) as fehler:
        kennzahlen_importieren(inhalt=_inhalt("fehler_mehrere.csv"), dateiname="m.csv", ebene=Ebene.UNTERBEZIRK)

    assert [meldung.split(":")[0] for meldung in fehler.value.fehler] == [
        "„m.csv“, Zeile 2, Spalte A „Gebietsschlüssel“",
        "„m.csv“, Zeile 3, Spalte B „Indikator“",
        "„m.csv“, Zeile 4, Spalte C „Jahr“",
        "„m.csv“, Zeile 5, Spalte D „Wert“",
    ]
    assert Kennzahl.objects.count() == 0


def test_unbekannte_kodierung(unterbezirke):
    with pytest.raises(ImportFehler) as fehler:
        kennzahlen_pruefen(
            inhalt=b"Gebiet;Indikator;Jahr;Wert\n691;ew_gesamt;2020;\x81\n", dateiname="x.csv", ebene="unterbezirk"
        )

    assert fehler.value.fehler == [
        "„x.csv“: Die Zeichenkodierung ist weder UTF-8 (oder UTF-16 mit BOM) noch Windows-1252. "
        "Bitte speichern Sie die Datei als „CSV UTF-8“."
    ]


def test_befehl_importiert_und_probelauf_schreibt_nichts(unterbezirke, capsys):
    call_command("import_kennzahlen", str(FIXTURES / "lang_cp1252.csv"), "--probelauf")
    assert Kennzahl.objects.count() == 0
    call_command("import_kennzahlen", str(FIXTURES / "lang_cp1252.csv"))

    ausgabe = capsys.readouterr().out
    assert "Zeichenkodierung: Windows-1252" in ausgabe
    assert "Import aus „lang_cp1252.csv“ (statistischer Unterbezirk): 6 neu, 0 geändert, 0 unverändert." in ausgabe
    assert _gespeichert() == LANG_ERWARTET


def test_befehl_meldet_fehler(unterbezirke):
    with pytest.raises(CommandError) as fehler:
        call_command("import_kennzahlen", str(FIXTURES / "fehler_negativ.csv"))

    assert str(fehler.value) == (
        "Der Import wurde abgebrochen, nichts wurde geändert:\n- „fehler_negativ.csv“, Zeile 3, Spalte D „Wert“: "
        "Eine Anzahl kann nicht negativ sein. Gelesen: -5"
    )


def _hochladen(client, name):
    datei = SimpleUploadedFile(name, _inhalt(name), content_type="text/csv")
    return client.post(reverse("quartiere:kennzahlen_import"), {"datei": datei, "ebene": "unterbezirk"})


def test_upload_vorschau_dann_bestaetigen(client_projektteam, unterbezirke, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    antwort = _hochladen(client_projektteam, "breit_cp1252.csv")

    text = antwort.content.decode()
    assert "Windows-1252" in text
    assert "8 neu, 0 geändert, 0 unverändert" in text
    assert Kennzahl.objects.count() == 0
    kennung = client_projektteam.session["kennzahlen_import"]["kennung"]
    assert [p.name for p in (tmp_path / "importe").iterdir()] == [f"{kennung}.csv"]

    antwort = client_projektteam.post(reverse("quartiere:kennzahlen_import_bestaetigen"), {"kennung": kennung})

    assert antwort.url == reverse("quartiere:analyse")
    assert Kennzahl.objects.count() == 8
    assert list((tmp_path / "importe").iterdir()) == []
    assert "kennzahlen_import" not in client_projektteam.session


def test_upload_abbrechen_loescht_datei(client_projektteam, unterbezirke, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _hochladen(client_projektteam, "lang_utf8.csv")
    kennung = client_projektteam.session["kennzahlen_import"]["kennung"]

    client_projektteam.post(reverse("quartiere:kennzahlen_import_bestaetigen"), {"kennung": kennung, "abbrechen": ""})

    assert Kennzahl.objects.count() == 0
    assert list((tmp_path / "importe").iterdir()) == []


def test_upload_fremde_kennung_wird_abgelehnt(client_projektteam, unterbezirke, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _hochladen(client_projektteam, "lang_utf8.csv")

    antwort = client_projektteam.post(reverse("quartiere:kennzahlen_import_bestaetigen"), {"kennung": "../../etc"})

    assert antwort.url == reverse("quartiere:kennzahlen_import")
    assert Kennzahl.objects.count() == 0


def test_upload_mit_fehlern_zeigt_alle_und_speichert_nichts(client_projektteam, unterbezirke, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    antwort = _hochladen(client_projektteam, "fehler_mehrere.csv")

    text = antwort.content.decode()
    assert "Die Datei wurde nicht importiert" in text
    assert text.count("„fehler_mehrere.csv“, Zeile") == 4
    assert "kennzahlen_import" not in client_projektteam.session
    assert not (tmp_path / "importe").exists()


def test_verwaiste_vorschauen_werden_nach_einem_tag_entfernt(settings, tmp_path):
    import os
    import time

    from quartiere.services.kennzahlen import alte_uploads_entfernen, upload_ablegen, upload_lesen

    settings.MEDIA_ROOT = tmp_path
    alt = upload_ablegen(inhalt=b"alt")
    gestern = time.time() - 25 * 60 * 60
    os.utime(tmp_path / "importe" / f"{alt}.csv", (gestern, gestern))
    (tmp_path / "importe" / "fremd.csv").write_bytes(b"keine Vorschau")

    neu = upload_ablegen(inhalt=b"neu")

    assert (upload_lesen(alt), upload_lesen(neu)) == (None, b"neu")
    assert (tmp_path / "importe" / "fremd.csv").exists()
    assert alte_uploads_entfernen() == 0


# --- hostile and careless files (issue 9 #6): a German message with line and column, never a 500 ----------


def _scheitert(inhalt, datei="x.csv"):
    """Check and import ``inhalt``; both must fail with the same messages and change nothing."""
    vorher = _gespeichert()
    with pytest.raises(ImportFehler) as pruefung:
        kennzahlen_pruefen(inhalt=inhalt, dateiname=datei, ebene=Ebene.UNTERBEZIRK)
    with pytest.raises(ImportFehler) as einfuhr:
        kennzahlen_importieren(inhalt=inhalt, dateiname=datei, ebene=Ebene.UNTERBEZIRK)
    assert einfuhr.value.fehler == pruefung.value.fehler
    assert _gespeichert() == vorher
    return pruefung.value.fehler


def test_offenes_anfuehrungszeichen_meldet_zeile_und_spalte(unterbezirke):
    inhalt = 'Gebiet;Indikator;Jahr;Wert\n691;ew_gesamt;2020;1.000\n692;ew_gesamt;2020;"400\n701;ew_gesamt;2020;600\n'

    assert _scheitert(inhalt.encode()) == [
        '„x.csv“, Zeile 3, Spalte D: Ein Anführungszeichen („"“) am Anfang eines Feldes wird bis zum Ende der Datei '
        'nicht geschlossen. Bitte entfernen Sie es oder schließen Sie das Feld mit einem zweiten „"“.'
    ]


def test_feld_ueber_der_csv_grenze_meldet_zeile_und_spalte(unterbezirke):
    inhalt = "Gebiet;Indikator;Jahr;Wert\n691;" + "x" * 131_073 + ";2020;1\n"

    assert _scheitert(inhalt.encode()) == [
        "„x.csv“, Zeile 2, Spalte B: Das Feld ist länger als 131.072 Zeichen; so lange Werte werden nicht gelesen."
    ]


def test_zahl_mit_140_tausendergruppen_wird_abgelehnt(unterbezirke):
    riesig = "1" + ".000" * 140
    inhalt = f"Gebiet;Indikator;Jahr;Wert\n691;ew_gesamt;2020;{riesig}\n"

    assert _scheitert(inhalt.encode()) == [
        "„x.csv“, Zeile 2, Spalte D „Wert“: „1.000.000.000.000.000.000.000.…“ ist zu groß, um eine Zahl eines "
        "Gebiets zu sein."
    ]


@pytest.mark.parametrize(
    ("zeile", "meldung"),
    [
        ("691;ew_gesamt;2020;12,5", "Eine Anzahl (Personen) ist eine ganze Zahl. Gelesen: 12,5"),
        ("691;ew_gesamt;2020;100.000.001",
         "Eine Anzahl über 100.000.000 ist für ein Gebiet nicht möglich. Gelesen: 100.000.001"),
        ("691;anteil_80plus;2020;100,5", "Ein Anteil kann nicht über 100 liegen (%). Gelesen: 100,5"),
        ("691;quote_grusi_65plus;2020;1.000,1",
         "Ein Anteil kann nicht über 1000 liegen (je 1.000 Ew. 65+). Gelesen: 1000,1"),
    ],
)  # fmt: skip
def test_unmoegliche_werte_je_indikator_werden_abgelehnt(unterbezirke, zeile, meldung):
    fehler = _scheitert(f"Gebiet;Indikator;Jahr;Wert\n{zeile}\n".encode())

    assert fehler == [f"„x.csv“, Zeile 2, Spalte D „Wert“: {meldung}"]


@pytest.mark.parametrize("wert", ["inf", "nan", "Infinity", "1e999", "-0x10"])
def test_nicht_endliche_werte_sind_keine_zahl(unterbezirke, wert):
    fehler = _scheitert(f"Gebiet;Indikator;Jahr;Wert\n691;ew_gesamt;2020;{wert}\n".encode())

    assert fehler == [
        f"„x.csv“, Zeile 2, Spalte D „Wert“: „{wert}“ ist keine Zahl. "
        "Erwartet wird z. B. 1.234 oder 12,5 (Dezimalkomma)."
    ]


@pytest.mark.parametrize("kodierung", ["utf-16", "utf-16-be"])
def test_utf16_mit_bom_wird_gelesen(unterbezirke, kodierung):
    text = _inhalt("lang_utf8.csv").decode("utf-8")
    inhalt = text.encode(kodierung) if kodierung == "utf-16" else b"\xfe\xff" + text.encode(kodierung)

    ergebnis = kennzahlen_importieren(inhalt=inhalt, dateiname="unicode.csv", ebene=Ebene.UNTERBEZIRK)

    assert (ergebnis.kodierung, ergebnis.layout, ergebnis.neu) == ("UTF-16 mit BOM", "lang", 6)
    assert _gespeichert() == LANG_ERWARTET


def test_utf16_ohne_bom_wird_mit_hinweis_abgelehnt(unterbezirke):
    inhalt = _inhalt("lang_utf8.csv").decode("utf-8").encode("utf-16-le")

    assert _scheitert(inhalt, "unicode.csv") == [
        "„unicode.csv“: Die Datei enthält Nullbytes, ist also UTF-16 ohne Byte-Order-Mark oder keine Textdatei. "
        "UTF-16 ohne BOM wird nicht unterstützt; bitte als UTF-8 speichern."
    ]


def test_upload_mit_offenem_anfuehrungszeichen_zeigt_fehler_statt_500(client_projektteam, unterbezirke):
    inhalt = b'Gebiet;Indikator;Jahr;Wert\n691;ew_gesamt;2020;"1.000\n'
    datei = SimpleUploadedFile("kaputt.csv", inhalt, content_type="text/csv")

    antwort = client_projektteam.post(reverse("quartiere:kennzahlen_import"), {"datei": datei, "ebene": "unterbezirk"})

    assert antwort.status_code == 200
    assert "„kaputt.csv“, Zeile 2, Spalte D: Ein Anführungszeichen" in antwort.content.decode()
    assert Kennzahl.objects.count() == 0


def test_upload_riesiger_zahl_zeigt_fehler_statt_fehlerfrei(client_projektteam, unterbezirke):
    inhalt = ("Gebiet;Indikator;Jahr;Wert\n691;ew_gesamt;2020;1" + ".000" * 140 + "\n").encode()
    datei = SimpleUploadedFile("riesig.csv", inhalt, content_type="text/csv")

    antwort = client_projektteam.post(reverse("quartiere:kennzahlen_import"), {"datei": datei, "ebene": "unterbezirk"})

    assert antwort.status_code == 200
    assert "ist zu groß, um eine Zahl eines Gebiets zu sein" in antwort.content.decode()
    assert "kennzahlen_import" not in client_projektteam.session
