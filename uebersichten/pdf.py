"""Render the overviews to PDF/A (WeasyPrint, through ``dwk.pdf`` and its URL fetcher).

``*_html`` build the document (its HTML, title and author) from the data in the request's process;
``*_pdf`` render it as the reports are rendered: WeasyPrint in a child process with a time and a
memory limit (``berichte.services.rendern.pdf_abgeschottet``), any failure a ``PdfFehler`` with one
German sentence. The bench renders the same HTML with WeasyPrint alone as its floor.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from berichte.services.rendern import pdf_abgeschottet

from .karten import stadtkarte_svg
from .queries.kommunalprofil import kommunalprofil_sammeln
from .queries.sachstand import sachstand_sammeln


@dataclass(frozen=True)
class Dokument:
    html: str
    titel: str
    autor: str


def stadtkarte(inhalt: object, *, id_: str = "stadtkarte") -> str:
    """The city map of a ``Kommunalprofil`` or ``Sachstand`` (built from numbers and escaped names only)."""
    return mark_safe(  # noqa: S308 -- every name is escaped in quartiere.svgkarten
        stadtkarte_svg(
            stadtname=inhalt.stadtname,
            stadtbezirke=inhalt.stadtbezirke,
            referenzquartiere=inhalt.referenzquartiere,
            id_=id_,
        )
    )


def kommunalprofil_html() -> Dokument | None:
    """The Kommunalprofil as an HTML document (landscape A4), small counts withheld; None while no
    city is set up. German whatever the request's language."""
    with translation.override("de"):
        profil = kommunalprofil_sammeln(sieht_fallzahlen=False)
        if profil is None:
            return None
        html = render_to_string("uebersichten/kommunalprofil_pdf.html", {"profil": profil, "karte": stadtkarte(profil)})
        return Dokument(html=html, titel=profil.titel, autor=profil.stadtname)


def sachstandsbericht_html(*, user: AbstractBaseUser) -> Dokument | None:
    """The progress report as an HTML document: 16:9 landscape slides, one subject each; None while
    no city is set up."""
    with translation.override("de"):
        sachstand = sachstand_sammeln(user=user)
        if sachstand is None:
            return None
        html = render_to_string(
            "uebersichten/sachstandsbericht_pdf.html", {"sachstand": sachstand, "karte": stadtkarte(sachstand)}
        )
        return Dokument(html=html, titel=sachstand.titel, autor=sachstand.stadtname)


def _rendern(dokument: Dokument | None) -> bytes | None:
    if dokument is None:
        return None
    return pdf_abgeschottet(teile=[dokument.html], titel=dokument.titel, autor=dokument.autor)


def kommunalprofil_pdf() -> bytes | None:
    """The Kommunalprofil as PDF/A-3b bytes, or None while no city is set up; ``PdfFehler`` when the
    render fails or passes its limits. Reads the database; writes nothing."""
    return _rendern(kommunalprofil_html())


def sachstandsbericht_pdf(*, user: AbstractBaseUser) -> bytes | None:
    """The progress report as PDF/A-3b bytes, or None while no city is set up; ``PdfFehler`` when the
    render fails or passes its limits. Reads the database; writes nothing."""
    return _rendern(sachstandsbericht_html(user=user))
