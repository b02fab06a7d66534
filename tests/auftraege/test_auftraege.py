"""The job queue: start, progress, outcome, the status page and who may see it."""

import datetime
import io
import resource
import signal

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from auftraege.models import Auftrag
from auftraege.services import auftrag_starten
from dwk.permissions import LENKUNGSGRUPPE
from tests.auftraege.aufgaben import abgelehnt, abgestuerzt, endlos, gefraessig, zaehlen
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sofort(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_auftrag_starten_reiht_in_die_datenbank_ein(lenkungsgruppe):
    auftrag = auftrag_starten(
        aufgabe=zaehlen, titel="Zählen", benutzer=lenkungsgruppe, argumente={"bis": 3}, ziel_url="/uebersicht/"
    )

    eintrag = DBTaskResult.objects.get()
    assert (auftrag.status, auftrag.gestartet_von, auftrag.art) == (
        Auftrag.Status.WARTET,
        lenkungsgruppe,
        "tests.auftraege.aufgaben.zaehlen",
    )
    assert (eintrag.task_path, eintrag.task_result.kwargs) == (
        "tests.auftraege.aufgaben.zaehlen",
        {"auftrag_id": str(auftrag.pk), "bis": 3},
    )


def test_auftrag_laeuft_meldet_fortschritt_und_fehler(sofort, lenkungsgruppe):
    auftrag = auftrag_starten(aufgabe=zaehlen, titel="Zählen", benutzer=lenkungsgruppe, argumente={"bis": 3})

    assert (auftrag.status, auftrag.schritte_erledigt, auftrag.schritte_gesamt, auftrag.stand) == (
        Auftrag.Status.FERTIG,
        3,
        3,
        "3 von 3 gezählt",
    )
    assert (auftrag.ergebnis, auftrag.fehler) == ("Bis 3 gezählt.", ["Schritt 2 ging nicht."])
    assert auftrag.begonnen_am <= auftrag.beendet_am


def test_auftrag_validierungsfehler_schlaegt_mit_meldung_fehl(sofort, projektteam):
    auftrag = auftrag_starten(aufgabe=abgelehnt, titel="Ablehnen", benutzer=projektteam, argumente={})

    assert (auftrag.status, auftrag.fehler, auftrag.ergebnis) == (
        Auftrag.Status.FEHLGESCHLAGEN,
        ["Die Vorlage fehlt."],
        "Der Auftrag wurde abgebrochen.",
    )


def test_auftrag_absturz_zeigt_keine_interna(sofort, client_projektteam, projektteam, caplog):
    auftrag = auftrag_starten(aufgabe=abgestuerzt, titel="Abstürzen", benutzer=projektteam, argumente={})

    seite = client_projektteam.get(auftrag.get_absolute_url()).content.decode()
    assert auftrag.status == Auftrag.Status.FEHLGESCHLAGEN
    assert "unerwarteter Fehler" in seite
    assert "geheimes Innenleben" not in seite
    assert "geheimes Innenleben" in caplog.text


def test_auftrag_status_nur_fuer_starter_und_projektteam(client, lenkungsgruppe, projektteam):
    auftrag = auftrag_starten(aufgabe=zaehlen, titel="Zählen", benutzer=lenkungsgruppe, argumente={"bis": 3})
    url = auftrag.get_absolute_url()
    ergebnisse = {}
    for name, benutzer in [
        ("starter", lenkungsgruppe),
        ("projektteam", projektteam),
        ("andere_lenkungsgruppe", UserFactory(username="lg2", rolle=LENKUNGSGRUPPE)),
    ]:
        client.force_login(benutzer)
        ergebnisse[name] = client.get(url).status_code
    client.logout()
    ergebnisse["anonym"] = client.get(url).status_code
    assert ergebnisse == {"starter": 200, "projektteam": 200, "andere_lenkungsgruppe": 403, "anonym": 302}


def test_auftrag_status_unbekannt_404(client_projektteam):
    antwort = client_projektteam.get(reverse("auftraege:status", args=["00000000-0000-4000-8000-000000000000"]))

    assert antwort.status_code == 404


def test_auftrag_status_wartend_fragt_alle_zwei_sekunden_nach(client_projektteam, projektteam):
    auftrag = auftrag_starten(aufgabe=zaehlen, titel="Zählen", benutzer=projektteam, argumente={"bis": 3})

    seite = client_projektteam.get(auftrag.get_absolute_url())
    teil = client_projektteam.get(auftrag.get_absolute_url(), headers={"HX-Request": "true"})

    inhalt = seite.content.decode()
    assert (seite["Cache-Control"], "<html" in inhalt, 'hx-trigger="every 2s"' in inhalt) == (
        "private, no-store",
        True,
        True,
    )
    # Without JavaScript: a link that reloads the page.
    assert f'<a href="{auftrag.get_absolute_url()}">Stand aktualisieren</a>' in inhalt
    assert "<html" not in teil.content.decode()
    assert 'hx-trigger="every 2s"' in teil.content.decode()
    assert "Vermutlich läuft der Hintergrunddienst" not in inhalt


def test_auftrag_status_wartet_lange_nennt_hintergrunddienst(client_projektteam, projektteam):
    auftrag = auftrag_starten(aufgabe=zaehlen, titel="Zählen", benutzer=projektteam, argumente={"bis": 3})
    Auftrag.objects.filter(pk=auftrag.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=2))

    inhalt = client_projektteam.get(auftrag.get_absolute_url()).content.decode()

    assert "Vermutlich läuft der Hintergrunddienst gerade nicht" in inhalt


