"""Import of facilities from CSV (both CRS, encodings, separators) and GeoJSON; every bad input."""

import datetime
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from dwk.text import ImportFehler
from quartiere.models import Infrastruktur
from quartiere.services import infrastruktur_importieren
from tests.factories import InfrastrukturFactory, StadtbezirkFactory, quadrat
from tests.lauscher import Lauscher

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "infrastruktur"


@pytest.fixture
def stadt(db):
    """The city's extent: 7.40–7.44° O, 51.48–51.52° N (plus 5 km margin)."""
    return StadtbezirkFactory(geometrie=quadrat(0, 0, seite=0.04))


def bestand():
    """Every facility as comparable plain values."""
    return sorted(
        (
            e.kategorie.slug,
            e.name,
            round(e.punkt.x, 5),
            round(e.punkt.y, 5),
            e.adresse,
            e.barrierefreiheit,
            e.oeffnungshinweise,
            e.quelle,
            e.quelle_hinweis,
            e.stand,
        )
        for e in Infrastruktur.objects.select_related("kategorie")
    )


def fehler_von(datei, crs=4326):
    with pytest.raises(ImportFehler) as info:
        infrastruktur_importieren(pfad=FIXTURES / datei, koordinatensystem=crs)
    return info.value.fehler


def test_csv_wgs84_semikolon_dezimalkomma_bom(stadt):
    ergebnis = infrastruktur_importieren(pfad=FIXTURES / "gut_wgs84.csv", koordinatensystem=4326)

    heute = datetime.date.today()
    assert ergebnis.zusammenfassung() == (
        "Import aus „gut_wgs84.csv“ (CSV, UTF-8 mit BOM, EPSG:4326): 3 angelegt, 0 aktualisiert, 0 unverändert."
    )
    hinweis = "Import aus „gut_wgs84.csv“"
    assert bestand() == [
        ("apotheke", "Löwen-Apotheke", 7.41, 51.49, "Hauptstraße 1, 44137 Dortmund", "ja", "Mo–Fr 8–18 Uhr",
         "befragung", hinweis, datetime.date(2016, 9, 1)),
        ("haltestelle", "Haltestelle Am Markt", 7.42, 51.5, "", "unbekannt", "", "import", hinweis, heute),
        ("seniorenbuero", "Seniorenbüro Hombruch", 7.43, 51.51, "Harkortstraße 58", "teilweise", "", "begehung",
         hinweis, datetime.date(2016, 10, 15)),
    ]  # fmt: skip


def test_csv_utm_komma_windows1252(stadt):
    ergebnis = infrastruktur_importieren(pfad=FIXTURES / "gut_utm.csv", koordinatensystem=25832)

    assert (ergebnis.kodierung, ergebnis.angelegt) == ("Windows-1252", 2)
    hinweis = "Import aus „gut_utm.csv“"
    assert bestand() == [
        ("baeckerei", "Bäckerei Schulte", 7.41, 51.49, "Kirchstraße 3, 44149 Dortmund", "nein", "", "import",
         hinweis, datetime.date(2016, 12, 31)),
        ("sitzbank", "Sitzbank Rosenweg", 7.43, 51.51, "", "unbekannt", "", "import", hinweis, datetime.date.today()),
    ]  # fmt: skip


def test_geojson_wgs84_und_25832(stadt):
    infrastruktur_importieren(pfad=FIXTURES / "gut.geojson")
    ergebnis = infrastruktur_importieren(pfad=FIXTURES / "gut_25832.geojson", koordinatensystem=4326)

    assert ergebnis.koordinatensystem == "EPSG:25832"
    assert [(slug, name, x, y) for slug, name, x, y, *_rest in bestand()] == [
        ("gruenflaeche-park", "Rombergpark", 7.43, 51.51),
        ("post", "Postfiliale Barop", 7.41, 51.49),
        ("tagespflege", "Tagespflege am Park", 7.42, 51.5),
    ]


