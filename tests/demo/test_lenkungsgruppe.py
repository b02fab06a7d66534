"""The steering group's demo data: the seed's group, meetings and decisions; a second run changes nothing."""

import datetime

import pytest
from django.utils import timezone

from demo.lenkungsgruppe import lenkungsgruppe_demo_anlegen
from lenkungsgruppe.models import Beschluss, BeschlussArt, Mitglied, Organisation, Sitzung, Tagesordnungspunkt
from tests.factories import QuartierFactory, UserFactory


@pytest.fixture
def demo(db):
    for slug in ("menglinghausen", "derne", "jungferntal", "marten", "nordmarkt"):
        QuartierFactory(slug=slug, name=slug.title(), ist_referenzquartier=slug != "nordmarkt")
    UserFactory(username="lenkungsgruppe")
    return lenkungsgruppe_demo_anlegen()


def test_demo_gruppe_mit_17_aktiven_mitgliedern(demo):
    assert (demo.aktive, demo.mitglieder) == (17, 18)
    assert demo.verknuepft == "Thomas Overkamp"
    assert set(Organisation.objects.filter(art="externer_partner").values_list("kurzname", flat=True)) == {
        "Stiftung Mitarbeit",
        "FFG",
        "TDC e.V.",
    }
    ausgeschieden = Mitglied.objects.ausgeschieden().get()
    assert (ausgeschieden.nachname, ausgeschieden.stellvertretung.nachname) == ("Lange", "Nowak")


def test_demo_sitzungen_des_seeds(demo):
    sitzungen = [(s.nummer, timezone.localtime(s.beginn).date(), s.format) for s in Sitzung.objects.order_by("nummer")]
    assert [s for s in sitzungen if s[1].year == 2016 and s[2] == "zukunftswerkstatt"] == [
        (5, datetime.date(2016, 10, 19), "zukunftswerkstatt")
    ]
    assert len([s for s in sitzungen if s[1].year == 2016]) == 6
    assert sitzungen[6:] == [
        (7, datetime.date(2017, 2, 6), "planungstreffen"),
        (8, datetime.date(2017, 2, 21), "arbeitstreffen"),
        (9, datetime.date(2017, 3, 10), "telefonkonferenz"),
    ]
    assert Sitzung.objects.get(nummer=1).protokoll_genehmigt_in.nummer == 2


def test_demo_beschluesse(demo):
    auswahl = Beschluss.objects.get(art=BeschlussArt.REFERENZQUARTIERE)
    assert sorted(auswahl.quartiere.values_list("slug", flat=True)) == [
        "derne",
        "jungferntal",
        "marten",
        "menglinghausen",
    ]
    assert Beschluss.objects.get(art=BeschlussArt.HANDLUNGSFELDER).handlungsfelder.count() == 6
    assert Beschluss.objects.filter(art=BeschlussArt.DATENERFASSUNG).count() == 1


def test_demo_zweiter_lauf_aendert_nichts(demo):
    def verlauf():
        return [model.history.count() for model in (Mitglied, Sitzung, Tagesordnungspunkt, Beschluss)]

    vorher = verlauf()
    assert lenkungsgruppe_demo_anlegen() == demo
    assert verlauf() == vorher
