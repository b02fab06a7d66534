"""No personal data in the PDFs meant for the public and the committees.

Every text field of every model that holds a person or what persons wrote about persons (found by
introspection of ``PERSONENMODELLE``, so a new text field is covered without anyone remembering) gets
a sentinel person's name, e-mail and telephone; so does the caption of a photo not marked
publishable. Then every kind of PDF that must not name persons is rendered — the quarter profile,
and the citizen dialogue's flyer, poster, questionnaire and documentation — and the sentinel is
searched in the text of every page, in the info dictionary and XMP metadata, and in attachments.
(The invitation letters are addressed to persons on purpose; they are not among them.)
"""

import io

import pytest
from django.apps import apps
from django.db import models, transaction
from django.test import override_settings
from pypdf import PdfReader

from berichte.pdf import quartiersprofil_pdf
from buergerdialog.dokumente import dokumentation_pdf, flyer_pdf, fragebogen_pdf, plakat_pdf
from buergerdialog.models import Veranstaltung
from quartiersprofil.models import Foto
from tests.berichte.test_pdf import hombruch, menglinghausen  # noqa: F401 -- fixtures
from tests.berichte.test_profil_pdf import voll_anlegen
from tests.factories import (
    AkteurFactory,
    DokumentationFactory,
    EinladungFactory,
    GespraechFactory,
    NachhaltigkeitFactory,
    PartnerkontoFactory,
    WeitergabeFactory,
)

NACHNAME = "Qwenzel"
EMAIL = "iq@qwz.de"
TELEFON = "0231 774411"
SENTINEL = f"Ida {NACHNAME}, {EMAIL}, Tel. {TELEFON}"
# Models whose rows are persons, or what persons said or wrote about persons.
PERSONENMODELLE = (
    "auth.User",
    "quartiersprofil.Akteur",
    "quartiersprofil.Gespraech",
    "lenkungsgruppe.Mitglied",
    "buergerdialog.Fragebogen",
    "buergerdialog.ErgebnisBewertung",
    "buergerdialog.Weitergabe",
    "buergerdialog.Nachhaltigkeit",
)
OHNE = {("auth.User", "password")}


def _textfelder(modell):
    for feld in modell._meta.concrete_fields:
        if (modell._meta.label, feld.name) in OHNE or feld.choices or isinstance(feld, models.SlugField):
            continue
        if isinstance(feld, models.CharField | models.TextField):
            yield feld


def _wert(feld, pk):
    if isinstance(feld, models.EmailField):
        return f"{pk}.{EMAIL}"
    text = SENTINEL if not feld.unique else f"{SENTINEL} {pk}"
    if feld.max_length and len(text) > feld.max_length:
        text = f"{NACHNAME}{pk}" if feld.unique else NACHNAME
    return text[: feld.max_length] if feld.max_length else text


def _sentinel_einsetzen():
    """The sentinel in every text field of every row of ``PERSONENMODELLE``; returns the fields filled."""
    gefuellt = []
    for label in PERSONENMODELLE:
        modell = apps.get_model(label)
        felder = list(_textfelder(modell))
        assert felder, f"{label} hat keine Textfelder mehr: Liste prüfen."
        zeilen = list(modell.objects.all())
        assert zeilen, f"Keine Zeile von {label} angelegt."
        for zeile in zeilen:
            modell.objects.filter(pk=zeile.pk).update(**{f.name: _wert(f, zeile.pk) for f in felder})
        gefuellt += [f"{label}.{f.name}" for f in felder]
    Foto.objects.filter(darf_veroeffentlicht_werden=False).update(bildunterschrift=SENTINEL)
    return gefuellt


