"""Pages of the steering group: query counts, forms, stale edits, the register and its export."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from lenkungsgruppe.models import AufgabeStatus, BeschlussArt, Sitzung
from quartiere.models import Handlungsfeld, Indikator, Kennzahl
from quartiere.services import quartier_unterbezirke_ableiten
from tests.factories import (
    AufgabeFactory,
    BeschlussFactory,
    FachplanungBewertungFactory,
    FachplanungFactory,
    MitgliedFactory,
    QuartierFactory,
    SitzungFactory,
    StadtentwicklungsprojektFactory,
    TagesordnungspunktFactory,
    TeilnahmeFactory,
    UnterbezirkFactory,
)


def _sitzung_mit_inhalt():
    sitzung = SitzungFactory()
    TeilnahmeFactory(sitzung=sitzung, status="anwesend")
    top = TagesordnungspunktFactory(sitzung=sitzung, nummer=1)
    BeschlussFactory(sitzung=sitzung, tagesordnungspunkt=top)
    return sitzung


def _beschluss_mit_bezuegen():
    beschluss = BeschlussFactory()
    beschluss.handlungsfelder.set(Handlungsfeld.objects.all()[:2])
    beschluss.quartiere.add(QuartierFactory())
    beschluss.fachplanungen.add(FachplanungFactory())
    return beschluss


def _plan_mit_bewertung():
    plan = FachplanungFactory(handlungsfelder=list(Handlungsfeld.objects.all()[:2]))
    plan.quartiere.add(QuartierFactory())
    FachplanungBewertungFactory(fachplanung=plan)
    return plan


def _projekt():
    projekt = StadtentwicklungsprojektFactory()
    projekt.quartiere.add(QuartierFactory())
    return projekt


def _aufgabe():
    return AufgabeFactory(beschluss=BeschlussFactory(), tagesordnungspunkt=TagesordnungspunktFactory())


def _mitglied():
    return MitgliedFactory(stellvertretung=MitgliedFactory())


LISTEN = [
    ("lenkungsgruppe:sitzung_liste", _sitzung_mit_inhalt),
    ("lenkungsgruppe:beschluss_liste", _beschluss_mit_bezuegen),
    ("lenkungsgruppe:fachplanung_liste", _plan_mit_bewertung),
    ("lenkungsgruppe:projekt_liste", _projekt),
    ("lenkungsgruppe:aufgabe_liste", _aufgabe),
    ("lenkungsgruppe:mitglied_liste", _mitglied),
    ("lenkungsgruppe:uebersicht", _beschluss_mit_bezuegen),
]


@pytest.mark.parametrize(("name", "anlegen"), LISTEN)
def test_listen_abfragen_konstant(client_mitglied, django_assert_max_num_queries, name, anlegen):
    anlegen()
    client_mitglied.get(reverse(name))  # warm up per-process caches (content types, sessions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as eins:
        assert client_mitglied.get(reverse(name)).status_code == 200
    anlegen()
    anlegen()
    with CaptureQueriesContext(connection) as drei:
        assert client_mitglied.get(reverse(name)).status_code == 200
    assert len(drei.captured_queries) == len(eins.captured_queries)


def test_meine_abfragen_konstant(client_mitglied, mitglied):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def eins_mehr():
        AufgabeFactory(verantwortlich_mitglied=mitglied, beschluss=BeschlussFactory())
        FachplanungFactory(handlungsfelder=list(Handlungsfeld.objects.all()[:1]))

    eins_mehr()
    with CaptureQueriesContext(connection) as eins:
        client_mitglied.get(reverse("lenkungsgruppe:meine"))
    eins_mehr()
    eins_mehr()
    with CaptureQueriesContext(connection) as drei:
        antwort = client_mitglied.get(reverse("lenkungsgruppe:meine"))
    assert len(drei.captured_queries) == len(eins.captured_queries)
    assert antwort.content.decode().count("Als erledigt markieren") == 3


def test_sitzung_anlegen_ueber_formular(client_projektteam):
    mitglied = MitgliedFactory()
    antwort = client_projektteam.post(
        reverse("lenkungsgruppe:sitzung_neu"),
        {
            "titel": "Auswahl der Quartiere",
            "format": "arbeitstreffen",
            "beginn": "2030-05-04T14:00",
            "ende": "2030-05-04T16:00",
            "ort": "Rathaus",
            "gaeste": "Stiftung Mitarbeit",
            "eingeladene": [mitglied.pk],
        },
    )
    sitzung = Sitzung.objects.get()
    assert antwort.status_code == 302
    assert antwort.url == sitzung.get_absolute_url()
    assert list(sitzung.eingeladene.all()) == [mitglied]
    assert timezone.localtime(sitzung.beginn).hour == 14


def test_protokoll_veralteter_stand_abgelehnt_neuerer_text_bleibt(client_projektteam):
    top = TagesordnungspunktFactory(protokoll="Anfang")
    url = reverse("lenkungsgruppe:protokoll_bearbeiten", args=[top.pk])
    formular = client_projektteam.get(url).context["form"]
    alter_stand = formular.initial["bearbeitungsstand"]
    # Someone else saves first.
    assert (
        client_projektteam.post(url, {"protokoll": "Fassung von Frau A", "bearbeitungsstand": alter_stand}).status_code
        == 302
    )
    antwort = client_projektteam.post(url, {"protokoll": "Fassung von Herrn B", "bearbeitungsstand": alter_stand})
    assert antwort.status_code == 200
    inhalt = antwort.content.decode()
    assert "wurde inzwischen von jemand anderem geändert" in inhalt
    assert "Fassung von Frau A" in inhalt
    top.refresh_from_db()
    assert top.protokoll == "Fassung von Frau A"


def test_protokoll_wird_bereinigt_angezeigt(client_mitglied):
    top = TagesordnungspunktFactory(protokoll="**Ergebnis** <script>alert(1)</script>")
    inhalt = client_mitglied.get(top.sitzung.get_absolute_url()).content.decode()
    assert "<strong>Ergebnis</strong>" in inhalt
    assert "alert(1)" not in inhalt


def test_protokoll_pdf_erst_nach_genehmigung(client_mitglied):
    sitzung = SitzungFactory()
    url = reverse("lenkungsgruppe:protokoll_pdf", args=[sitzung.pk])
    assert client_mitglied.get(url).status_code == 404
    sitzung.protokoll_genehmigt_in = SitzungFactory()
    sitzung.save()
    antwort = client_mitglied.get(url)
    assert (antwort.status_code, antwort["Content-Type"]) == (200, "application/pdf")


def test_aufgabe_status_eigene_ja_fremde_nein(client_mitglied, mitglied):
    eigene, fremde = AufgabeFactory(verantwortlich_mitglied=mitglied), AufgabeFactory()
    antwort = client_mitglied.post(
        reverse("lenkungsgruppe:aufgabe_status", args=[eigene.pk]),
        {"status": "erledigt", "weiter": reverse("lenkungsgruppe:meine")},
    )
    assert (antwort.status_code, antwort.url) == (302, reverse("lenkungsgruppe:meine"))
    antwort = client_mitglied.post(reverse("lenkungsgruppe:aufgabe_status", args=[fremde.pk]), {"status": "erledigt"})
    assert antwort.status_code == 403
    eigene.refresh_from_db()
    fremde.refresh_from_db()
    assert (eigene.status, fremde.status) == (AufgabeStatus.ERLEDIGT, AufgabeStatus.OFFEN)


def test_aufgabe_status_weiter_nur_eigene_seite(client_mitglied, mitglied):
    aufgabe = AufgabeFactory(verantwortlich_mitglied=mitglied)
    antwort = client_mitglied.post(
        reverse("lenkungsgruppe:aufgabe_status", args=[aufgabe.pk]),
        {"status": "erledigt", "weiter": "https://böse.de/"},
    )
    assert antwort.url == reverse("lenkungsgruppe:aufgabe_liste")


def test_aufgabe_der_organisation_gehoert_dem_mitglied(client_mitglied, mitglied):
    aufgabe = AufgabeFactory(verantwortlich_mitglied=None, verantwortlich_organisation=mitglied.organisation)
    antwort = client_mitglied.post(reverse("lenkungsgruppe:aufgabe_status", args=[aufgabe.pk]), {"status": "erledigt"})
    assert antwort.status_code == 302


def test_ueberfaellige_aufgabe_gekennzeichnet(client_mitglied):
    AufgabeFactory(faellig_am=datetime.date(2017, 1, 1))
    assert "überfällig" in client_mitglied.get(reverse("lenkungsgruppe:aufgabe_liste")).content.decode()


def test_fachplanung_bewerten_ueber_formular(client_mitglied, mitglied):
    wohnen, mobilitaet = Handlungsfeld.objects.all()[:2]
    plan = FachplanungFactory(handlungsfelder=[wohnen, mobilitaet])
    FachplanungBewertungFactory(fachplanung=plan, handlungsfeld=wohnen, relevanz=2)
    url = reverse("lenkungsgruppe:fachplanung_bewerten", args=[plan.pk])
    stand = client_mitglied.get(url).context["form"].initial["bearbeitungsstand"]
    antwort = client_mitglied.post(
        url,
        {
            f"relevanz_{wohnen.pk}": "5",
            f"kommentar_{wohnen.pk}": "wichtig",
            f"relevanz_{mobilitaet.pk}": "",
            "bearbeitungsstand": stand,
        },
    )
    assert antwort.status_code == 302
    assert list(plan.bewertungen.filter(mitglied=mitglied).values_list("handlungsfeld", "relevanz", "kommentar")) == [
        (wohnen.pk, 5, "wichtig")
    ]
    seite = client_mitglied.get(plan.get_absolute_url())
    wohnen_zeile = seite.context["verteilung"][0]
    assert (wohnen_zeile["haeufigkeit"], wohnen_zeile["minimum"], wohnen_zeile["maximum"]) == ([0, 1, 0, 0, 1], 2, 5)
    assert wohnen_zeile["mittel"] == 3.5


def test_beschluss_referenzquartiere_vergleich_mit_einwohnern(client_mitglied):
    unterbezirk = UnterbezirkFactory()
    mit = QuartierFactory(name="Menglinghausen", stadtbezirk=unterbezirk.bezirk.stadtbezirk)
    quartier_unterbezirke_ableiten(quartier=mit)
    ohne = QuartierFactory(name="Nordmarkt", stadtbezirk=unterbezirk.bezirk.stadtbezirk)
    indikator, _neu = Indikator.objects.get_or_create(
        schluessel="ew_gesamt", defaults={"name": "Einwohner", "einheit": "Personen"}
    )
    Kennzahl.objects.create(indikator=indikator, jahr=2015, ebene="unterbezirk", unterbezirk=unterbezirk, wert=4000)
    Kennzahl.objects.create(indikator=indikator, jahr=2016, ebene="unterbezirk", unterbezirk=unterbezirk, wert=4321)
    Kennzahl.objects.create(indikator=indikator, jahr=2024, ebene="unterbezirk", unterbezirk=unterbezirk, wert=5000)
    # Taken in 2016: the figures of 2016 count, not the later ones.
    beschluss = BeschlussFactory(
        art=BeschlussArt.REFERENZQUARTIERE,
        sitzung=SitzungFactory(beginn=timezone.make_aware(datetime.datetime(2016, 6, 8, 14))),
    )
    beschluss.quartiere.add(mit)
    antwort = client_mitglied.get(beschluss.get_absolute_url())
    zeilen = {
        z["quartier"].name: (z["einwohner"], z["einwohner_jahr"], z["ausgewaehlt"])
        for z in antwort.context["vergleich"]
    }
    assert zeilen == {"Menglinghausen": ("4.321", 2016, True), "Nordmarkt": (None, None, False)}
    assert ohne.pk != mit.pk


def test_beschluss_datenerfassung_listet_vereinbarte_indikatoren(client_mitglied):
    Indikator.objects.update(ist_vereinbart=False)
    Indikator.objects.update_or_create(
        schluessel="test_80plus", defaults={"name": "Einwohner 80+", "einheit": "Personen", "ist_vereinbart": True}
    )
    Indikator.objects.create(schluessel="test_sonst", name="Nicht vereinbart", einheit="Personen")
    beschluss = BeschlussFactory(art=BeschlussArt.DATENERFASSUNG, text="Erfasst werden: Einwohner 80+")
    inhalt = client_mitglied.get(beschluss.get_absolute_url()).content.decode()
    assert "Einwohner 80+ (Personen)" in inhalt
    assert "Nicht vereinbart" not in inhalt


def test_quartier_zeigt_auswahlbeschluss(client_mitglied):
    quartier = QuartierFactory()
    beschluss = BeschlussFactory(art=BeschlussArt.REFERENZQUARTIERE, nummer=3)
    beschluss.quartiere.add(quartier)
    inhalt = client_mitglied.get(quartier.get_absolute_url()).content.decode()
    datum = timezone.localtime(beschluss.sitzung.beginn).strftime("%d.%m.%Y")
    assert f"Ausgewählt durch Beschluss Nr. 3 vom {datum}" in inhalt
    assert beschluss.get_absolute_url() in inhalt


def test_quartier_ohne_auswahlbeschluss_fuer_partner_unsichtbar(client, partner):
    quartier = QuartierFactory()
    quartier.partner.add(partner)
    BeschlussFactory(art=BeschlussArt.REFERENZQUARTIERE).quartiere.add(quartier)
    client.force_login(partner)
    assert "Ausgewählt durch Beschluss" not in client.get(quartier.get_absolute_url()).content.decode()


BOESE = '=HYPERLINK("http://x","klick")'


def test_beschluss_export_csv_gefiltert_und_escaped(client_mitglied):
    sitzung = SitzungFactory(beginn=timezone.make_aware(datetime.datetime(2016, 5, 10, 14)))
    BeschlussFactory(sitzung=sitzung, nummer=1, titel=BOESE, art=BeschlussArt.BEWERTUNG)
    BeschlussFactory(sitzung=sitzung, nummer=2, titel="Anderes", art=BeschlussArt.SONSTIGES)
    antwort = client_mitglied.get(reverse("lenkungsgruppe:beschluss_export", args=["csv"]), {"art": "bewertung"})
    zeilen = list(csv.reader(io.StringIO(antwort.content.decode("utf-8-sig")), delimiter=";"))
    assert zeilen[0][:6] == ["Nr.", "Datum", "Sitzung", "TOP", "Art", "Titel"]
    assert [z[:6] for z in zeilen[1:]] == [["1", "10.05.2016", str(sitzung.nummer), "", "Bewertung", "'" + BOESE]]


def test_beschluss_export_xlsx(client_mitglied):
    BeschlussFactory(nummer=7, titel="-1+1", text="@SUMME(A1)")
    antwort = client_mitglied.get(reverse("lenkungsgruppe:beschluss_export", args=["xlsx"]))
    blatt = load_workbook(io.BytesIO(antwort.content)).active
    zeile = [zelle.value for zelle in blatt[2]]
    assert (zeile[0], zeile[5], zeile[6]) == (7, "'-1+1", "'@SUMME(A1)")


@pytest.mark.parametrize("format", ["xml", "pdf", "csv.", "../csv"])
def test_beschluss_export_unbekanntes_format_404(client_mitglied, format):
    BeschlussFactory()
    assert client_mitglied.get(f"/lenkungsgruppe/beschluesse/export.{format}").status_code == 404


def test_beschlussregister_filter(client_mitglied):
    wohnen = Handlungsfeld.objects.first()
    quartier = QuartierFactory()
    fruehe = SitzungFactory(beginn=timezone.make_aware(datetime.datetime(2016, 2, 1, 14)))
    spaete = SitzungFactory(beginn=timezone.make_aware(datetime.datetime(2016, 11, 1, 14)))
    a = BeschlussFactory(sitzung=fruehe, art=BeschlussArt.HANDLUNGSFELDER)
    a.handlungsfelder.add(wohnen)
    b = BeschlussFactory(sitzung=spaete, art=BeschlussArt.REFERENZQUARTIERE)
    b.quartiere.add(quartier)
    url = reverse("lenkungsgruppe:beschluss_liste")

    def nummern(**filter):
        return [x.nummer for x in client_mitglied.get(url, filter).context["beschluesse"]]

    assert nummern() == [b.nummer, a.nummer]
    assert nummern(art="handlungsfelder") == [a.nummer]
    assert nummern(handlungsfeld=wohnen.pk) == [a.nummer]
    assert nummern(quartier=quartier.pk) == [b.nummer]
    assert nummern(von="2016-06-01") == [b.nummer]
    assert nummern(bis="2016-06-01") == [a.nummer]
