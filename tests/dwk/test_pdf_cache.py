"""Rendered PDFs are kept in the cache, keyed by their HTML, metadata and linked files
(``dwk.pdf.pdf_zwischengespeichert``): an unchanged document is set once, a change of any of them
renders anew, and nothing whose linked files cannot be read here is ever taken from the cache."""

import io

import pytest
from django.core.cache import cache
from pypdf import PdfReader

from berichte.services.rendern import pdf_abgeschottet
from dwk.pdf import pdf_zwischengespeichert, render_pdf

pytestmark = pytest.mark.django_db

SEITE = '<html lang="de"><head><link rel="stylesheet" href="/static/css/pdf.css"></head><body><p>{}</p></body></html>'


@pytest.fixture(autouse=True)
def leerer_cache():
    cache.clear()
    yield
    cache.clear()


def _zaehlend(ergebnisse):
    """A renderer that records each call and returns a distinct result each time."""

    def rendern():
        ergebnisse.append(len(ergebnisse) + 1)
        return f"PDF {len(ergebnisse)}".encode()

    return rendern


def test_gleiche_dokumente_werden_einmal_gesetzt():
    aufrufe = []
    erst = pdf_zwischengespeichert(teile=[SEITE.format("A")], angaben={"titel": "T"}, rendern=_zaehlend(aufrufe))
    dann = pdf_zwischengespeichert(teile=[SEITE.format("A")], angaben={"titel": "T"}, rendern=_zaehlend(aufrufe))

    assert (erst, dann, aufrufe) == (b"PDF 1", b"PDF 1", [1])


def test_anderer_text_andere_angaben_neu_gesetzt():
    aufrufe = []
    rendern = _zaehlend(aufrufe)
    pdf_zwischengespeichert(teile=[SEITE.format("A")], angaben={"titel": "T"}, rendern=rendern)
    pdf_zwischengespeichert(teile=[SEITE.format("B")], angaben={"titel": "T"}, rendern=rendern)
    pdf_zwischengespeichert(teile=[SEITE.format("A")], angaben={"titel": "U"}, rendern=rendern)
    pdf_zwischengespeichert(teile=[SEITE.format("A"), SEITE.format("A")], angaben={"titel": "T"}, rendern=rendern)

    assert aufrufe == [1, 2, 3, 4]


def test_geaenderte_verlinkte_datei_neu_gesetzt_fehlende_nie_aus_dem_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "fotos").mkdir()
    foto = tmp_path / "fotos" / "druck.jpg"
    foto.write_bytes(b"erstes Bild")
    html = SEITE.format('<img src="https://dwk.invalid/media/fotos/druck.jpg" alt="Foto">')
    aufrufe = []
    rendern = _zaehlend(aufrufe)

    pdf_zwischengespeichert(teile=[html], angaben={}, rendern=rendern)
    pdf_zwischengespeichert(teile=[html], angaben={}, rendern=rendern)
    foto.write_bytes(b"ein anderes, neues Bild unter demselben Namen")
    pdf_zwischengespeichert(teile=[html], angaben={}, rendern=rendern)
    foto.unlink()
    pdf_zwischengespeichert(teile=[html], angaben={}, rendern=rendern)
    pdf_zwischengespeichert(teile=[html], angaben={}, rendern=rendern)

    assert aufrufe == [1, 2, 3, 4]


def test_abgeschaltet_wird_jedes_mal_gesetzt(settings):
    settings.DWK_PDF_CACHE_SEKUNDEN = 0
    aufrufe = []
    for _ in range(2):
        pdf_zwischengespeichert(teile=[SEITE.format("A")], angaben={}, rendern=_zaehlend(aufrufe))

    assert aufrufe == [1, 2]


def test_fehlgeschlagenes_setzen_wird_nicht_behalten():
    def scheitert():
        raise ValueError("kaputt")

    with pytest.raises(ValueError, match="kaputt"):
        pdf_zwischengespeichert(teile=[SEITE.format("A")], angaben={}, rendern=scheitert)
    assert pdf_zwischengespeichert(teile=[SEITE.format("A")], angaben={}, rendern=lambda: b"gut") == b"gut"


def test_echtes_pdf_zweimal_dieselben_bytes_aus_dem_cache():
    html = SEITE.format("Kommunalprofil der Stadt")
    erst = render_pdf(html, title="Titel", author="Stadt")
    zweit = render_pdf(html, title="Titel", author="Stadt")
    anders = render_pdf(html, title="Anderer Titel", author="Stadt")

    assert erst == zweit != anders
    assert PdfReader(io.BytesIO(anders)).metadata.title == "Anderer Titel"
    abgeschottet = pdf_abgeschottet(teile=[html], titel="Titel", autor="Stadt")
    assert pdf_abgeschottet(teile=[html], titel="Titel", autor="Stadt") == abgeschottet
    assert "Kommunalprofil der Stadt" in PdfReader(io.BytesIO(abgeschottet)).pages[0].extract_text()
