"""Charts drawn on the server as SVG with matplotlib, for the pages and (later) the PDFs.

Text stays text (``svg.fonttype = none``). The SVG carries no ``style`` attributes and no
``<style>`` element (the pages' Content-Security-Policy forbids inline styles): matplotlib's
inline styles are turned into SVG presentation attributes. Lines differ in colour *and* in
line style and marker, so the chart also reads in black and white; the table beside the chart
is its text alternative (``aria-describedby``).
"""

import functools
import io
import re
import xml.etree.ElementTree as ET

from .queries.datenstand import inhaltlich_zwischengespeichert

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

SCHRIFT = ["Liberation Sans", "DejaVu Sans"]
# Okabe–Ito colours (colour-blind safe), each with its own line style and marker.
REIHEN_STIL = [
    {"color": "#0072B2", "linestyle": "-", "marker": "o", "linewidth": 2.6},
    {"color": "#D55E00", "linestyle": "--", "marker": "s", "linewidth": 2.0},
    {"color": "#333333", "linestyle": ":", "marker": "^", "linewidth": 2.0},
]
PRAESENTATION = {
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-opacity",
    "stroke-miterlimit",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "clip-path",
}
FONT = re.compile(
    r"^(?:(?P<stil>italic|oblique|normal)\s+)?(?:(?P<gewicht>bold|normal|\d{3})\s+)?"
    r"(?P<groesse>[\d.]+)px\s+(?P<familie>.+)$"
)


@functools.cache
def pyplot():
    """matplotlib's pyplot, drawing without a screen (Agg). Imported on first use, not with this
    module: loading matplotlib takes about half a second, which every process that loads the URLs
    (each manage.py command runs the URL checks) would pay without ever drawing a chart."""
    import matplotlib  # on first use, see the docstring

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt  # on first use, see the docstring

    return plt


def _deutsch(wert, _pos=None):
    if abs(wert - round(wert)) < 1e-9:
        return f"{round(wert):,}".replace(",", ".")
    return f"{wert:,.1f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def zeitreihe_svg(*, titel, einheit, jahre, reihen, id_, beschreibung_id=None):
    """A line chart of ``reihen`` (``[(label, [value or None per year])]``) over ``jahre`` as SVG markup.

    ``id_`` prefixes every id in the SVG (several charts on one page stay valid); the root gets
    ``role="img"``, an ``aria-label`` with ``titel`` and, with ``beschreibung_id``, an
    ``aria-describedby`` pointing at the table with the same numbers.
    """
    from matplotlib.ticker import FuncFormatter, MaxNLocator  # on first use, see pyplot()

    plt = pyplot()
    with plt.rc_context(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": id_,
            "font.family": "sans-serif",
            "font.sans-serif": SCHRIFT,
            "font.size": 12,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        figur, achse = plt.subplots(figsize=(7.5, 3.8), dpi=100)
        try:
            for (label, werte), stil in zip(reihen, REIHEN_STIL * 3, strict=False):
                punkte = [(j, w) for j, w in zip(jahre, werte, strict=True) if w is not None]
                if punkte:
                    achse.plot([p[0] for p in punkte], [p[1] for p in punkte], label=label, markersize=5, **stil)
            achse.set_title(titel, loc="left", fontsize=13, color="#1a1a1a")
            achse.set_ylabel(einheit, color="#1a1a1a")
            achse.xaxis.set_major_locator(MaxNLocator(integer=True))
            achse.yaxis.set_major_formatter(FuncFormatter(_deutsch))
            achse.grid(axis="y", color="#cccccc", linewidth=0.8)
            achse.tick_params(colors="#1a1a1a")
            achse.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
            figur.tight_layout()
            puffer = io.StringIO()
            figur.savefig(puffer, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            plt.close(figur)
    return svg_fuer_csp(puffer.getvalue(), id_=id_, titel=titel, beschreibung_id=beschreibung_id)


def zeitreihe_svg_zwischengespeichert(*, titel, einheit, jahre, reihen, id_, beschreibung_id=None):
    """``zeitreihe_svg`` from the cache: drawn once for the same inputs (drawing takes matplotlib about
    150 ms), whoever asks; the key is made of the inputs, so new values draw a new chart. For pages;
    report PDFs draw their own."""
    eingaben = (str(titel), str(einheit), list(jahre), [(str(n), list(w)) for n, w in reihen], id_, beschreibung_id)
    return inhaltlich_zwischengespeichert(
        "zeitreihe_svg",
        *eingaben,
        berechnen=lambda: zeitreihe_svg(
            titel=titel, einheit=einheit, jahre=jahre, reihen=reihen, id_=id_, beschreibung_id=beschreibung_id
        ),
    )


def svg_fuer_csp(svg, *, id_, titel, beschreibung_id=None):
    """matplotlib's SVG without inline styles and XML prologue, ids prefixed with ``id_``."""
    wurzel = ET.fromstring(svg.encode("utf-8"))  # noqa: S314 - matplotlib's own output, not user input
    for element in wurzel.iter():
        if element.tag == f"{{{SVG_NS}}}style":
            element.text = ""
        stil = element.attrib.pop("style", None)
        if stil:
            for teil in filter(None, (t.strip() for t in stil.split(";"))):
                name, _sep, wert = (x.strip() for x in teil.partition(":"))
                if name == "font":
                    treffer = FONT.match(wert)
                    if treffer:
                        element.set("font-size", f"{treffer['groesse']}px")
                        element.set("font-family", treffer["familie"].replace("'", ""))
                        if treffer["gewicht"]:
                            element.set("font-weight", treffer["gewicht"])
                        if treffer["stil"]:
                            element.set("font-style", treffer["stil"])
                elif name in PRAESENTATION:
                    element.set(name, wert)
        for attribut in ("id",):
            if attribut in element.attrib:
                element.set(attribut, f"{id_}-{element.attrib[attribut]}")
        for attribut in ("clip-path",):
            if attribut in element.attrib:
                element.set(attribut, element.attrib[attribut].replace("url(#", f"url(#{id_}-"))
        verweis = element.attrib.get(f"{{{XLINK_NS}}}href")
        if verweis and verweis.startswith("#"):
            element.set(f"{{{XLINK_NS}}}href", f"#{id_}-{verweis[1:]}")
    for style in wurzel.iter(f"{{{SVG_NS}}}style"):
        style.text = None
    # Drop the now empty <style> elements and matplotlib's <metadata>.
    for eltern in wurzel.iter():
        for kind in list(eltern):
            if kind.tag in (f"{{{SVG_NS}}}style", f"{{{SVG_NS}}}metadata"):
                eltern.remove(kind)
    wurzel.attrib.pop("width", None)
    wurzel.attrib.pop("height", None)
    wurzel.set("id", id_)
    wurzel.set("role", "img")
    wurzel.set("aria-label", titel)
    wurzel.set("class", "diagramm")
    if beschreibung_id:
        wurzel.set("aria-describedby", beschreibung_id)
    # Other modules may register other prefixes for these namespaces; set ours at serialisation time.
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(wurzel, encoding="unicode")
