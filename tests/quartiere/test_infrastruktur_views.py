"""Pages of the infrastructure inventory and of a quarter's coverage: content, forms, query counts."""

import datetime
import json

import pytest
from django.contrib.gis.geos import Point
from django.urls import reverse

from quartiere.models import Handlungsfeld, Infrastruktur, InfrastrukturKategorie
from tests.factories import InfrastrukturFactory, QuartierFactory, StadtbezirkFactory, quadrat

MITTE = Point(7.41, 51.49, srid=4326)  # the centre of grid cell (0, 0)


@pytest.fixture
def quartier(db):
    stadtbezirk = StadtbezirkFactory(geometrie=quadrat(0, 0, seite=0.04))
    return QuartierFactory(name="Menglinghausen", slug="menglinghausen", stadtbezirk=stadtbezirk, grenze=quadrat(0, 0))


def kategorie(slug):
    return InfrastrukturKategorie.objects.get(slug=slug)


# --- List -------------------------------------------------------------------------------------


def test_liste_abfragen_konstant(client_projektteam, django_assert_num_queries, quartier):
    InfrastrukturFactory(kategorie=kategorie("apotheke"))
    with django_assert_num_queries(9) as eins:
        client_projektteam.get(reverse("quartiere:infrastruktur_liste"))
    InfrastrukturFactory(kategorie=kategorie("haltestelle"))
    InfrastrukturFactory(kategorie=kategorie("seniorenbuero"))
    with django_assert_num_queries(9) as drei:
        antwort = client_projektteam.get(reverse("quartiere:infrastruktur_liste"))
    assert antwort.content.decode().count('<th scope="row">') == 3
    assert len(eins.captured_queries) == len(drei.captured_queries)


def test_liste_filtert_nach_kategorie_handlungsfeld_quartier(client_projektteam, quartier):
    InfrastrukturFactory(name="Im Quartier", kategorie=kategorie("apotheke"), punkt=MITTE)
    InfrastrukturFactory(name="Draußen", kategorie=kategorie("apotheke"), punkt=Point(7.50, 51.49, srid=4326))
    InfrastrukturFactory(name="Bank", kategorie=kategorie("sitzbank"), punkt=MITTE)
    url = reverse("quartiere:infrastruktur_liste")

    def namen(**filter):
        return [e.name for e in client_projektteam.get(url, filter).context["einrichtungen"]]

    gesundheit = Handlungsfeld.objects.get(slug="gesundheit-pflege").pk
    assert namen() == ["Bank", "Draußen", "Im Quartier"]  # Wohnumfeld (4) before Gesundheit (6)
    assert namen(kategorie="apotheke") == ["Draußen", "Im Quartier"]
    assert namen(handlungsfeld=gesundheit) == ["Draußen", "Im Quartier"]
    assert namen(quartier="menglinghausen") == ["Bank", "Im Quartier"]
    assert namen(kategorie="apotheke", quartier="menglinghausen") == ["Im Quartier"]


def test_liste_export_csv_mit_importspalten(client_projektteam, quartier):
    einrichtung = InfrastrukturFactory(name="=Apotheke", adresse="Markt 1", punkt=MITTE)
    antwort = client_projektteam.get(reverse("quartiere:infrastruktur_liste"), {"format": "csv"})
    zeilen = antwort.content.decode("utf-8-sig").splitlines()
    assert antwort["Content-Disposition"] == 'attachment; filename="infrastruktur.csv"'
    assert zeilen == [
        "id;kategorie;name;adresse;lat;lon;barrierefreiheit;oeffnungshinweise;quelle;quelle_hinweis;stand",
        f"{einrichtung.pk};apotheke;'=Apotheke;Markt 1;51,49;7,41;unbekannt;;begehung;;01.09.2016",
    ]


# --- Detail, form, delete ---------------------------------------------------------------------


def test_detail_zeigt_angaben_und_geschichte(client_projektteam, quartier):
    einrichtung = InfrastrukturFactory(name="Löwen-Apotheke", oeffnungshinweise="Mo–Fr 8–18 Uhr")
    antwort = client_projektteam.get(reverse("quartiere:infrastruktur_detail", args=[einrichtung.pk]))
    inhalt = antwort.content.decode()
    assert "<h1>Löwen-Apotheke</h1>" in inhalt
    assert "Mo–Fr 8–18 Uhr" in inhalt
    assert "500 m Luftlinie" in inhalt
    assert antwort.context["geschichte"][0].history_type == "+"
    assert [(e["lat"], e["lon"]) for e in antwort.context["karte"]["einrichtungen"]] == [(51.49, 7.41)]


