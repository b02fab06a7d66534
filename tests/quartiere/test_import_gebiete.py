"""Import of area boundaries: the service, the management command and the upload form.

The fixtures in ``tests/fixtures/gebiete/`` hold the same three Stadtbezirke in four formats
and three coordinate reference systems. In EPSG:25832 they are rectangles of exactly
4, 6 and 10 km², so a matching area after the import shows the reprojection happened.
"""

import json
import shutil
import tempfile
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from dwk.text import ImportFehler
from quartiere.models import QuartierUnterbezirk, Stadtbezirk, StatistischerBezirk, Unterbezirk
from quartiere.services import gebiete_importieren
from tests.factories import (
    KommuneFactory,
    QuartierFactory,
    StadtbezirkFactory,
    StatistischerBezirkFactory,
    UnterbezirkFactory,
    quadrat,
)
from tests.lauscher import Lauscher

GEBIETE = Path(__file__).resolve().parent.parent / "fixtures" / "gebiete"
STADTBEZIRKE = [("01", "Innenstadt-West"), ("02", "Hörde"), ("03", "Eving")]
FLAECHEN_KM2 = {"01": 4.0, "02": 6.0, "03": 10.0}
# GeoJSON keeps 7 decimals (about 1 cm), so areas may differ by a few square metres.
TOLERANZ_KM2 = 0.001

pytestmark = pytest.mark.django_db


@pytest.fixture
def kommune():
    return KommuneFactory()


@pytest.fixture
def bestand(kommune):
    """Rows that exist before an import: a Stadtbezirk with the code of the files, one without, and below them."""
    innenstadt = StadtbezirkFactory(kommune=kommune, code="01", name="Alter Name", geometrie=quadrat(10))
    mengede = StadtbezirkFactory(kommune=kommune, code="09", name="Mengede", geometrie=quadrat(11))
    bezirk = StatistischerBezirkFactory(stadtbezirk=innenstadt, code="011", name="City", geometrie=quadrat(10))
    UnterbezirkFactory(bezirk=bezirk, code="U011A", name="City-West", geometrie=quadrat(10))
    QuartierFactory(stadtbezirk=innenstadt, grenze=quadrat(10))
    return {"innenstadt": innenstadt, "mengede": mengede, "bezirk": bezirk}


def schnappschuss():
    """Everything an import may change, in a form that compares with ``==``."""
    return {
        "stadtbezirke": [(s.code, s.name, s.kommune_id, s.geometrie.wkt) for s in Stadtbezirk.objects.order_by("code")],
        "bezirke": [
            (b.code, b.name, b.stadtbezirk_id, b.geometrie.wkt) for b in StatistischerBezirk.objects.order_by("code")
        ],
        "unterbezirke": [(u.code, u.name, u.bezirk_id, u.geometrie.wkt) for u in Unterbezirk.objects.order_by("code")],
        "abdeckungen": list(
            QuartierUnterbezirk.objects.order_by("pk").values_list("quartier_id", "unterbezirk__code", "anteil")
        ),
    }


def import_scheitert(**angaben):
    """Run an import that must fail; check it changed nothing and return its messages."""
    vorher = schnappschuss()
    with pytest.raises(ImportFehler) as fehler:
        gebiete_importieren(**angaben)
    assert schnappschuss() == vorher
    return fehler.value.fehler


def geojson_schreiben(pfad, features):
    """Write a GeoJSON FeatureCollection of squares: ``features`` holds (properties, spalte) pairs."""
    pfad.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "properties": properties, "geometry": json.loads(quadrat(spalte, 3).json)}
                    for properties, spalte in features
                ],
            }
        ),
        encoding="utf-8",
    )
    return pfad


def flaechen_km2():
    return {s.code: round(s.flaeche.sq_km, 3) for s in Stadtbezirk.objects.mit_flaeche()}


# --- each format --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("datei", "name_feld"),
    [
        ("stadtbezirke.geojson", "name"),  # EPSG:4326
        ("stadtbezirke.kml", "Name"),  # EPSG:4326, the name is KML's own <name>
        ("stadtbezirke_25832.shp", "name"),  # ETRS89 / UTM 32N
        ("stadtbezirke_25832.zip", "name"),  # the same Shapefile zipped
        ("stadtbezirke_3035.gpkg", "name"),  # ETRS89 / LAEA Europe
    ],
)
def test_import_jedes_format_legt_stadtbezirke_an(kommune, datei, name_feld):
    ergebnis = gebiete_importieren(pfad=GEBIETE / datei, ebene="stadtbezirk", code_feld="code", name_feld=name_feld)

    assert (ergebnis.angelegt, ergebnis.aktualisiert, ergebnis.unveraendert) == (3, 0, 0)
    assert ergebnis.codes == ["01", "02", "03"]
    assert ergebnis.warnungen == []
    assert ergebnis.datei == datei
    assert list(Stadtbezirk.objects.order_by("code").values_list("code", "name")) == STADTBEZIRKE
    assert {(s.geometrie.geom_type, s.geometrie.srid, s.kommune_id) for s in Stadtbezirk.objects.all()} == {
        ("MultiPolygon", 4326, kommune.pk)
    }
    for code, flaeche in flaechen_km2().items():
        assert flaeche == pytest.approx(FLAECHEN_KM2[code], abs=TOLERANZ_KM2), code


