"""The progress report: slides from the data, the PDF read back slide by slide, rights, query guard."""

import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from tests.berichte.pdf_pruefung import figuren_ohne_alt, pdfa_fehler, qpdf_fehler, schriften_nicht_eingebettet
from tests.dwk.test_pdf_fetcher import pdfa_kennung
from tests.uebersichten.conftest import SENTINEL, lenkungsgruppe_anlegen, stadtbezirk_anlegen
from tests.uebersichten.test_kommunalprofil import _lesezeichen
from uebersichten.pdf import sachstandsbericht_pdf
from uebersichten.queries.folien import ZEILEN_JE_FOLIE
from uebersichten.queries.sachstand import sachstand_sammeln

TITEL = [
    "Bisherige Aktivitäten",
    "Projektorganisation und Lenkungsgruppe",
    "Aufgaben und Beschlüsse der Lenkungsgruppe",
    "Handlungsfelder",
    "Städtische Struktur",
    "Die Referenzquartiere",
    "Wie die Referenzquartiere ausgewählt wurden",
    "Begründung der Auswahl",
    "Fachworkshops",
    "Quartiersprofile",
    "Bürgerdialoge",
    "Ergebnisse der Bürgerdialoge",
    "Zeitleiste: Erreicht",
    "Zeitleiste: Als Nächstes",
]


def test_folien_aus_den_daten(projekt, projektteam):
    sachstand = sachstand_sammeln(user=projektteam)
    assert [f.titel for f in sachstand.folien] == TITEL
    assert [f.nummer for f in sachstand.folien] == list(range(2, 2 + len(TITEL)))
    folien = {f.titel: f for f in sachstand.folien}
    assert ("1", "Beschlüsse") in folien["Bisherige Aktivitäten"].zahlen
    assert folien["Projektorganisation und Lenkungsgruppe"].tabelle.zeilen == [
        ["Fachbereich der Stadt", "Fachbereich Soziales 1"],
        ["externer Partner", "Stiftung 1"],
    ]
    assert folien["Die Referenzquartiere"].punkte[0].startswith("Ausgewählt mit Beschluss Nr. ")
    assert [z[0] for z in folien["Wie die Referenzquartiere ausgewählt wurden"].tabelle.zeilen] == [
        "Quartier 1",
        "Quartier 2",
    ]
    assert folien["Fachworkshops"].tabelle.zeilen[0][:4] == ["Workshop 1", "I", "29.06.2017", "20"]
    assert folien["Bürgerdialoge"].tabelle.zeilen == [["Quartier 1", "01.06.2017", "–", "Stiftung 1", "–", "1"]]
    assert folien["Zeitleiste: Erreicht"].tabelle.zeilen == [["Erreichter Schritt 1", "01.07.2016", "30.06.2016"]]
    assert folien["Zeitleiste: Als Nächstes"].tabelle.zeilen == [["Geplanter Schritt 1", "01.01.2030", "geplant"]]


