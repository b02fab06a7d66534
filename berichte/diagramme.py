"""The figures of the quarter profile: maps (``karten``) and charts, drawn on the server as SVG.

Every figure is built from numbers and escaped names only, so it may be marked safe for the
template. WeasyPrint takes a figure's alternative text in the tagged PDF from the SVG's
``<title>``; here that title says in words what the figure shows (title and description of a map,
the values of a chart's lines), so a screen reader hears the figure, not only its name. Every
chart also has a table with the same numbers beside it in the document.
"""

import math
import re
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from quartiere.queries.geheimhaltung import geheim_text

from .daten import Quartiersprofil
from .karten import infrastruktur_karte_svg, lage_im_stadtbezirk_svg, quartier_karte_svg

_TITEL_UND_BESCHREIBUNG = re.compile(
    r'<title id="(?P<id>[^"]*)">(?P<titel>[^<]*)</title><desc id="[^"]*">(?P<beschreibung>[^<]*)</desc>'
)


def _alt_aus_beschreibung(svg: str) -> str:
    """A map's ``<title>`` extended by its ``<desc>``: WeasyPrint's alternative text is the title only."""
    return _TITEL_UND_BESCHREIBUNG.sub(
        lambda m: f'<title id="{m["id"]}">{m["titel"]}. {m["beschreibung"]}</title>', svg, count=1
    )


def _zahl(wert: float | None) -> str:
    if wert is None:
        return geheim_text()
    return f"{wert:,.1f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _diagramm_alt(titel: str, jahre: list[int], reihen: list[tuple[str, list[float | None]]]) -> str:
    if not jahre:
        return titel
    teile = [
        _("%(reihe)s: %(von)s im Jahr %(erstes)s, %(bis)s im Jahr %(letztes)s")
        % {"reihe": name, "von": _zahl(werte[0]), "erstes": jahre[0], "bis": _zahl(werte[-1]), "letztes": jahre[-1]}
        for name, werte in reihen
    ]
    return _("Liniendiagramm %(titel)s, %(erstes)s bis %(letztes)s. %(werte)s. Die Zahlen stehen in der Tabelle.") % {
        "titel": titel,
        "erstes": jahre[0],
        "letztes": jahre[-1],
        "werte": "; ".join(teile),
    }


# Each series: colour (Okabe–Ito, as quartiere.diagramme), line style and marker shape, so the chart
# also reads in black and white.
REIHEN_STIL = (
    ("#0072B2", "", "kreis", 3.2),
    ("#D55E00", "10 5", "quadrat", 2.6),
    ("#333333", "2 4", "dreieck", 2.6),
)
BREITE, HOEHE = 520, 400
LINKS, RECHTS, OBEN, UNTEN = 112, 26, 20, 170
SCHRIFT = 27  # 27 of 520 units at a width of 78 mm (the table beside it): 11.5 pt
ZEILE = 38  # the legend's line height


def _schritt(spanne: float) -> float:
    """A round tick step giving about five ticks over ``spanne``."""
    roh = spanne / 5 if spanne > 0 else 1
    zehner = 10 ** math.floor(math.log10(roh))
    return next(f * zehner for f in (1, 2, 2.5, 5, 10) if f * zehner >= roh)


def _punkt_marker(form: str, x: float, y: float, farbe: str) -> str:
    if form == "quadrat":
        return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{farbe}"/>'
    if form == "dreieck":
        return f'<path d="M{x:.1f},{y - 6.5:.1f}L{x + 6:.1f},{y + 4.5:.1f}L{x - 6:.1f},{y + 4.5:.1f}Z" fill="{farbe}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5.5" fill="{farbe}"/>'


def _text(x: float, y: float, inhalt: str, *, anker: str = "start", groesse: int = SCHRIFT, fett: bool = False) -> str:
    gewicht = ' font-weight="bold"' if fett else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{groesse}" text-anchor="{anker}" fill="#1a1a1a"{gewicht}>'
        f"{escape(inhalt)}</text>"
    )


