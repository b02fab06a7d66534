"""Walk-throughs: create with a route from GPX, findings, gallery and map filtered by field of action."""

import datetime

import pytest
from django.contrib.gis.geos import Point
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quartiere.models import Handlungsfeld
from quartiersprofil.models import Befund, BefundArt, Quartiersbegehung
from quartiersprofil.services.begehungen import fotos_hochladen
from tests.factories import BefundFactory, BegehungFactory, OrganisationFactory, QuartierFactory
from tests.quartiersprofil.bilder import bild_bytes, exif_mit_gps

pytestmark = pytest.mark.django_db

GPX = b"""<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Test" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Begehung</name><trkseg>
    <trkpt lat="51.4900" lon="7.4100"></trkpt>
    <trkpt lat="51.4910" lon="7.4120"></trkpt>
    <trkpt lat="51.4920" lon="7.4150"></trkpt>
  </trkseg></trk>
</gpx>"""


def _hf(slug):
    return Handlungsfeld.objects.get(slug=slug)


def test_begehung_anlegen_mit_gpx_route(client_projektteam):
    quartier = QuartierFactory(slug="menglinghausen")
    organisation = OrganisationFactory(name="Tiefbauamt", kurzname="FB 66")

    antwort = client_projektteam.post(
        reverse("quartiersprofil:begehung_neu", args=["menglinghausen"]),
        {
            "datum": "2016-10-12",
            "teilnehmende_organisationen": [organisation.pk],
            "zusammenfassung": "Viele hohe Bordsteine.",
            "gpx": SimpleUploadedFile("weg.gpx", GPX, content_type="application/gpx+xml"),
        },
    )

    begehung = Quartiersbegehung.objects.get()
    assert antwort.url == reverse("quartiersprofil:begehung_detail", args=[begehung.pk])
    assert (begehung.quartier, begehung.datum, list(begehung.teilnehmende_organisationen.all())) == (
        quartier,
        datetime.date(2016, 10, 12),
        [organisation],
    )
    assert (begehung.route.geom_type, begehung.route.srid, begehung.route.coords) == (
        "MultiLineString",
        4326,
        (((7.41, 51.49), (7.412, 51.491), (7.415, 51.492)),),
    )


@pytest.mark.parametrize(
    "inhalt",
    [b"<gpx><trk><trkseg><trkpt lat=", b"kein xml", b'<?xml version="1.0"?><gpx version="1.1" creator="x"></gpx>'],
)
def test_begehung_anlegen_kaputte_gpx_wird_abgelehnt(client_projektteam, inhalt):
    QuartierFactory(slug="menglinghausen")

    antwort = client_projektteam.post(
        reverse("quartiersprofil:begehung_neu", args=["menglinghausen"]),
        {"datum": "2016-10-12", "gpx": SimpleUploadedFile("weg.gpx", inhalt)},
    )

    assert antwort.status_code == 200
    assert "Die Datei „weg.gpx“ ist keine lesbare GPX-Datei" in antwort.content.decode()
    assert Quartiersbegehung.objects.count() == 0


def test_befund_anlegen_mit_koordinaten(client_projektteam):
    begehung = BegehungFactory()

    antwort = client_projektteam.post(
        reverse("quartiersprofil:befund_neu", args=[begehung.pk]),
        {
            "handlungsfeld": _hf("sicherheit").pk,
            "art": BefundArt.MANGEL,
            "text": "Unterführung dunkel",
            "breite": "51.491",
            "laenge": "7.413",
        },
    )

    befund = Befund.objects.get()
    assert antwort.status_code == 302
    assert (befund.begehung, befund.art, befund.ort.coords) == (begehung, "mangel", (7.413, 51.491))


def test_begehung_detail_zeigt_befunde_und_fotos(client_projektteam):
    befund = BefundFactory(text="Bank fehlt am Markt")
    fotos_hochladen(
        quartier=befund.begehung.quartier,
        begehung=befund.begehung,
        befund=befund,
        bildunterschrift="Marktplatz ohne Bank",
        dateien=[SimpleUploadedFile("m.jpg", bild_bytes(exif=exif_mit_gps(breite=51.49, laenge=7.41)))],
    )

    antwort = client_projektteam.get(reverse("quartiersprofil:begehung_detail", args=[befund.begehung.pk]))

    inhalt = antwort.content.decode()
    assert ("Bank fehlt am Markt" in inhalt, "Marktplatz ohne Bank" in inhalt) == (True, True)
    karte = antwort.context["karte"]
    assert ([b["nr"] for b in karte["befunde"]], [f["nr"] for f in karte["fotos"]]) == (["B1"], ["F1"])
    assert "/media/" not in inhalt


def _fotos(quartier, handlungsfeld, anzahl):
    begehung = BegehungFactory(quartier=quartier)
    return fotos_hochladen(
        quartier=quartier,
        begehung=begehung,
        handlungsfeld=handlungsfeld,
        bildunterschrift=handlungsfeld.kurzname,
        dateien=[SimpleUploadedFile(f"{i}.jpg", bild_bytes(groesse=(120, 90))) for i in range(anzahl)],
    )


