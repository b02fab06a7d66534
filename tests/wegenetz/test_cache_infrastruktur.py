"""The walking-network section of the quarter's infrastructure page is computed once per Datenstand of
the ground data and of the network's own data (``queries.datenstand.netz_datenstand``): unchanged data
come from the cache; a profile saved, a barrier set, distance fields computed anew or a facility moved
show on the very next request."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quartiere.models import Infrastruktur
from quartiere.services.infrastruktur import infrastruktur_speichern
from tests.factories import (
    BefundFactory,
    BegehungFactory,
    InfrastrukturFactory,
    QuartierFactory,
    StadtbezirkFactory,
    quadrat,
)
from wegenetz.models import Wegprofil
from wegenetz.queries.datenstand import netz_datenstand
from wegenetz.services import distanzfelder_berechnen
from wegenetz.services.profile import barriere_verknuepfen, wegprofil_speichern

from .netze import FUSSWEG, netz_bauen, punkt

pytestmark = pytest.mark.django_db


@pytest.fixture
def quartier():
    return QuartierFactory(slug="testquartier", stadtbezirk=StadtbezirkFactory(geometrie=quadrat(0)))


@pytest.fixture
def url(quartier):
    # 1000 m of footway from (0, 0) to (1000, 0), a pharmacy at its start, every distance field computed.
    netz_bauen([([(x, 0), (x + 250, 0)], FUSSWEG) for x in range(0, 1000, 250)])
    InfrastrukturFactory(punkt=punkt(0, 0))
    distanzfelder_berechnen()
    return reverse("quartiere:quartier_infrastruktur", args=[quartier.slug])


def _aus_dem_cache(client, url) -> str:
    """The page, asserted to be served with its network section from the cache (no read of the edges)."""
    client.get(url)
    with CaptureQueriesContext(connection) as abfragen:
        inhalt = client.get(url).content.decode()
    gelesen = [a["sql"] for a in abfragen.captured_queries if "wegenetz_wegabschnitt" in a["sql"]]
    assert gelesen == [], "Der Wegenetz-Abschnitt der Infrastruktur-Seite sollte aus dem Cache kommen"
    assert "Fußweg auf dem Wegenetz (nicht Luftlinie)" in inhalt
    return inhalt


def test_infrastrukturseite_zeigt_nach_wegprofil_speichern_die_neuberechnung(client_projektteam, url):
    assert "wird neu berechnet" not in _aus_dem_cache(client_projektteam, url)
    rollator = Wegprofil.objects.get(art="rollator")
    rollator.geschwindigkeit_m_s = Decimal("0.50")

    wegprofil_speichern(profil=rollator, benutzer=None)  # the job waits in the queue

    # The rollator's fields were computed at the old pace: waiting, not shown as current.
    assert "wird neu berechnet" in client_projektteam.get(url).content.decode()


def test_infrastrukturseite_zeigt_nach_barriere_die_neuberechnung(client_projektteam, url, quartier):
    assert "wird neu berechnet" not in _aus_dem_cache(client_projektteam, url)
    befund = BefundFactory(begehung=BegehungFactory(quartier=quartier), ort=punkt(500, 0))

    barriere_verknuepfen(befund=befund, benutzer=None)

    assert "wird neu berechnet" in client_projektteam.get(url).content.decode()


def test_infrastrukturseite_zeigt_neu_berechnete_distanzfelder(client_projektteam, url):
    vorher = _aus_dem_cache(client_projektteam, url)
    assert "wird neu berechnet" not in vorher
    apotheke = Infrastruktur.objects.get()
    apotheke.punkt = punkt(1000, 0)
    infrastruktur_speichern(infrastruktur=apotheke)
    # The moved pharmacy changes the ground data's Datenstand: its fields are stale at once …
    assert "wird neu berechnet" in _aus_dem_cache(client_projektteam, url)
    stand = netz_datenstand()

    distanzfelder_berechnen()  # what the background worker does

    # … and current again once the worker has computed them, though the ground data did not change.
    assert netz_datenstand() != stand
    assert "wird neu berechnet" not in client_projektteam.get(url).content.decode()