def test_id_aktualisiert_ohne_id_neu_mit_warnung(stadt, tmp_path):
    vorhanden = InfrastrukturFactory(name="Löwen-Apotheke", adresse="Hauptstraße 1, 44137 Dortmund")
    datei = tmp_path / "aenderung.csv"
    datei.write_text(
        "id;kategorie;name;adresse;lat;lon\n"
        f"{vorhanden.pk};apotheke;Löwen-Apotheke (neu);Hauptstraße 1, 44137 Dortmund;51,49;7,41\n"
        "; apotheke;Löwen-Apotheke (neu);Hauptstraße 1, 44137 Dortmund;51,491;7,411\n",
        encoding="utf-8",
    )

    ergebnis = infrastruktur_importieren(pfad=datei, koordinatensystem=4326)

    vorhanden.refresh_from_db()
    assert (ergebnis.angelegt, ergebnis.aktualisiert) == (1, 1)
    assert (vorhanden.name, vorhanden.history.count()) == ("Löwen-Apotheke (neu)", 2)
    assert Infrastruktur.objects.count() == 2
    assert ergebnis.warnungen == []  # the duplicate check compares with the state before the import
    # Importing the same file again: the row with id is unchanged, the row without id is new again (warned).
    zweites = infrastruktur_importieren(pfad=datei, koordinatensystem=4326)
    assert (zweites.angelegt, zweites.aktualisiert, zweites.unveraendert) == (1, 0, 1)
    assert len(zweites.warnungen) == 1
    assert zweites.warnungen[0].startswith("„aenderung.csv“, Zeile 3: „Löwen-Apotheke (neu)“ gibt es schon (Nr. ")


def test_export_laesst_sich_wieder_importieren(stadt, client_projektteam, tmp_path):
    InfrastrukturFactory.create_batch(3)
    vorher = bestand()
    export = client_projektteam.get(reverse("quartiere:infrastruktur_liste") + "?format=csv")
    datei = tmp_path / "export.csv"
    datei.write_bytes(export.content)

    ergebnis = infrastruktur_importieren(pfad=datei, koordinatensystem=4326)

    assert (ergebnis.angelegt, ergebnis.aktualisiert, ergebnis.unveraendert) == (0, 0, 3)
    assert bestand() == vorher


def test_jeder_fehler_mit_zeile_und_spalte_nichts_importiert(stadt):
    InfrastrukturFactory(name="schon da")
    vorher = bestand()

    fehler = fehler_von("schlecht_wgs84.csv")

    datei = "„schlecht_wgs84.csv“"
    auswahl = "möglich: befragung, begehung, fachplanung, open_data, import, sonstige."
    assert fehler == [
        f"{datei}, Zeile 2, Spalte „kategorie“: Unbekannte Kategorie „kiosk“. Möglich sind die Kürzel oder Namen "
        "der Kategorien, z. B. apotheke, haltestelle, Seniorenbüro.",
        f"{datei}, Zeile 3, Spalte „lat“: „einundfünfzig“ ist keine Zahl.",
        f"{datei}, Zeile 4, Spalte „lat/lon“: Der Punkt (lat 7,41, lon 51,49) liegt außerhalb des Stadtgebiets "
        "(mit 5 km Rand). Breite und Länge scheinen vertauscht: „lat“ ist die Breite (um 51,5), „lon“ die Länge "
        "(um 7,5).",
        f"{datei}, Zeile 5, Spalte „lat/lon“: Der Punkt (lat 5705515,7, lon 389612,8) liegt außerhalb des "
        "Stadtgebiets (mit 5 km Rand). Die Zahlen sehen nach Metern in EPSG:25832 aus; bitte wählen Sie dieses "
        "Koordinatensystem.",
        f"{datei}, Zeile 6, Spalte „lat/lon“: Der Punkt (lat 48,1, lon 11,5) liegt außerhalb des Stadtgebiets "
        "(mit 5 km Rand). Ist das Koordinatensystem richtig gewählt?",
        f"{datei}, Zeile 7, Spalte „barrierefreiheit“: „vielleicht“ ist keine gültige Angabe; möglich: ja, "
        "teilweise, nein, unbekannt.",
        f"{datei}, Zeile 8, Spalte „quelle“: „zeitung“ ist keine gültige Quelle; {auswahl}",
        f"{datei}, Zeile 9, Spalte „stand“: „31.02.2016“ ist kein Datum; erwartet wird z. B. 31.12.2016 oder "
        "2016-12-31.",
        f"{datei}, Zeile 10, Spalte „id“: Eine Einrichtung mit der Nummer 999999 gibt es nicht. Lassen Sie die "
        "Spalte leer, um eine neue Einrichtung anzulegen.",
        f"{datei}, Zeile 11, Spalte „name“: Dieses Feld darf nicht leer sein.",
    ]
    assert bestand() == vorher


