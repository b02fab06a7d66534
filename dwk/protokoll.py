"""Structured logs: one JSON object per line (python-json-logger), and the log lines of logins.

Every line has ``zeit``, ``stufe``, ``logger`` and ``nachricht``, plus the fields an event adds
through ``extra=`` (``ereignis``, ``benutzer_id``, ``vorfall``, counts, primary keys). A log line
never names a password, token, session id or contact data (e-mail, telephone, address, a person's
name): events name users and records by primary key. Django's own lines about a request (a 403,
a 500) carry the request object; ``VorfallFilter`` turns it into ``benutzer_id``, ``ereignis`` and,
for a 500, the incident number the error page shows (``dwk.views.serverfehler``), and the
formatter never writes the request itself (its repr would contain the query string).
"""

import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import DatabaseError
from django.dispatch import receiver
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

anmeldung = logging.getLogger("dwk.anmeldung")

# Attributes of a log record that are never written: the standard ones (their content appears
# renamed or in the message), and what Django attaches to request log lines.
NICHT_SCHREIBEN = [*RESERVED_ATTRS, "request", "taskName", "server_time"]


UMBENANNT = {"asctime": "zeit", "levelname": "stufe", "name": "logger", "message": "nachricht"}


class JsonFormatter(_JsonFormatter):
    """One JSON object per line with German field names for the standard fields."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "%(asctime)s %(levelname)s %(name)s %(message)s")
        kwargs.setdefault("rename_fields", UMBENANNT)
        kwargs.setdefault("reserved_attrs", NICHT_SCHREIBEN)
        kwargs.setdefault("datefmt", "%Y-%m-%dT%H:%M:%S%z")
        kwargs.setdefault("json_ensure_ascii", False)
        super().__init__(*args, **kwargs)


class VorfallFilter(logging.Filter):
    """Adds to Django's request log lines the user's id, the kind of event and the incident number."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is None:
            return True
        user = getattr(request, "user", None)
        try:
            if user is not None and user.is_authenticated and not hasattr(record, "benutzer_id"):
                record.benutzer_id = user.pk
        except DatabaseError:
            # The database is away (dwk.ausfall) and the user was not read yet: the line goes out without.
            pass
        status = getattr(record, "status_code", None)
        if status == 403 and not hasattr(record, "ereignis"):
            record.ereignis = "zugriff_verweigert"
        vorfall = getattr(request, "dwk_vorfall", None)
        if vorfall and not hasattr(record, "vorfall"):
            record.vorfall = vorfall
        return True


@receiver(user_logged_in, dispatch_uid="dwk.protokoll.angemeldet")
def _angemeldet(sender, request, user, **kwargs):
    anmeldung.info("Anmeldung erfolgreich.", extra={"ereignis": "anmeldung", "benutzer_id": user.pk})


@receiver(user_logged_out, dispatch_uid="dwk.protokoll.abgemeldet")
def _abgemeldet(sender, request, user, **kwargs):
    anmeldung.info("Abmeldung.", extra={"ereignis": "abmeldung", "benutzer_id": getattr(user, "pk", None)})


@receiver(user_login_failed, dispatch_uid="dwk.protokoll.fehlgeschlagen")
def _fehlgeschlagen(sender, credentials, request=None, **kwargs):
    # ``credentials`` arrive with the password already masked by Django; only the name typed is kept.
    anmeldung.warning(
        "Anmeldung fehlgeschlagen.",
        extra={"ereignis": "anmeldung_fehlgeschlagen", "benutzername": str(credentials.get("username", ""))[:150]},
    )
