"""Review by the steering group: starting a round, a member rates only as themself and only until the
deadline, the aggregation against hand-computed values, the pages (query guards), reminders by e-mail."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from buergerdialog.models import BewertungsErinnerung, ErgebnisBewertung
from buergerdialog.queries.bewertung import auswertung, offene_bewertungen, wer_noch_bewertet
from buergerdialog.services.bewertung import bewertungsrunde_starten, ergebnisse_bewerten
from dwk.permissions import LENKUNGSGRUPPE
from tests.factories import (
    BewertungsrundeFactory,
    ErgebnisBewertungFactory,
    ErgebnisFactory,
    MitgliedFactory,
    UserFactory,
    VeranstaltungFactory,
)

pytestmark = pytest.mark.django_db
TAG = datetime.date(2017, 8, 20)


@pytest.fixture(autouse=True)
def tag(settings):
    settings.DWK_HEUTE = TAG


def _mitglied(**felder):
    benutzer = UserFactory(rolle=LENKUNGSGRUPPE)
    return MitgliedFactory(benutzer=benutzer, **felder)


def _runde(anzahl=2, frist=datetime.date(2017, 8, 31)):
    veranstaltung = VeranstaltungFactory(status="durchgefuehrt")
    ergebnisse = [ErgebnisFactory(veranstaltung=veranstaltung, punkte=i) for i in range(anzahl)]
    return BewertungsrundeFactory(veranstaltung=veranstaltung, ergebnisse=ergebnisse, frist=frist), ergebnisse


# --- services ----------------------------------------------------------------------------------


def test_runde_starten_nimmt_alle_ergebnisse_ohne_auswahl(projektteam):
    veranstaltung = VeranstaltungFactory(status="durchgefuehrt")
    ergebnisse = [ErgebnisFactory(veranstaltung=veranstaltung) for _ in range(3)]
    runde = bewertungsrunde_starten(veranstaltung=veranstaltung, frist=TAG, gestartet_von=projektteam)
    assert sorted(runde.ergebnisse.values_list("pk", flat=True)) == sorted(e.pk for e in ergebnisse)


def test_runde_starten_mit_auswahl_und_nicht_mit_fremden_ergebnissen(projektteam):
    veranstaltung = VeranstaltungFactory(status="durchgefuehrt")
    eigene = ErgebnisFactory(veranstaltung=veranstaltung)
    ErgebnisFactory(veranstaltung=veranstaltung)
    fremd = ErgebnisFactory()
    with pytest.raises(ValidationError):
        bewertungsrunde_starten(veranstaltung=veranstaltung, frist=TAG, gestartet_von=None, ergebnisse=[fremd])
    runde = bewertungsrunde_starten(veranstaltung=veranstaltung, frist=TAG, gestartet_von=None, ergebnisse=[eigene])
    assert list(runde.ergebnisse.all()) == [eigene]


def test_runde_mit_frist_in_der_vergangenheit_abgelehnt():
    veranstaltung = VeranstaltungFactory(status="durchgefuehrt")
    ErgebnisFactory(veranstaltung=veranstaltung)
    with pytest.raises(ValidationError) as fehler:
        bewertungsrunde_starten(veranstaltung=veranstaltung, frist=TAG - datetime.timedelta(days=1), gestartet_von=None)
    assert "frist" in fehler.value.message_dict


def test_mitglied_bewertet_und_korrigiert():
    runde, (a, b) = _runde()
    mitglied = _mitglied()
    anzahl = ergebnisse_bewerten(
        runde=runde,
        mitglied=mitglied,
        benutzer=mitglied.benutzer,
        bewertungen={a.pk: (5, 2, " gut "), b.pk: (None, None, "")},
    )
    assert anzahl == 1
    ergebnisse_bewerten(runde=runde, mitglied=mitglied, benutzer=mitglied.benutzer, bewertungen={a.pk: (3, 4, "")})
    assert list(ErgebnisBewertung.objects.values_list("relevanz", "machbarkeit", "kommentar")) == [(3, 4, "")]
    ergebnisse_bewerten(
        runde=runde, mitglied=mitglied, benutzer=mitglied.benutzer, bewertungen={a.pk: (None, None, "")}
    )
    assert ErgebnisBewertung.objects.count() == 0


def test_mitglied_bewertet_nur_als_es_selbst():
    runde, (a, _b) = _runde()
    mitglied, anderes = _mitglied(), _mitglied()
    with pytest.raises(ValidationError) as fehler:
        ergebnisse_bewerten(runde=runde, mitglied=mitglied, benutzer=anderes.benutzer, bewertungen={a.pk: (5, 5, "")})
    assert fehler.value.code == "fremd"
    ohne_konto = MitgliedFactory()
    with pytest.raises(ValidationError):
        ergebnisse_bewerten(runde=runde, mitglied=ohne_konto, benutzer=anderes.benutzer, bewertungen={a.pk: (5, 5, "")})
    assert ErgebnisBewertung.objects.count() == 0


def test_bewertung_nach_der_frist_eingefroren(settings):
    runde, (a, _b) = _runde(frist=TAG)
    mitglied = _mitglied()
    ergebnisse_bewerten(runde=runde, mitglied=mitglied, benutzer=mitglied.benutzer, bewertungen={a.pk: (4, 4, "")})
    settings.DWK_HEUTE = TAG + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as fehler:
        ergebnisse_bewerten(runde=runde, mitglied=mitglied, benutzer=mitglied.benutzer, bewertungen={a.pk: (1, 1, "")})
    assert fehler.value.code == "frist"
    assert list(ErgebnisBewertung.objects.values_list("relevanz", "machbarkeit")) == [(4, 4)]


def test_nur_ergebnisse_der_runde_und_beide_masse_zusammen():
    runde, (a, _b) = _runde()
    mitglied = _mitglied()
    fremd = ErgebnisFactory(veranstaltung=runde.veranstaltung)  # of the event, not in the round
    for bewertungen in ({fremd.pk: (3, 3, "")}, {a.pk: (3, None, "")}):
        with pytest.raises(ValidationError):
            ergebnisse_bewerten(runde=runde, mitglied=mitglied, benutzer=mitglied.benutzer, bewertungen=bewertungen)
    assert ErgebnisBewertung.objects.count() == 0


def test_veralteter_stand_abgelehnt():
    from buergerdialog.queries.bewertung import bewertungs_stand

    runde, (a, _b) = _runde()
    mitglied = _mitglied()
    stand = bewertungs_stand(runde=runde, mitglied=mitglied)
    ergebnisse_bewerten(
        runde=runde, mitglied=mitglied, benutzer=mitglied.benutzer, bewertungen={a.pk: (2, 2, "")}, stand=stand
    )
    with pytest.raises(ValidationError) as fehler:
        ergebnisse_bewerten(
            runde=runde, mitglied=mitglied, benutzer=mitglied.benutzer, bewertungen={a.pk: (5, 5, "")}, stand=stand
        )
    assert fehler.value.code == "veraltet"


# --- aggregation against hand-computed values -------------------------------------------------


def test_auswertung_gegen_handgerechnete_werte():
    runde, (a, b, c) = _runde(anzahl=3)
    m1, m2, m3, m4, m5 = (_mitglied() for _ in range(5))
    MitgliedFactory(benutzer=UserFactory(), mitglied_bis=datetime.date(2017, 1, 31))  # left: not missing
    for mitglied, werte in (
        (m1, {a.pk: (5, 3, "wichtig"), b.pk: (5, 4, "")}),
        (m2, {a.pk: (4, 3, ""), b.pk: (5, 5, "")}),
        (m3, {a.pk: (4, 5, ""), b.pk: (4, 5, "")}),
        (m4, {a.pk: (2, 1, "")}),
    ):
        ergebnisse_bewerten(runde=runde, mitglied=mitglied, benutzer=mitglied.benutzer, bewertungen=werte)

    daten = auswertung(runde=runde, mit_ausstehenden=True)

    # a: relevance 5,4,4,2 → mean 3.75, median 4, 2–5; feasibility 3,3,5,1 → mean 3.0, median 3; together 3.375
    # b: relevance 5,5,4 → mean 14/3, median 5; feasibility 4,5,5 → 14/3; together 14/3 → first
    # c: not rated → last, without a place
    assert [(r.ergebnis, r.platz) for r in daten["raenge"]] == [(b, 1), (a, 2), (c, None)]
    rang_b, rang_a, rang_c = daten["raenge"]
    assert rang_a.relevanz.mittel == 3.75
    assert rang_a.relevanz.median == 4
    assert (rang_a.relevanz.kleinster, rang_a.relevanz.groesster) == (2, 5)
    assert rang_a.relevanz.verteilung == [0, 1, 0, 2, 1]
    assert rang_a.machbarkeit.mittel == 3.0
    assert rang_a.machbarkeit.median == 3
    assert rang_a.machbarkeit.verteilung == [1, 0, 2, 0, 1]
    assert rang_a.kombiniert == 3.375
    assert rang_b.relevanz.mittel == pytest.approx(14 / 3)
    assert rang_b.machbarkeit.median == 5
    assert rang_b.kombiniert == pytest.approx(14 / 3)
    assert rang_c.kombiniert is None and rang_c.relevanz.verteilung == [0, 0, 0, 0, 0]
    assert rang_a.kommentare == [(f"{m1.vorname} {m1.nachname}", "wichtig")]
    assert daten["anzahl_bewertende"] == 4
    assert {m.pk: offen for m, offen in daten["ausstehend"]} == {m1.pk: 1, m2.pk: 1, m3.pk: 1, m4.pk: 2, m5.pk: 3}
    assert wer_noch_bewertet(runde=runde) == daten["ausstehend"]


def test_gleichstand_entscheidet_relevanz_dann_punkte():
    runde, (a, b) = _runde()  # a has 0 dots, b 1
    m = _mitglied()
    ergebnisse_bewerten(runde=runde, mitglied=m, benutzer=m.benutzer, bewertungen={a.pk: (4, 2, ""), b.pk: (3, 3, "")})
    assert [r.ergebnis for r in auswertung(runde=runde)["raenge"]] == [a, b]
    ergebnisse_bewerten(runde=runde, mitglied=m, benutzer=m.benutzer, bewertungen={a.pk: (3, 3, ""), b.pk: (3, 3, "")})
    assert [r.ergebnis for r in auswertung(runde=runde)["raenge"]] == [b, a]


def test_offene_bewertungen_des_mitglieds(settings):
    runde, (a, _b) = _runde()
    m = _mitglied()
    ergebnisse_bewerten(runde=runde, mitglied=m, benutzer=m.benutzer, bewertungen={a.pk: (4, 2, "")})
    offen = offene_bewertungen(benutzer=m.benutzer)
    assert [(o["runde"], o["bewertet"], o["anzahl"]) for o in offen] == [(runde, 1, 2)]
    assert offene_bewertungen(benutzer=UserFactory()) == []
    settings.DWK_HEUTE = runde.frist + datetime.timedelta(days=1)
    assert offene_bewertungen(benutzer=m.benutzer) == []


# --- pages ---------------------------------------------------------------------------------------


def test_bewertungsseite_speichert_nur_eigene_bewertungen(client):
    runde, (a, b) = _runde()
    m = _mitglied()
    client.force_login(m.benutzer)
    url = reverse("buergerdialog:bewerten", kwargs={"pk": runde.veranstaltung_id})
    seite = client.get(url)
    assert "0 von 2 bewertet" in seite.content.decode()
    stand = seite.context["form"].initial["bearbeitungsstand"]
    antwort = client.post(url, {"bearbeitungsstand": stand, f"relevanz_{a.pk}": "5", f"machbarkeit_{a.pk}": "4"})
    assert antwort.status_code == 302 and antwort.url == url
    assert list(ErgebnisBewertung.objects.values_list("mitglied", "ergebnis", "relevanz", "machbarkeit")) == [
        (m.pk, a.pk, 5, 4)
    ]
    assert "1 von 2 bewertet" in client.get(url).content.decode()
    # the same stale form a second time (another tab) is refused
    antwort = client.post(url, {"bearbeitungsstand": stand, f"relevanz_{b.pk}": "1", f"machbarkeit_{b.pk}": "1"})
    assert antwort.status_code == 200
    assert ErgebnisBewertung.objects.count() == 1


def test_bewertungsseite_nach_der_frist_ohne_formular(client, settings):
    runde, (a, _b) = _runde(frist=TAG)
    m = _mitglied()
    ErgebnisBewertungFactory(runde=runde, ergebnis=a, mitglied=m, relevanz=2, machbarkeit=2)
    settings.DWK_HEUTE = TAG + datetime.timedelta(days=1)
    client.force_login(m.benutzer)
    url = reverse("buergerdialog:bewerten", kwargs={"pk": runde.veranstaltung_id})
    inhalt = client.get(url).content.decode()
    assert "Bewertungen speichern" not in inhalt and "abgelaufen" in inhalt
    client.post(url, {f"relevanz_{a.pk}": "5", f"machbarkeit_{a.pk}": "5"})
    assert list(ErgebnisBewertung.objects.values_list("relevanz", flat=True)) == [2]


def test_ergebnisseite_ausstehende_nur_fuer_projektteam(client, client_projektteam):
    runde, _ergebnisse = _runde()
    m = _mitglied(nachname="Noch-Offen")
    url = reverse("buergerdialog:bewertung_ergebnis", kwargs={"pk": runde.veranstaltung_id})
    assert "Noch-Offen" in client_projektteam.get(url).content.decode()
    client.force_login(m.benutzer)
    assert "Noch-Offen" not in client.get(url).content.decode()


def test_ergebnisseite_200_karten_17_bewertende_hoechstens_20_abfragen(
    client_projektteam, django_assert_max_num_queries
):
    runde, ergebnisse = _runde(anzahl=200)
    mitglieder = [_mitglied() for _ in range(17)]
    ErgebnisBewertung.objects.bulk_create(
        ErgebnisBewertung(
            runde=runde, ergebnis=e, mitglied=m, relevanz=1 + (i + j) % 5, machbarkeit=1 + (i * j) % 5, kommentar="ok"
        )
        for i, e in enumerate(ergebnisse)
        for j, m in enumerate(mitglieder)
    )
    url = reverse("buergerdialog:bewertung_ergebnis", kwargs={"pk": runde.veranstaltung_id})
    with django_assert_max_num_queries(20):
        antwort = client_projektteam.get(url)
    assert antwort.status_code == 200
    assert antwort.context["anzahl_bewertende"] == 17


@pytest.mark.parametrize("anzahl", [1, 3])
def test_ergebnisseite_abfragen_unabhaengig_von_der_anzahl(client_projektteam, django_assert_num_queries, anzahl):
    runde, ergebnisse = _runde(anzahl=anzahl)
    for _ in range(anzahl):
        m = _mitglied()
        for e in ergebnisse:
            ErgebnisBewertungFactory(runde=runde, ergebnis=e, mitglied=m)
    url = reverse("buergerdialog:bewertung_ergebnis", kwargs={"pk": runde.veranstaltung_id})
    with django_assert_num_queries(ABFRAGEN_ERGEBNISSEITE):
        assert client_projektteam.get(url).status_code == 200


@pytest.mark.parametrize("anzahl", [1, 3])
def test_bewertungsseite_abfragen_unabhaengig_von_der_anzahl(client, django_assert_num_queries, anzahl):
    runde, ergebnisse = _runde(anzahl=anzahl)
    m = _mitglied()
    for e in ergebnisse:
        ErgebnisBewertungFactory(runde=runde, ergebnis=e, mitglied=m)
    client.force_login(m.benutzer)
    url = reverse("buergerdialog:bewerten", kwargs={"pk": runde.veranstaltung_id})
    with django_assert_num_queries(ABFRAGEN_BEWERTUNGSSEITE):
        assert client.get(url).status_code == 200


ABFRAGEN_ERGEBNISSEITE = 11
ABFRAGEN_BEWERTUNGSSEITE = 12


# --- reminders -----------------------------------------------------------------------------------


def test_erinnerung_einmal_je_mitglied_und_runde(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    runde, (a, b) = _runde(frist=TAG + datetime.timedelta(days=3))
    _spaet, _ = _runde(frist=TAG + datetime.timedelta(days=10))  # not yet due
    fertig, offen, ohne_adresse = _mitglied(), _mitglied(nachname="Offen"), _mitglied(email="")
    ergebnisse_bewerten(
        runde=runde, mitglied=fertig, benutzer=fertig.benutzer, bewertungen={a.pk: (3, 3, ""), b.pk: (3, 3, "")}
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("bewertungen_erinnern", "--tage", "3")
    assert [m.to for m in mail.outbox] == [[offen.email]]
    assert "2 Ergebnisse offen" in mail.outbox[0].body
    assert f"/buergerdialog/veranstaltungen/{runde.veranstaltung_id}/bewerten/" in mail.outbox[0].body
    assert list(BewertungsErinnerung.objects.values_list("runde", "mitglied")) == [(runde.pk, offen.pk)]
    assert ohne_adresse.pk not in BewertungsErinnerung.objects.values_list("mitglied", flat=True)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("bewertungen_erinnern", "--tage", "3")
    assert len(mail.outbox) == 1
