"""The read door of ``quartiere``: every read that is more than a one-line queryset method.

By subject:

- ``gebiete``: querysets of the city structure and quarters, metric measurements (EPSG:25832);
  re-exported here, because ``models`` builds its managers from them;
- ``analyse``: indicator values per area, quarter and year (aggregation, the quarter analysis);
- ``geheimhaltung``: statistical confidentiality (primary and secondary suppression) and how a
  value is shown or exported;
- ``karten``: map data (choropleth areas and classes, GeoJSON map layers simplified per level);
- ``abdeckung``: walking-distance coverage of the quarters by infrastructure category.

Modules below import ``..models``; this package's ``__init__`` imports only ``gebiete`` (which
imports no model), so ``models`` can import the querysets without a cycle.
"""

from .gebiete import (
    GEOJSON_NACHKOMMASTELLEN,
    METRISCHES_SRID,
    GebietQuerySet,
    QuartierQuerySet,
    feature_collection,
    flaeche_km2,
    metrisch,
    schwerpunkt,
    transformation,
    umprojiziert,
)

__all__ = [
    "GEOJSON_NACHKOMMASTELLEN",
    "METRISCHES_SRID",
    "GebietQuerySet",
    "QuartierQuerySet",
    "feature_collection",
    "flaeche_km2",
    "metrisch",
    "schwerpunkt",
    "transformation",
    "umprojiziert",
]
