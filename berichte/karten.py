"""Report maps drawn on the server as SVG from the stored geometries: no tiles, no network.

The drawing primitives (frame, simplification, scale bar, north arrow, escaped text) live in
``quartiere.svgkarten``; this module composes the quarter map and the location map of the
quarter profile. Each map has a ``<title>`` and a ``<desc>`` that say in words what it shows;
lines differ in width and style, not only in colour, so the map also reads in black and white.
"""

import math

from django.contrib.gis.geos import MultiPoint, Point
from django.utils.translation import gettext as _

from quartiere.queries import metrisch
from quartiere.svgkarten import (
    QUARTIER_LINIE,
    STADTBEZIRK_FUELLUNG,
    STADTBEZIRK_LINIE,
    TEXT,
    UNTERBEZIRK_FUELLUNG,
    UNTERBEZIRK_LINIE,
    Rahmen,
    beschriftung,
    massstabsleiste,
    nordpfeil,
    schraffur,
    svg_dokument,
    text_element,
)


def nordwinkel(punkt_4326):
    """Degrees (clockwise) by which true north deviates from grid north of EPSG:25832 at ``punkt_4326``
    (as ``quartiere.svgkarten.nordwinkel``, through the cached transformation)."""
    a, b = metrisch(MultiPoint(Point(punkt_4326.x, punkt_4326.y), Point(punkt_4326.x, punkt_4326.y + 0.01), srid=4326))
    return math.degrees(math.atan2(b.x - a.x, b.y - a.y))


def quartier_karte_svg(*, quartier, stadtbezirk, unterbezirke, id_="quartierskarte"):
    """The map of ``quartier``: its Unterbezirke, its boundary, the Stadtbezirk outline, scale and north.

    ``quartier`` needs ``name`` and ``grenze``; ``stadtbezirk`` ``name`` and ``geometrie``;
    each of ``unterbezirke`` ``code`` and ``geometrie``. The view is fitted to the quarter
    and the Unterbezirke it covers; the Stadtbezirk is drawn where it passes through it.
    Returns the SVG markup (viewBox 1000 × 1120: the map, and a legend below it).
    """
    breite, karte_hoehe, legende_hoehe = 1000, 900, 220
    schrift = 30  # printed 135 mm wide (berichte/static/berichte/quartiersprofil.css): 11.5 pt

    grenze = metrisch(quartier.grenze)
    unterbezirke = [(ub.code, metrisch(ub.geometrie)) for ub in unterbezirke]
    ausdehnungen = [grenze.extent] + [geometrie.extent for _code, geometrie in unterbezirke]
    ausdehnung = (
        min(a[0] for a in ausdehnungen),
        min(a[1] for a in ausdehnungen),
        max(a[2] for a in ausdehnungen),
        max(a[3] for a in ausdehnungen),
    )
    rahmen = Rahmen.um(ausdehnung, x0=0, y0=0, breite=breite, hoehe=karte_hoehe)

    flaechen, beschriftungen = [], []
    for code, geometrie in unterbezirke:
        sichtbar = rahmen.vorbereiten(geometrie)
        if sichtbar.empty:
            continue
        flaechen.append(
            f'<path d="{rahmen.pfad(sichtbar)}" fill="{UNTERBEZIRK_FUELLUNG}" fill-rule="evenodd" '
            f'stroke="{UNTERBEZIRK_LINIE}" stroke-width="2" stroke-linejoin="round"/>'
        )
        x, y = rahmen.punkt(*sichtbar.point_on_surface.coords[:2])
        beschriftungen.append(beschriftung(x, y, code, groesse=schrift))

    quartier_pfad = rahmen.pfad(rahmen.vorbereiten(grenze))
    bezirk_linie = rahmen.vorbereiten(metrisch(stadtbezirk.geometrie), rand=True)
    bezirk_sichtbar = not bezirk_linie.empty
    massstab, massstab_text = massstabsleiste(rahmen, 60, karte_hoehe - 36, groesse=schrift)
    winkel = nordwinkel(quartier.grenze.centroid)

    inhalt = [
        f"<defs>{schraffur(f'{id_}-schraffur')}"
        f'<clipPath id="{id_}-ausschnitt"><rect x="0" y="0" width="{breite}" height="{karte_hoehe}"/></clipPath>'
        f"</defs>",
        f'<rect x="0" y="0" width="{breite}" height="{karte_hoehe}" fill="#ffffff"/>',
        f'<g clip-path="url(#{id_}-ausschnitt)">',
        *flaechen,
        f'<path d="{quartier_pfad}" fill="url(#{id_}-schraffur)" fill-rule="evenodd" stroke="{QUARTIER_LINIE}" '
        f'stroke-width="7" stroke-linejoin="round"/>',
    ]
    if bezirk_sichtbar:
        inhalt.append(
            f'<path d="{rahmen.pfad(bezirk_linie)}" fill="none" stroke="{STADTBEZIRK_LINIE}" stroke-width="3.5" '
            f'stroke-dasharray="18 9" stroke-linejoin="round"/>'
        )
    inhalt += [
        *beschriftungen,
        "</g>",
        massstab,
        nordpfeil(breite - 70, 80, groesse=schrift * 1.3, winkel=winkel),
        f'<rect x="1" y="1" width="{breite - 2}" height="{karte_hoehe - 2}" fill="none" stroke="{TEXT}" '
        f'stroke-width="2"/>',
        _legende(
            id_=id_,
            y=karte_hoehe + 30,
            schrift=schrift,
            stadtbezirk=stadtbezirk.name,
            bezirk_sichtbar=bezirk_sichtbar,
        ),
    ]
    codes = ", ".join(code for code, _geometrie in unterbezirke)
    beschreibung = _(
        "Karte des Quartiers %(quartier)s im Stadtbezirk %(stadtbezirk)s. Das Quartier ist rot umrandet und "
        "schraffiert; es umfasst ganz oder teilweise die statistischen Unterbezirke %(codes)s (hellblau, mit "
        "ihrem Code beschriftet).%(bezirk)s Maßstabsleiste: %(massstab)s. Norden ist oben."
    ) % {
        "quartier": quartier.name,
        "stadtbezirk": stadtbezirk.name,
        "codes": codes or _("(keine)"),
        "bezirk": (" " + _("Die Grenze des Stadtbezirks ist gestrichelt.")) if bezirk_sichtbar else "",
        "massstab": massstab_text,
    }
    return svg_dokument(
        id_=id_,
        breite=breite,
        hoehe=karte_hoehe + legende_hoehe,
        titel=_("Karte des Quartiers %(quartier)s") % {"quartier": quartier.name},
        beschreibung=beschreibung,
        inhalt="".join(inhalt),
    )


