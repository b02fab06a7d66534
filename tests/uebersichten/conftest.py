"""A small city for the overviews: Stadtbezirke with one statistical district and Unterbezirk each,
a reference quarter per Stadtbezirk, the agreed indicators with values, facilities, measures,
and the steering group's and citizen dialogue's records — persons named with a sentinel."""

import datetime

import pytest
from django.contrib.gis.geos import Point
from django.utils import timezone

from buergerdialog.models import VeranstaltungFormat, VeranstaltungStatus
from lenkungsgruppe.models import BeschlussArt, MeilensteinStatus, OrganisationArt
from quartiere.models import Indikator
from quartiere.services import quartier_unterbezirke_ableiten
from quartiersprofil.models import MassnahmeStatus
from tests.factories import (
    SEITE,
    X0,
    Y0,
    AkteurFactory,
    AufgabeFactory,
    BeschlussFactory,
    ErgebnisFactory,
    InfrastrukturFactory,
    KennzahlFactory,
    KommuneFactory,
    MassnahmeFactory,
    MeilensteinFactory,
    MitgliedFactory,
    OrganisationFactory,
    QuartierFactory,
    SitzungFactory,
    StadtbezirkFactory,
    StadtentwicklungsprojektFactory,
    StatistischerBezirkFactory,
    UnterbezirkFactory,
    UserFactory,
    VeranstaltungFactory,
    quadrat,
)

# Appears in every field that names a person; must never reach an overview.
SENTINEL = "Zyxwvutsky"


def stadtbezirk_anlegen(nummer, *, einwohner=1000, hochbetagte=100):
    """Stadtbezirk ``nummer`` (grid column) with one district, one Unterbezirk, a reference quarter
    covering it, values of the population indicators for 2020 and a pharmacy. Returns the quarter."""
    kommune = KommuneFactory(name="Dortmund")
    bezirk = StadtbezirkFactory(
        kommune=kommune, code=f"{nummer:02d}", name=f"Bezirk {nummer}", geometrie=quadrat(nummer, 5)
    )
    unterbezirk = UnterbezirkFactory(bezirk=StatistischerBezirkFactory(stadtbezirk=bezirk))
    quartier = QuartierFactory(
        stadtbezirk=bezirk, name=f"Quartier {nummer}", slug=f"quartier-{nummer}", ist_referenzquartier=True
    )
    quartier_unterbezirke_ableiten(quartier=quartier)
    for schluessel, wert in (("ew_gesamt", einwohner), ("ew_80plus", hochbetagte), ("ew_65plus", 3 * hochbetagte)):
        KennzahlFactory(indikator=Indikator.objects.get(schluessel=schluessel), unterbezirk=unterbezirk, wert=wert)
    InfrastrukturFactory(punkt=Point(X0 + (nummer + 0.5) * SEITE, Y0 + 5.5 * SEITE, srid=4326))
    MassnahmeFactory(quartier=quartier, status=MassnahmeStatus.BESCHLOSSEN)
    return quartier


@pytest.fixture
def stadt(db):
    """Two Stadtbezirke; the second has only 2 people aged 80+ (a small count)."""
    return [stadtbezirk_anlegen(1, hochbetagte=100), stadtbezirk_anlegen(2, hochbetagte=2)]


def lenkungsgruppe_anlegen(nummer, *, quartiere):
    """An organisation with a member (sentinel name), a meeting, a decision, a task, two milestones,
    a workshop and a citizen dialogue with a result, a key person and a project contact (sentinels)."""
    organisation = OrganisationFactory(name=f"Fachbereich Soziales {nummer}", kurzname=f"FB {nummer}")
    mitglied = MitgliedFactory(
        organisation=organisation,
        vorname=f"{SENTINEL}vor",
        nachname=f"{SENTINEL}nach{nummer}",
        email=f"s{nummer}@x.org",
    )
    AufgabeFactory(verantwortlich_mitglied=mitglied, titel=f"Aufgabe {nummer}")
    sitzung = SitzungFactory()
    beschluss = BeschlussFactory(sitzung=sitzung, art=BeschlussArt.REFERENZQUARTIERE, titel=f"Auswahl {nummer}")
    beschluss.quartiere.set(quartiere)
    MeilensteinFactory(
        titel=f"Erreichter Schritt {nummer}",
        status=MeilensteinStatus.ERREICHT,
        erreicht_am=datetime.date(2016, 7, nummer),
    )
    MeilensteinFactory(titel=f"Geplanter Schritt {nummer}", geplant_am=datetime.date(2030, 1, nummer))
    moderation = OrganisationFactory(
        name=f"Stiftung {nummer}", kurzname=f"Stiftung {nummer}", art=OrganisationArt.EXTERNER_PARTNER
    )
    erfasser = UserFactory(first_name=f"{SENTINEL}erfasser", last_name=SENTINEL)
    VeranstaltungFactory(
        format=VeranstaltungFormat.FACHWORKSHOP,
        themengruppe="I",
        titel=f"Workshop {nummer}",
        status=VeranstaltungStatus.DOKUMENTIERT,
        teilnehmende_anzahl=20,
        anwesenheit_erfasst_von=erfasser,
        veranstalter=f"{SENTINEL} Veranstalter",
    )
    dialog = VeranstaltungFactory(
        titel=f"Bürgerwerkstatt {nummer}",
        status=VeranstaltungStatus.DURCHGEFUEHRT,
        quartiere=quartiere[:1],
        moderation=[moderation],
        beginn=timezone.make_aware(datetime.datetime(2017, 6, nummer, 15)),
    )
    ErgebnisFactory(veranstaltung=dialog, text=f"Idee von {SENTINEL}", punkte=3)
    AkteurFactory(quartier=quartiere[0], name=f"{SENTINEL} Schlüsselperson {nummer}")
    StadtentwicklungsprojektFactory(name=f"Projekt {nummer}", kontakt_name=f"{SENTINEL} Kontakt")


@pytest.fixture
def projekt(stadt):
    """The city with one round of the steering group's and the dialogue's records."""
    lenkungsgruppe_anlegen(1, quartiere=stadt)
    return stadt
