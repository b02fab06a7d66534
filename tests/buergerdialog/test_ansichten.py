"""Pages of the citizen dialogue: query guards, fast entry with and without htmx, checklist, export."""

import datetime

import pytest
from django.contrib.gis.geos import Point
from django.urls import reverse

from buergerdialog.models import Ergebnis, Veranstaltung
from buergerdialog.models import VeranstaltungStatus as S
from dwk.permissions import LENKUNGSGRUPPE
from quartiere.models import Handlungsfeld
from tests.factories import (
    BeteiligungsgegenstandFactory,
    ChecklistenpunktFactory,
    ErgebnisFactory,
    MitgliedFactory,
    PartnerkontoFactory,
    QuartierFactory,
    UserFactory,
    VeranstaltungFactory,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def demo_tag(settings):
    settings.DWK_HEUTE = datetime.date(2017, 10, 16)


def _veranstaltungen(anzahl, **felder):
    quartier = QuartierFactory()
    ergebnis = []
    for _ in range(anzahl):
        v = VeranstaltungFactory(quartiere=[quartier], **felder)
        ChecklistenpunktFactory(veranstaltung=v, faellig_am=datetime.date(2017, 10, 1))
        ErgebnisFactory(veranstaltung=v)
        ergebnis.append(v)
    return ergebnis


@pytest.mark.parametrize("anzahl", [1, 3])
def test_uebersicht_abfragen_unabhaengig_von_der_anzahl(client, django_assert_num_queries, anzahl):
    user = UserFactory(username="mitglied", rolle=LENKUNGSGRUPPE)
    MitgliedFactory(benutzer=user)
    for v in _veranstaltungen(anzahl):
        ChecklistenpunktFactory(veranstaltung=v, verantwortlich_mitglied=user.lenkungsgruppe_mitglied)
    client.force_login(user)
    with django_assert_num_queries(12):
        antwort = client.get(reverse("buergerdialog:uebersicht"))
    assert antwort.status_code == 200
    assert len(antwort.context["daten"].vergangene) == anzahl
    assert len(antwort.context["daten"].ueberfaellig) == 2 * anzahl
    assert len(antwort.context["daten"].meine_aufgaben) == anzahl
    assert "überfällig" in antwort.content.decode()


@pytest.mark.parametrize("anzahl", [1, 3])
def test_veranstaltungsliste_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    _veranstaltungen(anzahl)
    with django_assert_num_queries(6):
        antwort = client_projektteam.get(reverse("buergerdialog:veranstaltung_liste"))
    assert len(antwort.context["veranstaltungen"]) == anzahl


@pytest.mark.parametrize("anzahl", [1, 3])
def test_ergebnisliste_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    veranstaltung = VeranstaltungFactory(status=S.DOKUMENTIERT)
    gegenstand = BeteiligungsgegenstandFactory()
    veranstaltung.gegenstaende.add(gegenstand)
    for _ in range(anzahl):
        ErgebnisFactory(veranstaltung=veranstaltung, gegenstand=gegenstand, handlungsfeld=Handlungsfeld.objects.first())
    with django_assert_num_queries(9):  # 9th: the pin-board photos of the cards
        antwort = client_projektteam.get(reverse("buergerdialog:ergebnis_liste", kwargs={"pk": veranstaltung.pk}))
    assert len(antwort.context["ergebnisse"]) == anzahl


@pytest.mark.parametrize("anzahl", [1, 3])
def test_ergebniskarte_abfragen_und_tabelle_daneben(client_projektteam, django_assert_num_queries, anzahl):
    veranstaltung = VeranstaltungFactory(status=S.DOKUMENTIERT, ort=Point(7.52, 51.574, srid=4326))
    for nummer in range(anzahl):
        ErgebnisFactory(veranstaltung=veranstaltung, punkte=nummer, ort=Point(7.521, 51.575, srid=4326))
    ErgebnisFactory(veranstaltung=veranstaltung, punkte=99, text="<img src=x onerror=alert(1)>")
    with django_assert_num_queries(8):
        antwort = client_projektteam.get(reverse("buergerdialog:ergebnis_karte", kwargs={"pk": veranstaltung.pk}))
    karte = antwort.context["daten"]["karte"]
    assert [e["nr"] for e in karte["ergebnisse"]] == list(range(2, anzahl + 2))
    assert karte["veranstaltung"] == {"lat": 51.574, "lon": 7.52, "titel": veranstaltung.titel}
    inhalt = antwort.content.decode()
    assert "1 Karte hat keinen Ort und steht nur in der Tabelle." in inhalt
    assert "<img src=x" not in inhalt


def test_karte_bekommt_ort_ueber_das_formular(client_projektteam):
    karte = ErgebnisFactory()
    url = reverse("buergerdialog:ergebnis_bearbeiten", kwargs={"pk": karte.pk})
    formular = client_projektteam.get(url).context["form"]
    daten = {
        "text": karte.text,
        "art": "anliegen",
        "punkte": "2",
        "breite": "51.5",
        "laenge": "7.4",
        "bearbeitungsstand": formular.initial["bearbeitungsstand"],
    }
    assert client_projektteam.post(url, daten).status_code == 302
    karte.refresh_from_db()
    assert (karte.ort.y, karte.ort.x, karte.art) == (51.5, 7.4, "anliegen")
    stand = client_projektteam.get(url).context["form"].initial["bearbeitungsstand"]
    antwort = client_projektteam.post(url, {**daten, "breite": "", "bearbeitungsstand": stand})
    assert "Bitte geben Sie Breite und Länge an." in antwort.content.decode()


@pytest.mark.parametrize("anzahl", [1, 3])
def test_katalog_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    BeteiligungsgegenstandFactory.create_batch(anzahl)
    with django_assert_num_queries(6):
        antwort = client_projektteam.get(reverse("buergerdialog:katalog"))
    assert len(antwort.context["gegenstaende"]) == 12 + anzahl


@pytest.mark.parametrize("anzahl", [1, 3])
def test_detailseite_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    veranstaltung = VeranstaltungFactory()
    ChecklistenpunktFactory.create_batch(anzahl, veranstaltung=veranstaltung)
    with django_assert_num_queries(13):  # 13th: the review round (buergerdialog/_veranstaltung_bewertung.html)
        antwort = client_projektteam.get(veranstaltung.get_absolute_url())
    assert antwort.status_code == 200


def test_schnellerfassung_mit_htmx_behaelt_feld_und_station(client, partner):
    organisation = PartnerkontoFactory(benutzer=partner).organisation
    veranstaltung = VeranstaltungFactory(status=S.DURCHGEFUEHRT, moderation=[organisation])
    feld = Handlungsfeld.objects.get(slug=Handlungsfeld.objects.order_by("reihenfolge")[1].slug)
    client.force_login(partner)
    url = reverse("buergerdialog:ergebnis_erfassen", kwargs={"pk": veranstaltung.pk})
    antwort = client.post(
        url,
        {"text": "Bänke am Markt", "art": "idee", "handlungsfeld": feld.pk, "station": "Tisch 2", "punkte": "3"},
        **HTMX,
    )
    assert antwort.status_code == 200
    assert antwort["Cache-Control"] == "private, no-store"
    form = antwort.context["form"]
    assert (form.initial, form.is_bound) == ({"handlungsfeld": feld.pk, "station": "Tisch 2"}, False)
    inhalt = antwort.content.decode()
    assert 'hx-swap-oob="true"' in inhalt and "Sie haben 1 Karte erfasst." in inhalt
    assert "<html" not in inhalt
    karte = Ergebnis.objects.get()
    assert (karte.text, karte.punkte, karte.station, karte.handlungsfeld, karte.erfasst_von, karte.von_partner) == (
        "Bänke am Markt",
        3,
        "Tisch 2",
        feld,
        partner,
        True,
    )


def test_schnellerfassung_ohne_javascript_leitet_um(client_projektteam, projektteam):
    veranstaltung = VeranstaltungFactory(status=S.DURCHGEFUEHRT)
    url = reverse("buergerdialog:ergebnis_erfassen", kwargs={"pk": veranstaltung.pk})
    antwort = client_projektteam.post(url, {"text": "Treffpunkt", "art": "vorschlag", "station": "A"})
    assert (antwort.status_code, antwort.url) == (302, f"{url}?station=A")
    seite = client_projektteam.get(antwort.url)
    assert seite.context["form"].initial == {"station": "A"}
    assert "Karte gespeichert" in seite.content.decode()
    assert Ergebnis.objects.get().von_partner is False
    leer = client_projektteam.post(url, {"text": "", "art": "idee"})
    assert leer.status_code == 200 and leer.context["form"].errors["text"]
    assert Ergebnis.objects.count() == 1


def test_schnellerfassung_vor_der_veranstaltung_abgewiesen(client_projektteam):
    veranstaltung = VeranstaltungFactory(status=S.EINGELADEN)
    url = reverse("buergerdialog:ergebnis_erfassen", kwargs={"pk": veranstaltung.pk})
    antwort = client_projektteam.post(url, {"text": "zu früh", "art": "idee"}, **HTMX)
    assert "durchgeführt" in antwort.content.decode()
    assert Ergebnis.objects.count() == 0


def test_zuruecknehmen_mit_und_ohne_htmx(client_projektteam, projektteam):
    veranstaltung = VeranstaltungFactory(status=S.DURCHGEFUEHRT)
    ErgebnisFactory(veranstaltung=veranstaltung, erfasst_von=projektteam, text="erste")
    ErgebnisFactory(veranstaltung=veranstaltung, erfasst_von=projektteam, text="zweite", station="B")
    url = reverse("buergerdialog:ergebnis_zuruecknehmen", kwargs={"pk": veranstaltung.pk})
    antwort = client_projektteam.post(url, **HTMX)
    assert "Zurückgenommen: „zweite“" in antwort.content.decode()
    assert antwort.context["form"].initial == {"station": "B"}
    antwort = client_projektteam.post(url)
    assert antwort.status_code == 302
    assert Ergebnis.objects.count() == 0


def test_partner_darf_fremde_veranstaltung_nicht_erfassen(client, partner):
    PartnerkontoFactory(benutzer=partner)
    # In the partner's quarter but moderated by another organisation: not the partner's event.
    quartier = QuartierFactory()
    quartier.partner.add(partner)
    veranstaltung = VeranstaltungFactory(
        quartiere=[quartier], status=S.DURCHGEFUEHRT, moderation=[PartnerkontoFactory().organisation]
    )
    client.force_login(partner)
    url = reverse("buergerdialog:ergebnis_erfassen", kwargs={"pk": veranstaltung.pk})
    assert client.post(url, {"text": "x", "art": "idee"}).status_code == 403
    assert Ergebnis.objects.count() == 0


def test_checkliste_abhaken_mit_htmx_und_ohne(client_projektteam):
    punkt = ChecklistenpunktFactory(faellig_am=datetime.date(2017, 10, 1))
    url = reverse("buergerdialog:checklistenpunkt_erledigen", kwargs={"pk": punkt.pk})
    antwort = client_projektteam.post(url, {"erledigt": "1"}, **HTMX)
    inhalt = antwort.content.decode()
    assert inhalt.lstrip().startswith(f'<tr id="punkt-{punkt.pk}"') and "erledigt am 16.10.2017" in inhalt
    punkt.refresh_from_db()
    assert punkt.erledigt_am == datetime.date(2017, 10, 16)
    antwort = client_projektteam.post(url, {"erledigt": "0"})
    assert antwort.url == punkt.get_absolute_url()
    punkt.refresh_from_db()
    assert (punkt.erledigt, punkt.ist_ueberfaellig) == (False, True)


def test_veralteter_stand_wird_abgewiesen(client_projektteam):
    veranstaltung = VeranstaltungFactory()
    url = reverse("buergerdialog:veranstaltung_bearbeiten", kwargs={"pk": veranstaltung.pk})
    formular = client_projektteam.get(url).context["form"]
    daten = {k: v for k, v in formular.initial.items() if v not in (None, []) and not isinstance(v, list)}
    daten.update(titel="Meine Fassung", beginn="2017-06-29T15:00", format="buergerwerkstatt", status="planung")
    Veranstaltung.objects.filter(pk=veranstaltung.pk).update(titel="Andere Fassung")
    veranstaltung.refresh_from_db()
    veranstaltung.save()  # someone else saved in between
    antwort = client_projektteam.post(url, daten)
    assert antwort.status_code == 200
    assert "inzwischen von jemand anderem geändert" in antwort.content.decode()
    veranstaltung.refresh_from_db()
    assert veranstaltung.titel == "Andere Fassung"


def test_neue_veranstaltung_ueber_das_formular(client_projektteam):
    quartier = QuartierFactory()
    antwort = client_projektteam.post(
        reverse("buergerdialog:veranstaltung_neu"),
        {
            "format": "buergerwerkstatt",
            "titel": "Bürgerwerkstatt Jungferntal",
            "beginn": "2017-11-16T15:00",
            "quartiere": [quartier.pk],
            "breite": "51.55",
            "laenge": "7.42",
        },
    )
    veranstaltung = Veranstaltung.objects.get()
    assert antwort.url == veranstaltung.get_absolute_url()
    assert (veranstaltung.ort.y, veranstaltung.ort.x) == (51.55, 7.42)
    assert list(veranstaltung.quartiere.all()) == [quartier]
    assert veranstaltung.checkliste.count() == 8


def test_status_per_post(client_projektteam):
    veranstaltung = VeranstaltungFactory(status=S.PLANUNG)
    url = reverse("buergerdialog:veranstaltung_status", kwargs={"pk": veranstaltung.pk})
    client_projektteam.post(url, {"status": "dokumentiert"})
    veranstaltung.refresh_from_db()
    assert veranstaltung.status == S.PLANUNG
    client_projektteam.post(url, {"status": "eingeladen"})
    veranstaltung.refresh_from_db()
    assert veranstaltung.status == S.EINGELADEN


def test_export_csv_und_xlsx(client_projektteam):
    veranstaltung = VeranstaltungFactory(status=S.DOKUMENTIERT, titel="Bürgerdialog Derne")
    ErgebnisFactory(veranstaltung=veranstaltung, text="=HYPERLINK(1)", punkte=5)
    url = reverse("buergerdialog:ergebnis_liste", kwargs={"pk": veranstaltung.pk})
    csv = client_projektteam.get(url, {"format": "csv"})
    assert csv["Content-Disposition"] == 'attachment; filename="ergebnisse-buergerdialog-derne.csv"'
    zeilen = csv.content.decode("utf-8-sig").splitlines()
    assert zeilen[1] == "1;'=HYPERLINK(1);Idee;;;;5;nein"
    xlsx = client_projektteam.get(url, {"format": "xlsx"})
    assert xlsx.content[:2] == b"PK"


def test_teilnahme_vom_partner_bleibt_markiert_nach_korrektur(client, partner, projektteam):
    organisation = PartnerkontoFactory(benutzer=partner).organisation
    veranstaltung = VeranstaltungFactory(status=S.DURCHGEFUEHRT, moderation=[organisation])
    url = reverse("buergerdialog:anwesenheit", kwargs={"pk": veranstaltung.pk})
    client.force_login(partner)
    stand = client.get(url).context["form"].initial["bearbeitungsstand"]
    daten = {"teilnehmende_anzahl": "40", "alter_ab_80": "12", "aus_dem_quartier": "35", "bearbeitungsstand": stand}
    assert client.post(url, daten).status_code == 302
    client.force_login(projektteam)
    stand = client.get(url).context["form"].initial["bearbeitungsstand"]
    assert client.post(url, {**daten, "teilnehmende_anzahl": "41", "bearbeitungsstand": stand}).status_code == 302
    veranstaltung.refresh_from_db()
    assert (veranstaltung.teilnehmende_anzahl, veranstaltung.alter_ab_80) == (41, 12)
    assert (veranstaltung.anwesenheit_von_partner, veranstaltung.anwesenheit_erfasst_von) == (True, partner)
    zu_viel = client.post(url, {**daten, "alter_ab_80": "50", "bearbeitungsstand": stand})
    assert zu_viel.status_code == 200  # stale now, and the breakdown would exceed the count anyway


def test_partner_korrigiert_nur_eigene_karten(partner, projektteam):
    organisation = PartnerkontoFactory(benutzer=partner).organisation
    veranstaltung = VeranstaltungFactory(status=S.DURCHGEFUEHRT, moderation=[organisation])
    eigene = ErgebnisFactory(veranstaltung=veranstaltung, erfasst_von=partner, von_partner=True)
    fremde = ErgebnisFactory(veranstaltung=veranstaltung, erfasst_von=projektteam)
    assert partner.has_perm("buergerdialog.change_ergebnis", eigene)
    assert not partner.has_perm("buergerdialog.change_ergebnis", fremde)
    assert projektteam.has_perm("buergerdialog.change_ergebnis", eigene)
    assert not partner.has_perm("buergerdialog.change_veranstaltung", veranstaltung)
    assert partner.has_perm("buergerdialog.change_anwesenheit", veranstaltung)
    assert not partner.has_perm("buergerdialog.change_anwesenheit", VeranstaltungFactory())


def _quartier_mit_ergebnissen(anzahl):
    """A quarter with ``anzahl`` events that each have one located result, and a foreign result."""
    quartier = QuartierFactory()
    gegenstand = BeteiligungsgegenstandFactory()
    for nummer in range(anzahl):
        v = VeranstaltungFactory(quartiere=[quartier], status=S.DOKUMENTIERT, titel=f"Dialog {nummer}")
        v.gegenstaende.add(gegenstand)
        ErgebnisFactory(
            veranstaltung=v,
            gegenstand=gegenstand,
            handlungsfeld=Handlungsfeld.objects.first(),
            punkte=nummer,
            ort=Point(7.521, 51.575, srid=4326),
        )
    ErgebnisFactory(veranstaltung=VeranstaltungFactory(status=S.DOKUMENTIERT), text="anderes Quartier")
    return quartier


@pytest.mark.parametrize("anzahl", [1, 3])
def test_quartier_ergebnisliste_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    quartier = _quartier_mit_ergebnissen(anzahl)
    url = reverse("buergerdialog:quartier_ergebnis_liste", kwargs={"slug": quartier.slug})
    with django_assert_num_queries(9):  # 9th: the pin-board photos of the cards
        antwort = client_projektteam.get(url)
    assert [e.punkte for e in antwort.context["ergebnisse"]] == list(range(anzahl - 1, -1, -1))
    inhalt = antwort.content.decode()
    assert f"Dialog {anzahl - 1}" in inhalt
    assert "anderes Quartier" not in inhalt


@pytest.mark.parametrize("anzahl", [1, 3])
def test_quartier_ergebniskarte_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    quartier = _quartier_mit_ergebnissen(anzahl)
    url = reverse("buergerdialog:quartier_ergebnis_karte", kwargs={"slug": quartier.slug})
    with django_assert_num_queries(8):
        antwort = client_projektteam.get(url)
    karte = antwort.context["daten"]["karte"]
    assert [e["nr"] for e in karte["ergebnisse"]] == list(range(1, anzahl + 1))
    assert karte["veranstaltung"] is None


def test_quartier_ergebnisse_filter_und_export(client_projektteam):
    quartier = QuartierFactory(name="Derne")
    wohnen, gesundheit = Handlungsfeld.objects.order_by("reihenfolge")[:2]
    a = VeranstaltungFactory(quartiere=[quartier], status=S.DOKUMENTIERT, titel="Erster Dialog")
    b = VeranstaltungFactory(quartiere=[quartier], status=S.DOKUMENTIERT, titel="Zweiter Dialog")
    ErgebnisFactory(veranstaltung=a, text="Bank", punkte=3, handlungsfeld=wohnen)
    ErgebnisFactory(veranstaltung=b, text="Arzt", punkte=8, handlungsfeld=gesundheit)
    ErgebnisFactory(veranstaltung=b, text="Wohnung", punkte=1, handlungsfeld=wohnen)
    url = reverse("buergerdialog:quartier_ergebnis_liste", kwargs={"slug": quartier.slug})
    antwort = client_projektteam.get(url, {"handlungsfeld": wohnen.slug, "sortierung": "erfasst"})
    assert [e.text for e in antwort.context["ergebnisse"]] == ["Bank", "Wohnung"]
    csv = client_projektteam.get(url, {"format": "csv", "handlungsfeld": wohnen.slug})
    assert csv["Content-Disposition"] == 'attachment; filename="ergebnisse-derne.csv"'
    zeilen = csv.content.decode("utf-8-sig").splitlines()
    assert zeilen[0].startswith("Nr.;Veranstaltung;Text;")
    assert zeilen[1:] == [
        "1;Erster Dialog;Bank;Idee;" + wohnen.name + ";;;3;nein",
        "2;Zweiter Dialog;Wohnung;Idee;" + wohnen.name + ";;;1;nein",
    ]
    assert client_projektteam.get(url, {"format": "xlsx"}).content[:2] == b"PK"


def test_quartier_ergebnisse_nicht_fuer_partner(client, partner):
    """A partner reads the results of its organisation's events, not all events of a quarter."""
    quartier = QuartierFactory()
    quartier.partner.add(partner)
    veranstaltung = VeranstaltungFactory(
        quartiere=[quartier], status=S.DOKUMENTIERT, moderation=[PartnerkontoFactory(benutzer=partner).organisation]
    )
    client.force_login(partner)
    for name in ("buergerdialog:quartier_ergebnis_liste", "buergerdialog:quartier_ergebnis_karte"):
        assert client.get(reverse(name, kwargs={"slug": quartier.slug})).status_code == 403
    detail = client.get(reverse("buergerdialog:veranstaltung_detail", kwargs={"pk": veranstaltung.pk}))
    assert detail.status_code == 200
    liste = reverse("buergerdialog:quartier_ergebnis_liste", kwargs={"slug": quartier.slug})
    assert liste not in detail.content.decode()
