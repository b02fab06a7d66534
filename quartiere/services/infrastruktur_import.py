"""Import of facilities (Infrastruktur) from CSV and GeoJSON files.

**CSV**: separated by ``;`` or ``,`` (recognised from the header line), UTF-8 with or
without BOM or Windows-1252 (recognised, and reported), decimal comma or point. The
coordinate reference system is stated by the user: WGS 84 (EPSG:4326) with the columns
``lat`` and ``lon`` in degrees, or ETRS89 / UTM 32N (EPSG:25832) with ``x`` and ``y`` in
metres. Columns (header names are case-insensitive; German aliases in ``ALIASE``):

- required: ``kategorie`` (slug or name of a category), ``name``, the two coordinates;
- optional: ``id``, ``adresse``, ``barrierefreiheit`` (ja / teilweise / nein / unbekannt),
  ``oeffnungshinweise``, ``quelle`` (e.g. befragung, begehung; default: import),
  ``quelle_hinweis`` (default: the file name), ``stand`` (31.12.2016 or 2016-12-31;
  default: the day of the import).

**GeoJSON**: point features with the same properties; GDAL reads the file's own CRS (a
GeoJSON without one is WGS 84, longitude first), so the stated CRS does not apply.

**Upsert rule**: a row with an ``id`` updates the facility with that number (the list's
CSV export carries it, so an export can be edited and imported again) in the fields the
file has columns for (an empty cell empties the field; a missing column leaves it); a row without
``id`` creates a new facility. A new row that looks like an existing facility (same
category, name and address) is created anyway and reported as a warning.

**Validation**: every problem is reported with file, line (CSV; the header is line 1) or
feature number (GeoJSON) and column: unknown category, a coordinate that is not a number,
a point outside the city's extent (with a hint when latitude and longitude look swapped
or the other CRS fits), a missing column, a bad date or choice, a duplicate or unknown
id. All problems are collected; nothing is written unless there is none.
"""

import logging
import math
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.gis.db.models import Extent
from django.contrib.gis.gdal import CoordTransform, GDALException, SpatialReference
from django.contrib.gis.geos import Point, Polygon
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from dwk.text import ImportFehler, csv_lesen, text_lesen, zahl_lesen

from ..models import Stadtbezirk
from ..queries import METRISCHES_SRID
from .dateien import datenquelle_oeffnen, feldtext, upload_ablegen
from .infrastruktur_abgleich import ImportZeile, einrichtungen_abgleichen, spalte_meldung

logger = logging.getLogger(__name__)

KOORDINATENSYSTEME = {4326: ("lat", "lon"), METRISCHES_SRID: ("x", "y")}
CSV_ENDUNGEN = {".csv", ".txt"}
GEOJSON_ENDUNGEN = {".geojson", ".json"}
PFLICHTSPALTEN = ["kategorie", "name"]
SPALTEN = ["id", "kategorie", "name", "adresse", "barrierefreiheit", "oeffnungshinweise", "quelle", "quelle_hinweis"]
SPALTEN += ["stand"]
ALIASE = {
    "breite": "lat",
    "latitude": "lat",
    "laenge": "lon",
    "länge": "lon",
    "longitude": "lon",
    "lng": "lon",
    "rechtswert": "x",
    "ostwert": "x",
    "hochwert": "y",
    "nordwert": "y",
    "öffnungshinweise": "oeffnungshinweise",
    "nr": "id",
}
# Facilities just outside the city serve its quarters too: the extent is widened by this margin.
RAND_M = 5000


