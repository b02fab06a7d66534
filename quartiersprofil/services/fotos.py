"""The photo pipeline: check, read and re-encode uploaded photos.

Every upload is decoded (its type comes from the content, never from the file name), turned
upright by its EXIF orientation, converted to sRGB and written again as JPEG without any
metadata (no EXIF, no XMP, no ICC profile, no comments). The GPS position and the time of
capture are read before and returned as values, so they end up in the database
(``Foto.standort``, ``Foto.aufgenommen_am``) and in no file.

Three files per photo: ``datei`` (full size, capped), ``web`` (pages) and ``druck`` (about
150 dpi for half a printed page). Pages and PDFs use ``web`` and ``druck`` only.

Two steps, so that a request never decodes more than it can afford:

- ``fotos_vorpruefen`` reads only headers and file structure (milliseconds per photo): how many
  photos, their size in bytes, format, pixels per photo and per upload (settings
  ``DWK_FOTO_MAX_ANZAHL``, ``DWK_FOTO_MAX_BYTES``, ``DWK_FOTO_MAX_PIXEL``,
  ``DWK_FOTO_MAX_PIXEL_JE_UPLOAD``), and whether the file is complete.
- ``foto_verarbeiten`` decodes and re-encodes one photo (about a second for 12 megapixels).

Truncated and broken files: WeasyPrint sets Pillow's process-wide
``ImageFile.LOAD_TRUNCATED_IMAGES`` to True when it is imported, and then Pillow fills a cut-off
JPEG or PNG with grey, and ignores a decoder error, instead of failing. The check here does not
depend on that flag. The pre-check verifies the file structure itself: a JPEG must run from SOI
through its scans to the EOI marker (``_jpeg_vollstaendig``), a PNG must pass ``Image.verify()``
(every chunk read with its checksum up to IEND); WebP is decoded by libwebp, which refuses
incomplete files whatever the flag says. The decode itself then runs with the flag switched off
(``_streng_dekodieren``), so a file whose structure is whole but whose image data is broken (e.g.
a PNG with corrupt compressed data under valid checksums) is refused too.

This module only reads and computes; the services ``fotos_hochladen`` (``begehungen``) and
``fotos_einreihen`` (``fotos_im_hintergrund``) store the results.
"""

import contextlib
import datetime
import io
import re
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, TypeVar

from django.conf import settings
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

T = TypeVar("T")
ERLAUBTE_FORMATE = {"JPEG", "PNG", "WEBP"}
# Long side of the stored full-size image, of the web derivative; width of the print derivative
# (a half A4 page is about 18.5 cm wide: 18.5 / 2.54 × 150 dpi ≈ 1100 px).
GROESSE_DATEI = 4000
GROESSE_WEB = 1280
BREITE_DRUCK = 1100
JPEG_QUALITAET = 85

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
DATETIME_ORIGINAL = 0x9003

# Pillow refuses larger images itself (DecompressionBombError above twice this value); we
# refuse anything above it, see ``_kopf_lesen``.
Image.MAX_IMAGE_PIXELS = settings.DWK_FOTO_MAX_PIXEL

# The next marker after entropy-coded JPEG data: 0xFF followed by anything but a stuffed zero,
# a restart marker (D0–D7) or another fill byte.
_JPEG_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


@dataclass
class VerarbeitetesFoto:
    """A photo ready to be stored: three JPEGs without metadata and what was read from them."""

    name: str
    datei: bytes
    web: bytes
    druck: bytes
    breite: int
    hoehe: int
    standort: Point | None
    aufgenommen_am: datetime.datetime | None


@dataclass
class GeprueftesFoto:
    """What the pre-check learnt about one upload without decoding it."""

    name: str
    format: str
    breite: int
    hoehe: int

    @property
    def pixel(self) -> int:
        return self.breite * self.hoehe


def _fehler(name: str, text: str) -> ValidationError:
    return ValidationError(_("„%(name)s“: %(text)s") % {"name": name, "text": text}, code="foto")


def _megapixel(pixel: int) -> str:
    return f"{pixel / 1_000_000:.0f}" if pixel >= 10_000_000 else f"{pixel / 1_000_000:.1f}".replace(".", ",")


def _name(datei: IO[bytes], name: str | None = None) -> str:
    return name or getattr(datei, "name", None) or _("ohne Namen")


def _groesse(datei: IO[bytes]) -> int:
    groesse = getattr(datei, "size", None)
    if groesse is None:
        datei.seek(0, io.SEEK_END)
        groesse = datei.tell()
    return groesse


