import fcntl
import gc
import importlib
import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.test import override_settings

from dwk.permissions import LENKUNGSGRUPPE, PARTNER, PROJEKTTEAM, RATSBUERO
from tests.factories import UserFactory


def pytest_configure(config):
    # Python's cycle collector runs after every 700 new objects by default and then walks the youngest
    # objects, often all of them: a test process holds millions (Django, the templates, the test items).
    # Rarer collections, and none at all of what exists after the collection (``gc.freeze`` below),
    # take 8 % less CPU (permission matrix, a third of it: user 25.6 → 23.3 s, three runs each).
    gc.set_threshold(50_000, 20, 100)
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine != "django.contrib.gis.db.backends.postgis":
        raise pytest.UsageError(
            "Die Tests laufen gegen PostGIS: bitte mit `make test` starten oder "
            "DWK_DATABASE_URL=postgis://root@127.0.0.1:5432/dwk setzen."
        )
    # Django's PostGIS backend, emptying the database faster after transactional tests (tests/datenbank).
    settings.DATABASES["default"]["ENGINE"] = "tests.datenbank.postgis"
    connections["default"].close()
    del connections["default"]  # an app's ready() may have made it with Django's backend already
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
    # Right after it, so that both SpatiaLite tests land on one worker and share its migrated file.
    "tests/dwk/test_sicherung.py::test_spatialite_sichern_und_wiederherstellen",
)
# The same among the transactional tests, which come last: the longest (about two minutes) first, so
# that the other worker does the rest meanwhile instead of waiting for it at the end.
ZUERST_TRANSAKTIONAL = ("tests/browser/test_reflow_intern.py::test_seiten_hinter_der_anmeldung",)


def _django_reihenfolge(item):
    """0 database test, 1 transactional (empties the database), 2 no database: as pytest-django sorts."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", [])
    transaktion = marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    if transaktion or "transactional_db" in fixtures or "live_server" in fixtures:
        return 1
    return 0 if marker is not None or "db" in fixtures else 2


# Tests that share what is expensive to build run on one worker: the demo of tests/demo/ (built once
# per process, tests/demo/conftest.py), the SpatiaLite file migrated once per process
# (``spatialite_migriert``) and the edit pages found once per module (tests/dwk/test_veralteter_stand.py).
# pytest-xdist's own groups (--dist loadgroup, xdist_group) do not work with pytest 9 (xdist renames the
# test ids, which pytest 9 no longer reads), so `make test`'s default distribution is replaced by xdist's
# scope scheduler with these groups as scopes: each group goes whole to one worker, the largest first,
# every other test alone, in the order below, to whichever worker has fewer than three tests waiting.
# No group holds a transactional test, which would empty the database before the worker's other
# database tests.
GRUPPEN = {
    "tests/demo/": "demo",
    # Both find the edit pages by opening every page of the matrix once (``bearbeitungsseiten``).
    "tests/dwk/test_veralteter_stand.py::test_jede_bearbeitungsseite_": "bearbeitungsseiten",
    "tests/test_spatialite_weg.py::": "spatialite",
    "tests/dwk/test_sicherung.py::test_spatialite_": "spatialite",
}


def _gruppe(nodeid):
    return next((gruppe for anfang, gruppe in GRUPPEN.items() if nodeid.startswith(anfang)), None)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") != "load":  # another mode asked for explicitly: xdist's own
        return None
    from xdist.scheduler import LoadScopeScheduling

    class GruppenScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return _gruppe(nodeid) or nodeid

    return GruppenScheduling(config, log)


def pytest_collection_finish(session):
    gc.collect()
    gc.freeze()  # modules, settings and the collected tests live until the end: the collector skips them


def pytest_collection_modifyitems(config, items):
    def schluessel(item):
        reihenfolge = _django_reihenfolge(item)
        rang = next((i for i, anfang in enumerate(ZUERST) if item.nodeid.startswith(anfang)), len(ZUERST))
        # The demo (tests/demo/conftest.py) is built once for its package and stays until the package
        # is done: its tests come last among the database tests, after those that want an empty database.
        mit_demo = "demo_ausgabe" in getattr(item, "fixturenames", [])
        if reihenfolge == 1:
            rang = len(ZUERST) + (not item.nodeid.startswith(ZUERST_TRANSAKTIONAL))
        return (rang, reihenfolge, mit_demo)

    items.sort(key=schluessel)


def pytest_unconfigure(config):
    if getattr(config, "_dwk_medien", None):
        shutil.rmtree(config._dwk_medien, ignore_errors=True)
    if getattr(config, "_dwk_vorlage_ordner", None):
        _vorlage_loeschen(Path(config._dwk_vorlage_ordner))


# --- One migration for all workers --------------------------------------------------------------
# Migrating a test database costs a worker about half a minute of CPU (mostly Django rendering the
# models' states). In a parallel run the first worker migrates a template database once, and every
# worker copies it (CREATE DATABASE … TEMPLATE, under a second). The controller hands the workers a
# folder for the lock and drops the template when the run is over.


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    config = node.config
    if not getattr(config, "_dwk_vorlage_ordner", None):
        config._dwk_vorlage_ordner = tempfile.mkdtemp(prefix="dwk-testvorlage-")
    node.workerinput["dwk_vorlage_ordner"] = config._dwk_vorlage_ordner


def _verwaltungsverbindung(einstellungen):
    """An autocommit connection to the server's maintenance database ``postgres``."""
    import psycopg

    werte = {k: einstellungen.get(k.upper()) for k in ("user", "password", "host", "port")}
    return psycopg.connect(dbname="postgres", autocommit=True, **{k: v for k, v in werte.items() if v})


