"""Settings of every deployment alike: paths, the secret key, apps, middleware, templates, language.

``env_bool`` and ``env_list`` read the ``DWK_`` environment variables for the other modules.
"""

import os
import secrets
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
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


def schluessel_aus_datei(datei: Path) -> str:
    """The key kept in ``datei``, created there (readable only by us) if there is none yet.

    Processes that start at the same moment (gunicorn's workers, a command beside the server, the
    test workers of a fresh checkout) must all get the same key: the new key is written whole under
    a name of its own and then linked into place, which only one process can do; every process
    reads the key from the file afterwards, never a half-written one or its own lost key.
    """
    if not datei.exists():
        datei.parent.mkdir(parents=True, exist_ok=True)
        nummer, entwurf = tempfile.mkstemp(prefix=f".{datei.name}.", dir=datei.parent)  # readable only by us
        try:
            with os.fdopen(nummer, "w") as offen:
                offen.write(secrets.token_urlsafe(50))
            os.link(entwurf, datei)
        except FileExistsError:
            pass  # another process was first: its key holds
        finally:
            os.unlink(entwurf)
    return datei.read_text().strip()


def _secret_key():
    # No key configured: create one once and keep it beside the data.
    return os.environ.get("DWK_SECRET_KEY") or schluessel_aus_datei(VAR_DIR / "secret_key")


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
                "quartiere.context_processors.dwk",
            ],
        },
    },
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
