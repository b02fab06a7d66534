"""What every public page shares: no login, no cookie, and a page cache keyed by the data version.

``oeffentliche_seite`` wraps a view: GET and HEAD requests are answered from the cache when the
same path was rendered at the same data version (``queries.datenstand``); otherwise the view
renders, and a 200 that is not streamed is stored for ``CACHE_SEKUNDEN``. Query strings are not
part of the key: no public page reads one, so a hostile query string cannot fill the cache.
Responses carry ``Cache-Control: public`` for a short time, since they are the same for everyone.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from dwk.http import oeffentlich_zwischenspeichern

from ..queries.datenstand import datenstand

CACHE_SEKUNDEN = 300
BROWSER_SEKUNDEN = 60
# The pages live in this process's memory, whatever ``settings.CACHES`` is: a hit costs no query
# beyond the data version, and the key's version keeps every process in step with the database.
SEITEN = LocMemCache("oeffentlich-seiten", {"TIMEOUT": CACHE_SEKUNDEN, "OPTIONS": {"MAX_ENTRIES": 2000}})
# Headers a cached response keeps (the security headers are set anew by the middleware).
KOPFZEILEN = ("Content-Type", "Content-Disposition", "Last-Modified")


def _schluessel(request: HttpRequest) -> str:
    pfad = hashlib.sha256(request.path.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"oeffentlich:seite:{datenstand()}:{pfad}"


def oeffentliche_seite(view: Callable) -> Callable:
    """Decorator for a public view function (see the module's docstring)."""

    @login_not_required
    @wraps(view)
    def seite(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        schluessel = _schluessel(request)
        gespeichert = SEITEN.get(schluessel)
        if gespeichert is not None:
            inhalt, kopf = gespeichert
            antwort = HttpResponse(inhalt, headers=kopf)
        else:
            antwort = view(request, *args, **kwargs)
            if antwort.status_code != 200 or antwort.streaming:
                return antwort
            if hasattr(antwort, "render"):
                antwort.render()
            kopf = {name: antwort[name] for name in KOPFZEILEN if antwort.has_header(name)}
            SEITEN.set(schluessel, (antwort.content, kopf), CACHE_SEKUNDEN)
        return oeffentlich_zwischenspeichern(antwort, sekunden=BROWSER_SEKUNDEN)

    return seite