def _jpeg_vollstaendig(daten: bytes) -> bool:
    """Whether a JPEG runs from SOI through its segments and scans to the EOI marker.

    Walks the marker segments by their lengths and skips each scan's entropy-coded data to the
    next marker. A file cut anywhere before its end has no EOI after its last scan.
    """
    if not daten.startswith(b"\xff\xd8"):
        return False
    stelle, ende, scan_gesehen = 2, len(daten), False
    while stelle + 1 < ende:
        if daten[stelle] != 0xFF:
            return False
        marker = daten[stelle + 1]
        if marker == 0xFF:  # fill byte before a marker
            stelle += 1
            continue
        if marker == 0xD9:  # EOI
            return scan_gesehen
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            stelle += 2
            continue
        if stelle + 4 > ende:
            return False
        laenge = int.from_bytes(daten[stelle + 2 : stelle + 4], "big")
        stelle += 2 + laenge
        if laenge < 2 or stelle > ende:
            return False
        if marker == 0xDA:  # SOS: entropy-coded data up to the next marker
            scan_gesehen = True
            naechster = _JPEG_MARKER.search(daten, stelle)
            if naechster is None:
                return False
            stelle = naechster.start()
    return False


def _vollstaendig(daten: bytes, format: str) -> bool:
    """Whether the file is complete, checked without ``ImageFile.LOAD_TRUNCATED_IMAGES`` (see above)."""
    if format == "JPEG":
        return _jpeg_vollstaendig(daten)
    if format == "PNG":
        try:
            with Image.open(io.BytesIO(daten)) as bild:
                bild.verify()
        except (OSError, SyntaxError, ValueError, EOFError):
            return False
    # WebP: libwebp refuses incomplete files when the image is opened and decoded.
    return True


def _unlesbar(name: str) -> ValidationError:
    return _fehler(name, _("Die Datei ist kein lesbares Foto (JPEG, PNG oder WebP) oder sie ist beschädigt."))


def _zu_viele_pixel(name: str, breite: int, hoehe: int) -> ValidationError:
    return _fehler(
        name,
        _("Das Bild hat %(ist)s Megapixel (%(breite)s × %(hoehe)s); höchstens %(mp)s Megapixel sind erlaubt.")
        % {
            "ist": _megapixel(breite * hoehe),
            "breite": breite,
            "hoehe": hoehe,
            "mp": _megapixel(settings.DWK_FOTO_MAX_PIXEL),
        },
    )


