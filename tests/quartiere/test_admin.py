"""The Django admin edits the geo models with django-leaflet's map widget."""

import pytest
from django.urls import reverse

from tests.factories import InfrastrukturFactory, QuartierFactory, UnterbezirkFactory


@pytest.mark.parametrize("modell", ["stadtbezirk", "statistischerbezirk", "unterbezirk", "quartier", "infrastruktur"])
def test_admin_aenderungsseite_mit_leaflet_karte(client, superuser, modell):
    unterbezirk = UnterbezirkFactory()
    objekte = {
        "stadtbezirk": unterbezirk.bezirk.stadtbezirk,
        "statistischerbezirk": unterbezirk.bezirk,
        "unterbezirk": unterbezirk,
        "quartier": QuartierFactory(stadtbezirk=unterbezirk.bezirk.stadtbezirk),
        "infrastruktur": InfrastrukturFactory(),
    }
    client.force_login(superuser)
    liste = client.get(reverse(f"admin:quartiere_{modell}_changelist"))
    seite = client.get(reverse(f"admin:quartiere_{modell}_change", args=[objekte[modell].pk]))
    nonce = seite["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert (liste.status_code, seite.status_code) == (200, 200)
    assert "leaflet/leaflet.js" in seite.content.decode()
    assert f'<script nonce="{nonce}">' in seite.content.decode()
