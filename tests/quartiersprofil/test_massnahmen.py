"""The status rules of measures, the board per quarter and the list across quarters."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from quartiersprofil.models import Massnahme, MassnahmeStatus
from quartiersprofil.services.massnahmen import (
    UEBERGAENGE,
    massnahme_fortschritt_setzen,
    massnahme_speichern,
    massnahme_status_aendern,
)
from tests.factories import MassnahmeFactory, MassnahmeMeilensteinFactory, QuartierFactory

pytestmark = pytest.mark.django_db
S = MassnahmeStatus

ERLAUBT = {
    (S.VORGESCHLAGEN, S.GEPRUEFT),
    (S.VORGESCHLAGEN, S.VERWORFEN),
    (S.GEPRUEFT, S.BESCHLOSSEN),
    (S.GEPRUEFT, S.VORGESCHLAGEN),
    (S.GEPRUEFT, S.VERWORFEN),
    (S.BESCHLOSSEN, S.IN_UMSETZUNG),
    (S.BESCHLOSSEN, S.VERWORFEN),
    (S.IN_UMSETZUNG, S.UMGESETZT),
    (S.IN_UMSETZUNG, S.BESCHLOSSEN),
    (S.IN_UMSETZUNG, S.VERWORFEN),
    (S.UMGESETZT, S.IN_UMSETZUNG),
    (S.VERWORFEN, S.VORGESCHLAGEN),
}


def test_uebergaenge_wie_dokumentiert():
    assert {(alt, neu) for alt, ziele in UEBERGAENGE.items() for neu in ziele} == ERLAUBT


@pytest.mark.parametrize("alt", list(S))
@pytest.mark.parametrize("neu", list(S))
def test_statuswechsel(alt, neu):
    massnahme = MassnahmeFactory(status=alt, verworfen_grund="alt" if alt == S.VERWORFEN else "")

    if (alt, neu) in ERLAUBT:
        massnahme = massnahme_status_aendern(massnahme=massnahme, status=neu, grund="zu teuer")
        assert massnahme.status == neu
    else:
        with pytest.raises(ValidationError):
            massnahme_status_aendern(massnahme=massnahme, status=neu, grund="zu teuer")
        assert Massnahme.objects.get(pk=massnahme.pk).status == alt


def test_verwerfen_braucht_einen_grund():
    massnahme = MassnahmeFactory()

    with pytest.raises(ValidationError) as fehler:
        massnahme_status_aendern(massnahme=massnahme, status=S.VERWORFEN, grund="   ")
    assert fehler.value.message_dict == {"grund": ["Bitte geben Sie einen Grund für das Verwerfen an."]}
    assert Massnahme.objects.get(pk=massnahme.pk).status == S.VORGESCHLAGEN


def test_verwerfen_speichert_grund_und_wiederaufnahme_leert_ihn():
    massnahme = massnahme_status_aendern(massnahme=MassnahmeFactory(), status=S.VERWORFEN, grund="Kein Träger")
    assert (massnahme.status, massnahme.verworfen_grund) == (S.VERWORFEN, "Kein Träger")

    massnahme = massnahme_status_aendern(massnahme=massnahme, status=S.VORGESCHLAGEN)

    assert (massnahme.status, massnahme.verworfen_grund) == (S.VORGESCHLAGEN, "")
    assert [h.verworfen_grund for h in massnahme.history.order_by("history_date")] == ["", "Kein Träger", ""]


def test_fortschritt_nur_in_der_umsetzung():
    massnahme = MassnahmeFactory(status=S.BESCHLOSSEN)
    with pytest.raises(ValidationError):
        massnahme_fortschritt_setzen(massnahme=massnahme, fortschritt=20)

    massnahme = massnahme_status_aendern(massnahme=massnahme, status=S.IN_UMSETZUNG)
    massnahme = massnahme_fortschritt_setzen(massnahme=massnahme, fortschritt=40)
    assert massnahme.fortschritt == 40
    with pytest.raises(ValidationError):
        massnahme_fortschritt_setzen(massnahme=massnahme, fortschritt=101)


def test_umgesetzt_heisst_100_prozent_und_zurueck_heisst_0():
    massnahme = MassnahmeFactory(status=S.IN_UMSETZUNG, fortschritt=60)

    assert massnahme_status_aendern(massnahme=massnahme, status=S.UMGESETZT).fortschritt == 100
    massnahme = massnahme_status_aendern(massnahme=massnahme, status=S.IN_UMSETZUNG)
    assert massnahme_status_aendern(massnahme=massnahme, status=S.BESCHLOSSEN).fortschritt == 0


def test_speichern_aendert_den_status_nicht():
    massnahme = MassnahmeFactory(status=S.GEPRUEFT)
    massnahme.status = S.UMGESETZT
    massnahme.titel = "Neuer Titel"

    massnahme_speichern(massnahme=massnahme)

    assert Massnahme.objects.values_list("titel", "status").get(pk=massnahme.pk) == ("Neuer Titel", S.GEPRUEFT)


def test_speichern_fortschritt_vor_der_umsetzung_abgelehnt():
    massnahme = MassnahmeFactory(status=S.GEPRUEFT)
    massnahme.fortschritt = 30

    with pytest.raises(ValidationError):
        massnahme_speichern(massnahme=massnahme)


def test_datenbank_verbietet_verworfen_ohne_grund():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        MassnahmeFactory(status=S.VERWORFEN, verworfen_grund="")


def test_statuswechsel_auf_dem_board_ohne_javascript(client_projektteam):
    massnahme = MassnahmeFactory()
    board = reverse("quartiersprofil:massnahme_board", kwargs={"slug": massnahme.quartier.slug})
    url = reverse("quartiersprofil:massnahme_status", kwargs={"pk": massnahme.pk})

    antwort = client_projektteam.post(url, {"status": "geprueft", "grund": "", "weiter": board})
    abgelehnt = client_projektteam.post(url, {"status": "verworfen", "grund": "", "weiter": board}, follow=True)

    assert antwort.url == board
    assert Massnahme.objects.get(pk=massnahme.pk).status == S.GEPRUEFT
    assert "Bitte geben Sie einen Grund für das Verwerfen an." in abgelehnt.content.decode()


def test_board_ordnet_nach_status(client_projektteam):
    quartier = QuartierFactory()
    a = MassnahmeFactory(quartier=quartier, titel="A")
    b = MassnahmeFactory(quartier=quartier, titel="B", status=S.VERWORFEN, verworfen_grund="doppelt")

    antwort = client_projektteam.get(reverse("quartiersprofil:massnahme_board", kwargs={"slug": quartier.slug}))

    spalten = dict(antwort.context["spalten"])
    assert (spalten[S.VORGESCHLAGEN], spalten[S.VERWORFEN], spalten[S.UMGESETZT]) == ([a], [b], [])


@pytest.mark.parametrize("anzahl", [1, 3])
def test_board_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    quartier = QuartierFactory()
    for _ in range(anzahl):
        MassnahmeMeilensteinFactory(massnahme=MassnahmeFactory(quartier=quartier))
    url = reverse("quartiersprofil:massnahme_board", kwargs={"slug": quartier.slug})

    with django_assert_num_queries(6):
        client_projektteam.get(url)


@pytest.mark.parametrize("anzahl", [1, 3])
def test_liste_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    for _ in range(anzahl):
        MassnahmeMeilensteinFactory(massnahme=MassnahmeFactory(quartier=QuartierFactory()))

    with django_assert_num_queries(7):
        client_projektteam.get(reverse("quartiersprofil:massnahme_liste"))


def test_liste_partner_sieht_nur_eigene_quartiere(client, partner):
    eigene = MassnahmeFactory()
    eigene.quartier.partner.add(partner)
    MassnahmeFactory()
    client.force_login(partner)

    antwort = client.get(reverse("quartiersprofil:massnahme_liste"))

    assert list(antwort.context["massnahmen"]) == [eigene]


def test_liste_als_csv(client_projektteam):
    MassnahmeFactory(titel="Bank am Markt", status=S.VERWORFEN, verworfen_grund="kein Platz")

    antwort = client_projektteam.get(reverse("quartiersprofil:massnahme_liste") + "?format=csv")

    zeilen = antwort.content.decode("utf-8-sig").splitlines()
    assert zeilen[1].split(";")[2:5] == ["Bank am Markt", "verworfen", "kein Platz"]


def test_meilenstein_erreichen(client_projektteam):
    meilenstein = MassnahmeMeilensteinFactory()

    client_projektteam.post(reverse("quartiersprofil:meilenstein_erreicht", kwargs={"pk": meilenstein.pk}))

    meilenstein.refresh_from_db()
    assert meilenstein.erreicht_am is not None