def test_fehlende_spalten_mit_hinweis_auf_anderes_koordinatensystem(stadt):
    vorhanden = "Vorhandene Spalten: kategorie, name, x, y."
    hinweis = (
        "Die Datei hat die Spalten „x“ und „y“ – sie ist wohl in EPSG:25832; bitte wählen Sie dieses Koordinatensystem."
    )
    assert fehler_von("ohne_lat_lon.csv") == [
        f"„ohne_lat_lon.csv“, Spalte „lat“: Die Spalte fehlt. {vorhanden} {hinweis}",
        f"„ohne_lat_lon.csv“, Spalte „lon“: Die Spalte fehlt. {vorhanden} {hinweis}",
    ]
    assert bestand() == []


def test_utm_vertauscht_und_in_grad(stadt):
    assert fehler_von("schlecht_utm.csv", 25832) == [
        "„schlecht_utm.csv“, Zeile 2, Spalte „x/y“: Der Punkt (x 5705515,7, y 389612,8) liegt außerhalb des "
        "Stadtgebiets (mit 5 km Rand). „x“ und „y“ scheinen vertauscht: „x“ ist der Ostwert (um 390.000), „y“ der "
        "Nordwert.",
        "„schlecht_utm.csv“, Zeile 3, Spalte „x/y“: Der Punkt (x 7,41, y 51,49) liegt außerhalb des Stadtgebiets "
        "(mit 5 km Rand). Die Zahlen sehen nach Grad in WGS 84 aus; bitte wählen Sie EPSG:4326 (Spalten lat und lon).",
    ]
    assert bestand() == []


def test_geojson_fehler(stadt):
    assert fehler_von("schlecht.geojson") == [
        "„schlecht.geojson“, Merkmal 1, Spalte „Geometrie“: Erwartet wird ein Punkt (gefunden: LINESTRING).",
        "„schlecht.geojson“, Merkmal 2, Spalte „Geometrie“: Der Punkt (51,49; 7,41) liegt außerhalb des "
        "Stadtgebiets (mit 5 km Rand). Länge und Breite scheinen vertauscht: in GeoJSON steht die Länge (um 7,5) "
        "zuerst.",
        "„schlecht.geojson“, Merkmal 3, Spalte „kategorie“: Unbekannte Kategorie „kiosk“. Möglich sind die Kürzel "
        "oder Namen der Kategorien, z. B. apotheke, haltestelle, Seniorenbüro.",
    ]
    assert bestand() == []