@dataclass
class InfrastrukturImportErgebnis:
    datei: str
    format: str
    kodierung: str = ""
    koordinatensystem: str = ""
    angelegt: int = 0
    aktualisiert: int = 0
    unveraendert: int = 0
    warnungen: list[str] = field(default_factory=list)

    def zusammenfassung(self) -> str:
        """One German sentence, e.g. ``Import aus „a.csv“ (CSV, UTF-8, EPSG:4326): 3 angelegt, …``."""
        angaben = ", ".join(a for a in (self.format, self.kodierung, self.koordinatensystem) if a)
        return _(
            "Import aus „%(datei)s“ (%(angaben)s): %(angelegt)d angelegt, %(aktualisiert)d aktualisiert, "
            "%(unveraendert)d unverändert."
        ) % {
            "datei": self.datei,
            "angaben": angaben,
            "angelegt": self.angelegt,
            "aktualisiert": self.aktualisiert,
            "unveraendert": self.unveraendert,
        }


@transaction.atomic
def infrastruktur_importieren(
    *,
    pfad: Path | str,
    koordinatensystem: int = 4326,
    dateiname: str | None = None,
    benutzer: AbstractBaseUser | None = None,
) -> "InfrastrukturImportErgebnis":
    """Import the facilities in the CSV or GeoJSON file at ``pfad``; see the module docstring.

    ``koordinatensystem`` (4326 or 25832) applies to CSV files. Raises
    ``ImportFehler`` with every problem found; then nothing is written.

    Side effects, in one transaction: creates facilities for rows without ``id`` and
    updates those named by ``id`` (only rows that differ are saved); history entries are
    written with ``benutzer`` as the author; a log line (``import_infrastruktur``) with the counts.
    """
    pfad = Path(pfad)
    dateiname = dateiname or pfad.name
    endung = PurePosixPath(dateiname).suffix.lower()
    if endung not in CSV_ENDUNGEN | GEOJSON_ENDUNGEN:
        raise ImportFehler(
            [
                _(
                    "„%(datei)s“: Dateien mit der Endung „%(endung)s“ können nicht importiert werden. "
                    "Erlaubt sind CSV (.csv, .txt) und GeoJSON (.geojson, .json)."
                )
                % {"datei": dateiname, "endung": endung or _("(keine)")}
            ]
        )
    if not pfad.is_file():
        raise ImportFehler([_("Die Datei „%(datei)s“ gibt es nicht.") % {"datei": dateiname}])
    if endung in CSV_ENDUNGEN:
        if koordinatensystem not in KOORDINATENSYSTEME:
            raise ImportFehler(
                [
                    _("Unbekanntes Koordinatensystem EPSG:%(crs)s; möglich sind 4326 und 25832.")
                    % {"crs": koordinatensystem}
                ]
            )
        ergebnis = InfrastrukturImportErgebnis(
            datei=dateiname, format="CSV", koordinatensystem=f"EPSG:{koordinatensystem}"
        )
        zeilen, fehler = _csv_lesen(pfad.read_bytes(), dateiname, koordinatensystem, ergebnis)
    else:
        ergebnis = InfrastrukturImportErgebnis(datei=dateiname, format="GeoJSON")
        zeilen, fehler = _geojson_lesen(pfad, dateiname, ergebnis)
    ergebnis = einrichtungen_abgleichen(zeilen=zeilen, fehler=fehler, ergebnis=ergebnis, benutzer=benutzer)
    logger.info(
        "Infrastruktur importiert.",
        extra={
            "ereignis": "import_infrastruktur",
            "benutzer_id": getattr(benutzer, "pk", None),
            "angelegt": ergebnis.angelegt,
            "aktualisiert": ergebnis.aktualisiert,
            "unveraendert": ergebnis.unveraendert,
        },
    )
    return ergebnis


def hochgeladene_infrastruktur_importieren(
    *, datei: UploadedFile, koordinatensystem: int = 4326, benutzer: AbstractBaseUser | None = None
) -> "InfrastrukturImportErgebnis":
    """Import facilities from an uploaded file (a Django ``UploadedFile``), see ``infrastruktur_importieren``.

    Side effects: those of ``infrastruktur_importieren``; the upload is written to a
    temporary directory under a name of our own (only its extension is kept) and removed.
    """
    with upload_ablegen(datei, praefix="dwk-infrastruktur-") as pfad:
        return infrastruktur_importieren(
            pfad=pfad, koordinatensystem=koordinatensystem, dateiname=datei.name, benutzer=benutzer
        )


