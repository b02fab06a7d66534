"""Template helpers shared by every app: ``{% load dwk %}``."""

from django import template

from dwk.markdown import markdown_html

register = template.Library()


@register.filter
def markdown(text):
    """Markdown → sanitised HTML (see ``dwk.markdown``)."""
    return markdown_html(text)
