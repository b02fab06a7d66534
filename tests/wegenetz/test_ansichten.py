"""The pages of the walking network: import in the background, profiles, coverage, isochrones, barriers."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from auftraege.models import Auftrag
from tests.factories import BefundFactory, InfrastrukturFactory, QuartierFactory, StadtbezirkFactory, quadrat
from wegenetz.models import Barriere, Distanzfeld, Netzstand, Wegabschnitt, Wegprofil
from wegenetz.services import distanzfelder_berechnen

from .netze import FUSSWEG, TREPPE, lonlat, netz_bauen, punkt

pytestmark = pytest.mark.django_db

KLEIN = Path(__file__).resolve().parent.parent / "fixtures" / "wegenetz_klein.osm.pbf"


@pytest.fixture
def sofort(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def quartier():
    return QuartierFactory(slug="testquartier", stadtbezirk=StadtbezirkFactory(geometrie=quadrat(0)))


def _netz():
    netz, _bericht = netz_bauen(
        [([(0, 0), (0, 40)], TREPPE), ([(0, 0), (300, 0), (300, 40), (0, 40)], FUSSWEG), ([(0, 40), (0, 600)], FUSSWEG)]
    )
    return netz


def test_uebersicht_ohne_netz(client_projektteam):
    antwort = client_projektteam.get(reverse("wegenetz:uebersicht"))
    assert antwort.status_code == 200
    assert "Es ist noch kein Wegenetz importiert" in antwort.content.decode()
    assert "Fehlende Angaben gelten als passierbar" in antwort.content.decode()


def test_uebersicht_abfragen_konstant_mit_einer_und_drei_barrieren(client_projektteam, django_assert_num_queries):
    _netz()
    kanten = list(Wegabschnitt.objects.all())
    Barriere.objects.create(befund=BefundFactory(), wegabschnitt=kanten[0])
    url = reverse("wegenetz:uebersicht")
    client_projektteam.get(url)  # starts the job for the missing fields
    # 13 for the page, 5 to find that job waiting (last job not failed; savepoint, lock, query,
    # release): no second job.
    with django_assert_num_queries(18) as eins:
        client_projektteam.get(url)
    for kante in kanten[1:3]:
        Barriere.objects.create(befund=BefundFactory(), wegabschnitt=kante)
    with django_assert_num_queries(18) as drei:
        antwort = client_projektteam.get(url)
    assert len(antwort.context["barrieren"]) == 3
    assert len(eins.captured_queries) == len(drei.captured_queries)


def test_import_im_browser_laeuft_im_hintergrund(client_projektteam, sofort):
    antwort = client_projektteam.post(
        reverse("wegenetz:import"), {"datei": SimpleUploadedFile("dortmund.osm.pbf", KLEIN.read_bytes())}
    )
    auftrag = Auftrag.objects.get()
    assert antwort.status_code == 302
    assert antwort.url == auftrag.get_absolute_url()
    assert (auftrag.status, auftrag.schritte_erledigt, auftrag.schritte_gesamt) == ("fertig", 4, 4)
    assert "14 Wegabschnitte mit 11 Knoten importiert." in auftrag.ergebnis
    assert Netzstand.objects.get().quelle == "dortmund.osm.pbf"
    assert Distanzfeld.objects.count() == 17 * 3
    status = client_projektteam.get(auftrag.get_absolute_url()).content.decode()
    assert "Distanzfelder berechnet" in status


def test_import_im_browser_lehnt_andere_dateien_ab(client_projektteam, sofort):
    antwort = client_projektteam.post(
        reverse("wegenetz:import"), {"datei": SimpleUploadedFile("wege.csv", b"name;lat;lon\n")}
    )
    assert antwort.status_code == 200
    assert "„wege.csv“ ist kein OpenStreetMap-Auszug" in antwort.content.decode()
    assert not Auftrag.objects.exists()

    antwort = client_projektteam.post(
        reverse("wegenetz:import"), {"datei": SimpleUploadedFile("kaputt.osm.pbf", KLEIN.read_bytes()[:300])}
    )
    auftrag = Auftrag.objects.get()
    assert auftrag.status == "fehlgeschlagen"
    assert "„kaputt.osm.pbf“ lässt sich nicht als OpenStreetMap-Auszug lesen" in " ".join(auftrag.fehler)
    assert not Netzstand.objects.exists()


def test_profil_bearbeiten_startet_neuberechnung(client_projektteam, sofort, quartier):
    _netz()
    distanzfelder_berechnen()
    profil = Wegprofil.objects.get(art="rollator")
    url = reverse("wegenetz:profil_bearbeiten", args=["rollator"])
    formular = client_projektteam.get(url).context["form"]
    daten = {**formular.initial, "geschwindigkeit_m_s": "0.60", "max_steigung_prozent": "8.0"}
    daten = {k: v for k, v in daten.items() if v is not None and v is not False}
    antwort = client_projektteam.post(url, daten)
    assert antwort.status_code == 302
    profil.refresh_from_db()
    assert (str(profil.geschwindigkeit_m_s), str(profil.max_steigung_prozent)) == ("0.60", "8.0")
    assert Auftrag.objects.get().status == "fertig"
    assert distanzfelder_berechnen() == 0  # the job computed the rollator's fields again


def test_profil_mit_unsinniger_geschwindigkeit_wird_nicht_gespeichert(client_projektteam):
    url = reverse("wegenetz:profil_bearbeiten", args=["fuss"])
    formular = client_projektteam.get(url).context["form"]
    daten = {k: v for k, v in formular.initial.items() if v is not None and v is not False}
    antwort = client_projektteam.post(url, {**daten, "geschwindigkeit_m_s": "-3"})
    assert antwort.status_code == 200
    assert str(Wegprofil.objects.get(art="fuss").geschwindigkeit_m_s) == "0.90"
    assert client_projektteam.get(reverse("wegenetz:profil_bearbeiten", args=["gibtsnicht"])).status_code == 404


def test_quartier_vergleicht_luftlinie_und_fussweg(client_projektteam, quartier):
    _netz()
    InfrastrukturFactory(punkt=punkt(0, 0))
    distanzfelder_berechnen()
    seite = client_projektteam.get(reverse("wegenetz:quartier", args=[quartier.slug])).content.decode()
    assert "Luftlinie: Fläche im Radius (%)" in seite
    assert "mit Rollator: Netz in Gehzeit (%)" in seite
    assert "Lücken je Profil" in seite
    infrastruktur = client_projektteam.get(reverse("quartiere:quartier_infrastruktur", args=[quartier.slug]))
    assert "Fußweg auf dem Wegenetz (nicht Luftlinie)" in infrastruktur.content.decode()


def test_quartier_ohne_netz_verweist_auf_luftlinie(client_projektteam, quartier):
    seite = client_projektteam.get(reverse("wegenetz:quartier", args=[quartier.slug])).content.decode()
    assert "gibt es bisher nur in Luftlinie" in seite
    infrastruktur = client_projektteam.get(reverse("quartiere:quartier_infrastruktur", args=[quartier.slug]))
    assert "nur in Luftlinie angegeben" in infrastruktur.content.decode()
    assert client_projektteam.get(reverse("wegenetz:quartier", args=["gibtsnicht"])).status_code == 404


def test_isochronenseite_mit_punkt_einrichtung_und_fehlern(client_projektteam):
    _netz()
    url = reverse("wegenetz:isochronen")
    lon, lat = lonlat(0, 0)
    antwort = client_projektteam.get(url, {"profil": "rollator", "lon": lon, "lat": lat})
    seite = antwort.content.decode()
    assert antwort.context["isochrone"].profil.art == "rollator"
    assert "Erreichte Wege je Zeitstufe" in seite
    assert "bis 15 Minuten" in seite
    assert antwort.context["karte"]["geojson"]["features"]

    einrichtung = InfrastrukturFactory(punkt=punkt(0, 600))
    antwort = client_projektteam.get(url, {"profil": "fuss", "einrichtung": einrichtung.pk})
    assert antwort.context["isochrone"].start == einrichtung.punkt

    for falsch in ({"profil": "fuss", "lon": "abc", "lat": "51"}, {"profil": "zu-pferd", "lon": lon, "lat": lat}):
        antwort = client_projektteam.get(url, falsch)
        assert (antwort.status_code, antwort.context["isochrone"]) == (200, None)
    antwort = client_projektteam.get(url, {"profil": "fuss"})
    assert "Bitte wählen Sie eine Einrichtung oder geben Sie Längen- und Breitengrad an" in antwort.content.decode()
    antwort = client_projektteam.get(url, {"profil": "fuss", "lon": "9.5", "lat": "51.5"})
    assert "mehr als 400 m vom Wegenetz entfernt" in antwort.content.decode()


def test_barriere_verknuepfen_und_loesen(client_projektteam, sofort):
    _netz()
    befund = BefundFactory(art="mangel", ort=punkt(150, 2), text="Hoher Bordstein ohne Absenkung")
    antwort = client_projektteam.post(reverse("wegenetz:barriere_neu"), {"befund": befund.pk})
    assert antwort.status_code == 302
    barriere = Barriere.objects.get()
    assert barriere.wegabschnitt.laenge_m > 600  # the ramp round the steps, 300 + 40 + 300 m
    seite = client_projektteam.get(reverse("wegenetz:uebersicht")).content.decode()
    assert "Hoher Bordstein ohne Absenkung" in seite

    fern = BefundFactory(art="mangel", ort=punkt(150, 300))
    antwort = client_projektteam.post(reverse("wegenetz:barriere_neu"), {"befund": fern.pk})
    assert "Kein Wegabschnitt liegt näher als 30 m" in antwort.content.decode()

    client_projektteam.post(reverse("wegenetz:barriere_loesen", args=[barriere.pk]))
    assert not Barriere.objects.exists()


def test_neu_berechnen_startet_auftrag(client_projektteam):
    _netz()
    antwort = client_projektteam.post(reverse("wegenetz:berechnen"))
    auftrag = Auftrag.objects.get()
    assert antwort.url == auftrag.get_absolute_url()
    client_projektteam.post(reverse("wegenetz:berechnen"))
    assert Auftrag.objects.count() == 1  # a second click finds the waiting job
