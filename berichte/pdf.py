"""Render reports to PDF (WeasyPrint, through ``dwk.pdf``).

Two steps, so a caller can keep either: ``quartiersprofil_html`` builds the HTML of the quarter
profile (collect → draw → template), ``quartiersprofil_pdf`` renders it. For a released version
(``fassung``) both are deterministic: the same database state gives the same bytes (the PDF's dates
are the release time, not the render time), so a release can be rendered once and stored, or
rendered again later in a job with the same result.
"""

from datetime import datetime

from django.template.loader import render_to_string
from django.utils import timezone, translation

from dwk.pdf import render_pdf
from quartiere.models import Quartier
from quartiersprofil.models import Profilfassung

from .daten import Quartiersprofil, quartiersprofil_sammeln
from .diagramme import profil_abbildungen


def quartiersprofil_html(*, quartier: Quartier, fassung: Profilfassung | None = None) -> str:
    """The HTML of the quarter profile of ``quartier`` (see ``quartiersprofil_pdf``), for WeasyPrint
    only (never served to a browser). Reads the database; writes nothing."""
    return _profil_und_html(quartier, fassung)[1]


def _profil_und_html(quartier: Quartier, fassung: Profilfassung | None) -> tuple[Quartiersprofil, str]:
    with translation.override("de"):
        profil = quartiersprofil_sammeln(quartier=quartier, fassung=fassung)
        return profil, render_to_string(
            "berichte/quartiersprofil.html", {"profil": profil, **profil_abbildungen(profil)}
        )


def _zeitpunkt(fassung: Profilfassung | None) -> datetime | None:
    return timezone.localtime(fassung.freigegeben_am) if fassung and fassung.freigegeben_am else None


def quartiersprofil_pdf(*, quartier: Quartier, fassung: Profilfassung | None = None) -> bytes:
    """The quarter profile of ``quartier`` as tagged PDF/A-3b bytes: of the released version
    ``fassung``, or without one of the working state, marked as not released (see ``daten``).
    Reads the database; writes nothing.

    The document is German whatever language the request has, like its ``lang="de"``. With a
    released ``fassung`` the bytes are the same on every call for the same data.
    """
    profil, html = _profil_und_html(quartier, fassung)
    with translation.override("de"):
        return render_pdf(html, title=profil.titel, author=profil.stadtname, lang="de", zeitpunkt=_zeitpunkt(fassung))