def _kopf_lesen(daten: bytes, name: str) -> Image.Image:
    """Open (not decode) ``daten``; refuse what is no JPEG/PNG/WebP image or has too many pixels."""
    max_pixel = settings.DWK_FOTO_MAX_PIXEL
    try:
        with warnings.catch_warnings():
            # Above DWK_FOTO_MAX_PIXEL Pillow warns (and refuses above twice as much); the size is
            # checked below, so the message can name it.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            bild = Image.open(io.BytesIO(daten))
    except Image.DecompressionBombError:
        raise _fehler(
            name,
            _("Das Bild hat zu viele Bildpunkte (höchstens %(mp)s Megapixel erlaubt).") % {"mp": _megapixel(max_pixel)},
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _unlesbar(name) from None
    if bild.format not in ERLAUBTE_FORMATE:
        raise _fehler(name, _("Nur Fotos im Format JPEG, PNG oder WebP sind erlaubt."))
    breite, hoehe = bild.size
    if breite * hoehe > max_pixel:
        raise _zu_viele_pixel(name, breite, hoehe)
    return bild


def _lesen(datei: IO[bytes], name: str) -> bytes:
    groesse = _groesse(datei)
    if groesse > settings.DWK_FOTO_MAX_BYTES:
        raise _fehler(
            name,
            _("Die Datei ist %(groesse)s groß; erlaubt sind höchstens %(max)s je Foto.")
            % {"groesse": filesizeformat(groesse), "max": filesizeformat(settings.DWK_FOTO_MAX_BYTES)},
        )
    datei.seek(0)
    return datei.read()


def foto_vorpruefen(datei: IO[bytes], *, name: str | None = None) -> GeprueftesFoto:
    """Check one upload without decoding it: size in bytes, format, pixels, complete file.

    Raises a ValidationError naming the file. Reads the file into memory once (at most
    ``DWK_FOTO_MAX_BYTES``); cheap enough for every photo of an upload inside the request.
    """
    name = _name(datei, name)
    daten = _lesen(datei, name)
    bild = _kopf_lesen(daten, name)
    if not _vollstaendig(daten, bild.format):
        raise _fehler(name, _("Die Datei ist unvollständig (abgeschnitten, etwa bei einer abgebrochenen Übertragung)."))
    return GeprueftesFoto(name=name, format=bild.format, breite=bild.width, hoehe=bild.height)


def fotos_vorpruefen(dateien: Sequence[IO[bytes]]) -> list[GeprueftesFoto]:
    """Check a whole upload without decoding it; raises one ValidationError listing every problem.

    Refuses an empty upload, more than ``DWK_FOTO_MAX_ANZAHL`` photos (before any file is read),
    every file that ``foto_vorpruefen`` refuses, and more than ``DWK_FOTO_MAX_PIXEL_JE_UPLOAD``
    pixels together. Stores nothing.
    """
    if not dateien:
        raise ValidationError(_("Bitte wählen Sie mindestens ein Foto aus."), code="leer")
    max_anzahl = settings.DWK_FOTO_MAX_ANZAHL
    if len(dateien) > max_anzahl:
        raise ValidationError(
            [
                ValidationError(
                    _(
                        "Sie haben %(anzahl)s Fotos ausgewählt; höchstens %(max)s Fotos können auf einmal "
                        "hochgeladen werden."
                    )
                    % {"anzahl": len(dateien), "max": max_anzahl},
                    code="zu_viele",
                ),
                _nichts_gespeichert(_("Bitte laden Sie die Fotos in mehreren Teilen hoch.")),
            ]
        )
    geprueft = _jede_datei(foto_vorpruefen, dateien)
    summe, max_summe = sum(g.pixel for g in geprueft), settings.DWK_FOTO_MAX_PIXEL_JE_UPLOAD
    if summe > max_summe:
        raise ValidationError(
            [
                ValidationError(
                    _(
                        "Die %(anzahl)s Fotos haben zusammen %(ist)s Megapixel; höchstens %(max)s Megapixel "
                        "können auf einmal hochgeladen werden."
                    )
                    % {"anzahl": len(geprueft), "ist": _megapixel(summe), "max": _megapixel(max_summe)},
                    code="zu_viele_pixel",
                ),
                _nichts_gespeichert(_("Bitte laden Sie die Fotos in mehreren Teilen hoch.")),
            ]
        )
    return geprueft


def _nichts_gespeichert(rat: str) -> ValidationError:
    return ValidationError(_("Es wurde kein Foto gespeichert.") + " " + rat, code="nichts_gespeichert")


def _bruch(wert: object) -> float:
    return float(wert[0]) / float(wert[1]) if isinstance(wert, tuple) else float(wert)


def _grad(werte: Sequence[object], richtung: object, negativ: str) -> float:
    grad, minuten, sekunden = (_bruch(w) for w in werte)
    zahl = grad + minuten / 60 + sekunden / 3600
    return -zahl if str(richtung).strip().upper() == negativ else zahl


def gps_lesen(exif: Image.Exif) -> Point | None:
    """The GPS position of an EXIF block as a Point (EPSG:4326), or None."""
    gps = exif.get_ifd(GPS_IFD)
    try:
        breite = _grad(gps[2], gps.get(1, "N"), "S")
        laenge = _grad(gps[4], gps.get(3, "E"), "W")
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return None
    if not (-90 <= breite <= 90 and -180 <= laenge <= 180) or (breite == 0 and laenge == 0):
        return None
    return Point(round(laenge, 7), round(breite, 7), srid=4326)


def aufnahmezeit_lesen(exif: Image.Exif) -> datetime.datetime | None:
    """DateTimeOriginal of an EXIF block (local time of the city), or None."""
    wert = exif.get_ifd(EXIF_IFD).get(DATETIME_ORIGINAL)
    if not wert:
        return None
    try:
        zeit = datetime.datetime.strptime(str(wert).strip("\x00 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    return timezone.make_aware(zeit)


def _als_srgb(bild: Image.Image) -> Image.Image:
    """An RGB image in sRGB without any metadata: transparency on white, ICC profile applied."""
    icc = bild.info.get("icc_profile")
    if bild.mode in {"RGBA", "LA", "PA"} or (bild.mode == "P" and "transparency" in bild.info):
        bild = bild.convert("RGBA")
        weiss = Image.new("RGBA", bild.size, (255, 255, 255, 255))
        bild = Image.alpha_composite(weiss, bild)
    if bild.mode != "RGB":
        bild = bild.convert("RGB")
    if icc:
        # A broken profile: keep the colours as they are.
        with contextlib.suppress(ImageCms.PyCMSError, OSError):
            bild = ImageCms.profileToProfile(
                bild, ImageCms.ImageCmsProfile(io.BytesIO(icc)), ImageCms.createProfile("sRGB"), outputMode="RGB"
            )
    # A fresh image carries nothing over from the upload (info, exif, xmp).
    return Image.frombytes("RGB", bild.size, bild.tobytes())


def _jpeg(
    bild: Image.Image, *, lange_seite: int | None = None, breite: int | None = None, fuer_seiten: bool = True
) -> tuple[bytes, tuple]:
    """Encode ``bild`` (reduced to ``lange_seite`` or ``breite``) as JPEG; progressive with optimised
    tables for what pages show, plain for the full-size file (which no page or PDF uses), whose
    progressive encoding would cost about a third of a 12-megapixel photo's processing time."""
    kopie = bild
    if lange_seite and max(bild.size) > lange_seite:
        kopie = bild.copy()
        kopie.thumbnail((lange_seite, lange_seite), Image.Resampling.LANCZOS)
    elif breite and bild.width > breite:
        kopie = bild.resize((breite, round(bild.height * breite / bild.width)), Image.Resampling.LANCZOS)
    puffer = io.BytesIO()
    kopie.save(puffer, format="JPEG", quality=JPEG_QUALITAET, optimize=fuer_seiten, progressive=fuer_seiten)
    return puffer.getvalue(), kopie.size


_STRENG = threading.Lock()


@contextlib.contextmanager
def _streng_dekodieren() -> Iterator[None]:
    """Decode with ``ImageFile.LOAD_TRUNCATED_IMAGES`` off, whatever another library set.

    Pillow reads the flag as a module global at decode time, so it is switched off for the
    decode and restored afterwards; the lock keeps two photo decodes in one process from
    restoring each other's value (photo decodes in one process run one after the other). While a
    photo decodes, another thread of the same process that decodes a truncated image would have
    it refused rather than filled; the app's PDFs embed only photos re-encoded here, never such
    files.
    """
    with _STRENG:
        vorher = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = vorher


def _dekodieren(daten: bytes, name: str) -> Image.Image:
    """Decode a pre-checked photo, no larger than needed for the full-size file.

    A JPEG much larger than ``GROESSE_DATEI`` is decoded at 1/2, 1/4 or 1/8 of its size right away
    (libjpeg's DCT scaling); every image is then reduced to ``GROESSE_DATEI`` before it is turned,
    converted and encoded, so at most one full-resolution copy is ever held in memory.
    """
    bild = _kopf_lesen(daten, name)
    try:
        if bild.format == "JPEG" and max(bild.size) > GROESSE_DATEI:
            faktor = GROESSE_DATEI / max(bild.size)
            bild.draft("RGB", (round(bild.width * faktor), round(bild.height * faktor)))
        with _streng_dekodieren():
            bild.load()
    except (OSError, SyntaxError, ValueError, EOFError):
        raise _unlesbar(name) from None
    if max(bild.size) > GROESSE_DATEI:
        bild.thumbnail((GROESSE_DATEI, GROESSE_DATEI), Image.Resampling.LANCZOS)
    return bild


def foto_verarbeiten(datei: IO[bytes], *, name: str | None = None) -> VerarbeitetesFoto:
    """Check and re-encode one uploaded photo; raises ValidationError naming the file.

    ``datei`` is an uploaded file (or any binary file object with ``size`` or seekable).
    """
    name = _name(datei, name)
    foto_vorpruefen(datei, name=name)
    bild = _dekodieren(_lesen(datei, name), name)
    exif = bild.getexif()
    standort = gps_lesen(exif)
    aufgenommen_am = aufnahmezeit_lesen(exif)
    bild = _als_srgb(ImageOps.exif_transpose(bild))
    voll, (breite, hoehe) = _jpeg(bild, lange_seite=GROESSE_DATEI, fuer_seiten=False)
    web, _groesse_web = _jpeg(bild, lange_seite=GROESSE_WEB)
    druck, _groesse_druck = _jpeg(bild, breite=BREITE_DRUCK)
    return VerarbeitetesFoto(
        name=name,
        datei=voll,
        web=web,
        druck=druck,
        breite=breite,
        hoehe=hoehe,
        standort=standort,
        aufgenommen_am=aufgenommen_am,
    )


def fotos_pruefen(dateien: Sequence[IO[bytes]]) -> list[VerarbeitetesFoto]:
    """Check and re-encode every file of a batch; raises one ValidationError listing every bad file.

    Nothing is stored here; either all files of the batch are usable or the caller gets the
    list of problems. The whole batch passes ``fotos_vorpruefen`` first (limits per photo and
    per upload), so a batch that is too large is refused before any photo is decoded.
    """
    fotos_vorpruefen(dateien)
    return _jede_datei(foto_verarbeiten, dateien)


def _jede_datei(pruefung: Callable[[IO[bytes]], T], dateien: Sequence[IO[bytes]]) -> list[T]:
    """``pruefung`` applied to every file; one ValidationError naming every file that failed."""
    ergebnisse, fehler = [], []
    for datei in dateien:
        try:
            ergebnisse.append(pruefung(datei))
        except ValidationError as e:
            fehler.extend(e.error_list)
    if fehler:
        fehler.append(_nichts_gespeichert(_("Bitte laden Sie die Fotos ohne die genannten Dateien erneut hoch.")))
        raise ValidationError(fehler)
    return ergebnisse
