"""Template helpers of the steering group; other apps' templates may load them too."""

from django import template

from dwk.markdown import markdown_html

register = template.Library()


@register.filter
def markdown(text):
    """Markdown → sanitised HTML (see ``dwk.markdown``)."""
    return markdown_html(text)


@register.simple_tag
def auswahlbeschluss(quartier):
    """The latest decision „Auswahl der Referenzquartiere“ that chose ``quartier``, or None."""
    from lenkungsgruppe.models import Beschluss, BeschlussArt

    return (
        Beschluss.objects.filter(art=BeschlussArt.REFERENZQUARTIERE, quartiere=quartier)
        .select_related("sitzung")
        .order_by("-sitzung__beginn", "-nummer")
        .first()
    )


@register.simple_tag
def datenerfassungsbeschluss():
    """The latest decision „Festlegung der Datenerfassung“, or None (for the indicator catalogue)."""
    from lenkungsgruppe.models import Beschluss, BeschlussArt

    return (
        Beschluss.objects.filter(art=BeschlussArt.DATENERFASSUNG)
        .select_related("sitzung")
        .order_by("-sitzung__beginn", "-nummer")
        .first()
    )
