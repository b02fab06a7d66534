"""Render the overviews to PDF/A (WeasyPrint, through ``dwk.pdf`` and its URL fetcher)."""

from django.contrib.auth.models import AbstractBaseUser
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from dwk.pdf import render_pdf

from .karten import stadtkarte_svg
from .queries.kommunalprofil import kommunalprofil_sammeln
from .queries.sachstand import sachstand_sammeln


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


def kommunalprofil_pdf() -> bytes | None:
    """The Kommunalprofil as PDF/A-3b bytes (landscape A4), small counts withheld; None while no
    city is set up. Reads the database; writes nothing. German whatever the request's language."""
    with translation.override("de"):
        profil = kommunalprofil_sammeln(sieht_fallzahlen=False)
        if profil is None:
            return None
        html = render_to_string("uebersichten/kommunalprofil_pdf.html", {"profil": profil, "karte": stadtkarte(profil)})
        return render_pdf(html, title=profil.titel, author=profil.stadtname, lang="de")


def sachstandsbericht_pdf(*, user: AbstractBaseUser) -> bytes | None:
    """The progress report as PDF/A-3b bytes: landscape 16:9 slides, one subject each; None while
    no city is set up. Reads the database; writes nothing."""
    with translation.override("de"):
        sachstand = sachstand_sammeln(user=user)
        if sachstand is None:
            return None
        html = render_to_string(
            "uebersichten/sachstandsbericht_pdf.html", {"sachstand": sachstand, "karte": stadtkarte(sachstand)}
        )
        return render_pdf(html, title=sachstand.titel, author=sachstand.stadtname, lang="de")
