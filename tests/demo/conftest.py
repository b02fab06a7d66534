"""The demo, written once for all of tests/demo/ (per test process).

``demo_ausgabe`` runs ``demo_daten`` once for the whole package, as `make run` does (DEBUG on),
with its photos in the package's own media directory; its rows live in a transaction that is
rolled back when the package is done, and every test using ``demo`` runs in a savepoint inside
it, so the tests neither see each other's changes nor leave data or files behind. The tests of
this package that do not use ``demo`` run before the first one that does (tests/conftest.py
orders them), so they still start from an empty database.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

# The default password hasher takes half a second per user; the demo sets five passwords.
SCHNELLER_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="package")
def demo_medien(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="package")
def demo_ausgabe(django_db_setup, django_db_blocker, demo_medien):
    lokale_demo = override_settings(DEBUG=True, PASSWORD_HASHERS=SCHNELLER_HASHER, MEDIA_ROOT=demo_medien)
    with lokale_demo, django_db_blocker.unblock(), transaction.atomic():
        ausgabe = StringIO()
        call_command("demo_daten", stdout=ausgabe)
        yield ausgabe.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_ausgabe, demo_medien, db, settings):
    """The package's demo; a test that runs ``demo_daten`` again does so as the local demo (DEBUG on)."""
    settings.DEBUG = True
    settings.MEDIA_ROOT = demo_medien
    return demo_ausgabe


@pytest.fixture(autouse=True)
def medien(settings, tmp_path):
    """Tests without the module's demo write their files into their own empty directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