def test_lange_tabelle_geht_auf_der_naechsten_folie_weiter(projekt, projektteam):
    for nummer in range(2, ZEILEN_JE_FOLIE + 2):
        lenkungsgruppe_anlegen(nummer, quartiere=projekt)
    folien = sachstand_sammeln(user=projektteam).folien
    titel = [f.titel for f in folien]
    assert "Zeitleiste: Erreicht (Fortsetzung)" in titel
    assert "Fachworkshops (Fortsetzung)" in titel
    # ZEILEN_JE_FOLIE + 1 rows: spread over two slides evenly, not all but one on the first.
    erreicht = [len(f.tabelle.zeilen) for f in folien if f.titel.startswith("Zeitleiste: Erreicht")]
    assert erreicht == [(ZEILEN_JE_FOLIE + 2) // 2, (ZEILEN_JE_FOLIE + 1) // 2]


def test_pdf_eine_folie_je_seite_querformat_lesezeichen_pdfa_keine_personen(projekt, client, lenkungsgruppe):
    client.force_login(lenkungsgruppe)
    antwort = client.get(reverse("uebersichten:sachstandsbericht_pdf"))
    assert antwort["Content-Disposition"] == 'attachment; filename="sachstandsbericht.pdf"'
    reader = PdfReader(io.BytesIO(antwort.content))
    assert len(reader.pages) == 1 + len(TITEL)
    for seite in reader.pages:
        breite, hoehe = float(seite.mediabox.width), float(seite.mediabox.height)
        assert round(breite / hoehe, 2) == round(16 / 9, 2)
    texte = [seite.extract_text() for seite in reader.pages]
    assert "Sachstandsbericht Dortmund" in texte[0]
    assert "Gefördert von:" in texte[0]
    for titel, text in zip(TITEL, texte[1:], strict=True):
        assert titel in text
    assert "Fachbereich Soziales 1" in texte[2]
    assert "Quartier 1" in texte[6]
    assert _lesezeichen(reader) == ["Sachstandsbericht Dortmund", *TITEL]
    assert pdfa_kennung(reader) == ("3", "B")
    assert reader.metadata.title == "Sachstandsbericht Dortmund"
    alles = "\n".join(texte)
    assert SENTINEL not in alles
    assert SENTINEL.lower() not in alles.lower()
    assert SENTINEL not in str(reader.metadata)
    assert SENTINEL.encode() not in reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert reader.attachments == {}


def test_pdf_besteht_die_archiv_und_tagging_pruefung(projekt, projektteam, tmp_path):
    """qpdf --check, the machine-checkable PDF/A-3b rules, embedded fonts, and alternative text on
    the one figure (the city map); see tests/berichte/pdf_pruefung.py."""
    pfad = tmp_path / "dokument.pdf"
    pfad.write_bytes(sachstandsbericht_pdf(user=projektteam))
    reader = PdfReader(pfad)
    assert qpdf_fehler(str(pfad)) == []
    assert pdfa_fehler(reader) == []
    assert schriften_nicht_eingebettet(reader) == []
    assert figuren_ohne_alt(reader) == (1, [])


def test_vorschau_und_download(projekt, client, projektteam):
    client.force_login(projektteam)
    seite = client.get(reverse("uebersichten:sachstandsbericht")).content.decode()
    for titel in TITEL:
        assert f">{titel}</h2>" in seite
    assert reverse("uebersichten:sachstandsbericht_pdf") in seite
    assert SENTINEL not in seite


def test_ratsbuero_und_partner_sehen_ihn_nicht(projekt, client, ratsbuero, partner):
    for benutzer in (ratsbuero, partner):
        client.force_login(benutzer)
        assert client.get(reverse("uebersichten:sachstandsbericht")).status_code == 403
        assert client.get(reverse("uebersichten:sachstandsbericht_pdf")).status_code == 403


def test_ohne_daten_leere_folien_mit_hinweis(stadt, projektteam):
    folien = {f.titel: f for f in sachstand_sammeln(user=projektteam).folien}
    assert folien["Fachworkshops"].tabelle.zeilen == []
    assert folien["Fachworkshops"].leer == "Es sind noch keine Fachworkshops erfasst."


def _abfragen(client, url):
    with CaptureQueriesContext(connection) as abfragen:
        assert client.get(url).status_code == 200
    return len(abfragen.captured_queries)


def test_abfragen_wachsen_nicht_mit_den_daten(client, projektteam, db):
    """Query guard: 1 and 3 of everything (Stadtbezirke, quarters, organisations, decisions, events)."""
    quartier = stadtbezirk_anlegen(1)
    lenkungsgruppe_anlegen(1, quartiere=[quartier])
    client.force_login(projektteam)
    url = reverse("uebersichten:sachstandsbericht")
    client.get(url)
    eins = _abfragen(client, url)
    for nummer in (2, 3):
        lenkungsgruppe_anlegen(nummer, quartiere=[stadtbezirk_anlegen(nummer)])
    assert _abfragen(client, url) == eins
