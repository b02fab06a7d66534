"""The figures of the quarter profile: maps (``karten``) and charts, drawn on the server as SVG.

Every figure is built from numbers and escaped names only, so it may be marked safe for the
template. Each has a title and a description in words; charts have a table with the same numbers.
"""

from django.utils.safestring import SafeString, mark_safe

from .daten import Quartiersprofil
from .karten import lage_im_stadtbezirk_svg, quartier_karte_svg


def profil_abbildungen(profil: Quartiersprofil) -> dict[str, SafeString]:
    """The maps of ``profil`` as SVG markup, by template name (``karte``, ``lagekarte``)."""
    karte = quartier_karte_svg(
        quartier=profil.quartier, stadtbezirk=profil.stadtbezirk, unterbezirke=profil.unterbezirke
    )
    lagekarte = lage_im_stadtbezirk_svg(quartier=profil.quartier, stadtbezirk=profil.stadtbezirk)
    return {"karte": mark_safe(karte), "lagekarte": mark_safe(lagekarte)}  # noqa: S308 -- see the module docstring
