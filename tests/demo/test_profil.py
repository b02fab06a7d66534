"""The demo of the profile texts, measures, key persons and talks."""

import pytest

from demo.gebiete import demo_daten_anlegen
from demo.profil import profil_demo_anlegen
from quartiere.models import Quartier
from quartiersprofil.models import Akteur, Massnahme, MassnahmeStatus, ProfilStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    demo_daten_anlegen()
    return profil_demo_anlegen()


def test_menglinghausen_vollstaendig(demo):
    quartier = Quartier.objects.get(slug="menglinghausen")
    fassungen = list(quartier.profilfassungen.order_by("nummer").values_list("nummer", "status"))
    freigegeben = quartier.profilfassungen.get(nummer=1)

    assert fassungen == [(1, ProfilStatus.FREIGEGEBEN), (2, ProfilStatus.ENTWURF)]
    assert [a.leere_teile for a in freigegeben.abschnitte.all()] == [[]] * 6
    assert set(Massnahme.objects.filter(quartier__slug="menglinghausen").values_list("status", flat=True)) == set(
        MassnahmeStatus.values
    )
    assert Massnahme.objects.filter(quartier__slug="menglinghausen").count() == 12
    mit, ohne = (
        Akteur.objects.filter(quartier__slug="menglinghausen", einwilligung_am__isnull=False),
        Akteur.objects.filter(quartier__slug="menglinghausen", einwilligung_am__isnull=True),
    )
    assert (all(a.name for a in mit), any(a.name for a in ohne), ohne.exists()) == (True, False, True)


def test_demo_ist_idempotent(demo):
    zweiter = profil_demo_anlegen()

    assert zweiter == demo
