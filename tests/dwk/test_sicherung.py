"""Backup and restore (issue 13, dwk/sicherung.py): a database with a cut of the demo (areas of
Menglinghausen, a quarter, facilities, key persons, a walk-through with photos through the real upload
pipeline) is backed up with the command of ``make backup``,
restored with that of ``make restore`` into a fresh database and a fresh media folder, and compared:
row counts of every table, every geometry, the checksum of every media file. A changed or
incomplete backup is refused before anything is touched."""

import hashlib
import io
import json
import sqlite3
from pathlib import Path

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from PIL import Image
from psycopg import sql

from dwk.sicherung import MANIFEST, _sqlite_sichern, manifest_pruefen
from quartiersprofil.models import Foto
from quartiersprofil.services.begehungen import fotos_hochladen
from tests.browser.hilfen import menglinghausen_bezirk, menglinghausen_quartier
from tests.conftest import spatialite_kopie
from tests.factories import AkteurFactory, BegehungFactory, InfrastrukturFactory, UnterbezirkFactory, quadrat


def demo_ausschnitt():
    """Areas, a quarter, facilities, key persons and three photos (each stored as original, web
    and print derivative)."""
    bezirk = menglinghausen_bezirk()
    quartier = menglinghausen_quartier(bezirk, unterbezirke=(("691", "West", 0), ("692", "Ost", 1)))
    UnterbezirkFactory(bezirk=bezirk, code="693", name="Süd", geometrie=quadrat(0, 1))
    for i in range(5):
        InfrastrukturFactory(name=f"Einrichtung {i}")
    AkteurFactory.create_batch(3, quartier=quartier)
    dateien = []
    for i, farbe in enumerate(["red", "green", "blue"]):
        puffer = io.BytesIO()
        Image.new("RGB", (640, 480), farbe).save(puffer, "JPEG")
        dateien.append(SimpleUploadedFile(f"foto{i}.jpg", puffer.getvalue(), content_type="image/jpeg"))
    fotos_hochladen(quartier=quartier, begehung=BegehungFactory(quartier=quartier), dateien=dateien)


def _verbinden(name):
    einstellungen = connection.settings_dict
    werte = {
        "dbname": name,
        "user": einstellungen.get("USER"),
        "password": einstellungen.get("PASSWORD"),
        "host": einstellungen.get("HOST"),
        "port": einstellungen.get("PORT"),
    }
    return psycopg.connect(**{k: v for k, v in werte.items() if v}, autocommit=True)


def _url(name):
    e = connection.settings_dict
    anmeldung = f"{e['USER']}:{e['PASSWORD']}@" if e.get("PASSWORD") else (f"{e['USER']}@" if e.get("USER") else "")
    ort = f"{e.get('HOST') or ''}{':' + str(e['PORT']) if e.get('PORT') else ''}"
    return f"postgis://{anmeldung}{ort}/{name}"


