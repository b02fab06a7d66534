"""The status page of a background job (with an htmx partial the page polls while the job runs)."""

from django.conf import settings
from django.utils import timezone
from django.views.generic import DetailView

from dwk.http import nicht_speichern
from dwk.permissions import Geschuetzt

from .models import Auftrag

# After this many seconds in the queue the page says that the worker may not be running.
WARTEZEIT_HINWEIS = 60


class AuftragStatusView(Geschuetzt, DetailView):
    """How far a job is: "3 von 12 Fotos verarbeitet", then its result and where to go next.

    While the job waits or runs, the status block asks for itself again every two seconds
    (htmx; the request carries ``HX-Request`` and gets only the block); without JavaScript a
    link reloads the page.
    """

    permission_required = "auftraege.view_auftrag"
    model = Auftrag
    context_object_name = "auftrag"
    template_name = "auftraege/auftrag_detail.html"

    def get_object(self, queryset=None):
        if not hasattr(self, "_auftrag"):
            self._auftrag = super().get_object(queryset)
        return self._auftrag

    def get_template_names(self):
        if self.request.htmx:
            return ["auftraege/_auftrag_stand.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        auftrag = self.object
        # Real clock, as created_at: how long the job has waited (see auftraege.services).
        wartet_lange = (
            auftrag.status == Auftrag.Status.WARTET
            and (timezone.now() - auftrag.created_at).total_seconds() > WARTEZEIT_HINWEIS
        )
        # A running job reports after every step; silent past its time limit, its worker was stopped.
        unterbrochen = (
            auftrag.status == Auftrag.Status.LAEUFT
            and (timezone.now() - auftrag.updated_at).total_seconds()
            > settings.DWK_AUFTRAG_MAX_SEKUNDEN + WARTEZEIT_HINWEIS
        )
        return super().get_context_data(wartet_lange=wartet_lange, unterbrochen=unterbrochen, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        return nicht_speichern(super().render_to_response(context, **response_kwargs))
