"""Cache headers, set one way for the whole app.

- ``nicht_speichern``: everything behind the login that shows personal data or unreleased work
  (photos, PDFs, exports, calendar files): no browser or proxy keeps a copy.
- ``oeffentlich_zwischenspeichern``: public, anonymous responses that may be cached.
"""

from django.http import HttpResponseBase
from django.utils.cache import patch_cache_control


def nicht_speichern(antwort: HttpResponseBase) -> HttpResponseBase:
    """``Cache-Control: private, no-store`` on ``antwort``; returns it."""
    patch_cache_control(antwort, private=True, no_store=True)
    return antwort


def oeffentlich_zwischenspeichern(antwort: HttpResponseBase, *, sekunden: int) -> HttpResponseBase:
    """``Cache-Control: public, max-age=sekunden`` on ``antwort``; returns it."""
    patch_cache_control(antwort, public=True, max_age=sekunden)
    return antwort