def _fundstellen(pdf):
    """Where the sentinel appears in ``pdf``: page texts, metadata, XMP, attachments."""
    reader = PdfReader(io.BytesIO(pdf))
    teile = {f"Seite {n}": seite.extract_text() for n, seite in enumerate(reader.pages, start=1)}
    teile["Info"] = " ".join(str(w) for w in (reader.metadata or {}).values())
    metadaten = reader.trailer["/Root"].get("/Metadata")
    teile["XMP"] = metadaten.get_object().get_data().decode("utf-8", "replace") if metadaten else ""
    teile["Anhänge"] = " ".join(reader.attachments)
    zeichen = (NACHNAME.lower(), "qwz.de", "774411", "77 44")
    return sorted(
        ort for ort, text in teile.items() if any(z in " ".join(text.lower().split()) for z in zeichen)
    ), reader


def personen_anlegen():
    """The full profile of test_profil_pdf with a key person, a talk linked to the released section, an
    invitation, a partner's account, a forwarding, a continuation and a documentation; then the sentinel
    everywhere. Returns (quarter, released version, event, the fields filled)."""
    quartier, fassung = voll_anlegen()
    veranstaltung = Veranstaltung.objects.get(titel="Bürgerwerkstatt Menglinghausen")
    akteur = AkteurFactory(quartier=quartier)
    gespraech = GespraechFactory(quartier=quartier)
    gespraech.teilnehmende.add(akteur)
    fassung.abschnitte.order_by("handlungsfeld__reihenfolge").first().gespraeche.add(gespraech)
    EinladungFactory(veranstaltung=veranstaltung, akteur=akteur)
    PartnerkontoFactory()
    WeitergabeFactory(ergebnis=veranstaltung.ergebnisse.first())
    NachhaltigkeitFactory(veranstaltung=veranstaltung)
    DokumentationFactory(veranstaltung=veranstaltung)
    gefuellt = _sentinel_einsetzen()
    return quartier, fassung, veranstaltung, gefuellt


# Built once for the module (no test here changes it): its rows live in a transaction rolled back when
# the module is done, its photos in the module's own folder; each test runs in a savepoint inside it (``db``).
@pytest.fixture(scope="module")
def personen_stand(django_db_setup, django_db_blocker, tmp_path_factory):
    medien = tmp_path_factory.mktemp("sentinel-media")
    with override_settings(MEDIA_ROOT=medien), django_db_blocker.unblock(), transaction.atomic():
        yield personen_anlegen(), medien
        transaction.set_rollback(True)


@pytest.fixture
def mit_personen(personen_stand, db, settings):
    """(quarter, released version, event, fields filled) of the module's state, its photos in reach."""
    stand, settings.MEDIA_ROOT = personen_stand
    return stand


def test_sentinel_reaches_the_person_fields(mit_personen):
    _quartier, _fassung, _veranstaltung, gefuellt = mit_personen

    assert {"quartiersprofil.Akteur.name", "quartiersprofil.Gespraech.zusammenfassung"} <= set(gefuellt)
    assert "buergerdialog.ErgebnisBewertung.kommentar" in gefuellt


@pytest.mark.parametrize(
    "art",
    [
        "quartiersprofil",
        "flyer",
        "plakat",
        "fragebogen",
        # The documentation counts the questionnaires' free texts instead of printing them (they may name persons).
        "dokumentation",
    ],
)
def test_pdf_contains_no_personal_data(mit_personen, art):
    quartier, fassung, veranstaltung, _gefuellt = mit_personen
    rendern = {
        "quartiersprofil": lambda: quartiersprofil_pdf(quartier=quartier, fassung=fassung),
        "flyer": lambda: flyer_pdf(veranstaltung=veranstaltung),
        "plakat": lambda: plakat_pdf(veranstaltung=veranstaltung),
        "fragebogen": lambda: fragebogen_pdf(veranstaltung=veranstaltung),
        "dokumentation": lambda: dokumentation_pdf(veranstaltung=veranstaltung),
    }[art]

    fundstellen, reader = _fundstellen(rendern())

    assert fundstellen == []
    assert len(reader.pages) >= 1
    assert reader.attachments == {}
