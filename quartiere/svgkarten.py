"""Drawing primitives for maps drawn on the server as SVG from the stored geometries: no tiles,
no network. Used by the report maps (``berichte.karten``) and the event map of the citizen
dialogue (``buergerdialog.karten``); they know nothing of either.

Geometries are projected to EPSG:25832 (metres), simplified for print (GEOS, tolerance in
metres, topology preserved), clipped to the map frame and fitted into a fixed viewBox. All
text is ``<text>`` (real, searchable text in the PDF), every name is escaped, and each map
has a ``<title>`` and a ``<desc>`` that say in words what it shows. Lines differ in width and
style, not only in colour, so the map also reads in black and white.
"""

import math
from dataclasses import dataclass
from html import escape

from django.contrib.gis.geos import (
    GeometryCollection,
    LinearRing,
    LineString,
    MultiLineString,
    MultiPolygon,
    Point,
    Polygon,
)
from django.utils.translation import gettext as _

from quartiere.queries import metrisch

SCHRIFT = "Liberation Sans, DejaVu Sans, sans-serif"
TEXT = "#1a1a1a"
UNTERBEZIRK_FUELLUNG = "#e1eaf4"
UNTERBEZIRK_LINIE = "#4f6680"
QUARTIER_LINIE = "#a4161a"
STADTBEZIRK_LINIE = "#1a1a1a"
STADTBEZIRK_FUELLUNG = "#eef1f4"

# Lengths a scale bar may show, in metres: 1, 2, 2.5 and 5 times a power of ten.
_SCHRITTE = (1, 2, 2.5, 5)


@dataclass
class Rahmen:
    """Fits a metric extent into the rectangle (x0, y0, breite, hoehe) of the viewBox."""

    minx: float
    miny: float
    maxx: float
    maxy: float
    x0: float
    y0: float
    breite: float
    hoehe: float

    @classmethod
    def um(cls, ausdehnung, *, x0, y0, breite, hoehe, rand=0.08, mindestens=200.0):
        """A frame around ``ausdehnung`` (minx, miny, maxx, maxy in metres) with ``rand`` spare on each side."""
        minx, miny, maxx, maxy = ausdehnung
        mx, my = (minx + maxx) / 2, (miny + maxy) / 2
        w = max(maxx - minx, mindestens) * (1 + 2 * rand)
        h = max(maxy - miny, mindestens) * (1 + 2 * rand)
        # Widen the shorter side so the extent has the frame's aspect ratio (no distortion).
        if w / h < breite / hoehe:
            w = h * breite / hoehe
        else:
            h = w * hoehe / breite
        return cls(mx - w / 2, my - h / 2, mx + w / 2, my + h / 2, x0, y0, breite, hoehe)

    @property
    def massstab(self):
        """viewBox units per metre."""
        return self.breite / (self.maxx - self.minx)

    @property
    def breite_m(self):
        return self.maxx - self.minx

    def polygon(self, puffer=0.0):
        """The frame as a polygon in EPSG:25832, ``puffer`` metres larger on each side."""
        return Polygon.from_bbox((self.minx - puffer, self.miny - puffer, self.maxx + puffer, self.maxy + puffer))

    def punkt(self, x, y):
        return (self.x0 + (x - self.minx) * self.massstab, self.y0 + (self.maxy - y) * self.massstab)

    def vorbereiten(self, geometrie, *, rand=False):
        """``geometrie`` (EPSG:25832) simplified to half a viewBox unit and clipped to the frame.

        With ``rand=True`` the boundary lines are returned instead of the area.
        """
        toleranz = 0.5 / self.massstab
        vereinfacht = geometrie.simplify(toleranz, preserve_topology=True)
        if rand:
            vereinfacht = vereinfacht.boundary
        puffer = 10 / self.massstab  # a little outside, so clipped lines do not show at the frame
        rahmen = self.polygon(puffer)
        rahmen.srid = vereinfacht.srid
        return vereinfacht.intersection(rahmen)

    def pfad(self, geometrie):
        """The SVG path data of ``geometrie`` (EPSG:25832): polygons closed, lines open, points skipped."""
        teile = []
        for linie, geschlossen in linien(geometrie):
            punkte = [self.punkt(x, y) for x, y, *_z in linie.coords]
            if len(punkte) < 2:
                continue
            start, *rest = punkte
            teile.append(
                f"M{start[0]:.1f},{start[1]:.1f}"
                + "".join(f"L{x:.1f},{y:.1f}" for x, y in rest)
                + ("Z" if geschlossen else "")
            )
        return "".join(teile)


def linien(geometrie):
    """Yield (line, closed) for every ring and line of ``geometrie``."""
    if geometrie is None or geometrie.empty:
        return
    if isinstance(geometrie, Polygon):
        for ring in geometrie:
            yield ring, True
    elif isinstance(geometrie, LinearRing):
        yield geometrie, True
    elif isinstance(geometrie, LineString):
        yield geometrie, False
    elif isinstance(geometrie, (MultiPolygon, MultiLineString, GeometryCollection)):
        for teil in geometrie:
            yield from linien(teil)


def massstab_laenge(breite_m, anteil=0.25):
    """The longest round length (1, 2, 2.5 or 5 × 10ⁿ metres) not longer than ``anteil`` of ``breite_m``."""
    ziel = max(breite_m * anteil, 1.0)
    potenz = 10 ** math.floor(math.log10(ziel))
    return max(schritt * potenz for schritt in _SCHRITTE if schritt * potenz <= ziel)