def test_import_liegt_nach_umprojektion_in_dortmund(kommune):
    gebiete_importieren(
        pfad=GEBIETE / "stadtbezirke_3035.gpkg", ebene="stadtbezirk", code_feld="code", name_feld="name"
    )

    xmin, ymin, xmax, ymax = Stadtbezirk.objects.get(code="01").geometrie.extent
    assert (round(xmin, 3), round(ymin, 3), round(xmax, 3), round(ymax, 3)) == (7.415, 51.494, 7.444, 51.513)


# --- upsert ---------------------------------------------------------------------------------------


def test_import_erneut_aendert_nichts(kommune):
    angaben = {
        "pfad": GEBIETE / "stadtbezirke.geojson",
        "ebene": "stadtbezirk",
        "code_feld": "code",
        "name_feld": "name",
    }
    gebiete_importieren(**angaben)
    vorher = schnappschuss()

    ergebnis = gebiete_importieren(**angaben)

    assert (ergebnis.angelegt, ergebnis.aktualisiert, ergebnis.unveraendert) == (0, 0, 3)
    assert schnappschuss() == vorher


def test_import_aktualisiert_vorhandene_statt_zu_verdoppeln(bestand):
    ergebnis = gebiete_importieren(
        pfad=GEBIETE / "stadtbezirke_25832.shp", ebene="stadtbezirk", code_feld="code", name_feld="name"
    )

    assert (ergebnis.angelegt, ergebnis.aktualisiert, ergebnis.unveraendert) == (2, 1, 0)
    assert list(Stadtbezirk.objects.order_by("code").values_list("pk", "code", "name")) == [
        (bestand["innenstadt"].pk, "01", "Innenstadt-West"),
        (Stadtbezirk.objects.get(code="02").pk, "02", "Hörde"),
        (Stadtbezirk.objects.get(code="03").pk, "03", "Eving"),
        (bestand["mengede"].pk, "09", "Mengede"),
    ]
    assert flaechen_km2()["01"] == pytest.approx(4.0, abs=TOLERANZ_KM2)
    assert Stadtbezirk.objects.get(code="09").geometrie.wkt == quadrat(11).wkt


def test_import_bezirke_mit_stadtbezirk_als_parent(kommune):
    innenstadt = StadtbezirkFactory(kommune=kommune, code="01")
    hoerde = StadtbezirkFactory(kommune=kommune, code="02")

    ergebnis = gebiete_importieren(
        pfad=GEBIETE / "bezirke.geojson", ebene="bezirk", code_feld="code", name_feld="name", parent_feld="stadtbezirk"
    )

    assert (ergebnis.angelegt, ergebnis.aktualisiert) == (3, 0)
    assert list(StatistischerBezirk.objects.order_by("code").values_list("code", "name", "stadtbezirk_id")) == [
        ("011", "City", innenstadt.pk),
        ("012", "Westfalenhalle", innenstadt.pk),
        ("021", "Hörde-Zentrum", hoerde.pk),
    ]


def test_import_bezirk_ohne_parent_code_behaelt_vorhandenen_parent(bestand, tmp_path):
    datei = geojson_schreiben(tmp_path / "bezirk.geojson", [({"code": "011", "name": "Neue City", "stb": ""}, 0)])

    ergebnis = gebiete_importieren(pfad=datei, ebene="bezirk", code_feld="code", name_feld="name", parent_feld="stb")

    assert ergebnis.aktualisiert == 1
    assert list(StatistischerBezirk.objects.values_list("code", "name", "stadtbezirk_id")) == [
        ("011", "Neue City", bestand["innenstadt"].pk)
    ]


def test_import_unterbezirke_ermittelt_abdeckung_der_quartiere_neu(kommune):
    stadtbezirk = StadtbezirkFactory(kommune=kommune, code="01", geometrie=quadrat(0))
    StatistischerBezirkFactory(stadtbezirk=stadtbezirk, code="011", geometrie=quadrat(0))
    quartier = QuartierFactory(stadtbezirk=stadtbezirk, grenze=quadrat(0))

    ergebnis = gebiete_importieren(
        pfad=GEBIETE / "unterbezirke.geojson",
        ebene="unterbezirk",
        code_feld="code",
        name_feld="name",
        parent_feld="bezirk",
    )

    assert (ergebnis.angelegt, ergebnis.quartiere_neu_abgeleitet) == (2, 1)
    assert [(a.unterbezirk.code, round(a.anteil, 3)) for a in quartier.abdeckungen.select_related("unterbezirk")] == [
        ("U011A", 1.0),
        ("U011B", 1.0),
    ]


