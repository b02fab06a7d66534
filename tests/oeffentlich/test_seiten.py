"""The public pages: open to everyone, no cookie, nothing from other servers, few queries,
cached until the data change; their downloads (profile, flyer, calendar, feed, photo)."""

import datetime
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from oeffentlich.services import neuigkeit_speichern
from oeffentlich.views.basis import SEITEN
from tests import factories as f
from tests.oeffentlich.stand import HEUTE, html_urls, oeffentliche_urls, zeit

pytestmark = pytest.mark.django_db


def test_jede_oeffentliche_seite_ohne_anmeldung_und_ohne_cookie(client, stand):
    for url in oeffentliche_urls(stand):
        antwort = client.get(url)
        assert antwort.status_code == 200, url
        assert "Set-Cookie" not in str(antwort.serialize_headers()), url
        assert not antwort.cookies, url
    assert not client.cookies
    assert Session.objects.count() == 0


def test_angemeldete_sehen_dieselbe_seite_ohne_ihren_namen(client, stand, projektteam):
    client.force_login(projektteam)
    for url in html_urls(oeffentliche_urls(stand)):
        antwort = client.get(url)
        assert antwort.status_code == 200, url
        assert projektteam.username not in antwort.content.decode(), url


def test_seiten_laden_nichts_von_anderen_servern_und_nennen_die_sprache(client, stand):
    for url in html_urls(oeffentliche_urls(stand)):
        html = client.get(url).content.decode()
        assert '<html lang="de">' in html, url
        ressourcen = re.findall(r'<(?:link|script|img|iframe|source)\b[^>]*?(?:src|href)="([^"]+)"', html)
        assert ressourcen, url
        fremd = [r for r in ressourcen if re.match(r"^(?:[a-z]+:)?//", r)]
        assert fremd == [], url
        assert "<script" not in html, url  # usable without JavaScript: there is none
        assert 'class="sprung" href="#inhalt"' in html and 'id="inhalt"' in html, url
        assert "css/oeffentlich-druck.css" in html and 'media="print"' in html, url


@pytest.mark.parametrize("cache_leeren", [True, False])
def test_hoechstens_zehn_abfragen_ungecacht_eine_aus_dem_cache(client, stand, cache_leeren):
    for url in html_urls(oeffentliche_urls(stand)):
        client.get(url)
        if cache_leeren:
            SEITEN.clear()
        with CaptureQueriesContext(connection) as abfragen:
            antwort = client.get(url)
        assert antwort.status_code == 200
        if cache_leeren:
            assert len(abfragen) <= 10, (url, [q["sql"][:120] for q in abfragen])
        else:
            assert len(abfragen) == 1, url  # the data version


def test_seite_ist_neu_wenn_sich_die_daten_aendern(client, stand):
    url = reverse("oeffentlich:neuigkeiten")
    assert "Erste Neuigkeit" in client.get(url).content.decode()
    neuigkeit_speichern(
        titel="Geänderte Neuigkeit",
        text="x",
        veroeffentlicht_am=zeit(HEUTE - datetime.timedelta(days=1)),
        neuigkeit=stand["neuigkeit"],
    )
    html = client.get(url).content.decode()
    assert "Geänderte Neuigkeit" in html and "Erste Neuigkeit" not in html
    stand["neuigkeit"].delete()
    assert "Geänderte Neuigkeit" not in client.get(url).content.decode()


def test_datenstand_wird_kurz_gemerkt(client, stand, settings):
    settings.DWK_OEFFENTLICH_DATENSTAND_SEKUNDEN = 60
    url = reverse("oeffentlich:projekt")
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as abfragen:
        assert client.get(url).status_code == 200
    assert len(abfragen) == 0


@pytest.mark.parametrize(
    ("name", "anlegen"),
    [
        ("oeffentlich:neuigkeiten", lambda n, o: f.NeuigkeitFactory.create_batch(n)),
        (
            "oeffentlich:veranstaltungen",
            lambda n, o: [
                f.VeranstaltungsfreigabeFactory(
                    veranstaltung=f.VeranstaltungFactory(beginn=zeit(HEUTE), quartiere=[o["quartier"]])
                )
                for _ in range(n)
            ],
        ),
        ("oeffentlich:quartiere", lambda n, o: f.QuartierFactory.create_batch(n)),
        ("oeffentlich:projekt", lambda n, o: f.MeilensteinFactory.create_batch(n)),
    ],
)
def test_listen_abfragen_unabhaengig_von_der_anzahl(client, stand, name, anlegen):
    url = reverse(name)
    anzahlen = []
    for n in (1, 2):
        anlegen(n, stand)
        SEITEN.clear()
        with CaptureQueriesContext(connection) as abfragen:
            assert client.get(url).status_code == 200
        anzahlen.append(len(abfragen))
    assert anzahlen[0] == anzahlen[1]


