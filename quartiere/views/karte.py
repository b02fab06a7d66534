"""Views of the city map and its GeoJSON layers."""

from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from dwk.permissions import Geschuetzt

from ..queries import karten
from ..queries.datenstand import datenstand


class KarteView(Geschuetzt, TemplateView):
    permission_required = "quartiere.view_karte"
    template_name = "quartiere/karte.html"

    def get_context_data(self, **kwargs):
        ebenen = [
            {**ebene, "url": reverse("quartiere:ebene_geojson", args=[ebene["schluessel"]])}
            for ebene in karten.kartenebenen()
        ]
        return super().get_context_data(
            ebenen=ebenen,
            datenstand=datenstand(),
            **karten.karte_tabellen(user=self.request.user),
            **kwargs,
        )


class EbeneGeoJsonView(Geschuetzt, View):
    """One map layer as GeoJSON (EPSG:4326, 5 decimals, simplified for the scale it is drawn at),
    for the map and for download."""

    permission_required = "quartiere.view_karte"

    def get(self, request, ebene):
        if ebene not in karten.KARTENEBENEN:
            raise Http404(_("Diese Kartenebene gibt es nicht."))
        daten = karten.kartenebene_geojson(ebene=ebene, user=request.user)
        antwort = JsonResponse(daten, json_dumps_params={"ensure_ascii": False, "separators": (",", ":")})
        antwort["Content-Type"] = "application/geo+json; charset=utf-8"
        if request.GET.get("download"):
            antwort["Content-Disposition"] = f'attachment; filename="{ebene}.geojson"'
        return antwort
