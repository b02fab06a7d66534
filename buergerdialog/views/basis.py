"""What the pages of the citizen dialogue share: the event a page belongs to, htmx requests."""

from django.shortcuts import get_object_or_404

from dwk.permissions import Geschuetzt

from ..models import Veranstaltung

FORMULAR = "buergerdialog/formular.html"


def ist_htmx(request):
    """A request htmx sent (the page then swaps in a partial instead of following a redirect)."""
    return request.headers.get("HX-Request") == "true"


class VeranstaltungBezugMixin(Geschuetzt):
    """A page below one event (``pk`` in the URL); the event is the permission object."""

    veranstaltung_kwarg = "pk"

    def get_veranstaltung(self):
        if not hasattr(self, "_veranstaltung"):
            self._veranstaltung = get_object_or_404(Veranstaltung, pk=self.kwargs[self.veranstaltung_kwarg])
        return self._veranstaltung

    def get_permission_object(self):
        return self.get_veranstaltung()

    def get_context_data(self, **kwargs):
        return super().get_context_data(veranstaltung=self.get_veranstaltung(), **kwargs)
