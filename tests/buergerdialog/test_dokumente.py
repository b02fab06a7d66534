"""Documentation of an event: edit (partner marked, stale edits refused), release, photos through the
photo pipeline (no metadata, no GPS), PDF attachments checked, the documentation PDF read back, who may read."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import ExifTags, Image
from pypdf import PdfReader

from buergerdialog.dokumente import dokumentation_pdf
from buergerdialog.models import Dokumentation, Dokumentationsanhang, Dokumentationsfoto, DokumentationStatus
from buergerdialog.models import VeranstaltungStatus as S
from buergerdialog.services.dokumentation import (
    dokumentation_freigeben,
    dokumentation_speichern,
    dokumentationsanhang_hinzufuegen,
    dokumentationsfotos_hochladen,
)
from dwk.permissions import LENKUNGSGRUPPE, PARTNER, RATSBUERO
from quartiere.models import Handlungsfeld
from tests.dwk.test_pdf_fetcher import pdfa_kennung
from tests.factories import (
    AkteurFactory,
    DokumentationFactory,
    ErgebnisFactory,
    FragebogenFactory,
    PartnerkontoFactory,
    QuartierFactory,
    UserFactory,
    VeranstaltungFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def umgebung(settings, tmp_path):
    settings.DWK_HEUTE = datetime.date(2017, 7, 10)
    settings.MEDIA_ROOT = tmp_path / "media"


def _jpeg_mit_gps(name="pinnwand.jpg"):
    bild = Image.new("RGB", (640, 480), (200, 180, 60))
    exif = Image.Exif()
    exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (51.0, 28.0, 12.0), 3: "E", 4: (7.0, 24.0, 36.0)}
    exif[0x010F] = "Kamerahersteller"
    puffer = io.BytesIO()
    bild.save(puffer, format="JPEG", exif=exif)
    assert b"Kamerahersteller" in puffer.getvalue()
    return SimpleUploadedFile(name, puffer.getvalue(), content_type="image/jpeg")


def _pdf_datei(inhalt=b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", name="praesentation.pdf"):
    return SimpleUploadedFile(name, inhalt, content_type="application/pdf")


def _text(pdf):
    return " ".join(" ".join(seite.extract_text().split()) for seite in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def veranstaltung():
    return VeranstaltungFactory(
        quartiere=[QuartierFactory(name="Derne")], titel="Bürgerwerkstatt Derne", status=S.DURCHGEFUEHRT
    )


def test_speichern_markiert_partner_und_freigabe(veranstaltung):
    partner = UserFactory(rolle=PARTNER)
    dokumentation = dokumentation_speichern(
        dokumentation=Dokumentation(veranstaltung=veranstaltung, text="Rund **40** Gäste."),
        bearbeitet_von=partner,
        von_partner=True,
    )
    assert (dokumentation.von_partner, dokumentation.erfasst_von, dokumentation.status) == (
        True,
        partner,
        DokumentationStatus.ENTWURF,
    )
    team = UserFactory()
    dokumentation_freigeben(dokumentation=dokumentation, freigegeben_von=team)
    dokumentation.refresh_from_db()
    assert dokumentation.ist_freigegeben and dokumentation.freigegeben_von == team
    assert timezone.localdate(dokumentation.freigegeben_am) == datetime.date(2017, 7, 10)  # dwk.zeit.jetzt()
    with pytest.raises(ValidationError):
        dokumentation_freigeben(dokumentation=dokumentation, freigegeben_von=team)
    # A change after the release needs a new release.
    dokumentation.text = "Rund 45 Gäste."
    dokumentation_speichern(dokumentation=dokumentation, bearbeitet_von=team, von_partner=False)
    dokumentation.refresh_from_db()
    assert (dokumentation.status, dokumentation.freigegeben_am, dokumentation.von_partner) == (
        DokumentationStatus.ENTWURF,
        None,
        False,
    )


def test_ohne_bericht_keine_freigabe_und_nicht_vor_der_veranstaltung(veranstaltung):
    dokumentation = DokumentationFactory(veranstaltung=veranstaltung, text="")
    with pytest.raises(ValidationError):
        dokumentation_freigeben(dokumentation=dokumentation, freigegeben_von=UserFactory())
    geplant = VeranstaltungFactory(status=S.PLANUNG)
    with pytest.raises(ValidationError):
        dokumentation_speichern(
            dokumentation=Dokumentation(veranstaltung=geplant, text="x"),
            bearbeitet_von=UserFactory(),
            von_partner=False,
        )


def test_fotos_ohne_metadaten_und_ohne_gps(veranstaltung):
    (foto,) = dokumentationsfotos_hochladen(
        veranstaltung=veranstaltung,
        dateien=[_jpeg_mit_gps()],
        bildunterschrift="Pinnwand Wohnen",
        erfasst_von=UserFactory(),
        von_partner=False,
    )
    for ableitung in (foto.web, foto.druck):
        daten = ableitung.open("rb").read()
        assert b"Kamerahersteller" not in daten
        assert dict(Image.open(io.BytesIO(daten)).getexif()) == {}
    assert foto.dokumentation.veranstaltung == veranstaltung
    assert not hasattr(foto, "standort")


def test_kaputtes_foto_speichert_nichts(veranstaltung):
    kaputt = SimpleUploadedFile("kaputt.jpg", b"\xff\xd8\xff\xe0 kein Bild", content_type="image/jpeg")
    with pytest.raises(ValidationError):
        dokumentationsfotos_hochladen(
            veranstaltung=veranstaltung,
            dateien=[_jpeg_mit_gps(), kaputt],
            bildunterschrift="",
            erfasst_von=UserFactory(),
            von_partner=False,
        )
    assert not Dokumentationsfoto.objects.exists()


def test_anhang_nur_echtes_pdf(veranstaltung):
    with pytest.raises(ValidationError):
        dokumentationsanhang_hinzufuegen(
            veranstaltung=veranstaltung,
            anhang=Dokumentationsanhang(titel="Falsch", datei=_pdf_datei(b"<html>kein PDF</html>")),
            erfasst_von=UserFactory(),
            von_partner=False,
        )
    assert not Dokumentationsanhang.objects.exists()
    anhang = dokumentationsanhang_hinzufuegen(
        veranstaltung=veranstaltung,
        anhang=Dokumentationsanhang(titel="Präsentation", datei=_pdf_datei()),
        erfasst_von=UserFactory(rolle=PARTNER),
        von_partner=True,
    )
    assert anhang.von_partner and anhang.dokumentation.veranstaltung == veranstaltung


def test_dokumentation_pdf(veranstaltung):
    wohnen, gesundheit = Handlungsfeld.objects.order_by("reihenfolge")[:2]
    ErgebnisFactory(veranstaltung=veranstaltung, text="Bank am Markt", punkte=7, handlungsfeld=wohnen)
    ErgebnisFactory(veranstaltung=veranstaltung, text="Arzt im Quartier", punkte=3, handlungsfeld=gesundheit)
    ErgebnisFactory(veranstaltung=veranstaltung, text="Mehr Licht", punkte=12)
    dokumentation = DokumentationFactory(
        veranstaltung=veranstaltung, programm="- Begrüßung\n- Tischrunden", text="Rund **40 Gäste** <script>x</script>"
    )
    dokumentationsfotos_hochladen(
        veranstaltung=veranstaltung,
        dateien=[_jpeg_mit_gps()],
        bildunterschrift="Pinnwand Wohnen",
        erfasst_von=UserFactory(),
        von_partner=False,
    )
    for wert in (5, 4, 4):
        FragebogenFactory(veranstaltung=veranstaltung, zufriedenheit=wert, kommentar="Gern wieder im Sommer.")
    AkteurFactory(quartier=veranstaltung.quartiere.get(), name="Paula Privat")
    dokumentation_freigeben(dokumentation=dokumentation, freigegeben_von=UserFactory())
    pdf = dokumentation_pdf(veranstaltung=veranstaltung)
    leser = PdfReader(io.BytesIO(pdf))
    assert pdfa_kennung(leser) == ("3", "B")
    assert round(float(leser.pages[0].mediabox.width) * 25.4 / 72) == 210
    text = _text(pdf)
    for teil in (
        "Dokumentation: Bürgerwerkstatt Derne am 29.06.2017",
        "Begrüßung",
        "Rund 40 Gäste",
        wohnen.name,
        "Bank am Markt Idee 7",
        gesundheit.name,
        "Arzt im Quartier Idee 3",
        "ohne Handlungsfeld",
        "Mehr Licht Idee 12",
        "Pinnwand Wohnen",
        "3 Fragebögen ausgewertet",
        "Ich bin mit der Veranstaltung zufrieden. 0 0 0 2 1 3 4,3",
        "Dazu 3 Freitexte.",  # counted, not printed: a free text may name a person
        "freigegeben am 10. Juli 2017",
    ):
        assert teil in text, teil
    assert "Gern wieder im Sommer." not in text
    assert "script" not in text
    assert "Paula Privat" not in text
    assert text.index(wohnen.name) < text.index(gesundheit.name) < text.index("ohne Handlungsfeld")
    assert any("/XObject" in (seite.get("/Resources") or {}) for seite in leser.pages)  # the print derivative
    assert b"GPS" not in pdf and b"Kamerahersteller" not in pdf


@pytest.mark.parametrize(
    ("rolle", "freigegeben", "erwartet"),
    [
        (LENKUNGSGRUPPE, False, 403),
        (LENKUNGSGRUPPE, True, 200),
        (RATSBUERO, True, 403),
        (PARTNER, False, 200),
    ],
)
def test_wer_die_dokumentation_liest(client, veranstaltung, rolle, freigegeben, erwartet):
    DokumentationFactory(
        veranstaltung=veranstaltung,
        status=DokumentationStatus.FREIGEGEBEN if freigegeben else DokumentationStatus.ENTWURF,
    )
    user = UserFactory(rolle=rolle)
    if rolle == PARTNER:
        veranstaltung.moderation.add(PartnerkontoFactory(benutzer=user).organisation)
    client.force_login(user)
    for name in ("dokumentation", "dokumentation_pdf", "auswertung"):
        assert client.get(reverse(f"buergerdialog:{name}", args=[veranstaltung.pk])).status_code == erwartet


def test_bearbeiten_durch_partner_markiert_und_veralteter_stand(client, veranstaltung):
    partner = UserFactory(rolle=PARTNER)
    veranstaltung.moderation.add(PartnerkontoFactory(benutzer=partner).organisation)
    client.force_login(partner)
    url = reverse("buergerdialog:dokumentation_bearbeiten", args=[veranstaltung.pk])
    antwort = client.post(url, {"programm": "", "text": "Vom Partner.", "bearbeitungsstand": ""})
    assert antwort.status_code == 302
    dokumentation = Dokumentation.objects.get()
    assert dokumentation.von_partner and dokumentation.text == "Vom Partner."
    stand = dokumentation.updated_at.isoformat()
    dokumentation_speichern(dokumentation=dokumentation, bearbeitet_von=UserFactory(), von_partner=False)
    antwort = client.post(url, {"programm": "", "text": "Überschreibt?", "bearbeitungsstand": stand})
    assert antwort.status_code == 200
    dokumentation.refresh_from_db()
    assert dokumentation.text == "Vom Partner." and not dokumentation.von_partner


def test_fotos_und_anhang_ueber_die_seiten(client_projektteam, veranstaltung):
    DokumentationFactory(veranstaltung=veranstaltung, text="Bericht")
    antwort = client_projektteam.post(
        reverse("buergerdialog:dokumentation_fotos", args=[veranstaltung.pk]),
        {"dateien": [_jpeg_mit_gps()], "bildunterschrift": "Pinnwand"},
    )
    assert antwort.status_code == 302
    antwort = client_projektteam.post(
        reverse("buergerdialog:dokumentation_anhang", args=[veranstaltung.pk]),
        {"titel": "Präsentation", "datei": _pdf_datei()},
    )
    assert antwort.status_code == 302
    foto = Dokumentationsfoto.objects.get()
    anhang = Dokumentationsanhang.objects.get()
    antwort = client_projektteam.get(reverse("buergerdialog:dokumentationsfoto", args=[veranstaltung.pk, foto.pk]))
    assert antwort["Content-Type"] == "image/jpeg" and antwort["Cache-Control"] == "private, no-store"
    antwort = client_projektteam.get(reverse("buergerdialog:dokumentationsanhang", args=[veranstaltung.pk, anhang.pk]))
    assert antwort["Content-Type"] == "application/pdf"
    antwort = client_projektteam.post(reverse("buergerdialog:dokumentation_freigeben", args=[veranstaltung.pk]))
    assert antwort.status_code == 302
    assert Dokumentation.objects.get().ist_freigegeben
    # A photo of another event is not reachable through this one.
    andere = VeranstaltungFactory(status=S.DURCHGEFUEHRT)
    antwort = client_projektteam.get(reverse("buergerdialog:dokumentationsfoto", args=[andere.pk, foto.pk]))
    assert antwort.status_code == 404


@pytest.mark.parametrize("anzahl", [1, 3])
def test_dokumentationsseite_abfragen(client_projektteam, django_assert_num_queries, veranstaltung, anzahl):
    dokumentation = DokumentationFactory(veranstaltung=veranstaltung)
    for _ in range(anzahl):
        dokumentationsfotos_hochladen(
            veranstaltung=veranstaltung,
            dateien=[_jpeg_mit_gps()],
            bildunterschrift="",
            erfasst_von=UserFactory(),
            von_partner=False,
        )
        dokumentationsanhang_hinzufuegen(
            veranstaltung=veranstaltung,
            anhang=Dokumentationsanhang(titel="Anhang", datei=_pdf_datei()),
            erfasst_von=UserFactory(),
            von_partner=False,
        )
    with django_assert_num_queries(8):
        antwort = client_projektteam.get(reverse("buergerdialog:dokumentation", args=[veranstaltung.pk]))
    assert antwort.context["dokumentation"] == dokumentation
    assert len(antwort.context["dokumentation"].fotos.all()) == anzahl
