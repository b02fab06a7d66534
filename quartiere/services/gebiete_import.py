"""Import of area boundaries (Stadtbezirke, statistische Bezirke, Unterbezirke) from files.

GDAL reads the file (GeoJSON, KML, Shapefile, GeoPackage; a Shapefile may come as a ZIP
archive) in whatever coordinate reference system it declares; every geometry is
reprojected to EPSG:4326, repaired if it is invalid, and rows are upserted by code.
All features are checked first; only a file without a single error is written.
"""

import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.gis.gdal import CoordTransform, GDALException, SpatialReference
from django.contrib.gis.gdal.layer import Layer
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from dwk.text import ImportFehler

from ..geometrie import GeometrieFehler, flaeche_aus_merkmal
from ..models import Gebiet, Kommune, Stadtbezirk, StatistischerBezirk, Unterbezirk
from .dateien import TREIBER, datei_zu_gross, datenquelle_oeffnen, feldtext, upload_ablegen, zip_entpacken
from .gebiete import quartiere_neu_ableiten

logger = logging.getLogger(__name__)

ZIP_ENDUNG = ".zip"
ERLAUBTE_ENDUNGEN = [*TREIBER, ZIP_ENDUNG]
ZIELSYSTEM = 4326
# Two geometries closer than this (in degrees, about 0.1 mm) count as unchanged.
GLEICHHEIT_TOLERANZ = 1e-9


class GebietsEbene(models.TextChoices):
    STADTBEZIRK = "stadtbezirk", gettext_lazy("Stadtbezirke")
    BEZIRK = "bezirk", gettext_lazy("statistische Bezirke")
    UNTERBEZIRK = "unterbezirk", gettext_lazy("statistische Unterbezirke")


# Level → (model, model of the parent level or None for the Kommune, name of the parent field).
EBENEN = {
    GebietsEbene.STADTBEZIRK: (Stadtbezirk, None, "kommune"),
    GebietsEbene.BEZIRK: (StatistischerBezirk, Stadtbezirk, "stadtbezirk"),
    GebietsEbene.UNTERBEZIRK: (Unterbezirk, StatistischerBezirk, "bezirk"),
}


@dataclass
class GebieteImportErgebnis:
    ebene: str
    datei: str
    angelegt: int = 0
    aktualisiert: int = 0
    unveraendert: int = 0
    warnungen: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    quartiere_neu_abgeleitet: int = 0

    def zusammenfassung(self) -> str:
        """One German sentence, e.g. ``Import aus „a.gpkg“ (Stadtbezirke): 12 angelegt, 0 aktualisiert, …``."""
        return _(
            "Import aus „%(datei)s“ (%(ebene)s): %(angelegt)d angelegt, %(aktualisiert)d aktualisiert, "
            "%(unveraendert)d unverändert."
        ) % {
            "datei": self.datei,
            "ebene": GebietsEbene(self.ebene).label,
            "angelegt": self.angelegt,
            "aktualisiert": self.aktualisiert,
            "unveraendert": self.unveraendert,
        }

    def abdeckung_hinweis(self) -> str:
        """The sentence that says how many quarters had their Unterbezirke derived anew, or ""."""
        if not self.quartiere_neu_abgeleitet:
            return ""
        return ngettext(
            "Für %(anzahl)d Quartier wurde neu ermittelt, welche Unterbezirke es abdeckt.",
            "Für %(anzahl)d Quartiere wurde neu ermittelt, welche Unterbezirke sie abdecken.",
            self.quartiere_neu_abgeleitet,
        ) % {"anzahl": self.quartiere_neu_abgeleitet}


def parameter_pruefen(*, dateiname: str, ebene: str, parent_feld: str | None) -> list[str]:
    """The problems with the import settings themselves (file type, level, parent field), as a list."""
    fehler = []
    endung = PurePosixPath(dateiname).suffix.lower()
    if endung not in ERLAUBTE_ENDUNGEN:
        fehler.append(
            _(
                "„%(datei)s“: Dateien mit der Endung „%(endung)s“ können nicht importiert werden. "
                "Erlaubt sind GeoJSON (.geojson, .json), KML (.kml), GeoPackage (.gpkg) und Shapefile "
                "(.shp oder als ZIP-Archiv .zip mit .shp, .shx, .dbf und .prj)."
            )
            % {"datei": dateiname, "endung": endung or _("(keine)")}
        )
    if ebene not in EBENEN:
        fehler.append(
            _("Unbekannte Ebene „%(ebene)s“; möglich sind: %(ebenen)s.")
            % {"ebene": ebene, "ebenen": ", ".join(GebietsEbene.values)}
        )
    elif EBENEN[ebene][1] is not None and not parent_feld:
        fehler.append(
            _(
                "Für %(ebene)s wird ein Feld mit dem Code des übergeordneten Gebiets (%(parent)s) gebraucht; "
                "bitte geben Sie es an."
            )
            % {"ebene": GebietsEbene(ebene).label, "parent": EBENEN[ebene][1]._meta.verbose_name}
        )
    return fehler


