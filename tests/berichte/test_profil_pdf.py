"""The full quarter profile as PDF, read back: chapters and their text, evidence, photos, the citizen
dialogue, contents with page numbers, alternative texts, PDF/A-3b checks and qpdf, reproducible bytes."""

import datetime
import io
import math
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from pypdf import PdfReader

from berichte.pdf import quartiersprofil_html, quartiersprofil_pdf
from buergerdialog.models import VeranstaltungStatus
from dwk.permissions import PROJEKTTEAM
from quartiere.models import Handlungsfeld, Indikator, InfrastrukturKategorie, Unterbezirk
from quartiersprofil.services.begehungen import fotos_hochladen
from quartiersprofil.services.profil import (
    abschnitt_speichern,
    profil_entwurf_anlegen,
    profil_freigeben,
    profil_zur_beratung_geben,
)
from tests.berichte.pdf_pruefung import figuren_ohne_alt, pdfa_fehler, qpdf_fehler
from tests.berichte.test_pdf import hombruch_anlegen, kapiteltexte, lesen, quartier_in
from tests.factories import (
    AntwortFactory,
    BefundFactory,
    BegehungFactory,
    BewertungsrundeFactory,
    ErgebnisBewertungFactory,
    ErgebnisFactory,
    FragebogenFactory,
    InfrastrukturFactory,
    KennzahlFactory,
    MassnahmeFactory,
    MitgliedFactory,
    QuellenAuszugFactory,
    UmsetzungFactory,
    UserFactory,
    VeranstaltungFactory,
)
from tests.quartiersprofil.bilder import exif_mit_gps, foto_bytes


def _foto(quartier, feld, *, unterschrift, veroeffentlichen):
    datei = SimpleUploadedFile(
        "foto.jpg",
        foto_bytes(groesse=(1200, 900), exif=exif_mit_gps(breite=51.5, laenge=7.42)),
        content_type="image/jpeg",
    )
    (foto,) = fotos_hochladen(
        quartier=quartier,
        dateien=[datei],
        handlungsfeld=feld,
        bildunterschrift=unterschrift,
        darf_veroeffentlicht_werden=veroeffentlichen,
    )
    return foto


def voll_anlegen():
    """Menglinghausen with numbers for two years (one Unterbezirk with a small count), a facility,
    a released version whose first field links every kind of evidence, a measure, and a held event
    with results, questionnaires and a rating by the steering group."""
    quartier = quartier_in(hombruch_anlegen(), name="Menglinghausen", slug="menglinghausen")
    projektteam = UserFactory(username="projektteam", rolle=PROJEKTTEAM)
    ew_65plus = Indikator.objects.get(schluessel="ew_65plus")
    ew_gesamt = Indikator.objects.get(schluessel="ew_gesamt")
    for jahr in (2011, 2016):
        for n, unterbezirk in enumerate(Unterbezirk.objects.order_by("code")):
            KennzahlFactory(indikator=ew_gesamt, unterbezirk=unterbezirk, jahr=jahr, wert=1000 + 10 * n + jahr % 10)
            # The first Unterbezirk has a count below DWK_MIN_FALLZAHL: it and what it is part of are withheld.
            KennzahlFactory(
                indikator=ew_65plus, unterbezirk=unterbezirk, jahr=jahr, wert=2 if n == 0 else 200 + n + jahr % 10
            )
    kategorie = InfrastrukturKategorie.objects.select_related("handlungsfeld").order_by("pk").first()
    InfrastrukturFactory(kategorie=kategorie, name="Apotheke am Markt")
    feld = Handlungsfeld.objects.order_by("reihenfolge").first()
    begehung = BegehungFactory(quartier=quartier)
    befund = BefundFactory(begehung=begehung, handlungsfeld=feld, text="Bordstein an der Kirche zu hoch")
    oeffentlich = _foto(quartier, feld, unterschrift="Bank am Marktplatz", veroeffentlichen=True)
    privat = _foto(quartier, feld, unterschrift="Garten von Familie Zwoelk", veroeffentlichen=False)
    auszug = QuellenAuszugFactory(
        quelle__quartier=quartier, quelle__titel="Masterplan Einzelhandel", handlungsfeld=feld, fundstelle="S. 12"
    )
    antwort = AntwortFactory(quartier=quartier, frage__handlungsfeld=feld, text="Der Seniorentreff ist gut besucht.")
    massnahme = MassnahmeFactory(quartier=quartier, handlungsfeld=feld, titel="Sitzbänke entlang der Hauptstraße")
    fassung = profil_entwurf_anlegen(quartier=quartier)
    abschnitt_speichern(
        abschnitt=fassung.abschnitte.get(handlungsfeld=feld),
        bestand="Die **Situation** im Quartier.",
        staerken="Kurze Wege zum Markt.",
        handlungsbedarf="Mehr Sitzgelegenheiten.",
        belege={
            "indikatoren": [Indikator.objects.get(schluessel="anteil_65plus")],
            "infrastruktur_kategorien": [kategorie],
            "befunde": [befund],
            "fotos": [oeffentlich, privat],
            "quellen_auszuege": [auszug],
            "antworten": [antwort],
        },
    )
    profil_zur_beratung_geben(fassung=fassung)
    with override_settings(DWK_HEUTE=datetime.date(2017, 3, 14)):
        fassung = profil_freigeben(fassung=fassung, benutzer=projektteam)
    veranstaltung = VeranstaltungFactory(
        titel="Bürgerwerkstatt Menglinghausen", quartiere=[quartier], status=VeranstaltungStatus.DOKUMENTIERT
    )
    karte = ErgebnisFactory(veranstaltung=veranstaltung, handlungsfeld=feld, text="Ein Treffpunkt am Markt", punkte=7)
    FragebogenFactory(veranstaltung=veranstaltung, zufriedenheit=2, kommentar="Frau Zwoelk war auch da")
    runde = BewertungsrundeFactory(veranstaltung=veranstaltung, ergebnisse=[karte])
    ErgebnisBewertungFactory(
        runde=runde,
        ergebnis=karte,
        mitglied=MitgliedFactory(vorname="Xaver", nachname="Zwoelk"),
        kommentar="Kommentar von Herrn Zwoelk",
    )
    UmsetzungFactory(ergebnis=karte, massnahme=massnahme)
    return quartier, fassung


