"""Pure geometry helpers (GEOS), shared by the import, the forms and the demo data."""

from django.contrib.gis.geos import GeometryCollection, MultiPolygon, Polygon


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