def laenge_text(meter):
    """A length for people: ``500 m``, ``1 km``, ``2,5 km`` (German decimal comma)."""
    if meter >= 1000:
        km = meter / 1000
        return f"{km:g}".replace(".", ",") + "\u00a0km"
    return f"{meter:g}".replace(".", ",") + "\u00a0m"


def nordwinkel(punkt_4326):
    """Degrees (clockwise) by which true north deviates from grid north of EPSG:25832 at ``punkt_4326``."""
    a = metrisch(Point(punkt_4326.x, punkt_4326.y, srid=4326))
    b = metrisch(Point(punkt_4326.x, punkt_4326.y + 0.01, srid=4326))
    return math.degrees(math.atan2(b.x - a.x, b.y - a.y))


def escape_text(text):
    return escape(str(text), quote=True)


def text_element(x, y, inhalt, *, groesse, anker="start", fett=False, farbe=TEXT):
    attribute = f'x="{x:.1f}" y="{y:.1f}" font-size="{groesse}" text-anchor="{anker}"'
    if fett:
        attribute += ' font-weight="bold"'
    return f'<text {attribute} fill="{farbe}">{escape_text(inhalt)}</text>'


def beschriftung(x, y, inhalt, *, groesse):
    """A bold label centred on (x, y) on a white box, so it stays legible on fills and lines.

    (A white outline drawn as a second ``<text>`` would put every label twice into the
    PDF's text, for screen readers and copy and paste; WeasyPrint has no ``paint-order``.)
    """
    breite = len(str(inhalt)) * groesse * 0.66 + groesse * 0.5
    hoehe = groesse * 1.3
    return (
        f'<rect x="{x - breite / 2:.1f}" y="{y - hoehe / 2:.1f}" width="{breite:.1f}" height="{hoehe:.1f}" '
        f'rx="{groesse * 0.25:.1f}" fill="#ffffff" fill-opacity="0.8"/>'
        + text_element(x, y + groesse * 0.36, inhalt, groesse=groesse, anker="middle", fett=True)
    )


def massstabsleiste(rahmen, x, y, *, groesse):
    """A two-part scale bar, its length written centred above it; lower left corner at (x, y).

    Returns the markup and the length as text.
    """
    meter = massstab_laenge(rahmen.breite_m)
    laenge = meter * rahmen.massstab
    hoehe = groesse * 0.45
    halb = laenge / 2
    text = laenge_text(meter)
    textbreite = len(text) * groesse * 0.6
    kasten = max(laenge, textbreite) + 24
    mitte = x + laenge / 2
    markup = (
        f'<g class="massstab">'
        f'<rect x="{mitte - kasten / 2:.1f}" y="{y - hoehe - groesse * 1.4:.1f}" width="{kasten:.1f}" '
        f'height="{hoehe + groesse * 1.4 + 10:.1f}" fill="#ffffff" fill-opacity="0.85"/>'
        f'<rect x="{x:.1f}" y="{y - hoehe:.1f}" width="{halb:.1f}" height="{hoehe:.1f}" fill="{TEXT}" '
        f'stroke="{TEXT}" stroke-width="1.5"/>'
        f'<rect x="{x + halb:.1f}" y="{y - hoehe:.1f}" width="{halb:.1f}" height="{hoehe:.1f}" fill="#ffffff" '
        f'stroke="{TEXT}" stroke-width="1.5"/>'
        + text_element(mitte, y - hoehe - groesse * 0.35, text, groesse=groesse, anker="middle")
        + "</g>"
    )
    return markup, text


def nordpfeil(x, y, *, groesse, winkel):
    """A north arrow in a circle centred on (x, y), rotated by ``winkel`` degrees towards true north."""
    r = groesse * 1.5
    b = groesse * 0.45
    spitze, kerbe, fuss = y - r * 0.3, y + r * 0.5, y + r * 0.75
    return (
        f'<g class="nordpfeil" transform="rotate({winkel:.2f} {x:.1f} {y:.1f})">'
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#ffffff" fill-opacity="0.85" '
        f'stroke="{TEXT}" stroke-width="1.5"/>'
        f'<path d="M{x:.1f},{spitze:.1f}L{x + b:.1f},{fuss:.1f}L{x:.1f},{kerbe:.1f}Z" '
        f'fill="#ffffff" stroke="{TEXT}" stroke-width="2" stroke-linejoin="round"/>'
        f'<path d="M{x:.1f},{spitze:.1f}L{x - b:.1f},{fuss:.1f}L{x:.1f},{kerbe:.1f}Z" '
        f'fill="{TEXT}" stroke="{TEXT}" stroke-width="2" stroke-linejoin="round"/>'
        + text_element(x, y - r * 0.38, _("N"), groesse=groesse * 0.75, anker="middle", fett=True)
        + "</g>"
    )


def schraffur(id_):
    return (
        f'<pattern id="{id_}" patternUnits="userSpaceOnUse" width="18" height="18" '
        f'patternTransform="rotate(45)">'
        f'<line x1="0" y1="0" x2="0" y2="18" stroke="{QUARTIER_LINIE}" stroke-width="2.5" stroke-opacity="0.45"/>'
        f"</pattern>"
    )


def svg_dokument(*, id_, breite, hoehe, titel, beschreibung, inhalt):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breite} {hoehe}" class="karte" role="img" '
        f'aria-labelledby="{id_}-titel {id_}-beschreibung" font-family="{SCHRIFT}">'
        f'<title id="{id_}-titel">{escape_text(titel)}</title>'
        f'<desc id="{id_}-beschreibung">{escape_text(beschreibung)}</desc>' + inhalt + "</svg>"
    )
