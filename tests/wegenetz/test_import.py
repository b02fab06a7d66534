"""Import of a small real OSM extract (tests/fixtures/wegenetz_klein.osm.pbf, see its .py), atomic
re-import, bad files, and the two management commands."""

import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from dwk.text import ImportFehler
from tests.factories import BefundFactory, StadtbezirkFactory, quadrat
from wegenetz.models import Barriere, Distanzfeld, Netzstand, Wegabschnitt
from wegenetz.services import distanzfelder_berechnen, wegenetz_importieren

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
KLEIN = FIXTURES / "wegenetz_klein.osm.pbf"


def _importieren(pfad=KLEIN):
    return wegenetz_importieren(pfad=pfad)


def test_import_behaelt_fusswege_und_verwirft_was_fussgaenger_nicht_nutzen():
    netz, bericht = _importieren()

    assert (netz.anzahl_kanten, netz.anzahl_knoten) == (14, 11)
    assert Wegabschnitt.objects.filter(netz=netz).count() == 14
    assert dict(bericht.behalten) == {
        "footway": 3,
        "living_street": 1,
        "path": 1,
        "residential": 1,
        "service": 1,
        "steps": 1,
        "tertiary": 1,
        "track": 1,
    }
    verworfen = {grund: dict(arten) for grund, arten in bericht.verworfen.items()}
    assert verworfen == {
        "Straße ohne Gehweg oder mit eigens erfasstem Gehweg": {"primary": 1},
        "Autobahn oder Kraftfahrstraße": {"motorway": 1},
        "kein Zugang (access=no/private)": {"service": 1},
        "für Fußgänger gesperrt (foot=no/private)": {"footway": 1},
    }
    assert netz.bericht["behalten"]["steps"] == 1


def test_import_uebernimmt_die_attribute_der_profile():
    _importieren()
    treppe = Wegabschnitt.objects.get(osm_weg=103)
    assert (treppe.art, treppe.ist_treppe, treppe.steigung_prozent) == ("steps", True, None)
    assert treppe.laenge_m == pytest.approx(100, rel=0.05)
    feldweg = Wegabschnitt.objects.filter(osm_weg=106).first()
    assert (feldweg.steigung_prozent, feldweg.ist_treppe) == (12.0, False)
    pfad = Wegabschnitt.objects.get(osm_weg=104)
    assert (pfad.oberflaeche, pfad.smoothness) == ("gravel", "bad")
    assert Wegabschnitt.objects.get(osm_weg=102).kerb == "raised"
    assert Wegabschnitt.objects.get(osm_weg=101).lit == "yes"
    assert set(Wegabschnitt.objects.filter(osm_weg=107).values_list("wheelchair", flat=True)) == {"no"}
    strasse = Wegabschnitt.objects.filter(osm_weg=100).order_by("pk")
    assert [s.name for s in strasse] == ["Lindenstraße", "Lindenstraße"]
    # Cut at the junction with the steps (node 2): two edges, joined at one node index.
    assert strasse[0].nach_index == strasse[1].von_index
    assert Wegabschnitt.objects.get(osm_weg=108).geometrie.num_points == 4


def test_kanten_ausserhalb_der_stadtbezirke_werden_verworfen():
    StadtbezirkFactory(geometrie=quadrat(0))  # the extract but for one footway
    netz, bericht = _importieren()
    assert (netz.anzahl_kanten, netz.anzahl_knoten, bericht.ausserhalb) == (13, 9, 1)
    assert not Wegabschnitt.objects.filter(name="Weit draußen").exists()
    assert "1 Wegabschnitte außerhalb der Stadtbezirke verworfen." in bericht.zeilen()


def test_zweiter_import_ersetzt_das_netz_und_behaelt_die_barrieren():
    netz, _bericht = _importieren()
    StadtbezirkFactory(geometrie=quadrat(0))
    distanzfelder_berechnen()
    assert Distanzfeld.objects.filter(netz=netz).count() > 0
    treppe = Wegabschnitt.objects.get(osm_weg=103)
    befund = BefundFactory()
    Barriere.objects.create(befund=befund, wegabschnitt=treppe)

    neu, bericht = _importieren()

    assert list(Netzstand.objects.values_list("pk", flat=True)) == [neu.pk]
    # Now with a Stadtbezirk: the footway far outside is dropped.
    assert (Wegabschnitt.objects.count(), bericht.ausserhalb) == (13, 1)
    assert not Distanzfeld.objects.exists()
    assert list(Barriere.objects.values_list("befund_id", "wegabschnitt__osm_weg")) == [(befund.pk, 103)]
    assert (bericht.barrieren_erhalten, bericht.barrieren_entfallen) == (1, 0)