def _legende(*, id_, y, schrift, stadtbezirk, bezirk_sichtbar):
    zeile = schrift * 2.1
    x_symbol, x_text, breite_symbol = 10, 110, 80
    eintraege = [
        (
            f'<rect x="{x_symbol}" y="{{y:.1f}}" width="{breite_symbol}" height="{schrift * 1.2:.1f}" '
            f'fill="{UNTERBEZIRK_FUELLUNG}" stroke="{UNTERBEZIRK_LINIE}" stroke-width="2"/>',
            _("Statistischer Unterbezirk, beschriftet mit seinem Code"),
        ),
        (
            f'<rect x="{x_symbol + 3}" y="{{y:.1f}}" width="{breite_symbol - 6}" height="{schrift * 1.2:.1f}" '
            f'fill="url(#{id_}-schraffur)" stroke="{QUARTIER_LINIE}" stroke-width="7" stroke-linejoin="round"/>',
            _("Quartier (rote, durchgezogene Linie, schraffiert)"),
        ),
    ]
    if bezirk_sichtbar:
        eintraege.append(
            (
                f'<path d="M{x_symbol},{{mitte:.1f}}L{x_symbol + breite_symbol},{{mitte:.1f}}" '
                f'stroke="{STADTBEZIRK_LINIE}" stroke-width="3.5" stroke-dasharray="18 9"/>',
                _("Grenze des Stadtbezirks %(stadtbezirk)s (gestrichelt)") % {"stadtbezirk": stadtbezirk},
            )
        )
    teile = ['<g class="legende">']
    for i, (symbol, text) in enumerate(eintraege):
        oben = y + i * zeile
        teile.append(symbol.format(y=oben, mitte=oben + schrift * 0.6))
        teile.append(text_element(x_text, oben + schrift * 0.95, text, groesse=schrift))
    teile.append("</g>")
    return "".join(teile)