@transaction.atomic
def gebiete_importieren(
    *,
    pfad: Path | str,
    ebene: str,
    code_feld: str,
    name_feld: str,
    parent_feld: str | None = None,
    dateiname: str | None = None,
) -> GebieteImportErgebnis:
    """Import the areas of one level from the file at ``pfad``, upserting them by code.

    ``dateiname`` is the name shown in messages (default: the name of ``pfad``). Reads only
    the first layer of the file. Checks every feature first and raises
    ``ImportFehler`` with all problems found; then nothing is written.

    Side effects: extracts a ZIP archive into a temporary directory (removed afterwards);
    creates rows of the level's model for new codes; updates name, geometry and parent of
    existing rows that differ (other rows are left untouched, none is deleted); a
    Stadtbezirk gets the single Kommune as parent. After an import of Unterbezirke that
    changed anything, replaces the Unterbezirk coverage of every quarter
    (``quartiere_neu_ableiten``). All in one transaction. A log line (``import_gebiete``) with the counts.
    """
    pfad = Path(pfad)
    dateiname = dateiname or pfad.name
    if pfad.suffix.lower() != PurePosixPath(dateiname).suffix.lower():
        raise ValueError("pfad und dateiname müssen dieselbe Endung haben.")
    fehler = parameter_pruefen(dateiname=dateiname, ebene=ebene, parent_feld=parent_feld)
    if fehler:
        raise ImportFehler(fehler)
    if not str(pfad).startswith("/vsi") and not pfad.is_file():
        raise ImportFehler([_("Die Datei „%(datei)s“ gibt es nicht.") % {"datei": dateiname}])
    if not str(pfad).startswith("/vsi") and pfad.stat().st_size > settings.DWK_GEBIETE_UPLOAD_MAX_BYTES:
        raise ImportFehler([datei_zu_gross(dateiname)])
    angaben = {"ebene": ebene, "code_feld": code_feld, "name_feld": name_feld, "parent_feld": parent_feld}
    if pfad.suffix.lower() == ZIP_ENDUNG:
        with tempfile.TemporaryDirectory(prefix="dwk-gebiete-") as verzeichnis:
            shapefile = zip_entpacken(zip_pfad=pfad, ziel=Path(verzeichnis), dateiname=dateiname)
            ergebnis = _importieren(pfad=shapefile, dateiname=dateiname, **angaben)
    else:
        ergebnis = _importieren(pfad=pfad, dateiname=dateiname, **angaben)
    logger.info(
        "Gebiete importiert.",
        extra={
            "ereignis": "import_gebiete",
            "ebene": ebene,
            "angelegt": ergebnis.angelegt,
            "aktualisiert": ergebnis.aktualisiert,
            "unveraendert": ergebnis.unveraendert,
        },
    )
    return ergebnis


def hochgeladene_gebiete_importieren(
    *, datei: UploadedFile, ebene: str, code_feld: str, name_feld: str, parent_feld: str | None = None
) -> GebieteImportErgebnis:
    """Import the areas from an uploaded file (a Django ``UploadedFile``), see ``gebiete_importieren``.

    Side effects: those of ``gebiete_importieren``; the upload is written to a temporary
    directory under a name of our own (only its extension is kept) and removed afterwards.
    """
    fehler = parameter_pruefen(dateiname=datei.name, ebene=ebene, parent_feld=parent_feld)
    if fehler:
        raise ImportFehler(fehler)
    with upload_ablegen(datei, praefix="dwk-upload-") as pfad:
        return gebiete_importieren(
            pfad=pfad,
            dateiname=datei.name,
            ebene=ebene,
            code_feld=code_feld,
            name_feld=name_feld,
            parent_feld=parent_feld,
        )


