"""Rendering PDFs with WeasyPrint, and the only resources a PDF may load.

PDF templates link stylesheets and images as web pages do (``{% static 'css/pdf.css' %}``,
``{{ foto.datei.url }}``). They are rendered against the pseudo-origin ``PDF_BASE_URL``
(``https://dwk.invalid/``; the top-level domain ``.invalid`` never resolves, RFC 2606), so
``/static/css/pdf.css`` becomes ``https://dwk.invalid/static/css/pdf.css``.
``pdf_url_fetcher()`` maps such URLs to files on disk and never opens a network connection:

- ``data:`` URIs are decoded;
- ``<PDF_BASE_URL>/<STATIC_URL>…`` is looked up with the staticfiles finders (so it works
  without ``collectstatic``), then in ``STATIC_ROOT``;
- ``<PDF_BASE_URL>/<MEDIA_URL>…`` is looked up in ``MEDIA_ROOT``;
- ``file://`` URLs are read only when the file lies inside one of those folders.

Every real path is resolved with ``os.path.realpath`` and must lie inside an allowed folder,
so neither ``..`` nor a symbolic link leads out. Everything else (http, https to any other
host, ftp, other files) is refused: the fetcher logs a warning and raises ``ValueError``,
which WeasyPrint treats as a missing resource; the PDF is still rendered without it.
"""

import hashlib
import logging
import os
import re
from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.utils import timezone

# The PDF origin, variant and options live where the render's child process can import them without
# Django; they are named here too, for the modules that render in this process. WeasyPrint itself
# (``dwk.pdf_setzen``) is imported only when a PDF is rendered: importing it costs about a second of
# CPU, which every process that loads the URLs would pay (each manage.py command runs the URL checks).
from dwk.pdf_orte import PDF_BASE_URL, PDF_OPTIONEN, PDF_VARIANT, Fundorte  # noqa: F401

logger = logging.getLogger(__name__)

# WeasyPrint lays boxes out recursively, one Python frame (or several) per level of nesting: a document
# nested thousands of levels deep exhausts the stack only after many seconds (RecursionError). Our
# templates nest about 15 levels; Markdown texts add their quotes and lists. 140 nested blocks already
# fail in WeasyPrint 70 with tags (measured); 100 leaves a margin.
MAX_VERSCHACHTELUNG = 100
# HTML elements that never have an end tag.
_LEERE_ELEMENTE = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()  # noqa: SIM905
)


class PdfFehler(ValueError):
    """A document that cannot be rendered; the message says in German what and why."""


