"""Projektteam's pages for the public pages (``redaktion:``): a news post goes draft → preview →
public (page and Atom feed) → withdrawn; the preview button saves nothing and shows the text through
the Markdown sanitiser; statutory pages, the project page, quarter texts and the releases of events
and photos change what the public sees; list pages in a fixed number of queries."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from buergerdialog.models import DokumentationStatus
from oeffentlich.models import Fotofreigabe, Neuigkeit, Pflichtseite, Quartiersseite, Veranstaltungsfreigabe
from tests import factories as f
from tests.oeffentlich.stand import HEUTE, oeffentliche_urls, zeit
from tests.oeffentlich.test_nichts_unveroeffentlichtes import _inhalt

pytestmark = pytest.mark.django_db
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def _feed_titel(client):
    wurzel = ET.fromstring(client.get(reverse("oeffentlich:neuigkeiten_feed")).content)
    return [e.findtext("a:title", namespaces=ATOM) for e in wurzel.findall("a:entry", ATOM)]


def _stand(form):
    return {"bearbeitungsstand": form.initial["bearbeitungsstand"]}


def _oeffentlich_ueberall(client, stand, text):
    """The public URLs (every page and download of ``oeffentliche_urls``) whose answer contains ``text``."""
    client.logout()
    return [url for url in oeffentliche_urls(stand) if text in _inhalt(client.get(url))]


def test_neuigkeit_entwurf_vorschau_veroeffentlichen_zurueckziehen(client, stand, projektteam):
    client.force_login(projektteam)
    antwort = client.post(
        reverse("redaktion:neuigkeit_neu"),
        {"titel": "Neue Bänke am Markt", "text": "Ab **Montag** stehen drei Bänke.<script>alert(1)</script>"},
    )
    neuigkeit = Neuigkeit.objects.get(titel="Neue Bänke am Markt")
    vorschau = reverse("redaktion:neuigkeit_vorschau", kwargs={"pk": neuigkeit.pk})
    assert (antwort.status_code, antwort["Location"]) == (302, vorschau)
    assert neuigkeit.veroeffentlicht_am is None and neuigkeit.verfasst_von == projektteam
    html = client.get(vorschau).content.decode()
    assert "Ab <strong>Montag</strong> stehen drei Bänke." in html and "<script>alert" not in html
    assert "Entwurf" in html and "Nicht öffentlich." in html
    # The draft is nowhere public.
    assert _oeffentlich_ueberall(client, stand, "Neue Bänke am Markt") == []
    assert client.get(neuigkeit.get_absolute_url()).status_code == 404

    client.force_login(projektteam)
    stand_der_vorschau = neuigkeit.updated_at.isoformat()
    antwort = client.post(
        reverse("redaktion:neuigkeit_veroeffentlichen", kwargs={"pk": neuigkeit.pk}),
        {"bearbeitungsstand": stand_der_vorschau, "veroeffentlicht_am": ""},
    )
    assert antwort.status_code == 302
    client.logout()
    assert client.get(neuigkeit.get_absolute_url()).status_code == 200
    assert _feed_titel(client)[0] == "Neue Bänke am Markt"
    assert "Neue Bänke am Markt" in client.get(reverse("oeffentlich:neuigkeiten")).content.decode()

    client.force_login(projektteam)
    assert client.post(reverse("redaktion:neuigkeit_zurueckziehen", kwargs={"pk": neuigkeit.pk})).status_code == 302
    client.logout()
    assert client.get(neuigkeit.get_absolute_url()).status_code == 404
    assert "Neue Bänke am Markt" not in _feed_titel(client)


def test_veroeffentlichen_nach_fremder_aenderung_abgelehnt(client_projektteam, stand):
    neuigkeit = f.NeuigkeitFactory(titel="Entwurf A", veroeffentlicht_am=None)
    gesehen = neuigkeit.updated_at.isoformat()
    Neuigkeit.objects.filter(pk=neuigkeit.pk).update(
        text="Von jemand anderem geändert", updated_at=neuigkeit.updated_at + datetime.timedelta(seconds=1)
    )
    url = reverse("redaktion:neuigkeit_veroeffentlichen", kwargs={"pk": neuigkeit.pk})
    antwort = client_projektteam.post(url, {"bearbeitungsstand": gesehen}, follow=True)
    assert "inzwischen von jemand anderem geändert" in antwort.content.decode()
    assert "Von jemand anderem geändert" in antwort.content.decode()  # the newer text, to preview again
    assert Neuigkeit.objects.get(pk=neuigkeit.pk).veroeffentlicht_am is None


def test_veroeffentlichen_spaeter_und_ungueltiges_datum(client_projektteam, stand):
    neuigkeit = f.NeuigkeitFactory(titel="Für nächste Woche", veroeffentlicht_am=None)
    url = reverse("redaktion:neuigkeit_veroeffentlichen", kwargs={"pk": neuigkeit.pk})
    stand_ = neuigkeit.updated_at.isoformat()
    antwort = client_projektteam.post(url, {"bearbeitungsstand": stand_, "veroeffentlicht_am": "nächsten Montag"})
    assert antwort.status_code == 200 and "Bitte geben Sie Datum und Uhrzeit ein" in antwort.content.decode()
    assert Neuigkeit.objects.get(pk=neuigkeit.pk).veroeffentlicht_am is None
    spaeter = (HEUTE + datetime.timedelta(days=7)).isoformat() + "T10:00"
    assert client_projektteam.post(url, {"bearbeitungsstand": stand_, "veroeffentlicht_am": spaeter}).status_code == 302
    assert Neuigkeit.objects.get(pk=neuigkeit.pk).veroeffentlicht_am == zeit(HEUTE + datetime.timedelta(days=7), 10)
    client_projektteam.logout()
    assert client_projektteam.get(neuigkeit.get_absolute_url()).status_code == 404  # not yet
    assert "Für nächste Woche" not in _feed_titel(client_projektteam)


def test_neuigkeit_bearbeiten_behaelt_veroeffentlichung_und_loeschen_fragt_erst(client_projektteam, stand):
    neuigkeit = stand["neuigkeit"]
    url = reverse("redaktion:neuigkeit_bearbeiten", kwargs={"pk": neuigkeit.pk})
    form = client_projektteam.get(url).context["form"]
    daten = {"titel": "Erste Neuigkeit, berichtigt", "text": "Neu.", **_stand(form)}
    assert client_projektteam.post(url, daten).status_code == 302
    neuigkeit.refresh_from_db()
    assert (neuigkeit.titel, neuigkeit.slug) == ("Erste Neuigkeit, berichtigt", "erste-neuigkeit")
    assert neuigkeit.veroeffentlicht_am is not None
    loeschen = reverse("redaktion:neuigkeit_loeschen", kwargs={"pk": neuigkeit.pk})
    assert "wirklich löschen" in client_projektteam.get(loeschen).content.decode()
    assert Neuigkeit.objects.filter(pk=neuigkeit.pk).exists()
    assert client_projektteam.post(loeschen)["Location"] == reverse("redaktion:neuigkeit_liste")
    assert not Neuigkeit.objects.filter(pk=neuigkeit.pk).exists()


def test_vorschau_speichert_nichts_und_bereinigt(client_projektteam, stand):
    seite = Pflichtseite.objects.get(art="impressum")
    url = reverse("redaktion:pflichtseite_bearbeiten", kwargs={"art": "impressum"})
    form = client_projektteam.get(url).context["form"]
    daten = {
        "text": "# Impressum\n\nHerausgeberin: [Stadt](javascript:alert(1)) <img src=x onerror=alert(1)>",
        "stand": "2017-10-16",
        "bearbeitungsstand": form.initial["bearbeitungsstand"],
        "vorschau": "1",
    }
    antwort = client_projektteam.post(url, daten)
    html = antwort.content.decode()
    assert antwort.status_code == 200 and "Vorschau: so erscheint es" in html
    assert "<h2" in html and "Herausgeberin:" in html
    assert "onerror" not in html.split("vorschau-titel")[1].split("</section>")[0]
    assert "javascript:" not in html.split("vorschau-titel")[1].split("</section>")[0]
    assert Pflichtseite.objects.get(pk=seite.pk).text == seite.text
    # Saved from the preview's form (same state): now public.
    del daten["vorschau"]
    assert client_projektteam.post(url, daten).status_code == 302
    client_projektteam.logout()
    html = client_projektteam.get(reverse("oeffentlich:pflichtseite", kwargs={"art": "impressum"})).content.decode()
    assert "Herausgeberin:" in html and "Beispieltext:" not in html


def test_neue_pflichtseite_und_gleichzeitig_angelegt(client_projektteam, stand):
    Pflichtseite.objects.filter(art="datenschutz").delete()
    url = reverse("redaktion:pflichtseite_bearbeiten", kwargs={"art": "datenschutz"})
    form = client_projektteam.get(url).context["form"]
    assert form.instance.pk is None
    daten = {"text": "Wir speichern nichts.", "stand": "2017-10-16", "bearbeitungsstand": ""}
    # Someone else created the page meanwhile: refused, theirs stays.
    f.PflichtseiteFactory(kommune=stand["quartier"].stadtbezirk.kommune, art="datenschutz", text="Die andere Fassung")
    antwort = client_projektteam.post(url, daten)
    assert antwort.status_code == 200 and antwort.context["form"].has_error("__all__", code="veraltet")
    assert "Die andere Fassung" in antwort.content.decode()
    assert Pflichtseite.objects.get(art="datenschutz").text == "Die andere Fassung"
    unbekannt = reverse("redaktion:pflichtseite_bearbeiten", kwargs={"art": "unbekannt"})
    assert client_projektteam.get(unbekannt).status_code == 404


def test_projektseite_und_quartierstext(client_projektteam, stand):
    url = reverse("redaktion:quartiersseite_bearbeiten", kwargs={"slug": stand["quartier"].slug})
    form = client_projektteam.get(url).context["form"]
    daten = {"charakter": "Viel Grün und kurze Wege.", "bearbeitungsstand": form.initial["bearbeitungsstand"]}
    assert client_projektteam.post(url, daten).status_code == 302
    assert Quartiersseite.objects.get(quartier=stand["quartier"]).charakter == "Viel Grün und kurze Wege."
    url = reverse("redaktion:auftritt_bearbeiten")
    form = client_projektteam.get(url).context["form"]
    daten = {**{k: v or "" for k, v in form.initial.items()}, "einleitung": "Wir planen mit Ihnen."}
    assert client_projektteam.post(url, daten).status_code == 302
    client_projektteam.logout()
    assert "Wir planen mit Ihnen." in client_projektteam.get(reverse("oeffentlich:projekt")).content.decode()
    quartier = client_projektteam.get(reverse("oeffentlich:quartier", kwargs={"slug": stand["quartier"].slug}))
    assert "Viel Grün und kurze Wege." in quartier.content.decode()


def test_veranstaltung_ankuendigen_und_zuruecknehmen(client_projektteam, stand):
    intern = stand["intern"]
    oeffentlich = reverse("oeffentlich:veranstaltung", kwargs={"pk": intern.pk})
    url = reverse("redaktion:veranstaltung_freigabe", kwargs={"pk": intern.pk})
    assert client_projektteam.get(url).context["form"].instance.pk is None
    vorschau = client_projektteam.post(url, {"kurztext": "Kommen Sie *gern*.", "vorschau": "1"})
    assert "Kommen Sie <em>gern</em>." in vorschau.content.decode()
    assert not Veranstaltungsfreigabe.objects.filter(veranstaltung=intern).exists()
    assert client_projektteam.post(url, {"kurztext": "Kommen Sie gern."}).status_code == 302
    assert Veranstaltungsfreigabe.objects.get(veranstaltung=intern).freigegeben_von is not None
    client_projektteam.logout()
    assert "Kommen Sie gern." in client_projektteam.get(oeffentlich).content.decode()

    vergangen = stand["vergangen"]
    client_projektteam.force_login(Veranstaltungsfreigabe.objects.get(veranstaltung=intern).freigegeben_von)
    zuruecknehmen = reverse("redaktion:veranstaltung_freigabe_zuruecknehmen", kwargs={"pk": vergangen.pk})
    assert "nicht mehr öffentlich zeigen" in client_projektteam.get(zuruecknehmen).content.decode()
    assert client_projektteam.post(zuruecknehmen).status_code == 302
    assert not Fotofreigabe.objects.filter(foto__dokumentation__veranstaltung=vergangen).exists()
    client_projektteam.logout()
    assert client_projektteam.get(reverse("oeffentlich:dokumentation", kwargs={"pk": vergangen.pk})).status_code == 404


def test_foto_nur_markiert_freigeben(client_projektteam, stand):
    dokumentation = stand["vergangen"].dokumentation
    unmarkiert = f.DokumentationsfotoFactory(dokumentation=dokumentation)
    antwort = client_projektteam.post(
        reverse("redaktion:foto_freigabe", kwargs={"pk": unmarkiert.pk}), {"alternativtext": "Drei Menschen am Tisch"}
    )
    assert antwort.status_code == 200 and "nicht zur Veröffentlichung markiert" in antwort.content.decode()
    assert not Fotofreigabe.objects.filter(foto=unmarkiert).exists()
    markiert = f.DokumentationsfotoFactory(dokumentation=dokumentation, darf_veroeffentlicht_werden=True)
    liste = client_projektteam.get(reverse("redaktion:foto_liste", kwargs={"pk": stand["vergangen"].pk}))
    assert reverse("redaktion:foto_freigabe", kwargs={"pk": markiert.pk}) in liste.content.decode()
    antwort = client_projektteam.post(
        reverse("redaktion:foto_freigabe", kwargs={"pk": markiert.pk}), {"alternativtext": "Pinnwand mit Zetteln"}
    )
    assert antwort.status_code == 302
    client_projektteam.logout()
    foto_url = reverse("oeffentlich:foto", kwargs={"pk": stand["vergangen"].pk, "foto_pk": markiert.pk})
    assert client_projektteam.get(foto_url).status_code == 200
    seite = reverse("oeffentlich:dokumentation", kwargs={"pk": stand["vergangen"].pk})
    html = client_projektteam.get(seite).content.decode()
    assert 'alt="Pinnwand mit Zetteln"' in html


def _neuigkeiten(n, o):
    f.NeuigkeitFactory.create_batch(n)


def _veranstaltungen(n, o):
    for _ in range(n):
        veranstaltung = f.VeranstaltungFactory(quartiere=[o["quartier"]])
        f.VeranstaltungsfreigabeFactory(veranstaltung=veranstaltung)
        dokumentation = f.DokumentationFactory(veranstaltung=veranstaltung, status=DokumentationStatus.FREIGEGEBEN)
        f.DokumentationsfotoFactory(dokumentation=dokumentation, darf_veroeffentlicht_werden=True)


def _fotos(n, o):
    for _ in range(n):
        foto = f.DokumentationsfotoFactory(dokumentation=o["vergangen"].dokumentation, darf_veroeffentlicht_werden=True)
        f.FotofreigabeFactory(foto=foto)


@pytest.mark.parametrize(
    ("name", "kwargs", "anlegen"),
    [
        ("redaktion:neuigkeit_liste", lambda o: {}, _neuigkeiten),
        ("redaktion:veranstaltung_liste", lambda o: {}, _veranstaltungen),
        ("redaktion:foto_liste", lambda o: {"pk": o["vergangen"].pk}, _fotos),
        ("redaktion:pflichtseite_liste", lambda o: {}, lambda n, o: None),
        ("redaktion:uebersicht", lambda o: {}, lambda n, o: f.QuartierFactory.create_batch(n)),
    ],
)
def test_listen_abfragen_unabhaengig_von_der_anzahl(client_projektteam, stand, name, kwargs, anlegen):
    url = reverse(name, kwargs=kwargs(stand))
    client_projektteam.get(url)
    anzahlen = []
    for n in (1, 2):  # 1 and then 3 more than the state has
        anlegen(n, stand)
        with CaptureQueriesContext(connection) as abfragen:
            assert client_projektteam.get(url).status_code == 200
        anzahlen.append(len(abfragen))
    assert anzahlen[0] == anzahlen[1], (url, anzahlen)
    assert anzahlen[0] <= 12, (url, anzahlen)


def test_andere_rollen_erfahren_nicht_was_es_gibt(client, stand, lenkungsgruppe):
    """403 before any lookup: an id or page that does not exist answers the same as one that does."""
    client.force_login(lenkungsgruppe)
    for name, kwargs in [
        ("redaktion:neuigkeit_vorschau", {"pk": 999999}),
        ("redaktion:neuigkeit_bearbeiten", {"pk": stand["neuigkeit"].pk}),
        ("redaktion:pflichtseite_bearbeiten", {"art": "gibt-es-nicht"}),
        ("redaktion:foto_freigabe", {"pk": 999999}),
        ("redaktion:quartiersseite_bearbeiten", {"slug": "nirgendwo"}),
    ]:
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 403, name


def test_uebersicht_sagt_was_offen_ist(client_projektteam, stand):
    Pflichtseite.objects.filter(art="datenschutz").delete()
    html = client_projektteam.get(reverse("redaktion:uebersicht")).content.decode()
    # The state: a draft, one post for tomorrow, one published; Impressum is example text.
    assert "Jetzt: 1 Entwürfe, 1 geplant, 1 veröffentlicht." in html
    assert "Datenschutzerklärung: fehlt noch" in html and "Impressum: noch Beispieltext" in html
    assert "1 kommende Veranstaltung ist noch nicht öffentlich angekündigt." in html  # „Planungstreffen intern“