# --- Reading ---------------------------------------------------------------------------------


def _spaltenname(kopf: str) -> str:
    name = kopf.strip().strip("\ufeff").lower()
    return ALIASE.get(name, name)


def _csv_lesen(
    roh: bytes, dateiname: str, koordinatensystem: int, ergebnis: "InfrastrukturImportErgebnis"
) -> tuple[list[ImportZeile], list[str]]:
    text, ergebnis.kodierung = text_lesen(roh, dateiname=dateiname)
    kopfzeile = text.split("\n", 1)[0]
    trenner = max([";", ",", "\t"], key=kopfzeile.count)
    datensaetze = csv_lesen(text, trenner=trenner, dateiname=dateiname)
    kopf = datensaetze[0][1] if datensaetze else None
    if not kopf or not any(k.strip() for k in kopf):
        return [], [_("„%(datei)s“: Die Datei ist leer.") % {"datei": dateiname}]
    spalten = [_spaltenname(k) for k in kopf]
    koordinaten = KOORDINATENSYSTEME[koordinatensystem]
    fehler = []
    for spalte in [*PFLICHTSPALTEN, *koordinaten]:
        if spalte not in spalten:
            meldung = _("„%(datei)s“, Spalte „%(spalte)s“: Die Spalte fehlt. Vorhandene Spalten: %(vorhanden)s.") % {
                "datei": dateiname,
                "spalte": spalte,
                "vorhanden": ", ".join(k.strip() for k in kopf),
            }
            andere = next(
                (
                    crs
                    for crs, paar in KOORDINATENSYSTEME.items()
                    if crs != koordinatensystem and set(paar) <= set(spalten)
                ),
                None,
            )
            if spalte in koordinaten and andere:
                meldung += " " + _(
                    "Die Datei hat die Spalten „%(paar)s“ – sie ist wohl in EPSG:%(crs)s; bitte wählen Sie dieses "
                    "Koordinatensystem."
                ) % {"paar": "“ und „".join(KOORDINATENSYSTEME[andere]), "crs": andere}
            fehler.append(meldung)
    if fehler:
        return [], fehler
    pruefer = _Ausdehnung()
    zeilen = []
    for nummer, werte in datensaetze[1:]:
        if not any(w.strip() for w in werte):
            continue
        ort = _("„%(datei)s“, Zeile %(zeile)d") % {"datei": dateiname, "zeile": nummer}
        zeile = ImportZeile(ort=ort, werte={s: (w or "").strip() for s, w in zip(spalten, werte, strict=False)})
        zahlen = {}
        for spalte in koordinaten:
            text = zeile.werte.get(spalte, "")
            zahl = zahl_lesen(text, dezimalpunkt=True)
            if zahl is None:
                meldung = _("„%(wert)s“ ist keine Zahl.") % {"wert": text} if text else _("Die Koordinate fehlt.")
                zeile.fehler.append(spalte_meldung(ort, spalte, meldung))
            zahlen[spalte] = zahl
        if None not in zahlen.values():
            x, y = (zahlen["lon"], zahlen["lat"]) if koordinatensystem == 4326 else (zahlen["x"], zahlen["y"])
            zeile.punkt, meldung = pruefer.pruefen(x, y, koordinatensystem)
            if meldung:
                zeile.fehler.append(spalte_meldung(ort, "/".join(koordinaten), meldung))
        zeilen.append(zeile)
    if not zeilen:
        fehler.append(
            _("„%(datei)s“: Die Datei enthält keine Einrichtungen (nur die Kopfzeile).") % {"datei": dateiname}
        )
    return zeilen, fehler


