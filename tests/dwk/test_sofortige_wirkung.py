"""Deactivating a user or removing a role takes effect on the very next request (issue 13): the
session keeps only the user's id; the account, its flags and its groups are read anew with every
request (Django's ModelBackend.get_user refuses inactive users, dwk.permissions reads the groups per
request), also in a session that passed the second factor."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from dwk.permissions import PARTNER, PROJEKTTEAM
from tests.dwk.test_zwei_faktor import _anmelden, _einrichten
from tests.factories import QuartierFactory, UserFactory

pytestmark = pytest.mark.django_db

NEUES_QUARTIER = "/quartiere/neu/"


def _per_passwort(user):
    client = Client()
    assert _anmelden(client, user.username).status_code == 302
    return client


@pytest.mark.parametrize("anmeldung", ["force_login", "passwort"])
def test_deaktivieren_wirkt_bei_der_naechsten_anfrage(anmeldung):
    user = UserFactory(username="planerin", rolle=PROJEKTTEAM)
    if anmeldung == "force_login":
        client = Client()
        client.force_login(user)
    else:
        client = _per_passwort(user)
    assert client.get(NEUES_QUARTIER).status_code == 200
    user.is_active = False
    user.save(update_fields=["is_active"])
    antwort = client.get(NEUES_QUARTIER)
    assert antwort.status_code == 302
    assert antwort.url.startswith("/konto/anmelden/")
    assert client.get("/uebersicht/").url.startswith("/konto/anmelden/")


def test_rolle_entziehen_wirkt_bei_der_naechsten_anfrage():
    user = UserFactory(username="planerin", rolle=PROJEKTTEAM)
    client = _per_passwort(user)
    assert client.get(NEUES_QUARTIER).status_code == 200
    assert client.get("/konto/anmeldesperren/").status_code == 200
    user.groups.remove(Group.objects.get(name=PROJEKTTEAM))
    assert client.get(NEUES_QUARTIER).status_code == 403
    assert client.get("/konto/anmeldesperren/").status_code == 403
    # Still logged in (the account exists), only without the role's rights.
    assert client.get("/uebersicht/").status_code == 200


def test_administratorrechte_entziehen_wirkt_sofort():
    user = UserFactory(username="chefin", is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    assert client.get(NEUES_QUARTIER).status_code == 200
    user.is_superuser = user.is_staff = False
    user.save(update_fields=["is_superuser", "is_staff"])
    assert client.get("/admin/").status_code == 302
    assert client.get(NEUES_QUARTIER).status_code == 403


def test_partner_aus_dem_quartier_entfernen_wirkt_sofort():
    user = UserFactory(username="traeger", rolle=PARTNER)
    quartier = QuartierFactory(name="Menglinghausen", slug="menglinghausen")
    quartier.partner.add(user)
    client = _per_passwort(user)
    assert client.get(quartier.get_absolute_url()).status_code == 200
    quartier.partner.remove(user)
    assert client.get(quartier.get_absolute_url()).status_code == 403


def test_deaktivieren_beendet_auch_eine_sitzung_mit_zweitem_faktor(settings):
    settings.DWK_2FA_PFLICHT = True
    user = UserFactory(username="planerin", rolle=PROJEKTTEAM)
    client = Client()
    _einrichten(client, user)
    assert client.get(NEUES_QUARTIER).status_code == 200
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert client.get(NEUES_QUARTIER).url.startswith("/konto/anmelden/")