def test_auftrag_status_fertig_ohne_nachfragen_mit_ziel(sofort, client, lenkungsgruppe):
    auftrag = auftrag_starten(
        aufgabe=zaehlen,
        titel="Zählen",
        benutzer=lenkungsgruppe,
        argumente={"bis": 3},
        ziel_url="/uebersicht/",
        ziel_text="Zur Übersicht",
    )
    client.force_login(lenkungsgruppe)

    inhalt = client.get(auftrag.get_absolute_url()).content.decode()

    assert "hx-trigger" not in inhalt
    assert '<a class="btn btn-primary" href="/uebersicht/">Zur Übersicht</a>' in inhalt
    assert "Bis 3 gezählt." in inhalt
    assert "Schritt 2 ging nicht." in inhalt
    assert '<progress id="auftrag-fortschritt" max="3" value="3">' in inhalt


def test_auftrag_status_abfragen(client_projektteam, projektteam, django_assert_num_queries):
    auftrag = auftrag_starten(aufgabe=zaehlen, titel="Zählen", benutzer=projektteam, argumente={"bis": 3})

    # Session, user, the job, the user's groups (Projektteam), the city (context processor).
    with django_assert_num_queries(5):
        client_projektteam.get(auftrag.get_absolute_url(), headers={"HX-Request": "true"})


def test_auftrag_admin_nur_lesen(client, superuser):
    client.force_login(superuser)
    auftrag = auftrag_starten(aufgabe=zaehlen, titel="Zählen", benutzer=superuser, argumente={"bis": 1})

    assert client.get(reverse("admin:auftraege_auftrag_change", args=[auftrag.pk])).status_code == 200
    assert client.get(reverse("admin:auftraege_auftrag_add")).status_code == 403


def test_auftrag_zeitlimit_bricht_ab(sofort, projektteam):
    auftrag = auftrag_starten(aufgabe=endlos, titel="Endlos", benutzer=projektteam, argumente={})

    assert (auftrag.status, auftrag.ergebnis) == (
        Auftrag.Status.FEHLGESCHLAGEN,
        "Der Auftrag wurde nach 1 Sekunden abgebrochen (Zeitlimit).",
    )
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def _adressraum_mb():
    with open("/proc/self/status") as status:
        return next(int(z.split()[1]) // 1024 for z in status if z.startswith("VmSize:"))


def test_auftrag_speichergrenze_bricht_ab(sofort, projektteam):
    grenze = _adressraum_mb() + 300
    vorher = resource.getrlimit(resource.RLIMIT_AS)

    auftrag = auftrag_starten(
        aufgabe=gefraessig, titel="Gefräßig", benutzer=projektteam, argumente={"speicher_mb": grenze}
    )

    assert (auftrag.status, auftrag.ergebnis) == (
        Auftrag.Status.FEHLGESCHLAGEN,
        f"Der Auftrag brauchte mehr Arbeitsspeicher als erlaubt ({grenze} MB) und wurde abgebrochen.",
    )
    assert resource.getrlimit(resource.RLIMIT_AS) == vorher


def test_auftrag_status_unterbrochen_wenn_er_sich_nicht_mehr_meldet(client_projektteam, projektteam, settings):
    settings.DWK_AUFTRAG_MAX_SEKUNDEN = 60
    auftrag = auftrag_starten(aufgabe=zaehlen, titel="Zählen", benutzer=projektteam, argumente={"bis": 3})
    Auftrag.objects.filter(pk=auftrag.pk).update(status=Auftrag.Status.LAEUFT, stand="1 von 3 gezählt")
    url = auftrag.get_absolute_url()

    frisch = client_projektteam.get(url).content.decode()
    Auftrag.objects.filter(pk=auftrag.pk).update(updated_at=timezone.now() - datetime.timedelta(minutes=3))
    still = client_projektteam.get(url).content.decode()

    hinweis = "vermutlich wurde der Hintergrunddienst unterbrochen"
    assert ("1 von 3 gezählt" in frisch, hinweis in frisch, hinweis in still) == (True, False, True)


def test_auftraege_aufraeumen_loescht_nur_alte_beendete(projektteam):
    # Database queue, no worker: both jobs wait; then one is made to have ended 31 days ago.
    wartend, alt = (
        auftrag_starten(aufgabe=zaehlen, titel=titel, benutzer=projektteam, argumente={"bis": 1})
        for titel in ("wartend", "alt")
    )
    vor_31_tagen = timezone.now() - datetime.timedelta(days=31)
    Auftrag.objects.filter(pk=alt.pk).update(status=Auftrag.Status.FERTIG, beendet_am=vor_31_tagen)
    DBTaskResult.objects.filter(args_kwargs__kwargs__auftrag_id=str(alt.pk)).update(
        status=TaskResultStatus.SUCCESSFUL, finished_at=vor_31_tagen
    )
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}):
        neu = auftrag_starten(aufgabe=zaehlen, titel="neu", benutzer=projektteam, argumente={"bis": 1})
    ausgabe = io.StringIO()

    call_command("auftraege_aufraeumen", "--tage", "30", stdout=ausgabe)

    assert sorted(Auftrag.objects.values_list("titel", flat=True)) == sorted([neu.titel, wartend.titel])
    assert [e.task_result.kwargs["auftrag_id"] for e in DBTaskResult.objects.all()] == [str(wartend.pk)]
    assert ausgabe.getvalue() == "1 Hintergrundaufträge gelöscht, die vor mehr als 30 Tagen endeten.\n"
