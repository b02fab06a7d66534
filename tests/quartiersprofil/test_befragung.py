"""The survey of the senior offices: questionnaire, entering a paper form, the overview."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from quartiere.models import Handlungsfeld
from quartiersprofil.models import Antwort, Frage
from quartiersprofil.services.befragung import antworten_erfassen, fragen_speichern
from tests.factories import (
    AntwortFactory,
    BefragungFactory,
    FrageFactory,
    QuartierFactory,
    SeniorenbueroFactory,
)

pytestmark = pytest.mark.django_db


def _formset(prefix, zeilen, anfang=0):
    daten = {
        f"{prefix}-TOTAL_FORMS": str(len(zeilen)),
        f"{prefix}-INITIAL_FORMS": str(anfang),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, zeile in enumerate(zeilen):
        daten.update({f"{prefix}-{i}-{feld}": wert for feld, wert in zeile.items()})
    return daten


def test_fragen_bearbeiten_legt_fragen_an(client_projektteam):
    befragung = BefragungFactory()
    wohnen = Handlungsfeld.objects.get(slug="wohnen")

    antwort = client_projektteam.post(
        reverse("quartiersprofil:fragen_bearbeiten", args=[befragung.pk]),
        _formset(
            "fragen",
            [
                {"handlungsfeld": wohnen.pk, "text": "Gibt es barrierefreie Wohnungen?", "reihenfolge": "1"},
                {"handlungsfeld": "", "text": "", "reihenfolge": "0"},  # an untouched empty row
            ],
        ),
    )

    assert antwort.status_code == 302
    assert list(befragung.fragen.values_list("handlungsfeld__slug", "text")) == [
        ("wohnen", "Gibt es barrierefreie Wohnungen?")
    ]


def test_fragen_speichern_frage_mit_antworten_nicht_loeschbar():
    antwort = AntwortFactory()

    with pytest.raises(ValidationError):
        fragen_speichern(befragung=antwort.frage.befragung, entfernen=[antwort.frage])

    assert Frage.objects.count() == 1


def test_antworten_erfassen_ganzer_fragebogen(client_projektteam):
    quartier = QuartierFactory(slug="menglinghausen")
    buero = SeniorenbueroFactory(name="Seniorenbüro Hombruch")
    befragung = BefragungFactory()
    f1 = FrageFactory(befragung=befragung, handlungsfeld=Handlungsfeld.objects.get(reihenfolge=1), reihenfolge=1)
    f2 = FrageFactory(befragung=befragung, handlungsfeld=Handlungsfeld.objects.get(reihenfolge=2), reihenfolge=1)
    f3 = FrageFactory(befragung=befragung, handlungsfeld=Handlungsfeld.objects.get(reihenfolge=3), reihenfolge=1)
    url = reverse("quartiersprofil:antworten_erfassen", args=[befragung.pk])
    auswahl = f"?quartier=menglinghausen&seniorenbuero={buero.pk}&handlungsfeld="

    seite = client_projektteam.get(url + auswahl)
    assert [form.frage for form in seite.context["formset"].forms] == [f1, f2, f3]

    antwort = client_projektteam.post(
        url + auswahl,
        {
            "eingegangen_am": "2016-11-03",
            **_formset(
                "antworten",
                [
                    {"bewertung": "2", "text": "Gute Beratung"},
                    {"bewertung": "", "text": ""},
                    {"bewertung": "5", "text": ""},
                ],
            ),
        },
    )

    assert antwort.status_code == 302
    assert sorted(
        Antwort.objects.filter(quartier=quartier, seniorenbuero=buero).values_list("frage", "bewertung", "text")
    ) == sorted([(f1.pk, 2, "Gute Beratung"), (f3.pk, 5, "")])


def test_antworten_erfassen_leere_antwort_loescht_vorhandene():
    vorhanden = AntwortFactory()

    anzahl = antworten_erfassen(
        befragung=vorhanden.frage.befragung,
        quartier=vorhanden.quartier,
        seniorenbuero=vorhanden.seniorenbuero,
        antworten={vorhanden.frage: (None, "  ")},
    )

    assert (anzahl, Antwort.objects.count()) == (0, 0)


def test_antworten_erfassen_nur_von_seniorenbueros():
    from tests.factories import InfrastrukturFactory

    frage = FrageFactory()

    with pytest.raises(ValidationError):
        antworten_erfassen(
            befragung=frage.befragung,
            quartier=QuartierFactory(),
            seniorenbuero=InfrastrukturFactory(),
            antworten={frage: (1, "")},
        )


def test_befragung_uebersicht_anzahl_mittel_streuung(client_projektteam):
    quartier = QuartierFactory(slug="menglinghausen")
    frage = FrageFactory(handlungsfeld=Handlungsfeld.objects.get(reihenfolge=1))
    for bewertung, name in [(1, "Seniorenbüro A"), (3, "Seniorenbüro B")]:
        AntwortFactory(
            frage=frage, quartier=quartier, seniorenbuero=SeniorenbueroFactory(name=name), bewertung=bewertung
        )
    AntwortFactory(frage=frage, seniorenbuero=SeniorenbueroFactory(), bewertung=5)  # another quarter

    antwort = client_projektteam.get(reverse("quartiersprofil:befragung_uebersicht", args=["menglinghausen"]))

    feld = antwort.context["felder"][0]
    zeile = feld["fragen"][0]
    assert (feld["anzahl"], feld["mittel"], feld["streuung"]) == (2, 2, 1.0)
    assert (zeile["anzahl"], zeile["min"], zeile["max"], len(zeile["texte"])) == (2, 1, 3, 2)


@pytest.mark.parametrize("anzahl", [1, 3])
def test_befragung_liste_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    QuartierFactory(slug="menglinghausen")
    for _i in range(anzahl):
        AntwortFactory(frage=FrageFactory())

    with django_assert_num_queries(6):
        assert client_projektteam.get(reverse("quartiersprofil:befragung_liste")).status_code == 200


@pytest.mark.parametrize("anzahl", [1, 3])
def test_befragung_uebersicht_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    quartier = QuartierFactory(slug="menglinghausen")
    befragung = BefragungFactory()
    for _i in range(anzahl):
        AntwortFactory(frage=FrageFactory(befragung=befragung), quartier=quartier)

    url = reverse("quartiersprofil:befragung_uebersicht", args=["menglinghausen"])
    with django_assert_num_queries(9):
        assert client_projektteam.get(url).status_code == 200
