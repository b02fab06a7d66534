"""Markdown → HTML for text that users write (minutes, comments), sanitised with nh3.

The HTML that Markdown produces is cleaned against an allow-list: headings, paragraphs,
lists, emphasis, quotes, code, tables and links. Everything else (``<script>``, ``<style>``,
``<img>``, ``<iframe>``, forms, every ``on…`` attribute, ``style`` and ``class``) is removed;
links keep only ``http``, ``https`` and ``mailto`` targets and get ``rel="noopener noreferrer
nofollow"``. Raw HTML in the text is cleaned by the same rules, so the result is safe to put
into a page or a PDF as it is.
"""

import functools

import markdown as markdown_lib
import nh3
from django.utils.safestring import mark_safe

ERLAUBTE_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "abbr",
}
ERLAUBTE_ATTRIBUTE = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "ol": {"start"}}
ERLAUBTE_SCHEMATA = {"http", "https", "mailto"}


def html_bereinigen(html):
    """``html`` reduced to the allowed tags, attributes and link targets (a plain ``str``)."""
    return nh3.clean(
        html,
        tags=ERLAUBTE_TAGS,
        attributes=ERLAUBTE_ATTRIBUTE,
        url_schemes=ERLAUBTE_SCHEMATA,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def markdown_html(text):
    """The Markdown ``text`` as sanitised HTML, marked safe for templates.

    Headings are shifted down one level (``# Titel`` becomes ``<h2>``), so a user's text never
    competes with the page's own ``<h1>``.
    """
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    return mark_safe(_bereinigtes_html(str(text)))  # noqa: S308 - cleaned by nh3


# The result depends on the text alone: a page that shows the same texts again (a quarter profile
# has about 20) converts each once per process, not on every request.
@functools.lru_cache(maxsize=2048)
def _bereinigtes_html(text):
    html = markdown_lib.markdown(
        text,
        extensions=["sane_lists", "tables", "toc"],
        extension_configs={"toc": {"baselevel": 2}},
        output_format="html",
    )
    return html_bereinigen(html)
