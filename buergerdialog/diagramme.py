"""The evaluation's charts, drawn on the server as SVG with matplotlib (text stays text, no inline
styles: ``quartiere.diagramme.svg_fuer_csp``). Each chart has a table twin on the page and in the PDF."""

import io

from django.utils import translation
from django.utils.translation import gettext as _

from quartiere.diagramme import SCHRIFT, pyplot, svg_fuer_csp
from quartiere.queries.datenstand import inhaltlich_zwischengespeichert

from .queries.dokumente import SKALA, Auswertung

# From "trifft gar nicht zu" (1) to "trifft voll zu" (5): light to dark, and each with its own hatch,
# so the distribution also reads in black and white.
FARBEN = {1: "#f2f2f2", 2: "#c6dbef", 3: "#6baed6", 4: "#2171b5", 5: "#08306b"}
MUSTER = {1: "", 2: "..", 3: "//", 4: "xx", 5: ""}


def auswertung_svg(*, auswertung: Auswertung, id_: str, beschreibung_id: str | None = None) -> str:
    """One horizontal bar per item: its distribution over 1–5 stacked, its average written beside it."""
    titel = _("Bewertungen (1 = trifft gar nicht zu, 5 = trifft voll zu)")
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
            "hatch.color": "#1a1a1a",
        }
    ):
        figur, achse = plt.subplots(figsize=(8, 0.9 * len(auswertung.items) + 1.6), dpi=100)
        try:
            namen = [item.frage for item in auswertung.items][::-1]
            items = auswertung.items[::-1]
            links = [0] * len(items)
            for wert in SKALA:
                anzahlen = [item.verteilung[wert] for item in items]
                achse.barh(
                    namen,
                    anzahlen,
                    left=links,
                    color=FARBEN[wert],
                    hatch=MUSTER[wert],
                    edgecolor="#1a1a1a",
                    linewidth=0.8,
                    label=str(wert),
                )
                links = [a + b for a, b in zip(links, anzahlen, strict=True)]
            for y, (item, ende) in enumerate(zip(items, links, strict=True)):
                text = (
                    _("Ø %(wert)s") % {"wert": f"{item.mittelwert:.1f}".replace(".", ",")}
                    if item.mittelwert is not None
                    else _("keine Angabe")
                )
                achse.text(ende + 0.3, y, text, va="center", color="#1a1a1a")
            achse.set_title(titel, loc="left", fontsize=13, color="#1a1a1a")
            achse.set_xlabel(_("Anzahl der Fragebögen"), color="#1a1a1a")
            achse.set_xlim(0, max([*links, 1]) * 1.18)
            achse.tick_params(colors="#1a1a1a")
            achse.legend(title=_("Wert"), frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
            figur.tight_layout()
            puffer = io.StringIO()
            figur.savefig(puffer, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            plt.close(figur)
    return svg_fuer_csp(puffer.getvalue(), id_=id_, titel=titel, beschreibung_id=beschreibung_id)


def auswertung_diagramm(auswertung: Auswertung) -> str:
    """The evaluation's chart for its page and the documentation PDF (both name its table twin
    ``auswertung-tabelle``), or "" without questionnaires. From the cache: drawn once for the same
    values (matplotlib takes about 150 ms a chart), whoever asks. The key is made of what the chart
    shows (each item's question, distribution and average, the language of its labels), so a new
    questionnaire draws a new chart."""
    if not auswertung.anzahl:
        return ""
    eingaben = (
        [(item.frage, sorted(item.verteilung.items()), item.mittelwert) for item in auswertung.items],
        translation.get_language(),
    )
    return inhaltlich_zwischengespeichert(
        "auswertung_svg",
        *eingaben,
        berechnen=lambda: auswertung_svg(auswertung=auswertung, id_="auswertung", beschreibung_id="auswertung-tabelle"),
    )
