"""Measurements of the citizen dialogue (called from bench/run.py).

The results page of an event with 200 cards and 17 reviewers: server time and queries. The
event is built inside a transaction that is rolled back afterwards, so the bench database keeps
only the demo data.
"""

import datetime
import time

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from buergerdialog.models import ErgebnisBewertung
from dwk.permissions import LENKUNGSGRUPPE
from tests.factories import BewertungsrundeFactory, ErgebnisFactory, MitgliedFactory, UserFactory, VeranstaltungFactory


class _Zurueckrollen(Exception):
    """Leaves the bench's own event out of the database."""


def buergerdialog_messen(client, messen):
    """Results page of an event with 200 cards, each rated by 17 members."""
    try:
        with transaction.atomic():
            veranstaltung = VeranstaltungFactory(status="durchgefuehrt")
            ergebnisse = [ErgebnisFactory(veranstaltung=veranstaltung, punkte=i % 9) for i in range(200)]
            runde = BewertungsrundeFactory(
                veranstaltung=veranstaltung, ergebnisse=ergebnisse, frist=datetime.date(2017, 8, 31)
            )
            mitglieder = [MitgliedFactory(benutzer=UserFactory(rolle=LENKUNGSGRUPPE)) for _ in range(17)]
            start = time.perf_counter()
            ErgebnisBewertung.objects.bulk_create(
                ErgebnisBewertung(
                    runde=runde,
                    ergebnis=ergebnis,
                    mitglied=mitglied,
                    relevanz=1 + (i + j) % 5,
                    machbarkeit=1 + (i * j) % 5,
                    kommentar="Bench",
                )
                for i, ergebnis in enumerate(ergebnisse)
                for j, mitglied in enumerate(mitglieder)
            )
            print(f"{'  3.400 Bewertungen anlegen':<48} {(time.perf_counter() - start) * 1000:8.1f} ms")
            url = reverse("buergerdialog:bewertung_ergebnis", kwargs={"pk": veranstaltung.pk})
            antwort = messen("Ergebnisseite 200 Karten, 17 Bewertende", lambda: client.get(url))
            with CaptureQueriesContext(connection) as abfragen:
                client.get(url)
            print(f"{'  Antwort / Abfragen':<48} {len(antwort.content) / 1024:8.1f} KB   {len(abfragen):5d} Abfragen")
            raise _Zurueckrollen
    except _Zurueckrollen:
        pass
