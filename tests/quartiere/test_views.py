"""Pages of the city map and the quarters: content, forms, query counts."""

import json

import pytest
from django.contrib.gis.geos import MultiPolygon
from django.urls import reverse

from quartiere.models import Quartier
from quartiere.services import quartier_speichern
from tests.factories import (
    QuartierFactory,
    StadtbezirkFactory,
    StatistischerBezirkFactory,
    UnterbezirkFactory,
    quadrat,
)


@pytest.fixture
def stadt(db):
    """One Stadtbezirk (2 × 1 grid cells) with one Bezirk and two Unterbezirke, one per cell."""
    stadtbezirk = StadtbezirkFactory(code="06", name="Hombruch", geometrie=quadrat(0, 0, seite=0.04))
    bezirk = StatistischerBezirkFactory(stadtbezirk=stadtbezirk, code="690", name="Menglinghausen")
    west = UnterbezirkFactory(bezirk=bezirk, code="691", name="West", geometrie=quadrat(0, 0))
    ost = UnterbezirkFactory(bezirk=bezirk, code="692", name="Ost", geometrie=quadrat(1, 0))
    return stadtbezirk, west, ost


def test_quartier_list_queries_constant(client_projektteam, django_assert_num_queries, stadt):
    QuartierFactory(stadtbezirk=stadt[0])
    with django_assert_num_queries(5) as eins:
        client_projektteam.get(reverse("quartiere:liste"))
    QuartierFactory.create_batch(2, stadtbezirk=stadt[0])
    with django_assert_num_queries(5) as drei:
        antwort = client_projektteam.get(reverse("quartiere:liste"))
    assert antwort.content.decode().count('scope="row"') == 3
    assert len(eins.captured_queries) == len(drei.captured_queries)


def test_uebersicht_queries_constant(client_projektteam, django_assert_num_queries, stadt):
    QuartierFactory(stadtbezirk=stadt[0])
    with django_assert_num_queries(6):
        client_projektteam.get(reverse("uebersicht"))
    QuartierFactory.create_batch(2, stadtbezirk=stadt[0])
    with django_assert_num_queries(6):
        client_projektteam.get(reverse("uebersicht"))


def test_karte_queries_constant(client_projektteam, django_assert_num_queries, stadt):
    QuartierFactory(stadtbezirk=stadt[0])
    # The first request after a change renders the area tables and caches them; the next reads them.
    with django_assert_num_queries(15):
        client_projektteam.get(reverse("quartiere:karte"))
    with django_assert_num_queries(7):
        client_projektteam.get(reverse("quartiere:karte"))
    StatistischerBezirkFactory.create_batch(2, stadtbezirk=stadt[0])
    QuartierFactory.create_batch(2, stadtbezirk=stadt[0])
    with django_assert_num_queries(15):
        client_projektteam.get(reverse("quartiere:karte"))
    with django_assert_num_queries(7):
        antwort = client_projektteam.get(reverse("quartiere:karte"))
    assert antwort.status_code == 200


def test_karte_tabelle_zeigt_flaeche_in_km2(client_projektteam, stadt):
    antwort = client_projektteam.get(reverse("quartiere:karte"))
    inhalt = antwort.content.decode()
    # 0.04° × 0.04° at 51.5° N is about 2.77 km × 4.45 km = 12.3 km² (EPSG:25832 adds its scale factor).
    assert '<th scope="row">Hombruch</th>' in inhalt
    flaeche = StadtbezirkFactory._meta.model.objects.mit_flaeche().get(code="06").flaeche.sq_km
    assert abs(flaeche - 12.33) < 0.05
    assert f"{flaeche:.2f}".replace(".", ",") in inhalt


def test_ebene_geojson_liefert_gebiete_mit_flaeche(client_projektteam, stadt):
    antwort = client_projektteam.get(reverse("quartiere:ebene_geojson", args=["unterbezirke"]))
    daten = json.loads(antwort.content)
    assert antwort["Content-Type"] == "application/geo+json; charset=utf-8"
    assert [f["properties"]["code"] for f in daten["features"]] == ["691", "692"]
    assert daten["features"][0]["geometry"]["type"] == "MultiPolygon"
    assert daten["features"][0]["properties"]["flaeche_km2"] == 3.09


def test_ebene_geojson_unbekannte_ebene_404(client_projektteam):
    assert client_projektteam.get(reverse("quartiere:ebene_geojson", args=["planeten"])).status_code == 404


def test_ebene_geojson_quartiere_nur_zugeordnete_fuer_partner(client, partner, stadt):
    eigenes = QuartierFactory(name="Eigenes", stadtbezirk=stadt[0])
    QuartierFactory(name="Fremdes", stadtbezirk=stadt[0])
    eigenes.partner.add(partner)
    client.force_login(partner)
    daten = client.get(reverse("quartiere:ebene_geojson", args=["quartiere"])).json()
    assert [f["properties"]["name"] for f in daten["features"]] == ["Eigenes"]
    liste = client.get(reverse("quartiere:liste")).content.decode()
    assert ("Eigenes" in liste, "Fremdes" in liste) == (True, False)


