"""The PDF URL fetcher reads data: URIs and our own static and media files, nothing else."""

import base64
import io
import logging
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.conf import settings
from PIL import Image
from pypdf import PdfReader

from dwk.pdf import PDF_BASE_URL, pdf_url_fetcher, render_pdf

PDF_CSS = Path(settings.BASE_DIR) / "static" / "css" / "pdf.css"


def png(farbe):
    puffer = io.BytesIO()
    Image.new("RGB", (8, 8), farbe).save(puffer, format="PNG")
    return puffer.getvalue()


@pytest.fixture
def medien(settings, tmp_path):
    """MEDIA_ROOT in a temporary folder, beside a folder that must stay out of reach."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    draussen = tmp_path / "draussen"
    draussen.mkdir()
    (draussen / "geheim.png").write_bytes(png("black"))
    (settings.MEDIA_ROOT / "foto.png").write_bytes(png("green"))
    return settings.MEDIA_ROOT, draussen


@pytest.fixture
def lauscher():
    """A real HTTP server on 127.0.0.1 that serves a PNG and records every request."""
    anfragen = []
    bild = png("red")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            anfragen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(bild)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", anfragen
    server.shutdown()
    server.server_close()


def test_fetch_data_uri_is_decoded():
    antwort = pdf_url_fetcher().fetch("data:text/plain;base64," + base64.b64encode(b"Hallo").decode())

    assert antwort.read() == b"Hallo"


def test_fetch_static_file_is_found_without_collectstatic():
    antwort = pdf_url_fetcher().fetch(PDF_BASE_URL + "static/css/pdf.css")

    assert antwort.read() == PDF_CSS.read_bytes()
    assert antwort.content_type == "text/css"
    assert antwort.url == PDF_BASE_URL + "static/css/pdf.css"


def test_fetch_static_file_ignores_query_and_fragment():
    antwort = pdf_url_fetcher().fetch(PDF_BASE_URL + "static/css/pdf.css?v=2#oben")

    assert antwort.read() == PDF_CSS.read_bytes()


def test_fetch_file_url_inside_static_folder_is_allowed():
    antwort = pdf_url_fetcher().fetch(PDF_CSS.resolve().as_uri())

    assert antwort.read() == PDF_CSS.read_bytes()


def test_fetch_media_file(medien):
    media_root, _draussen = medien

    antwort = pdf_url_fetcher().fetch(PDF_BASE_URL + "media/foto.png")

    assert antwort.read() == (media_root / "foto.png").read_bytes()
    assert antwort.content_type == "image/png"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.0.0.1:8000/static/css/pdf.css",
        "https://example.org/bild.png",
        "ftp://example.org/bild.png",
        "file:///etc/passwd",
        "file://example.org/etc/passwd",
        PDF_BASE_URL + "static/../../etc/passwd",
        PDF_BASE_URL + "static/%2e%2e/%2e%2e/etc/passwd",
        PDF_BASE_URL + "static/css/..%2f..%2f..%2fetc/passwd",
        PDF_BASE_URL + "static//etc/passwd",
        PDF_BASE_URL + "static/gibt-es-nicht.css",
        PDF_BASE_URL + "etc/passwd",
        "https://dwk.invalid.example.org/static/css/pdf.css",
        "javascript:alert(1)",
    ],
)
def test_fetch_refuses_everything_else_and_logs_a_warning(url, caplog):
    with caplog.at_level(logging.WARNING, logger="dwk.pdf"), pytest.raises(ValueError):
        pdf_url_fetcher().fetch(url)

    assert [record.levelname for record in caplog.records if record.name == "dwk.pdf"] == ["WARNING"]


def test_fetch_refuses_media_traversal_and_file_urls_outside(medien):
    _media_root, draussen = medien
    fetcher = pdf_url_fetcher()

    for url in (
        PDF_BASE_URL + "media/../draussen/geheim.png",
        PDF_BASE_URL + "media/%2e%2e/draussen/geheim.png",
        (draussen / "geheim.png").as_uri(),
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_fetch_refuses_symlink_leading_out_of_media(medien):
    media_root, draussen = medien
    os.symlink(draussen / "geheim.png", media_root / "verlinkt.png")
    os.symlink(draussen, media_root / "ordner")

    for url in (PDF_BASE_URL + "media/verlinkt.png", PDF_BASE_URL + "media/ordner/geheim.png"):
        with pytest.raises(ValueError):
            pdf_url_fetcher().fetch(url)


def test_render_pdf_loads_allowed_resources_and_leaves_out_the_others(medien, lauscher):
    _media_root, draussen = medien
    basis, anfragen = lauscher
    html = f"""<!DOCTYPE html><html lang="de"><head><title>Test</title>
      <link rel="stylesheet" href="/static/css/pdf.css">
      <link rel="stylesheet" href="{basis}/boese.css">
      </head><body><h1>Bilder</h1>
      <img alt="data" src="data:image/png;base64,{base64.b64encode(png("blue")).decode()}">
      <img alt="medien" src="/media/foto.png">
      <img alt="lokaler server" src="{basis}/bild.png">
      <img alt="internet" src="https://example.org/bild.png">
      <img alt="datei" src="{(draussen / "geheim.png").as_uri()}">
      <img alt="passwd" src="file:///etc/passwd">
      <img alt="ausbruch" src="/static/../../etc/passwd">
      <img alt="ausbruch medien" src="/media/../draussen/geheim.png">
      </body></html>"""

    pdf = render_pdf(html, title="Test", author="Dortmund")

    seite = PdfReader(io.BytesIO(pdf)).pages[0]
    assert len(seite.images) == 2
    assert anfragen == []
    # pdf.css was loaded: its @page rule writes the page footer.
    assert "Seite 1 von 1" in seite.extract_text()


def test_render_pdf_writes_pdfa_3b_with_metadata():
    html = '<!DOCTYPE html><html lang="en"><head><title>HTML-Titel</title></head><body><h1>Hallo</h1></body></html>'

    pdf = render_pdf(html, title="Quartiersprofil Derne", author="Dortmund")

    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Quartiersprofil Derne"
    assert reader.metadata.author == "Dortmund"
    assert reader.trailer["/Root"]["/Lang"] == "de"
    assert pdfa_kennung(reader) == ("3", "B")


def pdfa_kennung(reader):
    """(part, conformance) of the PDF/A identification in the XMP metadata."""
    xmp = ElementTree.fromstring(reader.trailer["/Root"]["/Metadata"].get_object().get_data())
    pdfaid = "{http://www.aiim.org/pdfa/ns/id/}"
    for beschreibung in xmp.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"):
        if pdfaid + "part" in beschreibung.attrib:
            return beschreibung.attrib[pdfaid + "part"], beschreibung.attrib[pdfaid + "conformance"]
    return None
