"""Rendering report PDFs in a child process with a time and a memory limit.

The web request (or the background job) reads the database and renders the HTML itself; only
WeasyPrint, which may run long or take much memory on a hostile or huge text, runs in a child
process (``pdf_abgeschottet``). The child is forked from multiprocessing's small fork server, which
has only ``dwk.pdf_setzen`` (WeasyPrint, no Django) loaded — not from this process, whose address
space may be large (a long-running worker) and would count against the child's limit. The child gets
an address-space limit (``RLIMIT_AS``, ``DWK_PDF_MAX_SPEICHER_MB``: the whole render, about 70 MB of
it WeasyPrint's libraries) and is killed after ``DWK_PDF_MAX_SEKUNDEN``; it has no database
connection and no settings (the folders the PDF may read travel as ``dwk.pdf.fundorte()``). Every
failure becomes ``PdfFehler`` with one German sentence.

Several HTML documents (the cover letter, then each quarter profile) become one PDF: each is laid
out with its page counter starting after the pages before it (``@page:first{counter-reset}``), so
page numbers run through, and their pages are joined into one document whose bookmarks are the
headings of all parts (WeasyPrint's documented way of merging documents).
"""

import datetime
import logging
import multiprocessing

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

# PdfFehler: a PDF could not be made; ``str()`` is German for the user (one class for dwk.pdf and here).
from dwk import pdf_orte
from dwk.pdf import MAX_VERSCHACHTELUNG, PdfFehler, fundorte, pdf_zwischengespeichert, verschachtelungstiefe

logger = logging.getLogger(__name__)


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


def _kontext() -> multiprocessing.context.ForkServerContext:
    """multiprocessing's fork server, started on the first PDF of this process with WeasyPrint loaded."""
    kontext = multiprocessing.get_context("forkserver")
    kontext.set_forkserver_preload(["__main__", "dwk.pdf_setzen"])
    return kontext


def _im_kindprozess(
    teile: list[str], titel: str, autor: str, zeitpunkt: datetime.datetime | None, sekunden: int, speicher_mb: int
) -> bytes:
    """The rendering of ``pdf_abgeschottet`` in a child of the fork server, within the limits."""
    zeit = timezone.localtime(zeitpunkt or timezone.now()).isoformat(timespec="seconds")
    kontext = _kontext()
    empfang, senden = kontext.Pipe(duplex=False)
    prozess = kontext.Process(
        target=pdf_orte.kind_starten, args=(senden, teile, titel, autor, zeit, fundorte(), speicher_mb), daemon=True
    )
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
        pdf, abgelehnt = wert
        for url in abgelehnt:
            logger.warning(pdf_orte.ABGELEHNT, url)
        return pdf
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
