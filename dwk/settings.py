"""Settings of DWK Quartiersplanung.

Every value that differs between deployments comes from an environment variable
prefixed ``DWK_``; ``.env.example`` documents all of them. Without any of them the
app is safe: DEBUG is off, hosts are limited to loopback, the secret key is
generated once and kept under ``var/``.
"""

import datetime
import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DWK_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on", "ja"}:
        return True
    if value.lower() in {"0", "false", "no", "off", "nein"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: erwartet wird true oder false.")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key():
    key = os.environ.get("DWK_SECRET_KEY")
    if key:
        return key
    # No key configured: create one once and keep it beside the data, readable only by us.
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.touch(mode=0o600)
    key_file.write_text(key)
    return key


SECRET_KEY = _secret_key()
DEBUG = env_bool("DWK_DEBUG", False)
ALLOWED_HOSTS = env_list("DWK_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DWK_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "rules.apps.AutodiscoverRulesConfig",
    "leaflet",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "simple_history",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "dwk",
    "auftraege",
    "quartiere",
    "lenkungsgruppe",
    "quartiersprofil",
    "buergerdialog",
    "wegenetz",
    "berichte",
    "oeffentlich",
    "uebersichten",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # user.is_verified(): whether this session passed the second factor (django-otp).
    "django_otp.middleware.OTPMiddleware",
    # Deny by default: every view needs a login unless marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Ends sessions older than DWK_SITZUNG_HOECHSTDAUER_STUNDEN; sends expired ones to the login page
    # with a message (hence after MessageMiddleware).
    "dwk.middleware.SitzungsdauerMiddleware",
    # Projektteam and administrators reach no page behind the login before the second factor (dwk.zwei_faktor).
    "dwk.middleware.ZweiFaktorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Turns a login attempt during a lockout into the lockout page (dwk.anmeldesperren).
    "axes.middleware.AxesMiddleware",
    # Last, so its 400 passes through all the others: a NUL byte in path, query or form data.
    "dwk.middleware.NulZeichenMiddleware",
]

ROOT_URLCONF = "dwk.urls"
WSGI_APPLICATION = "dwk.wsgi.application"
ASGI_APPLICATION = "dwk.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "dwk.context_processors.dwk",
            ],
        },
    },
]

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

