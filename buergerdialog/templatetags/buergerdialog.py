"""Template tags through which pages of lower apps show what the citizen dialogue has for them
(lenkungsgruppe's „Meine Lenkungsgruppe“, quartiersprofil's measure page): a template-level link
only, the lower apps import nothing of buergerdialog. Each tag is a one-line wrapper around a query."""

from django import template

from ..queries import bewertung

register = template.Library()


@register.simple_tag
def offene_bewertungen(benutzer):
    """The review rounds still open for the member linked to ``benutzer`` (``x von n bewertet``)."""
    return bewertung.offene_bewertungen(benutzer=benutzer)


@register.simple_tag
def hat_weg(massnahme):
    """Whether the measure has a path from the citizen dialogue („Weg der Maßnahme“)."""
    return bewertung.hat_weg(massnahme)
