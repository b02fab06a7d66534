"""Where data live: the database, static and media files (local or S3), sessions, uploads, the job
queue and the cache."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .basis import BASE_DIR, VAR_DIR

# Database: DWK_DATABASE_URL, e.g. postgis://user@host:5432/dwk or spatialite:///path/dwk.sqlite3.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DWK_DATABASE_URL", f"spatialite:///{VAR_DIR / 'dwk.sqlite3'}"),
        conn_max_age=int(os.environ.get("DWK_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.contrib.gis.db.backends.spatialite":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
SPATIALITE_LIBRARY_PATH = os.environ.get("DWK_SPATIALITE_LIBRARY", "mod_spatialite")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DWK_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DWK_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Media files (uploads, photos and their derivatives): a local folder (DWK_MEDIEN_SPEICHER=lokal, the
# default) or an S3-compatible object storage (s3: AWS, MinIO, Ceph, a city's own), which several web and
# worker containers share. The bucket stays private: files are only ever read through the app's views.
DWK_MEDIEN_SPEICHER = os.environ.get("DWK_MEDIEN_SPEICHER", "lokal")
if DWK_MEDIEN_SPEICHER not in {"lokal", "s3"}:
    raise ImproperlyConfigured("DWK_MEDIEN_SPEICHER: erwartet wird lokal oder s3.")
if DWK_MEDIEN_SPEICHER == "s3":
    if not os.environ.get("DWK_S3_BUCKET"):
        raise ImproperlyConfigured("DWK_MEDIEN_SPEICHER=s3 braucht DWK_S3_BUCKET (den Namen des Buckets).")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["DWK_S3_BUCKET"],
            "endpoint_url": os.environ.get("DWK_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DWK_S3_REGION") or None,
            "access_key": os.environ.get("DWK_S3_ZUGANGSSCHLUESSEL") or None,
            "secret_key": os.environ.get("DWK_S3_GEHEIMER_SCHLUESSEL") or None,
            "location": os.environ.get("DWK_S3_PRAEFIX", ""),
            # "path" for MinIO and most self-hosted ones, "virtual" for AWS; empty: boto3 decides.
            "addressing_style": os.environ.get("DWK_S3_ADRESSIERUNG") or None,
            "default_acl": "private",
            "querystring_auth": True,
            # Like the local folder: a second file of the same name gets a new name, nothing is overwritten.
            "file_overwrite": False,
        },
    }
# Sessions live in the database, so every web container behind a load balancer knows every session.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Uploaded boundary files (GeoPackage, zipped Shapefile) may be a few MB.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DWK_GEBIETE_UPLOAD_MAX_BYTES = int(os.environ.get("DWK_GEBIETE_UPLOAD_MAX_BYTES", 50 * 1024 * 1024))
DWK_GEBIETE_MAX_STUETZPUNKTE = int(os.environ.get("DWK_GEBIETE_MAX_STUETZPUNKTE", 100_000))  # per area (feature)

# Background jobs (django-tasks): by default the queue is the app's own database, worked off by
# `manage.py db_worker` (`make run` starts one beside the web server; in production one or more
# worker containers). DWK_TASKS_BACKEND=sofort runs every job at once inside the request (tests).
_TASKS_BACKENDS = {
    "datenbank": "django_tasks_db.DatabaseBackend",
    "sofort": "django_tasks.backends.immediate.ImmediateBackend",
}
if os.environ.get("DWK_TASKS_BACKEND", "datenbank") not in _TASKS_BACKENDS:
    raise ImproperlyConfigured("DWK_TASKS_BACKEND: erwartet wird datenbank oder sofort.")
TASKS = {"default": {"BACKEND": _TASKS_BACKENDS[os.environ.get("DWK_TASKS_BACKEND", "datenbank")]}}
# Limits of one job in the worker: seconds, and MB of address space (0: none); see auftraege.services.
DWK_AUFTRAG_MAX_SEKUNDEN = int(os.environ.get("DWK_AUFTRAG_MAX_SEKUNDEN", 1800))
DWK_AUFTRAG_MAX_SPEICHER_MB = int(os.environ.get("DWK_AUFTRAG_MAX_SPEICHER_MB", 0))

# Cache of computed parts of pages (charts, aggregates, map layers; see quartiere.queries.datenstand):
# by default a table of the app's database (created by migrate), so every web server shares it;
# DWK_CACHE=speicher keeps it in each process instead (one server only).
_CACHES = {
    "datenbank": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "dwk_cache"},
    "speicher": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
if os.environ.get("DWK_CACHE", "datenbank") not in _CACHES:
    raise ImproperlyConfigured("DWK_CACHE: erwartet wird datenbank oder speicher.")
CACHES = {
    "default": {**_CACHES[os.environ.get("DWK_CACHE", "datenbank")], "TIMEOUT": 7 * 24 * 3600},
}