@pytest.fixture
def frische_datenbank():
    """An empty database beside the test database (one per test process), dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_wiederhergestellt"
    with _verbinden("postgres") as verwaltung:
        verwaltung.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        verwaltung.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name)))
    yield name
    with _verbinden("postgres") as verwaltung:
        verwaltung.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _zaehlen(verbindung):
    tabellen = [
        z[0]
        for z in verbindung.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys'"
        )
    ]
    return {
        t: verbindung.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(t))).fetchone()[0]
        for t in tabellen
    }


def _geometrien(verbindung):
    """Per geometry column: number of geometries and an MD5 over their EWKB in key order."""
    spalten = verbindung.execute(
        "SELECT f_table_name, f_geometry_column FROM geometry_columns WHERE f_table_schema = 'public' ORDER BY 1, 2"
    ).fetchall()
    ergebnis = {}
    for tabelle, spalte in spalten:
        abfrage = sql.SQL(
            "SELECT count({s}), md5(string_agg(encode(ST_AsEWKB({s}), 'hex'), ',' ORDER BY id)) FROM {t}"
        ).format(s=sql.Identifier(spalte), t=sql.Identifier(tabelle))
        ergebnis[f"{tabelle}.{spalte}"] = verbindung.execute(abfrage).fetchone()
    return ergebnis


def _medien(ordner):
    return {
        str(p.relative_to(ordner)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in Path(ordner).rglob("*")
        if p.is_file()
    }


@pytest.mark.django_db(transaction=True)
def test_sichern_und_in_frische_datenbank_wiederherstellen(
    daten_der_migrationen, settings, tmp_path, frische_datenbank
):
    settings.MEDIA_ROOT = tmp_path / "medien-alt"
    demo_ausschnitt()
    assert Foto.objects.count() == 3
    quelle = _verbinden(connection.settings_dict["NAME"])
    zahlen, geometrien, medien = _zaehlen(quelle), _geometrien(quelle), _medien(settings.MEDIA_ROOT)
    assert sum(n for _s, (n, _h) in geometrien.items()) > 10
    assert len(medien) >= 2 * Foto.objects.count()  # originals and derivatives

    ausgabe = io.StringIO()
    call_command("sicherung_erstellen", ziel=tmp_path / "sicherungen", stdout=ausgabe)
    ordner = next((tmp_path / "sicherungen").iterdir())
    assert f"Sicherung erstellt: {ordner}" in ausgabe.getvalue()
    manifest = json.loads((ordner / MANIFEST).read_text())
    assert manifest["datenbank"]["art"] == "postgis"
    assert (ordner / "datenbank.dump").read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert manifest["tabellen"] == zahlen
    assert {m["name"]: m["sha256"] for m in manifest["medien"]} == medien

    # Restore into the fresh database and an empty media folder.
    settings.MEDIA_ROOT = tmp_path / "medien-neu"
    ausgabe = io.StringIO()
    call_command("sicherung_wiederherstellen", str(ordner), datenbank_url=_url(frische_datenbank), stdout=ausgabe)
    assert f"{len(medien)} Mediendateien" in ausgabe.getvalue()
    with _verbinden(frische_datenbank) as ziel:
        assert _zaehlen(ziel) == zahlen
        assert _geometrien(ziel) == geometrien
        assert ziel.execute("SELECT postgis_version()").fetchone()[0]
    assert _medien(settings.MEDIA_ROOT) == medien
    quelle.close()

    # A second restore into the now filled database is refused without --ueberschreiben …
    with pytest.raises(CommandError, match="enthält schon"):
        call_command("sicherung_wiederherstellen", str(ordner), datenbank_url=_url(frische_datenbank))
    # … and works with it.
    call_command(
        "sicherung_wiederherstellen",
        str(ordner),
        datenbank_url=_url(frische_datenbank),
        ueberschreiben=True,
        stdout=io.StringIO(),
    )
    with _verbinden(frische_datenbank) as ziel:
        assert _zaehlen(ziel) == zahlen


@pytest.mark.django_db(transaction=True)
def test_veraenderte_sicherung_wird_abgewiesen(daten_der_migrationen, settings, tmp_path, frische_datenbank):
    settings.MEDIA_ROOT = tmp_path / "medien-alt"
    (tmp_path / "medien-alt" / "plaene").mkdir(parents=True)
    (tmp_path / "medien-alt" / "plaene" / "plan.pdf").write_bytes(b"%PDF-1.4 Plan")
    call_command("sicherung_erstellen", ziel=tmp_path / "s", stdout=io.StringIO())
    ordner = next((tmp_path / "s").iterdir())
    manifest_pruefen(ordner)

    (ordner / "medien" / "plaene" / "plan.pdf").write_bytes(b"%PDF-1.4 anders")
    (ordner / "datenbank.dump").unlink()
    settings.MEDIA_ROOT = tmp_path / "medien-neu"
    with pytest.raises(CommandError) as fehler:
        call_command("sicherung_wiederherstellen", str(ordner), datenbank_url=_url(frische_datenbank))
    meldung = str(fehler.value)
    assert "es wurde nichts wiederhergestellt" in meldung
    assert "datenbank.dump fehlt" in meldung
    assert "medien/plaene/plan.pdf hat eine andere Prüfsumme" in meldung
    with _verbinden(frische_datenbank) as ziel:
        assert _zaehlen(ziel) == {}
    assert not (tmp_path / "medien-neu").exists()

    with pytest.raises(CommandError, match="keine Sicherung"):
        call_command("sicherung_wiederherstellen", str(tmp_path))


def test_spatialite_datei_wird_konsistent_kopiert(tmp_path):
    """The SpatiaLite case: SQLite's online backup API copies the file; the counts come from the copy."""
    quelle = tmp_path / "dwk.sqlite3"
    with sqlite3.connect(quelle) as db:
        db.execute("CREATE TABLE quartiere_quartier (id INTEGER PRIMARY KEY, name TEXT)")
        db.executemany("INSERT INTO quartiere_quartier (name) VALUES (?)", [("Derne",), ("Menglinghausen",)])
    zahlen = _sqlite_sichern(quelle, tmp_path / "kopie.sqlite3")
    assert zahlen == {"quartiere_quartier": 2}
    with sqlite3.connect(tmp_path / "kopie.sqlite3") as kopie:
        assert kopie.execute("SELECT name FROM quartiere_quartier ORDER BY id").fetchall() == [
            ("Derne",),
            ("Menglinghausen",),
        ]