def lage_im_stadtbezirk_svg(*, quartier, stadtbezirk, id_="lagekarte"):
    """A small overview map: the whole Stadtbezirk with the quarter in it, a scale bar and north.

    Returns the SVG markup (viewBox 600 × 600).
    """
    seite, schrift = 600, 36
    bezirk = metrisch(stadtbezirk.geometrie)
    grenze = metrisch(quartier.grenze)
    rahmen = Rahmen.um(bezirk.union(grenze).extent, x0=0, y0=0, breite=seite, hoehe=seite, rand=0.05)
    massstab, massstab_text = massstabsleiste(rahmen, 50, seite - 26, groesse=schrift)
    inhalt = (
        f"<defs>{schraffur(f'{id_}-schraffur')}</defs>"
        f'<rect x="0" y="0" width="{seite}" height="{seite}" fill="#ffffff"/>'
        f'<path d="{rahmen.pfad(rahmen.vorbereiten(bezirk))}" fill="{STADTBEZIRK_FUELLUNG}" fill-rule="evenodd" '
        f'stroke="{STADTBEZIRK_LINIE}" stroke-width="3" stroke-dasharray="14 7" stroke-linejoin="round"/>'
        f'<path d="{rahmen.pfad(rahmen.vorbereiten(grenze))}" fill="url(#{id_}-schraffur)" fill-rule="evenodd" '
        f'stroke="{QUARTIER_LINIE}" stroke-width="5" stroke-linejoin="round"/>'
        + massstab
        + nordpfeil(seite - 60, 70, groesse=schrift * 0.9, winkel=nordwinkel(quartier.grenze.centroid))
        + f'<rect x="1" y="1" width="{seite - 2}" height="{seite - 2}" fill="none" stroke="{TEXT}" stroke-width="2"/>'
    )
    return svg_dokument(
        id_=id_,
        breite=seite,
        hoehe=seite,
        titel=_("Lage des Quartiers %(quartier)s im Stadtbezirk %(stadtbezirk)s")
        % {"quartier": quartier.name, "stadtbezirk": stadtbezirk.name},
        beschreibung=_(
            "Übersichtskarte: der Stadtbezirk %(stadtbezirk)s grau mit gestrichelter Grenze, darin das Quartier "
            "%(quartier)s rot umrandet und schraffiert. Maßstabsleiste: %(massstab)s. Norden ist oben."
        )
        % {"quartier": quartier.name, "stadtbezirk": stadtbezirk.name, "massstab": massstab_text},
        inhalt=inhalt,
    )


# Shapes of the facility markers, one per Handlungsfeld (in their order), so the map does not rely on colour.
_FORMEN = ("kreis", "quadrat", "raute", "dreieck", "sechseck", "kreis-doppelt")


def _vieleck(punkte, rand):
    return '<polygon points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in punkte) + f'" {rand}/>'


def _marker(form, x, y, r, nummer, *, schrift):
    """A white marker of ``form`` centred on (x, y) with the category number ``nummer`` in it."""
    rand = f'fill="#ffffff" stroke="{TEXT}" stroke-width="2.5"'
    if form == "quadrat":
        umriss = _vieleck([(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)], rand)
    elif form == "raute":
        d = r * 1.3
        umriss = _vieleck([(x, y - d), (x + d, y), (x, y + d), (x - d, y)], rand)
    elif form == "dreieck":
        umriss = _vieleck([(x, y - r * 1.4), (x + r * 1.3, y + r), (x - r * 1.3, y + r)], rand)
    elif form == "sechseck":
        d = r * 1.15
        umriss = _vieleck(
            [(x + d * math.cos(math.radians(60 * i)), y + d * math.sin(math.radians(60 * i))) for i in range(6)], rand
        )
    elif form == "kreis-doppelt":
        umriss = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r * 1.2:.1f}" {rand}/>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r * 0.95:.1f}" fill="none" stroke="{TEXT}" stroke-width="1"/>'
        )
    else:
        umriss = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {rand}/>'
    if nummer == "":
        return umriss
    return umriss + text_element(x, y + schrift * 0.35, str(nummer), groesse=schrift, anker="middle", fett=True)


