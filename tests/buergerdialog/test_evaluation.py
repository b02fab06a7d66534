"""Evaluation: the questionnaire PDF, the fast entry one form after another, averages and
distributions against hand-computed values, the chart with its table twin, drawn once per content."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from pypdf import PdfReader

from buergerdialog.dokumente import dokumentation_pdf, fragebogen_pdf
from buergerdialog.models import Fragebogen
from buergerdialog.models import VeranstaltungStatus as S
from buergerdialog.queries.dokumente import auswertung
from buergerdialog.services.dokumentation import fragebogen_erfassen
from dwk.permissions import PARTNER
from tests.buergerdialog.test_einladungen import _schriftgroessen
from tests.dwk.test_pdf_fetcher import pdfa_kennung
from tests.factories import FragebogenFactory, PartnerkontoFactory, QuartierFactory, UserFactory, VeranstaltungFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo_tag(settings):
    settings.DWK_HEUTE = datetime.date(2017, 7, 10)


@pytest.fixture
def veranstaltung():
    return VeranstaltungFactory(quartiere=[QuartierFactory()], titel="Bürgerwerkstatt Derne", status=S.DURCHGEFUEHRT)


def test_auswertung_von_hand_gerechnet(veranstaltung):
    for zufriedenheit, verstaendlich, kommentar in ((5, 4, "Gut"), (4, None, ""), (2, 2, "Zu laut"), (5, 3, "")):
        FragebogenFactory(
            veranstaltung=veranstaltung,
            zufriedenheit=zufriedenheit,
            verstaendlich=verstaendlich,
            barrierefrei=None,
            wiederkommen=None,
            naechste_schritte="Treffpunkt" if kommentar else "",
            kommentar=kommentar,
        )
    FragebogenFactory(zufriedenheit=1)  # another event
    ergebnis = auswertung(veranstaltung=veranstaltung)
    assert ergebnis.anzahl == 4
    zufriedenheit, verstaendlich, barrierefrei, _wiederkommen = ergebnis.items
    assert zufriedenheit.verteilung == {1: 0, 2: 1, 3: 0, 4: 1, 5: 2}
    assert (zufriedenheit.anzahl, zufriedenheit.mittelwert) == (4, 4.0)  # (5 + 4 + 2 + 5) / 4
    assert (verstaendlich.anzahl, verstaendlich.mittelwert) == (3, 3.0)  # (4 + 2 + 3) / 3, the empty one left out
    assert (barrierefrei.anzahl, barrierefrei.mittelwert) == (0, None)
    assert ergebnis.kommentare == ["Gut", "Zu laut"]
    assert ergebnis.naechste_schritte == ["Treffpunkt", "Treffpunkt"]


def test_leerer_bogen_und_werte_ausserhalb_abgewiesen(veranstaltung):
    for felder in ({}, {"zufriedenheit": 6}, {"verstaendlich": 0}):
        with pytest.raises(ValidationError):
            fragebogen_erfassen(
                fragebogen=Fragebogen(veranstaltung=veranstaltung, **felder),
                erfasst_von=UserFactory(),
                von_partner=False,
            )
    with pytest.raises(ValidationError):
        fragebogen_erfassen(
            fragebogen=Fragebogen(veranstaltung=VeranstaltungFactory(status=S.PLANUNG), zufriedenheit=3),
            erfasst_von=UserFactory(),
            von_partner=False,
        )
    assert not Fragebogen.objects.exists()


def test_fragebogen_pdf(veranstaltung):
    pdf = fragebogen_pdf(veranstaltung=veranstaltung)
    leser = PdfReader(io.BytesIO(pdf))
    assert pdfa_kennung(leser) == ("3", "B")
    assert round(float(leser.pages[0].mediabox.width) * 25.4 / 72) == 210
    assert len(leser.pages) == 1
    assert {g for g, _t in _schriftgroessen(pdf)} and min(g for g, _t in _schriftgroessen(pdf)) >= 14
    text = " ".join(" ".join(s.extract_text().split()) for s in leser.pages)
    for teil in (
        "Ihre Meinung zu „Bürgerwerkstatt Derne“",
        "Ich bin mit der Veranstaltung zufrieden.",
        "Alles war gut verständlich.",
        "Der Ort war gut erreichbar und barrierefrei.",
        "Ich würde wiederkommen.",
        "Was sollte als Nächstes geschehen?",
    ):
        assert teil in text


def test_schnellerfassung_bogen_fuer_bogen_durch_den_partner(client, veranstaltung):
    partner = UserFactory(rolle=PARTNER)
    veranstaltung.moderation.add(PartnerkontoFactory(benutzer=partner).organisation)
    client.force_login(partner)
    url = reverse("buergerdialog:fragebogen_erfassen", args=[veranstaltung.pk])
    antwort = client.get(url)
    assert "autofocus" in antwort.content.decode()
    for wert in (5, 3):
        antwort = client.post(
            url,
            {"zufriedenheit": wert, "verstaendlich": "", "barrierefrei": 4, "wiederkommen": 5, "kommentar": "Danke"},
        )
        assert antwort.status_code == 302 and antwort["Location"] == url
    assert list(Fragebogen.objects.values_list("zufriedenheit", "verstaendlich", "von_partner", "erfasst_von")) == [
        (5, None, True, partner.pk),
        (3, None, True, partner.pk),
    ]
    antwort = client.get(url)
    assert "Bisher 2 Fragebögen erfasst." in antwort.content.decode()
    antwort = client.post(url, {"zufriedenheit": 9})
    assert antwort.status_code == 200 and Fragebogen.objects.count() == 2


@pytest.mark.parametrize("anzahl", [1, 3])
def test_auswertungsseite_abfragen_diagramm_und_tabelle(
    client_projektteam, django_assert_num_queries, veranstaltung, anzahl
):
    for _ in range(anzahl):
        FragebogenFactory(veranstaltung=veranstaltung, kommentar="<script>alert(1)</script>")
    url = reverse("buergerdialog:auswertung", args=[veranstaltung.pk])
    client_projektteam.get(url)  # once before: the chart is drawn and kept
    # The page's six queries, and one for the chart from the cache (none drawing it again).
    with django_assert_num_queries(7):
        antwort = client_projektteam.get(url)
    inhalt = antwort.content.decode()
    assert "<svg" in inhalt and 'aria-describedby="auswertung-tabelle"' in inhalt
    assert 'id="auswertung-tabelle"' in inhalt
    assert " style=" not in inhalt.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "<script>alert(1)</script>" not in inhalt and inhalt.count("&lt;script&gt;alert(1)") == anzahl
    assert antwort.context["auswertung"].anzahl == anzahl


def _diagramme_im_cache():
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM dwk_cache WHERE cache_key LIKE %s", ["%:quartiere:auswertung_svg:%"])
        return len(cursor.fetchall())


def test_diagramm_einmal_gezeichnet_fuer_seite_und_pdf(client_projektteam, veranstaltung):
    """The chart is drawn once for the same questionnaires, for the page and the documentation PDF
    alike (kept under a key made of what it shows); a new questionnaire draws a new one."""
    FragebogenFactory(veranstaltung=veranstaltung, zufriedenheit=5)
    url = reverse("buergerdialog:auswertung", args=[veranstaltung.pk])
    erste = client_projektteam.get(url).context["diagramm"]
    assert _diagramme_im_cache() == 1
    assert client_projektteam.get(url).context["diagramm"] == erste
    dokumentation_pdf(veranstaltung=veranstaltung)
    assert _diagramme_im_cache() == 1

    FragebogenFactory(veranstaltung=veranstaltung, zufriedenheit=1)
    zweite = client_projektteam.get(url).context["diagramm"]
    assert _diagramme_im_cache() == 2
    assert zweite != erste and "<svg" in zweite
