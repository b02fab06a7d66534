"""Template helpers of the profile texts, measures and key persons; other apps' templates may load them.
Each is a one-line wrapper around a query."""

from django import template

from ..queries.personen import akteur_anzeige as _akteur_anzeige
from ..queries.profil import profil_uebersicht as _profil_uebersicht

register = template.Library()


@register.filter
def akteur_anzeige(akteur, user=None):
    """``{{ akteur|akteur_anzeige:user }}``: name only for Projektteam (see ``queries.personen.akteur_anzeige``)."""
    return _akteur_anzeige(akteur, user)


@register.simple_tag
def profil_uebersicht(quartier, user):
    """``{% profil_uebersicht quartier user as uebersicht %}``: see ``queries.profil.profil_uebersicht``."""
    return _profil_uebersicht(quartier=quartier, user=user)
