"""Of two simultaneous saves from the same state exactly one wins: two threads, two real database
connections, the row lock of ``FormularMixin``.

A module of its own: these tests commit (``transaction=True``), and a module that uses the permission
matrix's state (``matrix_stand``, one transaction open for the whole module) would hide their commits
from the threads' connections.
"""

import threading

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import RequestFactory
from django.urls import resolve, reverse

from lenkungsgruppe.models import Aufgabe, AufgabeStatus
from tests.factories import AufgabeFactory, UserFactory


def gleichzeitig_speichern(url, daten, person, barriere, ergebnisse, *, kennung="titel", neu=False):
    """One thread: open the edit form, validate it (both threads from the same state), wait for the
    other thread, then save through the view's ``form_valid``. Appends (``daten[kennung]``, status,
    refused as stale) to ``ergebnisse``; ``neu``: the form must be for an object not stored yet."""
    try:
        anfrage = RequestFactory().post(url, daten)
        anfrage.user = person
        anfrage.session = SessionStore()
        anfrage._messages = FallbackStorage(anfrage)
        treffer = resolve(url)
        ansicht = treffer.func.view_class()
        ansicht.setup(anfrage, **treffer.kwargs)
        ansicht.object = ansicht.get_object()
        form = ansicht.get_form()
        assert form.is_valid(), form.errors
        assert not neu or form.instance.pk is None, form.instance
        barriere.wait(timeout=20)
        antwort = ansicht.form_valid(form)
        veraltet = antwort.status_code == 200 and form.has_error("__all__", code="veraltet")
        ergebnisse.append((daten[kennung], antwort.status_code, veraltet))
    except Exception as fehler:  # the main thread reports it
        ergebnisse.append((daten[kennung], repr(fehler), False))
        barriere.abort()
    finally:
        connection.close()


# serialized_rollback: the flush after this test would otherwise also empty what the data
# migrations created (roles, fields of action) for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_gleichzeitiges_speichern_genau_einer_gewinnt():
    """Two people save the same task from the same state at the same moment, ten times over:
    each time exactly one save wins and the other is refused as stale, never both."""
    aufgabe = AufgabeFactory(titel="Ausgangsstand", status=AufgabeStatus.OFFEN)
    person = UserFactory()
    url = reverse("lenkungsgruppe:aufgabe_bearbeiten", kwargs={"pk": aufgabe.pk})
    for runde in range(10):
        aufgabe.refresh_from_db()
        basis = {
            "verantwortlich_mitglied": aufgabe.verantwortlich_mitglied_id,
            "faellig_am": aufgabe.faellig_am.isoformat(),
            "status": aufgabe.status,
            "bearbeitungsstand": aufgabe.updated_at.isoformat(),
        }
        barriere, ergebnisse = threading.Barrier(2), []
        threads = [
            threading.Thread(
                target=gleichzeitig_speichern, args=(url, {**basis, "titel": titel}, person, barriere, ergebnisse)
            )
            for titel in (f"A{runde}", f"B{runde}")
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        gewonnen = [titel for titel, status, _veraltet in ergebnisse if status == 302]
        abgewiesen = [titel for titel, status, veraltet in ergebnisse if status == 200 and veraltet]
        assert (len(gewonnen), len(abgewiesen)) == (1, 1), (runde, ergebnisse)
        assert Aufgabe.objects.get(pk=aufgabe.pk).titel == gewonnen[0]
