"""Template tags of the walking network, for pages of lower apps (``quartiere``): thin wrappers."""

from django import template

from quartiere.models import Quartier

from ..queries.abdeckung import Vergleich, abdeckung_vergleich
from ..services.distanzfelder import distanzfelder_nachziehen

register = template.Library()


@register.simple_tag
def netz_vergleich(quartier: Quartier) -> Vergleich | None:
    """``{% netz_vergleich quartier as vergleich %}``: network vs straight line, None without a network.

    Like the wegenetz pages, it starts the recomputation when a value is stale or missing (the
    table then says "wird neu berechnet"): the quarter's infrastructure page is where a changed
    facility is looked at first.
    """
    vergleich = abdeckung_vergleich(quartier=quartier)
    distanzfelder_nachziehen(veraltet=vergleich is not None and vergleich.abdeckung.wartet_auf_berechnung)
    return vergleich
