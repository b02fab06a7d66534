"""The admin pages of the steering group open for a superuser."""

import pytest
from django.urls import reverse

from tests.factories import BeschlussFactory, MitgliedFactory, SitzungFactory


@pytest.mark.parametrize("modell", ["organisation", "mitglied", "sitzung", "beschluss", "aufgabe", "fachplanung"])
def test_admin_liste_und_formular(client, superuser, modell):
    MitgliedFactory()
    BeschlussFactory(sitzung=SitzungFactory())
    client.force_login(superuser)
    assert client.get(reverse(f"admin:lenkungsgruppe_{modell}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:lenkungsgruppe_{modell}_add")).status_code == 200
