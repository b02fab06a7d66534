"""Files handed to the importers: uploads in a temporary directory, Shapefiles from ZIP archives, field values.

Shared by the boundary import (``gebiete_import``) and the infrastructure import
(``infrastruktur_import``).
"""

import datetime
import json
import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.gis.gdal import DataSource, GDALException
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from dwk.text import ImportFehler

# File extension → the GDAL drivers allowed to read it. A file is refused when GDAL
# recognises it as anything else (a VRT disguised as .kml could read other local files).
TREIBER = {
    ".geojson": {"GeoJSON"},
    ".json": {"GeoJSON"},
    ".kml": {"LIBKML", "KML"},
    ".shp": {"ESRI Shapefile"},
    ".gpkg": {"GPKG"},
}
FORMATNAMEN = {"GeoJSON": "GeoJSON", "LIBKML": "KML", "KML": "KML", "ESRI Shapefile": "Shapefile", "GPKG": "GeoPackage"}
# The parts of a Shapefile taken from a ZIP archive; everything else in it is ignored.
SHAPEFILE_TEILE = {".shp", ".shx", ".dbf", ".prj", ".cpg"}
ZIP_MAX_EINTRAEGE = 100


@contextmanager
def upload_ablegen(datei: UploadedFile, *, praefix: str) -> Iterator[Path]:
    """Write the upload ``datei`` to a temporary directory under a name of our own; yield its path.

    Only the upload's extension is kept (GDAL chooses drivers by it); the directory is
    removed afterwards. Refuses an upload over ``DWK_GEBIETE_UPLOAD_MAX_BYTES``.
    """
    if datei.size > settings.DWK_GEBIETE_UPLOAD_MAX_BYTES:
        raise ImportFehler([datei_zu_gross(datei.name)])
    endung = PurePosixPath(datei.name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix=praefix) as verzeichnis:
        pfad = Path(verzeichnis) / f"upload{endung}"
        with pfad.open("wb") as ziel:
            for block in datei.chunks():
                ziel.write(block)
        yield pfad


def datei_zu_gross(dateiname: str) -> str:
    return _("„%(datei)s“: Die Datei ist zu groß; erlaubt sind höchstens %(groesse)s.") % {
        "datei": dateiname,
        "groesse": filesizeformat(settings.DWK_GEBIETE_UPLOAD_MAX_BYTES),
    }


def zip_entpacken(*, zip_pfad: Path, ziel: Path, dateiname: str) -> Path:
    """Extract the Shapefile parts of a ZIP archive flat into ``ziel``; return the path of the .shp.

    Only the base names of the entries are used (no path leaves ``ziel``), only the parts
    of a Shapefile are written, and the bytes actually written are counted against
    ``DWK_GEBIETE_UPLOAD_MAX_BYTES`` (the sizes in the archive's directory may lie).
    """
    grenze = settings.DWK_GEBIETE_UPLOAD_MAX_BYTES
    unlesbar = _("„%(datei)s“: Das ZIP-Archiv ist beschädigt oder verschlüsselt.") % {"datei": dateiname}
    unlesbar = ImportFehler([unlesbar])
    try:
        archiv = zipfile.ZipFile(zip_pfad)
    except (zipfile.BadZipFile, OSError):
        raise unlesbar from None
    with archiv:
        eintraege = []
        for eintrag in archiv.infolist():
            teile = PurePosixPath(eintrag.filename.replace("\\", "/")).parts
            name = teile[-1] if teile else ""
            # macOS adds "__MACOSX/._name.shp" resource forks; they are not Shapefiles.
            if eintrag.is_dir() or "__MACOSX" in teile or name.startswith("."):
                continue
            if PurePosixPath(name).suffix.lower() in SHAPEFILE_TEILE:
                eintraege.append((eintrag, name))
        if len(archiv.infolist()) > ZIP_MAX_EINTRAEGE:
            raise ImportFehler(
                [
                    _(
                        "„%(datei)s“: Das ZIP-Archiv enthält %(anzahl)s Einträge; erlaubt sind höchstens %(max)d. Ein "
                        "Shapefile besteht aus vier oder fünf Dateien (.shp, .shx, .dbf, .prj, .cpg); bitte packen "
                        "Sie nur diese ins Archiv."
                    )
                    % {
                        "datei": dateiname,
                        "anzahl": f"{len(archiv.infolist()):,}".replace(",", "."),
                        "max": ZIP_MAX_EINTRAEGE,
                    }
                ]
            )
        if sum(e.file_size for e, _n in eintraege) > grenze:
            raise ImportFehler([datei_zu_gross(dateiname)])
        shapefiles = [name for _e, name in eintraege if name.lower().endswith(".shp")]
        if len(shapefiles) != 1:
            raise ImportFehler(
                [
                    _(
                        "„%(datei)s“: Das ZIP-Archiv muss genau ein Shapefile (.shp mit .shx, .dbf und .prj) "
                        "enthalten; gefunden: %(anzahl)d."
                    )
                    % {"datei": dateiname, "anzahl": len(shapefiles)}
                ]
            )
        geschrieben = 0
        for eintrag, name in eintraege:
            zieldatei = ziel / name
            try:
                with archiv.open(eintrag) as quelle, zieldatei.open("xb") as senke:
                    while block := quelle.read(64 * 1024):
                        geschrieben += len(block)
                        if geschrieben > grenze:
                            raise ImportFehler([datei_zu_gross(dateiname)])
                        senke.write(block)
            except FileExistsError:
                raise ImportFehler(
                    [_("„%(datei)s“: Das ZIP-Archiv enthält „%(name)s“ mehrfach.") % {"datei": dateiname, "name": name}]
                ) from None
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError, OSError):
                raise unlesbar from None
    return ziel / shapefiles[0]


