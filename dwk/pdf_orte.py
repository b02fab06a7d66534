"""Where the files a PDF may load lie, and the PDF's fixed options: the part of setting a PDF that needs
neither Django nor WeasyPrint.

``dwk.pdf`` (in the web process) and ``dwk.pdf_setzen`` (in the render's child process) share it. It is
a module of its own so that loading the URLs does not load WeasyPrint (about a second of CPU for
every process that starts: each manage.py command runs the URL checks); WeasyPrint is imported by
``dwk.pdf_setzen`` only, when a PDF is set.
"""

import os
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

PDF_BASE_URL = "https://dwk.invalid/"
PDF_VARIANT = "pdf/a-3b"
# Tagged (structure tree from the HTML), so screen readers and reflow work; PDF/A-3b allows it.
PDF_OPTIONEN = {"pdf_variant": PDF_VARIANT, "pdf_tags": True, "uncompressed_pdf": False}
# In a document of several parts each part knows only its own number of pages: the footer says
# "Seite n" (running through all parts) without "von …".
FUSSZEILE = '@page { @bottom-right { content: "Seite " counter(page) !important; } }'
# Logged for every resource a fetcher refused (by the calling process, for a render in the child).
ABGELEHNT = "PDF: Ressource abgelehnt (nur data:, Static- und Mediendateien erlaubt): %.200s"


@dataclass(frozen=True)
class Fundorte:
    """Where the files a PDF may load lie: static files (in the order the staticfiles finders search
    them, each folder with its URL prefix, then ``STATIC_ROOT``) and media files (``MEDIA_ROOT``)."""

    static_url: str  # absolute, below PDF_BASE_URL, e.g. https://dwk.invalid/static/
    media_url: str
    static_ordner: tuple[tuple[str, str], ...]  # (prefix, folder), e.g. ("", "/app/static")
    static_root: str
    media_root: str

    def static_wurzeln(self) -> list[str]:
        """Every folder static files are served from."""
        return [ordner for _praefix, ordner in self.static_ordner] + ([self.static_root] if self.static_root else [])

    def static_datei(self, relativ: str) -> str | None:
        """The real path of the static file ``relativ`` (as the finders find it), or None."""
        if not sicherer_relativer_pfad(relativ):
            return None
        for praefix, ordner in self.static_ordner:
            rest = relativ
            if praefix:
                if not relativ.startswith(praefix + "/"):
                    continue
                rest = relativ[len(praefix) + 1 :]
            gefunden = innerhalb(os.path.join(ordner, rest), [ordner])
            if gefunden:
                return gefunden
        return innerhalb(os.path.join(self.static_root, relativ), [self.static_root]) if self.static_root else None

    def medien_datei(self, relativ: str) -> str | None:
        """The real path of the media file ``relativ``, or None."""
        if not self.media_root or not sicherer_relativer_pfad(relativ):
            return None
        return innerhalb(os.path.join(self.media_root, relativ), [self.media_root])

    def lokaler_pfad(self, url: str) -> str | None:
        """The real path of the allowed file ``url`` points to, or ``None`` when it is not allowed."""
        try:
            teile = urlsplit(url)
        except ValueError:
            return None
        schema = teile.scheme.lower()
        if schema == "file":
            if teile.netloc not in ("", "localhost"):
                return None
            wurzeln = self.static_wurzeln() + ([self.media_root] if self.media_root else [])
            return innerhalb(url2pathname(unquote(teile.path)), wurzeln)
        if schema not in ("http", "https"):
            return None
        ohne_anfrage = teile._replace(query="", fragment="").geturl()
        for praefix, suchen in ((self.static_url, self.static_datei), (self.media_url, self.medien_datei)):
            if ohne_anfrage.startswith(praefix):
                return suchen(unquote(ohne_anfrage[len(praefix) :]))
        return None


def sicherer_relativer_pfad(relativ: str) -> bool:
    """Whether ``relativ`` is a plain relative path: no empty, ``.`` or ``..`` part, no backslash, no NUL."""
    if not relativ or "\x00" in relativ or "\\" in relativ or relativ.startswith("/"):
        return False
    return all(teil not in ("", ".", "..") for teil in relativ.split("/"))


def innerhalb(pfad: str, wurzeln: list[str]) -> str | None:
    """``pfad`` resolved, if it is an existing file inside one of ``wurzeln`` (resolved too), else ``None``."""
    echt = os.path.realpath(pfad)
    if not os.path.isfile(echt):
        return None
    for wurzel in wurzeln:
        echte_wurzel = os.path.realpath(wurzel)
        if os.path.commonpath([echt, echte_wurzel]) == echte_wurzel:
            return echt
    return None


def kind_starten(*argumente) -> None:
    """The entry of the render's child process (``berichte.services.rendern``): ``dwk.pdf_setzen.kind``,
    named here so that the calling process starts the child without importing WeasyPrint itself (the
    fork server the child comes from has ``dwk.pdf_setzen`` loaded already)."""
    from dwk.pdf_setzen import kind  # loaded in the fork server, see the docstring

    kind(*argumente)
