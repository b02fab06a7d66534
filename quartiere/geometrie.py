"""Geometry helpers shared by the import, the forms and the demo data: area boundaries as valid MultiPolygons."""

import math

from django.contrib.gis.gdal import CoordTransform, GDALException, OGRGeometry
from django.contrib.gis.gdal.feature import Feature
from django.contrib.gis.geos import GeometryCollection, GEOSException, MultiPolygon, Polygon
from django.utils.translation import gettext as _

WGS84 = 4326


class GeometrieFehler(ValueError):
    """A geometry that cannot be used as an area boundary; the message is German and user-facing."""


def als_multipolygon(geometrie):
    """Return ``geometrie`` as a valid MultiPolygon in its own SRID, repairing it if needed.

    Raises ``GeometrieFehler`` when nothing areal remains (a point, a line, an empty or a
    collapsed polygon).
    """
    if geometrie is None or geometrie.empty:
        raise GeometrieFehler("Die Geometrie ist leer.")
    srid = geometrie.srid
    if not geometrie.valid:
        geometrie = geometrie.make_valid()
    polygone = list(_polygone(geometrie))
    if not polygone:
        raise GeometrieFehler(
            f"Die Geometrie ist keine Fläche (Typ {geometrie.geom_type}); erwartet wird ein Polygon oder MultiPolygon."
        )
    ergebnis = MultiPolygon(polygone, srid=srid)
    if not ergebnis.valid:
        # Touching parts of a repaired geometry: dissolve them into one valid shape.
        ergebnis = MultiPolygon(list(_polygone(ergebnis.unary_union)), srid=srid)
    if ergebnis.empty or not ergebnis.valid:
        raise GeometrieFehler("Die Geometrie ist ungültig und ließ sich nicht reparieren.")
    return ergebnis


def _polygone(geometrie):
    if isinstance(geometrie, Polygon):
        if not geometrie.empty:
            yield geometrie
    elif isinstance(geometrie, (MultiPolygon, GeometryCollection)):
        for teil in geometrie:
            yield from _polygone(teil)


def flaeche_aus_merkmal(
    merkmal: Feature, transformation: CoordTransform | None, *, max_stuetzpunkte: int
) -> tuple[MultiPolygon, bool]:
    """A GDAL feature's geometry as a valid MultiPolygon in EPSG:4326, and whether it had to be repaired.

    Raises ``GeometrieFehler`` (German, for the user) for a missing, empty or non-areal
    geometry, coordinates outside the valid range, or more than ``max_stuetzpunkte``
    vertices (counted before anything is converted, so a huge geometry costs little).
    """
    try:
        geometrie = merkmal.geom
    except GDALException:
        raise GeometrieFehler(_("Das Merkmal hat keine Geometrie.")) from None
    if geometrie.empty:
        raise GeometrieFehler(_("Die Geometrie ist leer."))
    geometrie.set_3d(False)
    geometrie.set_measured(False)
    anzahl, grenze = stuetzpunkte(geometrie), max_stuetzpunkte
    if anzahl > grenze:
        raise GeometrieFehler(
            _(
                "Die Fläche hat %(anzahl)s Stützpunkte; erlaubt sind höchstens %(grenze)s je Gebiet. Bitte "
                "vereinfachen Sie die Geometrie (z. B. in QGIS mit „Vereinfachen“)."
            )
            % {"anzahl": _tausender(anzahl), "grenze": _tausender(grenze)}
        )
    ausserhalb = GeometrieFehler(
        _("Koordinaten außerhalb des gültigen Bereichs – ist das Koordinatensystem richtig angegeben?")
    )
    if transformation is None:
        raise GeometrieFehler(_("Die Geometrie lässt sich nicht umrechnen."))
    try:
        geometrie.transform(transformation)
    except GDALException:
        raise ausserhalb from None
    xmin, ymin, xmax, ymax = geometrie.extent
    if not all(math.isfinite(wert) for wert in (xmin, ymin, xmax, ymax)):
        raise ausserhalb
    if xmin < -180 or xmax > 180 or ymin < -90 or ymax > 90:
        raise ausserhalb
    try:
        geos = geometrie.geos
    except GEOSException:
        raise GeometrieFehler(
            _("Der Geometrietyp %(typ)s wird nicht unterstützt; erwartet wird ein Polygon oder MultiPolygon.")
            % {"typ": geometrie.geom_name}
        ) from None
    geos.srid = WGS84
    repariert = not geos.valid
    return als_multipolygon(geos), repariert


def stuetzpunkte(geometrie: OGRGeometry) -> int:
    """The number of vertices of an OGR geometry, counted without converting it (cheap even for a huge one)."""
    try:
        teile = list(geometrie) if geometrie.geom_name.upper() not in {"LINESTRING", "LINEARRING", "POINT"} else None
    except TypeError:  # a type GeoDjango has no class for (curves): 16 bytes of WKB per 2D vertex
        return geometrie.wkb_size // 16
    if teile is None:
        return geometrie.point_count
    return sum(stuetzpunkte(teil) for teil in teile)


def _tausender(zahl: int) -> str:
    return f"{zahl:,}".replace(",", ".")
