"""SVG charts: text stays text, no inline styles (CSP), ids prefixed, a missing value leaves a gap."""

import re

from quartiere.diagramme import zeitreihe_svg


def _diagramm(**aenderungen):
    angaben = {
        "titel": "Anteil der Einwohner ab 80 Jahren (%)",
        "einheit": "%",
        "jahre": [2020, 2021, 2022],
        "reihen": [("Derne", [7.5, None, 8.25]), ("Stadtbezirk Scharnhorst", [6.0, 6.5, 7.0])],
        "id_": "zeitreihe",
        "beschreibung_id": "tabelle",
    }
    return zeitreihe_svg(**{**angaben, **aenderungen})


def test_diagramm_ist_barrierearmes_svg_ohne_inline_stile():
    svg = _diagramm()

    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert 'role="img"' in svg
    assert 'aria-label="Anteil der Einwohner ab 80 Jahren (%)"' in svg
    assert 'aria-describedby="tabelle"' in svg
    assert "style=" not in svg
    assert "<style" not in svg


def test_diagramm_text_bleibt_text_mit_deutschen_zahlen():
    texte = re.findall(r"<text[^>]*>([^<]+)</text>", _diagramm())

    assert {"Derne", "Stadtbezirk Scharnhorst", "2020", "2021", "2022", "Anteil der Einwohner ab 80 Jahren (%)"} <= set(
        texte
    )
    assert "7,5" in texte


def test_diagramm_ids_mit_praefix_und_gleich_bei_gleichen_daten():
    svg = _diagramm(id_="zr-derne")

    ids = re.findall(r' id="([^"]+)"', svg)
    assert all(i == "zr-derne" or i.startswith("zr-derne-") for i in ids)
    assert re.findall(r'clip-path="url\(#([^)]+)\)"', svg) == [] or all(
        verweis.startswith("zr-derne-") for verweis in re.findall(r'clip-path="url\(#([^)]+)\)"', svg)
    )
    assert svg == _diagramm(id_="zr-derne")
