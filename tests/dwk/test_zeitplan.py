"""`manage.py zeitplan`: the recurring housekeeping for servers without cron (docker-compose service
``zeitplan``): hourly the feedback counters, daily retention, old jobs and rating reminders."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.timezone import localtime

from auftraege.models import Auftrag
from auftraege.services import auftrag_starten
from dwk.management.commands.zeitplan import STUENDLICH, TAEGLICH, faellig
from dwk.zeit import jetzt
from oeffentlich.models import Rueckmeldungszaehler
from tests.auftraege.aufgaben import zaehlen

pytestmark = pytest.mark.django_db


def test_faellig_stuendlich_und_einmal_am_tag():
    assert faellig(4, taeglich_um=3) == ["rueckmeldungen_aufraeumen"]
    assert faellig(3, taeglich_um=3) == [
        "rueckmeldungen_aufraeumen",
        "aufbewahrung_anwenden",
        "auftraege_aufraeumen",
        "bewertungen_erinnern",
    ]
    assert [faellig(h, taeglich_um=3).count("aufbewahrung_anwenden") for h in range(24)].count(1) == 1


def _alte_daten(projektteam):
    stunde = timezone.now().replace(minute=0, second=0, microsecond=0) - datetime.timedelta(hours=3)
    Rueckmeldungszaehler.objects.create(stunde=stunde, absender=4711, zahl=3)
    alt = auftrag_starten(aufgabe=zaehlen, titel="alt", benutzer=projektteam, argumente={"bis": 1})
    Auftrag.objects.filter(pk=alt.pk).update(
        status=Auftrag.Status.FERTIG, beendet_am=timezone.now() - datetime.timedelta(days=31)
    )


def test_alles_fuehrt_jeden_befehl_aus(projektteam):
    _alte_daten(projektteam)
    ausgabe = io.StringIO()

    call_command("zeitplan", "--alles", stdout=ausgabe)

    assert (Rueckmeldungszaehler.objects.count(), Auftrag.objects.count()) == (0, 0)
    text = ausgabe.getvalue()
    assert "1 Zähler vergangener Stunden gelöscht." in text
    assert "1 Hintergrundaufträge gelöscht" in text
    assert len(STUENDLICH + TAEGLICH) == 4


def test_einmal_ausser_der_stunde_nur_die_stuendlichen(projektteam, settings):
    _alte_daten(projektteam)
    settings.DWK_ZEITPLAN_STUNDE = (localtime(jetzt()).hour + 12) % 24  # surely not this hour

    call_command("zeitplan", "--einmal", stdout=io.StringIO())

    assert (Rueckmeldungszaehler.objects.count(), Auftrag.objects.count()) == (0, 1)
