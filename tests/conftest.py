import importlib
import shutil
import tempfile

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings

from dwk.permissions import LENKUNGSGRUPPE, PARTNER, PROJEKTTEAM, RATSBUERO
from tests.factories import UserFactory


def pytest_configure(config):
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine != "django.contrib.gis.db.backends.postgis":
        raise pytest.UsageError(
            "Die Tests laufen gegen PostGIS: bitte mit `make test` starten oder "
            "DWK_DATABASE_URL=postgis://root@127.0.0.1:5432/dwk setzen."
        )
    # Hashing real passwords is deliberately slow; the tests log in with force_login or know the password.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The thousands of tests that log in with force_login skip the second factor; the tests of the
    # two-factor login turn it on again (tests/dwk/test_zwei_faktor.py, also shows it is on in production).
    settings.DWK_2FA_PFLICHT = False
    # Files the tests upload go to this process's own folder, not to var/media: parallel workers
    # (pytest-xdist) and the local demo never see each other's files.
    config._dwk_medien = tempfile.mkdtemp(prefix="dwk-test-media-")
    settings.MEDIA_ROOT = config._dwk_medien


# Tests that run for minutes, started first: in a parallel run (pytest-xdist hands the tests out in
# this order) no worker then begins one of them while the others are already done. Otherwise
# pytest-django's order stays (database tests, then transactional ones, which empty the database,
# then those without database; a test without database may go first, a transactional one not), and
# each group keeps its own order, so module-scoped fixtures are still built once per module and worker.
ZUERST = (
    "tests/dwk/test_feindliche_anfragen.py",
    "tests/test_spatialite_weg.py",
)


def _django_reihenfolge(item):
    """0 database test, 1 transactional (empties the database), 2 no database: as pytest-django sorts."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", [])
    transaktion = marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    if transaktion or "transactional_db" in fixtures or "live_server" in fixtures:
        return 1
    return 0 if marker is not None or "db" in fixtures else 2


def pytest_collection_modifyitems(config, items):
    def schluessel(item):
        pfad = item.nodeid.split("::")[0]
        reihenfolge = _django_reihenfolge(item)
        rang = next((i for i, anfang in enumerate(ZUERST) if pfad.startswith(anfang)), len(ZUERST))
        # The demo (tests/demo/conftest.py) is built once for its package and stays until the package
        # is done: its tests come last among the database tests, after those that want an empty database.
        mit_demo = "demo_ausgabe" in getattr(item, "fixturenames", [])
        return (rang, reihenfolge, mit_demo) if reihenfolge != 1 else (len(ZUERST), reihenfolge, mit_demo)

    items.sort(key=schluessel)


def pytest_unconfigure(config):
    if getattr(config, "_dwk_medien", None):
        shutil.rmtree(config._dwk_medien, ignore_errors=True)


@pytest.fixture(scope="module")
def matrix_stand(django_db_setup, django_db_blocker, tmp_path_factory):
    """The permission matrix's database state (tests/matrix.py ``stand_anlegen``), created once per
    test module: its rows live in a transaction rolled back when the module is done, its files in the
    module's own folder; every test using it also asks for ``db`` and so runs in a savepoint inside it."""
    from tests.matrix import stand_anlegen

    medien = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("matrix-media"))
    with medien, django_db_blocker.unblock(), transaction.atomic():
        yield stand_anlegen()
        transaction.set_rollback(True)


@pytest.fixture
def projektteam(db):
    return UserFactory(username="projektteam", rolle=PROJEKTTEAM)


@pytest.fixture
def lenkungsgruppe(db):
    return UserFactory(username="lenkungsgruppe", rolle=LENKUNGSGRUPPE)


@pytest.fixture
def ratsbuero(db):
    return UserFactory(username="ratsbuero", rolle=RATSBUERO)


@pytest.fixture
def partner(db):
    return UserFactory(username="partner", rolle=PARTNER)


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def client_projektteam(client, projektteam):
    client.force_login(projektteam)
    return client


@pytest.fixture
def daten_der_migrationen(transactional_db):
    """What the data migrations created (roles, Handlungsfelder, infrastructure categories,
    indicators, the catalogue of participation subjects, the walking profiles), made again with
    the migrations' own functions. A transactional test needs it:
    a browser test before it has emptied the database, and serialized rollback cannot refill it
    then (the live server's connections lack the serialized state, and the flush has recreated
    the content types). Ask for it before fixtures that need roles, e.g. ``projektteam``."""
    from django.apps import apps

    importlib.import_module("dwk.migrations.0001_rollen").rollen_anlegen(apps, None)
    importlib.import_module("quartiere.migrations.0002_handlungsfelder").anlegen(apps, None)
    importlib.import_module("quartiere.migrations.0004_infrastruktur_kategorien").anlegen(apps, None)
    importlib.import_module("quartiere.migrations.0005_indikatoren").anlegen(apps, None)
    importlib.import_module("buergerdialog.migrations.0002_kataloge").anlegen(apps, None)
    importlib.import_module("wegenetz.migrations.0002_wegprofile").anlegen(apps, None)
