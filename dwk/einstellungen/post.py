"""Sending e-mail."""

import os

from .basis import env_bool

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
