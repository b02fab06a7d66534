"""GDAL without network and without other files: set once for the whole process, before any file is opened.

The app reads files with GDAL (area boundaries, infrastructure GeoJSON, GPX routes). A file
must not make GDAL reach anything beyond itself: not a URL in a GeoJSON ``crs`` link, not a
KML network link, not a VRT that names other files. GDAL 3.6 (Debian 12) has no single
switch for this (GDAL 3.9 added options for spatial references only, which GeoDjango's
``gis.W001`` check asks for), so ``gdal_absichern()`` closes each way separately:

1. Every HTTP request GDAL makes through its HTTP layer (``CPLHTTPFetch``: spatial
   references from URLs, the WFS/OAPIF/… drivers, schemas) goes to a callback that refuses it
   without a connection (``CPLHTTPSetFetchCallback``, GDAL ≥ 3.2).
2. The network file systems (``/vsicurl/``, ``/vsicurl_streaming/``, ``/vsis3/``, ``/vsigs/``,
   ``/vsiaz/`` …) accept no file name (``CPL_VSIL_CURL_ALLOWED_FILENAME`` set to a name that
   cannot occur), so they open nothing and send no request.
3. Only the drivers the app needs stay registered (``ERLAUBTE_TREIBER``); VRT, the network
   drivers (WFS, OAPIF, ESRIJSON over HTTP, …) and every other format are deregistered, so
   a disguised file cannot pull in other local files either.
4. PROJ's network access (grids from the CDN) is off.

``quartiere.apps.QuartiereConfig.ready()`` calls it, so it holds in the web server, every
management command and the tests.
"""

import contextlib
import ctypes
import logging
import os

from django.contrib.gis.gdal.libgdal import lgdal

logger = logging.getLogger(__name__)

# Vector drivers the app reads with (boundaries: GeoJSON, KML, Shapefile, GeoPackage; routes: GPX),
# plus the in-memory drivers GeoDjango itself may use.
ERLAUBTE_TREIBER = {"GeoJSON", "KML", "LIBKML", "ESRI Shapefile", "GPKG", "GPX", "MEM", "Memory"}
# A file name no network file system will ever be asked for: with it, /vsicurl/ and its kin open nothing.
KEIN_NETZ = "/dwk/kein-netzzugriff/"


class _HttpErgebnis(ctypes.Structure):
    """GDAL's ``CPLHTTPResult`` (cpl_http.h), unchanged since GDAL 2."""

    _fields_ = [
        ("nStatus", ctypes.c_int),
        ("pszContentType", ctypes.c_void_p),
        ("pszErrBuf", ctypes.c_void_p),
        ("nDataLen", ctypes.c_int),
        ("nDataAlloc", ctypes.c_int),
        ("pabyData", ctypes.c_void_p),
        ("papszHeaders", ctypes.c_void_p),
        ("nMimePartCount", ctypes.c_int),
        ("pasMimePart", ctypes.c_void_p),
    ]


_ABRUF = ctypes.CFUNCTYPE(
    ctypes.c_void_p,  # CPLHTTPResult *
    ctypes.c_char_p,  # URL
    ctypes.c_void_p,  # options
    ctypes.c_void_p,  # progress function
    ctypes.c_void_p,  # progress argument
    ctypes.c_void_p,  # write function
    ctypes.c_void_p,  # write argument
    ctypes.c_void_p,  # user data
)
_calloc = lgdal.VSICalloc
_calloc.argtypes, _calloc.restype = [ctypes.c_size_t, ctypes.c_size_t], ctypes.c_void_p
_strdup = lgdal.CPLStrdup
_strdup.argtypes, _strdup.restype = [ctypes.c_char_p], ctypes.c_void_p
_config = lgdal.CPLSetConfigOption
_config.argtypes, _config.restype = [ctypes.c_char_p, ctypes.c_char_p], None
lgdal.GDALGetDriver.argtypes, lgdal.GDALGetDriver.restype = [ctypes.c_int], ctypes.c_void_p
lgdal.GDALGetDriverShortName.argtypes, lgdal.GDALGetDriverShortName.restype = [ctypes.c_void_p], ctypes.c_char_p
lgdal.GDALDeregisterDriver.argtypes, lgdal.GDALDeregisterDriver.restype = [ctypes.c_void_p], None
lgdal.CPLHTTPSetFetchCallback.argtypes, lgdal.CPLHTTPSetFetchCallback.restype = [_ABRUF, ctypes.c_void_p], None
lgdal.OSRSetPROJEnableNetwork.argtypes, lgdal.OSRSetPROJEnableNetwork.restype = [ctypes.c_int], None