def formulardaten(**aenderungen):
    daten = {
        "kategorie": kategorie("apotheke").pk,
        "name": "Adler-Apotheke",
        "adresse": "Hauptstraße 5",
        "punkt": "",
        "barrierefreiheit": "ja",
        "oeffnungshinweise": "",
        "quelle": "begehung",
        "quelle_hinweis": "Begehung am 3. Mai",
        "stand": "2016-05-03",
        "breite": "",
        "laenge": "",
    }
    return {**daten, **aenderungen}


def test_anlegen_mit_breite_und_laenge(client_projektteam, quartier):
    antwort = client_projektteam.post(
        reverse("quartiere:infrastruktur_neu"), formulardaten(breite="51,495", laenge="7,415")
    )
    einrichtung = Infrastruktur.objects.get()
    assert antwort.url == reverse("quartiere:infrastruktur_detail", args=[einrichtung.pk])
    assert (einrichtung.punkt.coords, einrichtung.stand) == ((7.415, 51.495), datetime.date(2016, 5, 3))
    assert einrichtung.history.get().history_user.username == "projektteam"


def test_anlegen_mit_punkt_auf_der_karte(client_projektteam, quartier):
    punkt = json.dumps({"type": "Point", "coordinates": [7.42, 51.5]})
    client_projektteam.post(reverse("quartiere:infrastruktur_neu"), formulardaten(punkt=punkt))
    assert Infrastruktur.objects.get().punkt.coords == (7.42, 51.5)


def test_anlegen_ohne_lage_scheitert(client_projektteam, quartier):
    antwort = client_projektteam.post(reverse("quartiere:infrastruktur_neu"), formulardaten())
    assert antwort.status_code == 200
    assert antwort.context["form"].errors == {
        "punkt": ["Bitte setzen Sie den Punkt auf der Karte oder geben Sie Breite und Länge an."]
    }
    assert Infrastruktur.objects.count() == 0


def test_bearbeiten_karte_aendert_punkt_zahlen_unveraendert(client_projektteam, quartier):
    einrichtung = InfrastrukturFactory(punkt=MITTE)
    url = reverse("quartiere:infrastruktur_bearbeiten", args=[einrichtung.pk])
    formular = client_projektteam.get(url).context["form"]
    assert (formular.initial["breite"], formular.initial["laenge"]) == (51.49, 7.41)
    punkt = json.dumps({"type": "Point", "coordinates": [7.43, 51.51]})

    stand = formular.initial["bearbeitungsstand"]

    client_projektteam.post(url, formulardaten(punkt=punkt, breite="51,49", laenge="7,41", bearbeitungsstand=stand))

    einrichtung.refresh_from_db()
    assert (einrichtung.name, einrichtung.punkt.coords) == ("Adler-Apotheke", (7.43, 51.51))
    assert einrichtung.history.count() == 2


def test_bearbeiten_veralteter_stand_wird_abgelehnt(client_projektteam, quartier):
    einrichtung = InfrastrukturFactory(punkt=MITTE, name="Löwen-Apotheke")
    url = reverse("quartiere:infrastruktur_bearbeiten", args=[einrichtung.pk])
    stand = client_projektteam.get(url).context["form"].initial["bearbeitungsstand"]
    einrichtung.oeffnungshinweise = "Mo–Fr 8–18 Uhr (von einer Kollegin ergänzt)"
    einrichtung.save()

    antwort = client_projektteam.post(url, formulardaten(breite="51,49", laenge="7,41", bearbeitungsstand=stand))

    einrichtung.refresh_from_db()
    assert antwort.status_code == 200
    assert "inzwischen von jemand anderem geändert" in antwort.content.decode()
    assert "Mo–Fr 8–18 Uhr (von einer Kollegin ergänzt)" in antwort.content.decode()
    assert (einrichtung.name, einrichtung.oeffnungshinweise) == (
        "Löwen-Apotheke",
        "Mo–Fr 8–18 Uhr (von einer Kollegin ergänzt)",
    )


def test_loeschen(client_projektteam, quartier):
    einrichtung = InfrastrukturFactory()
    antwort = client_projektteam.post(reverse("quartiere:infrastruktur_loeschen", args=[einrichtung.pk]))
    assert antwort.url == reverse("quartiere:infrastruktur_liste")
    assert Infrastruktur.objects.count() == 0
    assert [h.history_type for h in Infrastruktur.history.order_by("history_date")] == ["+", "-"]


def test_loeschen_nur_projektteam(client, lenkungsgruppe, quartier):
    einrichtung = InfrastrukturFactory()
    client.force_login(lenkungsgruppe)
    antwort = client.post(reverse("quartiere:infrastruktur_loeschen", args=[einrichtung.pk]))
    assert (antwort.status_code, Infrastruktur.objects.count()) == (403, 1)


