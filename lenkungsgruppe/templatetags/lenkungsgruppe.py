"""Template helpers of the steering group (one-line wrappers around ``lenkungsgruppe.queries``);
other apps' templates may load them too. Markdown is rendered by ``{% load dwk %}``."""

from django import template

from lenkungsgruppe import queries

register = template.Library()


@register.simple_tag
def auswahlbeschluss(quartier):
    """The latest decision „Auswahl der Referenzquartiere“ that chose ``quartier``, or None."""
    return queries.auswahlbeschluss(quartier)


@register.simple_tag
def datenerfassungsbeschluss():
    """The latest decision „Festlegung der Datenerfassung“, or None (for the indicator catalogue)."""
    return queries.datenerfassungsbeschluss()
