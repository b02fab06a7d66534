"""Login: authentication backends, password hashing and rules, session time-outs, login throttling,
the second factor."""

import datetime
import os

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
