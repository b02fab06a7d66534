"""A changed facility makes its category's distance fields stale, however it was changed (form,
import, bulk update, deletion); the pages then show no stale value, say "wird neu berechnet", and
start one recomputation job; after the job the walking times are right again."""

import datetime
import re

import numpy as np
import pytest
from django.urls import reverse
from django.utils import timezone

from auftraege.models import Auftrag
from quartiere.models import Infrastruktur
from quartiere.services.infrastruktur import infrastruktur_loeschen, infrastruktur_speichern
from quartiere.services.infrastruktur_import import infrastruktur_importieren
from tests.factories import InfrastrukturFactory, QuartierFactory, StadtbezirkFactory, quadrat
from wegenetz.models import Distanzfeld
from wegenetz.queries import netz_abdeckung
from wegenetz.queries.koordinaten import punkte_metrisch
from wegenetz.queries.netz import anbinden, netzgraph
from wegenetz.queries.uebersicht import AUFGABE_DISTANZFELDER
from wegenetz.services import distanzfelder_aufgabe, distanzfelder_berechnen, distanzfelder_nachziehen

from .netze import FUSSWEG, lonlat, netz_bauen, punkt

pytestmark = pytest.mark.django_db


@pytest.fixture
def quartier():
    return QuartierFactory(slug="testquartier", stadtbezirk=StadtbezirkFactory(geometrie=quadrat(0)))


@pytest.fixture
def netz():
    # 1000 m of footway from (0, 0) to (1000, 0) in four ways: a node every 250 m.
    netz, _bericht = netz_bauen([([(x, 0), (x + 250, 0)], FUSSWEG) for x in range(0, 1000, 250)])
    return netz