def _importieren(
    *, pfad: Path, ebene: str, code_feld: str, name_feld: str, parent_feld: str | None, dateiname: str
) -> GebieteImportErgebnis:
    model, parent_model, parent_attribut = EBENEN[ebene]
    ergebnis = GebieteImportErgebnis(ebene=ebene, datei=dateiname)
    if parent_model is None and parent_feld:
        ergebnis.warnungen.append(
            _(
                "Das Feld „%(feld)s“ für übergeordnete Gebiete wird bei Stadtbezirken nicht gebraucht "
                "und blieb unbeachtet."
            )
            % {"feld": parent_feld}
        )
        parent_feld = None

    quelle = datenquelle_oeffnen(pfad, dateiname)
    leer = _("„%(datei)s“: Die Datei enthält keine Gebiete (keine Merkmale).") % {"datei": dateiname}
    if quelle.layer_count == 0:
        raise ImportFehler([leer])
    layer = quelle[0]
    if quelle.layer_count > 1:
        ergebnis.warnungen.append(
            _("Die Datei enthält %(anzahl)d Layer; importiert wurde nur der erste („%(layer)s“).")
            % {"anzahl": quelle.layer_count, "layer": layer.name}
        )

    fehler = []
    kommune = None
    if parent_model is None:
        kommune, fehler_kommune = _kommune()
        fehler += fehler_kommune
    if len(layer) == 0:
        fehler.append(leer)
    else:
        fehler += _felder_pruefen(layer, dateiname, code_feld=code_feld, name_feld=name_feld, parent_feld=parent_feld)
    transformation = _transformation(layer, dateiname, fehler, ist_shapefile=quelle.driver.name == "ESRI Shapefile")
    if fehler:
        raise ImportFehler(fehler)

    eltern = {} if parent_model is None else {p.code: p for p in parent_model.objects.only("pk", "code")}
    bestehende = {gebiet.code: gebiet for gebiet in model.objects.all()}
    feldnamen = {"code": code_feld, "name": name_feld, parent_attribut: parent_feld, "geometrie": _("Geometrie")}
    gesehen = {}
    zu_speichern = []
    for nummer, merkmal in enumerate(layer, start=1):
        code = feldtext(merkmal.get(code_feld))
        name = feldtext(merkmal.get(name_feld))
        ort = _ort(dateiname, nummer, code)
        merkmal_fehler = []
        if not code:
            merkmal_fehler.append(_feld_meldung(ort, code_feld, _("Der Code ist leer.")))
        elif code in gesehen:
            meldung = _("Der Code kommt in der Datei mehrfach vor (zuerst in Merkmal %(nummer)d).")
            merkmal_fehler.append(_feld_meldung(ort, code_feld, meldung % {"nummer": gesehen[code]}))
        else:
            gesehen[code] = nummer
        if not name:
            merkmal_fehler.append(_feld_meldung(ort, name_feld, _("Der Name ist leer.")))

        gebiet = bestehende.get(code) if code and gesehen.get(code) == nummer else None
        parent = kommune
        if parent_feld:
            parent, meldung = _parent(feldtext(merkmal.get(parent_feld)), gebiet, eltern, parent_model, parent_attribut)
            if meldung:
                merkmal_fehler.append(_feld_meldung(ort, parent_feld, meldung))

        try:
            geometrie, repariert = flaeche_aus_merkmal(
                merkmal, transformation, max_stuetzpunkte=settings.DWK_GEBIETE_MAX_STUETZPUNKTE
            )
        except GeometrieFehler as fehler_geometrie:
            merkmal_fehler.append(_feld_meldung(ort, _("Geometrie"), str(fehler_geometrie)))
            geometrie = None
        else:
            if repariert:
                warnung = _("%(ort)s: ungültige Geometrie repariert.") % {"ort": _merkmal(nummer, code)}
                ergebnis.warnungen.append(warnung)

        if merkmal_fehler:
            fehler += merkmal_fehler
            continue
        ergebnis.codes.append(code)
        if gebiet is None:
            gebiet = model(code=code, name=name, geometrie=geometrie, **{parent_attribut: parent})
            aenderung = "angelegt"
        elif (
            gebiet.name == name
            and getattr(gebiet, f"{parent_attribut}_id") == parent.pk
            and gebiet.geometrie.equals_exact(geometrie, GLEICHHEIT_TOLERANZ)
        ):
            ergebnis.unveraendert += 1
            continue
        else:
            gebiet.name, gebiet.geometrie = name, geometrie
            setattr(gebiet, parent_attribut, parent)
            aenderung = "aktualisiert"
        try:
            gebiet.full_clean()
        except ValidationError as fehler_validierung:
            for feld, meldungen in fehler_validierung.message_dict.items():
                for meldung in meldungen:
                    if feld == NON_FIELD_ERRORS:
                        fehler.append(f"{ort}: {meldung}")
                    else:
                        fehler.append(_feld_meldung(ort, feldnamen.get(feld) or feld, meldung))
            continue
        zu_speichern.append((gebiet, aenderung))

    if fehler:
        raise ImportFehler(fehler)
    for gebiet, aenderung in zu_speichern:
        gebiet.save()
        if aenderung == "angelegt":
            ergebnis.angelegt += 1
        else:
            ergebnis.aktualisiert += 1
    if ebene == GebietsEbene.UNTERBEZIRK and zu_speichern:
        ergebnis.quartiere_neu_abgeleitet = quartiere_neu_ableiten()
    return ergebnis


