"""The quarter's infrastructure page computes its coverage once per Datenstand
(``queries.abdeckung.quartier_abdeckung``): unchanged data come from the cache, a change through a
service shows on the very next request."""

import pytest
from django.contrib.gis.geos import Point
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quartiere.models import InfrastrukturKategorie
from quartiere.services import infrastruktur_kategorie_speichern, infrastruktur_speichern
from tests.factories import InfrastrukturFactory, QuartierFactory, StadtbezirkFactory, quadrat

MITTE = Point(7.41, 51.49, srid=4326)  # the centre of grid cell (0, 0)
WEIT_WEG = Point(7.50, 51.49, srid=4326)


@pytest.fixture
def quartier(db):
    stadtbezirk = StadtbezirkFactory(geometrie=quadrat(0, 0, seite=0.04))
    return QuartierFactory(name="Menglinghausen", slug="menglinghausen", stadtbezirk=stadtbezirk, grenze=quadrat(0, 0))


def _apotheke(antwort):
    return next(e for e in antwort.context["erreichbarkeit"] if e.kategorie.slug == "apotheke")


def _aus_dem_cache(client, url):
    """The page, asserted to be served with its coverage from the cache (no spatial query of it)."""
    client.get(url)
    with CaptureQueriesContext(connection) as abfragen:
        antwort = client.get(url)
    berechnet = [a["sql"] for a in abfragen.captured_queries if "ST_Buffer" in a["sql"] or "ST_Distance" in a["sql"]]
    assert berechnet == [], "Die Erreichbarkeit sollte aus dem Cache kommen"
    return antwort


def test_infrastrukturseite_zeigt_nach_infrastruktur_speichern_die_neue_lage(client_projektteam, quartier):
    einrichtung = InfrastrukturFactory(name="Löwen-Apotheke", punkt=MITTE)
    url = reverse("quartiere:quartier_infrastruktur", args=[quartier.slug])
    vorher = _aus_dem_cache(client_projektteam, url)
    assert [e.name for e in vorher.context["einrichtungen"]] == ["Löwen-Apotheke"]
    assert _apotheke(vorher).anzahl == 1
    assert "Löwen-Apotheke</a>: 0 m" in vorher.content.decode()

    einrichtung.punkt = WEIT_WEG
    infrastruktur_speichern(infrastruktur=einrichtung)

    nachher = client_projektteam.get(url)
    assert nachher.context["einrichtungen"] == []
    assert (_apotheke(nachher).anzahl, _apotheke(nachher).anteil) == (0, 0.0)
    # Still the nearest pharmacy, now 6 km from the centre.
    assert "Löwen-Apotheke</a>: 0 m" not in nachher.content.decode()
    assert _apotheke(nachher).naechste_distanz_m > 6000


def test_infrastrukturseite_zeigt_nach_kategorie_speichern_den_neuen_radius(client_projektteam, quartier):
    InfrastrukturFactory(punkt=MITTE)
    url = reverse("quartiere:quartier_infrastruktur", args=[quartier.slug])
    vorher = _apotheke(_aus_dem_cache(client_projektteam, url))
    kategorie = InfrastrukturKategorie.objects.get(slug="apotheke")
    kategorie.radius_m = 250

    infrastruktur_kategorie_speichern(kategorie=kategorie)

    nachher = _apotheke(client_projektteam.get(url))
    assert (vorher.kategorie.radius_m, nachher.kategorie.radius_m) == (500, 250)
    # A quarter of the circle's area: four times less of the quarter within reach.
    assert nachher.anteil == pytest.approx(vorher.anteil / 4, rel=0.01)


def test_infrastrukturseite_zeigt_nach_kategorie_speichern_den_neuen_namen_in_jedem_fragment(
    client_projektteam, quartier
):
    # The filter form, the gaps and the tables are page fragments cached per Datenstand.
    url = reverse("quartiere:quartier_infrastruktur", args=[quartier.slug])
    assert "Apotheke mit Notdienst" not in _aus_dem_cache(client_projektteam, url).content.decode()
    kategorie = InfrastrukturKategorie.objects.get(slug="apotheke")
    kategorie.name = "Apotheke mit Notdienst"

    infrastruktur_kategorie_speichern(kategorie=kategorie)

    inhalt = client_projektteam.get(url).content.decode()
    assert f'<option value="{kategorie.slug}">Apotheke mit Notdienst</option>' in inhalt  # filter
    assert "<li><strong>Apotheke mit Notdienst</strong>" in inhalt  # gaps: no pharmacy in reach
    assert "Apotheke mit Notdienst</span></th>" in inhalt  # table of the field of action