def _kaputt(tmp_path, name, inhalt):
    pfad = tmp_path / name
    pfad.write_bytes(inhalt)
    return pfad


@pytest.mark.parametrize(
    ("name", "inhalt", "meldung"),
    [
        ("strassen.osm.pbf", b"Dies ist keine OSM-Datei.\n", "lässt sich nicht als OpenStreetMap-Auszug lesen"),
        ("strassen.osm.pbf", b"", "ist leer"),
        ("strassen.csv", b"name;lat;lon\nWeg;51.5;7.4\n", "ist kein OpenStreetMap-Auszug"),
        ("strassen.osm", b"<osm version='0.6'><way id='1'>", "lässt sich nicht als OpenStreetMap-Auszug lesen"),
        ("halb.osm.pbf", None, "lässt sich nicht als OpenStreetMap-Auszug lesen"),
        (
            "nur_bahn.osm",
            b"<?xml version='1.0'?><osm version='0.6'><node id='1' lat='51.48' lon='7.40' version='1'/>"
            b"<node id='2' lat='51.49' lon='7.40' version='1'/><way id='3' version='1'><nd ref='1'/><nd ref='2'/>"
            b"<tag k='railway' v='rail'/></way></osm>",
            "enthält keinen Weg für Fußgänger",
        ),
    ],
)
def test_kaputte_dateien_aendern_nichts(tmp_path, name, inhalt, meldung):
    netz, _bericht = _importieren()
    if inhalt is None:
        inhalt = KLEIN.read_bytes()[: KLEIN.stat().st_size // 2]
    with pytest.raises(ImportFehler) as fehler:
        _importieren(_kaputt(tmp_path, name, inhalt))
    assert meldung in str(fehler.value)
    assert name in str(fehler.value)
    assert list(Netzstand.objects.values_list("pk", flat=True)) == [netz.pk]
    assert Wegabschnitt.objects.filter(netz=netz).count() == 14


def test_befehl_import_wegenetz_berichtet(capsys, tmp_path):
    call_command("import_wegenetz", str(KLEIN))
    ausgabe = capsys.readouterr().out
    assert "14 Wegabschnitte mit 11 Knoten importiert." in ausgabe
    assert "Verworfen, Autobahn oder Kraftfahrstraße: motorway 1" in ausgabe
    assert "Das Wegenetz ist importiert." in ausgabe
    assert Distanzfeld.objects.count() == 17 * 3

    kaputt = shutil.copy(
        FIXTURES / "infrastruktur" / next(iter(sorted(p.name for p in (FIXTURES / "infrastruktur").iterdir()))),
        tmp_path,
    )
    with pytest.raises(CommandError, match="Der Import wurde abgebrochen, nichts wurde geändert"):
        call_command("import_wegenetz", kaputt)
    with pytest.raises(CommandError, match="gibt es nicht"):
        call_command("import_wegenetz", str(tmp_path / "fehlt.osm.pbf"))


def test_befehl_erreichbarkeit_schreibt_geojson(tmp_path, capsys):
    _importieren()
    ziel = tmp_path / "iso.geojson"
    # From node 1 (south-west corner): the rollator avoids the steps and the 12 % track.
    call_command(
        "erreichbarkeit",
        "--lon",
        "7.404",
        "--lat",
        "51.484",
        "--profil",
        "rollator",
        "--minuten",
        "5",
        "--geojson",
        str(ziel),
    )
    daten = json.loads(ziel.read_text())
    wege = [f for f in daten["features"] if f["properties"]["art"] == "weg"]
    flaechen = [f for f in daten["features"] if f["properties"]["art"] == "flaeche"]
    assert [f["properties"]["minuten"] for f in flaechen] == [5]
    assert flaechen[0]["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    assert "steps" not in {f["properties"]["weg"] for f in wege}
    assert {f["properties"]["name"] for f in wege} >= {"Lindenstraße"}
    assert all(f["properties"]["minuten"] <= 5 for f in wege)
    assert "in 5 Minuten erreichbar" in capsys.readouterr().out

    with pytest.raises(CommandError, match="mehr als 400 m vom Wegenetz"):
        call_command("erreichbarkeit", "--lon", "8.5", "--lat", "51.484", "--geojson", str(ziel))
    with pytest.raises(CommandError, match="zwischen 1 und 60"):
        call_command("erreichbarkeit", "--lon", "7.404", "--lat", "51.484", "--minuten", "0", "--geojson", str(ziel))
