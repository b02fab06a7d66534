"""Invitations (consent rule, letters as one PDF, e-mails after commit with the flyer), flyer and poster."""

import datetime
import importlib
import io

import pytest
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from pypdf import PdfReader

from buergerdialog.dokumente import flyer_pdf, plakat_pdf
from buergerdialog.models import Einladung, EinladungWeg, Motto
from buergerdialog.queries.einladungen import einladbare_akteure
from buergerdialog.services.einladungen import einladungen_mailen, einladungsbriefe_erstellen
from quartiersprofil.models import Akteur
from quartiersprofil.services.personen import akteur_einwilligung_widerrufen, akteur_speichern
from tests.dwk.test_pdf_fetcher import pdfa_kennung
from tests.factories import (
    X0,
    Y0,
    AkteurFactory,
    QuartierFactory,
    SeniorenbueroFactory,
    UserFactory,
    VeranstaltungFactory,
)

pytestmark = pytest.mark.django_db
MM_JE_PUNKT = 25.4 / 72


@pytest.fixture(autouse=True)
def demo_tag(settings):
    settings.DWK_HEUTE = datetime.date(2017, 6, 1)


def _text(pdf):
    return " ".join(" ".join(seite.extract_text().split()) for seite in PdfReader(io.BytesIO(pdf)).pages)


def _format_mm(pdf):
    seite = PdfReader(io.BytesIO(pdf)).pages[0]
    return round(float(seite.mediabox.width) * MM_JE_PUNKT), round(float(seite.mediabox.height) * MM_JE_PUNKT)


@pytest.fixture
def lage():
    """An event in a quarter with one person for each consent situation."""
    quartier = QuartierFactory(name="Menglinghausen")
    veranstaltung = VeranstaltungFactory(
        quartiere=[quartier],
        titel="Bürgerwerkstatt Menglinghausen",
        motto=Motto.objects.create(text="Mittendrin statt nur dabei"),
        adresse="Gemeindehaus, Dorfstraße 1",
        ort=Point(X0 + 0.005, Y0 + 0.005, srid=4326),
        stufenlos=True,
        hoerschleife=True,
        haltestelle="Menglinghausen Kirche",
    )
    SeniorenbueroFactory(name="Seniorenbüro Hombruch", adresse="Harkortstraße 58, 44225 Dortmund")
    personen = {
        "mit": AkteurFactory(quartier=quartier, name="Erika Einverstanden", email="erika@example.org"),
        "mit_ohne_mail": AkteurFactory(quartier=quartier, name="Otto Brief", email="", anschrift="Am Hang 3"),
        # Consent to contact, not to invitations: the purpose decides, not words in the free-text scope.
        "nur_kontakt": AkteurFactory(
            quartier=quartier,
            name="Karl Kontakt",
            email="karl@example.org",
            einwilligung_umfang="Kontaktaufnahme; Einladungen nur nach Rückfrage",
            einwilligung_einladungen=False,
        ),
        "ohne": AkteurFactory(
            quartier=quartier,
            name="Nina Niemals",
            email="nina@example.org",
            einwilligung_am=None,
            einwilligung_umfang="",
            einwilligung_textfassung="",
        ),
        "widerrufen": AkteurFactory(quartier=quartier, name="Wilma Widerruf", email="wilma@example.org"),
        "anderes_quartier": AkteurFactory(name="Anton Anderswo", email="anton@example.org"),
    }
    akteur_einwilligung_widerrufen(akteur=personen["widerrufen"], datum=datetime.date(2017, 5, 1))
    return veranstaltung, personen


def test_eingeladen_werden_nur_personen_mit_einwilligung_in_einladungen(lage):
    veranstaltung, personen = lage
    assert [a.name for a in einladbare_akteure(veranstaltung=veranstaltung)] == ["Erika Einverstanden", "Otto Brief"]