def _geojson_lesen(
    pfad: Path, dateiname: str, ergebnis: "InfrastrukturImportErgebnis"
) -> tuple[list[ImportZeile], list[str]]:
    quelle = datenquelle_oeffnen(pfad, dateiname)
    if quelle.layer_count == 0:
        return [], [_("„%(datei)s“: Die Datei ist kein GeoJSON mit Merkmalen.") % {"datei": dateiname}]
    layer = quelle[0]
    system = layer.srs or SpatialReference(4326)
    ergebnis.koordinatensystem = f"EPSG:{system.srid}" if system.srid else system.name
    try:
        nach_wgs84 = CoordTransform(system, SpatialReference(4326))
    except GDALException:
        return [], [_("„%(datei)s“: Das Koordinatensystem lässt sich nicht umrechnen.") % {"datei": dateiname}]
    spalten = {_spaltenname(f): f for f in layer.fields}
    fehler = [
        _("„%(datei)s“, Feld „%(spalte)s“: Das Feld fehlt. Vorhandene Felder: %(vorhanden)s.")
        % {"datei": dateiname, "spalte": spalte, "vorhanden": ", ".join(layer.fields) or _("(keine)")}
        for spalte in PFLICHTSPALTEN
        if spalte not in spalten
    ]
    if fehler:
        return [], fehler
    pruefer = _Ausdehnung()
    zeilen = []
    for nummer, merkmal in enumerate(layer, start=1):
        ort = _("„%(datei)s“, Merkmal %(nummer)d") % {"datei": dateiname, "nummer": nummer}
        werte = {spalte: feldtext(merkmal.get(original)) for spalte, original in spalten.items()}
        zeile = ImportZeile(ort=ort, werte=werte)
        try:
            geometrie = merkmal.geom
        except GDALException:
            geometrie = None
        if geometrie is None or geometrie.empty or geometrie.geom_name.upper() not in {"POINT", "MULTIPOINT"}:
            typ = geometrie.geom_name if geometrie is not None else _("keine")
            meldung = _("Erwartet wird ein Punkt (gefunden: %(typ)s).") % {"typ": typ}
            zeile.fehler.append(spalte_meldung(ort, _("Geometrie"), meldung))
        elif geometrie.geom_name.upper() == "MULTIPOINT" and geometrie.num_geom != 1:
            zeile.fehler.append(
                spalte_meldung(ort, _("Geometrie"), _("Erwartet wird ein einzelner Punkt, nicht mehrere."))
            )
        else:
            roh = geometrie[0] if geometrie.geom_name.upper() == "MULTIPOINT" else geometrie
            x, y = roh.x, roh.y
            try:
                roh = roh.clone()
                roh.transform(nach_wgs84)
                laenge, breite = roh.x, roh.y
            except GDALException:
                laenge = breite = math.inf
            zeile.punkt, meldung = pruefer.pruefen(laenge, breite, 4326, original=(x, y, system.srid))
            if meldung:
                zeile.fehler.append(spalte_meldung(ort, _("Geometrie"), meldung))
        zeilen.append(zeile)
    if not zeilen:
        fehler.append(_("„%(datei)s“: Die Datei enthält keine Einrichtungen.") % {"datei": dateiname})
    return zeilen, fehler