# The profile is built and rendered once for the module (about 2 s for each rendering): its rows live
# in a transaction rolled back when the module is done, its photos in the module's own folder; each
# test runs in a savepoint inside it (``db``). Tests that change what the PDF shows render it again.
@pytest.fixture(scope="module")
def voll_stand(django_db_setup, django_db_blocker, tmp_path_factory):
    medien = tmp_path_factory.mktemp("profil-media")
    with override_settings(MEDIA_ROOT=medien), django_db_blocker.unblock(), transaction.atomic():
        quartier, fassung = voll_anlegen()
        yield quartier, fassung, quartiersprofil_pdf(quartier=quartier, fassung=fassung), medien
        transaction.set_rollback(True)


@pytest.fixture
def voll(voll_stand, db, settings):
    """(quarter, released version) of the module's profile, its photos in reach."""
    settings.MEDIA_ROOT = voll_stand[3]
    return voll_stand[:2]


@pytest.fixture
def voll_pdf(voll_stand, db):
    """The module's profile as PDF (bytes)."""
    return voll_stand[2]


@pytest.fixture(scope="module")
def voll_gelesen(voll_stand):
    """The module's profile read back once (``lesen``: the reader and the text of each page)."""
    return lesen(voll_stand[2])


def test_profil_pdf_passes_pdfa_and_qpdf_checks(voll_pdf, tmp_path):
    pdf = voll_pdf
    pfad = tmp_path / "profil.pdf"
    pfad.write_bytes(pdf)
    reader = PdfReader(pfad)

    assert pdfa_fehler(reader) == []
    assert qpdf_fehler(str(pfad)) == []
    # Three maps, the charts and one photo, each with its alternative text.
    anzahl, ohne_alt = figuren_ohne_alt(reader)
    assert (anzahl >= 5, ohne_alt) == (True, [])


def test_profil_pdf_chapters_hold_their_content(voll_gelesen, db):
    reader, seiten = voll_gelesen
    kapitel = kapiteltexte(reader, seiten)

    demografie = kapitel["4 Demografie"]
    assert Indikator.objects.get(schluessel="anteil_65plus").name in demografie
    assert "nicht ausgewiesen" in demografie
    assert "Zeitreihen" in demografie
    handlungsfelder = kapitel["5 Handlungsfelder"]
    for text in (
        "Situation",
        "Die Situation im Quartier.",
        "Kurze Wege zum Markt.",
        "Mehr Sitzgelegenheiten.",
        "Bordstein an der Kirche zu hoch",
        "Bank am Marktplatz",
        "Der Bericht nennt fehlende Sitzgelegenheiten.",
        "Masterplan Einzelhandel, S. 12",
        "Der Seniorentreff ist gut besucht.",
        "Sitzbänke entlang der Hauptstraße",
        "Erreichbarkeit (Luftlinie)",
    ):
        assert text in handlungsfelder, text
    dialog = kapitel["6 Bürgerdialog"]
    assert "Bürgerwerkstatt Menglinghausen" in dialog
    assert "Ein Treffpunkt am Markt Idee 7" in dialog
    assert "Maßnahme „Sitzbänke entlang der Hauptstraße“" in dialog
    assert "Was die Lenkungsgruppe daraus gemacht hat" in dialog
    detail = kapitel["3 Das Quartier im Detail"]
    assert "Erreichbarkeit nach Art der Einrichtung (Luftlinie)" in detail
    anhang = kapitel["Anhang: Quellen und Methode"]
    assert "flächengewichtete Aggregation" in anhang
    assert "sekundäre Geheimhaltung" in anhang
    assert "Masterplan Einzelhandel" in anhang


