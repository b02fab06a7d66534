"""Shared setup of the tests of committee reports: a quarter with a released profile, a report."""

import io

from pypdf import PdfReader

from berichte.models import Bericht, Gremium
from berichte.services.berichte import bericht_speichern
from quartiere.services import quartier_unterbezirke_ableiten
from quartiersprofil.services.profil import (
    abschnitt_speichern,
    profil_entwurf_anlegen,
    profil_freigeben,
    profil_zur_beratung_geben,
)
from tests.factories import KommuneFactory, QuartierFactory, StadtbezirkFactory, UnterbezirkFactory, quadrat


def quartier_anlegen(name="Menglinghausen", slug="menglinghausen"):
    """A quarter covering one Unterbezirk of a Stadtbezirk of Dortmund."""
    bezirk = StadtbezirkFactory(kommune=KommuneFactory(name="Dortmund"), geometrie=quadrat(0, 0, seite=0.04))
    UnterbezirkFactory(bezirk__stadtbezirk=bezirk, geometrie=quadrat(0, 0))
    quartier = QuartierFactory(name=name, slug=slug, stadtbezirk=bezirk, grenze=quadrat(0, 0))
    quartier_unterbezirke_ableiten(quartier=quartier)
    return quartier


def fassung_freigeben(quartier, benutzer, *, bestand="Viele ältere Menschen wohnen seit Jahrzehnten hier."):
    """Release a new profile version of ``quartier`` with ``bestand`` in its first field of action."""
    fassung = profil_entwurf_anlegen(quartier=quartier)
    abschnitt = fassung.abschnitte.order_by("handlungsfeld__reihenfolge").first()
    abschnitt_speichern(abschnitt=abschnitt, bestand=bestand, staerken="", handlungsbedarf="")
    profil_zur_beratung_geben(fassung=fassung)
    return profil_freigeben(fassung=fassung, benutzer=benutzer)


def bericht_anlegen(fassungen, **felder):
    werte = {
        "betreff": "Quartiersprofil Menglinghausen – erster Bericht",
        "gremium": Gremium.BEZIRKSVERTRETUNG,
        "gremium_name": "Bezirksvertretung Hombruch",
        "beschlussvorschlag": "Die Bezirksvertretung nimmt das Quartiersprofil zur Kenntnis.",
        "begruendung": "Das Profil ist die Grundlage des Bürgerdialogs.",
    }
    werte.update(felder)
    return bericht_speichern(bericht=Bericht(**werte), profilfassungen=fassungen)


def pdf_lesen(pdf):
    """The reader and the text of each page, runs of white space as one space."""
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [" ".join(seite.extract_text().split()) for seite in reader.pages]


def lesezeichen(reader):
    """The titles of every bookmark, depth first."""
    titel = []

    def gehen(eintraege):
        for eintrag in eintraege:
            if isinstance(eintrag, list):
                gehen(eintrag)
            else:
                titel.append(eintrag.title)

    gehen(reader.outline)
    return titel
