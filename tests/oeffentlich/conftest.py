import pytest
from django.core.cache import cache

from oeffentlich.views.basis import SEITEN
from tests.oeffentlich.stand import HEUTE, stand_anlegen


@pytest.fixture
def oeffentlich_einstellungen(settings):
    """The demo's day, and the data version read on every request (no remembered version)."""
    settings.DWK_HEUTE = HEUTE
    settings.DWK_OEFFENTLICH_DATENSTAND_SEKUNDEN = 0
    cache.clear()
    SEITEN.clear()
    yield settings
    cache.clear()
    SEITEN.clear()


@pytest.fixture
def stand(db, oeffentlich_einstellungen):
    return stand_anlegen()
