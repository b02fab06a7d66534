"""Backup and restore (``make backup``, ``make restore``; commands ``sicherung_erstellen`` and
``sicherung_wiederherstellen``).

A backup is one folder ``dwk-sicherung-<time>/`` with

- ``datenbank.dump``: PostgreSQL custom-format dump (``pg_dump -Fc``) of the whole database, or
  ``datenbank.sqlite3`` for SpatiaLite (SQLite's online backup, a consistent copy of the file);
- ``medien/``: every uploaded file, read through Django's storage (local folder or object storage);
- ``manifest.json``: format, time, database kind, the row count of every table (taken in the same
  snapshot as the PostgreSQL dump), the applied migrations, and the size and SHA-256 checksum of
  the dump and of every media file.

A restore first checks every checksum and refuses a backup that is incomplete or changed, before it
touches anything; then it restores the database (``pg_restore`` in one transaction) and the media
files, and compares the row counts of the restored database with the manifest.
"""

import datetime
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import django
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection, transaction

logger = logging.getLogger("dwk.sicherung")

FORMAT = 1
MANIFEST = "manifest.json"
MEDIEN = "medien"
DUMP = {"postgis": "datenbank.dump", "spatialite": "datenbank.sqlite3"}
BLOCK = 1024 * 1024


class SicherungsFehler(Exception):
    """A backup or restore that cannot be done; the message says what and where, in German."""


def pruefsumme(pfad: Path) -> str:
    """SHA-256 of a file, hex."""
    summe = hashlib.sha256()
    with pfad.open("rb") as datei:
        while block := datei.read(BLOCK):
            summe.update(block)
    return summe.hexdigest()


def datenbank_art(einstellungen: dict) -> str:
    """``postgis`` or ``spatialite`` for a ``DATABASES`` entry."""
    engine = einstellungen["ENGINE"]
    if engine.endswith("postgis"):
        return "postgis"
    if engine.endswith("spatialite"):
        return "spatialite"
    raise SicherungsFehler(f"Datenbank-Backend {engine} wird nicht gesichert: nur PostGIS und SpatiaLite.")


def _pg_umgebung(einstellungen: dict) -> tuple[list[str], dict]:
    """Connection arguments and environment (password) for pg_dump / pg_restore / psql."""
    argumente = []
    if einstellungen.get("HOST"):
        argumente += ["--host", str(einstellungen["HOST"])]
    if einstellungen.get("PORT"):
        argumente += ["--port", str(einstellungen["PORT"])]
    if einstellungen.get("USER"):
        argumente += ["--username", str(einstellungen["USER"])]
    umgebung = {**os.environ}
    if einstellungen.get("PASSWORD"):
        umgebung["PGPASSWORD"] = str(einstellungen["PASSWORD"])
    return argumente, umgebung


def _ausfuehren(befehl: list[str], umgebung: dict, was: str) -> str:
    """Run a PostgreSQL tool; returns its output, raises ``SicherungsFehler`` with its message."""
    try:
        ergebnis = subprocess.run(befehl, env=umgebung, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError:
        raise SicherungsFehler(
            f"{befehl[0]} fehlt: bitte die PostgreSQL-Werkzeuge installieren (Debian: postgresql-client)."
        ) from None
    if ergebnis.returncode != 0:
        raise SicherungsFehler(f"{was} ist gescheitert ({befehl[0]}): {ergebnis.stderr.strip()[-2000:]}")
    return ergebnis.stdout


def _sqlite_pfad(einstellungen: dict) -> Path:
    return Path(einstellungen["NAME"])


def _zeilen_zaehlen(cursor: object, tabellen: list[str], quote: object) -> dict[str, int]:
    zahlen = {}
    for tabelle in tabellen:
        cursor.execute(f"SELECT count(*) FROM {quote(tabelle)}")  # noqa: S608 -- names from the catalogue
        zahlen[tabelle] = cursor.fetchone()[0]
    return zahlen


def _pg_tabellen(cursor: object) -> list[str]:
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys' "
        "ORDER BY tablename"
    )
    return [zeile[0] for zeile in cursor.fetchall()]


