"""The way into practice: a result becomes a measure or joins one (the path is kept when the measure
changes), is passed to another programme, comes back to the steering group as an agenda item; the
measure pages show the path; the measures list filters by origin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from buergerdialog.models import Umsetzung
from buergerdialog.queries.bewertung import massnahme_weg
from buergerdialog.services.bewertung import ergebnisse_bewerten
from buergerdialog.services.praxis import (
    ergebnis_als_massnahme,
    ergebnis_massnahme_anschliessen,
    ergebnisse_an_lenkungsgruppe,
    weitergabe_speichern,
)
from dwk.permissions import LENKUNGSGRUPPE
from quartiere.models import Handlungsfeld
from quartiersprofil.models import Massnahme, MassnahmeHerkunft
from quartiersprofil.queries.massnahmen import massnahmen_liste
from quartiersprofil.services.massnahmen import massnahme_speichern, massnahme_status_aendern
from tests.factories import (
    BeschlussFactory,
    BewertungsrundeFactory,
    ErgebnisFactory,
    MassnahmeFactory,
    MitgliedFactory,
    QuartierFactory,
    SitzungFactory,
    StadtentwicklungsprojektFactory,
    UmsetzungFactory,
    UserFactory,
    VeranstaltungFactory,
    WeitergabeFactory,
)

pytestmark = pytest.mark.django_db
TAG = datetime.date(2017, 8, 20)


@pytest.fixture(autouse=True)
def tag(settings):
    settings.DWK_HEUTE = TAG


@pytest.fixture
def quartier():
    return QuartierFactory(name="Derne", slug="derne")


@pytest.fixture
def ergebnis(quartier):
    veranstaltung = VeranstaltungFactory(quartiere=[quartier], status="durchgefuehrt", titel="Derne 13. Juli")
    return ErgebnisFactory(veranstaltung=veranstaltung, text="Eine Bank an der Haltestelle", punkte=7)


def _feld():
    return Handlungsfeld.objects.order_by("reihenfolge").first()


def test_ergebnis_wird_neue_massnahme(ergebnis, quartier, projektteam):
    beschluss = BeschlussFactory()
    umsetzung = ergebnis_als_massnahme(
        ergebnis=ergebnis,
        quartier=quartier,
        handlungsfeld=_feld(),
        titel=" Bänke ",
        benutzer=projektteam,
        beschluss=beschluss,
    )
    m = umsetzung.massnahme
    assert (m.titel, m.quartier, m.herkunft, m.status) == ("Bänke", quartier, "buergerdialog", "vorgeschlagen")
    assert (umsetzung.neu_angelegt, umsetzung.beschluss, umsetzung.verknuepft_von) == (True, beschluss, projektteam)


def test_massnahme_nur_in_einem_quartier_der_veranstaltung(ergebnis):
    with pytest.raises(ValidationError):
        ergebnis_als_massnahme(
            ergebnis=ergebnis, quartier=QuartierFactory(), handlungsfeld=_feld(), titel="X", benutzer=None
        )
    with pytest.raises(ValidationError):
        ergebnis_massnahme_anschliessen(ergebnis=ergebnis, massnahme=MassnahmeFactory(), benutzer=None)
    assert Massnahme.objects.count() == 1 and Umsetzung.objects.count() == 0  # the factory's own only


def test_ergebnis_schliesst_sich_an_und_nicht_doppelt(ergebnis, quartier):
    massnahme = MassnahmeFactory(quartier=quartier, herkunft=MassnahmeHerkunft.PROFIL)
    ergebnis_massnahme_anschliessen(ergebnis=ergebnis, massnahme=massnahme, benutzer=None)
    with pytest.raises(ValidationError):
        ergebnis_massnahme_anschliessen(ergebnis=ergebnis, massnahme=massnahme, benutzer=None)
    massnahme.refresh_from_db()
    assert massnahme.herkunft == MassnahmeHerkunft.PROFIL  # joining does not change the measure


def test_weg_bleibt_wenn_die_massnahme_sich_aendert(ergebnis, quartier):
    runde = BewertungsrundeFactory(veranstaltung=ergebnis.veranstaltung, ergebnisse=[ergebnis], frist=TAG)
    for relevanz, machbarkeit in ((5, 4), (4, 2)):
        mitglied = MitgliedFactory(benutzer=UserFactory(rolle=LENKUNGSGRUPPE))
        ergebnisse_bewerten(
            runde=runde,
            mitglied=mitglied,
            benutzer=mitglied.benutzer,
            bewertungen={ergebnis.pk: (relevanz, machbarkeit, "")},
        )
    beschluss = BeschlussFactory(titel="Bänke an Haltestellen")
    massnahme = ergebnis_als_massnahme(
        ergebnis=ergebnis, quartier=quartier, handlungsfeld=_feld(), titel="Bänke", benutzer=None, beschluss=beschluss
    ).massnahme

    massnahme.titel, massnahme.beschreibung = "Sitzbänke an drei Haltestellen", "neu gefasst"
    massnahme_speichern(massnahme=massnahme)
    for status in ("geprueft", "beschlossen", "in_umsetzung"):
        massnahme_status_aendern(massnahme=massnahme, status=status)

    weg = massnahme_weg(massnahme=Massnahme.objects.get(pk=massnahme.pk))
    [schritt] = weg["schritte"]
    assert (schritt["ergebnis"], schritt["beschluss"]) == (ergebnis, beschluss)
    assert (schritt["relevanz"].mittel, schritt["machbarkeit"].mittel, schritt["relevanz"].anzahl) == (4.5, 3.0, 2)
    assert Massnahme.objects.get(pk=massnahme.pk).status == "in_umsetzung"


def test_weitergabe_antwort_nicht_vor_der_weitergabe(ergebnis):
    weitergabe = WeitergabeFactory.build(
        ergebnis=ergebnis,
        projekt=StadtentwicklungsprojektFactory(name="nordwärts"),
        antwort_am=datetime.date(2017, 9, 1),
    )
    with pytest.raises(ValidationError):
        weitergabe_speichern(weitergabe=weitergabe)
    weitergabe.antwort_am, weitergabe.antwort = datetime.date(2017, 9, 20), "Wird im Programm aufgenommen."
    assert weitergabe_speichern(weitergabe=weitergabe).pk is not None


def test_tagesordnungspunkt_mit_rangfolge(ergebnis):
    sitzung = SitzungFactory(beginn=timezone.make_aware(datetime.datetime(2017, 9, 12, 14, 0)))
    with pytest.raises(ValidationError):  # no review round yet
        ergebnisse_an_lenkungsgruppe(veranstaltung=ergebnis.veranstaltung, sitzung=sitzung)
    runde = BewertungsrundeFactory(veranstaltung=ergebnis.veranstaltung, ergebnisse=[ergebnis], frist=TAG)
    mitglied = MitgliedFactory(benutzer=UserFactory(rolle=LENKUNGSGRUPPE))
    ergebnisse_bewerten(
        runde=runde, mitglied=mitglied, benutzer=mitglied.benutzer, bewertungen={ergebnis.pk: (5, 4, "")}
    )
    top = ergebnisse_an_lenkungsgruppe(veranstaltung=ergebnis.veranstaltung, sitzung=sitzung)
    assert top.titel == "Ergebnisse der Bürgerwerkstatt „Derne 13. Juli“"
    assert top.quartier == ergebnis.veranstaltung.quartiere.get()
    assert "1. Eine Bank an der Haltestelle – Relevanz 5,0, Machbarkeit 4,0 (Bewertungen: 1)" in top.beschreibung
    vorbei = SitzungFactory(beginn=timezone.make_aware(datetime.datetime(2017, 8, 1, 14, 0)))
    with pytest.raises(ValidationError):
        ergebnisse_an_lenkungsgruppe(veranstaltung=ergebnis.veranstaltung, sitzung=vorbei)


# --- pages ---------------------------------------------------------------------------------------


def test_praxis_seite_legt_massnahme_an(client_projektteam, ergebnis, quartier):
    url = reverse("buergerdialog:ergebnis_praxis", kwargs={"ergebnis_pk": ergebnis.pk})
    antwort = client_projektteam.post(
        url, {"titel": "Bänke", "quartier": quartier.pk, "handlungsfeld": _feld().pk, "beschreibung": "x"}
    )
    massnahme = Massnahme.objects.get(titel="Bänke")
    assert antwort.url == reverse("buergerdialog:massnahme_weg", kwargs={"pk": massnahme.pk})
    assert massnahme.herkunft == "buergerdialog"


def test_massnahmenseite_verlinkt_den_weg_nur_wenn_es_einen_gibt(client_projektteam, ergebnis, quartier):
    mit = UmsetzungFactory(ergebnis=ergebnis, massnahme=MassnahmeFactory(quartier=quartier)).massnahme
    ohne = MassnahmeFactory(quartier=quartier)
    weg = reverse("buergerdialog:massnahme_weg", kwargs={"pk": mit.pk})
    assert weg in client_projektteam.get(mit.get_absolute_url()).content.decode()
    assert "/weg/" not in client_projektteam.get(ohne.get_absolute_url()).content.decode()
    inhalt = client_projektteam.get(weg).content.decode()
    assert "Eine Bank an der Haltestelle" in inhalt and "Derne 13. Juli" in inhalt


@pytest.mark.parametrize("anzahl", [1, 3])
def test_wegseite_abfragen_unabhaengig_von_der_anzahl(client_projektteam, quartier, django_assert_num_queries, anzahl):
    massnahme = MassnahmeFactory(quartier=quartier)
    veranstaltung = VeranstaltungFactory(quartiere=[quartier], status="durchgefuehrt")
    for _ in range(anzahl):
        e = ErgebnisFactory(veranstaltung=veranstaltung)
        UmsetzungFactory(ergebnis=e, massnahme=massnahme, beschluss=BeschlussFactory())
        WeitergabeFactory(ergebnis=e)
    with django_assert_num_queries(ABFRAGEN_WEG):
        assert (
            client_projektteam.get(reverse("buergerdialog:massnahme_weg", kwargs={"pk": massnahme.pk})).status_code
            == 200
        )


ABFRAGEN_WEG = 10


def test_meine_lenkungsgruppe_zeigt_offene_bewertungen(client, ergebnis):
    BewertungsrundeFactory(veranstaltung=ergebnis.veranstaltung, ergebnisse=[ergebnis], frist=TAG)
    mitglied = MitgliedFactory(benutzer=UserFactory(rolle=LENKUNGSGRUPPE))
    client.force_login(mitglied.benutzer)
    inhalt = client.get(reverse("lenkungsgruppe:meine")).content.decode()
    assert reverse("buergerdialog:bewerten", kwargs={"pk": ergebnis.veranstaltung_id}) in inhalt
    assert "0 von 1 bewertet" in inhalt


# --- the measures list by origin (quartiersprofil) ----------------------------------------------


def test_massnahmenliste_nach_herkunft(client_projektteam, quartier, projektteam):
    aus_dialog = MassnahmeFactory(quartier=quartier, herkunft=MassnahmeHerkunft.BUERGERDIALOG, titel="Aus dem Dialog")
    MassnahmeFactory(quartier=quartier, herkunft=MassnahmeHerkunft.PROFIL, titel="Aus dem Profil")
    assert list(massnahmen_liste(user=projektteam, herkunft="buergerdialog")) == [aus_dialog]
    assert len(massnahmen_liste(user=projektteam, herkunft="unbekannt")) == 2
    antwort = client_projektteam.get(reverse("quartiersprofil:massnahme_liste") + "?herkunft=buergerdialog")
    assert list(antwort.context["massnahmen"]) == [aus_dialog]
