"""The photo pipeline: re-encoding without metadata, GPS as location, refusals that store nothing."""

import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from quartiersprofil.fotos import BREITE_DRUCK, GROESSE_DATEI, GROESSE_WEB
from quartiersprofil.models import Foto
from quartiersprofil.services import fotos_hochladen
from tests.factories import BefundFactory, BegehungFactory, UserFactory
from tests.quartiersprofil.bilder import bild_bytes, exif_mit_gps

pytestmark = pytest.mark.django_db

BREITE, LAENGE = 51.4891234, 7.4123456


def _datei(name, inhalt, typ="image/jpeg"):
    return SimpleUploadedFile(name, inhalt, content_type=typ)


def _gespeicherte_dateien(wurzel):
    if not os.path.exists(wurzel):
        return []
    return sorted(os.path.join(ort, d) for ort, _ordner, dateien in os.walk(wurzel) for d in dateien)


def test_fotos_hochladen_gps_wird_standort_und_steht_in_keiner_datei():
    begehung = BegehungFactory()
    inhalt = bild_bytes(exif=exif_mit_gps(breite=BREITE, laenge=LAENGE))
    assert Image.open(io.BytesIO(inhalt)).getexif().get_ifd(0x8825) != {}

    (foto,) = fotos_hochladen(quartier=begehung.quartier, begehung=begehung, dateien=[_datei("a.jpg", inhalt)])

    foto.refresh_from_db()
    assert (round(foto.standort.y, 5), round(foto.standort.x, 5)) == (round(BREITE, 5), round(LAENGE, 5))
    assert timezone.localtime(foto.aufgenommen_am).strftime("%Y-%m-%d %H:%M") == "2016-10-12 10:15"
    for feld in (foto.datei, foto.web, foto.druck):
        with feld.open("rb") as f:
            daten = f.read()
        bild = Image.open(io.BytesIO(daten))
        assert (bild.format, dict(bild.getexif())) == ("JPEG", {})
        assert b"GPS" not in daten
        assert b"Exif" not in daten
        assert b"Kamerahersteller" not in daten
        assert b"Erika Fotografin" not in daten
        assert "icc_profile" not in bild.info


def test_fotos_hochladen_ohne_gps_ohne_standort():
    begehung = BegehungFactory()
    inhalt = bild_bytes(exif=exif_mit_gps(aufgenommen=None))

    (foto,) = fotos_hochladen(quartier=begehung.quartier, begehung=begehung, dateien=[_datei("b.jpg", inhalt)])

    assert (foto.standort, foto.aufgenommen_am) == (None, None)


def test_fotos_hochladen_abgeleitete_groessen():
    begehung = BegehungFactory()
    inhalt = bild_bytes(groesse=(5000, 2500))

    (foto,) = fotos_hochladen(quartier=begehung.quartier, begehung=begehung, dateien=[_datei("gross.jpg", inhalt)])

    groessen = {}
    for name, feld in (("datei", foto.datei), ("web", foto.web), ("druck", foto.druck)):
        with feld.open("rb") as f:
            groessen[name] = Image.open(f).size
    assert groessen == {
        "datei": (GROESSE_DATEI, 2000),
        "web": (GROESSE_WEB, 640),
        "druck": (BREITE_DRUCK, 550),
    }
    assert (foto.breite, foto.hoehe) == (GROESSE_DATEI, 2000)


def test_fotos_hochladen_dreht_nach_exif_ausrichtung():
    begehung = BegehungFactory()
    # Orientation 6: the camera was turned; the stored photo stands upright (portrait).
    inhalt = bild_bytes(groesse=(1200, 800), exif=exif_mit_gps(orientierung=6))

    (foto,) = fotos_hochladen(quartier=begehung.quartier, begehung=begehung, dateien=[_datei("hoch.jpg", inhalt)])

    assert (foto.breite, foto.hoehe) == (800, 1200)


@pytest.mark.parametrize(("format", "typ"), [("PNG", "image/png"), ("WEBP", "image/webp")])
def test_fotos_hochladen_png_und_webp_werden_jpeg(format, typ):
    begehung = BegehungFactory()
    inhalt = bild_bytes(format=format, groesse=(640, 480), exif=exif_mit_gps(breite=BREITE, laenge=LAENGE))

    (foto,) = fotos_hochladen(
        quartier=begehung.quartier, begehung=begehung, dateien=[_datei(f"x.{format.lower()}", inhalt, typ)]
    )

    with foto.web.open("rb") as f:
        daten = f.read()
    assert (Image.open(io.BytesIO(daten)).format, b"GPS" in daten) == ("JPEG", False)
    assert foto.standort is not None


def test_fotos_hochladen_befund_gibt_handlungsfeld_vor():
    befund = BefundFactory()

    (foto,) = fotos_hochladen(
        quartier=befund.begehung.quartier,
        begehung=befund.begehung,
        befund=befund,
        dateien=[_datei("c.jpg", bild_bytes(groesse=(300, 200)))],
    )

    assert (foto.befund, foto.handlungsfeld) == (befund, befund.handlungsfeld)


def test_fotos_hochladen_falsches_bild_speichert_nichts(medien):
    begehung = BegehungFactory()
    echt = _datei("echt.jpg", bild_bytes(groesse=(300, 200)))
    falsch = _datei("urlaub.jpg", b"<html><script>alert(1)</script></html>" * 20)

    with pytest.raises(ValidationError) as fehler:
        fotos_hochladen(quartier=begehung.quartier, begehung=begehung, dateien=[echt, falsch])

    assert "„urlaub.jpg“: Die Datei ist kein lesbares Foto" in fehler.value.messages[0]
    assert (Foto.objects.count(), _gespeicherte_dateien(medien)) == (0, [])