def test_detail_zeigt_abdeckung_und_teilflaeche(client_projektteam, stadt):
    # The quarter: the whole western cell and the western half of the eastern one.
    quartier = quartier_speichern(
        quartier=Quartier(
            name="Menglinghausen",
            stadtbezirk=stadt[0],
            siedlungsepoche="reihenhausgebiet",
            grenze=MultiPolygon(quadrat(0, 0, seite=0.02).union(quadrat(0, 0, seite=0.01, x0=7.42)), srid=4326),
        )
    )
    antwort = client_projektteam.get(quartier.get_absolute_url())
    inhalt = antwort.content.decode()
    assert [(a.unterbezirk.code, round(a.anteil, 2)) for a in quartier.abdeckungen.all()] == [
        ("691", 1.0),
        ("692", 0.25),
    ]
    assert "25 % (teilweise)" in inhalt
    assert "100 %" in inhalt
    assert "nur teilweise im Quartier" in inhalt


def _formular(stadtbezirk, grenze, **mehr):
    return {
        "name": "Neues Quartier",
        "stadtbezirk": stadtbezirk.pk,
        "siedlungsepoche": "neubauviertel",
        "status": "kandidat",
        "auswahlbegruendung": "Neubaugebiet mit jungen Familien und wenigen Älteren.",
        "grenze": grenze.geojson,
        **mehr,
    }


def test_quartier_anlegen_leitet_unterbezirke_ab(client_projektteam, stadt):
    antwort = client_projektteam.post(reverse("quartiere:neu"), _formular(stadt[0], quadrat(1, 0)))
    quartier = Quartier.objects.get(name="Neues Quartier")
    assert (antwort.status_code, antwort.url) == (302, quartier.get_absolute_url())
    assert quartier.slug == "neues-quartier"
    assert [a.unterbezirk.code for a in quartier.abdeckungen.all()] == ["692"]
    assert quartier.history.count() == 1


def test_quartier_anlegen_grenze_ausserhalb_des_stadtbezirks(client_projektteam, stadt):
    antwort = client_projektteam.post(reverse("quartiere:neu"), _formular(stadt[0], quadrat(10, 10)))
    assert antwort.status_code == 200
    assert "Die Grenze liegt nicht im Stadtbezirk Hombruch" in antwort.content.decode()
    assert Quartier.objects.count() == 0


def test_quartier_anlegen_punkt_statt_flaeche(client_projektteam, stadt):
    daten = _formular(stadt[0], quadrat(0, 0))
    daten["grenze"] = json.dumps({"type": "Point", "coordinates": [7.41, 51.49]})
    antwort = client_projektteam.post(reverse("quartiere:neu"), daten)
    assert antwort.status_code == 200
    assert Quartier.objects.count() == 0


def test_quartier_bearbeiten_veralteter_stand_wird_abgelehnt(client_projektteam, stadt):
    quartier = QuartierFactory(name="Derne", stadtbezirk=stadt[0], grenze=quadrat(0, 0))
    formular = client_projektteam.get(reverse("quartiere:bearbeiten", args=[quartier.slug]))
    stand = formular.context["form"].initial["bearbeitungsstand"]
    # Someone else saves in between.
    quartier.auswahlbegruendung = "Von einer Kollegin geändert."
    quartier.save()

    antwort = client_projektteam.post(
        reverse("quartiere:bearbeiten", args=[quartier.slug]),
        _formular(stadt[0], quadrat(0, 0), name="Derne (mein Stand)", bearbeitungsstand=stand),
    )
    quartier.refresh_from_db()
    assert antwort.status_code == 200
    assert "inzwischen von jemand anderem geändert" in antwort.content.decode()
    assert antwort.context["form"].andere_fassung.auswahlbegruendung == "Von einer Kollegin geändert."
    assert "Neuere Fassung vom" in antwort.content.decode()
    assert (quartier.name, quartier.auswahlbegruendung) == ("Derne", "Von einer Kollegin geändert.")


def test_quartier_bearbeiten_mit_aktuellem_stand(client_projektteam, stadt):
    quartier = QuartierFactory(name="Derne", stadtbezirk=stadt[0], grenze=quadrat(0, 0))
    stand = (
        client_projektteam.get(reverse("quartiere:bearbeiten", args=[quartier.slug]))
        .context["form"]
        .initial["bearbeitungsstand"]
    )
    antwort = client_projektteam.post(
        reverse("quartiere:bearbeiten", args=[quartier.slug]),
        _formular(stadt[0], quadrat(1, 0), name="Derne", bearbeitungsstand=stand),
    )
    quartier.refresh_from_db()
    assert (antwort.status_code, quartier.siedlungsepoche) == (302, "neubauviertel")
    assert [a.unterbezirk.code for a in quartier.abdeckungen.all()] == ["692"]


def test_startseite_oeffentlich_ohne_karte_nur_text(client, stadt):
    QuartierFactory(name="Marten", stadtbezirk=stadt[0])
    inhalt = client.get(reverse("start"), follow=True).content.decode()
    assert "Marten" in inhalt
    assert "Wohnumfeld" in inhalt
    assert "leaflet" not in inhalt


def test_csp_erlaubt_nur_eigene_herkunft(client_projektteam, stadt):
    antwort = client_projektteam.get(reverse("quartiere:karte"))
    richtlinie = antwort["Content-Security-Policy"]
    assert "default-src 'self'" in richtlinie
    assert "script-src 'self' 'nonce-" in richtlinie
    assert "unsafe-inline" not in richtlinie
    nonce = richtlinie.split("'nonce-")[1].split("'")[0]
    # Every inline script carries this request's nonce.
    inhalt = antwort.content.decode()
    assert inhalt.count("<script>") == 0
    assert inhalt.count(f'<script nonce="{nonce}">') >= 1
