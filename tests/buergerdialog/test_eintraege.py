"""Pin-board photos at single cards (through the photo pipeline), and single photos, attachments and
questionnaires of the documentation corrected and deleted (rights, stale state, files removed)."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from buergerdialog.dokumente import dokumentation_pdf
from buergerdialog.models import Dokumentationsanhang, Dokumentationsfoto, Fragebogen
from buergerdialog.models import VeranstaltungStatus as S
from buergerdialog.services.dokumentation import dokumentationsfotos_hochladen
from dwk.permissions import PARTNER
from tests.buergerdialog.test_dokumente import _jpeg_mit_gps, _pdf_datei, _text
from tests.factories import (
    DokumentationFactory,
    ErgebnisFactory,
    FragebogenFactory,
    PartnerkontoFactory,
    UserFactory,
    VeranstaltungFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def umgebung(settings, tmp_path):
    settings.DWK_HEUTE = datetime.date(2017, 7, 10)
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def lage():
    """An event moderated by the partner's organisation, with a card and its documentation."""
    konto = PartnerkontoFactory()
    veranstaltung = VeranstaltungFactory(
        titel="Bürgerwerkstatt Derne", status=S.DURCHGEFUEHRT, moderation=[konto.organisation]
    )
    DokumentationFactory(veranstaltung=veranstaltung, text="Bericht")
    karte = ErgebnisFactory(veranstaltung=veranstaltung, text="Mehr Bänke am Marktplatz")
    return veranstaltung, karte, konto.benutzer


def test_foto_an_eine_karte_haengen_anzeigen_und_entfernen(
    client_projektteam, lage, django_capture_on_commit_callbacks
):
    veranstaltung, karte, _partner = lage
    url = reverse("buergerdialog:ergebnis_fotos", args=[veranstaltung.pk, karte.pk])
    assert client_projektteam.get(url).status_code == 200
    antwort = client_projektteam.post(
        url, {"dateien": [_jpeg_mit_gps()], "bildunterschrift": "Pinnwand Tisch 1", "darf_veroeffentlicht_werden": "on"}
    )
    assert antwort.url == karte.get_absolute_url()
    foto = Dokumentationsfoto.objects.get()
    assert (foto.ergebnis, foto.dokumentation.veranstaltung, foto.darf_veroeffentlicht_werden) == (
        karte,
        veranstaltung,
        True,
    )
    # Through the pipeline: re-encoded, no EXIF (no GPS, no camera), web and print derivatives only.
    with default_storage.open(foto.web.name) as datei:
        bild = Image.open(io.BytesIO(datei.read()))
        assert (bild.format, dict(bild.getexif())) == ("JPEG", {})
    assert foto.druck.name and not hasattr(foto, "datei")
    liste = client_projektteam.get(reverse("buergerdialog:ergebnis_liste", args=[veranstaltung.pk])).content.decode()
    assert reverse("buergerdialog:dokumentationsfoto", args=[veranstaltung.pk, foto.pk]) in liste
    assert 'alt="Pinnwand Tisch 1"' in liste
    seite = client_projektteam.get(reverse("buergerdialog:dokumentation", args=[veranstaltung.pk])).content.decode()
    assert "Pinnwand zur Karte" in seite and "Mehr Bänke am Marktplatz" in seite
    assert "darf veröffentlicht werden" in seite
    assert "Pinnwand zur Karte „Mehr Bänke am Marktplatz“" in _text(dokumentation_pdf(veranstaltung=veranstaltung))
    # Detach from the card, then delete: row and files go.
    bearbeiten = reverse("buergerdialog:dokumentationsfoto_bearbeiten", args=[veranstaltung.pk, foto.pk])
    stand = client_projektteam.get(bearbeiten).context["form"].initial["bearbeitungsstand"]
    antwort = client_projektteam.post(
        bearbeiten, {"bildunterschrift": "Pinnwand", "ergebnis": "", "bearbeitungsstand": stand}
    )
    assert antwort.status_code == 302
    foto.refresh_from_db()
    assert (foto.ergebnis, foto.bildunterschrift, foto.darf_veroeffentlicht_werden) == (None, "Pinnwand", False)
    namen = [foto.web.name, foto.druck.name]
    loeschen = reverse("buergerdialog:dokumentationsfoto_loeschen", args=[veranstaltung.pk, foto.pk])
    assert client_projektteam.get(loeschen).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client_projektteam.post(loeschen).status_code == 302
    assert not Dokumentationsfoto.objects.exists()
    assert not any(default_storage.exists(name) for name in namen)