def test_import_repariert_schleife_und_meldet_es(kommune):
    ergebnis = gebiete_importieren(
        pfad=GEBIETE / "schleife.geojson", ebene="stadtbezirk", code_feld="code", name_feld="name"
    )

    assert ergebnis.angelegt == 2
    assert ergebnis.warnungen == ["Merkmal 2 (Code 04): ungültige Geometrie repariert."]
    schleife = Stadtbezirk.objects.get(code="04").geometrie
    assert (schleife.geom_type, schleife.valid, len(schleife)) == ("MultiPolygon", True, 2)


def test_import_stadtbezirke_ignoriert_parent_feld_mit_hinweis(kommune):
    ergebnis = gebiete_importieren(
        pfad=GEBIETE / "stadtbezirke.geojson",
        ebene="stadtbezirk",
        code_feld="code",
        name_feld="name",
        parent_feld="kommune",
    )

    assert ergebnis.angelegt == 3
    assert ergebnis.warnungen == [
        "Das Feld „kommune“ für übergeordnete Gebiete wird bei Stadtbezirken nicht gebraucht und blieb unbeachtet."
    ]


def test_import_zip_liest_eintraege_flach(kommune, tmp_path):
    """Directory parts in a ZIP archive, even ``..``, are dropped: nothing lands outside the temporary directory."""
    archiv = tmp_path / "verschachtelt.zip"
    with zipfile.ZipFile(archiv, "w") as zip_datei:
        for endung in ["shp", "shx", "dbf", "prj", "cpg"]:
            zip_datei.write(GEBIETE / f"stadtbezirke_25832.{endung}", f"../../ausbruch/sb.{endung}")
        zip_datei.writestr("__MACOSX/._sb.shp", b"\x00\x05\x16\x07")
        zip_datei.writestr("liesmich.txt", "Stadtbezirke")

    ergebnis = gebiete_importieren(pfad=archiv, ebene="stadtbezirk", code_feld="code", name_feld="name")

    assert ergebnis.codes == ["01", "02", "03"]
    assert not (Path(tempfile.gettempdir()).parent / "ausbruch").exists()


# --- bad input: a German message naming file, feature and field; the database as before ------


def test_import_kaputtes_json_scheitert(bestand):
    fehler = import_scheitert(pfad=GEBIETE / "kaputt.geojson", ebene="stadtbezirk", code_feld="code", name_feld="name")

    assert fehler == [
        "„kaputt.geojson“: Die Datei konnte nicht gelesen werden. Ist sie vollständig und wirklich im angegebenen "
        "Format?"
    ]


def test_import_leere_datei_scheitert(bestand):
    fehler = import_scheitert(pfad=GEBIETE / "leer.geojson", ebene="stadtbezirk", code_feld="code", name_feld="name")

    assert fehler == ["„leer.geojson“: Die Datei enthält keine Gebiete (keine Merkmale)."]


def test_import_fehlendes_feld_nennt_vorhandene_felder(bestand):
    fehler = import_scheitert(
        pfad=GEBIETE / "ohne_name.geojson", ebene="stadtbezirk", code_feld="code", name_feld="name"
    )

    assert fehler == [
        "„ohne_name.geojson“, Feld „name“: Dieses Feld (Feld für den Namen) gibt es in der Datei nicht. "
        "Vorhandene Felder: code, bezeichnung."
    ]


def test_import_unbekannter_parent_code_scheitert(bestand):
    fehler = import_scheitert(
        pfad=GEBIETE / "bezirke_unbekannter_stadtbezirk.geojson",
        ebene="bezirk",
        code_feld="code",
        name_feld="name",
        parent_feld="stadtbezirk",
    )

    assert fehler == [
        "„bezirke_unbekannter_stadtbezirk.geojson“, Merkmal 2 (Code 991), Feld „stadtbezirk“: Ein Gebiet der "
        "Ebene „Stadtbezirk“ mit dem Code „99“ gibt es nicht. Bitte importieren Sie zuerst die Stadtbezirke."
    ]


def test_import_punkt_statt_flaeche_scheitert(bestand):
    fehler = import_scheitert(pfad=GEBIETE / "punkt.geojson", ebene="stadtbezirk", code_feld="code", name_feld="name")

    assert fehler == [
        "„punkt.geojson“, Merkmal 2 (Code 06), Feld „Geometrie“: Die Geometrie ist keine Fläche (Typ Point); "
        "erwartet wird ein Polygon oder MultiPolygon."
    ]


def test_import_falsch_angegebenes_koordinatensystem_scheitert(bestand):
    fehler = import_scheitert(
        pfad=GEBIETE / "falsches_crs.geojson", ebene="stadtbezirk", code_feld="code", name_feld="name"
    )

    assert fehler == [
        "„falsches_crs.geojson“, Merkmal 1 (Code 01), Feld „Geometrie“: Koordinaten außerhalb des gültigen "
        "Bereichs – ist das Koordinatensystem richtig angegeben?"
    ]