def test_unveroeffentlichtes_ist_nicht_zu_finden(client, stand):
    for url in html_urls(oeffentliche_urls(stand)):
        html = client.get(url).content.decode()
        for geheim in ("Planungstreffen intern", "Geheimer Entwurf", "Entwurf einer Neuigkeit", "Neuigkeit von morgen"):
            assert geheim not in html, (url, geheim)
    assert client.get(reverse("oeffentlich:veranstaltung", kwargs={"pk": stand["intern"].pk})).status_code == 404
    assert client.get(reverse("oeffentlich:flyer", kwargs={"pk": stand["intern"].pk})).status_code == 404
    assert client.get(reverse("oeffentlich:termin", kwargs={"pk": stand["intern"].pk})).status_code == 404
    assert client.get(reverse("oeffentlich:dokumentation", kwargs={"pk": stand["entwurf"].pk})).status_code == 404
    assert client.get(reverse("oeffentlich:dokumentation", kwargs={"pk": stand["kommend"].pk})).status_code == 404
    assert client.get(reverse("oeffentlich:neuigkeit", kwargs={"slug": "entwurf"})).status_code == 404
    assert client.get(reverse("oeffentlich:neuigkeit", kwargs={"slug": "morgen"})).status_code == 404
    # One photo without release, one released but not marked publishable.
    andere = stand["foto"].dokumentation.fotos.exclude(pk=stand["foto"].pk)
    assert andere.count() == 2
    for foto in andere:
        url = reverse("oeffentlich:foto", kwargs={"pk": stand["vergangen"].pk, "foto_pk": foto.pk})
        assert client.get(url).status_code == 404


def test_quartiersprofil_nur_freigegeben(client, stand):
    antwort = client.get(reverse("oeffentlich:profil_pdf", kwargs={"slug": "menglinghausen"}))
    assert antwort.status_code == 200
    text = "".join(seite.extract_text() for seite in PdfReader(io.BytesIO(antwort.content)).pages)
    assert "Menglinghausen" in text and "Ein Laden fehlt." in text
    ohne = f.QuartierFactory(slug="ohne-profil")
    assert client.get(reverse("oeffentlich:profil_pdf", kwargs={"slug": ohne.slug})).status_code == 404
    assert client.get(reverse("oeffentlich:quartier", kwargs={"slug": ohne.slug})).status_code == 200
    kandidat = f.QuartierFactory(slug="kandidat", ist_referenzquartier=False)
    assert client.get(reverse("oeffentlich:quartier", kwargs={"slug": kandidat.slug})).status_code == 404


def test_quartierseite_zeigt_was_daraus_geworden_ist(client, stand):
    html = client.get(reverse("oeffentlich:quartier", kwargs={"slug": "menglinghausen"})).content.decode()
    assert "Was ist daraus geworden?" in html
    assert "„Eine Bank am Markt“ – Bürgerwerkstatt im Sommer, 29. Juni 2017" in html
    assert 'value="40"' in html and "in Umsetzung" in html
    assert "Ein Laden fehlt." in html and "Reihenhäuser und Gärten." in html
    assert "Bürgerwerkstatt im Herbst" in html


def test_flyer_und_kalender(client, stand):
    kommend = stand["kommend"]
    flyer = client.get(reverse("oeffentlich:flyer", kwargs={"pk": kommend.pk}))
    assert flyer["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(flyer.content)).pages[0].extract_text()
    assert "Bürgerwerkstatt im Herbst" in text
    termin = Calendar.from_ical(client.get(reverse("oeffentlich:termin", kwargs={"pk": kommend.pk})).content)
    ereignisse = termin.walk("VEVENT")
    assert [str(e["summary"]) for e in ereignisse] == ["Bürgerwerkstatt im Herbst"]
    assert "stufenlos erreichbar" in str(ereignisse[0]["description"])
    assert "ORGANIZER" not in ereignisse[0] and "ATTENDEE" not in ereignisse[0]
    kalender = Calendar.from_ical(client.get(reverse("oeffentlich:kalender")).content)
    titel = sorted(str(e["summary"]) for e in kalender.walk("VEVENT"))
    assert titel == ["Bürgerwerkstatt im Herbst", "Bürgerwerkstatt im Sommer", "Werkstatt mit Entwurf"]


def test_atom_feed(client, stand):
    antwort = client.get(reverse("oeffentlich:neuigkeiten_feed"))
    assert antwort["Content-Type"].startswith("application/atom+xml")
    wurzel = ET.fromstring(antwort.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.findtext("a:title", namespaces=ns) for e in wurzel.findall("a:entry", ns)] == ["Erste Neuigkeit"]


def test_foto_ohne_metadaten_nur_freigegeben(client, stand):
    url = reverse("oeffentlich:foto", kwargs={"pk": stand["vergangen"].pk, "foto_pk": stand["foto"].pk})
    antwort = client.get(url)
    assert antwort.status_code == 200 and antwort["Content-Type"] == "image/jpeg"
    html = client.get(reverse("oeffentlich:dokumentation", kwargs={"pk": stand["vergangen"].pk})).content.decode()
    assert url in html and 'alt="Pinnwand mit Karten"' in html
    assert "Pinnwand am Tisch 1" not in html  # the internal caption


def test_pflichtseiten_und_beispiel(client, stand):
    html = client.get(reverse("oeffentlich:pflichtseite", kwargs={"art": "impressum"})).content.decode()
    assert "Beispieltext:" in html
    html = client.get(reverse("oeffentlich:pflichtseite", kwargs={"art": "barrierefreiheit"})).content.decode()
    assert 'action="/projekt/barrierefreiheit/rueckmeldung/"' in html and "csrfmiddlewaretoken" not in html
    assert '<label for="id_text">Welche Barriere haben Sie gefunden?</label>' in html
    html = client.get(reverse("oeffentlich:pflichtseite", kwargs={"art": "leichte-sprache"})).content.decode()
    assert "Informationen in Leichter Sprache" in html and "Erklärung zur Barriere-Freiheit" in html


def test_startseite_fuehrt_anonyme_zur_projektseite(client, stand):
    antwort = client.get("/")
    assert antwort.status_code == 302 and antwort["Location"] == reverse("oeffentlich:projekt")