# --- Categories -------------------------------------------------------------------------------


def test_kategorie_anlegen_und_radius_aendern(client_projektteam, db):
    wohnumfeld = Handlungsfeld.objects.get(slug="wohnumfeld")
    daten = {"name": "Trinkbrunnen", "handlungsfeld": wohnumfeld.pk, "radius_m": 400, "reihenfolge": 20}
    antwort = client_projektteam.post(reverse("quartiere:infrastruktur_kategorie_neu"), daten)
    neu = InfrastrukturKategorie.objects.get(name="Trinkbrunnen")
    assert (antwort.url, neu.slug, neu.radius_m) == (reverse("quartiere:infrastruktur_kategorien"), "trinkbrunnen", 400)

    url = reverse("quartiere:infrastruktur_kategorie_bearbeiten", args=[neu.pk])
    stand = client_projektteam.get(url).context["form"].initial["bearbeitungsstand"]
    client_projektteam.post(
        url, {**daten, "name": "Öffentlicher Trinkbrunnen", "radius_m": 300, "bearbeitungsstand": stand}
    )
    neu.refresh_from_db()
    assert (neu.name, neu.slug, neu.radius_m) == ("Öffentlicher Trinkbrunnen", "trinkbrunnen", 300)


def test_kategorie_aus_veraltetem_formular_wird_nicht_gespeichert(client_projektteam, db):
    """Issue 9 #5: A and B open the same category; A saves, then B's older form is refused, A's radius stays."""
    kategorie = InfrastrukturKategorie.objects.get(slug="apotheke")
    url = reverse("quartiere:infrastruktur_kategorie_bearbeiten", args=[kategorie.pk])
    stand = client_projektteam.get(url).context["form"].initial["bearbeitungsstand"]
    daten = {
        "name": kategorie.name,
        "handlungsfeld": kategorie.handlungsfeld_id,
        "reihenfolge": 1,
        "bearbeitungsstand": stand,
    }

    erste = client_projektteam.post(url, {**daten, "radius_m": 350})
    zweite = client_projektteam.post(url, {**daten, "radius_m": 900})

    kategorie.refresh_from_db()
    assert (erste.status_code, zweite.status_code, kategorie.radius_m) == (302, 200, 350)
    assert "inzwischen von jemand anderem geändert" in zweite.content.decode()


def test_kategorien_abfragen_konstant(client_projektteam, django_assert_num_queries, db):
    with django_assert_num_queries(5):
        antwort = client_projektteam.get(reverse("quartiere:infrastruktur_kategorien"))
    assert antwort.content.decode().count('<th scope="row">') == 17


# --- A quarter's infrastructure and coverage ----------------------------------------------------


def test_quartier_infrastruktur_abfragen_konstant(client_projektteam, django_assert_num_queries, quartier):
    url = reverse("quartiere:quartier_infrastruktur", args=[quartier.slug])
    InfrastrukturFactory(kategorie=kategorie("apotheke"), punkt=MITTE)
    client_projektteam.get(url)  # GeoDjango caches the units of EPSG:25832 after the first use
    # From the cache: the request's own (session, user, …), the Datenstand, four fragments
    # of the page (filter, map data, gaps, tables and lists) from the cache, and 3 of the walking-network section
    # (wegenetz partial: the Datenstände of the ground data and of the network, the cache).
    with django_assert_num_queries(14):
        client_projektteam.get(url)
    InfrastrukturFactory(kategorie=kategorie("haltestelle"), punkt=MITTE)
    InfrastrukturFactory(kategorie=kategorie("post"), punkt=Point(7.425, 51.49, srid=4326))
    # The new facilities change the Datenstand: the next request computes the coverage and the facilities
    # in reach and fills the cache, whatever their number, and the network section asks whether a network is
    # imported; six cache entries are written (about 4 queries each) …
    with django_assert_num_queries(50):
        antwort = client_projektteam.get(url)
    assert len(antwort.context["einrichtungen"]) == 3
    # … and the one after it reads them from there.
    with django_assert_num_queries(14):
        client_projektteam.get(url)