def test_import_shapefile_ohne_prj_scheitert(bestand, tmp_path):
    for endung in ["shp", "shx", "dbf", "cpg"]:
        shutil.copy(GEBIETE / f"stadtbezirke_25832.{endung}", tmp_path / f"ohne_prj.{endung}")

    fehler = import_scheitert(pfad=tmp_path / "ohne_prj.shp", ebene="stadtbezirk", code_feld="code", name_feld="name")

    assert fehler == [
        "„ohne_prj.shp“: Die Datei gibt kein Koordinatensystem an. Bitte legen Sie die .prj-Datei des "
        "Shapefiles bei (bei einem ZIP-Archiv: mit ins Archiv packen)."
    ]


def test_import_sammelt_alle_fehler_aller_merkmale(bestand, tmp_path):
    datei = geojson_schreiben(
        tmp_path / "fehlerhaft.geojson",
        [
            ({"code": "04", "name": "Lütgendortmund"}, 0),
            ({"code": "", "name": "Ohne Code"}, 1),
            ({"code": "04", "name": "Doppelt"}, 2),
            ({"code": "05", "name": " "}, 3),
            ({"code": "06" * 11, "name": "Code zu lang"}, 4),
        ],
    )

    fehler = import_scheitert(pfad=datei, ebene="stadtbezirk", code_feld="code", name_feld="name")

    assert fehler == [
        "„fehlerhaft.geojson“, Merkmal 2, Feld „code“: Der Code ist leer.",
        "„fehlerhaft.geojson“, Merkmal 3 (Code 04), Feld „code“: Der Code kommt in der Datei mehrfach vor "
        "(zuerst in Merkmal 1).",
        "„fehlerhaft.geojson“, Merkmal 4 (Code 05), Feld „name“: Der Name ist leer.",
        "„fehlerhaft.geojson“, Merkmal 5 (Code 0606060606060606060606), Feld „code“: Bitte sicherstellen, dass "
        "der Wert aus höchstens 20 Zeichen besteht. (Er besteht aus 22 Zeichen.)",
    ]


def test_import_neuer_bezirk_ohne_parent_code_scheitert(bestand, tmp_path):
    datei = geojson_schreiben(tmp_path / "bezirk.geojson", [({"code": "091", "name": "Mengede-Mitte", "stb": None}, 0)])

    fehler = import_scheitert(pfad=datei, ebene="bezirk", code_feld="code", name_feld="name", parent_feld="stb")

    assert fehler == [
        "„bezirk.geojson“, Merkmal 1 (Code 091), Feld „stb“: Der Code des übergeordneten Gebiets (Stadtbezirk) "
        "ist leer; für neue Gebiete wird er gebraucht."
    ]


def test_import_bezirke_ohne_parent_feld_scheitert(bestand):
    fehler = import_scheitert(pfad=GEBIETE / "bezirke.geojson", ebene="bezirk", code_feld="code", name_feld="name")

    assert fehler == [
        "Für statistische Bezirke wird ein Feld mit dem Code des übergeordneten Gebiets (Stadtbezirk) gebraucht; "
        "bitte geben Sie es an."
    ]


def test_import_stadtbezirke_ohne_kommune_scheitert():
    fehler = import_scheitert(
        pfad=GEBIETE / "stadtbezirke.geojson", ebene="stadtbezirk", code_feld="code", name_feld="name"
    )

    assert fehler == [
        "Es ist noch keine Kommune angelegt. Bitte legen Sie zuerst in der Verwaltung unter „Kommunen“ die Stadt "
        "an, zu der die Stadtbezirke gehören."
    ]


def test_import_unbekannte_dateiendung_scheitert(bestand, tmp_path):
    datei = tmp_path / "gebiete.csv"
    datei.write_text("code;name\n01;Innenstadt-West\n", encoding="utf-8")

    fehler = import_scheitert(pfad=datei, ebene="stadtbezirk", code_feld="code", name_feld="name")

    assert fehler == [
        "„gebiete.csv“: Dateien mit der Endung „.csv“ können nicht importiert werden. Erlaubt sind GeoJSON "
        "(.geojson, .json), KML (.kml), GeoPackage (.gpkg) und Shapefile (.shp oder als ZIP-Archiv .zip mit "
        ".shp, .shx, .dbf und .prj)."
    ]


def test_import_datei_in_anderem_format_als_endung_scheitert(bestand, tmp_path):
    datei = tmp_path / "eigentlich_kml.geojson"
    shutil.copy(GEBIETE / "stadtbezirke.kml", datei)

    fehler = import_scheitert(pfad=datei, ebene="stadtbezirk", code_feld="code", name_feld="Name")

    assert fehler == [
        "„eigentlich_kml.geojson“: Die Datei hat die Endung „.geojson“, ist aber im Format „KML“. Bitte geben Sie "
        "ihr die passende Endung oder wählen Sie die richtige Datei."
    ]


