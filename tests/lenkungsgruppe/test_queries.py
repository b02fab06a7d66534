"""Reads of the steering group: residents per quarter (the analysis' rule), the day the pages decide on."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lenkungsgruppe.models import BeschlussArt
from lenkungsgruppe.queries import einwohner_je_quartier as _einwohner_je_quartier
from lenkungsgruppe.queries import quartiervergleich
from quartiere.models import Indikator, Kennzahl, QuartierUnterbezirk
from tests.factories import AufgabeFactory, BeschlussFactory, QuartierFactory, SitzungFactory, UnterbezirkFactory


@pytest.fixture
def einwohner(db):
    indikator = Indikator.objects.get(schluessel="ew_gesamt")

    def setzen(unterbezirk, jahr, wert):
        Kennzahl.objects.create(indikator=indikator, jahr=jahr, ebene="unterbezirk", unterbezirk=unterbezirk, wert=wert)

    return setzen


def einwohner_je_quartier(quartiere, **kwargs):
    """The query's result with each ``Wert`` as its rounded number (None when withheld)."""
    return {
        pk: (jahr, None if wert.geheim else round(wert.wert))
        for pk, (jahr, wert) in _einwohner_je_quartier(quartiere, **kwargs).items()
    }


def _unterbezirke(anzahl):
    """Unterbezirke of one statistischer Bezirk, so the test city is one city (the factories
    would give each its own), and its sums are those of the confidentiality groups."""
    erster = UnterbezirkFactory()
    return [erster, *UnterbezirkFactory.create_batch(anzahl - 1, bezirk=erster.bezirk)]


def _quartier(*abdeckungen):
    # In the Unterbezirke's own Stadtbezirk: a Stadtbezirk of the factory's own would be an area
    # without values beside them, which the confidentiality groups treat as hiding a small count.
    quartier = QuartierFactory(stadtbezirk=abdeckungen[0][0].bezirk.stadtbezirk) if abdeckungen else QuartierFactory()
    for unterbezirk, anteil in abdeckungen:
        QuartierUnterbezirk.objects.create(quartier=quartier, unterbezirk=unterbezirk, anteil=anteil)
    return quartier


def test_einwohner_summe_der_anteile(einwohner):
    a, b = _unterbezirke(2)
    quartier = _quartier((a, 1.0), (b, 0.5))
    einwohner(a, 2016, 1000)
    einwohner(b, 2016, 400)
    assert einwohner_je_quartier([quartier]) == {quartier.pk: (2016, 1200)}


def test_einwohner_quartier_mit_unterbezirk_ohne_wert_bekommt_keine_summe(einwohner):
    """The analysis' documented rule: one covered Unterbezirk without a value leaves the quarter
    without a value for that year (the old steering-group sum counted the others and showed 1000)."""
    a, b, c = _unterbezirke(3)
    luecke = _quartier((a, 1.0), (b, 1.0))
    vollstaendig = _quartier((c, 1.0))
    einwohner(a, 2016, 1000)
    einwohner(c, 2016, 700)
    assert einwohner_je_quartier([luecke, vollstaendig]) == {vollstaendig.pk: (2016, 700)}


def test_einwohner_ein_jahr_fuer_alle_bis_zum_beschluss(einwohner):
    a, b = _unterbezirke(2)
    frueh, spaet = _quartier((a, 1.0)), _quartier((b, 1.0))
    einwohner(a, 2015, 900)
    einwohner(a, 2016, 1000)
    einwohner(b, 2016, 500)
    einwohner(b, 2024, 600)
    # Taken in 2016: the figures of 2016 for both.
    assert einwohner_je_quartier([frueh, spaet], bis_jahr=2016) == {frueh.pk: (2016, 1000), spaet.pk: (2016, 500)}
    # Without a limit the latest year; a quarter without a value in it is left out.
    assert einwohner_je_quartier([frueh, spaet]) == {spaet.pk: (2024, 600)}
    # Nothing up to the limit: the figures there are.
    assert einwohner_je_quartier([frueh, spaet], bis_jahr=2000) == {spaet.pk: (2024, 600)}


def test_einwohner_ohne_abdeckung_nichts(einwohner):
    assert einwohner_je_quartier([QuartierFactory()]) == {}


def _zeit(tag):
    return timezone.make_aware(datetime.datetime(2017, 10, tag, 14))


def test_uebersicht_entscheidet_am_tag_der_app(client_mitglied, settings):
    """With ``DWK_HEUTE`` (the demo's 16 October 2017) the next meeting is the one after that day
    and a task due on the 20th is not overdue yet — whatever the real date is."""
    settings.DWK_HEUTE = datetime.date(2017, 10, 16)
    SitzungFactory(beginn=_zeit(2), titel="Vergangen")
    naechste = SitzungFactory(beginn=_zeit(30), titel="Demnächst")
    AufgabeFactory(faellig_am=datetime.date(2017, 10, 20))
    AufgabeFactory(faellig_am=datetime.date(2017, 10, 1))
    kontext = client_mitglied.get(reverse("lenkungsgruppe:uebersicht")).context
    assert (kontext["naechste_sitzung"], kontext["anzahl_offen"], kontext["anzahl_ueberfaellig"]) == (naechste, 2, 1)


def test_meine_naechste_sitzung_am_tag_der_app(client_mitglied, mitglied, settings):
    settings.DWK_HEUTE = datetime.date(2017, 10, 16)
    SitzungFactory(beginn=_zeit(2)).teilnahmen.create(mitglied=mitglied)
    naechste = SitzungFactory(beginn=_zeit(30))
    naechste.teilnahmen.create(mitglied=mitglied)
    assert client_mitglied.get(reverse("lenkungsgruppe:meine")).context["naechste_sitzung"] == naechste


def test_quartiervergleich_kleine_einwohnerzahl_nur_fuer_projektteam(einwohner):
    """The comparison shows residents through the analysis' confidentiality rules: a small count
    reads "nicht ausgewiesen" for everyone who may not see small counts."""
    (a,) = _unterbezirke(1)
    klein = _quartier((a, 1.0))
    einwohner(a, 2016, 2)
    beschluss = BeschlussFactory(art=BeschlussArt.REFERENZQUARTIERE, sitzung=SitzungFactory(beginn=_zeit(16)))
    texte = {
        sieht: [z["einwohner"] for z in quartiervergleich(beschluss, sieht_fallzahlen=sieht) if z["quartier"] == klein]
        for sieht in (False, True)
    }
    assert texte == {False: ["nicht ausgewiesen"], True: ["2"]}
