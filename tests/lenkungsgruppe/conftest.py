import pytest

from tests.factories import MitgliedFactory


@pytest.fixture
def mitglied(lenkungsgruppe):
    """The member behind the Lenkungsgruppe user account."""
    return MitgliedFactory(benutzer=lenkungsgruppe, vorname="Thomas", nachname="Overkamp")


@pytest.fixture
def client_mitglied(client, mitglied):
    client.force_login(mitglied.benutzer)
    return client