def _sqlite_tabellen(verbindung: sqlite3.Connection) -> list[str]:
    # SpatiaLite's own metadata tables are left out: they differ with its version, not with our data.
    zeilen = verbindung.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'idx_%' AND name NOT LIKE '%geometry_columns%' AND name NOT LIKE 'spatial%' "
        "AND name NOT LIKE 'views_%' AND name NOT LIKE 'virts_%' AND name NOT IN "
        "('SpatialIndex', 'ElementaryGeometries', 'KNN', 'KNN2', 'data_licenses', 'sql_statements_log', "
        "'spatialite_history', 'geom_cols_ref_sys') ORDER BY name"
    ).fetchall()
    return [zeile[0] for zeile in zeilen]


def _migrationen() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, max(name) FROM django_migrations GROUP BY app ORDER BY app")
        return dict(cursor.fetchall())


def _medien_sichern(ziel: Path) -> list[dict]:
    """Copy every file of the default storage to ``ziel``; returns name, size and checksum of each."""
    eintraege = []
    ordner = [""]
    while ordner:
        aktuell = ordner.pop()
        try:
            unterordner, dateien = default_storage.listdir(aktuell)
        except FileNotFoundError:
            continue
        ordner += [f"{aktuell}/{name}".lstrip("/") for name in unterordner]
        for name in dateien:
            pfad = f"{aktuell}/{name}".lstrip("/")
            kopie = ziel / pfad
            kopie.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(pfad, "rb") as quelle, kopie.open("wb") as senke:
                shutil.copyfileobj(quelle, senke, BLOCK)
            eintraege.append({"name": pfad, "groesse": kopie.stat().st_size, "sha256": pruefsumme(kopie)})
    return sorted(eintraege, key=lambda eintrag: eintrag["name"])


@dataclass(frozen=True)
class Sicherung:
    ordner: Path
    manifest: dict

    @property
    def zeilen(self) -> int:
        return sum(self.manifest["tabellen"].values())