def test_mails_nach_dem_commit_mit_flyer_und_nur_an_einwilligende(lage, django_capture_on_commit_callbacks, mailoutbox):
    veranstaltung, personen = lage
    von = UserFactory()
    with django_capture_on_commit_callbacks(execute=False) as rueckrufe:
        adressen = einladungen_mailen(veranstaltung=veranstaltung, von=von)
    assert adressen == ["erika@example.org"]
    assert mailoutbox == []  # nothing before the commit
    for rueckruf in rueckrufe:
        rueckruf()
    assert [m.to for m in mailoutbox] == [["erika@example.org"]]
    nachricht = mailoutbox[0]
    assert nachricht.subject == "Einladung: Bürgerwerkstatt Menglinghausen am 29.06.2017"
    assert "Guten Tag Erika Einverstanden" in nachricht.body
    ((name, inhalt, art),) = nachricht.attachments
    assert (name, art) == (f"flyer-veranstaltung-{veranstaltung.pk}.pdf", "application/pdf")
    assert "Mittendrin statt nur dabei" in _text(inhalt)
    assert list(Einladung.objects.values_list("akteur__name", "weg", "von")) == [
        ("Erika Einverstanden", EinladungWeg.EMAIL, von.pk)
    ]


def test_rollback_verschickt_nichts(lage, django_capture_on_commit_callbacks, mailoutbox):
    veranstaltung, _personen = lage
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        einladungen_mailen(veranstaltung=veranstaltung, von=UserFactory())
        raise RuntimeError
    assert mailoutbox == []
    assert not Einladung.objects.exists()


@pytest.mark.parametrize("wer", ["ohne", "widerrufen", "nur_kontakt", "anderes_quartier"])
def test_person_ohne_einwilligung_wird_abgewiesen(lage, wer, mailoutbox):
    veranstaltung, personen = lage
    for dienst in (einladungen_mailen, einladungsbriefe_erstellen):
        with pytest.raises(ValidationError):
            dienst(veranstaltung=veranstaltung, von=UserFactory(), akteure=[personen["mit"], personen[wer]])
    assert not Einladung.objects.exists()


def test_niemand_mit_einwilligung(db):
    veranstaltung = VeranstaltungFactory(quartiere=[QuartierFactory()])
    AkteurFactory(quartier=veranstaltung.quartiere.get(), einwilligung_am=None, einwilligung_umfang="")
    with pytest.raises(ValidationError):
        einladungsbriefe_erstellen(veranstaltung=veranstaltung, von=UserFactory())


def test_briefe_ein_pdf_grossdruck_nur_eingeladene(lage):
    veranstaltung, personen = lage
    pdf = einladungsbriefe_erstellen(veranstaltung=veranstaltung, von=UserFactory())
    leser = PdfReader(io.BytesIO(pdf))
    assert len(leser.pages) == 2
    assert _format_mm(pdf) == (210, 297)
    assert pdfa_kennung(leser) == ("3", "B")
    text = _text(pdf)
    assert "Guten Tag Erika Einverstanden" in text and "Guten Tag Otto Brief" in text and "Am Hang 3" in text
    for wer in ("nur_kontakt", "ohne", "anderes_quartier"):
        assert personen[wer].name not in text
    assert "Wilma" not in text
    assert sorted(Einladung.objects.values_list("akteur__name", "weg")) == [
        ("Erika Einverstanden", EinladungWeg.BRIEF),
        ("Otto Brief", EinladungWeg.BRIEF),
    ]


def test_flyer_a5_grossdruck_mit_karte_und_kontakt(lage):
    veranstaltung, personen = lage
    pdf = flyer_pdf(veranstaltung=veranstaltung)
    leser = PdfReader(io.BytesIO(pdf))
    assert len(leser.pages) == 1
    assert _format_mm(pdf) == (148, 210)
    assert pdfa_kennung(leser) == ("3", "B")
    text = _text(pdf)
    for teil in (
        "Mittendrin statt nur dabei",
        "Bürgerwerkstatt Menglinghausen",
        "Donnerstag, 29. Juni 2017",
        "Gemeindehaus, Dorfstraße 1",
        "Stufenlos erreichbar",
        "Hörschleife für Hörgeräte",
        "Haltestelle in der Nähe: Menglinghausen Kirche",
        "Veranstaltungsort",  # the map's label, as text
        "Seniorenbüro Hombruch",
        "Harkortstraße 58",
    ):
        assert teil in text
    assert "Barrierefreies WC" not in text
    for person in personen.values():
        assert person.name not in text