def test_quartier_infrastruktur_zeigt_luftlinie_luecken_und_tabelle(client_projektteam, quartier):
    InfrastrukturFactory(name="Löwen-Apotheke", kategorie=kategorie("apotheke"), punkt=MITTE)
    antwort = client_projektteam.get(reverse("quartiere:quartier_infrastruktur", args=[quartier.slug]))
    inhalt = antwort.content.decode()

    assert "Luftlinie, nicht Fußweg:" in inhalt
    apotheke = next(e for e in antwort.context["erreichbarkeit"] if e.kategorie.slug == "apotheke")
    # The grid cell is about 1,390 m × 2,225 m; the circle of 500 m lies wholly inside it.
    assert (apotheke.anzahl, round(apotheke.naechste_distanz_m)) == (1, 0)
    assert round(apotheke.anteil, 3) == 0.254
    assert [e.kategorie.slug for e in antwort.context["luecken"]] == [
        k.slug for k in InfrastrukturKategorie.objects.all()
    ]
    assert "<caption>Erreichbarkeit: Gesundheit und Pflege</caption>" in inhalt
    assert "Löwen-Apotheke</a>: 0 m" in inhalt
    karte = antwort.context["karte"]
    assert [e["name"] for e in karte["einrichtungen"]] == ["Löwen-Apotheke"]
    assert json.loads(next(k for k in karte["kategorien"] if k["slug"] == "apotheke")["puffer"])["type"] == "Polygon"


def test_quartier_infrastruktur_filter_kategorie(client_projektteam, quartier):
    InfrastrukturFactory(kategorie=kategorie("apotheke"), punkt=MITTE)
    InfrastrukturFactory(kategorie=kategorie("haltestelle"), punkt=MITTE)
    antwort = client_projektteam.get(
        reverse("quartiere:quartier_infrastruktur", args=[quartier.slug]), {"kategorie": "haltestelle"}
    )
    assert [e.kategorie.slug for e in antwort.context["erreichbarkeit"]] == ["haltestelle"]
    assert [e.kategorie.slug for e in antwort.context["einrichtungen"]] == ["haltestelle"]
    assert [k["puffer_sichtbar"] for k in antwort.context["karte"]["kategorien"]] == [True]


def test_quartier_infrastruktur_export_csv(client_projektteam, quartier):
    InfrastrukturFactory(name="Löwen-Apotheke", kategorie=kategorie("apotheke"), punkt=MITTE)
    antwort = client_projektteam.get(
        reverse("quartiere:quartier_infrastruktur", args=[quartier.slug]), {"kategorie": "apotheke", "format": "csv"}
    )
    assert antwort.content.decode("utf-8-sig").splitlines() == [
        "Handlungsfeld;Kategorie;Radius (m, Luftlinie);Einrichtungen in Reichweite;Fläche im Radius (%);"
        "Nächste Einrichtung;Entfernung vom Mittelpunkt (m, Luftlinie);Lücke;Gründe",
        "Gesundheit und Pflege;Apotheke;500;1;25,4;Löwen-Apotheke;0;ja;weniger als die Hälfte der Fläche im Radius",
    ]


def test_quartier_infrastruktur_partner_nur_eigenes(client, partner, quartier):
    client.force_login(partner)
    url = reverse("quartiere:quartier_infrastruktur", args=[quartier.slug])
    assert client.get(url).status_code == 403
    quartier.partner.add(partner)
    assert client.get(url).status_code == 200


def test_liste_als_geojson_kartenebene_mit_filter(client_projektteam, quartier):
    InfrastrukturFactory(punkt=MITTE, kategorie=kategorie("apotheke"), name="Adler-Apotheke")
    InfrastrukturFactory(punkt=MITTE, kategorie=kategorie("baeckerei"), name="Backstube")
    antwort = client_projektteam.get(
        reverse("quartiere:infrastruktur_liste"), {"kategorie": "apotheke", "format": "geojson"}
    )
    daten = json.loads(antwort.content)
    assert antwort["Content-Type"] == "application/geo+json; charset=utf-8"
    assert [(f["properties"]["name"], f["geometry"]) for f in daten["features"]] == [
        ("Adler-Apotheke", {"type": "Point", "coordinates": [7.41, 51.49]})
    ]


def test_quartierkarte_als_geojson_mit_reichweiten(client_projektteam, quartier):
    InfrastrukturFactory(punkt=MITTE, kategorie=kategorie("apotheke"), name="Adler-Apotheke")
    antwort = client_projektteam.get(
        reverse("quartiere:quartier_infrastruktur", args=[quartier.slug]),
        {"kategorie": "apotheke", "format": "geojson"},
    )
    daten = json.loads(antwort.content)
    ebenen = [(f["properties"]["ebene"], f["geometry"]["type"]) for f in daten["features"]]
    assert ebenen == [("quartier", "MultiPolygon"), ("einrichtung", "Point"), ("reichweite", "Polygon")]
    assert daten["features"][1]["properties"]["name"] == "Adler-Apotheke"
    assert daten["features"][2]["properties"]["radius_m"] == kategorie("apotheke").radius_m
