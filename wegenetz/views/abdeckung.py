"""Coverage of a quarter on the network, compared with the straight-line coverage; the isochrone map."""

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from dwk.permissions import Geschuetzt
from quartiere.models import Quartier
from quartiere.queries.abdeckung import LUECKE_MINDESTANTEIL

from ..forms import IsochronenForm
from ..models import Wegprofil
from ..queries import KeinNetz, isochrone_berechnen
from ..queries.abdeckung import abdeckung_vergleich
from ..queries.netz import aktuelles_netz
from ..services.distanzfelder import distanzfelder_nachziehen


class QuartierAbdeckungView(Geschuetzt, DetailView):
    """Per category: "Luftlinie" (share of the area) vs "Fußweg" vs "mit Rollator" vs "mit Rollstuhl"."""

    permission_required = "wegenetz.view_quartier_abdeckung"
    template_name = "wegenetz/quartier_abdeckung.html"
    context_object_name = "quartier"
    model = Quartier

    def get_object(self, queryset=None):
        if not hasattr(self, "_quartier"):
            self._quartier = get_object_or_404(Quartier, slug=self.kwargs["slug"])
        return self._quartier

    def get_context_data(self, **kwargs):
        vergleich = abdeckung_vergleich(quartier=self.object)
        distanzfelder_nachziehen(veraltet=vergleich is not None and vergleich.abdeckung.wartet_auf_berechnung)
        return super().get_context_data(
            vergleich=vergleich,
            luecke_prozent=round(LUECKE_MINDESTANTEIL * 100),
            **kwargs,
        )


class IsochronenView(Geschuetzt, TemplateView):
    """The isochrone map (5, 10, 15 minutes) for a facility or a point, with its table twin."""

    permission_required = "wegenetz.view_wegenetz"
    template_name = "wegenetz/isochronen.html"

    def get_context_data(self, **kwargs):
        form = IsochronenForm(self.request.GET or None)
        isochrone, fehler = None, ""
        netz = aktuelles_netz()
        if form.is_bound and form.is_valid() and netz is not None:
            try:
                isochrone = isochrone_berechnen(
                    punkt=form.startpunkt(), profil=Wegprofil.objects.get(art=form.cleaned_data["profil"])
                )
            except KeinNetz as meldung:
                fehler = str(meldung)
        karte = {"start": None, "geojson": None}
        if isochrone is not None:
            karte = {"start": [isochrone.start.x, isochrone.start.y], "geojson": isochrone.geojson()}
        strassen = {}
        if isochrone is not None:
            for kante in isochrone.kanten:
                name = kante["name"]
                if name and (name not in strassen or kante["minuten"] < strassen[name]):
                    strassen[name] = kante["minuten"]
        return super().get_context_data(
            form=form,
            netz=netz,
            isochrone=isochrone,
            fehler=fehler,
            karte=karte,
            strassen=sorted(strassen.items(), key=lambda s: (s[1], s[0])),
            **kwargs,
        )
