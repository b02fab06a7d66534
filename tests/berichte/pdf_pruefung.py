"""Checks of a finished PDF for the archive (PDF/A-3b) and for screen readers (tagging), used by the tests.

veraPDF, the reference validator, is a Java program distributed neither on PyPI, npm nor in Debian, so
it cannot be installed here. What runs instead, in every ``make test``:

1. ``qpdf --check`` (Debian package ``qpdf``, in the Makefile's APT_TEST): the file's syntax, cross
   reference table, object streams and every stream decode without error or warning.
2. The machine-checkable rules of ISO 19005-3 (PDF/A-3b) and of the tagging that WeasyPrint writes,
   read back with pypdf (``pdfa_fehler``): XMP metadata with ``pdfaid:part=3``/``conformance=B`` that
   agrees with the info dictionary (title, author, producer, dates), an output intent with an embedded
   ICC profile, a file identifier, no encryption, no JavaScript or launch actions, no embedded files
   (a profile has no attachments), every font embedded, a structure tree with ``MarkInfo/Marked``,
   a document language, the title shown instead of the file name (``DisplayDocTitle``), and
   alternative text on every figure — the structural requirements PDF/UA-1 shares with tagging.

WeasyPrint 70 writes one variant only (``pdf_variant``): ``pdf/a-3b`` with ``pdf_tags=True`` gives a
tagged PDF/A-3b, but it cannot also declare PDF/UA (WeasyPrint issue 2783, open), and its running
headers and footers are neither tagged nor marked as artifacts in PDF 1.7, which PDF/UA-1 requires;
so the files do not claim PDF/UA.

Each function returns a list of German findings; an empty list means the file passed.
"""

import re
import shutil
import subprocess
from xml.etree import ElementTree

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}