MELDUNG = b"HTTP-Zugriffe von GDAL sind in dieser Anwendung abgeschaltet (dwk.gdal)."


def _abruf_verweigern(url, *_argumente):
    """The HTTP layer's replacement: no connection, a result with an error (GDAL frees it)."""
    with contextlib.suppress(Exception):  # a failing log must never let the request through
        logger.warning("GDAL wollte %s abrufen; abgelehnt.", (url or b"").decode("utf-8", "replace")[:200])
    ergebnis = _calloc(1, ctypes.sizeof(_HttpErgebnis))
    if ergebnis:
        struktur = _HttpErgebnis.from_address(ergebnis)
        struktur.nStatus = 1
        struktur.pszErrBuf = _strdup(MELDUNG)
    return ergebnis


# Kept alive for the life of the process: GDAL holds a raw pointer to it.
_abruf_callback = _ABRUF(_abruf_verweigern)
_abgesichert = False

# GDAL configuration options, set before any file is opened.
OPTIONEN = {
    # 2. network file systems open no file (and list no directory)
    "CPL_VSIL_CURL_ALLOWED_FILENAME": KEIN_NETZ,
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": KEIN_NETZ,
    # even if a request slipped through: give up at once, never retry, no credentials from ~/.netrc
    "GDAL_HTTP_CONNECTTIMEOUT": "1",
    "GDAL_HTTP_TIMEOUT": "1",
    "GDAL_HTTP_MAX_RETRY": "0",
    "GDAL_HTTP_NETRC": "NO",
    "CPL_CURL_ENABLE_VSIMEM": "NO",
    # 4. PROJ: no grids from the network
    "PROJ_NETWORK": "OFF",
}


def gdal_absichern() -> None:
    """Switch off GDAL's network access and every driver the app does not read with; idempotent.

    Side effects (process-wide): sets the GDAL configuration options ``OPTIONEN`` and the
    environment variable ``PROJ_NETWORK=OFF``; installs an HTTP callback that refuses every
    request; registers GDAL's drivers and deregisters all but ``ERLAUBTE_TREIBER``.
    """
    global _abgesichert  # noqa: PLW0603 -- once per process
    if _abgesichert:
        return
    os.environ["PROJ_NETWORK"] = "OFF"
    for name, wert in OPTIONEN.items():
        _config(name.encode(), wert.encode())
    lgdal.CPLHTTPSetFetchCallback(_abruf_callback, None)
    lgdal.OSRSetPROJEnableNetwork(0)
    _treiber_beschraenken()
    _abgesichert = True


def _treiber_beschraenken() -> None:
    if not lgdal.GDALGetDriverCount():
        lgdal.GDALAllRegister()
    ueberzaehlig = []
    for nummer in range(lgdal.GDALGetDriverCount()):
        treiber = lgdal.GDALGetDriver(nummer)
        if lgdal.GDALGetDriverShortName(treiber).decode() not in ERLAUBTE_TREIBER:
            ueberzaehlig.append(treiber)
    for treiber in ueberzaehlig:
        lgdal.GDALDeregisterDriver(treiber)


def erlaubte_treiber() -> set[str]:
    """The short names of the GDAL drivers registered now (for tests and the system check)."""
    return {lgdal.GDALGetDriverShortName(lgdal.GDALGetDriver(n)).decode() for n in range(lgdal.GDALGetDriverCount())}