@pytest.fixture
def sofort(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _gehzeit(netz, x, profil="fuss"):
    """The stored walking time (s) from the node at (x, 0) to the nearest pharmacy."""
    ((knoten, _abstand),) = anbinden(netzgraph(netz), punkte_metrisch([punkt(x, 0)]))
    feld = Distanzfeld.objects.get(netz=netz, kategorie__slug="apotheke", profil__art=profil)
    return float(np.frombuffer(bytes(feld.sekunden), dtype="<f4")[knoten])


def _apotheke(abdeckung, profil="fuss"):
    return next(e for e in abdeckung.eintraege if e.kategorie.slug == "apotheke").profile[profil]


def _wartende_auftraege():
    return Auftrag.objects.filter(art=AUFGABE_DISTANZFELDER, status=Auftrag.Status.WARTET).count()


def test_neue_einrichtung_ueber_den_service_erst_veraltet_dann_richtig(quartier, netz, sofort):
    distanzfelder_berechnen()
    assert _gehzeit(netz, 0) == np.inf
    alt = netz_abdeckung(quartier=quartier)
    assert _apotheke(alt).anteil == 0.0

    infrastruktur_speichern(infrastruktur=InfrastrukturFactory.build(punkt=punkt(0, 0)))

    abdeckung = netz_abdeckung(quartier=quartier)
    wert = _apotheke(abdeckung)
    # Nothing stale reads as current: no share, no minutes, no gap — marked as waiting.
    assert (wert.anteil, wert.minuten_vom_mittelpunkt, wert.ist_luecke, wert.veraltet) == (None, None, False, True)
    assert abdeckung.veraltet and abdeckung.wartet_auf_berechnung
    # Other categories did not change and keep their values.
    arzt = next(e for e in abdeckung.eintraege if e.kategorie.slug == "hausarztpraxis").profile["fuss"]
    assert (arzt.anteil, arzt.veraltet) == (0.0, False)

    auftrag = distanzfelder_nachziehen(veraltet=abdeckung.wartet_auf_berechnung)

    assert auftrag.status == Auftrag.Status.FERTIG
    assert "3 Distanzfelder neu berechnet" in auftrag.ergebnis  # the pharmacy's, one per profile
    assert _gehzeit(netz, 0) == pytest.approx(0, abs=1)
    assert _gehzeit(netz, 500) == pytest.approx(500 / 0.9, rel=0.01)
    assert _gehzeit(netz, 500, "rollator") == pytest.approx(500 / 0.7, rel=0.01)
    nachher = netz_abdeckung(quartier=quartier)
    assert nachher.wartet_auf_berechnung is False
    assert _apotheke(nachher).anteil == pytest.approx(500 / 1000, abs=0.01)


def test_verschobene_einrichtung(quartier, netz, sofort):
    einrichtung = InfrastrukturFactory(punkt=punkt(0, 0))
    distanzfelder_berechnen()
    assert _gehzeit(netz, 1000) == pytest.approx(1000 / 0.9, rel=0.01)

    einrichtung.punkt = punkt(1000, 0)
    infrastruktur_speichern(infrastruktur=einrichtung)

    assert _apotheke(netz_abdeckung(quartier=quartier)).veraltet is True
    assert _gehzeit(netz, 1000) == pytest.approx(1000 / 0.9, rel=0.01)  # stored, but not shown
    distanzfelder_nachziehen(veraltet=True)
    assert _gehzeit(netz, 1000) == pytest.approx(0, abs=1)
    assert _gehzeit(netz, 0) == pytest.approx(1000 / 0.9, rel=0.01)
    assert _apotheke(netz_abdeckung(quartier=quartier)).veraltet is False


def test_geloeschte_einrichtung(quartier, netz, sofort):
    einrichtung = InfrastrukturFactory(punkt=punkt(0, 0))
    distanzfelder_berechnen()
    assert _apotheke(netz_abdeckung(quartier=quartier)).anteil == pytest.approx(0.5, abs=0.01)

    infrastruktur_loeschen(infrastruktur=einrichtung)

    wert = _apotheke(netz_abdeckung(quartier=quartier))
    assert (wert.anteil, wert.veraltet) == (None, True)
    distanzfelder_nachziehen(veraltet=True)
    assert _gehzeit(netz, 0) == np.inf
    wert = _apotheke(netz_abdeckung(quartier=quartier))
    assert (wert.anteil, wert.veraltet, wert.ist_luecke) == (0.0, False, True)


def test_import_und_massenaenderung_ohne_service_werden_erkannt(quartier, netz, sofort, tmp_path):
    distanzfelder_berechnen()
    lon, lat = lonlat(750, 0)
    datei = tmp_path / "apotheken.csv"
    datei.write_text(
        "Kategorie;Name;Adresse;Breite;Länge\n"
        f"apotheke;Löwen-Apotheke;Hauptstraße 1;{str(lat).replace('.', ',')};{str(lon).replace('.', ',')}\n",
        encoding="utf-8",
    )
    infrastruktur_importieren(pfad=datei)
    assert _apotheke(netz_abdeckung(quartier=quartier)).veraltet is True
    distanzfelder_nachziehen(veraltet=True)
    assert _gehzeit(netz, 1000) == pytest.approx(250 / 0.9, rel=0.02)

    # A bulk update passes no service and no signal; the fingerprint still sees it.
    Infrastruktur.objects.update(punkt=punkt(250, 0))
    assert _apotheke(netz_abdeckung(quartier=quartier)).veraltet is True
    distanzfelder_nachziehen(veraltet=True)
    assert _gehzeit(netz, 1000) == pytest.approx(750 / 0.9, rel=0.01)


def test_seite_sagt_wird_neu_berechnet_und_startet_genau_einen_auftrag(client_projektteam, quartier, netz):
    # The database queue of production: the job waits for a worker.
    InfrastrukturFactory(punkt=punkt(0, 0))
    distanzfelder_berechnen()
    url = reverse("wegenetz:quartier", args=[quartier.slug])
    html = client_projektteam.get(url).content.decode()
    assert "wird neu berechnet" not in html
    assert _wartende_auftraege() == 0

    einrichtung = Infrastruktur.objects.get()
    einrichtung.punkt = punkt(1000, 0)
    infrastruktur_speichern(infrastruktur=einrichtung)
    html = client_projektteam.get(url).content.decode()
    client_projektteam.get(url)
    infra = client_projektteam.get(reverse("quartiere:quartier_infrastruktur", args=[quartier.slug])).content.decode()

    assert html.count("wird neu berechnet") == 3  # the pharmacy's three profiles
    assert "werden gerade im Hintergrund neu berechnet" in html
    assert "wird neu berechnet" in infra
    assert _wartende_auftraege() == 1  # three readers, one job

    distanzfelder_berechnen()  # what the worker does
    html = client_projektteam.get(url).content.decode()
    assert "wird neu berechnet" not in html
    assert _wartende_auftraege() == 1  # nothing new started


def test_nichts_veraltet_kein_auftrag(quartier, netz):
    distanzfelder_berechnen()
    assert distanzfelder_nachziehen(veraltet=netz_abdeckung(quartier=quartier).wartet_auf_berechnung) is None
    assert _wartende_auftraege() == 0


def test_anlegen_im_formular_dann_seite_dann_auftrag(client_projektteam, quartier, netz, settings):
    distanzfelder_berechnen()
    url = reverse("wegenetz:quartier", args=[quartier.slug])
    assert "wird neu berechnet" not in client_projektteam.get(url).content.decode()
    lon, lat = lonlat(0, 0)
    daten = {
        "kategorie": Infrastruktur._meta.get_field("kategorie").related_model.objects.get(slug="apotheke").pk,
        "name": "Adler-Apotheke",
        "adresse": "Hauptstraße 5",
        "punkt": "",
        "barrierefreiheit": "ja",
        "oeffnungshinweise": "",
        "quelle": "begehung",
        "quelle_hinweis": "",
        "stand": "2016-05-03",
        "breite": str(lat).replace(".", ","),
        "laenge": str(lon).replace(".", ","),
    }
    assert client_projektteam.post(reverse("quartiere:infrastruktur_neu"), daten).status_code == 302

    # The page read finds the pharmacy's fields stale: it shows no old value and enqueues the job …
    html = client_projektteam.get(url).content.decode()
    assert html.count("wird neu berechnet") == 3
    assert _wartende_auftraege() == 1
    # … which the worker runs (here: the task called as the worker calls it).
    auftrag = Auftrag.objects.get(art=AUFGABE_DISTANZFELDER, status=Auftrag.Status.WARTET)
    distanzfelder_aufgabe.call(auftrag_id=str(auftrag.pk))
    auftrag.refresh_from_db()
    assert auftrag.status == Auftrag.Status.FERTIG
    assert _gehzeit(netz, 500) == pytest.approx(500 / 0.9, rel=0.01)
    html = client_projektteam.get(url).content.decode()
    assert "wird neu berechnet" not in html
    # Half the 1000 m network within the pharmacy's 9.3 minutes on foot (lengths measured in 25832).
    zeile = html[html.index("Apotheke <span") :].split("</tr>")[0]
    assert re.findall(r'<td class="text-end">([\d,]+)</td>', zeile)[2] in {"49,9", "50,0"}


def test_nach_einem_fehlgeschlagenen_auftrag_wartet_die_seite(quartier, netz):
    InfrastrukturFactory(punkt=punkt(0, 0))
    Auftrag.objects.create(
        art=AUFGABE_DISTANZFELDER,
        titel="Erreichbarkeit im Wegenetz berechnen",
        status=Auftrag.Status.FEHLGESCHLAGEN,
        beendet_am=timezone.now() - datetime.timedelta(minutes=2),
    )
    assert distanzfelder_nachziehen(veraltet=True) is None
    assert _wartende_auftraege() == 0

    Auftrag.objects.update(beendet_am=timezone.now() - datetime.timedelta(minutes=11))
    assert distanzfelder_nachziehen(veraltet=True).status == Auftrag.Status.WARTET
    assert _wartende_auftraege() == 1
