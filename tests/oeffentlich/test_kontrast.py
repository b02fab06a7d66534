"""Contrast of every text colour pair of the public stylesheet (WCAG 2.1: 4.5:1 for text), read
from static/css/oeffentlich.css itself: a rule that sets ``color`` is read against its own
``background-color`` or else the page's white; a rule with only ``background-color`` against the
body's text colour. Large type by default and the print stylesheet are checked as well."""

import re
from pathlib import Path

from django.conf import settings

CSS = Path(settings.BASE_DIR) / "static" / "css" / "oeffentlich.css"
DRUCK = Path(settings.BASE_DIR) / "static" / "css" / "oeffentlich-druck.css"


def _regeln(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    for selektor, rumpf in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        werte = {
            name.strip(): wert.strip() for name, _sep, wert in (d.partition(":") for d in rumpf.split(";")) if _sep
        }
        yield selektor.strip(), werte


def _farbe(wert):
    treffer = re.fullmatch(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})", wert.strip())
    assert treffer, f"Farbe nicht als #RRGGBB geschrieben: {wert}"
    h = treffer.group(1)
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))


def leuchtdichte(rgb):
    def kanal(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (kanal(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def kontrast(a, b):
    hell, dunkel = sorted((leuchtdichte(_farbe(a)), leuchtdichte(_farbe(b))), reverse=True)
    return (hell + 0.05) / (dunkel + 0.05)


def farbpaare(text):
    regeln = list(_regeln(text))
    koerper = next(w for s, w in regeln if s == "body")
    paare = []
    for selektor, werte in regeln:
        if "color" in werte:
            paare.append((selektor, werte["color"], werte.get("background-color", koerper["background-color"])))
        elif "background-color" in werte:
            paare.append((selektor, koerper["color"], werte["background-color"]))
    return paare


def test_formel_stimmt_mit_bekannten_werten():
    assert round(kontrast("#000000", "#ffffff"), 1) == 21.0
    assert round(kontrast("#767676", "#ffffff"), 2) == 4.54
    assert kontrast("#777777", "#ffffff") < 4.5


def test_jedes_textfarbpaar_hat_mindestens_4_5_zu_1():
    paare = farbpaare(CSS.read_text())
    assert len(paare) >= 15
    schwach = [(s, f, h, round(kontrast(f, h), 2)) for s, f, h in paare if kontrast(f, h) < 4.5]
    assert schwach == []


def test_fokusrahmen_ist_deutlich_sichtbar():
    regeln = dict(_regeln(CSS.read_text()))
    fokus = regeln[":focus-visible"]
    assert fokus["outline"].startswith("4px solid")
    farbe = fokus["outline"].split()[-1]
    assert kontrast(farbe, "#ffffff") >= 3 and kontrast(farbe, "#123c5e") < 3  # dark ring on light, …
    assert kontrast(fokus["box-shadow"].split()[-1], "#123c5e") >= 3  # … yellow halo on the dark header


def test_grosse_schrift_und_druck():
    regeln = dict(_regeln(CSS.read_text()))
    assert regeln["html"]["font-size"] == "125%"  # 20 px with the browser's default
    druck = dict(_regeln(DRUCK.read_text()))
    assert druck["body"]["color"] == "#000000" and druck["body"]["background-color"] == "#ffffff"
    assert "display" in druck["nav, .sprung, .fuss-links, .formular, .knopf-reihe, .sprungmarken"]