def sicherung_erstellen(*, ziel: Path, jetzt: datetime.datetime | None = None) -> Sicherung:
    """Back up the configured database and the media files into a new folder under ``ziel``.

    PostgreSQL: the row counts and ``pg_dump`` read the same snapshot (``pg_export_snapshot``), so
    the manifest matches the dump even while the app keeps writing. Nothing is changed in the
    database. A folder left by a failed run is removed."""
    jetzt = jetzt or datetime.datetime.now(datetime.UTC)
    einstellungen = connection.settings_dict
    art = datenbank_art(einstellungen)
    ordner = Path(ziel) / f"dwk-sicherung-{jetzt:%Y%m%dT%H%M%S}"
    if ordner.exists():
        raise SicherungsFehler(f"Der Ordner {ordner} besteht schon; es wurde nichts überschrieben.")
    ordner.mkdir(parents=True)
    try:
        dump = ordner / DUMP[art]
        if art == "postgis":
            tabellen = _pg_sichern(einstellungen, dump)
        else:
            tabellen = _sqlite_sichern(_sqlite_pfad(einstellungen), dump)
        medien = _medien_sichern(ordner / MEDIEN)
        manifest = {
            "format": FORMAT,
            "erstellt": jetzt.isoformat(),
            "django": django.get_version(),
            "datenbank": {"art": art, "datei": dump.name, "groesse": dump.stat().st_size, "sha256": pruefsumme(dump)},
            "migrationen": _migrationen(),
            "tabellen": tabellen,
            "medien": medien,
        }
        (ordner / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    except BaseException:
        shutil.rmtree(ordner, ignore_errors=True)
        raise
    logger.info(
        "Sicherung erstellt.",
        extra={
            "ereignis": "sicherung_erstellt",
            "ordner": str(ordner),
            "tabellen": len(tabellen),
            "medien": len(medien),
        },
    )
    return Sicherung(ordner, manifest)


def _pg_sichern(einstellungen: dict, dump: Path) -> dict[str, int]:
    argumente, umgebung = _pg_umgebung(einstellungen)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        tabellen = _zeilen_zaehlen(cursor, _pg_tabellen(cursor), connection.ops.quote_name)
        _ausfuehren(
            [
                "pg_dump",
                "--format=custom",
                f"--snapshot={snapshot}",
                f"--file={dump}",
                *argumente,
                str(einstellungen["NAME"]),
            ],
            umgebung,
            "Die Sicherung der Datenbank",
        )
    return tabellen


def _sqlite_sichern(quelle: Path, dump: Path) -> dict[str, int]:
    """SQLite's online backup API: a consistent copy even while the app writes; counts from the copy."""
    if not quelle.is_file() or not quelle.stat().st_size:
        raise SicherungsFehler(f"Die Datenbankdatei {quelle} fehlt oder ist leer; es gibt nichts zu sichern.")
    with sqlite3.connect(f"file:{quelle}?mode=ro", uri=True) as alt, sqlite3.connect(dump) as neu:
        alt.backup(neu)
    with sqlite3.connect(dump) as kopie:
        return {t: kopie.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _sqlite_tabellen(kopie)}  # noqa: S608


def manifest_pruefen(ordner: Path) -> dict:
    """The manifest of the backup in ``ordner``, after checking the size and checksum of the dump and
    of every media file; raises ``SicherungsFehler`` naming every file missing or changed."""
    ordner = Path(ordner)
    try:
        manifest = json.loads((ordner / MANIFEST).read_text())
    except FileNotFoundError:
        raise SicherungsFehler(f"{ordner} ist keine Sicherung: {MANIFEST} fehlt.") from None
    except json.JSONDecodeError as fehler:
        raise SicherungsFehler(f"{ordner / MANIFEST} ist beschädigt (kein gültiges JSON: {fehler}).") from None
    if manifest.get("format") != FORMAT:
        raise SicherungsFehler(f"{ordner / MANIFEST}: unbekanntes Format {manifest.get('format')!r}.")
    dateien = [(manifest["datenbank"]["datei"], manifest["datenbank"]["sha256"])]
    dateien += [(f"{MEDIEN}/{eintrag['name']}", eintrag["sha256"]) for eintrag in manifest["medien"]]
    fehler = []
    for name, summe in dateien:
        pfad = ordner / name
        if not pfad.is_file():
            fehler.append(f"{name} fehlt")
        elif pruefsumme(pfad) != summe:
            fehler.append(f"{name} hat eine andere Prüfsumme als im Manifest")
    if fehler:
        raise SicherungsFehler(
            f"Die Sicherung {ordner} ist unvollständig oder verändert; es wurde nichts wiederhergestellt: "
            + "; ".join(fehler)
            + "."
        )
    return manifest


@dataclass(frozen=True)
class Wiederherstellung:
    manifest: dict
    tabellen: int
    medien: int


def sicherung_wiederherstellen(
    *, ordner: Path, datenbank_url: str | None = None, ueberschreiben: bool = False
) -> Wiederherstellung:
    """Restore the backup in ``ordner`` into the database ``datenbank_url`` (default: the configured
    one) and the media files into the configured storage.

    Checks every checksum first. A database that already has tables is only overwritten with
    ``ueberschreiben`` (then every object of the dump is dropped and made anew; the restore runs
    in one transaction, so a failure leaves the database as it was). Afterwards the row count of
    every table is compared with the manifest; a difference raises ``SicherungsFehler``."""
    ordner = Path(ordner)
    manifest = manifest_pruefen(ordner)
    einstellungen = dj_database_url.parse(datenbank_url) if datenbank_url else connection.settings_dict
    art = datenbank_art(einstellungen)
    if art != manifest["datenbank"]["art"]:
        raise SicherungsFehler(
            f"Die Sicherung ist eine {manifest['datenbank']['art']}-Datenbank, das Ziel eine {art}-Datenbank."
        )
    dump = ordner / manifest["datenbank"]["datei"]
    if art == "postgis":
        gezaehlt = _pg_wiederherstellen(einstellungen, dump, ueberschreiben)
    else:
        gezaehlt = _sqlite_wiederherstellen(_sqlite_pfad(einstellungen), dump, ueberschreiben)
    abweichungen = {
        tabelle: (anzahl, gezaehlt.get(tabelle))
        for tabelle, anzahl in manifest["tabellen"].items()
        if gezaehlt.get(tabelle) != anzahl
    }
    if abweichungen:
        raise SicherungsFehler(
            "Nach der Wiederherstellung weichen Zeilenzahlen vom Manifest ab (Tabelle: Manifest/Datenbank): "
            + ", ".join(f"{t}: {a}/{b}" for t, (a, b) in sorted(abweichungen.items()))
        )
    medien = _medien_wiederherstellen(ordner / MEDIEN, manifest["medien"])
    logger.info(
        "Sicherung wiederhergestellt.",
        extra={
            "ereignis": "sicherung_wiederhergestellt",
            "ordner": str(ordner),
            "tabellen": len(gezaehlt),
            "medien": medien,
        },
    )
    return Wiederherstellung(manifest, len(gezaehlt), medien)


def _pg_wiederherstellen(einstellungen: dict, dump: Path, ueberschreiben: bool) -> dict[str, int]:
    import psycopg
    from psycopg import sql

    argumente, umgebung = _pg_umgebung(einstellungen)
    verbindung = {
        "dbname": einstellungen["NAME"],
        "user": einstellungen.get("USER") or None,
        "password": einstellungen.get("PASSWORD") or None,
        "host": einstellungen.get("HOST") or None,
        "port": einstellungen.get("PORT") or None,
    }
    with psycopg.connect(**{k: v for k, v in verbindung.items() if v}, autocommit=True) as ziel:
        vorhanden = _pg_tabellen(ziel.cursor())
        if vorhanden and not ueberschreiben:
            raise SicherungsFehler(
                f"Die Zieldatenbank {einstellungen['NAME']} enthält schon {len(vorhanden)} Tabellen; es wurde "
                "nichts geändert. Stellen Sie in eine leere Datenbank wieder her, oder überschreiben Sie mit "
                "--ueberschreiben."
            )
        postgis_da = ziel.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone()
    # The PostGIS extension is made by an administrator of the database server (it needs superuser
    # rights) or is there already; pg_restore then leaves it out instead of making it again.
    inhalt = _ausfuehren(["pg_restore", "--list", str(dump)], umgebung, "Das Lesen der Sicherung")
    zeilen = [z for z in inhalt.splitlines() if not (postgis_da and " EXTENSION " in z and "postgis" in z)]
    with tempfile.NamedTemporaryFile("w", suffix=".liste", delete=False) as datei:
        datei.write("\n".join(zeilen) + "\n")
    liste = Path(datei.name)
    try:
        _ausfuehren(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                *(["--clean", "--if-exists"] if ueberschreiben else []),
                f"--use-list={liste}",
                f"--dbname={einstellungen['NAME']}",
                *argumente,
                str(dump),
            ],
            umgebung,
            "Die Wiederherstellung der Datenbank",
        )
    finally:
        liste.unlink(missing_ok=True)
    with psycopg.connect(**{k: v for k, v in verbindung.items() if v}, autocommit=True) as ziel:
        cursor = ziel.cursor()
        return _zeilen_zaehlen(cursor, _pg_tabellen(cursor), lambda name: sql.Identifier(name).as_string(ziel))


def _sqlite_wiederherstellen(ziel: Path, dump: Path, ueberschreiben: bool) -> dict[str, int]:
    if ziel.exists() and ziel.stat().st_size and not ueberschreiben:
        raise SicherungsFehler(
            f"Die Datenbankdatei {ziel} besteht schon; es wurde nichts geändert. Überschreiben mit --ueberschreiben."
        )
    ziel.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(dump) as quelle, sqlite3.connect(ziel) as neu:
        quelle.backup(neu)
    with sqlite3.connect(ziel) as neu:
        return {t: neu.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _sqlite_tabellen(neu)}  # noqa: S608


def _medien_wiederherstellen(quelle: Path, eintraege: list[dict]) -> int:
    """Write every media file of the backup under its own name into the default storage (a file of
    that name there is replaced)."""
    for eintrag in eintraege:
        name = eintrag["name"]
        if default_storage.exists(name):
            default_storage.delete(name)
        with (quelle / name).open("rb") as datei:
            gespeichert = default_storage.save(name, File(datei, name=name))
        if gespeichert != name:
            raise SicherungsFehler(
                f"Die Mediendatei {name} wurde unter einem anderen Namen gespeichert: {gespeichert}."
            )
    return len(eintraege)
