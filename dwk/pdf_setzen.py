"""Setting PDFs with WeasyPrint in a small process of its own, without Django.

``berichte.services.rendern`` renders the HTML in the web process and hands only the setting to a
child process with a time and a memory limit. The child is forked from a small server process
(multiprocessing's ``forkserver``, which preloads this module): a fork of the web process itself
would inherit its whole address space — a long-running gunicorn or test worker holds a gigabyte
or more —, and an address-space limit (``RLIMIT_AS``) would then measure the parent rather than the
render. This module therefore imports nothing of Django: the child never touches the database or
the settings. What the URL fetcher needs to know of the settings (where static and media files
lie) travels as a ``Fundorte``, computed in the web process by ``dwk.pdf.fundorte()``.

``DateiFetcher`` reads only ``data:`` URIs and files inside those folders (see ``dwk.pdf``).
"""

import faulthandler
import logging
import mimetypes
import os
import resource
import traceback
from multiprocessing.connection import Connection

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from dwk.pdf_orte import ABGELEHNT, FUSSZEILE, PDF_BASE_URL, PDF_OPTIONEN, Fundorte

logger = logging.getLogger("dwk.pdf")

# The system's fonts, loaded once here, in the fork server (which preloads this module), before any
# child is forked and limited: WeasyPrint otherwise loads fontconfig's configuration and fonts anew
# for every part it renders, in the child, under its address-space limit. There fontconfig may fail
# to read its cache and to open the font files; it then writes a cache that lists no fonts for their
# folder, and every later program of the machine that uses fontconfig (browsers, the next renders)
# falls back to another font. Seen in a test run: after the memory-limit test, sans-serif was
# Liberation Mono for everyone. The children share this configuration (copied by the fork).
SCHRIFTEN = FontConfiguration()


class DateiFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that reads only ``data:`` URIs and the files of ``fundorte``."""

    def __init__(self, fundorte: Fundorte, **kwargs):
        # Only data: may reach urllib (the parent class); redirects are never followed.
        kwargs.update(allowed_protocols={"data"}, allow_redirects=False, fail_on_errors=False)
        super().__init__(**kwargs)
        self.fundorte = fundorte
        self.abgelehnt: list[str] = []  # the URLs refused, for the parent process to log

    def fetch(self, url, headers=None):
        if url[:5].lower() == "data:":
            return super().fetch(url, headers)
        pfad = self.lokaler_pfad(url)
        if pfad is None:
            self.abgelehnt.append(url[:200])
            logger.warning(ABGELEHNT, url)
            raise ValueError(f"Ressource für PDFs nicht erlaubt: {url[:200]}")
        with open(pfad, "rb") as datei:
            inhalt = datei.read()
        content_type = mimetypes.guess_type(pfad)[0] or "application/octet-stream"
        # Keep the requested URL, so relative URLs inside a stylesheet resolve against it.
        return URLFetcherResponse(url, inhalt, {"Content-Type": content_type})

    def lokaler_pfad(self, url: str) -> str | None:
        return self.fundorte.lokaler_pfad(url)


def setzen(teile: list[str], titel: str, autor: str, zeitpunkt: str, fundorte: Fundorte) -> tuple[bytes, list[str]]:
    """Lay out every part, join the pages, write PDF/A bytes (the metadata as given); with them the
    URLs of resources the fetcher refused."""
    fetcher = DateiFetcher(fundorte)
    dokumente = []
    seiten_bisher = 0
    for html in teile:
        stile = [CSS(string=f"@page:first {{ counter-reset: page {seiten_bisher + 1}; }}")]
        if len(teile) > 1:
            stile.append(CSS(string=FUSSZEILE))
        dokument = HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=fetcher).render(
            stylesheets=stile, font_config=SCHRIFTEN, **PDF_OPTIONEN
        )
        seiten_bisher += len(dokument.pages)
        dokumente.append(dokument)
    gesamt = dokumente[0].copy([seite for dokument in dokumente for seite in dokument.pages])
    metadaten_setzen(gesamt, titel=titel, autor=autor, lang="de", zeitpunkt=zeitpunkt)
    return gesamt.write_pdf(**PDF_OPTIONEN), fetcher.abgelehnt


def metadaten_setzen(dokument, *, titel: str, autor: str, lang: str, zeitpunkt: str) -> None:
    """Title, author (the Kommune), language, generator and the creation and modification date
    (ISO 8601) of a rendered WeasyPrint document, for its info dictionary and XMP metadata."""
    dokument.metadata.title = titel
    dokument.metadata.authors = [autor]
    dokument.metadata.lang = lang
    dokument.metadata.generator = "DWK Quartiersplanung"
    dokument.metadata.created = zeitpunkt
    dokument.metadata.modified = zeitpunkt


def kind(
    verbindung: Connection, teile: list[str], titel: str, autor: str, zeitpunkt: str, fundorte: Fundorte, mb: int
) -> None:
    """The child process: limit its address space to ``mb`` MB, set the PDF, send ("ok", (bytes,
    refused URLs)) or ("fehler", "verschachtelt" | "speicher" | "allgemein:<traceback>")."""
    # A C library that runs out of memory aborts the child; the parent reports it (no stack dump).
    faulthandler.disable()
    # Nothing is configured for logging here: the parent logs what the child reports.
    logging.getLogger("dwk.pdf").addHandler(logging.NullHandler())
    try:
        if mb:
            weich = mb * 1024 * 1024
            hart = resource.getrlimit(resource.RLIMIT_AS)[1]
            resource.setrlimit(
                resource.RLIMIT_AS, (weich if hart == resource.RLIM_INFINITY else min(weich, hart), hart)
            )
        ergebnis = ("ok", setzen(teile, titel, autor, zeitpunkt, fundorte))
    except RecursionError:
        ergebnis = ("fehler", "verschachtelt")
    except MemoryError:
        ergebnis = ("fehler", "speicher")
    except SystemError as fehler:
        # Under the address-space limit a C function (Pango, cffi) that cannot allocate may return NULL
        # without setting MemoryError; CPython then raises this SystemError (seen with 200 MB).
        speicher = mb and "without exception set" in str(fehler)
        ergebnis = ("fehler", "speicher" if speicher else "allgemein:" + traceback.format_exc(limit=5)[-2000:])
    except Exception:  # noqa: BLE001 -- the child reports every failure to the parent, which logs it
        ergebnis = ("fehler", "allgemein:" + traceback.format_exc(limit=5)[-2000:])
    try:
        verbindung.send(ergebnis)
    except MemoryError:
        pass
    finally:
        verbindung.close()
        os._exit(0)
