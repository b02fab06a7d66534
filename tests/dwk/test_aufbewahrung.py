"""Retention of the key persons' contact data (issue 13): kept until DWK_AUFBEWAHRUNG_JAHRE years
after DWK_PROJEKTENDE, then erased by ``manage.py aufbewahrung_anwenden`` with the anonymisation of
an erasure on request (history and free texts included). The clock is frozen with DWK_HEUTE
(dwk.zeit.heute)."""

import datetime
import io
import json
import logging

import pytest
from django.core.management import call_command

from quartiersprofil.models import Akteur
from quartiersprofil.services.aufbewahrung import aufbewahrungsfrist_endet
from tests.factories import AkteurFactory, GespraechFactory, QuartierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def projekt(settings):
    settings.DWK_PROJEKTENDE = datetime.date(2019, 12, 31)
    settings.DWK_AUFBEWAHRUNG_JAHRE = 2
    quartier = QuartierFactory()
    person = AkteurFactory(
        quartier=quartier, name="Hannelore Quästgen", email="h.quaestgen@example.org", telefon="0231 445566"
    )
    ohne_angaben = AkteurFactory(quartier=quartier, name="", email="", telefon="", anschrift="")
    gespraech = GespraechFactory(quartier=quartier, zusammenfassung="Hannelore Quästgen berichtet vom Treff.")
    return person, ohne_angaben, gespraech


def _befehl(*argumente):
    ausgabe = io.StringIO()
    call_command("aufbewahrung_anwenden", *argumente, stdout=ausgabe)
    return ausgabe.getvalue()


def test_vor_ablauf_der_frist_bleibt_alles(settings, projekt):
    person, _ohne, _gespraech = projekt
    settings.DWK_HEUTE = datetime.date(2021, 12, 30)
    ausgabe = _befehl()
    assert "Die Aufbewahrungsfrist endet am 31.12.2021 (2 Jahre nach Projektende am 31.12.2019)" in ausgabe
    person.refresh_from_db()
    assert (person.name, person.email, person.ist_anonymisiert) == (
        "Hannelore Quästgen",
        "h.quaestgen@example.org",
        False,
    )


def test_ab_dem_stichtag_werden_kontaktdaten_geloescht(settings, projekt, caplog):
    person, ohne_angaben, gespraech = projekt
    settings.DWK_HEUTE = datetime.date(2021, 12, 31)
    assert "Probelauf" in _befehl("--probelauf")
    person.refresh_from_db()
    assert person.name == "Hannelore Quästgen"

    with caplog.at_level(logging.INFO, logger="quartiersprofil.services.aufbewahrung"):
        ausgabe = _befehl()
    assert "Die Kontaktdaten von 1 Personen sind gelöscht" in ausgabe
    person.refresh_from_db()
    assert (person.name, person.email, person.telefon, person.ist_anonymisiert) == ("", "", "", True)
    assert (person.organisation, person.einwilligung_am) != ("", None)  # what is no personal data stays
    assert not person.history.exclude(name="").exists()
    gespraech.refresh_from_db()
    assert "Quästgen" not in gespraech.zusammenfassung
    assert "[anonymisiert]" in gespraech.zusammenfassung
    ohne_angaben.refresh_from_db()
    assert not ohne_angaben.ist_anonymisiert

    zeile = next(r for r in caplog.records if getattr(r, "ereignis", "") == "aufbewahrung_angewendet")
    assert (zeile.anzahl, zeile.akteur_ids) == (1, [person.pk])
    assert "Quästgen" not in json.dumps(zeile.__dict__, default=str)

    # A second run finds nothing more.
    assert "von 0 Personen" in _befehl()
    assert Akteur.objects.filter(ist_anonymisiert=True).count() == 1


def test_ohne_projektende_wird_nichts_geloescht(settings, projekt):
    person, _ohne, _gespraech = projekt
    settings.DWK_PROJEKTENDE = None
    settings.DWK_HEUTE = datetime.date(2040, 1, 1)
    assert "DWK_PROJEKTENDE ist nicht gesetzt" in _befehl()
    person.refresh_from_db()
    assert not person.ist_anonymisiert


def test_frist_konfigurierbar_und_schaltjahr(settings):
    settings.DWK_PROJEKTENDE = datetime.date(2020, 2, 29)
    settings.DWK_AUFBEWAHRUNG_JAHRE = 2
    assert aufbewahrungsfrist_endet() == datetime.date(2022, 2, 28)
    settings.DWK_AUFBEWAHRUNG_JAHRE = 4
    assert aufbewahrungsfrist_endet() == datetime.date(2024, 2, 29)
    settings.DWK_AUFBEWAHRUNG_JAHRE = 10
    settings.DWK_PROJEKTENDE = datetime.date(2019, 6, 30)
    assert aufbewahrungsfrist_endet() == datetime.date(2029, 6, 30)