def _parent(
    parent_code: str, gebiet: Gebiet | None, eltern: dict, parent_model: type[Gebiet], parent_attribut: str
) -> tuple[Gebiet | Kommune | None, str]:
    """The parent row named by ``parent_code`` (an existing ``gebiet`` keeps its own if empty), and an error or ""."""
    if not parent_code:
        if gebiet is not None:
            return getattr(gebiet, parent_attribut), ""
        return None, _(
            "Der Code des übergeordneten Gebiets (%(parent)s) ist leer; für neue Gebiete wird er gebraucht."
        ) % {"parent": parent_model._meta.verbose_name}
    if parent_code not in eltern:
        return None, _(
            "Ein Gebiet der Ebene „%(parent)s“ mit dem Code „%(code)s“ gibt es nicht. "
            "Bitte importieren Sie zuerst die %(eltern)s."
        ) % {
            "parent": parent_model._meta.verbose_name,
            "code": parent_code,
            "eltern": parent_model._meta.verbose_name_plural,
        }
    return eltern[parent_code], ""


def _kommune() -> tuple[Kommune | None, list[str]]:
    kommunen = list(Kommune.objects.all()[:2])
    if not kommunen:
        return None, [
            _(
                "Es ist noch keine Kommune angelegt. Bitte legen Sie zuerst in der Verwaltung unter "
                "„Kommunen“ die Stadt an, zu der die Stadtbezirke gehören."
            )
        ]
    if len(kommunen) > 1:
        return None, [
            _(
                "Es sind mehrere Kommunen angelegt; die Anwendung dient genau einer Stadt. Bitte entfernen Sie "
                "in der Verwaltung die überzähligen Kommunen."
            )
        ]
    return kommunen[0], []


def _felder_pruefen(layer: Layer, dateiname: str, **felder: str | None) -> list[str]:
    vorhanden = layer.fields
    bezeichnungen = {
        "code_feld": _("Feld für den Code"),
        "name_feld": _("Feld für den Namen"),
        "parent_feld": _("Feld für den Code des übergeordneten Gebiets"),
    }
    fehler = []
    for art, feld in felder.items():
        if feld and feld not in vorhanden:
            fehler.append(
                _(
                    "„%(datei)s“, Feld „%(feld)s“: Dieses Feld (%(art)s) gibt es in der Datei nicht. "
                    "Vorhandene Felder: %(vorhanden)s."
                )
                % {
                    "datei": dateiname,
                    "feld": feld,
                    "art": bezeichnungen[art],
                    "vorhanden": ", ".join(vorhanden) or _("(keine)"),
                }
            )
    return fehler


def _transformation(layer: Layer, dateiname: str, fehler: list, *, ist_shapefile: bool) -> CoordTransform | None:
    """The transformation of the layer's CRS to EPSG:4326; appends to ``fehler`` and returns None if impossible."""
    quellsystem = layer.srs
    if quellsystem is None:
        meldung = _("„%(datei)s“: Die Datei gibt kein Koordinatensystem an.") % {"datei": dateiname}
        if ist_shapefile:
            meldung += " " + _(
                "Bitte legen Sie die .prj-Datei des Shapefiles bei (bei einem ZIP-Archiv: mit ins Archiv packen)."
            )
        fehler.append(meldung)
        return None
    try:
        return CoordTransform(quellsystem, SpatialReference(ZIELSYSTEM))
    except GDALException:
        fehler.append(
            _(
                "„%(datei)s“: Das Koordinatensystem der Datei („%(system)s“) lässt sich nicht in "
                "WGS 84 (EPSG:4326) umrechnen."
            )
            % {"datei": dateiname, "system": quellsystem.name}
        )
        return None


def _merkmal(nummer: int, code: str) -> str:
    if code:
        return _("Merkmal %(nummer)d (Code %(code)s)") % {"nummer": nummer, "code": code}
    return _("Merkmal %(nummer)d") % {"nummer": nummer}


def _ort(dateiname: str, nummer: int, code: str) -> str:
    return f"„{dateiname}“, {_merkmal(nummer, code)}"


def _feld_meldung(ort: str, feld: str, meldung: str) -> str:
    """``„datei“, Merkmal 3 (Code 01), Feld „name“: meldung``."""
    return _("%(ort)s, Feld „%(feld)s“: ") % {"ort": ort, "feld": feld} + meldung