AUTHENTICATION_BACKENDS = [
    # First: refuses every login of a locked-out user name or address before a password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2 for every new or changed password; a stored hash of another kind (PBKDF2 of older
# installations) still logs in and is rehashed with Argon2 at that login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Checked wherever a person chooses a password through a form (admin, password change); the
# German messages come from Django's translations.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Session time-outs: after DWK_SITZUNG_LEERLAUF_MINUTEN without a request the session ends (the
# session's and cookie's age, renewed by a request at most once a minute, so that not every request
# writes the session); DWK_SITZUNG_HOECHSTDAUER_STUNDEN after the login it ends however active it
# was (dwk.middleware.SitzungsdauerMiddleware). Either way the next page is the login page with a
# message.
DWK_SITZUNG_LEERLAUF_MINUTEN = int(os.environ.get("DWK_SITZUNG_LEERLAUF_MINUTEN", "30"))
DWK_SITZUNG_HOECHSTDAUER_STUNDEN = float(os.environ.get("DWK_SITZUNG_HOECHSTDAUER_STUNDEN", "10"))
SESSION_COOKIE_AGE = DWK_SITZUNG_LEERLAUF_MINUTEN * 60
# Login throttling (django-axes, see dwk/anmeldesperren.py): after DWK_ANMELDUNG_FEHLVERSUCHE failed
# logins within DWK_ANMELDUNG_SPERRE_MINUTEN, the user name and, separately, the address they came
# from are locked for that long, at /konto/anmelden/ and /admin/login/ alike.
AXES_FAILURE_LIMIT = int(os.environ.get("DWK_ANMELDUNG_FEHLVERSUCHE", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("DWK_ANMELDUNG_SPERRE_MINUTEN", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A lock ends when announced: attempts during it neither count nor extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Not on success either: a login to one's own account must not clear the failures of an address.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "dwk.anmeldesperren.gesperrt_antwort"
AXES_CLIENT_IP_CALLABLE = "dwk.anmeldesperren.client_adresse"
# Reverse proxies in front of the app whose X-Forwarded-For is trusted (0: none, use the connection).
DWK_PROXY_ANZAHL = int(os.environ.get("DWK_PROXY_ANZAHL", "0"))
# The log names user name and address of failed attempts (never the password); successful logins
# are not stored.
AXES_SENSITIVE_PARAMETERS = []
AXES_DISABLE_ACCESS_LOG = True
# Two-factor login (TOTP, django-otp; dwk.zwei_faktor): required for Projektteam and administrators.
# Not an environment variable: it cannot be switched off on a server. Only the demo accounts of
# `make run` are exempt, and only with DEBUG. tests/conftest.py turns it off for the tests that log
# in with force_login; tests/dwk/test_zwei_faktor.py shows it is on with the production settings.
DWK_2FA_PFLICHT = True
OTP_TOTP_ISSUER = "DWK Quartiersplanung"
# The admin never shows the secrets of authenticator apps or the recovery codes.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "uebersicht"
LOGOUT_REDIRECT_URL = "start"

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

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
# Statistical confidentiality: counts below this are shown as "< N" to everyone but Projektteam.
DWK_MIN_FALLZAHL = int(os.environ.get("DWK_MIN_FALLZAHL", "3"))
# The title page of the quarter profile: the programme, who funds it, the partners ("; " between several).
DWK_PROGRAMM = os.environ.get("DWK_PROGRAMM", "Demografiewerkstatt Kommunen (DWK)")
DWK_FOERDERER = os.environ.get("DWK_FOERDERER", "Bundesministerium für Familie, Senioren, Frauen und Jugend")
DWK_PARTNER = os.environ.get("DWK_PARTNER", "Stiftung Mitarbeit (Moderation des Bürgerdialogs)")


def _heute():
    wert = os.environ.get("DWK_HEUTE", "").strip()
    if not wert:
        return None
    try:
        return datetime.date.fromisoformat(wert)
    except ValueError:
        raise ImproperlyConfigured(f"DWK_HEUTE={wert!r}: erwartet wird ein Datum wie 2017-10-16 oder nichts.") from None


# A fixed "today" (ISO date) for the local demo, which lives in autumn 2017; empty: the real date.
# Read through dwk.zeit.heute() / jetzt() only.
DWK_HEUTE = _heute()


def _projektende():
    wert = os.environ.get("DWK_PROJEKTENDE", "").strip()
    try:
        return datetime.date.fromisoformat(wert) if wert else None
    except ValueError:
        raise ImproperlyConfigured(
            f"DWK_PROJEKTENDE={wert!r}: erwartet wird ein Datum wie 2019-12-31 oder nichts."
        ) from None


# Retention of the key persons' contact data (quartiersprofil.services.aufbewahrung): names and
# contact details are erased DWK_AUFBEWAHRUNG_JAHRE years after the project's end (ISO date; empty:
# no end yet, nothing erased) by `manage.py aufbewahrung_anwenden`.
DWK_PROJEKTENDE = _projektende()
DWK_AUFBEWAHRUNG_JAHRE = int(os.environ.get("DWK_AUFBEWAHRUNG_JAHRE", "2"))
# Largest accepted upload of indicator values (CSV).
DWK_KENNZAHLEN_UPLOAD_MAX_BYTES = int(os.environ.get("DWK_KENNZAHLEN_UPLOAD_MAX_BYTES", 20 * 1024 * 1024))
# Photos of walk-throughs: largest accepted file and most pixels per photo (decompression bombs).
DWK_FOTO_MAX_BYTES = int(os.environ.get("DWK_FOTO_MAX_BYTES", 20 * 1024 * 1024))
DWK_FOTO_MAX_PIXEL = int(os.environ.get("DWK_FOTO_MAX_PIXEL", 50_000_000))
# Most photos and most pixels (all photos together) in one upload; a larger upload is refused.
DWK_FOTO_MAX_ANZAHL = int(os.environ.get("DWK_FOTO_MAX_ANZAHL", 30))
DWK_FOTO_MAX_PIXEL_JE_UPLOAD = int(os.environ.get("DWK_FOTO_MAX_PIXEL_JE_UPLOAD", 400_000_000))
# An upload with more pixels than this together is processed by the background worker (with a
# progress page) instead of inside the request; 0: every upload.
DWK_FOTO_SOFORT_MAX_PIXEL = int(os.environ.get("DWK_FOTO_SOFORT_MAX_PIXEL", 25_000_000))

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
# Report PDFs (berichte) are rendered by WeasyPrint in a child process with these limits (seconds, MB).
DWK_PDF_MAX_SEKUNDEN = int(os.environ.get("DWK_PDF_MAX_SEKUNDEN", 300))
DWK_PDF_MAX_SPEICHER_MB = int(os.environ.get("DWK_PDF_MAX_SPEICHER_MB", 2048))
# OParl 1.1 endpoint of the council information system (the System object's URL); empty: none,
# the council fields of a report are entered by hand. Only this origin is ever requested.
DWK_OPARL_URL = os.environ.get("DWK_OPARL_URL", "").strip()
DWK_OPARL_TIMEOUT = float(os.environ.get("DWK_OPARL_TIMEOUT", "10"))
DWK_OPARL_MAX_BYTES = int(os.environ.get("DWK_OPARL_MAX_BYTES", 2 * 1024 * 1024))

# Security headers; HTTPS-only settings follow DWK_HTTPS (on behind a TLS proxy).
HTTPS = env_bool("DWK_HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("DWK_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DWK_HSTS_SEKUNDEN", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS and env_bool("DWK_HSTS_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = HTTPS and env_bool("DWK_HSTS_PRELOAD", False)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# DWK_SSL_REDIRECT=false: the TLS proxy in front redirects http to https itself, so the app never
# sees plain http from outside; the check's advice (security.W008) is then met there.
SILENCED_SYSTEM_CHECKS_HTTPS = ["security.W008"] if HTTPS and not SECURE_SSL_REDIRECT else []
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True


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

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *{_origin(url) for _label, url, _attrs in MAP_TILES}],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": ["'none'"],
        "base-uri": [SELF],
        "frame-ancestors": ["'none'"],
        "form-action": [SELF],
    }
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

EMAIL_BACKEND = os.environ.get("DWK_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DWK_DEFAULT_FROM_EMAIL", "dwk@localhost")
# SMTP (only used with DWK_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend).
EMAIL_HOST = os.environ.get("DWK_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DWK_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DWK_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DWK_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DWK_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("DWK_EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("DWK_EMAIL_TIMEOUT", "30"))

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
