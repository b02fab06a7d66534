"""The shared text helpers (dwk.text): one slug, one German-number parser, one import error."""

import pytest

from dwk.text import ImportFehler, slug_ascii, zahl_lesen
from quartiere.models import Handlungsfeld, InfrastrukturKategorie, Quartier
from quartiere.services import infrastruktur_kategorie_speichern, quartier_speichern
from tests.factories import StadtbezirkFactory


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Hörde Süd", "hoerde-sued"),
        ("Große Straße", "grosse-strasse"),
        ("ÄÖÜ äöü ß", "aeoeue-aeoeue-ss"),
        ("Bäckerei & Café", "baeckerei-cafe"),
        ("Marten/Germania", "martengermania"),
    ],
)
def test_slug_ascii_transliteriert_wie_das_glossar(text, slug):
    assert slug_ascii(text) == slug


def test_quartier_und_kategorie_bekommen_denselben_eindeutigen_slug(db):
    stadtbezirk = StadtbezirkFactory()
    slugs = []
    for _nummer in range(2):
        quartier = Quartier(name="Hörde Süd", stadtbezirk=stadtbezirk, siedlungsepoche="gruenderzeit")
        quartier.grenze = stadtbezirk.geometrie
        slugs.append(quartier_speichern(quartier=quartier).slug)
    kategorie = InfrastrukturKategorie(name="Hörde Süd Bäckerei", handlungsfeld=Handlungsfeld.objects.first())

    assert slugs == ["hoerde-sued", "hoerde-sued-2"]
    assert infrastruktur_kategorie_speichern(kategorie=kategorie).slug == "hoerde-sued-baeckerei"


@pytest.mark.parametrize(
    ("text", "zahl"),
    [("1.234", 1234.0), ("1.234.567,89", 1234567.89), ("12,5", 12.5), ("-3", -3.0), ("\u00a01 234 ", 1234.0)],
)
def test_zahl_lesen_deutsch(text, zahl):
    assert zahl_lesen(text) == zahl


@pytest.mark.parametrize("text", ["1.5", "12a", "1,2,3", "", "1.23", "1.2.3,5"])
def test_zahl_lesen_deutsch_keine_zahl(text):
    """Points group thousands in German: "1.5" and "1.23" are no numbers there."""
    assert zahl_lesen(text) is None


@pytest.mark.parametrize(
    ("text", "zahl"),
    [("7,4653", 7.4653), ("392.123,5", 392123.5), ("7.4653", 7.4653), ("-0.5", -0.5), ("1e3", 1000.0)],
)
def test_zahl_lesen_mit_dezimalpunkt_wie_koordinaten(text, zahl):
    assert zahl_lesen(text, dezimalpunkt=True) == zahl


@pytest.mark.parametrize("text", ["inf", "nan", "-Infinity", "1e999", "1" + ".000" * 140, "0x10", "1_000", "", "12a"])
@pytest.mark.parametrize("dezimalpunkt", [False, True])
def test_zahl_lesen_verweigert_nicht_endliches_und_unsinn(text, dezimalpunkt):
    assert zahl_lesen(text, dezimalpunkt=dezimalpunkt) is None


def test_importfehler_bericht_nennt_hoechstens_so_viele_fehler():
    fehler = ImportFehler([f"Zeile {n}: falsch" for n in range(1, 5)], kodierung="UTF-8")

    assert fehler.kodierung == "UTF-8"
    assert fehler.bericht(hoechstens=2) == (
        "Der Import wurde abgebrochen, nichts wurde geändert:\n- Zeile 1: falsch\n- Zeile 2: falsch\n"
        "… und 2 weitere Fehler."
    )
