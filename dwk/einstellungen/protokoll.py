"""Logs (JSON lines or text) and the system checks that are silenced, with the reason."""

import os

from django.core.exceptions import ImproperlyConfigured

from .sicherheit import SILENCED_SYSTEM_CHECKS_HTTPS

# Logs: one JSON object per line on stderr (DWK_LOG_FORMAT=json, the default) or plain text
# (text). Fields: zeit, stufe, logger, nachricht, and the event's own (ereignis, benutzer_id,
# vorfall, …); never passwords, tokens, session ids or contact data (dwk.protokoll).
DWK_LOG_FORMAT = os.environ.get("DWK_LOG_FORMAT", "json")
if DWK_LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("DWK_LOG_FORMAT: erwartet wird json oder text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"vorfall": {"()": "dwk.protokoll.VorfallFilter"}},
    "formatters": {
        "json": {"()": "dwk.protokoll.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": DWK_LOG_FORMAT, "filters": ["vorfall"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DWK_LOG_LEVEL", "INFO")},
    "loggers": {
        "fontTools": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
    },
}

# gis.W001: GDAL < 3.9 lets SpatialReference("http://…" or a path) fetch a URL or read a file.
# GDAL 3.6 (Debian 12) has no option for that, so dwk.gdal (run at start-up) refuses every HTTP
# request GDAL makes, opens no /vsicurl/-like path and keeps only the drivers the app reads with;
# the app never passes user input to SpatialReference, and the importers refuse GeoJSON "crs"
# links before GDAL opens a file (tests/dwk/test_gdal.py). Hence the warning is silenced.
SILENCED_SYSTEM_CHECKS = ["gis.W001", *SILENCED_SYSTEM_CHECKS_HTTPS]