def test_foto_galerie_filter_nach_handlungsfeld(client_projektteam):
    quartier = QuartierFactory(slug="menglinghausen")
    _fotos(quartier, _hf("wohnen"), 2)
    _fotos(quartier, _hf("sicherheit"), 1)

    antwort = client_projektteam.get(
        reverse("quartiersprofil:foto_galerie", args=["menglinghausen"]), {"handlungsfeld": "sicherheit"}
    )

    assert [f.bildunterschrift for f in antwort.context["fotos"]] == ["Sicherheit"]


def test_belege_karte_filter_nach_handlungsfeld(client_projektteam):
    quartier = QuartierFactory(slug="menglinghausen")
    begehung = BegehungFactory(quartier=quartier)
    BefundFactory(begehung=begehung, handlungsfeld=_hf("wohnen"), text="Wohnungen ohne Aufzug")
    BefundFactory(begehung=begehung, handlungsfeld=_hf("sicherheit"), text="Unterführung dunkel", ort=None)

    antwort = client_projektteam.get(
        reverse("quartiersprofil:belege_karte", args=["menglinghausen"]), {"handlungsfeld": "sicherheit"}
    )

    # The table lists the finding without a location too; the map can only show those with one.
    assert [b.text for _nr, b in antwort.context["befunde"]] == ["Unterführung dunkel"]
    assert antwort.context["karte"]["befunde"] == []


def test_partner_sieht_auch_nicht_veroeffentlichte_fotos_seines_quartiers(client, partner):
    quartier = QuartierFactory(slug="menglinghausen")
    quartier.partner.add(partner)
    (foto,) = _fotos(quartier, _hf("wohnen"), 1)
    client.force_login(partner)

    antwort = client.get(reverse("quartiersprofil:foto_galerie", args=["menglinghausen"]))

    assert (foto.darf_veroeffentlicht_werden, list(antwort.context["fotos"])) == (False, [foto])


def test_foto_standort_auf_karte_aendern(client_projektteam):
    quartier = QuartierFactory()
    (foto,) = _fotos(quartier, _hf("wohnen"), 1)

    antwort = client_projektteam.post(
        reverse("quartiersprofil:foto_bearbeiten", args=[foto.pk]),
        {
            "bildunterschrift": "Neu",
            "handlungsfeld": _hf("wohnen").pk,
            "breite": "51.5",
            "laenge": "7.42",
            "bearbeitungsstand": foto.updated_at.isoformat(),
        },
    )

    foto.refresh_from_db()
    assert (antwort.status_code, foto.bildunterschrift, foto.standort.coords) == (302, "Neu", (7.42, 51.5))


# --- N+1 guards ------------------------------------------------------------------------------------


@pytest.mark.parametrize("anzahl", [1, 3])
def test_begehung_liste_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    quartier = QuartierFactory(slug="menglinghausen")
    for _i in range(anzahl):
        begehung = BegehungFactory(quartier=quartier)
        begehung.teilnehmende_organisationen.add(OrganisationFactory())
        BefundFactory(begehung=begehung)
    url = reverse("quartiersprofil:begehung_liste", args=["menglinghausen"])

    with django_assert_num_queries(7):
        assert client_projektteam.get(url).status_code == 200


@pytest.mark.parametrize("anzahl", [1, 3])
def test_begehung_detail_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    begehung = BegehungFactory(route=None)
    for _i in range(anzahl):
        befund = BefundFactory(begehung=begehung)
        fotos_hochladen(
            quartier=begehung.quartier,
            begehung=begehung,
            befund=befund,
            dateien=[SimpleUploadedFile("a.jpg", bild_bytes(groesse=(60, 40)))],
        )
    url = reverse("quartiersprofil:begehung_detail", args=[begehung.pk])

    with django_assert_num_queries(10):
        assert client_projektteam.get(url).status_code == 200


@pytest.mark.parametrize("anzahl", [1, 3])
def test_foto_galerie_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    quartier = QuartierFactory(slug="menglinghausen")
    _fotos(quartier, _hf("wohnen"), anzahl)
    url = reverse("quartiersprofil:foto_galerie", args=["menglinghausen"])

    with django_assert_num_queries(8):
        assert client_projektteam.get(url).status_code == 200


@pytest.mark.parametrize("anzahl", [1, 3])
def test_belege_karte_abfragen(client_projektteam, django_assert_num_queries, anzahl):
    quartier = QuartierFactory(slug="menglinghausen")
    begehung = BegehungFactory(quartier=quartier)
    for _i in range(anzahl):
        BefundFactory(begehung=begehung, ort=Point(7.41, 51.49, srid=4326))
    _fotos(quartier, _hf("wohnen"), anzahl)
    url = reverse("quartiersprofil:belege_karte", args=["menglinghausen"])

    with django_assert_num_queries(10):
        assert client_projektteam.get(url).status_code == 200