def test_import_verweigert_vrt_das_andere_dateien_liest(bestand, tmp_path):
    """A GDAL VRT file can read any file the server may read; the VRT driver is not even registered (dwk.gdal)."""
    geheim = tmp_path / "geheim.csv"
    geheim.write_text('code,name,wkt\n04,Geheim,"POLYGON((7.41 51.49,7.44 51.49,7.44 51.51,7.41 51.49))"\n')
    datei = tmp_path / "verweis.geojson"
    datei.write_text(
        f'<OGRVRTDataSource><OGRVRTLayer name="geheim"><SrcDataSource>{geheim}</SrcDataSource>'
        '<LayerSRS>EPSG:4326</LayerSRS><GeometryField encoding="WKT" field="wkt"/></OGRVRTLayer></OGRVRTDataSource>'
    )

    fehler = import_scheitert(pfad=datei, ebene="stadtbezirk", code_feld="code", name_feld="name")

    assert fehler == [
        "„verweis.geojson“: Die Datei konnte nicht gelesen werden. Ist sie vollständig und wirklich im angegebenen "
        "Format?"
    ]


# --- links and references in a file (issue 9 #1): refused before GDAL opens the file, nothing is fetched ------


def crs_verweis_schreiben(pfad, crs):
    """The three Stadtbezirke of ``stadtbezirke.geojson`` with ``crs`` as their coordinate reference system."""
    daten = json.loads((GEBIETE / "stadtbezirke.geojson").read_text(encoding="utf-8"))
    daten["crs"] = crs
    pfad.write_text(json.dumps(daten), encoding="utf-8")
    return pfad


def crs_meldung(datei, art):
    return (
        f"„{datei}“: Das Koordinatensystem der Datei („crs“ vom Typ „{art}“) ist kein Name eines "
        "Koordinatensystems, sondern ein Verweis auf eine Adresse oder Datei. Solche Verweise werden aus "
        "Sicherheitsgründen nicht gelesen. Bitte geben Sie das Koordinatensystem als Name an (z. B. „EPSG:25832“) "
        "oder speichern Sie die Datei in WGS 84 ohne „crs“."
    )


CRS_VERWEISE = {
    "link": {"type": "link", "properties": {"href": "{url}/crs.proj4", "type": "proj4"}},
    "url": {"type": "url", "properties": {"url": "{url}/crs"}},
    "name": {"type": "name", "properties": {"name": "{url}/crs"}},
    "datei": {"type": "link", "properties": {"href": "file:///etc/passwd", "type": "ogcwkt"}},
}


@pytest.mark.parametrize("art", CRS_VERWEISE)
def test_import_verweigert_crs_verweis_und_fragt_nichts_ab(bestand, tmp_path, art):
    with Lauscher() as lauscher:
        crs = json.loads(json.dumps(CRS_VERWEISE[art]).replace("{url}", lauscher.url("")))
        datei = crs_verweis_schreiben(tmp_path / "verweis.geojson", crs)

        fehler = import_scheitert(pfad=datei, ebene="stadtbezirk", code_feld="code", name_feld="name")

    assert fehler == [crs_meldung("verweis.geojson", CRS_VERWEISE[art]["type"])]
    assert lauscher.empfangen == []


def test_import_verweigert_crs_verweis_in_einem_merkmal(bestand, tmp_path):
    """GeoJSON 2008 allowed ``crs`` on features and geometries too; none of them may link elsewhere."""
    with Lauscher() as lauscher:
        daten = json.loads((GEBIETE / "stadtbezirke.geojson").read_text(encoding="utf-8"))
        daten["features"][1]["geometry"]["crs"] = {"type": "link", "properties": {"href": lauscher.url("/g")}}
        datei = tmp_path / "tief.geojson"
        datei.write_text(json.dumps(daten), encoding="utf-8")

        fehler = import_scheitert(pfad=datei, ebene="stadtbezirk", code_feld="code", name_feld="name")

    assert fehler == [crs_meldung("tief.geojson", "link")]
    assert lauscher.empfangen == []


def test_import_liest_crs_als_name_wie_bisher(kommune, tmp_path):
    for name in ("EPSG:4326", "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326"):
        datei = crs_verweis_schreiben(tmp_path / "benannt.geojson", {"type": "name", "properties": {"name": name}})
        ergebnis = gebiete_importieren(pfad=datei, ebene="stadtbezirk", code_feld="code", name_feld="name")
        assert ergebnis.angelegt + ergebnis.unveraendert == 3


def test_befehl_verweigert_crs_verweis_und_fragt_nichts_ab(bestand, tmp_path):
    vorher = schnappschuss()
    with Lauscher() as lauscher:
        datei = crs_verweis_schreiben(
            tmp_path / "verweis.geojson", {"type": "link", "properties": {"href": lauscher.url("/x"), "type": "proj4"}}
        )
        with pytest.raises(CommandError) as fehler:
            call_command(
                "import_gebiete", str(datei), "--ebene", "stadtbezirk", "--code-feld", "code", "--name-feld", "name"
            )

    assert str(fehler.value) == (
        "Der Import wurde abgebrochen, nichts wurde geändert:\n- " + crs_meldung("verweis.geojson", "link")
    )
    assert lauscher.empfangen == []
    assert schnappschuss() == vorher


