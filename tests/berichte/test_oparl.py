"""The link to the council information system, against a recorded OParl fixture served by a real
local HTTP server (tests/fixtures/oparl/); no other network."""

import datetime
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from berichte.oparl import OParlClient, OParlFehler
from berichte.services.berichte import bericht_oparl_verknuepfen
from tests.berichte.hilfen import bericht_anlegen, fassung_freigeben, quartier_anlegen

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "oparl"


class Aufzeichnung(BaseHTTPRequestHandler):
    """Serves the recorded files; ``/langsam`` answers after two seconds, ``/gross`` with 3 MB."""

    abrufe: list[str] = []

    def do_GET(self):  # noqa: N802 -- the name http.server calls
        teile = urlsplit(self.path)
        self.abrufe.append(self.path)
        if teile.path == "/langsam":
            time.sleep(2)
        if teile.path == "/gross":
            inhalt = b'{"data": "' + b"x" * (3 * 1024 * 1024) + b'"}'
        else:
            name = teile.path.strip("/").replace("/", "_") + (
                f"_{teile.query.replace('=', '_')}" if teile.query else ""
            )
            datei = FIXTURE / f"{name}.json"
            if not datei.is_file():
                self.send_error(404)
                return
            basis = f"http://127.0.0.1:{self.server.server_port}"
            inhalt = datei.read_text(encoding="utf-8").replace("{BASIS}", basis).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(inhalt)))
        self.end_headers()
        self.wfile.write(inhalt)

    def log_message(self, *args):
        pass


@pytest.fixture
def oparl(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Aufzeichnung)
    faden = threading.Thread(target=server.serve_forever, daemon=True)
    faden.start()
    basis = f"http://127.0.0.1:{server.server_port}"
    settings.DWK_OPARL_URL = f"{basis}/system"
    Aufzeichnung.abrufe = []
    yield basis
    server.shutdown()
    server.server_close()


@pytest.fixture
def bericht(projektteam):
    return bericht_anlegen([fassung_freigeben(quartier_anlegen(), projektteam)], drucksachennummer="")


def test_drucksache_wird_per_nummer_gefunden_ueber_zwei_listenseiten(oparl):
    drucksache = OParlClient().drucksache_suchen("07654-17")

    assert drucksache.name == "Altersgerechte Quartiersentwicklung: Quartiersprofil Menglinghausen"
    assert drucksache.datum == datetime.date(2017, 5, 2)
    assert drucksache.art == "Bericht zur Kenntnisnahme"
    assert [b.als_dict() for b in drucksache.beratungen] == [
        {
            "gremium": "Bezirksvertretung Hombruch",
            "datum": "2017-05-16",
            "rolle": "Kenntnisnahme",
            "ergebnis": "zur Kenntnis genommen",
            "federfuehrend": True,
        },
        {
            "gremium": "Ausschuss für Soziales, Arbeit und Gesundheit",
            "datum": "2017-06-20",
            "rolle": "Kenntnisnahme",
            "ergebnis": "",
            "federfuehrend": False,
        },
    ]
    assert "/body/1/papers?page=2" in Aufzeichnung.abrufe


def test_bericht_verknuepfen_und_auffrischen_ueber_die_seite(oparl, client_projektteam, bericht):
    url = reverse("berichte:oparl", args=[bericht.pk])
    antwort = client_projektteam.post(url, {"aktenzeichen": "07654-17"}, follow=True)
    inhalt = antwort.content.decode()
    assert "Die Angaben aus dem Ratsinformationssystem sind aktualisiert." in inhalt
    assert "Bezirksvertretung Hombruch" in inhalt and "zur Kenntnis genommen" in inhalt
    bericht.refresh_from_db()
    assert bericht.drucksachennummer == "07654-17"
    assert bericht.oparl_id == f"{oparl}/paper/7654"
    # Refresh: reads the linked paper again, not the list.
    Aufzeichnung.abrufe = []
    client_projektteam.post(url, {"aktenzeichen": ""})
    assert Aufzeichnung.abrufe[0] == "/paper/7654"


def test_unbekannte_nummer_sagt_es_und_speichert_nichts(oparl, bericht):
    with pytest.raises(ValidationError) as fehler:
        bericht_oparl_verknuepfen(bericht=bericht, aktenzeichen="99999-17")
    assert fehler.value.messages == ["Im Ratsinformationssystem gibt es keine Drucksache mit der Nummer „99999-17“."]
    bericht.refresh_from_db()
    assert bericht.oparl_id == ""


def test_fremde_adresse_wird_nicht_abgerufen(oparl):
    with pytest.raises(OParlFehler, match="fremde Adresse"):
        OParlClient().drucksache_suchen("07999-17")
    with pytest.raises(OParlFehler, match="fremde Adresse"):
        OParlClient().holen("http://fremd.invalid/system")


def test_zu_grosse_und_zu_langsame_antworten(oparl, settings):
    settings.DWK_OPARL_MAX_BYTES = 1024 * 1024
    with pytest.raises(OParlFehler, match="größer als 1024 kB"):
        OParlClient().holen(f"{oparl}/gross")
    settings.DWK_OPARL_TIMEOUT = 0.3
    with pytest.raises(OParlFehler, match="nicht innerhalb von 0.3 Sekunden"):
        OParlClient().holen(f"{oparl}/langsam")
    with pytest.raises(OParlFehler, match="mit dem Status 404"):
        OParlClient().holen(f"{oparl}/gibt-es-nicht")


def test_ohne_endpunkt_werden_felder_von_hand_gepflegt(settings, client_projektteam, bericht):
    settings.DWK_OPARL_URL = ""
    seite = client_projektteam.get(bericht.get_absolute_url()).content.decode()
    assert "die Angaben oben sind von Hand eingetragen" in seite
    assert 'name="aktenzeichen"' not in seite
    with pytest.raises(ValidationError, match="kein Ratsinformationssystem"):
        bericht_oparl_verknuepfen(bericht=bericht, aktenzeichen="07654-17")
