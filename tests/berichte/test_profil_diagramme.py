"""The line charts of the profile PDF: valid SVG whose title (the alternative text in the PDF) says the values."""

from xml.etree import ElementTree

from berichte.diagramme import _diagramm_alt, liniendiagramm_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_chart_draws_a_line_and_markers_per_series_with_its_legend():
    reihen = [
        ("Menglinghausen", [10.0, 12.5, 14.0]),
        ("Stadtbezirk Hombruch", [9.0, None, 11.0]),
        ("Dortmund", [8.0, 8.5, 9.0]),
    ]

    wurzel = ElementTree.fromstring(liniendiagramm_svg(jahre=[2014, 2015, 2016], reihen=reihen, alt="Alt", id_="d1"))

    assert wurzel.find(f"{SVG}title").text == "Alt"
    texte = [t.text for t in wurzel.iter(f"{SVG}text")]
    assert [t for t in texte if t.startswith("201")] == ["2014", "2015", "2016"]
    assert {"Menglinghausen", "Stadtbezirk Hombruch", "Dortmund"} <= set(texte)
    # Three lines (each with its own dash pattern) plus the axes; the withheld value leaves a gap of markers.
    linien = [p for p in wurzel.iter(f"{SVG}path") if p.get("fill") == "none" and p.get("stroke") != "#1a1a1a"]
    assert [p.get("stroke-dasharray") for p in linien] == [None, "10 5", "2 4"]


def test_chart_with_every_value_withheld_is_still_a_valid_svg():
    svg = liniendiagramm_svg(jahre=[2015, 2016], reihen=[("Quartier", [None, None])], alt="Alles verborgen", id_="d2")

    wurzel = ElementTree.fromstring(svg)
    assert wurzel.find(f"{SVG}title").text == "Alles verborgen"
    assert [p for p in wurzel.iter(f"{SVG}path") if p.get("stroke") == "#0072B2"] == []


def test_alt_text_names_first_and_last_values_and_withheld_ones():
    alt = _diagramm_alt("Anteil 80+ (%)", [2011, 2016], [("Quartier", [None, 7.25]), ("Dortmund", [5.0, 6.0])])

    assert alt == (
        "Liniendiagramm Anteil 80+ (%), 2011 bis 2016. Quartier: nicht ausgewiesen im Jahr 2011, 7,2 im Jahr 2016; "
        "Dortmund: 5,0 im Jahr 2011, 6,0 im Jahr 2016. Die Zahlen stehen in der Tabelle."
    )
