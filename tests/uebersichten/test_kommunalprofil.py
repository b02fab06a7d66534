"""The Kommunalprofil: the page per role, the PDF read back with pypdf, the query guard."""

import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from tests.berichte.pdf_pruefung import figuren_ohne_alt, pdfa_fehler, qpdf_fehler, schriften_nicht_eingebettet
from tests.dwk.test_pdf_fetcher import pdfa_kennung
from tests.uebersichten.conftest import SENTINEL, lenkungsgruppe_anlegen, stadtbezirk_anlegen
from uebersichten.pdf import kommunalprofil_pdf
from uebersichten.queries.kommunalprofil import kommunalprofil_sammeln


def _lesezeichen(reader):
    def flach(eintraege):
        for eintrag in eintraege:
            if isinstance(eintrag, list):
                yield from flach(eintrag)
            else:
                yield eintrag.title

    return list(flach(reader.outline))


def _text(reader):
    return "\n".join(seite.extract_text() for seite in reader.pages)


def test_kommunalprofil_stellt_stadtbezirke_stadt_und_referenzquartiere_nebeneinander(stadt):
    profil = kommunalprofil_sammeln(sieht_fallzahlen=True)
    bevoelkerung = profil.kennzahlen[0]
    assert bevoelkerung.titel == "Bevölkerung"
    assert [z.name for z in bevoelkerung.zeilen] == [
        "Bezirk 1",
        "Bezirk 2",
        "Dortmund gesamt",
        "Quartier 1",
        "Quartier 2",
    ]
    assert [z.art for z in bevoelkerung.zeilen] == ["stadtbezirk", "stadtbezirk", "stadt", "quartier", "quartier"]
    einwohner = [s.titel for s in bevoelkerung.spalten].index("Einwohnerinnen und Einwohner")
    assert [z.zellen[einwohner] for z in bevoelkerung.zeilen] == ["1.000", "1.000", "2.000", "1.000", "1.000"]
    assert [s.jahr for s in bevoelkerung.spalten][einwohner] == 2020
    assert [(g.code, g.anzahl_quartiere, g.referenzquartiere) for g in profil.gebiete] == [
        ("01", 1, ["Quartier 1"]),
        ("02", 1, ["Quartier 2"]),
    ]
    # One pharmacy in each Stadtbezirk; the measures by status.
    apotheken = next(t for t in profil.infrastruktur_stadtbezirke if "Apotheke" in [s.titel for s in t.spalten])
    spalte = [s.titel for s in apotheken.spalten].index("Apotheke")
    assert [z.zellen[spalte] for z in apotheken.zeilen] == ["1", "1", "2"]
    beschlossen = [s.titel for s in profil.massnahmen.spalten].index("beschlossen")
    assert [z.zellen[beschlossen] for z in profil.massnahmen.zeilen] == ["1", "1", "2", "1", "1"]
    assert profil.infrastruktur_quartiere[0].zeilen[0].name == "Quartier 1"


def test_kleine_fallzahl_nur_fuer_projektteam_sichtbar(stadt):
    """Bezirk 2 has 2 people aged 80+ (below DWK_MIN_FALLZAHL): withheld with its quarter, and
    Bezirk 1 with them (secondary suppression: else the city minus Bezirk 1 gives it away)."""

    def hochbetagte(sieht):
        tabelle = kommunalprofil_sammeln(sieht_fallzahlen=sieht).kennzahlen[0]
        spalte = [s.titel for s in tabelle.spalten].index("Einwohner 80 Jahre und älter")
        return [z.zellen[spalte] for z in tabelle.zeilen]

    assert hochbetagte(True) == ["100", "2", "102", "100", "2"]
    verborgen = hochbetagte(False)
    assert verborgen[1] == verborgen[4] == "nicht ausgewiesen"
    assert "2" not in verborgen
    assert "nicht ausgewiesen" in (verborgen[0], verborgen[2])


def test_seite_je_rolle(client, stadt, projektteam, ratsbuero):
    url = reverse("uebersichten:kommunalprofil")
    client.force_login(projektteam)
    seite = client.get(url).content.decode()
    assert "Kommunalprofil Dortmund" in seite
    assert '<th scope="row">Bezirk 2' in seite
    assert '<th scope="col" class="zahl">Einwohner 80 Jahre und älter' in seite
    assert "Sie sehen als Projektteam alle Werte" in seite
    assert reverse("uebersichten:sachstandsbericht") in seite
    client.force_login(ratsbuero)
    seite = client.get(url).content.decode()
    assert "nicht ausgewiesen" in seite
    assert reverse("uebersichten:sachstandsbericht") not in seite
    assert reverse("uebersichten:kommunalprofil_pdf") in seite


