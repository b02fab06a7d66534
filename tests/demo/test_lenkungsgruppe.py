"""The steering group's demo data: the seed's group, meetings and decisions; a second run changes nothing.

The tests read the package's demo (tests/demo/conftest.py: ``demo_daten`` once per test process, each
test in a savepoint), the state `make run` shows, in which the generator has run once on the demo's
quarters and the demo account „lenkungsgruppe“.
"""

import datetime
import re

from django.utils import timezone

from demo.lenkungsgruppe import lenkungsgruppe_demo_anlegen
from demo.zeit import DEMO_TAG
from lenkungsgruppe.models import (
    Aufgabe,
    Beschluss,
    BeschlussArt,
    Meilenstein,
    Mitglied,
    Organisation,
    Sitzung,
    Tagesordnungspunkt,
    Teilnahme,
)

ZEILE = re.compile(
    r"Lenkungsgruppe: (?P<aktive>\d+) aktive Mitglieder \((?P<mitglieder>\d+) insgesamt\), (?P<sitzungen>\d+) "
    r"Sitzungen, (?P<beschluesse>\d+) Beschlüsse, (?P<aufgaben>\d+) Aufgaben, (?P<fachplanungen>\d+) Fachplanungen, "
    r"(?P<meilensteine>\d+) Meilensteine; Demo-Zugang „lenkungsgruppe“ = (?P<verknuepft>.+)"
)


def erster_lauf(ausgabe):
    """What the generator returned in the demo's (first) run, as ``demo_daten`` prints it (all but the
    ratings' count)."""
    werte = ZEILE.search(ausgabe).groupdict()
    return {name: wert if name == "verknuepft" else int(wert) for name, wert in werte.items()}


def test_demo_gruppe_mit_17_aktiven_mitgliedern(demo):
    erster = erster_lauf(demo)
    assert (erster["aktive"], erster["mitglieder"]) == (17, 18)
    assert erster["verknuepft"] == "Thomas Overkamp"
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
    assert sitzungen[6:9] == [
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


def test_demo_lebt_am_16_oktober_2017(demo, settings):
    settings.DWK_HEUTE = DEMO_TAG

    kommende = [(s.nummer, timezone.localtime(s.beginn).date()) for s in Sitzung.objects.kommende()]
    assert kommende == [(12, datetime.date(2017, 11, 22)), (13, datetime.date(2018, 1, 24))]
    assert not Teilnahme.objects.filter(sitzung__nummer__in=[12, 13]).exclude(status="eingeladen").exists()
    assert Sitzung.objects.get(nummer=11).protokoll_genehmigt_in is None  # approved in November
    offen = Aufgabe.objects.offen()
    assert [a.titel for a in Aufgabe.objects.ueberfaellig()] == [
        "Dokumentation der Bürgerwerkstatt Derne an die Mitglieder versenden"
    ]
    assert (offen.count(), offen.filter(faellig_am__gte=DEMO_TAG).count()) == (5, 4)
    assert list(offen.filter(verantwortlich_mitglied__nachname="Overkamp").values_list("faellig_am", flat=True)) == [
        datetime.date(2017, 10, 25)
    ]
    assert all(a.erledigt_am <= DEMO_TAG for a in Aufgabe.objects.filter(status="erledigt"))
    assert not Meilenstein.objects.filter(erreicht_am__gt=DEMO_TAG).exists()
    assert set(Meilenstein.objects.filter(geplant_am__gt=DEMO_TAG).values_list("status", flat=True)) <= {
        "geplant",
        "laufend",
    }


def test_demo_zweiter_lauf_aendert_nichts(demo):
    def verlauf():
        return [model.history.count() for model in (Mitglied, Sitzung, Tagesordnungspunkt, Beschluss, Aufgabe)]

    vorher = verlauf()
    zweiter, dritter = lenkungsgruppe_demo_anlegen(), lenkungsgruppe_demo_anlegen()
    # The first run's result as printed, and the ratings' count (not printed) from one more run.
    assert ({k: getattr(zweiter, k) for k in erster_lauf(demo)}, dritter) == (erster_lauf(demo), zweiter)
    assert verlauf() == vorher