def qpdf_fehler(pfad: str) -> list[str]:
    """Findings of ``qpdf --check`` (exit status 0: no errors, 3: warnings, 2: errors)."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        return ["qpdf ist nicht installiert (make setup-test installiert es)."]
    lauf = subprocess.run([qpdf, "--check", pfad], capture_output=True, text=True, check=False)  # noqa: S603
    if lauf.returncode == 0 and "No syntax or stream encoding errors found" in lauf.stdout:
        return []
    return [f"qpdf --check (Status {lauf.returncode}): {lauf.stdout.strip()} {lauf.stderr.strip()}"]


def _aufloesen(objekt):
    return objekt.get_object() if isinstance(objekt, IndirectObject) else objekt


def _xmp_werte(reader: PdfReader) -> dict[str, str]:
    metadaten = _aufloesen(reader.trailer["/Root"].get("/Metadata"))
    if metadaten is None:
        return {}
    xml = ElementTree.fromstring(metadaten.get_data())  # noqa: S314 -- our own renderer's XMP
    werte = {}
    for beschreibung in xml.iter(f"{{{NS['rdf']}}}Description"):
        for name, wert in beschreibung.attrib.items():
            werte[name] = wert
        for kind in beschreibung:
            texte = [t.strip() for t in kind.itertext() if t.strip()]
            werte[kind.tag] = " ".join(texte)
    return werte


def _schriften(reader: PdfReader):
    """Every font dictionary used on a page (including descendant fonts of Type0 fonts)."""
    gesehen = set()
    for seite in reader.pages:
        ressourcen = _aufloesen(seite.get("/Resources")) or {}
        stapel = [ressourcen]
        while stapel:
            res = _aufloesen(stapel.pop()) or {}
            for schrift in (_aufloesen(res.get("/Font")) or {}).values():
                schrift = _aufloesen(schrift)
                if id(schrift) in gesehen:
                    continue
                gesehen.add(id(schrift))
                yield schrift
                for nachfahre in _aufloesen(schrift.get("/DescendantFonts")) or []:
                    yield _aufloesen(nachfahre)
            for xobjekt in (_aufloesen(res.get("/XObject")) or {}).values():
                xobjekt = _aufloesen(xobjekt)
                if xobjekt.get("/Subtype") == "/Form" and "/Resources" in xobjekt:
                    stapel.append(xobjekt["/Resources"])


def schriftnamen(reader: PdfReader) -> list[str]:
    """The names (/BaseFont) of every font used on a page, sorted."""
    return sorted(str(schrift["/BaseFont"]) for schrift in _schriften(reader) if "/BaseFont" in schrift)


def schriften_nicht_eingebettet(reader: PdfReader) -> list[str]:
    fehlend = []
    for schrift in _schriften(reader):
        if schrift.get("/Subtype") == "/Type0":
            continue  # embedded through its descendant font
        if schrift.get("/Subtype") == "/Type3":
            continue  # glyphs are content streams
        deskriptor = _aufloesen(schrift.get("/FontDescriptor")) or {}
        if not any(k in deskriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            fehlend.append(str(schrift.get("/BaseFont")))
    return fehlend


def figuren_ohne_alt(reader: PdfReader) -> tuple[int, list[str]]:
    """(number of /Figure elements, descriptions of those without /Alt) in the structure tree."""
    wurzel = _aufloesen(reader.trailer["/Root"].get("/StructTreeRoot"))
    anzahl, ohne = 0, []
    stapel = [wurzel] if wurzel is not None else []
    while stapel:
        element = _aufloesen(stapel.pop())
        if isinstance(element, ArrayObject):
            stapel.extend(element)
            continue
        if not isinstance(element, DictionaryObject):
            continue
        if element.get("/S") == "/Figure":
            anzahl += 1
            if not str(element.get("/Alt", "")).strip():
                ohne.append(str(element.get("/A", "")))
        kinder = element.get("/K")
        if kinder is not None:
            stapel.append(kinder)
    return anzahl, ohne


def _hat_schluessel(objekt, schluessel: str, tiefe: int = 0, gesehen: set | None = None) -> bool:
    gesehen = set() if gesehen is None else gesehen
    objekt = _aufloesen(objekt)
    if id(objekt) in gesehen or tiefe > 40:
        return False
    gesehen.add(id(objekt))
    if isinstance(objekt, DictionaryObject):
        if schluessel in objekt:
            return True
        return any(_hat_schluessel(w, schluessel, tiefe + 1, gesehen) for k, w in objekt.items() if k != "/Parent")
    if isinstance(objekt, ArrayObject):
        return any(_hat_schluessel(w, schluessel, tiefe + 1, gesehen) for w in objekt)
    return False


def pdfa_fehler(reader: PdfReader) -> list[str]:
    """The rules of PDF/A-3b and of tagging listed in the module docstring that ``reader``'s file breaks."""
    fehler = []
    katalog = reader.trailer["/Root"]
    xmp = _xmp_werte(reader)
    teil = xmp.get(f"{{{NS['pdfaid']}}}part")
    konformitaet = xmp.get(f"{{{NS['pdfaid']}}}conformance")
    if (teil, konformitaet) != ("3", "B"):
        fehler.append(f"XMP: pdfaid:part/conformance ist {teil}/{konformitaet}, erwartet 3/B.")
    info = reader.metadata or {}
    titel_xmp = xmp.get(f"{{{NS['dc']}}}title", "")
    if info.get("/Title") and info.get("/Title") not in titel_xmp:
        fehler.append(f"Titel im Info-Verzeichnis ({info.get('/Title')!r}) fehlt im XMP (dc:title {titel_xmp!r}).")
    autor_xmp = xmp.get(f"{{{NS['dc']}}}creator", "")
    if info.get("/Author") and info.get("/Author") not in autor_xmp:
        fehler.append(f"Autor im Info-Verzeichnis ({info.get('/Author')!r}) fehlt im XMP (dc:creator).")
    if info.get("/Producer") and info.get("/Producer") != xmp.get(f"{{{NS['pdf']}}}Producer"):
        fehler.append("Producer im Info-Verzeichnis und im XMP unterscheiden sich.")
    if "/CreationDate" in info and not re.match(r"\d{4}-\d{2}-\d{2}T", xmp.get(f"{{{NS['xmp']}}}CreateDate", "")):
        fehler.append("XMP: xmp:CreateDate fehlt oder ist kein Datum.")
    absichten = _aufloesen(katalog.get("/OutputIntents")) or []
    if not any(_aufloesen(a).get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in _aufloesen(a) for a in absichten):
        fehler.append("Keine Output-Intent GTS_PDFA1 mit eingebettetem ICC-Profil.")
    if "/ID" not in reader.trailer:
        fehler.append("Trailer ohne Dateikennung (/ID).")
    if reader.is_encrypted:
        fehler.append("Datei ist verschlüsselt.")
    namen = _aufloesen(katalog.get("/Names")) or {}
    if "/EmbeddedFiles" in namen or "/AF" in katalog:
        fehler.append("Datei hat Anhänge (EmbeddedFiles/AF).")
    if "/JavaScript" in namen or _hat_schluessel(katalog.get("/OpenAction"), "/JS"):
        fehler.append("Datei enthält JavaScript.")
    for seite in reader.pages:
        for anmerkung in _aufloesen(seite.get("/Annots")) or []:
            aktion = _aufloesen(_aufloesen(anmerkung).get("/A")) or {}
            if aktion.get("/S") in ("/Launch", "/JavaScript", "/ImportData", "/ResetForm"):
                fehler.append(f"Verbotene Aktion {aktion.get('/S')} in einer Anmerkung.")
    if (nicht := schriften_nicht_eingebettet(reader)) != []:
        fehler.append(f"Schriften nicht eingebettet: {', '.join(nicht)}.")
    if "/StructTreeRoot" not in katalog:
        fehler.append("Keine Strukturbaum (nicht getaggt).")
    if not (_aufloesen(katalog.get("/MarkInfo")) or {}).get("/Marked"):
        fehler.append("MarkInfo/Marked fehlt.")
    if not str(katalog.get("/Lang", "")).strip():
        fehler.append("Keine Dokumentsprache (/Lang).")
    if str((_aufloesen(katalog.get("/ViewerPreferences")) or {}).get("/DisplayDocTitle", "")).lower() != "true":
        fehler.append("ViewerPreferences/DisplayDocTitle fehlt (Titel statt Dateiname in der Titelleiste).")
    _anzahl, ohne_alt = figuren_ohne_alt(reader)
    if ohne_alt:
        fehler.append(f"{len(ohne_alt)} Abbildung(en) ohne Alternativtext.")
    return fehler
