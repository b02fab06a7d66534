"""Rendering report PDFs in a child process with a time and a memory limit.

The web request (or the background job) reads the database and renders the HTML itself; only
WeasyPrint, which may run long or take much memory on a hostile or huge text, runs in a forked
child process (``pdf_abgeschottet``). The child gets an address-space limit (``RLIMIT_AS``,
``DWK_PDF_MAX_SPEICHER_MB``) and is killed after ``DWK_PDF_MAX_SEKUNDEN``; it never touches the
database (it leaves through ``os._exit``, so the connections it inherited are not closed under
the parent). Every failure becomes ``PdfFehler`` with one German sentence.

Several HTML documents (the cover letter, then each quarter profile) become one PDF: each is laid
out with its page counter starting after the pages before it (``@page:first{counter-reset}``), so
page numbers run through, and their pages are joined into one document whose bookmarks are the
headings of all parts (WeasyPrint's documented way of merging documents).
"""

import datetime
import faulthandler
import logging
import multiprocessing
import os
import resource
import traceback
from multiprocessing.connection import Connection

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML

# PdfFehler: a PDF could not be made; ``str()`` is German for the user (one class for dwk.pdf and here).
from dwk.pdf import (
    MAX_VERSCHACHTELUNG,
    PDF_BASE_URL,
    PDF_VARIANT,
    PdfFehler,
    PdfURLFetcher,
    pdf_zwischengespeichert,
    verschachtelungstiefe,
)

logger = logging.getLogger(__name__)

PDF_OPTIONEN = {"pdf_variant": PDF_VARIANT, "pdf_tags": True, "uncompressed_pdf": False}


def html_rendern(*, vorlage: str, kontext: dict) -> str:
    """The template ``vorlage`` rendered with ``kontext``; a broken template is a ``PdfFehler``."""
    try:
        return render_to_string(vorlage, kontext)
    except TemplateSyntaxError as fehler:
        logger.warning("PDF-Vorlage %s fehlerhaft: %s", vorlage, fehler)
        raise PdfFehler(
            _("Die Vorlage „%(vorlage)s“ enthält einen Fehler und wurde nicht verarbeitet: %(fehler)s")
            % {"vorlage": vorlage, "fehler": str(fehler)[:300]}
        ) from fehler
    except TemplateDoesNotExist as fehler:
        raise PdfFehler(_("Die Vorlage „%(vorlage)s“ fehlt.") % {"vorlage": vorlage}) from fehler


# In a document of several parts each part knows only its own number of pages: the footer says
# "Seite n" (running through all parts) without "von …".
FUSSZEILE = '@page { @bottom-right { content: "Seite " counter(page) !important; } }'


def _setzen(teile: list[str], titel: str, autor: str, zeitpunkt: str) -> bytes:
    """In the child: lay out every part, join the pages, write PDF/A bytes."""
    dokumente = []
    seiten_bisher = 0
    for html in teile:
        stile = [CSS(string=f"@page:first {{ counter-reset: page {seiten_bisher + 1}; }}")]
        if len(teile) > 1:
            stile.append(CSS(string=FUSSZEILE))
        dokument = HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=PdfURLFetcher()).render(
            stylesheets=stile, **PDF_OPTIONEN
        )
        seiten_bisher += len(dokument.pages)
        dokumente.append(dokument)
    gesamt = dokumente[0].copy([seite for dokument in dokumente for seite in dokument.pages])
    gesamt.metadata.title = titel
    gesamt.metadata.authors = [autor]
    gesamt.metadata.lang = "de"
    gesamt.metadata.generator = "DWK Quartiersplanung"
    gesamt.metadata.created = zeitpunkt
    gesamt.metadata.modified = zeitpunkt
    return gesamt.write_pdf(**PDF_OPTIONEN)


def _kind(verbindung: Connection, teile: list[str], titel: str, autor: str, zeitpunkt: str, mb: int) -> None:
    """The child process: limit memory, render, send ("ok", bytes) or ("fehler", sentence)."""
    # A C library that runs out of memory aborts the child; the parent reports it (no stack dump).
    faulthandler.disable()
    try:
        if mb:
            weich = mb * 1024 * 1024
            hart = resource.getrlimit(resource.RLIMIT_AS)[1]
            resource.setrlimit(
                resource.RLIMIT_AS, (weich if hart == resource.RLIM_INFINITY else min(weich, hart), hart)
            )
        ergebnis = ("ok", _setzen(teile, titel, autor, zeitpunkt))
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


