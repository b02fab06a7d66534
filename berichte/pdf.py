"""Render reports to PDF (WeasyPrint, through ``dwk.pdf``)."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from dwk.pdf import render_pdf
from quartiere.models import Quartier
from quartiersprofil.models import Profilfassung

from .daten import quartiersprofil_sammeln
from .karten import lage_im_stadtbezirk_svg, quartier_karte_svg


def quartiersprofil_pdf(*, quartier: Quartier, fassung: Profilfassung | None = None) -> bytes:
    """The quarter profile of ``quartier`` as PDF/A-3b bytes: of the released version ``fassung``,
    or without one of the working state, marked as not released (see ``daten``). Reads the
    database; writes nothing.

    The document is German whatever language the request has, like its ``lang="de"``.
    """
    with translation.override("de"):
        profil = quartiersprofil_sammeln(quartier=quartier, fassung=fassung)
        # Both maps are built from numbers and escaped names only (see berichte.karten).
        karte = mark_safe(
            quartier_karte_svg(
                quartier=profil.quartier, stadtbezirk=profil.stadtbezirk, unterbezirke=profil.unterbezirke
            )
        )
        lagekarte = mark_safe(lage_im_stadtbezirk_svg(quartier=profil.quartier, stadtbezirk=profil.stadtbezirk))
        html = render_to_string(
            "berichte/quartiersprofil.html", {"profil": profil, "karte": karte, "lagekarte": lagekarte}
        )
        return render_pdf(html, title=profil.titel, author=profil.stadtname, lang="de")
