"""Lost updates: every edit page of the steering group refuses a save from an older state.

Two people open the same page; A saves, then B saves from the form B opened before: B gets the
message and the newer version, and nothing of A's save is overwritten. ``FAELLE`` must name every
``…_bearbeiten`` URL of the app (checked below), and the attendance and rating pages besides.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models.fields.files import FieldFile
from django.forms.models import model_to_dict
from django.urls import get_resolver, reverse

from lenkungsgruppe import queries, services
from lenkungsgruppe.models import FachplanungBewertung, TeilnahmeStatus
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

VERALTET = "inzwischen von jemand anderem geändert"

# URL name → (factory, the text field both people change)
FAELLE = {
    "lenkungsgruppe:mitglied_bearbeiten": (MitgliedFactory, "nachname"),
    "lenkungsgruppe:sitzung_bearbeiten": (SitzungFactory, "titel"),
    "lenkungsgruppe:tagesordnungspunkt_bearbeiten": (TagesordnungspunktFactory, "titel"),
    "lenkungsgruppe:protokoll_bearbeiten": (TagesordnungspunktFactory, "protokoll"),
    "lenkungsgruppe:beschluss_bearbeiten": (BeschlussFactory, "titel"),
    "lenkungsgruppe:aufgabe_bearbeiten": (AufgabeFactory, "titel"),
    "lenkungsgruppe:fachplanung_bearbeiten": (FachplanungFactory, "titel"),
    "lenkungsgruppe:projekt_bearbeiten": (StadtentwicklungsprojektFactory, "name"),
    "lenkungsgruppe:meilenstein_bearbeiten": (MeilensteinFactory, "titel"),
}


def test_jede_bearbeitungsseite_hat_einen_fall():
    namen = {
        f"lenkungsgruppe:{muster.name}"
        for muster in get_resolver("lenkungsgruppe.urls").url_patterns
        if muster.name.endswith("_bearbeiten")
    }
    assert namen == set(FAELLE)


def _wie_abgeschickt(form):
    """What a browser sends for ``form`` as it was opened (files left out)."""
    daten = {}
    for name in form.fields:
        wert = form[name].value()
        if wert is None or isinstance(wert, FieldFile) or wert is False:
            continue
        if wert is True:
            daten[name] = "on"
        elif isinstance(wert, list | tuple):
            daten[name] = [str(v) for v in wert]
        else:
            daten[name] = str(wert)
    return daten


def _zeile(objekt):
    objekt.refresh_from_db()
    return {**model_to_dict(objekt), "updated_at": objekt.updated_at}


@pytest.mark.parametrize("name", sorted(FAELLE))
def test_veralteter_stand_abgelehnt_nichts_geaendert(client_projektteam, name):
    factory, feld = FAELLE[name]
    objekt = factory()
    url = reverse(name, args=[objekt.pk])
    geoeffnet = _wie_abgeschickt(client_projektteam.get(url).context["form"])
    assert geoeffnet["bearbeitungsstand"]

    erste = client_projektteam.post(url, {**geoeffnet, feld: "Fassung von Frau A"})
    assert erste.status_code == 302, erste.context["form"].errors
    nach_a = _zeile(objekt)
    assert nach_a[feld] == "Fassung von Frau A"

    zweite = client_projektteam.post(url, {**geoeffnet, feld: "Fassung von Herrn B"})
    assert zweite.status_code == 200
    inhalt = zweite.content.decode()
    assert VERALTET in inhalt
    assert "Fassung von Frau A" in inhalt
    assert _zeile(objekt) == nach_a


def test_teilnahme_veralteter_stand_abgelehnt(client_projektteam):
    mitglied = MitgliedFactory()
    sitzung = SitzungFactory()
    sitzung.teilnahmen.create(mitglied=mitglied)
    url = reverse("lenkungsgruppe:teilnahme", args=[sitzung.pk])
    stand = client_projektteam.get(url).context["form"].initial["bearbeitungsstand"]
    feld = f"mitglied_{mitglied.pk}"

    erste = client_projektteam.post(url, {feld: TeilnahmeStatus.ANWESEND, "bearbeitungsstand": stand})
    assert erste.status_code == 302
    zweite = client_projektteam.post(url, {feld: TeilnahmeStatus.ENTSCHULDIGT, "bearbeitungsstand": stand})
    assert zweite.status_code == 200
    assert "von jemand anderem geändert" in zweite.content.decode()
    assert sitzung.teilnahmen.get().status == TeilnahmeStatus.ANWESEND


def test_bewertung_veralteter_stand_abgelehnt(client_mitglied, mitglied):
    wohnen = Handlungsfeld.objects.first()
    plan = FachplanungFactory(handlungsfelder=[wohnen])
    url = reverse("lenkungsgruppe:fachplanung_bewerten", args=[plan.pk])
    stand = client_mitglied.get(url).context["form"].initial["bearbeitungsstand"]
    feld = f"relevanz_{wohnen.pk}"

    erste = client_mitglied.post(url, {feld: "5", "bearbeitungsstand": stand})
    assert erste.status_code == 302
    zweite = client_mitglied.post(url, {feld: "1", "bearbeitungsstand": stand})
    assert zweite.status_code == 200
    assert "von jemand anderem geändert" in zweite.content.decode()
    assert list(FachplanungBewertung.objects.values_list("relevanz", flat=True)) == [5]
    # Opened again, the page carries the new state and saves.
    neu = client_mitglied.get(url).context["form"].initial["bearbeitungsstand"]
    assert client_mitglied.post(url, {feld: "1", "bearbeitungsstand": neu}).status_code == 302


def _gleichzeitig(speichern, werte):
    """Runs ``speichern(wert)`` for each value in its own thread and connection, released together;
    returns ``{wert: "gespeichert" | error code}``."""
    barriere, ergebnisse = threading.Barrier(len(werte)), {}

    def lauf(wert):
        try:
            barriere.wait(timeout=20)
            speichern(wert)
            ergebnisse[wert] = "gespeichert"
        except ValidationError as fehler:
            ergebnisse[wert] = fehler.code
        finally:
            connection.close()

    threads = [threading.Thread(target=lauf, args=(wert,)) for wert in werte]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return ergebnisse


# serialized_rollback: the flush after this test would otherwise also empty what the data
# migrations created (roles, fields of action) for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_gleichzeitige_teilnahme_und_bewertung_genau_eine_gewinnt(daten_der_migrationen):
    """Attendance and ratings are checked under a row lock: of two saves from the same state at the
    same moment exactly one wins, five times over (each save a real change: the state is compared by
    content, so saving what is already there changes nothing another save could lose)."""
    mitglied = MitgliedFactory()
    sitzung = SitzungFactory()
    sitzung.teilnahmen.create(mitglied=mitglied)
    wohnen = Handlungsfeld.objects.first()
    plan = FachplanungFactory(handlungsfelder=[wohnen])
    for _runde in range(5):
        stand = queries.teilnahme_stand(sitzung)
        ergebnisse = _gleichzeitig(
            lambda status, stand=stand: services.teilnahme_erfassen(
                sitzung=sitzung, status_je_mitglied={mitglied.pk: status}, stand=stand
            ),
            [
                s
                for s in (TeilnahmeStatus.ANWESEND, TeilnahmeStatus.ENTSCHULDIGT, TeilnahmeStatus.ABWESEND)
                if s != sitzung.teilnahmen.get().status
            ][:2],
        )
        assert sorted(ergebnisse.values()) == ["gespeichert", "veraltet"], ergebnisse
        gewonnen = next(wert for wert, ergebnis in ergebnisse.items() if ergebnis == "gespeichert")
        assert sitzung.teilnahmen.get().status == gewonnen

        stand = queries.bewertungs_stand(plan, mitglied)
        ergebnisse = _gleichzeitig(
            lambda relevanz, stand=stand: services.fachplanung_bewerten(
                fachplanung=plan, mitglied=mitglied, bewertungen={wohnen: (relevanz, "")}, stand=stand
            ),
            [r for r in range(1, 6) if r not in plan.bewertungen.values_list("relevanz", flat=True)][:2],
        )
        assert sorted(ergebnisse.values()) == ["gespeichert", "veraltet"], ergebnisse
        gewonnen = next(wert for wert, ergebnis in ergebnisse.items() if ergebnis == "gespeichert")
        assert list(plan.bewertungen.values_list("relevanz", flat=True)) == [gewonnen]