def pdf_abgeschottet(
    *,
    teile: list[str],
    titel: str,
    autor: str,
    zeitpunkt: datetime.datetime | None = None,
    sekunden: int | None = None,
    speicher_mb: int | None = None,
) -> bytes:
    """The HTML documents ``teile`` as one tagged PDF/A-3b (bytes), rendered in a child process.

    Limits: ``sekunden`` (default ``DWK_PDF_MAX_SEKUNDEN``), ``speicher_mb`` (default
    ``DWK_PDF_MAX_SPEICHER_MB``; 0: none). ``zeitpunkt`` is the PDF's creation date (default: now).
    Raises ``PdfFehler`` for a runaway render, too much
    memory, a text nested more than ``dwk.pdf.MAX_VERSCHACHTELUNG`` levels (refused before rendering) or
    any other failure of WeasyPrint. Writes nothing but the cache: the same documents with the same
    metadata and limits are set once (``dwk.pdf.pdf_zwischengespeichert``).
    """
    if not teile:
        raise PdfFehler(_("Es gibt nichts, woraus ein PDF werden könnte."))
    tiefe = max(verschachtelungstiefe(teil) for teil in teile)
    if tiefe > MAX_VERSCHACHTELUNG:
        # Refused before any rendering: WeasyPrint would fail only after many seconds (see dwk.pdf).
        raise PdfFehler(
            _(
                "Ein Text ist zu tief verschachtelt (%(tiefe)s Ebenen ineinander, höchstens %(hoechstens)s), "
                "z. B. durch sehr viele ineinanderliegende Zitate oder Listen. Bitte vereinfachen Sie die Gliederung."
            )
            % {"tiefe": tiefe, "hoechstens": MAX_VERSCHACHTELUNG}
        )
    sekunden = settings.DWK_PDF_MAX_SEKUNDEN if sekunden is None else sekunden
    speicher_mb = settings.DWK_PDF_MAX_SPEICHER_MB if speicher_mb is None else speicher_mb
    angaben = {
        "titel": titel,
        "autor": autor,
        "zeitpunkt": zeitpunkt and zeitpunkt.isoformat(),
        "sekunden": sekunden,
        "speicher_mb": speicher_mb,
    }
    return pdf_zwischengespeichert(
        teile=teile,
        angaben=angaben,
        rendern=lambda: _im_kindprozess(teile, titel, autor, zeitpunkt, sekunden, speicher_mb),
    )


def _im_kindprozess(
    teile: list[str], titel: str, autor: str, zeitpunkt: datetime.datetime | None, sekunden: int, speicher_mb: int
) -> bytes:
    """The rendering of ``pdf_abgeschottet`` in a forked child process, within the limits."""
    zeit = timezone.localtime(zeitpunkt or timezone.now()).isoformat(timespec="seconds")
    kontext = multiprocessing.get_context("fork")
    empfang, senden = kontext.Pipe(duplex=False)
    prozess = kontext.Process(target=_kind, args=(senden, teile, titel, autor, zeit, speicher_mb), daemon=True)
    prozess.start()
    senden.close()
    try:
        if not empfang.poll(sekunden or None):
            raise PdfFehler(
                _(
                    "Das PDF wurde nach %(sekunden)s Sekunden abgebrochen (Zeitlimit). Bitte kürzen Sie sehr lange "
                    "Texte oder Tabellen."
                )
                % {"sekunden": sekunden}
            )
        try:
            art, wert = empfang.recv()
        except EOFError:
            art, wert = "fehler", "speicher"
    finally:
        empfang.close()
        if prozess.is_alive():
            prozess.kill()
        prozess.join(5)
    if art == "ok":
        return wert
    if wert == "verschachtelt":
        raise PdfFehler(
            _(
                "Ein Text ist zu tief verschachtelt (z. B. hunderte ineinanderliegende Zitate oder Listen), um ihn "
                "zu setzen. Bitte vereinfachen Sie die Gliederung."
            )
        )
    if wert == "speicher":
        raise PdfFehler(
            _(
                "Das PDF brauchte mehr Arbeitsspeicher als erlaubt (%(mb)s MB) und wurde abgebrochen. Bitte kürzen "
                "Sie sehr lange Texte."
            )
            % {"mb": speicher_mb}
        )
    logger.error("PDF-Erstellung fehlgeschlagen: %s", wert)
    raise PdfFehler(_("Das PDF ließ sich nicht setzen. Das Projektteam findet die Ursache im Protokoll."))