@pytest.mark.parametrize(
    ("inhalt", "meldung"),
    [
        (b"", "„leer.csv“: Die Datei ist leer."),
        (b"kategorie;name;lat;lon\n", "„leer.csv“: Die Datei enthält keine Einrichtungen (nur die Kopfzeile)."),
        (b"kategorie;name;lat;lon\n;A;51,49;7,41\n", "„leer.csv“, Zeile 2, Spalte „kategorie“: Die Kategorie fehlt. "
         "Möglich sind die Kürzel oder Namen der Kategorien, z. B. apotheke, haltestelle, Seniorenbüro."),
        (b"kategorie;name;lat;lon\napotheke;A;;7,41\n", "„leer.csv“, Zeile 2, Spalte „lat“: Die Koordinate fehlt."),
    ],
)  # fmt: skip
def test_leere_dateien_und_felder(stadt, tmp_path, inhalt, meldung):
    (tmp_path / "leer.csv").write_bytes(inhalt)
    with pytest.raises(ImportFehler) as info:
        infrastruktur_importieren(pfad=tmp_path / "leer.csv")
    assert info.value.fehler == [meldung]


def test_unbekannte_kodierung(stadt, tmp_path):
    # 0x81 is neither UTF-8 here nor a character of Windows-1252.
    (tmp_path / "kaputt.csv").write_bytes(b"kategorie;name;lat;lon\napotheke;A\x81;51,49;7,41\n")
    with pytest.raises(ImportFehler) as info:
        infrastruktur_importieren(pfad=tmp_path / "kaputt.csv")
    assert info.value.fehler == [
        "„kaputt.csv“: Die Zeichenkodierung ist weder UTF-8 (oder UTF-16 mit BOM) noch Windows-1252. "
        "Bitte speichern Sie die Datei als „CSV UTF-8“."
    ]
    assert Infrastruktur.objects.count() == 0


def test_falsche_endung(stadt, tmp_path):
    shutil.copy(FIXTURES / "gut_wgs84.csv", tmp_path / "daten.xls")
    with pytest.raises(ImportFehler) as info:
        infrastruktur_importieren(pfad=tmp_path / "daten.xls")
    assert info.value.fehler == [
        "„daten.xls“: Dateien mit der Endung „.xls“ können nicht importiert werden. Erlaubt sind CSV (.csv, .txt) "
        "und GeoJSON (.geojson, .json)."
    ]


def test_kommando_importiert_utm(stadt):
    ausgabe = StringIO()
    call_command("import_infrastruktur", str(FIXTURES / "gut_utm.csv"), "--crs", "25832", stdout=ausgabe)
    assert ausgabe.getvalue() == (
        "Import aus „gut_utm.csv“ (CSV, Windows-1252, EPSG:25832): 2 angelegt, 0 aktualisiert, 0 unverändert.\n"
    )


def test_kommando_meldet_fehler_und_aendert_nichts(stadt):
    with pytest.raises(CommandError) as info:
        call_command("import_infrastruktur", str(FIXTURES / "schlecht_utm.csv"), "--crs", "25832")
    zeilen = str(info.value).splitlines()
    assert zeilen[0] == "Der Import wurde abgebrochen, nichts wurde geändert:"
    assert [z.split(": ")[0] for z in zeilen[1:]] == [
        "- „schlecht_utm.csv“, Zeile 2, Spalte „x/y“",
        "- „schlecht_utm.csv“, Zeile 3, Spalte „x/y“",
    ]
    assert bestand() == []


def test_upload_formular_importiert(stadt, client_projektteam):
    datei = SimpleUploadedFile("gut.geojson", (FIXTURES / "gut.geojson").read_bytes())
    antwort = client_projektteam.post(
        reverse("quartiere:infrastruktur_import"), {"datei": datei, "koordinatensystem": "4326"}, follow=True
    )
    assert antwort.redirect_chain == [(reverse("quartiere:infrastruktur_liste"), 302)]
    assert "Import aus „gut.geojson“ (GeoJSON, EPSG:4326): 2 angelegt" in antwort.content.decode()
    assert len(bestand()) == 2
    einrichtung = Infrastruktur.objects.get(name="Rombergpark")
    assert einrichtung.history.get().history_user.username == "projektteam"


