"""Template helpers of the profile texts, measures and key persons; other apps' templates may load them."""

from django import template
from django.db.models import Count

from ..personen import akteur_anzeige as _akteur_anzeige

register = template.Library()


@register.filter
def akteur_anzeige(akteur, user=None):
    """``{{ akteur|akteur_anzeige:user }}``: name only for Projektteam (see ``personen.akteur_anzeige``)."""
    return _akteur_anzeige(akteur, user)


@register.simple_tag
def profil_ueberblick(quartier, user):
    """What the quarter page shows of the profile of ``quartier``: the version ``user`` may read
    (the working version for Projektteam, else the latest readable one), its completeness per
    Handlungsfeld, the number of measures per status, key persons and talks. Five queries."""
    from ..models import MassnahmeStatus
    from ..profil import vollstaendigkeit
    from ..rules import sichtbare_profilstatus

    fassung = quartier.profilfassungen.filter(status__in=sichtbare_profilstatus(user)).order_by("-nummer").first()
    anzahl = dict(quartier.massnahmen.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {
        "fassung": fassung,
        "vollstaendigkeit": vollstaendigkeit(fassung),
        "massnahmen": [(s.label, anzahl.get(s.value, 0)) for s in MassnahmeStatus if anzahl.get(s.value)],
        "anzahl_massnahmen": sum(anzahl.values()),
        "anzahl_akteure": quartier.akteure.count(),
        "anzahl_gespraeche": quartier.gespraeche.count(),
    }


@register.filter
def markdown(text):
    """Markdown → sanitised HTML (see ``dwk.markdown``)."""
    from dwk.markdown import markdown_html

    return markdown_html(text)