def test_karte_einer_anderen_veranstaltung_abgewiesen(lage, projektteam):
    veranstaltung, _karte, _partner = lage
    fremde = ErgebnisFactory(veranstaltung=VeranstaltungFactory(status=S.DURCHGEFUEHRT))
    with pytest.raises(ValidationError) as fehler:
        dokumentationsfotos_hochladen(
            veranstaltung=veranstaltung,
            dateien=[_jpeg_mit_gps()],
            bildunterschrift="",
            ergebnis=fremde,
            erfasst_von=projektteam,
            von_partner=False,
        )
    assert fehler.value.message_dict == {"ergebnis": ["Die Karte gehört zu einer anderen Veranstaltung."]}
    assert not Dokumentationsfoto.objects.exists()


def test_bearbeiten_mit_veraltetem_stand_abgewiesen(client_projektteam, lage, projektteam):
    veranstaltung, karte, _partner = lage
    (foto,) = dokumentationsfotos_hochladen(
        veranstaltung=veranstaltung,
        dateien=[_jpeg_mit_gps()],
        bildunterschrift="alt",
        erfasst_von=projektteam,
        von_partner=False,
    )
    url = reverse("buergerdialog:dokumentationsfoto_bearbeiten", args=[veranstaltung.pk, foto.pk])
    stand = client_projektteam.get(url).context["form"].initial["bearbeitungsstand"]
    daten = {"bildunterschrift": "erste", "ergebnis": karte.pk, "bearbeitungsstand": stand}
    assert client_projektteam.post(url, daten).status_code == 302
    antwort = client_projektteam.post(url, {**daten, "bildunterschrift": "zweite"})
    assert antwort.status_code == 200 and "inzwischen von jemand anderem geändert" in antwort.content.decode()
    foto.refresh_from_db()
    assert (foto.bildunterschrift, foto.ergebnis) == ("erste", karte)


def test_partner_bearbeitet_und_loescht_nur_eigene_eintraege(client, lage, projektteam):
    veranstaltung, karte, partner = lage
    client.force_login(partner)
    antwort = client.post(
        reverse("buergerdialog:ergebnis_fotos", args=[veranstaltung.pk, karte.pk]), {"dateien": [_jpeg_mit_gps()]}
    )
    assert antwort.status_code == 302
    eigenes = Dokumentationsfoto.objects.get()
    assert (eigenes.von_partner, eigenes.erfasst_von) == (True, partner)
    (fremdes,) = dokumentationsfotos_hochladen(
        veranstaltung=veranstaltung,
        dateien=[_jpeg_mit_gps()],
        bildunterschrift="",
        erfasst_von=projektteam,
        von_partner=False,
    )
    eigener_bogen = FragebogenFactory(
        veranstaltung=veranstaltung, zufriedenheit=5, erfasst_von=partner, von_partner=True
    )
    fremder_bogen = FragebogenFactory(veranstaltung=veranstaltung, zufriedenheit=2, erfasst_von=projektteam)
    for name, eigen, fremd in (
        ("dokumentationsfoto", eigenes, fremdes),
        ("fragebogen", eigener_bogen, fremder_bogen),
    ):
        for aktion in ("bearbeiten", "loeschen"):
            assert (
                client.get(reverse(f"buergerdialog:{name}_{aktion}", args=[veranstaltung.pk, eigen.pk])).status_code
                == 200
            )
            assert (
                client.get(reverse(f"buergerdialog:{name}_{aktion}", args=[veranstaltung.pk, fremd.pk])).status_code
                == 403
            )
    assert (
        client.post(reverse("buergerdialog:fragebogen_loeschen", args=[veranstaltung.pk, fremder_bogen.pk])).status_code
        == 403
    )
    assert (
        client.post(reverse("buergerdialog:fragebogen_loeschen", args=[veranstaltung.pk, eigener_bogen.pk])).status_code
        == 302
    )
    assert list(Fragebogen.objects.all()) == [fremder_bogen]
    # A partner of another organisation reaches nothing of this event.
    client.force_login(PartnerkontoFactory().benutzer)
    assert client.get(reverse("buergerdialog:ergebnis_fotos", args=[veranstaltung.pk, karte.pk])).status_code == 403
    # The lists show the links only where they are allowed.
    client.force_login(partner)
    seite = client.get(reverse("buergerdialog:dokumentation", args=[veranstaltung.pk])).content.decode()
    assert reverse("buergerdialog:dokumentationsfoto_loeschen", args=[veranstaltung.pk, eigenes.pk]) in seite
    assert reverse("buergerdialog:dokumentationsfoto_loeschen", args=[veranstaltung.pk, fremdes.pk]) not in seite


