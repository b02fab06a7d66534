"""The database is away (a restart, a broken network): a German 503 page instead of a server error.

``handler500`` (dwk/urls.py) is ``serverfehler`` below: an ``OperationalError`` or ``InterfaceError`` of
the database, wherever it was raised (a view, a middleware reading the session or the user), becomes
``templates/503.html`` with ``Retry-After``, no stack trace, and one log line (``ereignis``
``datenbank_ausfall``); every other error goes on to ``dwk.views.serverfehler`` (500 with an incident
number). The app recovers by itself: Django closes a broken connection at the end of the request
and checks a kept one before reusing it (``CONN_HEALTH_CHECKS``), so the first request after the
database is back gets a new connection (tests/dwk/test_datenbank_ausfall.py).
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from dwk import views
from dwk.http import nicht_speichern

DATENBANKFEHLER = (OperationalError, InterfaceError)
# Seconds a client is asked to wait before trying again (a restart of PostgreSQL takes a few).
WIEDERHOLEN_NACH_SEKUNDEN = 15

logger = logging.getLogger("dwk.ausfall")


def datenbank_nicht_erreichbar(request: HttpRequest, fehler: BaseException) -> HttpResponse:
    """The 503 page for ``fehler``, logged with its class and SQLSTATE only (the message of the driver
    may quote data). Rendered without the request's context processors, which would need the database."""
    logger.error(
        "Datenbank nicht erreichbar bei %s %s (%s).",
        request.method,
        request.path,
        type(fehler).__name__,
        extra={
            "ereignis": "datenbank_ausfall",
            "fehler": type(fehler).__name__,
            "sqlstate": getattr(getattr(fehler, "__cause__", None), "sqlstate", None),
        },
    )
    antwort = HttpResponse(render_to_string("503.html"), status=503)
    antwort["Retry-After"] = str(WIEDERHOLEN_NACH_SEKUNDEN)
    return nicht_speichern(antwort)


def serverfehler(request: HttpRequest) -> HttpResponse:
    """``handler500``: a database that cannot be reached → 503 (``datenbank_nicht_erreichbar``); every
    other error → ``dwk.views.serverfehler``. Django calls it inside its ``except`` block, so the error
    is ``sys.exc_info()``."""
    fehler = sys.exc_info()[1]
    if isinstance(fehler, DATENBANKFEHLER):
        return datenbank_nicht_erreichbar(request, fehler)
    return views.serverfehler(request)
