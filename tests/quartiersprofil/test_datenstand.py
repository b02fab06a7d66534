"""The cached sections of the profile page (``queries.profil.profil_abschnitte`` per Datenstand): a change
through a service shows on the very next request; unchanged data come from the cache; every service
that writes counts the profiles' Datenstand."""

import ast
import inspect
import pkgutil
from importlib import import_module

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import quartiersprofil.services
from dwk.permissions import LENKUNGSGRUPPE
from quartiere.queries.datenstand import datenstand
from quartiere.services import infrastruktur_speichern
from quartiersprofil.models import Befund, Gespraech, Massnahme, Quelle
from quartiersprofil.queries.datenstand import PROFIL
from quartiersprofil.services.befragung import antworten_erfassen
from quartiersprofil.services.begehungen import befund_speichern
from quartiersprofil.services.massnahmen import massnahme_speichern
from quartiersprofil.services.personen import gespraech_speichern
from quartiersprofil.services.profil import abschnitt_speichern, profil_entwurf_anlegen
from quartiersprofil.services.quellen import quelle_speichern
from tests.factories import (
    AntwortFactory,
    BefundFactory,
    BegehungFactory,
    GespraechFactory,
    MassnahmeFactory,
    QuartierFactory,
    QuellenAuszugFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def profil():
    """A draft of Menglinghausen whose first section links a finding, a source, an answer and a talk."""
    quartier = QuartierFactory(name="Menglinghausen", slug="menglinghausen")
    fassung = profil_entwurf_anlegen(quartier=quartier)
    abschnitt = fassung.abschnitte.order_by("handlungsfeld__reihenfolge").first()
    feld = abschnitt.handlungsfeld
    befund = BefundFactory(begehung=BegehungFactory(quartier=quartier), handlungsfeld=feld, text="Bordstein zu hoch")
    auszug = QuellenAuszugFactory(quelle__quartier=quartier, quelle__titel="Sozialbericht 2015", handlungsfeld=feld)
    antwort = AntwortFactory(quartier=quartier, frage__handlungsfeld=feld, bewertung=3)
    gespraech = GespraechFactory(quartier=quartier)
    MassnahmeFactory(quartier=quartier, handlungsfeld=feld, titel="Bänke am Marktplatz")
    abschnitt_speichern(
        abschnitt=abschnitt,
        bestand="Alter Bestand",
        staerken="",
        handlungsbedarf="",
        belege={"befunde": [befund], "quellen_auszuege": [auszug], "antworten": [antwort], "gespraeche": [gespraech]},
    )
    return abschnitt


def _seite(client, abschnitt) -> str:
    return client.get(reverse("quartiersprofil:profil", args=[abschnitt.fassung.quartier.slug])).content.decode()


def _zweites_mal_aus_dem_cache(lesen, tabellen, meldung) -> str:
    """``lesen()`` twice; the second time, asserted to read none of ``tabellen``, is returned."""
    lesen()
    with CaptureQueriesContext(connection) as abfragen:
        inhalt = lesen()
    gelesen = [a["sql"] for a in abfragen.captured_queries if any(t in a["sql"] for t in tabellen)]
    assert gelesen == [], meldung
    return inhalt


def _aus_dem_cache(client, abschnitt) -> str:
    """The page, asserted to be served with the sections from the cache (no query of the sections)."""
    return _zweites_mal_aus_dem_cache(
        lambda: _seite(client, abschnitt),
        ["quartiersprofil_profilabschnitt"],
        "Die Abschnitte des Profils sollten aus dem Cache kommen",
    )


def test_profilseite_zeigt_nach_abschnitt_speichern_den_neuen_text(client_projektteam, profil):
    assert "Alter Bestand" in _aus_dem_cache(client_projektteam, profil)

    profil.refresh_from_db()
    abschnitt_speichern(abschnitt=profil, bestand="Neuer Bestand", staerken="", handlungsbedarf="")

    inhalt = _seite(client_projektteam, profil)
    assert "Neuer Bestand" in inhalt
    assert "Alter Bestand" not in inhalt


def test_profilseite_zeigt_nach_befund_speichern_den_neuen_befund(client_projektteam, profil):
    assert "Bordstein zu hoch" in _aus_dem_cache(client_projektteam, profil)
    befund = Befund.objects.get(text="Bordstein zu hoch")
    befund.text = "Bordstein abgesenkt, Ampel zu kurz"

    befund_speichern(befund=befund)

    inhalt = _seite(client_projektteam, profil)
    assert "Bordstein abgesenkt, Ampel zu kurz" in inhalt
    assert "Bordstein zu hoch" not in inhalt


def test_profilseite_zeigt_nach_quelle_speichern_den_neuen_titel(client_projektteam, profil):
    assert "Quelle: Sozialbericht 2015" in _aus_dem_cache(client_projektteam, profil)
    quelle = Quelle.objects.get(titel="Sozialbericht 2015")
    quelle.titel = "Sozialbericht 2017"

    quelle_speichern(quelle=quelle)

    inhalt = _seite(client_projektteam, profil)
    assert "Quelle: Sozialbericht 2017" in inhalt
    assert "Sozialbericht 2015" not in inhalt


def test_profilseite_zeigt_nach_antworten_erfassen_die_neue_bewertung(client_projektteam, profil):
    assert "(Bewertung 3)" in _aus_dem_cache(client_projektteam, profil)
    antwort = profil.antworten.get()

    antworten_erfassen(
        befragung=antwort.frage.befragung,
        quartier=antwort.quartier,
        seniorenbuero=antwort.seniorenbuero,
        antworten={antwort.frage: (5, antwort.text)},
    )

    inhalt = _seite(client_projektteam, profil)
    assert "(Bewertung 5)" in inhalt
    assert "(Bewertung 3)" not in inhalt


def test_profilseite_zeigt_nach_gespraech_speichern_das_neue_datum(client_projektteam, profil):
    assert "am 01.02.2017" in _aus_dem_cache(client_projektteam, profil)
    gespraech = Gespraech.objects.get()
    gespraech.datum = gespraech.datum.replace(month=3)

    gespraech_speichern(gespraech=gespraech, teilnehmende=[], handlungsfelder=[])

    inhalt = _seite(client_projektteam, profil)
    assert "am 01.03.2017" in inhalt
    assert "am 01.02.2017" not in inhalt


def test_profilseite_zeigt_nach_massnahme_speichern_den_neuen_titel(client_projektteam, profil):
    assert "Bänke am Marktplatz" in _aus_dem_cache(client_projektteam, profil)
    massnahme = Massnahme.objects.get()
    massnahme.titel = "Bänke an der Haltestelle"

    massnahme_speichern(massnahme=massnahme)

    inhalt = _seite(client_projektteam, profil)
    assert "Bänke an der Haltestelle" in inhalt
    assert "Bänke am Marktplatz" not in inhalt


def test_profilseite_zeigt_nach_aenderung_der_grunddaten_den_neuen_namen(client_projektteam, profil):
    # The answer names its senior office, a facility of quartiere: the ground data's Datenstand counts too.
    seniorenbuero = profil.antworten.get().seniorenbuero
    assert f"Befragung: {seniorenbuero.name} –" in _aus_dem_cache(client_projektteam, profil)
    seniorenbuero.name = "Seniorenbüro Hombruch"

    infrastruktur_speichern(infrastruktur=seniorenbuero)

    assert "Befragung: Seniorenbüro Hombruch –" in _seite(client_projektteam, profil)


def test_profil_datenstand_zaehlt_auch_nach_dem_commit(django_capture_on_commit_callbacks):
    # A request that reads the Datenstand inside the writing transaction, before its commit, computes from
    # the old data; the count after the commit keeps its cache entry from passing for the new state.
    quartier = QuartierFactory()
    vorher = datenstand(PROFIL)
    with django_capture_on_commit_callbacks(execute=True):
        profil_entwurf_anlegen(quartier=quartier)
        assert datenstand(PROFIL) == vorher + 1
    assert datenstand(PROFIL) == vorher + 2


# Writing services that need no count of their own, and why.
OHNE_EIGENE_ZAEHLUNG = {
    "aufbewahrung.aufbewahrung_anwenden": "anonymisiert über akteur_anonymisieren, das zählt",
    "fotos_im_hintergrund.fotos_einreihen": "legt nur den Auftrag an; fotos_verarbeiten speichert über fotos_hochladen",
}


def _schreibende_dienste():
    """Every function of ``quartiersprofil.services`` that runs in a transaction (every write does)."""
    for modul_info in pkgutil.iter_modules(quartiersprofil.services.__path__):
        modul = import_module(f"quartiersprofil.services.{modul_info.name}")
        baum = ast.parse(inspect.getsource(modul))
        for knoten in baum.body:
            if isinstance(knoten, ast.FunctionDef) and any(
                ast.unparse(d) == "transaction.atomic" for d in knoten.decorator_list
            ):
                yield f"{modul_info.name}.{knoten.name}", knoten


def test_jeder_schreibende_dienst_zaehlt_den_datenstand_des_profils():
    ohne = []
    for name, knoten in _schreibende_dienste():
        aufrufe = {ast.unparse(k.func) for k in ast.walk(knoten) if isinstance(k, ast.Call)}
        if "profil_datenstand_erhoehen" not in aufrufe and name not in OHNE_EIGENE_ZAEHLUNG:
            ohne.append(name)
    assert ohne == [], (
        f"Diese Dienste in quartiersprofil/services schreiben, ohne profil_datenstand_erhoehen() aufzurufen: {ohne}"
    )
    assert set(OHNE_EIGENE_ZAEHLUNG) <= {name for name, _knoten in _schreibende_dienste()}


def _quartiersseite(client, profil) -> str:
    return client.get(reverse("quartiere:detail", args=[profil.fassung.quartier.slug])).content.decode()


def _quartiersseite_aus_dem_cache(client, profil) -> str:
    """The quarter page, asserted to show the profile overview from the cache (no query of its tables)."""
    return _zweites_mal_aus_dem_cache(
        lambda: _quartiersseite(client, profil),
        [f"quartiersprofil_{t}" for t in ("profilfassung", "profilabschnitt", "massnahme", "akteur", "gespraech")],
        "Die Profilübersicht der Quartiersseite sollte aus dem Cache kommen",
    )


def test_quartiersseite_zaehlt_nach_massnahme_und_gespraech_neu(client_projektteam, profil):
    inhalt = _quartiersseite_aus_dem_cache(client_projektteam, profil)
    assert "Maßnahmen (1)" in inhalt and "Gespräche (1)" in inhalt
    quartier = profil.fassung.quartier

    massnahme_speichern(
        massnahme=MassnahmeFactory.build(quartier=quartier, handlungsfeld=profil.handlungsfeld, titel="Treffpunkt")
    )
    gespraech_speichern(
        gespraech=GespraechFactory.build(quartier=quartier), teilnehmende=[], handlungsfelder=[profil.handlungsfeld]
    )

    inhalt = _quartiersseite(client_projektteam, profil)
    assert "Maßnahmen (2)" in inhalt and "Gespräche (2)" in inhalt


def test_quartiersseite_zeigt_nach_abschnitt_speichern_die_neue_vollstaendigkeit(client_projektteam, profil):
    assert "noch leer: Stärken, Handlungsbedarf" in _quartiersseite_aus_dem_cache(client_projektteam, profil)

    profil.refresh_from_db()
    abschnitt_speichern(abschnitt=profil, bestand="Bestand", staerken="Stärken", handlungsbedarf="Bedarf")

    inhalt = _quartiersseite(client_projektteam, profil)
    assert inhalt.count("noch leer:") == profil.fassung.abschnitte.count() - 1


def test_quartiersseite_zeigt_jeder_rolle_ihre_fassung(client, client_projektteam, profil):
    """The cached overview of the Projektteam (with the draft) is never shown to the Lenkungsgruppe."""
    assert "Vollständigkeit der Fassung 1 (Entwurf)" in _quartiersseite_aus_dem_cache(client_projektteam, profil)
    client.force_login(UserFactory(username="mitglied", rolle=LENKUNGSGRUPPE))

    inhalt = _quartiersseite(client, profil)

    assert "Noch keine Fassung des Profils, die Sie lesen können." in inhalt
    assert "(Entwurf)" not in inhalt
