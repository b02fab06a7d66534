"""The small map of an event's place for the flyer and the poster, drawn on the server as SVG.

It reuses the drawing primitives of ``quartiere.svgkarten`` (frame, simplification, scale bar,
north arrow, escaped text), which the report maps use too.
"""

from django.utils.translation import gettext as _

from quartiere.queries import metrisch
from quartiere.svgkarten import QUARTIER_LINIE, TEXT, Rahmen, beschriftung, massstabsleiste, nordpfeil, svg_dokument

BREITE, HOEHE = 1000, 450
SCHRIFT = 48
# Around the place the map shows at least this many metres, so streets' scale is recognisable.
MINDESTAUSSCHNITT = 900.0


def veranstaltungsort_karte_svg(*, veranstaltung, quartiere, id_="ortskarte") -> str:
    """The event's quarters (outlined) and its place (a large square marker labelled „V“ and in words).

    Returns ``""`` when there is neither a place nor a quarter to draw. Every text is ``<text>``
    and the ``<desc>`` says in words what the map shows.
    """
    grenzen = [(q.name, metrisch(q.grenze)) for q in quartiere]
    ort = metrisch(veranstaltung.ort) if veranstaltung.ort else None
    if ort is None and not grenzen:
        return ""
    if ort is not None:
        ausdehnung = (ort.x, ort.y, ort.x, ort.y)
    else:
        ausdehnungen = [g.extent for _name, g in grenzen]
        ausdehnung = (
            min(a[0] for a in ausdehnungen),
            min(a[1] for a in ausdehnungen),
            max(a[2] for a in ausdehnungen),
            max(a[3] for a in ausdehnungen),
        )
    rahmen = Rahmen.um(ausdehnung, x0=0, y0=0, breite=BREITE, hoehe=HOEHE, mindestens=MINDESTAUSSCHNITT)
    inhalt = [
        f'<defs><clipPath id="{id_}-ausschnitt"><rect x="0" y="0" width="{BREITE}" height="{HOEHE}"/>'
        "</clipPath></defs>",
        f'<rect x="0" y="0" width="{BREITE}" height="{HOEHE}" fill="#ffffff"/>',
        f'<g clip-path="url(#{id_}-ausschnitt)">',
    ]
    beschriftungen = []
    for name, grenze in grenzen:
        sichtbar = rahmen.vorbereiten(grenze)
        if sichtbar.empty:
            continue
        inhalt.append(
            f'<path d="{rahmen.pfad(sichtbar)}" fill="#f3e6e6" fill-rule="evenodd" stroke="{QUARTIER_LINIE}" '
            f'stroke-width="6" stroke-dasharray="20 8" stroke-linejoin="round"/>'
        )
        x, y = rahmen.punkt(*sichtbar.point_on_surface.coords[:2])
        if ort is None:
            beschriftungen.append(beschriftung(x, y, name, groesse=SCHRIFT))
    inhalt += beschriftungen
    if ort is not None:
        x, y = rahmen.punkt(ort.x, ort.y)
        seite = 80
        inhalt.append(
            f'<rect x="{x - seite / 2:.1f}" y="{y - seite / 2:.1f}" width="{seite}" height="{seite}" '
            f'fill="{TEXT}" stroke="#ffffff" stroke-width="4"/>'
            f'<text x="{x:.1f}" y="{y + SCHRIFT * 0.36:.1f}" font-size="{SCHRIFT}" text-anchor="middle" '
            f'font-weight="bold" fill="#ffffff">V</text>'
        )
        inhalt.append(beschriftung(x, y + seite / 2 + SCHRIFT, _("Veranstaltungsort"), groesse=SCHRIFT))
    massstab, massstab_text = massstabsleiste(rahmen, 40, HOEHE - 30, groesse=SCHRIFT * 0.8)
    inhalt += [
        "</g>",
        massstab,
        nordpfeil(BREITE - 70, 80, groesse=SCHRIFT, winkel=0),
        f'<rect x="1" y="1" width="{BREITE - 2}" height="{HOEHE - 2}" fill="none" stroke="{TEXT}" stroke-width="2"/>',
    ]
    namen = ", ".join(name for name, _g in grenzen)
    if ort is not None:
        beschreibung = _(
            "Karte der Umgebung des Veranstaltungsorts: Der Ort ist ein schwarzes Quadrat mit dem Buchstaben V "
            "in der Mitte.%(quartiere)s Maßstabsleiste: %(massstab)s. Norden ist oben."
        )
    else:
        beschreibung = _("Karte der Quartiere der Veranstaltung.%(quartiere)s Maßstabsleiste: %(massstab)s.")
    beschreibung %= {
        "quartiere": (" " + _("Gestrichelt umrandet: %(namen)s.") % {"namen": namen}) if namen else "",
        "massstab": massstab_text,
    }
    return svg_dokument(
        id_=id_,
        breite=BREITE,
        hoehe=HOEHE,
        titel=_("Lage des Veranstaltungsorts: %(adresse)s") % {"adresse": veranstaltung.adresse or veranstaltung.titel},
        beschreibung=beschreibung,
        inhalt="".join(inhalt),
    )