def test_pdf_querformat_kapitel_lesezeichen_pdfa_und_geheimhaltung(stadt, client, projektteam):
    lenkungsgruppe_anlegen(1, quartiere=stadt)
    client.force_login(projektteam)
    antwort = client.get(reverse("uebersichten:kommunalprofil_pdf"))
    assert antwort["Content-Type"] == "application/pdf"
    assert antwort["Content-Disposition"] == 'attachment; filename="kommunalprofil.pdf"'
    assert "no-store" in antwort["Cache-Control"]
    reader = PdfReader(io.BytesIO(antwort.content))
    breite, hoehe = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(breite), round(hoehe)) == (842, 595)  # A4 landscape
    assert pdfa_kennung(reader) == ("3", "B")
    assert reader.metadata.title == "Kommunalprofil Dortmund"
    assert reader.metadata.author == "Dortmund"
    assert _lesezeichen(reader)[:5] == [
        "Kommunalprofil Dortmund",
        "Stadtbezirke und Referenzquartiere",
        "Kennzahlen",
        "Bevölkerung",
        "Infrastruktur",
    ]
    assert {"Infrastruktur", "Maßnahmen", "Erreichbarkeit in den Referenzquartieren"} <= set(_lesezeichen(reader))
    text = _text(reader)
    # Projektteam downloads it, yet the document withholds the small count for every reader.
    assert "nicht ausgewiesen" in text
    assert "Referenzquartier in Bezirk 2" in text
    assert SENTINEL not in text
    assert SENTINEL not in str(reader.metadata)
    assert reader.attachments == {}
    # The map has a caption, and its table twin names the same areas.
    assert "Die 2 Stadtbezirke von Dortmund und die Referenzquartiere" in text


def test_pdf_besteht_die_archiv_und_tagging_pruefung(stadt, tmp_path):
    """qpdf --check, the machine-checkable PDF/A-3b rules, embedded fonts, and alternative text on
    the one figure (the city map); see tests/berichte/pdf_pruefung.py."""
    pfad = tmp_path / "dokument.pdf"
    pfad.write_bytes(kommunalprofil_pdf())
    reader = PdfReader(pfad)
    assert qpdf_fehler(str(pfad)) == []
    assert pdfa_fehler(reader) == []
    assert schriften_nicht_eingebettet(reader) == []
    assert figuren_ohne_alt(reader) == (1, [])


def test_pdf_ueber_der_speichergrenze_sagt_es_auf_deutsch(stadt, client, projektteam, settings):
    """The render runs in a child process with the reports' limits (berichte.services.rendern)."""
    settings.DWK_PDF_MAX_SPEICHER_MB = 1
    client.force_login(projektteam)
    antwort = client.get(reverse("uebersichten:kommunalprofil_pdf"))
    assert antwort.status_code == 503
    # Out of memory shows either as such or, where a C library fails first, as a general failure.
    seite = antwort.content.decode()
    assert "Das PDF konnte nicht erstellt werden" in seite
    assert ("mehr Arbeitsspeicher als erlaubt (1 MB)" in seite) or ("Das PDF ließ sich nicht setzen" in seite)
    assert "no-store" in antwort["Cache-Control"]


def test_pdf_ohne_stadt_sagt_es(client, projektteam):
    client.force_login(projektteam)
    antwort = client.get(reverse("uebersichten:kommunalprofil_pdf"))
    assert antwort.status_code == 404
    assert "Noch keine Stadt eingerichtet" in antwort.content.decode()
    assert kommunalprofil_pdf() is None


def _abfragen(client, url):
    with CaptureQueriesContext(connection) as abfragen:
        assert client.get(url).status_code == 200
    return len(abfragen.captured_queries)


def test_abfragen_wachsen_nicht_mit_stadtbezirken_und_quartieren(client, projektteam, db):
    """Query guard: 1 and 3 Stadtbezirke with reference quarters, the same number of queries."""
    stadtbezirk_anlegen(1)
    client.force_login(projektteam)
    url = reverse("uebersichten:kommunalprofil")
    client.get(url)  # the session and the user's groups settle
    eins = _abfragen(client, url)
    stadtbezirk_anlegen(2)
    stadtbezirk_anlegen(3)
    assert _abfragen(client, url) == eins