def test_upload_formular_zeigt_fehler(stadt, client_projektteam):
    datei = SimpleUploadedFile("schlecht.geojson", (FIXTURES / "schlecht.geojson").read_bytes())
    antwort = client_projektteam.post(
        reverse("quartiere:infrastruktur_import"), {"datei": datei, "koordinatensystem": "4326"}
    )
    inhalt = antwort.content.decode()
    assert antwort.status_code == 200
    assert "Die Datei wurde nicht importiert" in inhalt
    assert "„schlecht.geojson“, Merkmal 1, Spalte „Geometrie“: Erwartet wird ein Punkt" in inhalt
    assert bestand() == []


def test_geojson_mit_crs_verweis_wird_verweigert_und_fragt_nichts_ab(stadt, tmp_path):
    """Issue 9 #1: the ``crs`` link is refused before GDAL opens the file; the listener receives nothing."""
    InfrastrukturFactory()
    vorher = bestand()
    with Lauscher() as lauscher:
        daten = json.loads((FIXTURES / "gut.geojson").read_text(encoding="utf-8"))
        daten["crs"] = {"type": "link", "properties": {"href": lauscher.url("/crs"), "type": "proj4"}}
        datei = tmp_path / "verweis.geojson"
        datei.write_text(json.dumps(daten), encoding="utf-8")
        with pytest.raises(ImportFehler) as info:
            infrastruktur_importieren(pfad=datei)

    assert info.value.fehler == [
        "„verweis.geojson“: Das Koordinatensystem der Datei („crs“ vom Typ „link“) ist kein Name eines "
        "Koordinatensystems, sondern ein Verweis auf eine Adresse oder Datei. Solche Verweise werden aus "
        "Sicherheitsgründen nicht gelesen. Bitte geben Sie das Koordinatensystem als Name an (z. B. „EPSG:25832“) "
        "oder speichern Sie die Datei in WGS 84 ohne „crs“."
    ]
    assert lauscher.empfangen == []
    assert bestand() == vorher


def test_csv_mit_offenem_anfuehrungszeichen_meldet_zeile_und_spalte(stadt, tmp_path):
    InfrastrukturFactory()
    vorher = bestand()
    (tmp_path / "kaputt.csv").write_text('kategorie;name;lat;lon\napotheke;"Löwen-Apotheke;51,49;7,41\n')

    with pytest.raises(ImportFehler) as info:
        infrastruktur_importieren(pfad=tmp_path / "kaputt.csv")

    assert info.value.fehler == [
        '„kaputt.csv“, Zeile 2, Spalte B: Ein Anführungszeichen („"“) am Anfang eines Feldes wird bis zum Ende der '
        'Datei nicht geschlossen. Bitte entfernen Sie es oder schließen Sie das Feld mit einem zweiten „"“.'
    ]
    assert bestand() == vorher


def test_csv_mit_zu_langem_feld_meldet_zeile_und_spalte(stadt, tmp_path):
    (tmp_path / "lang.csv").write_text("kategorie;name;lat;lon\napotheke;" + "A" * 200_000 + ";51,49;7,41\n")

    with pytest.raises(ImportFehler) as info:
        infrastruktur_importieren(pfad=tmp_path / "lang.csv")

    assert info.value.fehler == [
        "„lang.csv“, Zeile 2, Spalte B: Das Feld ist länger als 131.072 Zeichen; so lange Werte werden nicht gelesen."
    ]
    assert Infrastruktur.objects.count() == 0


def test_csv_in_utf16_mit_bom_wird_gelesen(stadt, tmp_path):
    text = (FIXTURES / "gut_wgs84.csv").read_text(encoding="utf-8-sig")
    (tmp_path / "unicode.csv").write_bytes(text.encode("utf-16"))

    ergebnis = infrastruktur_importieren(pfad=tmp_path / "unicode.csv")

    assert (ergebnis.kodierung, ergebnis.angelegt) == ("UTF-16 mit BOM", 3)
