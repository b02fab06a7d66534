"""Template tags through which pages of lower apps show what the reports app has for them
(lenkungsgruppe's „Meine Lenkungsgruppe“): a template-level link only; each tag is a one-line
wrapper around a query."""

from django import template

from ..queries.bericht import wartende_entwuerfe as _wartende_entwuerfe

register = template.Library()


@register.simple_tag
def wartende_entwuerfe(benutzer):
    """The report drafts in consultation with the steering group (nearest deadline first)."""
    return _wartende_entwuerfe(benutzer)
