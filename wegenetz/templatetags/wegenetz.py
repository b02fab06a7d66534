"""Template tags of the walking network, for pages of lower apps (``quartiere``): thin wrappers."""

from django import template

from quartiere.models import Quartier
from quartiere.queries.datenstand import zwischengespeichert

from ..queries.abdeckung import Vergleich, abdeckung_vergleich
from ..queries.datenstand import netz_datenstand
from ..services.distanzfelder import distanzfelder_nachziehen

register = template.Library()


@register.simple_tag
def netz_vergleich(quartier: Quartier) -> Vergleich | None:
    """``{% netz_vergleich quartier as vergleich %}``: network vs straight line, None without a network.

    Like the wegenetz pages, it starts the recomputation when a value is stale or missing (the
    table then says "wird neu berechnet"): the quarter's infrastructure page is where a changed
    facility is looked at first.

    The comparison is computed once per Datenstand of the ground data and of the network's own data
    (``netz_datenstand``); the recomputation is asked for on every request.
    """
    vergleich = zwischengespeichert(
        "netz_vergleich",
        quartier.pk,
        netz_datenstand(),
        berechnen=lambda: _als_text(abdeckung_vergleich(quartier=quartier)),
    )
    distanzfelder_nachziehen(veraltet=vergleich is not None and vergleich.abdeckung.wartet_auf_berechnung)
    return vergleich


def _als_text(vergleich: Vergleich | None) -> Vergleich | None:
    """``vergleich`` with the reasons of its values as text in the active language, for the cache: a lazy
    translation takes a millisecond to unpickle (Django builds its proxy class anew each time)."""
    for eintrag in vergleich.abdeckung.eintraege if vergleich else []:
        for wert in eintrag.profile.values():
            wert.gruende = [str(grund) for grund in wert.gruende]
    return vergleich
