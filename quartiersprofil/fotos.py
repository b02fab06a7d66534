"""The photo pipeline: check, read and re-encode uploaded photos.

Every upload is decoded (its type comes from the content, never from the file name), turned
upright by its EXIF orientation, converted to sRGB and written again as JPEG without any
metadata (no EXIF, no XMP, no ICC profile, no comments). The GPS position and the time of
capture are read before and returned as values, so they end up in the database
(``Foto.standort``, ``Foto.aufgenommen_am``) and in no file.

Three files per photo: ``datei`` (full size, capped), ``web`` (pages) and ``druck`` (about
150 dpi for half a printed page). Pages and PDFs use ``web`` and ``druck`` only.

This module only reads and computes; the service ``fotos_hochladen`` in ``services.py``
stores the results.
"""

import contextlib
import datetime
import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

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
# refuse anything above it, see ``_oeffnen``.
Image.MAX_IMAGE_PIXELS = settings.DWK_FOTO_MAX_PIXEL


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


def _fehler(name, text):
    return ValidationError(_("„%(name)s“: %(text)s") % {"name": name, "text": text}, code="foto")


def _oeffnen(datei, name):
    """Decode ``datei`` completely; refuse what is no JPEG/PNG/WebP image or too many pixels."""
    max_pixel = settings.DWK_FOTO_MAX_PIXEL
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            bild = Image.open(datei)
            if bild.format not in ERLAUBTE_FORMATE:
                raise _fehler(name, _("Nur Fotos im Format JPEG, PNG oder WebP sind erlaubt."))
            breite, hoehe = bild.size
            if breite * hoehe > max_pixel:
                raise Image.DecompressionBombError
            bild.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _fehler(
            name,
            _("Das Bild hat zu viele Bildpunkte (höchstens %(mp)s Megapixel erlaubt).")
            % {"mp": max_pixel // 1_000_000},
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _fehler(
            name, _("Die Datei ist kein lesbares Foto (JPEG, PNG oder WebP) oder sie ist beschädigt.")
        ) from None
    return bild


def _bruch(wert):
    return float(wert[0]) / float(wert[1]) if isinstance(wert, tuple) else float(wert)


def _grad(werte, richtung, negativ):
    grad, minuten, sekunden = (_bruch(w) for w in werte)
    zahl = grad + minuten / 60 + sekunden / 3600
    return -zahl if str(richtung).strip().upper() == negativ else zahl


def gps_lesen(exif):
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


def aufnahmezeit_lesen(exif):
    """DateTimeOriginal of an EXIF block (local time of the city), or None."""
    wert = exif.get_ifd(EXIF_IFD).get(DATETIME_ORIGINAL)
    if not wert:
        return None
    try:
        zeit = datetime.datetime.strptime(str(wert).strip("\x00 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    return timezone.make_aware(zeit)


def _als_srgb(bild):
    """An RGB image in sRGB without any metadata: transparency on white, ICC profile applied."""
    icc = bild.info.get("icc_profile")
    if bild.mode in {"RGBA", "LA", "PA"} or (bild.mode == "P" and "transparency" in bild.info):
        bild = bild.convert("RGBA")
        weiss = Image.new("RGBA", bild.size, (255, 255, 255, 255))
        bild = Image.alpha_composite(weiss, bild)
    bild = bild.convert("RGB")
    if icc:
        # A broken profile: keep the colours as they are.
        with contextlib.suppress(ImageCms.PyCMSError, OSError):
            bild = ImageCms.profileToProfile(
                bild, ImageCms.ImageCmsProfile(io.BytesIO(icc)), ImageCms.createProfile("sRGB"), outputMode="RGB"
            )
    # A fresh image carries nothing over from the upload (info, exif, xmp).
    return Image.frombytes("RGB", bild.size, bild.tobytes())


def _jpeg(bild, *, lange_seite=None, breite=None):
    kopie = bild.copy()
    if lange_seite:
        kopie.thumbnail((lange_seite, lange_seite), Image.Resampling.LANCZOS)
    elif breite and kopie.width > breite:
        kopie = kopie.resize((breite, round(kopie.height * breite / kopie.width)), Image.Resampling.LANCZOS)
    puffer = io.BytesIO()
    kopie.save(puffer, format="JPEG", quality=JPEG_QUALITAET, optimize=True, progressive=True)
    return puffer.getvalue(), kopie.size


def foto_verarbeiten(datei, *, name=None):
    """Check and re-encode one uploaded photo; raises ValidationError naming the file.

    ``datei`` is an uploaded file (or any binary file object with ``size`` or seekable).
    """
    name = name or getattr(datei, "name", None) or _("ohne Namen")
    groesse = getattr(datei, "size", None)
    if groesse is None:
        datei.seek(0, io.SEEK_END)
        groesse = datei.tell()
    if groesse > settings.DWK_FOTO_MAX_BYTES:
        raise _fehler(
            name,
            _("Die Datei ist %(groesse)s groß; erlaubt sind höchstens %(max)s je Foto.")
            % {"groesse": filesizeformat(groesse), "max": filesizeformat(settings.DWK_FOTO_MAX_BYTES)},
        )
    datei.seek(0)
    bild = _oeffnen(datei, name)
    exif = bild.getexif()
    standort = gps_lesen(exif)
    aufgenommen_am = aufnahmezeit_lesen(exif)
    bild = ImageOps.exif_transpose(bild)
    bild = _als_srgb(bild)
    voll, (breite, hoehe) = _jpeg(bild, lange_seite=GROESSE_DATEI)
    web, _groesse = _jpeg(bild, lange_seite=GROESSE_WEB)
    druck, _groesse = _jpeg(bild, breite=BREITE_DRUCK)
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


def fotos_pruefen(dateien):
    """Check and re-encode every file of a batch; raises one ValidationError listing every bad file.

    Nothing is stored here; either all files of the batch are usable or the caller gets the
    list of problems.
    """
    if not dateien:
        raise ValidationError(_("Bitte wählen Sie mindestens ein Foto aus."), code="leer")
    ergebnisse, fehler = [], []
    for datei in dateien:
        try:
            ergebnisse.append(foto_verarbeiten(datei))
        except ValidationError as e:
            fehler.extend(e.error_list)
    if fehler:
        fehler.append(
            ValidationError(
                _("Es wurde kein Foto gespeichert. Bitte laden Sie die Fotos ohne die genannten Dateien erneut hoch."),
                code="nichts_gespeichert",
            )
        )
        raise ValidationError(fehler)
    return ergebnisse
