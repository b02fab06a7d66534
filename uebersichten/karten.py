"""The city map of the Kommunalprofil and the progress report: every Stadtbezirk, labelled with its
code, and the reference quarters, hatched and named. Drawn on the server from the stored
geometries with the primitives of ``quartiere.svgkarten`` (no tiles, no network); the pages
and PDFs show the same facts in a table beside it."""

from django.utils.translation import gettext as _

from quartiere.queries import metrisch
from quartiere.svgkarten import (
    QUARTIER_LINIE,
    STADTBEZIRK_FUELLUNG,
    STADTBEZIRK_LINIE,
    TEXT,
    Rahmen,
    beschriftung,
    massstabsleiste,
    nordpfeil,
    nordwinkel,
    schraffur,
    svg_dokument,
    text_element,
)


def stadtkarte_svg(*, stadtname, stadtbezirke, referenzquartiere, id_="stadtkarte"):
    """The map of the city: ``stadtbezirke`` (each with ``code``, ``name``, ``geometrie``) and
    ``referenzquartiere`` (each with ``name`` and ``grenze``), a scale bar, north and a legend.

    Returns the SVG markup (viewBox 1000 × 860), or "" without Stadtbezirke."""
    if not stadtbezirke:
        return ""
    breite, karte_hoehe, legende_hoehe, schrift = 1000, 720, 140, 26
    bezirke = [(sb.code, metrisch(sb.geometrie)) for sb in stadtbezirke]
    quartiere = [(q.name, metrisch(q.grenze)) for q in referenzquartiere]
    ausdehnungen = [g.extent for _c, g in bezirke + quartiere]
    ausdehnung = (
        min(a[0] for a in ausdehnungen),
        min(a[1] for a in ausdehnungen),
        max(a[2] for a in ausdehnungen),
        max(a[3] for a in ausdehnungen),
    )
    rahmen = Rahmen.um(ausdehnung, x0=0, y0=0, breite=breite, hoehe=karte_hoehe, rand=0.04)
    inhalt = [
        f"<defs>{schraffur(f'{id_}-schraffur')}</defs>",
        f'<rect x="0" y="0" width="{breite}" height="{karte_hoehe}" fill="#ffffff"/>',
    ]
    beschriftungen = []
    for code, geometrie in bezirke:
        sichtbar = rahmen.vorbereiten(geometrie)
        if sichtbar.empty:
            continue
        inhalt.append(
            f'<path d="{rahmen.pfad(sichtbar)}" fill="{STADTBEZIRK_FUELLUNG}" fill-rule="evenodd" '
            f'stroke="{STADTBEZIRK_LINIE}" stroke-width="2.5" stroke-linejoin="round"/>'
        )
        x, y = rahmen.punkt(*sichtbar.point_on_surface.coords[:2])
        beschriftungen.append(beschriftung(x, y, code, groesse=schrift))
    for name, grenze in quartiere:
        sichtbar = rahmen.vorbereiten(grenze)
        if sichtbar.empty:
            continue
        inhalt.append(
            f'<path d="{rahmen.pfad(sichtbar)}" fill="url(#{id_}-schraffur)" fill-rule="evenodd" '
            f'stroke="{QUARTIER_LINIE}" stroke-width="5" stroke-linejoin="round"/>'
        )
        x, y = rahmen.punkt(*sichtbar.centroid.coords[:2])
        beschriftungen.append(beschriftung(x, y - schrift * 1.4, name, groesse=schrift * 0.85))
    massstab, massstab_text = massstabsleiste(rahmen, 40, karte_hoehe - 30, groesse=schrift)
    inhalt += [
        *beschriftungen,
        massstab,
        nordpfeil(breite - 60, 70, groesse=schrift * 1.2, winkel=nordwinkel(stadtbezirke[0].geometrie.centroid)),
        f'<rect x="1" y="1" width="{breite - 2}" height="{karte_hoehe - 2}" fill="none" stroke="{TEXT}" '
        f'stroke-width="2"/>',
        _legende(id_=id_, y=karte_hoehe + 28, schrift=schrift),
    ]
    namen = ", ".join(f"{sb.code} {sb.name}" for sb in stadtbezirke)
    beschreibung = _(
        "Karte von %(stadt)s mit %(anzahl)s Stadtbezirken (grau, mit ihrer Nummer beschriftet: %(namen)s). "
        "Die Referenzquartiere sind rot umrandet, schraffiert und mit Namen beschriftet: %(quartiere)s. "
        "Maßstabsleiste: %(massstab)s. Norden ist oben."
    ) % {
        "stadt": stadtname,
        "anzahl": len(stadtbezirke),
        "namen": namen,
        "quartiere": ", ".join(q.name for q in referenzquartiere) or _("(noch keine)"),
        "massstab": massstab_text,
    }
    return svg_dokument(
        id_=id_,
        breite=breite,
        hoehe=karte_hoehe + legende_hoehe,
        titel=_("Stadtbezirke und Referenzquartiere in %(stadt)s") % {"stadt": stadtname},
        beschreibung=beschreibung,
        inhalt="".join(inhalt),
    )


def _legende(*, id_, y, schrift):
    zeile = schrift * 2.1
    eintraege = [
        (
            f'<rect x="10" y="{{y:.1f}}" width="80" height="{schrift * 1.2:.1f}" fill="{STADTBEZIRK_FUELLUNG}" '
            f'stroke="{STADTBEZIRK_LINIE}" stroke-width="2.5"/>',
            _("Stadtbezirk, beschriftet mit seiner Nummer (siehe Tabelle)"),
        ),
        (
            f'<rect x="13" y="{{y:.1f}}" width="74" height="{schrift * 1.2:.1f}" fill="url(#{id_}-schraffur)" '
            f'stroke="{QUARTIER_LINIE}" stroke-width="5"/>',
            _("Referenzquartier (rote, durchgezogene Linie, schraffiert)"),
        ),
    ]
    teile = ['<g class="legende">']
    for i, (symbol, text) in enumerate(eintraege):
        oben = y + i * zeile
        teile.append(symbol.format(y=oben))
        teile.append(text_element(110, oben + schrift * 0.95, text, groesse=schrift))
    teile.append("</g>")
    return "".join(teile)
