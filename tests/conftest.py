import pytest
from django.conf import settings

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
