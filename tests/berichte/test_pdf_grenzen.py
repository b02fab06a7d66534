"""Safety limits of PDF rendering: deep nesting, a local file and an http URL in the document.

The rendering either refuses with a clear German message or produces a clean PDF; it never opens a
network connection (a real listener on 127.0.0.1 records every connection) and never reads a file
outside our static and media folders.
"""

import datetime
import io
import time

import pytest
from pypdf import PdfReader

from berichte.pdf import quartiersprofil_pdf
from dwk.pdf import MAX_VERSCHACHTELUNG, PdfFehler, render_pdf
from quartiersprofil.services.profil import (
    abschnitt_speichern,
    profil_entwurf_anlegen,
    profil_freigeben,
    profil_zur_beratung_geben,
)
from tests.berichte.pdf_pruefung import pdfa_fehler
from tests.berichte.test_pdf import hombruch, lesen, menglinghausen  # noqa: F401, F811 -- fixtures
from tests.lauscher import Lauscher


def _freigeben_mit_text(quartier, benutzer, settings, bestand):
    fassung = profil_entwurf_anlegen(quartier=quartier)
    abschnitt = fassung.abschnitte.order_by("handlungsfeld__reihenfolge").first()
    abschnitt_speichern(abschnitt=abschnitt, bestand=bestand, staerken="", handlungsbedarf="")
    profil_zur_beratung_geben(fassung=fassung)
    settings.DWK_HEUTE = datetime.date(2017, 3, 14)
    return profil_freigeben(fassung=fassung, benutzer=benutzer)


def test_render_pdf_refuses_5000_nested_elements_at_once(db):
    html = "<html lang='de'><body>" + "<div>" * 5000 + "tief" + "</div>" * 5000 + "</body></html>"

    start = time.perf_counter()
    with pytest.raises(PdfFehler) as fehler:
        render_pdf(html, title="Test", author="Dortmund")

    assert str(fehler.value).startswith(
        f"Das PDF lässt sich nicht erzeugen: Ein Text ist zu tief verschachtelt (5002 Ebenen ineinander, "
        f"höchstens {MAX_VERSCHACHTELUNG})"
    )
    # Refused before WeasyPrint lays anything out (which fails only after about ten seconds).
    assert time.perf_counter() - start < 5


def test_render_pdf_renders_nesting_up_to_the_limit(db):
    tiefe = MAX_VERSCHACHTELUNG - 2  # html and body count too
    html = "<html lang='de'><body>" + "<div>" * tiefe + "tief" + "</div>" * tiefe + "</body></html>"

    _reader, seiten = lesen(render_pdf(html, title="Test", author="Dortmund"))

    assert "tief" in seiten[0]


def test_profile_with_5000_nested_quotes_in_a_text_is_refused_clearly(menglinghausen, projektteam, settings):  # noqa: F811 -- fixture
    fassung = _freigeben_mit_text(menglinghausen, projektteam, settings, "> " * 5000 + "ganz innen")

    with pytest.raises(PdfFehler, match="zu tief verschachtelt .* Zitate oder Listen"):
        quartiersprofil_pdf(quartier=menglinghausen, fassung=fassung)


def test_render_pdf_reads_no_file_and_calls_no_network(db):
    with Lauscher() as lauscher:
        html = (
            "<html lang='de'><head>"
            f"<link rel='stylesheet' href='{lauscher.url('/stil.css')}'>"
            f"<style>@import url('{lauscher.url('/import.css')}'); "
            f"body {{ background: url('{lauscher.url('/hintergrund.png')}') }}</style>"
            "</head><body><p>Inhalt</p>"
            "<img src='file:///etc/passwd' alt='Passwortdatei'>"
            f"<img src='{lauscher.url('/bild.png')}' alt='Bild von draußen'>"
            "<object data='file:///etc/passwd'></object>"
            "</body></html>"
        )
        pdf = render_pdf(html, title="Test", author="Dortmund")
        time.sleep(0.3)  # a connection that got through would have arrived by now

    assert lauscher.empfangen == []
    reader = PdfReader(io.BytesIO(pdf))
    assert "Inhalt" in reader.pages[0].extract_text()
    assert b"root:" not in pdf
    assert pdfa_fehler(reader) == []


def test_profile_text_with_file_and_http_images_makes_a_clean_pdf(menglinghausen, projektteam, settings):  # noqa: F811 -- fixture
    with Lauscher() as lauscher:
        bestand = f"Text davor.\n\n![Passwörter](file:///etc/passwd)\n\n![Fremdes Bild]({lauscher.url('/x.png')})"
        fassung = _freigeben_mit_text(menglinghausen, projektteam, settings, bestand)
        pdf = quartiersprofil_pdf(quartier=menglinghausen, fassung=fassung)
        time.sleep(0.3)

    assert lauscher.empfangen == []
    _reader, seiten = lesen(pdf)
    assert "Text davor." in " ".join(seiten)
    assert b"root:" not in pdf
    assert pdfa_fehler(PdfReader(io.BytesIO(pdf))) == []
