"""Markdown → sanitised HTML: harmless formatting stays, anything that could run or load is removed."""

from dwk.markdown import html_bereinigen, markdown_html


def test_markdown_formatierung_bleibt():
    html = markdown_html("**fett** und *kursiv*\n\n- eins\n- zwei\n\n[Stadt](https://www.dortmund.de)")
    assert html == (
        "<p><strong>fett</strong> und <em>kursiv</em></p>\n<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>\n"
        '<p><a href="https://www.dortmund.de" rel="noopener noreferrer nofollow">Stadt</a></p>'
    )


def test_markdown_ueberschriften_beginnen_bei_h2():
    assert markdown_html("# Titel\n\n## Unterpunkt") == "<h2>Titel</h2>\n<h3>Unterpunkt</h3>"


def test_markdown_entfernt_skripte_stile_bilder_und_ereignisse():
    text = (
        "<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)>"
        '<iframe src="https://x"></iframe><b onclick="x()" style="color:red" class="c">b</b>'
    )
    html = markdown_html(text)
    assert html.split() == ["<p>", "</p>", "<p><b>b</b></p>"]


def test_markdown_entfernt_javascript_und_data_links():
    html = markdown_html('[a](javascript:alert(1)) <a href="JaVaScRiPt:x">b</a> <a href="data:text/html,x">c</a>')
    assert "javascript" not in html.lower()
    assert "data:" not in html
    assert html.count('rel="noopener noreferrer nofollow"') == 3


def test_markdown_leer():
    assert markdown_html("") == ""
    assert markdown_html(None) == ""


def test_html_bereinigen_laesst_mailto():
    assert html_bereinigen('<a href="mailto:a@b.de">M</a>') == (
        '<a href="mailto:a@b.de" rel="noopener noreferrer nofollow">M</a>'
    )