def _vorlage_loeschen(ordner):
    from django.conf import settings

    name_datei = ordner / "vorlage"
    if name_datei.exists():
        with _verwaltungsverbindung(settings.DATABASES["default"]) as verwaltung:
            verwaltung.execute(f'DROP DATABASE IF EXISTS "{name_datei.read_text()}"')
    shutil.rmtree(ordner, ignore_errors=True)


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's fixture of the same name, except that the workers of a parallel run copy one
    migrated template database (see above) instead of each migrating its own."""
    from django.conf import settings
    from django.db import connections
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    ordner = getattr(request.config, "workerinput", {}).get("dwk_vorlage_ordner")
    aliases, serialisiert = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose
    if not ordner or django_db_keepdb or not django_db_use_migrations or aliases - {"default"}:
        with django_db_blocker.unblock():
            eingerichtet = setup_databases(
                verbosity=verbosity,
                interactive=False,
                aliases=aliases,
                serialized_aliases=serialisiert,
                keepdb=django_db_keepdb and not django_db_createdb,
            )
        yield
        if not django_db_keepdb:
            with django_db_blocker.unblock():
                teardown_databases(eingerichtet, verbosity=verbosity)
        return

    verbindung = connections["default"]
    eigene = verbindung.creation._get_test_db_name()  # test_dwk_gw0
    vorlage = eigene.removesuffix("_" + request.config.workerinput["workerid"]) + "_vorlage"
    alter_name = verbindung.settings_dict["NAME"]

    def name_setzen(name):
        verbindung.close()
        settings.DATABASES["default"]["NAME"] = verbindung.settings_dict["NAME"] = name

    with django_db_blocker.unblock():
        with open(Path(ordner) / "sperre", "w") as sperre:
            fcntl.flock(sperre, fcntl.LOCK_EX)  # released when the file is closed
            if not (Path(ordner) / "vorlage").exists():
                verbindung.settings_dict["TEST"]["NAME"] = vorlage
                try:
                    verbindung.creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False)
                finally:
                    verbindung.settings_dict["TEST"]["NAME"] = eigene
                    name_setzen(alter_name)
                (Path(ordner) / "vorlage").write_text(vorlage)
            with _verwaltungsverbindung(verbindung.settings_dict) as verwaltung:
                verwaltung.execute(f'DROP DATABASE IF EXISTS "{eigene}"')
                verwaltung.execute(f'CREATE DATABASE "{eigene}" TEMPLATE "{vorlage}"')
        name_setzen(eigene)
        if "default" in serialisiert:
            verbindung._test_serialized_contents = verbindung.creation.serialize_db_to_string()
        verbindung.ensure_connection()
    yield
    with django_db_blocker.unblock():
        verbindung.creation.destroy_test_db(alter_name, verbosity)


@pytest.fixture(scope="session")
def spatialite_migriert(tmp_path_factory):
    """A SpatiaLite file migrated by ``manage.py migrate`` in a subprocess, as `make run` does, once
    per process: the SpatiaLite tests (tests/test_spatialite_weg.py, tests/dwk/test_sicherung.py)
    start from a copy of it (``spatialite_kopie``) instead of migrating again, which costs about
    25 s of CPU each. A failing migration fails every test that asks for it."""
    import os
    import subprocess
    import sys

    ort = tmp_path_factory.mktemp("spatialite-migriert")
    ergebnis = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DWK_DATABASE_URL": f"spatialite:///{ort / 'dwk.sqlite3'}", "DWK_VAR_DIR": str(ort)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert ergebnis.returncode == 0, f"migrate auf SpatiaLite gescheitert: {ergebnis.stderr[-3000:]}"
    return ort / "dwk.sqlite3"


def spatialite_kopie(migriert, ort):
    """Copy the migrated SpatiaLite file ``migriert`` to ``ort/dwk.sqlite3`` (the folder is made)."""
    ort.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migriert, ort / "dwk.sqlite3")


@pytest.fixture(scope="module")
def matrix_stand(django_db_setup, django_db_blocker, tmp_path_factory):
    """The permission matrix's database state (tests/matrix.py ``stand_anlegen``), created once per
    test module: its rows live in a transaction rolled back when the module is done, its files in the
    module's own folder; every test using it also asks for ``db`` and so runs in a savepoint inside it.
    A test with ``transaction=True`` must not share a module with it: its threads' connections would not
    see its rows (they are inside this transaction), and the flush after it would fail."""
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