def test_plakat_a3(lage):
    veranstaltung, _personen = lage
    pdf = plakat_pdf(veranstaltung=veranstaltung)
    assert _format_mm(pdf) == (297, 420)
    assert "Bürgerwerkstatt Menglinghausen" in _text(pdf)


def _ankreuzen(*personen):
    return {"akteure": [p.pk for p in personen]}


def test_seiten_als_projektteam(lage, client_projektteam, mailoutbox, django_capture_on_commit_callbacks):
    veranstaltung, personen = lage
    antwort = client_projektteam.get(reverse("buergerdialog:einladungen", args=[veranstaltung.pk]))
    assert antwort.status_code == 200
    inhalt = antwort.content.decode()
    assert "Erika Einverstanden" in inhalt and "Otto Brief" in inhalt
    for name in ("Karl Kontakt", "Nina Niemals", "Wilma", "Anton Anderswo"):
        assert name not in inhalt
    # A tick per person, all ticked at first.
    for wer in ("mit", "mit_ohne_mail"):
        assert f'name="akteure" value="{personen[wer].pk}" id="akteur-{personen[wer].pk}" checked' in inhalt
    assert antwort["Cache-Control"] == "private, no-store"
    auswahl = _ankreuzen(personen["mit"], personen["mit_ohne_mail"])
    antwort = client_projektteam.post(reverse("buergerdialog:einladungsbriefe", args=[veranstaltung.pk]), auswahl)
    assert antwort["Content-Type"] == "application/pdf"
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client_projektteam.post(reverse("buergerdialog:einladungen_mailen", args=[veranstaltung.pk]), auswahl)
    assert antwort.status_code == 302
    assert len(mailoutbox) == 1
    antwort = client_projektteam.get(reverse("buergerdialog:einladungen", args=[veranstaltung.pk]))
    inhalt = antwort.content.decode()
    assert "E-Mail 01.06.2017" in inhalt and "Brief 01.06.2017" in inhalt
    for name in ("flyer", "plakat"):
        antwort = client_projektteam.get(reverse(f"buergerdialog:{name}", args=[veranstaltung.pk]))
        assert antwort["Content-Type"] == "application/pdf"


def test_nur_die_angekreuzten_werden_eingeladen(lage, client_projektteam):
    veranstaltung, personen = lage
    antwort = client_projektteam.post(
        reverse("buergerdialog:einladungsbriefe", args=[veranstaltung.pk]), _ankreuzen(personen["mit_ohne_mail"])
    )
    text = _text(antwort.content)
    assert "Guten Tag Otto Brief" in text and "Erika" not in text
    assert list(Einladung.objects.values_list("akteur__name", flat=True)) == ["Otto Brief"]


@pytest.mark.parametrize("wer", ["ohne", "widerrufen", "nur_kontakt", "anderes_quartier"])
@pytest.mark.parametrize("seite", ["einladungsbriefe", "einladungen_mailen"])
def test_angekreuzte_person_ohne_einwilligung_wird_abgewiesen(lage, client_projektteam, mailoutbox, wer, seite):
    veranstaltung, personen = lage
    url = reverse(f"buergerdialog:{seite}", args=[veranstaltung.pk])
    antwort = client_projektteam.post(url, _ankreuzen(personen["mit"], personen[wer]), follow=True)
    meldung = "Eingeladen werden nur Personen des Quartiers, die in Einladungen eingewilligt haben."
    assert meldung in antwort.content.decode()
    assert not Einladung.objects.exists()
    assert mailoutbox == []