def infrastruktur_karte_svg(*, quartier, einrichtungen, kategorien, id_="infrastrukturkarte"):
    """The quarter with the facilities near it (``einrichtungen``, each with ``punkt`` and ``kategorie``).

    ``kategorien`` are the categories in the order of the coverage table; a facility's marker
    carries its category's number in that table, its shape stands for the Handlungsfeld. Returns
    the SVG markup (viewBox 1000 × 1000), a legend of the shapes below the map.
    """
    breite, karte_hoehe = 1000, 860
    schrift = 30  # printed at 85 % of 170 mm: 11 pt
    nummern = {k.pk: i for i, k in enumerate(kategorien, start=1)}
    felder = []
    for k in kategorien:
        if k.handlungsfeld not in felder:
            felder.append(k.handlungsfeld)
    form_von = {feld.pk: _FORMEN[i % len(_FORMEN)] for i, feld in enumerate(felder)}
    grenze = metrisch(quartier.grenze)
    auswahl = [e for e in einrichtungen if e.kategorie_id in nummern]
    # One transformation for all points (one per point costs a GDAL call each).
    metrische = metrisch(MultiPoint([e.punkt for e in auswahl], srid=4326)) if auswahl else []
    punkte = list(zip(auswahl, metrische, strict=True))
    ausdehnung = list(grenze.extent)
    for _e, p in punkte:
        ausdehnung = [
            min(ausdehnung[0], p.x),
            min(ausdehnung[1], p.y),
            max(ausdehnung[2], p.x),
            max(ausdehnung[3], p.y),
        ]
    rahmen = Rahmen.um(tuple(ausdehnung), x0=0, y0=0, breite=breite, hoehe=karte_hoehe)
    marker = []
    for einrichtung, punkt in sorted(punkte, key=lambda ep: (-ep[1].y, ep[1].x)):
        x, y = rahmen.punkt(punkt.x, punkt.y)
        feld_id = einrichtung.kategorie.handlungsfeld_id
        marker.append(_marker(form_von.get(feld_id, "kreis"), x, y, 21, nummern[einrichtung.kategorie_id], schrift=29))
    massstab, massstab_text = massstabsleiste(rahmen, 60, karte_hoehe - 36, groesse=schrift)
    legende_hoehe = 40 + ((len(felder) + 1) // 2) * schrift * 2.2
    legende = ['<g class="legende">']
    for i, feld in enumerate(felder):
        x = 20 + (i % 2) * 500
        y = karte_hoehe + 40 + (i // 2) * schrift * 2.2
        legende.append(_marker(form_von[feld.pk], x + 20, y, 15, "", schrift=schrift))
        legende.append(text_element(x + 50, y + schrift * 0.35, feld.name[:26], groesse=schrift))
    legende.append("</g>")
    inhalt = (
        f"<defs>{schraffur(f'{id_}-schraffur')}"
        f'<clipPath id="{id_}-ausschnitt"><rect x="0" y="0" width="{breite}" height="{karte_hoehe}"/></clipPath></defs>'
        f'<rect x="0" y="0" width="{breite}" height="{karte_hoehe}" fill="#ffffff"/>'
        f'<g clip-path="url(#{id_}-ausschnitt)">'
        f'<path d="{rahmen.pfad(rahmen.vorbereiten(grenze))}" fill="url(#{id_}-schraffur)" fill-rule="evenodd" '
        f'stroke="{QUARTIER_LINIE}" stroke-width="6" stroke-linejoin="round"/>'
        + "".join(marker)
        + "</g>"
        + massstab
        + nordpfeil(breite - 70, 80, groesse=schrift * 1.3, winkel=nordwinkel(quartier.grenze.centroid))
        + f'<rect x="1" y="1" width="{breite - 2}" height="{karte_hoehe - 2}" fill="none" stroke="{TEXT}" '
        f'stroke-width="2"/>' + "".join(legende)
    )
    return svg_dokument(
        id_=id_,
        breite=breite,
        hoehe=int(karte_hoehe + legende_hoehe),
        titel=_("Einrichtungen im und am Quartier %(quartier)s") % {"quartier": quartier.name},
        beschreibung=_(
            "Karte des Quartiers %(quartier)s (rot umrandet, schraffiert) mit %(anzahl)s Einrichtungen im Radius "
            "ihrer Kategorie. Jede Einrichtung ist ein Zeichen mit der Nummer ihrer Kategorie aus der Tabelle "
            "„Erreichbarkeit“; die Form des Zeichens steht für das Handlungsfeld. Maßstabsleiste: %(massstab)s. "
            "Norden ist oben."
        )
        % {"quartier": quartier.name, "anzahl": len(marker), "massstab": massstab_text},
        inhalt=inhalt,
    )
