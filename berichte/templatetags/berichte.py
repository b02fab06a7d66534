"""Template tags through which pages of lower apps show what the reports app has for them
(lenkungsgruppe's „Meine Lenkungsgruppe“, quartiersprofil's page of a released version): a
template-level link only; each tag is a one-line wrapper around a query."""

from django import template

from ..queries.bericht import wartende_entwuerfe as _wartende_entwuerfe
from ..queries.profil import eingefrorene_belege as _eingefrorene_belege

register = template.Library()


@register.simple_tag
def wartende_entwuerfe(benutzer):
    """The report drafts in consultation with the steering group (nearest deadline first)."""
    return _wartende_entwuerfe(benutzer)


@register.simple_tag
def eingefrorene_belege(fassung):
    """The evidence of a released profile version as frozen at its release, by Handlungsfeld pk."""
    return _eingefrorene_belege(fassung)


@register.filter
def belege_des_feldes(belege, handlungsfeld_id):
    """The entry of ``handlungsfeld_id`` in the result of ``eingefrorene_belege`` (None if absent)."""
    return belege.get(handlungsfeld_id)