def test_anhang_umbenennen_und_loeschen(client_projektteam, lage, django_capture_on_commit_callbacks):
    veranstaltung, _karte, _partner = lage
    antwort = client_projektteam.post(
        reverse("buergerdialog:dokumentation_anhang", args=[veranstaltung.pk]),
        {"titel": "Präsentaton", "datei": _pdf_datei()},
    )
    assert antwort.status_code == 302
    anhang = Dokumentationsanhang.objects.get()
    url = reverse("buergerdialog:dokumentationsanhang_bearbeiten", args=[veranstaltung.pk, anhang.pk])
    stand = client_projektteam.get(url).context["form"].initial["bearbeitungsstand"]
    leer = client_projektteam.post(url, {"titel": "", "bearbeitungsstand": stand})
    assert leer.status_code == 200 and leer.context["form"].errors["titel"]
    assert client_projektteam.post(url, {"titel": "Präsentation", "bearbeitungsstand": stand}).status_code == 302
    anhang.refresh_from_db()
    assert anhang.titel == "Präsentation"
    name = anhang.datei.name
    loeschen = reverse("buergerdialog:dokumentationsanhang_loeschen", args=[veranstaltung.pk, anhang.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client_projektteam.post(loeschen).status_code == 302
    assert not Dokumentationsanhang.objects.exists() and not default_storage.exists(name)


def test_fragebogen_korrigieren_bleibt_markiert_und_leer_abgewiesen(client_projektteam, lage):
    veranstaltung, _karte, partner = lage
    bogen = FragebogenFactory(
        veranstaltung=veranstaltung, zufriedenheit=2, kommentar="gut", erfasst_von=partner, von_partner=True
    )
    url = reverse("buergerdialog:fragebogen_bearbeiten", args=[veranstaltung.pk, bogen.pk])
    stand = client_projektteam.get(url).context["form"].initial["bearbeitungsstand"]
    falsch = client_projektteam.post(url, {"zufriedenheit": "7", "bearbeitungsstand": stand})
    assert falsch.status_code == 200 and falsch.context["form"].errors["zufriedenheit"]
    leer = client_projektteam.post(url, {"bearbeitungsstand": stand})
    assert leer.status_code == 200 and "Der Fragebogen ist leer." in leer.content.decode()
    antwort = client_projektteam.post(url, {"zufriedenheit": "4", "kommentar": "gut", "bearbeitungsstand": stand})
    assert antwort.url == reverse("buergerdialog:fragebogen_liste", args=[veranstaltung.pk])
    bogen.refresh_from_db()
    assert (bogen.zufriedenheit, bogen.von_partner, bogen.erfasst_von) == (4, True, partner)


@pytest.mark.parametrize("anzahl", [1, 3])
def test_fragebogenliste_abfragen(client_projektteam, django_assert_num_queries, lage, anzahl):
    veranstaltung, _karte, _partner = lage
    FragebogenFactory.create_batch(anzahl, veranstaltung=veranstaltung, zufriedenheit=3)
    with django_assert_num_queries(6):
        antwort = client_projektteam.get(reverse("buergerdialog:fragebogen_liste", args=[veranstaltung.pk]))
    assert len(antwort.context["frageboegen"]) == anzahl
    assert antwort.content.decode().count("bearbeiten<span") == anzahl


def test_partner_ohne_partnerrolle_im_konto_sieht_keine_links(client, lage):
    veranstaltung, _karte, _partner = lage
    fremder = UserFactory(rolle=PARTNER)
    client.force_login(fremder)
    assert client.get(reverse("buergerdialog:fragebogen_liste", args=[veranstaltung.pk])).status_code == 403