class _Ausdehnung:
    """Checks that points lie within the city's extent (widened by ``RAND_M``), with hints on a wrong CRS."""

    def __init__(self) -> None:
        ausdehnung = Stadtbezirk.objects.aggregate(e=Extent("geometrie"))["e"]
        self.flaeche = None
        if ausdehnung:
            rahmen = Polygon.from_bbox(ausdehnung)
            rahmen.srid = 4326
            rahmen.transform(METRISCHES_SRID)
            self.flaeche = Polygon.from_bbox(rahmen.buffer(RAND_M).extent)
            self.flaeche.srid = METRISCHES_SRID
            self.wgs84 = self.flaeche.transform(4326, clone=True).extent
        self.transformationen = {}

    def _transformiert(self, punkt: Point, srid: int) -> Point:
        """``punkt`` in ``srid``, with one ``CoordTransform`` per pair of systems (building one costs milliseconds)."""
        if punkt.srid == srid:
            return punkt
        schluessel = (punkt.srid, srid)
        if schluessel not in self.transformationen:
            self.transformationen[schluessel] = CoordTransform(SpatialReference(punkt.srid), SpatialReference(srid))
        return punkt.transform(self.transformationen[schluessel], clone=True)

    def innen(self, x: float, y: float, srid: int) -> tuple[Point | None, bool]:
        """``(point in EPSG:4326, inside?)`` for coordinates in ``srid``; point None if it cannot be transformed."""
        if not (math.isfinite(x) and math.isfinite(y)):
            return None, False
        if srid == 4326 and not (-180 <= x <= 180 and -90 <= y <= 90):
            return None, False
        punkt = Point(x, y, srid=srid)
        try:
            metrisch = self._transformiert(punkt, METRISCHES_SRID)
            wgs84 = self._transformiert(punkt, 4326)
        except (GDALException, ValueError):
            return None, False
        if not all(math.isfinite(w) for w in (*metrisch.coords, *wgs84.coords)):
            return None, False
        return wgs84, self.flaeche is None or self.flaeche.contains(metrisch)

    def pruefen(self, x: float, y: float, srid: int, original: tuple | None = None) -> tuple[Point | None, str]:
        """``(point in EPSG:4326 or None, error message or "")``."""
        punkt, innen = self.innen(x, y, srid)
        if innen:
            return Point(round(punkt.x, 7), round(punkt.y, 7), srid=4326), ""
        hinweis = ""
        if srid == 4326 and original is None and self.innen(y, x, 4326)[1]:
            hinweis = _(
                "Breite und Länge scheinen vertauscht: „lat“ ist die Breite (um 51,5), „lon“ die Länge (um 7,5)."
            )
        elif srid == 4326 and original is None and self.innen(x, y, METRISCHES_SRID)[1]:
            hinweis = _("Die Zahlen sehen nach Metern in EPSG:25832 aus; bitte wählen Sie dieses Koordinatensystem.")
        elif srid == METRISCHES_SRID and self.innen(y, x, METRISCHES_SRID)[1]:
            hinweis = _("„x“ und „y“ scheinen vertauscht: „x“ ist der Ostwert (um 390.000), „y“ der Nordwert.")
        elif srid == METRISCHES_SRID and self.innen(x, y, 4326)[1]:
            hinweis = _("Die Zahlen sehen nach Grad in WGS 84 aus; bitte wählen Sie EPSG:4326 (Spalten lat und lon).")
        elif original is not None and self.innen(y, x, 4326)[1]:
            hinweis = _("Länge und Breite scheinen vertauscht: in GeoJSON steht die Länge (um 7,5) zuerst.")
        elif original is not None:
            hinweis = _("Prüfen Sie das Koordinatensystem der Datei; ohne Angabe gilt WGS 84 (Länge, Breite).")
        else:
            hinweis = _("Ist das Koordinatensystem richtig gewählt?")
        if original is not None:
            lage = f"({_format(original[0])}; {_format(original[1])})"
        elif srid == 4326:
            lage = f"(lat {_format(y)}, lon {_format(x)})"
        else:
            lage = f"(x {_format(x)}, y {_format(y)})"
        meldung = _("Der Punkt %(lage)s liegt außerhalb des Stadtgebiets (mit %(rand)d km Rand).") % {
            "lage": lage,
            "rand": RAND_M // 1000,
        }
        return None, f"{meldung} {hinweis}"


def _format(zahl: float) -> str:
    """A coordinate as the user wrote it, in German notation: ``7,41``, ``5705515,7``."""
    if not math.isfinite(zahl):
        return str(zahl)
    text = f"{zahl:.1f}" if abs(zahl) >= 1000 else f"{zahl:.7f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
