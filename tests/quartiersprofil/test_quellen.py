"""Sources per quarter with excerpts per field of action."""

import pytest
from django.urls import reverse

from quartiere.models import Handlungsfeld
from quartiersprofil.models import Quelle, QuelleArt
from tests.factories import FachplanungFactory, QuartierFactory, QuelleFactory, QuellenAuszugFactory

pytestmark = pytest.mark.django_db


def _formset(prefix, zeilen, gesamt=2, anfang=0):
    daten = {
        f"{prefix}-TOTAL_FORMS": str(gesamt),
        f"{prefix}-INITIAL_FORMS": str(anfang),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, zeile in enumerate(zeilen):
        daten.update({f"{prefix}-{i}-{feld}": wert for feld, wert in zeile.items()})
    return daten


def test_quelle_anlegen_mit_auszuegen_und_fachplanung(client_projektteam):
    quartier = QuartierFactory(slug="menglinghausen")
    plan = FachplanungFactory(titel="Masterplan Mobilität 2030")
    wohnen, mobil = Handlungsfeld.objects.get(slug="wohnen"), Handlungsfeld.objects.order_by("reihenfolge")[1]

    antwort = client_projektteam.post(
        reverse("quartiersprofil:quelle_neu", args=["menglinghausen"]),
        {
            "titel": "Masterplan Mobilität 2030",
            "art": QuelleArt.MASTERPLAN,
            "fachplanung": plan.pk,
            "url": "https://example.org/masterplan",
            "gesichtet_am": "2016-08-01",
            **_formset(
                "auszuege",
                [
                    {"handlungsfeld": wohnen.pk, "text": "Kaum barrierefreie Wohnungen.", "fundstelle": "S. 12"},
                    {"handlungsfeld": mobil.pk, "text": "Takt der Buslinie 440 zu dünn.", "fundstelle": ""},
                ],
            ),
        },
    )

    quelle = Quelle.objects.get()
    assert antwort.url == reverse("quartiersprofil:quelle_liste", args=["menglinghausen"])
    assert (quelle.quartier, quelle.fachplanung) == (quartier, plan)
    assert sorted(quelle.auszuege.values_list("handlungsfeld__slug", "fundstelle")) == sorted(
        [("wohnen", "S. 12"), (mobil.slug, "")]
    )


def test_quelle_bearbeiten_auszug_loeschen(client_projektteam):
    auszug = QuellenAuszugFactory()
    quelle = auszug.quelle

    antwort = client_projektteam.post(
        reverse("quartiersprofil:quelle_bearbeiten", args=[quelle.pk]),
        {
            "titel": "Neuer Titel",
            "art": QuelleArt.BERICHT,
            "bearbeitungsstand": quelle.updated_at.isoformat(),
            **_formset(
                "auszuege",
                [
                    {
                        "id": auszug.pk,
                        "handlungsfeld": auszug.handlungsfeld_id,
                        "text": auszug.text,
                        "DELETE": "on",
                    }
                ],
                gesamt=1,
                anfang=1,
            ),
        },
    )

    quelle.refresh_from_db()
    assert (antwort.status_code, quelle.titel, quelle.auszuege.count()) == (302, "Neuer Titel", 0)


@pytest.mark.parametrize("anzahl", [1, 3])
def test_quelle_liste_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    quartier = QuartierFactory(slug="menglinghausen")
    for _i in range(anzahl):
        quelle = QuelleFactory(quartier=quartier, fachplanung=FachplanungFactory())
        QuellenAuszugFactory(quelle=quelle)
        QuellenAuszugFactory(quelle=quelle, handlungsfeld=Handlungsfeld.objects.last())
    url = reverse("quartiersprofil:quelle_liste", args=["menglinghausen"])

    with django_assert_num_queries(7):
        assert client_projektteam.get(url).status_code == 200
