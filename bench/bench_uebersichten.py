"""Measurements of the city-wide overviews (called from bench/run.py), on the demo data.

The Kommunalprofil page (server time, size, queries), its PDF and the Sachstandsbericht PDF through
their views, each beside its floor: WeasyPrint alone rendering the same HTML with the same options
(PDF/A-3b, tagged) and the same URL fetcher, so the ratio shows what collecting the data and the
view add to the render itself.
"""

import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from weasyprint import HTML

from dwk.pdf import PDF_BASE_URL, PDF_VARIANT, pdf_url_fetcher
from uebersichten.pdf import kommunalprofil_html, sachstandsbericht_html


def _boden(dokument):
    """WeasyPrint alone: the HTML of ``dokument`` to PDF bytes."""
    optionen = {"pdf_variant": PDF_VARIANT, "pdf_tags": True, "uncompressed_pdf": False}
    return HTML(string=dokument.html, base_url=PDF_BASE_URL, url_fetcher=pdf_url_fetcher()).write_pdf(**optionen)


def _seite(client, messen, name, url):
    antwort = messen(name, lambda: client.get(url))
    with CaptureQueriesContext(connection) as abfragen:
        client.get(url)
    print(f"{'  Antwort / Abfragen':<48} {len(antwort.content) / 1024:8.1f} KB   {len(abfragen):5d} Abfragen")


def _median(funktion, wiederholungen=3):
    zeiten, ergebnis = [], None
    for _ in range(wiederholungen):
        start = time.perf_counter()
        ergebnis = funktion()
        zeiten.append(time.perf_counter() - start)
    return statistics.median(zeiten), ergebnis


def _pdf_mit_boden(client, name, url, dokument):
    boden, boden_pdf = _median(lambda: _boden(dokument))
    ansicht, antwort = _median(lambda: client.get(url))
    print(f"{name + ' (Ansicht)':<48} Median {ansicht * 1000:8.1f} ms   {len(antwort.content) / 1024:8.1f} KB")
    print(
        f"{'  Boden: WeasyPrint allein, dasselbe HTML':<48} Median {boden * 1000:8.1f} ms   "
        f"{len(boden_pdf) / 1024:8.1f} KB   Verhältnis {ansicht / boden:.2f}×"
    )


def uebersichten_messen(client, messen, benutzer):
    """``client`` is signed in as ``benutzer`` (Projektteam); ``messen(name, funktion)`` prints a median."""
    _seite(client, messen, "Kommunalprofil-Seite", reverse("uebersichten:kommunalprofil"))
    _seite(client, messen, "Sachstandsbericht-Seite (Vorschau)", reverse("uebersichten:sachstandsbericht"))
    _pdf_mit_boden(client, "Kommunalprofil-PDF", reverse("uebersichten:kommunalprofil_pdf"), kommunalprofil_html())
    _pdf_mit_boden(
        client,
        "Sachstandsbericht-PDF",
        reverse("uebersichten:sachstandsbericht_pdf"),
        sachstandsbericht_html(user=benutzer),
    )
