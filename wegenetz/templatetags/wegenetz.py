"""Template tags of the walking network, for pages of lower apps (``quartiere``): one-line wrappers."""

from django import template

from quartiere.models import Quartier

from ..queries.abdeckung import Vergleich, abdeckung_vergleich

register = template.Library()


@register.simple_tag
def netz_vergleich(quartier: Quartier) -> Vergleich | None:
    """``{% netz_vergleich quartier as vergleich %}``: network vs straight line, None without a network."""
    return abdeckung_vergleich(quartier=quartier)
