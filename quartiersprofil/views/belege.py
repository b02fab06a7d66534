"""The evidence map: findings and photos of a quarter's walk-throughs on a map and in a table."""

from django.views.generic import TemplateView

from ..forms.begehungen import HandlungsfeldFilterForm
from ..queries.belege import belege_karte
from .basis import QuartierBezugMixin


class BelegeKarteView(QuartierBezugMixin, TemplateView):
    """Findings and photos of all walk-throughs of a quarter on a map and in a table, filterable (GET)."""

    permission_required = "quartiersprofil.view_begehung"
    template_name = "quartiersprofil/belege_karte.html"

    def get_context_data(self, **kwargs):
        filter_form = HandlungsfeldFilterForm(self.request.GET or None)
        feld = filter_form.gewaehlt()
        return super().get_context_data(
            filter_form=filter_form,
            handlungsfeld=feld,
            **belege_karte(quartier=self.get_quartier(), handlungsfeld=feld),
            **kwargs,
        )
