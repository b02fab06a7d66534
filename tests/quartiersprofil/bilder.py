"""Test images drawn with Pillow, with EXIF data written through ``Image.Exif``."""

import io

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
