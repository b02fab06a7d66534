"""Reusable and spatial reads of the city structure.

All measurements are made in EPSG:25832 (metres), never in degrees.
"""

import json

from django.contrib.gis.db.models.functions import Area, AsGeoJSON, Transform
from django.db import models

METRISCHES_SRID = 25832
GEOJSON_NACHKOMMASTELLEN = 5  # about 1 m at Dortmund's latitude


class GebietQuerySet(models.QuerySet):
    def mit_flaeche(self):
        """Annotate ``flaeche`` (an Area measure; ``.sq_km`` gives km²) computed in EPSG:25832."""
        return self.annotate(flaeche=Area(Transform("geometrie", METRISCHES_SRID)))

    def mit_geojson(self, feld="geometrie"):
        return self.annotate(geojson=AsGeoJSON(feld, precision=GEOJSON_NACHKOMMASTELLEN))


class QuartierQuerySet(models.QuerySet):
    def referenzquartiere(self):
        return self.filter(ist_referenzquartier=True)

    def mit_flaeche(self):
        return self.annotate(flaeche=Area(Transform("grenze", METRISCHES_SRID)))

    def mit_geojson(self):
        return self.annotate(geojson=AsGeoJSON("grenze", precision=GEOJSON_NACHKOMMASTELLEN))

    def sichtbar_fuer(self, user):
        """The quarters ``user`` may read: all for staff and the steering group, assigned ones for partners."""
        from dwk.permissions import ist_lenkungsgruppe, ist_partner, ist_projektteam

        if ist_projektteam(user) or ist_lenkungsgruppe(user):
            return self
        if ist_partner(user):
            return self.filter(partner=user)
        return self.none()


def metrisch(geometrie):
    """A copy of ``geometrie`` in EPSG:25832."""
    return geometrie.transform(METRISCHES_SRID, clone=True)


def flaeche_km2(geometrie):
    return metrisch(geometrie).area / 1_000_000


def schwerpunkt(geometrie):
    """The centroid, computed in EPSG:25832 and returned in the geometry's own CRS."""
    punkt = metrisch(geometrie).centroid
    punkt.transform(geometrie.srid)
    return punkt


def feature_collection(features):
    """A GeoJSON FeatureCollection from ``(geojson_string, properties)`` pairs."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": json.loads(geojson), "properties": properties}
            for geojson, properties in features
        ],
    }
