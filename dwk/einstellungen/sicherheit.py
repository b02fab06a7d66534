"""Security headers, HTTPS behind a TLS proxy, the Content Security Policy."""

import os

from csp.constants import NONCE, SELF

from .basis import env_bool
from .karten import MAP_TILES, _origin

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
