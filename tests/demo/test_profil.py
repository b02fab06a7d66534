"""The demo of the profile texts, measures, key persons and talks.

The generator runs once for the module on the demo's areas and accounts (``demo``), in a transaction
rolled back when the module is done; each test runs in a savepoint inside it. Not on the package's full
demo (tests/demo/conftest.py): there the citizen dialogue's review makes further measures of its best
cards (demo/buergerdialog_bewertung.py), and the counts and the released profile checked here are the
profile generator's own.
"""

import datetime

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from berichte.daten import freigegebene_fassung, quartiersprofil_sammeln
from demo.gebiete import demo_daten_anlegen
from demo.profil import profil_demo_anlegen
from demo.zeit import DEMO_TAG
from quartiere.models import Quartier
from quartiersprofil.models import (
    Akteur,
    Gespraech,
    Massnahme,
    MassnahmeMeilenstein,
    MassnahmeStatus,
    ProfilAbschnitt,
    Profilfassung,
    ProfilStatus,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def profil_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    medien = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("profil-media"))
    with medien, django_db_blocker.unblock(), transaction.atomic():
        demo_daten_anlegen()
        yield profil_demo_anlegen()
        transaction.set_rollback(True)


@pytest.fixture
def demo(profil_demo, db):
    """What the generator returned for the module; the test runs in a savepoint."""
    return profil_demo


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


def test_menglinghausen_am_eigenen_tag_freigegeben(demo):
    # Released before its citizen workshop of 20 May 2017, not on the day the demo was loaded.
    fassung = Profilfassung.objects.get(quartier__slug="menglinghausen", nummer=1)

    assert timezone.localdate(fassung.freigegeben_am) == datetime.date(2017, 4, 25)


def test_entwuerfe_nur_mit_vorschlaegen(demo):
    massnahmen = Massnahme.objects.filter(quartier__slug__in=["derne", "marten"])

    assert set(massnahmen.values_list("quartier__profilfassungen__status", flat=True)) == {ProfilStatus.ENTWURF}
    assert (massnahmen.count(), set(massnahmen.values_list("status", flat=True))) == (6, {"vorgeschlagen"})
    assert not MassnahmeMeilenstein.objects.filter(massnahme__in=massnahmen).exists()


def test_meilensteine_erreicht_nur_vor_dem_tag_der_demo(demo):
    meilensteine = MassnahmeMeilenstein.objects.filter(massnahme__quartier__slug="menglinghausen")

    assert max(meilensteine.values_list("erreicht_am", flat=True).exclude(erreicht_am=None)) <= DEMO_TAG
    assert meilensteine.filter(erreicht_am=None, geplant_am__gt=DEMO_TAG).count() == 4


def test_demo_ist_idempotent(demo):
    def verlauf():
        return [model.history.count() for model in (Akteur, Gespraech, Massnahme, Profilfassung, ProfilAbschnitt)]

    vorher = verlauf()
    zweiter = profil_demo_anlegen()

    assert (zweiter, verlauf()) == (demo, vorher)


def test_menglinghausen_freigegebenes_profil_zeigt_massnahmen(demo):
    """The measures were proposed before the release, so the released profile (and its PDF)
    shows them as they stood then — not an empty measures chapter."""
    quartier = Quartier.objects.get(slug="menglinghausen")
    profil = quartiersprofil_sammeln(quartier=quartier, fassung=freigegebene_fassung(quartier))
    gezeigt = {m.titel for kapitel in profil.kapitel for m in kapitel.massnahmen}
    erwartet = set(
        Massnahme.objects.filter(quartier=quartier)
        .exclude(status=MassnahmeStatus.VERWORFEN)
        .values_list("titel", flat=True)
    )
    assert (gezeigt, len(gezeigt) > 0) == (erwartet, True)