# Each start of manage.py costs seconds of imports, so the test starts two: one writes the rows and then
# backs up, one restores and then tries again. Both commands go through manage.py's command line
# (``execute_from_command_line``: argument parsing, system checks, an error ends the process with 1) in a
# process of their own database settings, as `make backup` / `make restore` run them; the restore is the
# first thing its process does.
SPATIALITE_DATEN_UND_SICHERUNG = """
from django.contrib.gis.geos import Point
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import execute_from_command_line
from quartiere.models import Infrastruktur, InfrastrukturKategorie
kategorie = InfrastrukturKategorie.objects.first()
for i in range(3):
    Infrastruktur.objects.create(
        name=f"Treff {{i}}", kategorie=kategorie, punkt=Point(7.4 + i / 100, 51.5, srid=4326),
        quelle="begehung", stand="2017-10-16",
    )
default_storage.save("plaene/plan.pdf", ContentFile(b"%PDF-1.4 Plan"))
print("daten ok")
execute_from_command_line(["manage.py", "sicherung_erstellen", "--ziel", {ziel!r}])
"""

WIEDERHERSTELLEN_ZWEIMAL = """
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "sicherung_wiederherstellen", {ordner!r}])
print("wiederhergestellt")
try:  # into an existing file only when asked
    execute_from_command_line(["manage.py", "sicherung_wiederherstellen", {ordner!r}])
except SystemExit as ende:
    print(f"zweiter Versuch: Ende {{ende.code}}")
"""


@pytest.mark.spatialite
def test_spatialite_sichern_und_wiederherstellen(tmp_path, spatialite_migriert):
    """The SpatiaLite case end to end, as `make backup` / `make restore` run it for the local demo:
    migrate a SpatiaLite file, add rows with geometries and a media file, back up, restore into
    another file and media folder, compare."""
    import os
    import subprocess
    import sys

    from django.conf import settings

    def manage(ort, *argumente, eingabe=None):
        umgebung = {
            **os.environ,
            "DWK_DATABASE_URL": f"spatialite:///{ort / 'dwk.sqlite3'}",
            "DWK_VAR_DIR": str(ort),
            "DWK_MEDIA_ROOT": str(ort / "medien"),
        }
        ergebnis = subprocess.run(
            [sys.executable, "manage.py", *argumente],
            cwd=settings.BASE_DIR,
            env=umgebung,
            input=eingabe,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert ergebnis.returncode == 0, ergebnis.stderr[-3000:]
        return ergebnis.stdout, ergebnis.stderr

    alt, neu = tmp_path / "alt", tmp_path / "neu"
    spatialite_kopie(spatialite_migriert, alt)  # migrated once per process (tests/conftest.py)
    ausgabe, _ = manage(alt, "shell", eingabe=SPATIALITE_DATEN_UND_SICHERUNG.format(ziel=str(tmp_path / "s")))
    _, daten_ok, sicherung = ausgabe.partition("daten ok\n")  # before it: the shell's note on its imports
    assert (daten_ok, "Mediendateien: 1" in sicherung) == ("daten ok\n", True), ausgabe
    ordner = next((tmp_path / "s").iterdir())
    manifest = json.loads((ordner / MANIFEST).read_text())
    assert manifest["datenbank"]["art"] == "spatialite"
    assert manifest["tabellen"]["quartiere_infrastruktur"] == 3

    ausgabe, fehler = manage(neu, "shell", eingabe=WIEDERHERSTELLEN_ZWEIMAL.format(ordner=str(ordner)))
    wiederherstellung, _, zweiter_versuch = ausgabe.partition("wiederhergestellt\n")
    assert "1 Mediendateien" in wiederherstellung
    with sqlite3.connect(neu / "dwk.sqlite3") as db:
        db.enable_load_extension(True)
        db.load_extension("mod_spatialite")
        standorte = db.execute("SELECT name, AsText(punkt) FROM quartiere_infrastruktur ORDER BY name").fetchall()
    assert standorte == [(f"Treff {i}", f"POINT({7.4 + i / 100:g} 51.5)") for i in range(3)]
    assert (neu / "medien" / "plaene" / "plan.pdf").read_bytes() == b"%PDF-1.4 Plan"
    # Into an existing file only when asked: the second attempt ends with 1 and says why.
    assert (zweiter_versuch.strip(), "besteht schon" in fehler) == ("zweiter Versuch: Ende 1", True), fehler[-3000:]
