"""The maps of the public pages, drawn on the server as SVG (no tiles, no script, no network):
the city with its Stadtbezirke and the reference quarters as links, and a quarter's position in
its Stadtbezirk. The list beside each map says the same in words."""

from django.urls import reverse
from django.utils.translation import gettext as _

from berichte.karten import lage_im_stadtbezirk_svg
from quartiere.models import Quartier, Stadtbezirk
from quartiere.queries import metrisch
from quartiere.svgkarten import (
    QUARTIER_LINIE,
    STADTBEZIRK_FUELLUNG,
    STADTBEZIRK_LINIE,
    Rahmen,
    beschriftung,
    escape_text,
    schraffur,
    svg_dokument,
)


def stadtkarte_svg(*, quartiere: list[Quartier], id_: str = "stadtkarte") -> str:
    """The city's Stadtbezirke (grey, thin lines) and ``quartiere`` (hatched, thick red outline,
    named, each a link to its page). viewBox 800 × 640. Reads the Stadtbezirke (one query)."""
    breite, hoehe, schrift = 800, 640, 26
    bezirke = [metrisch(b.geometrie) for b in Stadtbezirk.objects.only("geometrie").order_by("code")]
    grenzen = [(q, metrisch(q.grenze)) for q in quartiere]
    alle = bezirke + [g for _q, g in grenzen]
    if not alle:
        return ""
    ausdehnung = alle[0].extent
    for geometrie in alle[1:]:
        x0, y0, x1, y1 = geometrie.extent
        ausdehnung = (min(ausdehnung[0], x0), min(ausdehnung[1], y0), max(ausdehnung[2], x1), max(ausdehnung[3], y1))
    rahmen = Rahmen.um(ausdehnung, x0=0, y0=0, breite=breite, hoehe=hoehe, rand=0.03)
    teile = [
        f"<defs>{schraffur(f'{id_}-schraffur')}</defs>",
        f'<rect width="{breite}" height="{hoehe}" fill="#ffffff"/>',
    ]
    for bezirk in bezirke:
        teile.append(
            f'<path d="{rahmen.pfad(rahmen.vorbereiten(bezirk))}" fill="{STADTBEZIRK_FUELLUNG}" '
            f'stroke="{STADTBEZIRK_LINIE}" stroke-width="1.5" stroke-dasharray="6 4" fill-rule="evenodd"/>'
        )
    for quartier, grenze in grenzen:
        mitte = rahmen.punkt(*grenze.centroid.coords)
        teile.append(
            f'<a href="{escape_text(quartier_url(quartier))}" class="karten-link">'
            f'<path d="{rahmen.pfad(rahmen.vorbereiten(grenze))}" fill="url(#{id_}-schraffur)" '
            f'stroke="{QUARTIER_LINIE}" stroke-width="4" fill-rule="evenodd"/>'
            + beschriftung(mitte[0], mitte[1] - 24, quartier.name, groesse=schrift)
            + "</a>"
        )
    namen = ", ".join(q.name for q, _g in grenzen)
    # A group, not an image: the quarters in it are links (an image may not contain controls).
    return svg_dokument(
        id_=id_,
        breite=breite,
        hoehe=hoehe,
        titel=_("Karte der Stadt mit den Referenzquartieren"),
        beschreibung=_(
            "Die Stadtbezirke sind grau mit gestrichelten Grenzen gezeichnet, die Referenzquartiere rot "
            "umrandet und schraffiert: %(namen)s. Die Liste neben der Karte nennt dieselben Quartiere."
        )
        % {"namen": namen},
        inhalt="".join(teile),
    ).replace('role="img"', 'role="group"', 1)


def quartier_url(quartier: Quartier) -> str:
    return reverse("oeffentlich:quartier", kwargs={"slug": quartier.slug})


def lagekarte_svg(*, quartier: Quartier) -> str:
    """The quarter in its Stadtbezirk (the report's overview map)."""
    return lage_im_stadtbezirk_svg(quartier=quartier, stadtbezirk=quartier.stadtbezirk, id_="lagekarte")