def liniendiagramm_svg(*, jahre: list[int], reihen: list[tuple[str, list[float | None]]], alt: str, id_: str) -> str:
    """A line chart of ``reihen`` (``[(name, [value or None per year])]``) over ``jahre`` as SVG markup,
    drawn directly (matplotlib takes a quarter to half a second per chart, too slow for eight in a
    PDF that must render in a few seconds). ``alt`` becomes the ``<title>``: the alternative text."""
    werte = [w for _name, reihe in reihen for w in reihe if w is not None]
    unten_wert = min([0.0, *werte])
    oben_wert = max(werte) if werte else 1.0
    schritt = _schritt(oben_wert - unten_wert)
    oben_wert = math.ceil(oben_wert / schritt) * schritt if oben_wert > 0 else schritt
    innen_b, innen_h = BREITE - LINKS - RECHTS, HOEHE - OBEN - UNTEN

    def x_von(i: int) -> float:
        return LINKS + (innen_b * i / (len(jahre) - 1) if len(jahre) > 1 else innen_b / 2)

    def y_von(wert: float) -> float:
        return OBEN + innen_h * (1 - (wert - unten_wert) / (oben_wert - unten_wert))

    # The title stands in the caption below the figure; the SVG carries it as its <title> (alt text).
    teile = []
    stufe = unten_wert
    while stufe <= oben_wert + schritt / 1000:
        y = y_von(stufe)
        teile.append(f'<line x1="{LINKS}" y1="{y:.1f}" x2="{LINKS + innen_b}" y2="{y:.1f}" stroke="#bbbbbb"/>')
        teile.append(_text(LINKS - 8, y + 8, _zahl(stufe).removesuffix(",0"), anker="end", groesse=SCHRIFT))
        stufe += schritt
    # Every year labelled where there is room (a label needs about 2.6 font sizes), else every n-th;
    # the table beside the chart has every year.
    jede = max(1, math.ceil(len(jahre) * SCHRIFT * 2.6 / innen_b))
    for i, jahr in enumerate(jahre):
        if i % jede == 0:
            teile.append(_text(x_von(i), HOEHE - UNTEN + 32, str(jahr), anker="middle", groesse=SCHRIFT))
    teile.append(
        f'<path d="M{LINKS},{OBEN}V{OBEN + innen_h}H{LINKS + innen_b}" fill="none" stroke="#1a1a1a" '
        'stroke-width="1.5"/>'
    )
    for n, ((name, reihe), (farbe, strich, form, dicke)) in enumerate(zip(reihen, REIHEN_STIL, strict=False)):
        punkte = [(x_von(i), y_von(w)) for i, w in enumerate(reihe) if w is not None]
        if len(punkte) > 1:
            d = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in punkte)
            gestrichelt = f' stroke-dasharray="{strich}"' if strich else ""
            teile.append(f'<path d="{d}" fill="none" stroke="{farbe}" stroke-width="{dicke}"{gestrichelt}/>')
        teile += [_punkt_marker(form, x, y, farbe) for x, y in punkte]
        # The legend below the chart, one line per series: line style, marker and name.
        y = HOEHE - UNTEN + 76 + n * ZEILE
        gestrichelt = f' stroke-dasharray="{strich}"' if strich else ""
        teile.append(
            f'<line x1="{LINKS}" y1="{y:.1f}" x2="{LINKS + 60}" y2="{y:.1f}" '
            f'stroke="{farbe}" stroke-width="{dicke}"{gestrichelt}/>'
        )
        teile.append(_punkt_marker(form, LINKS + 30, y, farbe))
        teile.append(_text(LINKS + 74, y + 8, name, groesse=SCHRIFT))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREITE} {HOEHE}" class="diagramm" id="{id_}" '
        f'font-family="Liberation Sans, DejaVu Sans, sans-serif"><title>{escape(alt)}</title>'
        + "".join(teile)
        + "</svg>"
    )


def zeitreihen_diagramme(profil: Quartiersprofil) -> list[tuple[object, SafeString]]:
    """``(zeitreihendiagramm, svg)`` for each key time series of ``profil`` (``queries.profil.demografie``)."""
    ergebnis = []
    for i, diagramm in enumerate(profil.demografie.zeitreihen if profil.demografie else [], start=1):
        indikator, reihe = diagramm.indikator, diagramm.reihe
        titel = f"{indikator.name} ({indikator.einheit})"
        svg = liniendiagramm_svg(
            jahre=reihe.jahre,
            reihen=reihe.reihen,
            alt=_diagramm_alt(titel, reihe.jahre, reihe.reihen),
            id_=f"zeitreihe-{i}",
        )
        ergebnis.append((diagramm, mark_safe(svg)))  # noqa: S308 -- numbers and escaped text only
    return ergebnis


def profil_abbildungen(profil: Quartiersprofil) -> dict:
    """The figures of ``profil`` by template name: ``karte``, ``lagekarte``, ``infrastrukturkarte``
    (SVG markup) and ``diagramme`` (see ``zeitreihen_diagramme``)."""
    karte = quartier_karte_svg(
        quartier=profil.quartier, stadtbezirk=profil.stadtbezirk, unterbezirke=profil.unterbezirke
    )
    lagekarte = lage_im_stadtbezirk_svg(quartier=profil.quartier, stadtbezirk=profil.stadtbezirk)
    abbildungen = {
        "karte": mark_safe(_alt_aus_beschreibung(karte)),  # noqa: S308 -- see the module docstring
        "lagekarte": mark_safe(_alt_aus_beschreibung(lagekarte)),  # noqa: S308 -- see the module docstring
        "diagramme": zeitreihen_diagramme(profil),
        "infrastrukturkarte": "",
    }
    if profil.abdeckung and profil.abdeckung.erreichbarkeiten:
        infrastruktur = infrastruktur_karte_svg(
            quartier=profil.quartier,
            einrichtungen=profil.abdeckung.einrichtungen,
            kategorien=[e.kategorie for e in profil.abdeckung.erreichbarkeiten],
        )
        abbildungen["infrastrukturkarte"] = mark_safe(_alt_aus_beschreibung(infrastruktur))  # noqa: S308 -- see above
    return abbildungen