def test_ohne_auswahl_klare_meldung(lage, client_projektteam):
    veranstaltung, _personen = lage
    antwort = client_projektteam.post(reverse("buergerdialog:einladungsbriefe", args=[veranstaltung.pk]), follow=True)
    assert "Bitte wählen Sie mindestens eine Person aus" in antwort.content.decode()
    assert not Einladung.objects.exists()


def test_datenmigration_liest_den_zweck_aus_dem_alten_freitext(db):
    """Migration 0005 of quartiersprofil: a valid consent whose free-text scope names invitations
    becomes the purpose „Einladungen“; withdrawn, anonymised and other scopes stay without it."""
    from django.apps import apps  # noqa: PLC0415 -- the migration's function takes an app registry

    migration = importlib.import_module("quartiersprofil.migrations.0005_einwilligung_einladungen")
    quartier = QuartierFactory()
    alt = {"quartier": quartier, "einwilligung_einladungen": False}
    ja = AkteurFactory(**alt, einwilligung_umfang="Kontaktaufnahme und Einladungen zu Veranstaltungen")
    nein = AkteurFactory(**alt, einwilligung_umfang="Kontaktaufnahme")
    widerrufen = AkteurFactory(**alt, widerrufen_am=datetime.date(2017, 3, 1))
    ohne = AkteurFactory(**alt, einwilligung_am=None)
    migration.aus_dem_umfang_lesen(apps, None)
    assert {a.name: a.einwilligung_einladungen for a in Akteur.objects.filter(quartier=quartier)} == {
        ja.name: True,
        nein.name: False,
        widerrufen.name: False,
        ohne.name: False,
    }


@pytest.mark.parametrize("anzahl", [1, 3])
def test_einladungsseite_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    quartier = QuartierFactory()
    veranstaltung = VeranstaltungFactory(quartiere=[quartier])
    for _ in range(anzahl):
        akteur = AkteurFactory(quartier=quartier)
        Einladung.objects.create(
            veranstaltung=veranstaltung, akteur=akteur, weg=EinladungWeg.BRIEF, am=veranstaltung.beginn
        )
    with django_assert_num_queries(7):
        antwort = client_projektteam.get(reverse("buergerdialog:einladungen", args=[veranstaltung.pk]))
    assert len(antwort.context["akteure"]) == anzahl


def _schriftgroessen(pdf):
    """The font sizes (pt) of the text outside the map (the map's SVG text is drawn mirrored, so its
    size comes out negative here and is left out)."""
    groessen = set()

    def besucher(text, cm, tm, _font, groesse):
        wirksam = groesse * tm[3] * cm[3]
        if text.strip() and wirksam > 0:
            groessen.add((round(wirksam, 1), text.strip()))

    for seite in PdfReader(io.BytesIO(pdf)).pages:
        seite.extract_text(visitor_text=besucher)
    return groessen


def test_grossdruck_ab_14_punkt(lage):
    veranstaltung, _personen = lage
    briefe = einladungsbriefe_erstellen(veranstaltung=veranstaltung, von=UserFactory())
    for pdf, ausnahme in ((flyer_pdf(veranstaltung=veranstaltung), None), (briefe, "Seniorenbüro Hombruch ·")):
        groessen = _schriftgroessen(pdf)
        assert groessen
        # The only smaller line: the letter's return address above the address field (DIN 5008, 8 pt).
        assert {(g, t) for g, t in groessen if g < 14 and not (ausnahme and t.startswith(ausnahme))} == set()


def test_einwilligung_in_einladungen_braucht_ein_datum(db):
    akteur = AkteurFactory.build(quartier=QuartierFactory(), einwilligung_am=None, einwilligung_einladungen=True)
    with pytest.raises(ValidationError) as fehler:
        akteur_speichern(akteur=akteur)
    assert fehler.value.message_dict == {
        "einwilligung_einladungen": ["Eine Einwilligung in Einladungen braucht das Datum der Einwilligung."]
    }
    assert not Akteur.objects.filter(name=akteur.name).exists()
