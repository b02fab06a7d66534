"""Coordinates of the walking network between EPSG:4326 (stored) and EPSG:25832 (metres, for lengths,
nearest nodes and isochrone areas), for whole arrays at once."""

import struct

import numpy as np
from django.contrib.gis.geos import GEOSGeometry, Point

from quartiere.queries import METRISCHES_SRID, transformation, umprojiziert

_WKB_PUNKT = np.dtype([("ordnung", "u1"), ("typ", "<u4"), ("x", "<f8"), ("y", "<f8")])


def koordinaten_metrisch(lonlat: np.ndarray) -> np.ndarray:
    """An (k, 2) array of EPSG:4326 coordinates in EPSG:25832: one GDAL transformation of a
    MultiPoint built as WKB from the array (no Python object per point)."""
    lonlat = np.asarray(lonlat, dtype=float).reshape(-1, 2)
    if not len(lonlat):
        return np.zeros((0, 2))
    punkte = np.zeros(len(lonlat), dtype=_WKB_PUNKT)
    punkte["ordnung"], punkte["typ"], punkte["x"], punkte["y"] = 1, 1, lonlat[:, 0], lonlat[:, 1]
    wkb = struct.pack("<BII", 1, 4, len(lonlat)) + punkte.tobytes()
    alle = GEOSGeometry(memoryview(wkb), srid=4326)
    alle.transform(transformation(4326, METRISCHES_SRID))
    ergebnis = np.frombuffer(bytes(alle.wkb)[9:], dtype=_WKB_PUNKT)
    return np.column_stack([ergebnis["x"], ergebnis["y"]])


def punkte_metrisch(punkte: list[Point]) -> np.ndarray:
    """EPSG:4326 points as an (k, 2) array in EPSG:25832 (one transformation for all of them)."""
    return koordinaten_metrisch(np.array([(p.x, p.y) for p in punkte], dtype=float))


def nach_metrisch(geometrie: GEOSGeometry) -> GEOSGeometry:
    """A copy of an EPSG:4326 geometry in EPSG:25832."""
    return umprojiziert(geometrie, METRISCHES_SRID)


def nach_wgs84(geometrie: GEOSGeometry) -> GEOSGeometry:
    """A copy of an EPSG:25832 geometry in EPSG:4326."""
    return umprojiziert(geometrie, 4326)