def datenquelle_oeffnen(pfad: Path, dateiname: str) -> DataSource:
    """Open the file at ``pfad`` with GDAL, only with a driver its extension allows (``TREIBER``).

    A GeoJSON file is read as JSON first: its ``crs`` members must name a coordinate
    reference system (``geojson_crs_pruefen``), and GDAL may open it as GeoJSON only if it is
    strict JSON (so no member escapes that check). GDAL itself has no network access and no
    drivers beyond those the app reads (``dwk.gdal``).
    """
    endung = pfad.suffix.lower()
    ist_json = geojson_crs_pruefen(pfad, dateiname) if TREIBER[endung] == {"GeoJSON"} else True
    hinweis = ""
    if endung == ".shp":
        hinweis = " " + _("Zu einem Shapefile gehören mindestens die Dateien .shp, .shx, .dbf und .prj.")
    try:
        quelle = DataSource(str(pfad))
    except GDALException:
        raise ImportFehler(
            [
                _(
                    "„%(datei)s“: Die Datei konnte nicht gelesen werden. Ist sie vollständig und wirklich "
                    "im angegebenen Format?"
                )
                % {"datei": dateiname}
                + hinweis
            ]
        ) from None
    if quelle.driver.name not in TREIBER[endung]:
        raise ImportFehler(
            [
                _(
                    "„%(datei)s“: Die Datei hat die Endung „%(endung)s“, ist aber im Format „%(format)s“. "
                    "Bitte geben Sie ihr die passende Endung oder wählen Sie die richtige Datei."
                )
                % {
                    "datei": dateiname,
                    "endung": endung,
                    "format": FORMATNAMEN.get(quelle.driver.name, quelle.driver.name),
                }
            ]
        )
    if not ist_json:
        raise ImportFehler([_("„%(datei)s“: Die Datei ist kein gültiges JSON.") % {"datei": dateiname}])
    return quelle


# The names of coordinate reference systems a GeoJSON ``crs`` member may give: EPSG codes and OGC's own.
CRS_NAME = re.compile(
    r"^(EPSG:\d{1,6}"
    r"|urn:ogc:def:crs:EPSG:[\d.]*:\d{1,6}"
    r"|urn:ogc:def:crs:OGC:[\d.]*:CRS(84|83|27)"
    r"|https?://www\.opengis\.net/def/crs/(EPSG/0/\d{1,6}|OGC/1\.3/CRS84))$",
    re.IGNORECASE,
)


def _crs_erlaubt(crs: object) -> bool:
    """A ``crs`` member that only names a system: ``{"type": "name", "properties": {"name": "EPSG:25832"}}``
    (or the old ``{"type": "EPSG", "properties": {"code": 25832}}``), nothing that links elsewhere."""
    if crs is None:
        return True
    if not isinstance(crs, dict) or set(crs) - {"type", "properties"} or not isinstance(crs.get("properties"), dict):
        return False
    art, angaben = str(crs.get("type", "")).lower(), crs["properties"]
    if art == "name":
        return set(angaben) == {"name"} and isinstance(angaben["name"], str) and bool(CRS_NAME.match(angaben["name"]))
    if art == "epsg":
        return set(angaben) == {"code"} and isinstance(angaben["code"], int) and 0 < angaben["code"] < 10**6
    return False


def geojson_crs_pruefen(pfad: Path, dateiname: str) -> bool:
    """Check every ``crs`` member of the GeoJSON file at ``pfad`` before GDAL sees it; False if it is no strict JSON.

    Raises ``ImportFehler`` naming the file when a ``crs`` member is a link or URL (GDAL
    would fetch it) or anything but the name of an EPSG or OGC system. Numbers are not
    converted while reading, so a large file costs little memory here.
    """
    verweise = []

    def objekt(paare: list) -> dict:
        for schluessel, wert in paare:
            if schluessel == "crs" and not _crs_erlaubt(wert):
                verweise.append(wert)
        return dict(paare)

    try:
        with pfad.open("rb") as datei:
            json.load(datei, object_pairs_hook=objekt, parse_float=_keine_zahl, parse_int=_ganze_zahl)
    except (ValueError, RecursionError):
        return False
    if verweise:
        art = verweise[0].get("type") if isinstance(verweise[0], dict) else None
        raise ImportFehler(
            [
                _(
                    "„%(datei)s“: Das Koordinatensystem der Datei („crs“ vom Typ „%(art)s“) ist kein Name eines "
                    "Koordinatensystems, sondern ein Verweis auf eine Adresse oder Datei. Solche Verweise werden "
                    "aus Sicherheitsgründen nicht gelesen. Bitte geben Sie das Koordinatensystem als Name an "
                    "(z. B. „EPSG:25832“) oder speichern Sie die Datei in WGS 84 ohne „crs“."
                )
                % {"datei": dateiname, "art": str(art or "?")[:30]}
            ]
        )
    return True


def _keine_zahl(_text: str) -> None:
    return None


def _ganze_zahl(text: str) -> int | None:
    # Only small integers (EPSG codes) are kept; coordinates and long digit strings are not converted.
    return int(text) if len(text) <= 7 else None


def feldtext(wert: object) -> str:
    """A field value read by GDAL as stripped text.

    ``None`` becomes "", a whole float loses its ".0", a date reads 31.12.2016.
    """
    if wert is None:
        return ""
    if isinstance(wert, float) and wert.is_integer():
        wert = int(wert)
    if isinstance(wert, datetime.date):
        return wert.strftime("%d.%m.%Y")
    return str(wert).strip()
