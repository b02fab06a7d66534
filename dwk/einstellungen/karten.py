"""Map tiles and the map widget (django-leaflet)."""

import os


# Map tiles: DWK_MAP_TILES="URL|Attribution" (several separated by "||"). Empty by default,
# so the map works offline; see .env.example for OpenStreetMap and basemap.de.
def _tiles():
    tiles = []
    for i, spec in enumerate(filter(None, os.environ.get("DWK_MAP_TILES", "").split("||"))):
        url, _sep, attribution = spec.partition("|")
        tiles.append((f"Karte {i + 1}" if i else "Hintergrundkarte", url.strip(), {"attribution": attribution.strip()}))
    return tiles


def _origin(url):
    from urllib.parse import urlsplit

    parts = urlsplit(url.replace("{s}", "a"))
    host = parts.netloc
    if "{s}" in url:
        host = "*." + host.split(".", 1)[1]
    return f"{parts.scheme}://{host}"


MAP_TILES = _tiles()
LEAFLET_CONFIG = {
    "TILES": MAP_TILES,
    "DEFAULT_CENTER": (51.5136, 7.4653),
    "DEFAULT_ZOOM": 11,
    "MIN_ZOOM": 8,
    "MAX_ZOOM": 18,
    "SCALE": "metric",
    "ATTRIBUTION_PREFIX": "Leaflet",
    "RESET_VIEW": False,
    "NO_GLOBALS": False,
}