def test_import_zip_ohne_shapefile_scheitert(bestand, tmp_path):
    archiv = tmp_path / "ohne_shp.zip"
    with zipfile.ZipFile(archiv, "w") as zip_datei:
        zip_datei.write(GEBIETE / "stadtbezirke.geojson", "stadtbezirke.geojson")

    fehler = import_scheitert(pfad=archiv, ebene="stadtbezirk", code_feld="code", name_feld="name")

    assert fehler == [
        "„ohne_shp.zip“: Das ZIP-Archiv muss genau ein Shapefile (.shp mit .shx, .dbf und .prj) enthalten; gefunden: 0."
    ]


def test_import_zip_ueber_der_groessengrenze_scheitert(bestand, settings):
    settings.DWK_GEBIETE_UPLOAD_MAX_BYTES = 1000

    fehler = import_scheitert(
        pfad=GEBIETE / "stadtbezirke_25832.zip", ebene="stadtbezirk", code_feld="code", name_feld="name"
    )

    assert fehler == ["„stadtbezirke_25832.zip“: Die Datei ist zu groß; erlaubt sind höchstens 1000\xa0Bytes."]


def test_import_kaputtes_zip_scheitert(bestand, tmp_path):
    archiv = tmp_path / "kaputt.zip"
    archiv.write_bytes(b"PK\x03\x04 kein echtes Archiv")

    fehler = import_scheitert(pfad=archiv, ebene="stadtbezirk", code_feld="code", name_feld="name")

    assert fehler == ["„kaputt.zip“: Das ZIP-Archiv ist beschädigt oder verschlüsselt."]


# --- management command ---------------------------------------------------------------------------


def test_befehl_importiert_und_berichtet(kommune):
    ausgabe = StringIO()

    call_command(
        "import_gebiete",
        str(GEBIETE / "schleife.geojson"),
        "--ebene",
        "stadtbezirk",
        "--code-feld",
        "code",
        "--name-feld",
        "name",
        stdout=ausgabe,
    )

    assert ausgabe.getvalue() == (
        "Import aus „schleife.geojson“ (Stadtbezirke): 2 angelegt, 0 aktualisiert, 0 unverändert.\n"
        "Hinweis: Merkmal 2 (Code 04): ungültige Geometrie repariert.\n"
    )
    assert list(Stadtbezirk.objects.values_list("code", flat=True)) == ["04", "05"]


def test_befehl_meldet_alle_fehler_und_aendert_nichts(bestand):
    vorher = schnappschuss()

    with pytest.raises(CommandError) as fehler:
        call_command(
            "import_gebiete",
            str(GEBIETE / "ohne_name.geojson"),
            "--ebene",
            "bezirk",
            "--code-feld",
            "code",
            "--name-feld",
            "name",
        )

    assert str(fehler.value) == (
        "Der Import wurde abgebrochen, nichts wurde geändert:\n"
        "- Für statistische Bezirke wird ein Feld mit dem Code des übergeordneten Gebiets (Stadtbezirk) "
        "gebraucht; bitte geben Sie es an."
    )
    assert schnappschuss() == vorher


def test_befehl_fehlende_datei_scheitert(bestand):
    with pytest.raises(CommandError) as fehler:
        call_command(
            "import_gebiete",
            "/gibt/es/nicht.geojson",
            "--ebene",
            "stadtbezirk",
            "--code-feld",
            "code",
            "--name-feld",
            "name",
        )

    assert str(fehler.value) == (
        "Der Import wurde abgebrochen, nichts wurde geändert:\n- Die Datei „nicht.geojson“ gibt es nicht."
    )


# --- upload form ----------------------------------------------------------------------------------


def hochladen(client, datei, **angaben):
    pfad = GEBIETE / datei
    daten = {"ebene": "stadtbezirk", "code_feld": "code", "name_feld": "name", "parent_feld": "", **angaben}
    daten["datei"] = SimpleUploadedFile(pfad.name, pfad.read_bytes())
    return client.post(reverse("quartiere:gebiete_import"), daten)


def meldungen(antwort):
    return [str(meldung) for meldung in antwort.context["messages"]]


def test_upload_formular_zeigt_sich_dem_projektteam(client_projektteam):
    antwort = client_projektteam.get(reverse("quartiere:gebiete_import"))

    assert antwort.status_code == 200
    assert antwort.templates[0].name == "quartiere/gebiete_import.html"


def test_upload_geojson_durch_projektteam(client_projektteam, kommune):
    antwort = hochladen(client_projektteam, "stadtbezirke.geojson")

    assert antwort.status_code == 302
    assert antwort.url == reverse("quartiere:gebiete_import")
    assert meldungen(client_projektteam.get(antwort.url)) == [
        "Import aus „stadtbezirke.geojson“ (Stadtbezirke): 3 angelegt, 0 aktualisiert, 0 unverändert."
    ]
    assert list(Stadtbezirk.objects.order_by("code").values_list("code", "name")) == STADTBEZIRKE


