"""Reusable and spatial reads of the city structure.

All measurements are made in EPSG:25832 (metres), never in degrees.
"""

import json
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.gis.db.models.functions import Area, AsGeoJSON, Transform
from django.contrib.gis.gdal import CoordTransform, SpatialReference
from django.contrib.gis.geos import GEOSGeometry, Point
from django.db import models

if TYPE_CHECKING:  # only for annotations: models import this module while the app registry loads
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

METRISCHES_SRID = 25832
GEOJSON_NACHKOMMASTELLEN = 5  # about 1 m at Dortmund's latitude


class GebietQuerySet(models.QuerySet):
    def mit_flaeche(self) -> "GebietQuerySet":
        """Annotate ``flaeche`` (an Area measure; ``.sq_km`` gives km²) computed in EPSG:25832."""
        return self.annotate(flaeche=Area(Transform("geometrie", METRISCHES_SRID)))

    def mit_geojson(self, feld: str = "geometrie") -> "GebietQuerySet":
        return self.annotate(geojson=AsGeoJSON(feld, precision=GEOJSON_NACHKOMMASTELLEN))


class QuartierQuerySet(models.QuerySet):
    def referenzquartiere(self) -> "QuartierQuerySet":
        return self.filter(ist_referenzquartier=True)

    def mit_flaeche(self) -> "QuartierQuerySet":
        return self.annotate(flaeche=Area(Transform("grenze", METRISCHES_SRID)))

    def mit_geojson(self) -> "QuartierQuerySet":
        return self.annotate(geojson=AsGeoJSON("grenze", precision=GEOJSON_NACHKOMMASTELLEN))

    def sichtbar_fuer(self, user: "AbstractBaseUser | AnonymousUser") -> "QuartierQuerySet":
        """The quarters ``user`` may read: all for staff and the steering group, assigned ones for partners."""
        from dwk.permissions import ist_lenkungsgruppe, ist_partner, ist_projektteam  # noqa: PLC0415 -- dwk.permissions pulls in view mixins; models import this module while apps load

        if ist_projektteam(user) or ist_lenkungsgruppe(user):
            return self
        if ist_partner(user):
            return self.filter(partner=user)
        return self.none()


_lokal = threading.local()


def transformation(von: int, nach: int) -> CoordTransform:
    """GDAL's transformation from the system ``von`` to ``nach``, built once per thread: building one
    reads PROJ's database (about 4 ms; ``GEOSGeometry.transform(srid)`` does it on every call), using
    it costs some microseconds. One per thread, because GDAL's transformations are not thread-safe."""
    transformationen = _lokal.__dict__.setdefault("transformationen", {})
    if (von, nach) not in transformationen:
        transformationen[von, nach] = CoordTransform(SpatialReference(von), SpatialReference(nach))
    return transformationen[von, nach]


def umprojiziert(geometrie: GEOSGeometry, srid: int) -> GEOSGeometry:
    """A copy of ``geometrie`` in the system ``srid``."""
    if geometrie.srid == srid:
        return geometrie.clone()
    kopie = geometrie.transform(transformation(geometrie.srid, srid), clone=True)
    kopie.srid = srid
    return kopie


def metrisch(geometrie: GEOSGeometry) -> GEOSGeometry:
    """A copy of ``geometrie`` in EPSG:25832."""
    return umprojiziert(geometrie, METRISCHES_SRID)


def flaeche_km2(geometrie: GEOSGeometry) -> float:
    return metrisch(geometrie).area / 1_000_000


def schwerpunkt(geometrie: GEOSGeometry) -> Point:
    """The centroid, computed in EPSG:25832 and returned in the geometry's own CRS."""
    return umprojiziert(metrisch(geometrie).centroid, geometrie.srid)


def feature_collection(features: Iterable[tuple[str, dict]]) -> dict:
    """A GeoJSON FeatureCollection from ``(geojson_string, properties)`` pairs."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": json.loads(geojson), "properties": properties}
            for geojson, properties in features
        ],
    }