def test_fotos_hochladen_anderes_bildformat_wird_abgelehnt(medien):
    begehung = BegehungFactory()
    puffer = io.BytesIO()
    Image.new("RGB", (50, 50)).save(puffer, format="GIF")

    with pytest.raises(ValidationError) as fehler:
        fotos_hochladen(quartier=begehung.quartier, begehung=begehung, dateien=[_datei("bild.jpg", puffer.getvalue())])

    assert fehler.value.messages[0] == "„bild.jpg“: Nur Fotos im Format JPEG, PNG oder WebP sind erlaubt."
    assert (Foto.objects.count(), _gespeicherte_dateien(medien)) == (0, [])


def test_fotos_hochladen_dekompressionsbombe_wird_abgelehnt(medien):
    begehung = BegehungFactory()
    # 60 megapixels in a few kilobytes: a 1-bit PNG of one colour.
    puffer = io.BytesIO()
    Image.new("1", (10_000, 6_000)).save(puffer, format="PNG")
    assert len(puffer.getvalue()) < 100_000
    echt = _datei("echt.jpg", bild_bytes(groesse=(300, 200)))

    with pytest.raises(ValidationError) as fehler:
        fotos_hochladen(
            quartier=begehung.quartier,
            begehung=begehung,
            dateien=[echt, _datei("bombe.png", puffer.getvalue(), "image/png")],
        )

    assert fehler.value.messages[0] == "„bombe.png“: Das Bild hat zu viele Bildpunkte (höchstens 50 Megapixel erlaubt)."
    assert (Foto.objects.count(), _gespeicherte_dateien(medien)) == (0, [])


def test_fotos_hochladen_zu_grosse_datei_wird_abgelehnt(medien):
    begehung = BegehungFactory()
    riesig = _datei("riesig.jpg", bild_bytes(groesse=(100, 100)) + b"\0" * (20 * 1024 * 1024))

    with pytest.raises(ValidationError) as fehler:
        fotos_hochladen(quartier=begehung.quartier, begehung=begehung, dateien=[riesig])

    assert fehler.value.messages[0].startswith(
        "„riesig.jpg“: Die Datei ist 20,0\xa0MB groß; erlaubt sind höchstens 20,0"
    )
    assert (Foto.objects.count(), _gespeicherte_dateien(medien)) == (0, [])


def test_foto_hochladen_view_mehrere_dateien(client_projektteam):
    begehung = BegehungFactory()
    dateien = [
        _datei("eins.jpg", bild_bytes(exif=exif_mit_gps(breite=BREITE, laenge=LAENGE))),
        _datei("zwei.png", bild_bytes(format="PNG", groesse=(400, 300)), "image/png"),
    ]

    antwort = client_projektteam.post(
        reverse("quartiersprofil:foto_hochladen", args=[begehung.pk]),
        {"dateien": dateien, "bildunterschrift": "Gehweg am Markt", "darf_veroeffentlicht_werden": "on"},
    )

    assert antwort.status_code == 302
    assert sorted(Foto.objects.values_list("bildunterschrift", "darf_veroeffentlicht_werden")) == [
        ("Gehweg am Markt", True),
        ("Gehweg am Markt", True),
    ]


def test_foto_hochladen_view_fehler_nennt_datei(client_projektteam, medien):
    begehung = BegehungFactory()
    dateien = [_datei("eins.jpg", bild_bytes()), _datei("kaputt.webp", b"RIFF1234WEBPVP8 kaputt", "image/webp")]

    antwort = client_projektteam.post(
        reverse("quartiersprofil:foto_hochladen", args=[begehung.pk]), {"dateien": dateien}
    )

    assert antwort.status_code == 200
    assert "„kaputt.webp“: Die Datei ist kein lesbares Foto" in antwort.content.decode()
    assert (Foto.objects.count(), _gespeicherte_dateien(medien)) == (0, [])


def _foto():
    begehung = BegehungFactory()
    (foto,) = fotos_hochladen(
        quartier=begehung.quartier, begehung=begehung, dateien=[_datei("d.jpg", bild_bytes(groesse=(300, 200)))]
    )
    return foto


def test_foto_datei_nur_mit_berechtigung(client, partner):
    from dwk.permissions import PARTNER, RATSBUERO

    foto = _foto()
    foto.quartier.partner.add(partner)
    url = reverse("quartiersprofil:foto_datei", args=[foto.pk, "web"])
    ergebnisse = {}
    for name, benutzer in [
        ("partner", partner),
        ("fremd", UserFactory(username="fremd", rolle=PARTNER)),
        ("ratsbuero", UserFactory(username="rb", rolle=RATSBUERO)),
    ]:
        client.force_login(benutzer)
        ergebnisse[name] = client.get(url).status_code
    assert ergebnisse == {"partner": 200, "fremd": 403, "ratsbuero": 403}


def test_foto_datei_liefert_jpeg_ohne_gps(client_projektteam):
    foto = _foto()

    antwort = client_projektteam.get(reverse("quartiersprofil:foto_datei", args=[foto.pk, "druck"]))

    daten = b"".join(antwort.streaming_content)
    assert (antwort["Content-Type"], antwort["Cache-Control"], b"GPS" in daten) == (
        "image/jpeg",
        "private, max-age=3600",
        False,
    )


def test_foto_datei_unbekannte_groesse_404(client_projektteam):
    foto = _foto()

    antwort = client_projektteam.get(f"/quartiersprofil/fotos/{foto.pk}/original.jpg")

    assert antwort.status_code == 404
