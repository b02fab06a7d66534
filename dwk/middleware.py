"""Middleware of the project: requests that no view can answer sensibly are refused at the door."""

from django.core.exceptions import BadRequest
from django.utils.translation import gettext_lazy as _

NUL = "\x00"


def _hat_nul(daten):
    return any(NUL in schluessel or any(NUL in wert for wert in werte) for schluessel, werte in daten.lists())


class NulZeichenMiddleware:
    """Answers 400 ("Ungültige Anfrage") when the path, the query string or the form data contain a NUL byte.

    PostgreSQL cannot store or compare text with NUL (psycopg raises ``DataError``), and no person
    types one, so no view has anything to do with it. Refusing it here, once, covers every filter,
    form and URL of every app, including those added later, where a check in each form field would
    miss the hand-read ``request.GET.get(...)`` lookups. Uploaded file contents are not inspected;
    their names are.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            NUL in request.path
            or _hat_nul(request.GET)
            or (request.method == "POST" and (_hat_nul(request.POST) or _datei_mit_nul(request)))
        ):
            raise BadRequest(_("Die Anfrage enthält ein Nullzeichen und wird nicht bearbeitet."))
        return self.get_response(request)


def _datei_mit_nul(request):
    return any(NUL in (datei.name or "") for _feld, dateien in request.FILES.lists() for datei in dateien)
