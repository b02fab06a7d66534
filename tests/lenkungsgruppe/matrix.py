"""The steering group's part of the permission matrix (see tests/dwk/test_berechtigungen.py).

Members and Projektteam read everything; only Projektteam edits; a member linked to the
account rates plans and sets the status of their own tasks; Ratsbüro and Partner get 403.
"""

import datetime

from django.utils import timezone

from lenkungsgruppe.models import AufgabeStatus
from quartiere.models import Handlungsfeld
from tests.factories import (
    AufgabeFactory,
    BeschlussFactory,
    FachplanungFactory,
    MeilensteinFactory,
    MitgliedFactory,
    SitzungFactory,
    StadtentwicklungsprojektFactory,
    TagesordnungspunktFactory,
)
from tests.matrix import nur

LESEN = nur("projektteam", "lenkungsgruppe", "superuser")
BEARBEITEN = nur("projektteam", "superuser")


def _pk(name):
    return lambda o: {"pk": o[name].pk}


MATRIX = {
    "lenkungsgruppe:uebersicht": ("get", {}, LESEN),
    "lenkungsgruppe:meine": ("get", {}, LESEN),
    "lenkungsgruppe:mitglied_liste": ("get", {}, LESEN),
    "lenkungsgruppe:mitglied_neu": ("get", {}, BEARBEITEN),
    "lenkungsgruppe:mitglied_bearbeiten": ("get", _pk("mitglied"), BEARBEITEN),
    "lenkungsgruppe:sitzung_liste": ("get", {}, LESEN),
    "lenkungsgruppe:sitzung_neu": ("get", {}, BEARBEITEN),
    "lenkungsgruppe:sitzung_detail": ("get", _pk("sitzung"), LESEN),
    "lenkungsgruppe:sitzung_bearbeiten": ("get", _pk("sitzung"), BEARBEITEN),
    "lenkungsgruppe:tagesordnungspunkt_neu": ("get", _pk("sitzung"), BEARBEITEN),
    "lenkungsgruppe:tagesordnungspunkt_bearbeiten": ("get", _pk("tagesordnungspunkt"), BEARBEITEN),
    "lenkungsgruppe:protokoll_bearbeiten": ("get", _pk("tagesordnungspunkt"), BEARBEITEN),
    "lenkungsgruppe:teilnahme": ("get", _pk("sitzung"), BEARBEITEN),
    "lenkungsgruppe:protokoll_genehmigen": ("get", _pk("sitzung"), BEARBEITEN),
    "lenkungsgruppe:protokoll_pdf": ("get", _pk("sitzung_genehmigt"), LESEN),
    "lenkungsgruppe:einladung_pdf": ("get", _pk("sitzung"), LESEN),
    "lenkungsgruppe:einladung_ics": ("get", _pk("sitzung"), LESEN),
    "lenkungsgruppe:einladung_versenden": ("get", _pk("sitzung"), BEARBEITEN),
    "lenkungsgruppe:beschluss_liste": ("get", {}, LESEN),
    "lenkungsgruppe:beschluss_export": ("get", {"format": "csv"}, LESEN),
    "lenkungsgruppe:beschluss_neu": ("get", {}, BEARBEITEN),
    "lenkungsgruppe:beschluss_detail": ("get", _pk("beschluss"), LESEN),
    "lenkungsgruppe:beschluss_bearbeiten": ("get", _pk("beschluss"), BEARBEITEN),
    "lenkungsgruppe:aufgabe_liste": ("get", {}, LESEN),
    "lenkungsgruppe:aufgabe_neu": ("get", {}, BEARBEITEN),
    "lenkungsgruppe:aufgabe_bearbeiten": ("get", _pk("aufgabe_eigen"), BEARBEITEN),
    # A member may set the status of their own task (a POST that redirects back).
    "lenkungsgruppe:aufgabe_status": (
        "post",
        _pk("aufgabe_eigen"),
        {
            **nur("projektteam", "lenkungsgruppe", "superuser"),
            "projektteam": 302,
            "lenkungsgruppe": 302,
            "superuser": 302,
        },
    ),
    "lenkungsgruppe:fachplanung_liste": ("get", {}, LESEN),
    "lenkungsgruppe:fachplanung_neu": ("get", {}, BEARBEITEN),
    "lenkungsgruppe:fachplanung_detail": ("get", _pk("fachplanung"), LESEN),
    "lenkungsgruppe:fachplanung_bearbeiten": ("get", _pk("fachplanung"), BEARBEITEN),
    # Ratings belong to a member: only an account linked to a Mitglied rates.
    "lenkungsgruppe:fachplanung_bewerten": ("get", _pk("fachplanung"), nur("lenkungsgruppe")),
    # The plan has no file: readers get 404 (checked after the permission), everyone else 403.
    "lenkungsgruppe:fachplanung_datei": (
        "get",
        _pk("fachplanung"),
        {**LESEN, "projektteam": 404, "lenkungsgruppe": 404, "superuser": 404},
    ),
    "lenkungsgruppe:projekt_liste": ("get", {}, LESEN),
    "lenkungsgruppe:projekt_neu": ("get", {}, BEARBEITEN),
    "lenkungsgruppe:projekt_detail": ("get", _pk("projekt"), LESEN),
    "lenkungsgruppe:projekt_bearbeiten": ("get", _pk("projekt"), BEARBEITEN),
    "lenkungsgruppe:meilenstein_neu": ("get", {}, BEARBEITEN),
    "lenkungsgruppe:meilenstein_bearbeiten": ("get", _pk("meilenstein"), BEARBEITEN),
}


def anlegen(benutzer, quartier):
    """A member linked to the Lenkungsgruppe user, two meetings (the first approved in the
    second), an agenda item, a decision, the member's own task, a plan, a project, a milestone."""
    mitglied = MitgliedFactory(benutzer=benutzer["lenkungsgruppe"])
    spaeter = SitzungFactory(beginn=timezone.make_aware(datetime.datetime(2030, 3, 1, 14)))
    sitzung = SitzungFactory(protokoll_genehmigt_in=spaeter)
    sitzung.teilnahmen.create(mitglied=mitglied)
    top = TagesordnungspunktFactory(sitzung=sitzung, nummer=1, protokoll="Die Gruppe berät.")
    beschluss = BeschlussFactory(sitzung=sitzung, tagesordnungspunkt=top)
    beschluss.quartiere.add(quartier)
    fachplanung = FachplanungFactory(handlungsfelder=list(Handlungsfeld.objects.all()[:2]))
    return {
        "mitglied": mitglied,
        "sitzung": spaeter,
        "sitzung_genehmigt": sitzung,
        "tagesordnungspunkt": top,
        "beschluss": beschluss,
        "aufgabe_eigen": AufgabeFactory(verantwortlich_mitglied=mitglied, status=AufgabeStatus.OFFEN),
        "fachplanung": fachplanung,
        "projekt": StadtentwicklungsprojektFactory(name="nordwärts"),
        "meilenstein": MeilensteinFactory(),
    }