class _Tiefe(HTMLParser):
    """The deepest nesting of elements in an HTML text (end tags close up to their start tag)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stapel, self.tiefste = [], 0

    def handle_starttag(self, tag, attrs):
        if tag not in _LEERE_ELEMENTE:
            self.stapel.append(tag)
            self.tiefste = max(self.tiefste, len(self.stapel))

    def handle_endtag(self, tag):
        if tag in self.stapel:
            while self.stapel.pop() != tag:
                pass


def verschachtelungstiefe(html: str) -> int:
    """How many elements lie inside each other at the deepest point of ``html``."""
    zaehler = _Tiefe()
    zaehler.feed(html)
    zaehler.close()
    return zaehler.tiefste


def fundorte() -> Fundorte:
    """Where static and media files lie, from the settings and the staticfiles finders (searched in
    their order: the folders of ``STATICFILES_DIRS`` with their prefixes, then each app's ``static``
    folder), for a fetcher that needs no Django (``dwk.pdf_setzen``)."""
    ordner = []
    for finder in finders.get_finders():
        if hasattr(finder, "locations"):  # FileSystemFinder: STATICFILES_DIRS
            ordner += [(praefix or "", str(wurzel)) for praefix, wurzel in finder.locations]
        elif hasattr(finder, "apps"):  # AppDirectoriesFinder
            for app in finder.apps:
                ablage = finder.storages[app]
                ordner.append((getattr(ablage, "prefix", None) or "", str(ablage.location)))
        elif getattr(getattr(finder, "storage", None), "location", None):
            ordner.append(("", str(finder.storage.location)))
    return Fundorte(
        static_url=urljoin(PDF_BASE_URL, settings.STATIC_URL),
        media_url=urljoin(PDF_BASE_URL, settings.MEDIA_URL),
        static_ordner=tuple(ordner),
        static_root=str(settings.STATIC_ROOT or ""),
        media_root=str(settings.MEDIA_ROOT or ""),
    )


def pdf_url_fetcher(**kwargs):
    """A ``dwk.pdf_setzen.DateiFetcher`` for this process's settings: only ``data:`` URIs and our static
    and media files."""
    from dwk.pdf_setzen import DateiFetcher  # WeasyPrint on first use, see the imports above

    return DateiFetcher(fundorte(), **kwargs)


def _verschachtelt_text(tiefe):
    return (
        f"Das PDF lässt sich nicht erzeugen: Ein Text ist zu tief verschachtelt ({tiefe} Ebenen ineinander, "
        f"höchstens {MAX_VERSCHACHTELUNG}), etwa durch sehr viele ineinanderliegende Zitate oder Listen. "
        "Bitte kürzen Sie die Verschachtelung in diesem Text."
    )


def render_pdf(html, *, title, author, lang="de", base_url=PDF_BASE_URL, url_fetcher=None, zeitpunkt=None):
    """Render the HTML string ``html`` to tagged PDF/A-3b bytes.

    ``zeitpunkt`` (a datetime) is written as the creation and modification date; without it, now.
    With the same HTML and ``zeitpunkt`` the bytes are the same on every call (WeasyPrint derives
    the file identifier from the content), so a released document can be rendered again identically.

    Resources are loaded only through ``pdf_url_fetcher()`` (see the module docstring). HTML nested more
    than ``MAX_VERSCHACHTELUNG`` levels deep is refused at once with a ``PdfFehler`` (a German message),
    before WeasyPrint would spend seconds on it and fail anyway. The
    document's title, author (the Kommune, for our reports) and language are written to the
    PDF's info dictionary and its XMP metadata; they override ``<title>``, ``<meta
    name="author">`` and ``<html lang>`` of the HTML. With our fetcher and origin the PDF comes from
    the cache when the same HTML was rendered before (``pdf_zwischengespeichert``; without
    ``zeitpunkt`` its date is then that of the first rendering).
    """
    tiefe = verschachtelungstiefe(html)
    if tiefe > MAX_VERSCHACHTELUNG:
        raise PdfFehler(_verschachtelt_text(tiefe))

    def rendern():
        return _rendern(
            html,
            title=title,
            author=author,
            lang=lang,
            base_url=base_url,
            url_fetcher=url_fetcher,
            zeitpunkt=zeitpunkt,
            tiefe=tiefe,
        )

    if url_fetcher is not None or base_url != PDF_BASE_URL:
        return rendern()
    angaben = {"title": title, "author": author, "lang": lang, "zeitpunkt": zeitpunkt and zeitpunkt.isoformat()}
    return pdf_zwischengespeichert(teile=[html], angaben=angaben, rendern=rendern)


def _rendern(html, *, title, author, lang, base_url, url_fetcher, zeitpunkt, tiefe):
    from weasyprint import HTML  # on first use, see the imports above

    from dwk.pdf_setzen import metadaten_setzen  # on first use, see the imports above

    fetcher = url_fetcher or pdf_url_fetcher()
    try:
        dokument = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(**PDF_OPTIONEN)
    except RecursionError as fehler:
        raise PdfFehler(_verschachtelt_text(tiefe)) from fehler
    jetzt = timezone.localtime(zeitpunkt).isoformat(timespec="seconds")
    metadaten_setzen(dokument, titel=title, autor=author, lang=lang, zeitpunkt=jetzt)
    return dokument.write_pdf(**PDF_OPTIONEN)


# Resources a PDF's HTML names by URL below the pseudo-origin: their files are part of the cache key.
_RESSOURCE = re.compile(r"""(?:https://dwk\.invalid)?(/(?:static|media)/[^"'()\s<>]+)""")


def _ressourcen_abdruck(teile: list[str]) -> str | None:
    """Path, size and modification time of every static or media file ``teile`` link (a stylesheet,
    a photo's print derivative); None when one cannot be read here (e.g. media in object storage),
    so that such a PDF is never taken from the cache."""
    abdruck = []
    orte = fundorte()
    for pfad in sorted({m for teil in teile for m in _RESSOURCE.findall(teil)}):
        if pfad.startswith(settings.STATIC_URL):
            datei = orte.static_datei(unquote(pfad[len(settings.STATIC_URL) :]))
        elif pfad.startswith(settings.MEDIA_URL):
            datei = orte.medien_datei(unquote(pfad[len(settings.MEDIA_URL) :]))
        else:
            continue
        if datei is None:
            return None
        stat = os.stat(datei)
        abdruck.append(f"{pfad}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(abdruck)


def pdf_zwischengespeichert(*, teile: list[str], angaben: dict, rendern: Callable[[], bytes]) -> bytes:
    """The PDF of the HTML documents ``teile`` with the metadata ``angaben`` (title, author, date …),
    from the cache when the same documents were rendered before, else ``rendern()`` (then cached).

    The key is the SHA-256 of the HTML, the metadata and the files the HTML links (size and time of
    each stylesheet and photo), so it can never return a PDF of other content; nothing needs clearing
    when data change. WeasyPrint is the expensive part of every PDF (seconds), building the HTML is
    cheap: repeated downloads of an unchanged Kommunalprofil, progress report or documentation cost
    the HTML only. Off with ``DWK_PDF_CACHE_SEKUNDEN = 0``; PDFs over 20 MB and failed renders are not
    kept; a PDF whose linked files cannot be read here is rendered every time, and so is every PDF
    while the cache cannot be reached (logged)."""
    sekunden = settings.DWK_PDF_CACHE_SEKUNDEN
    ressourcen = _ressourcen_abdruck(teile) if sekunden else None
    if ressourcen is None:
        return rendern()
    summe = hashlib.sha256()
    for teil in [*teile, repr(sorted(angaben.items())), ressourcen]:
        summe.update(teil.encode())
        summe.update(b"\0")
    schluessel = "pdf:" + summe.hexdigest()
    try:
        pdf = cache.get(schluessel)
    except Exception:  # noqa: BLE001 -- an unreachable cache must never cost the PDF
        logger.warning("PDF-Cache nicht erreichbar; das PDF wird ohne Cache gesetzt.", exc_info=True)
        return rendern()
    if pdf is None:
        pdf = rendern()
        if len(pdf) <= 20 * 1024 * 1024:
            try:
                cache.set(schluessel, pdf, timeout=sekunden)
            except Exception:  # noqa: BLE001 -- as above
                logger.warning("PDF-Cache nicht erreichbar; das PDF wird nicht behalten.", exc_info=True)
    return pdf