def test_profil_pdf_names_no_person_and_no_private_photo(voll_pdf, voll_gelesen):
    pdf = voll_pdf
    _reader, seiten = voll_gelesen
    text = " ".join(seiten)

    assert "Zwoelk" not in text
    assert "Xaver" not in text
    assert "Garten von Familie" not in text
    assert b"Zwoelk" not in pdf
    # The print derivative carries no EXIF (no GPS position, no camera, no photographer).
    assert b"Exif" not in pdf
    assert b"Erika Fotografin" not in pdf


def test_profil_pdf_embeds_the_print_derivative_of_the_publishable_photo_only(voll, voll_pdf):
    quartier, _fassung = voll
    reader = PdfReader(io.BytesIO(voll_pdf))
    foto = quartier.fotos.get(darf_veroeffentlicht_werden=True)

    # Resources may be shared between pages: count each image object once.
    bilder = {
        verweis.idnum: (int(verweis.get_object()["/Width"]), int(verweis.get_object()["/Height"]))
        for seite in reader.pages
        for verweis in (seite["/Resources"].get("/XObject") or {}).values()
        if verweis.get_object().get("/Subtype") == "/Image"
    }
    from PIL import Image  # noqa: PLC0415 -- only this test reads the stored derivative

    with Image.open(foto.druck.path) as druck:
        assert list(bilder.values()) == [druck.size]


def test_profil_pdf_contents_give_the_pages_of_the_bookmarks(voll_gelesen, db):
    reader, seiten = voll_gelesen
    _titel, kapitel = reader.outline
    inhalt = seiten[1]

    for eintrag in (e for e in kapitel if not isinstance(e, list)):
        titel = re.sub(r"^\d+ ", "", eintrag.title)
        seite = reader.get_destination_page_number(eintrag) + 1
        assert re.search(rf"{re.escape(titel)}[ .]*{seite}\b", inhalt), (titel, seite, inhalt)


def test_profil_pdf_title_page_names_programme_funder_and_partners(voll, settings):
    quartier, fassung = voll
    settings.DWK_PROGRAMM = "Programm Altern im Quartier"
    settings.DWK_FOERDERER = "Land Nordrhein-Westfalen"
    settings.DWK_PARTNER = "Stiftung Mitarbeit; TU Dortmund"

    reader = PdfReader(io.BytesIO(quartiersprofil_pdf(quartier=quartier, fassung=fassung)))
    titelseite = " ".join(reader.pages[0].extract_text().split())  # as ``lesen`` reads it; only this page

    assert "Programm: Programm Altern im Quartier" in titelseite
    assert "Gefördert vom: Land Nordrhein-Westfalen" in titelseite
    assert "Partner: Stiftung Mitarbeit; TU Dortmund" in titelseite


def test_profil_pdf_of_a_release_is_byte_identical_each_time(voll, voll_pdf, settings):
    quartier, fassung = voll
    settings.DWK_PDF_CACHE_SEKUNDEN = 0  # rendered again, not taken from the cache

    erstes = voll_pdf
    zweites = quartiersprofil_pdf(quartier=quartier, fassung=fassung)

    assert erstes == zweites
    assert quartiersprofil_html(quartier=quartier, fassung=fassung) == quartiersprofil_html(
        quartier=quartier, fassung=fassung
    )
    assert PdfReader(io.BytesIO(erstes)).metadata["/CreationDate"].startswith("D:20170314")


def test_profil_pdf_has_no_text_below_11_pt(voll_pdf):
    reader = PdfReader(io.BytesIO(voll_pdf))
    zu_klein = []

    for nummer, seite in enumerate(reader.pages, start=1):

        def merken(text, cm, tm, _font, groesse, nummer=nummer):
            wirksam = groesse * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            if text.strip() and wirksam < 10.95:
                zu_klein.append((nummer, round(wirksam, 1), text.strip()[:30]))

        seite.extract_text(visitor_text=merken)

    # Body text, tables, captions, running heads, and the text inside maps and charts.
    assert zu_klein == []
