"""Test images drawn with Pillow, with EXIF data written through ``Image.Exif``."""

import io
import struct
import zlib

from PIL import Image, ImageDraw
from PIL.TiffImagePlugin import IFDRational

GPS_IFD = 0x8825
EXIF_IFD = 0x8769


def _grad_minuten_sekunden(wert):
    wert = abs(wert)
    grad = int(wert)
    minuten = int((wert - grad) * 60)
    sekunden = round(((wert - grad) * 60 - minuten) * 60 * 10000)
    return (IFDRational(grad, 1), IFDRational(minuten, 1), IFDRational(sekunden, 10000))


def exif_mit_gps(*, breite=None, laenge=None, aufgenommen="2016:10:12 10:15:00", orientierung=None):
    exif = Image.Exif()
    exif[0x010F] = "Kamerahersteller AG"  # Make
    exif[0x0110] = "Modell 7"  # Model
    exif[0x013B] = "Erika Fotografin"  # Artist
    if orientierung:
        exif[0x0112] = orientierung
    if aufgenommen:
        exif.get_ifd(EXIF_IFD)[0x9003] = aufgenommen  # DateTimeOriginal
    if breite is not None:
        gps = exif.get_ifd(GPS_IFD)
        gps[1] = "N" if breite >= 0 else "S"
        gps[2] = _grad_minuten_sekunden(breite)
        gps[3] = "E" if laenge >= 0 else "W"
        gps[4] = _grad_minuten_sekunden(laenge)
    return exif


def bild_bytes(*, format="JPEG", groesse=(1600, 1200), exif=None, farbe=(40, 110, 160), text="Test"):
    bild = Image.new("RGBA" if format == "PNG" else "RGB", groesse, farbe)
    zeichnung = ImageDraw.Draw(bild)
    zeichnung.rectangle((groesse[0] // 4, groesse[1] // 4, groesse[0] // 2, groesse[1] // 2), fill=(230, 200, 40))
    zeichnung.text((20, 20), text, fill=(255, 255, 255))
    puffer = io.BytesIO()
    parameter = {"format": format}
    if exif is not None:
        parameter["exif"] = exif
    if format == "JPEG":
        parameter["quality"] = 80
    bild.save(puffer, **parameter)
    return puffer.getvalue()


def foto_bytes(*, groesse=(1600, 1200), format="JPEG", **parameter):
    """A photo-like image (gradients and lines, so its file is not trivially small)."""
    breite, hoehe = groesse
    bild = Image.linear_gradient("L").resize(groesse).convert("RGB")
    zeichnung = ImageDraw.Draw(bild)
    for x in range(0, breite, 7):
        zeichnung.line((x, 0, breite - x, hoehe), fill=(x % 255, 100, 200))
    puffer = io.BytesIO()
    bild.save(puffer, format=format, **parameter)
    return puffer.getvalue()


def png_mit_kaputten_daten():
    """A PNG whose structure is whole (every chunk, checksums valid, IEND) but whose compressed
    image data is garbage in the middle: only decoding finds it."""
    heil = foto_bytes(groesse=(640, 480), format="PNG")
    anfang = heil.index(b"IDAT") - 4
    laenge = int.from_bytes(heil[anfang : anfang + 4], "big")
    daten = bytearray(heil[anfang + 8 : anfang + 8 + laenge])
    for stelle in range(laenge // 2, laenge // 2 + 200):
        daten[stelle] ^= 0x5A
    pruefsumme = struct.pack(">I", zlib.crc32(b"IDAT" + bytes(daten)))
    return heil[: anfang + 8] + bytes(daten) + pruefsumme + heil[anfang + 12 + laenge :]