def test_upload_gezipptes_shapefile_durch_projektteam(client_projektteam, bestand):
    antwort = hochladen(client_projektteam, "stadtbezirke_25832.zip")

    assert antwort.status_code == 302
    assert meldungen(client_projektteam.get(antwort.url)) == [
        "Import aus „stadtbezirke_25832.zip“ (Stadtbezirke): 2 angelegt, 1 aktualisiert, 0 unverändert."
    ]
    assert list(Stadtbezirk.objects.order_by("code").values_list("code", "name")) == [*STADTBEZIRKE, ("09", "Mengede")]
    assert flaechen_km2()["03"] == pytest.approx(10.0, abs=TOLERANZ_KM2)


def test_upload_unterbezirke_meldet_neu_ermittelte_abdeckung(client_projektteam, bestand):
    antwort = hochladen(client_projektteam, "unterbezirke.geojson", ebene="unterbezirk", parent_feld="bezirk")

    assert meldungen(client_projektteam.get(antwort.url)) == [
        "Import aus „unterbezirke.geojson“ (statistische Unterbezirke): 1 angelegt, 1 aktualisiert, 0 unverändert.",
        "Für 1 Quartier wurde neu ermittelt, welche Unterbezirke es abdeckt.",
    ]


def test_upload_fehlerhafte_datei_zeigt_fehler_und_aendert_nichts(client_projektteam, bestand):
    vorher = schnappschuss()

    antwort = hochladen(
        client_projektteam, "bezirke_unbekannter_stadtbezirk.geojson", ebene="bezirk", parent_feld="stadtbezirk"
    )

    assert antwort.status_code == 200
    assert antwort.context["import_fehler"] == [
        "„bezirke_unbekannter_stadtbezirk.geojson“, Merkmal 2 (Code 991), Feld „stadtbezirk“: Ein Gebiet der "
        "Ebene „Stadtbezirk“ mit dem Code „99“ gibt es nicht. Bitte importieren Sie zuerst die Stadtbezirke."
    ]
    inhalt = antwort.content.decode()
    assert 'role="alert"' in inhalt
    assert "Merkmal 2 (Code 991), Feld „stadtbezirk“" in inhalt
    assert schnappschuss() == vorher


def test_upload_ohne_parent_feld_zeigt_formularfehler(client_projektteam, bestand):
    antwort = hochladen(client_projektteam, "bezirke.geojson", ebene="bezirk")

    assert antwort.status_code == 200
    assert antwort.context["form"].non_field_errors() == [
        "Für statistische Bezirke wird ein Feld mit dem Code des übergeordneten Gebiets (Stadtbezirk) gebraucht; "
        "bitte geben Sie es an."
    ]
    assert StatistischerBezirk.objects.count() == 1


def test_upload_unbekannter_dateityp_zeigt_formularfehler(client_projektteam, bestand):
    antwort = client_projektteam.post(
        reverse("quartiere:gebiete_import"),
        {
            "datei": SimpleUploadedFile("gebiete.csv", b"code;name\n01;Innenstadt-West\n"),
            "ebene": "stadtbezirk",
            "code_feld": "code",
            "name_feld": "name",
        },
    )

    assert antwort.status_code == 200
    assert antwort.context["form"].non_field_errors() == [
        "„gebiete.csv“: Dateien mit der Endung „.csv“ können nicht importiert werden. Erlaubt sind GeoJSON "
        "(.geojson, .json), KML (.kml), GeoPackage (.gpkg) und Shapefile (.shp oder als ZIP-Archiv .zip mit "
        ".shp, .shx, .dbf und .prj)."
    ]


def test_upload_einzelnes_shp_verlangt_zip(client_projektteam, kommune):
    antwort = hochladen(client_projektteam, "stadtbezirke_25832.shp")

    assert antwort.status_code == 200
    assert antwort.context["form"].errors["datei"] == [
        "Ein Shapefile besteht aus mehreren Dateien. Bitte packen Sie die Dateien .shp, .shx, .dbf und .prj "
        "zusammen in ein ZIP-Archiv und laden Sie dieses hoch."
    ]
    assert Stadtbezirk.objects.count() == 0


def test_upload_zu_grosse_datei_zeigt_formularfehler(client_projektteam, kommune, settings):
    settings.DWK_GEBIETE_UPLOAD_MAX_BYTES = 100

    antwort = hochladen(client_projektteam, "stadtbezirke.geojson")

    assert antwort.status_code == 200
    assert antwort.context["form"].errors["datei"] == ["Die Datei ist zu groß; erlaubt sind höchstens 100\xa0Bytes."]
    assert Stadtbezirk.objects.count() == 0


def test_upload_lenkungsgruppe_bekommt_403(client, lenkungsgruppe, kommune):
    client.force_login(lenkungsgruppe)

    assert client.get(reverse("quartiere:gebiete_import")).status_code == 403
    assert hochladen(client, "stadtbezirke.geojson").status_code == 403
    assert Stadtbezirk.objects.count() == 0


def test_upload_anonym_fuehrt_zur_anmeldung(client, kommune):
    antwort = hochladen(client, "stadtbezirke.geojson")

    assert antwort.status_code == 302
    assert antwort.url.startswith(reverse("login"))
    assert Stadtbezirk.objects.count() == 0


