"""Fuzzing the Markdown sanitiser: any text renders, and no script, event handler or dangerous
link survives."""

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from dwk.markdown import ERLAUBTE_ATTRIBUTE, ERLAUBTE_TAGS, markdown_html

BAUSTEINE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[a](javascript:alert(1))",
        "[a](JaVaScRiPt:alert(1))",
        "[a](data:text/html;base64,PHNjcmlwdD4=)",
        "<a href='vbscript:x'>a</a>",
        '<svg onload="alert(1)">',
        "<iframe src=//x>",
        "<style>*{}</style>",
        '![b](x" onerror="alert(1))',
        "| a | b |\n|---|---|\n| <b>1</b> | 2 |",
        "# Titel\n\n## Unter\n",
        "<!-- x --><![CDATA[x]]>",
        "&#x6A;avascript:alert(1)",
        "\x00",
        "`<script>`",
        "    <script>",
        "> zitat <b onclick=x>",
        "1. a\n2. b\n\n* c",
        "[x]: javascript:alert(1)\n[y][x]",
    ]
)
TEXT = st.lists(st.one_of(BAUSTEINE, st.text(max_size=20)), max_size=8).map("".join)

VERBOTENE_SCHEMATA = ("javascript:", "vbscript:", "data:", "file:")


class Elemente(HTMLParser):
    """Every start tag of the HTML with its attributes, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


@given(text=st.one_of(TEXT, st.text(max_size=300)))
def test_markdown_ergibt_immer_sicheres_html(text):
    html = str(markdown_html(text))
    elemente = Elemente()
    elemente.feed(html)
    elemente.close()
    for tag, attribute in elemente.tags:
        assert tag in ERLAUBTE_TAGS, html
        for name, wert in attribute:
            # nh3 sets rel="noopener noreferrer nofollow" on every link itself.
            assert name in ERLAUBTE_ATTRIBUTE.get(tag, set()) | ({"rel"} if tag == "a" else set()), html
            if name in {"href", "src"} and wert:
                schema = re.sub(r"[\x00-\x20]", "", wert).lower()
                assert not schema.startswith(VERBOTENE_SCHEMATA), html
