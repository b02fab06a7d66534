"""Reusable and spatial reads of the city structure.

All measurements are made in EPSG:25832 (metres), never in degrees.
"""

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.gis.db.models.functions import Area, AsGeoJSON, Transform
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


def metrisch(geometrie: GEOSGeometry) -> GEOSGeometry:
    """A copy of ``geometrie`` in EPSG:25832."""
    return geometrie.transform(METRISCHES_SRID, clone=True)


def flaeche_km2(geometrie: GEOSGeometry) -> float:
    return metrisch(geometrie).area / 1_000_000


def schwerpunkt(geometrie: GEOSGeometry) -> Point:
    """The centroid, computed in EPSG:25832 and returned in the geometry's own CRS."""
    punkt = metrisch(geometrie).centroid
    punkt.transform(geometrie.srid)
    return punkt


def feature_collection(features: Iterable[tuple[str, dict]]) -> dict:
    """A GeoJSON FeatureCollection from ``(geojson_string, properties)`` pairs."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": json.loads(geojson), "properties": properties}
            for geojson, properties in features
        ],
    }