def test_upload_verweigert_crs_verweis_und_fragt_nichts_ab(client_projektteam, bestand, tmp_path):
    vorher = schnappschuss()
    with Lauscher() as lauscher:
        datei = crs_verweis_schreiben(
            tmp_path / "verweis.geojson", {"type": "link", "properties": {"href": lauscher.url("/x"), "type": "proj4"}}
        )
        antwort = client_projektteam.post(
            reverse("quartiere:gebiete_import"),
            {
                "ebene": "stadtbezirk",
                "code_feld": "code",
                "name_feld": "name",
                "parent_feld": "",
                "datei": SimpleUploadedFile("verweis.geojson", datei.read_bytes()),
            },
        )

    assert antwort.status_code == 200
    assert antwort.context["import_fehler"] == [crs_meldung("verweis.geojson", "link")]
    assert lauscher.empfangen == []
    assert schnappschuss() == vorher


# --- files that would exhaust the server (issue 9 #7) ---------------------------------------------------------


def test_import_flaeche_mit_einer_million_stuetzpunkten_scheitert(bestand, tmp_path):
    """Refused before GEOS sees it: the vertices are counted on GDAL's geometry (default limit 100,000)."""
    import math

    anzahl = 1_000_000
    ring = [
        [
            round(7.45 + 0.01 * math.cos(2 * math.pi * i / anzahl), 7),
            round(51.5 + 0.01 * math.sin(2 * math.pi * i / anzahl), 7),
        ]
        for i in range(anzahl)
    ]
    ring.append(ring[0])
    datei = tmp_path / "riesig.geojson"
    daten = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"code": "01", "name": "Innenstadt"},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            },
            {
                "type": "Feature",
                "properties": {"code": "02", "name": "Hörde"},
                "geometry": json.loads(quadrat(3, 3).json),
            },
        ],
    }
    datei.write_text(json.dumps(daten, separators=(",", ":")), encoding="utf-8")

    fehler = import_scheitert(pfad=datei, ebene="stadtbezirk", code_feld="code", name_feld="name")

    assert fehler == [
        "„riesig.geojson“, Merkmal 1 (Code 01), Feld „Geometrie“: Die Fläche hat 1.000.001 Stützpunkte; erlaubt "
        "sind höchstens 100.000 je Gebiet. Bitte vereinfachen Sie die Geometrie (z. B. in QGIS mit „Vereinfachen“)."
    ]


def test_import_grenze_der_stuetzpunkte_gilt_je_gebiet_und_jedem_format(bestand, settings):
    settings.DWK_GEBIETE_MAX_STUETZPUNKTE = 4  # the fixtures' rectangles have 5 (the first repeated at the end)

    for datei in ("stadtbezirke.geojson", "stadtbezirke.kml", "stadtbezirke_3035.gpkg", "stadtbezirke_25832.zip"):
        name_feld = "Name" if datei.endswith(".kml") else "name"
        fehler = import_scheitert(pfad=GEBIETE / datei, ebene="stadtbezirk", code_feld="code", name_feld=name_feld)

        assert len(fehler) == 3
        assert fehler[0].startswith(f"„{datei}“, Merkmal 1 (Code 01), Feld „Geometrie“: Die Fläche hat 5 Stützpunkte")


def test_import_zip_mit_5000_eintraegen_nennt_den_grund(bestand, tmp_path):
    archiv = tmp_path / "viele.zip"
    with zipfile.ZipFile(archiv, "w", compression=zipfile.ZIP_DEFLATED) as zip_datei:
        for datei in ("stadtbezirke_25832.shp", "stadtbezirke_25832.shx", "stadtbezirke_25832.dbf"):
            zip_datei.write(GEBIETE / datei, datei)
        for nummer in range(4997):
            zip_datei.writestr(f"{nummer}", "")
    assert archiv.stat().st_size < 500_000

    fehler = import_scheitert(pfad=archiv, ebene="stadtbezirk", code_feld="code", name_feld="name")

    assert fehler == [
        "„viele.zip“: Das ZIP-Archiv enthält 5.000 Einträge; erlaubt sind höchstens 100. Ein Shapefile besteht aus "
        "vier oder fünf Dateien (.shp, .shx, .dbf, .prj, .cpg); bitte packen Sie nur diese ins Archiv."
    ]


def test_befehl_verweigert_datei_ueber_der_groessengrenze(bestand, settings):
    settings.DWK_GEBIETE_UPLOAD_MAX_BYTES = 500
    vorher = schnappschuss()

    with pytest.raises(CommandError) as fehler:
        call_command(
            "import_gebiete",
            str(GEBIETE / "stadtbezirke.geojson"),
            "--ebene",
            "stadtbezirk",
            "--code-feld",
            "code",
            "--name-feld",
            "name",
        )

    assert str(fehler.value) == (
        "Der Import wurde abgebrochen, nichts wurde geändert:\n"
        "- „stadtbezirke.geojson“: Die Datei ist zu groß; erlaubt sind höchstens 500\xa0Bytes."
    )
    assert schnappschuss() == vorher
