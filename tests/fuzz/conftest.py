"""Fuzzing with hypothesis: a few dozen inputs per test, no example database on disk, no deadline
(the machine is shared; a slow example is no error), so `make test` stays about as fast."""

import pytest
from hypothesis import HealthCheck, settings

from quartiere.models import Kommune
from tests.factories import SEITE, StadtbezirkFactory, StatistischerBezirkFactory, UnterbezirkFactory, quadrat

settings.register_profile(
    "dwk",
    max_examples=40,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("dwk")


@pytest.fixture
def stadt(db):
    """Stadtbezirk 06 with statistischer Bezirk 690 and the Unterbezirke 691 and 692."""
    stadtbezirk = StadtbezirkFactory(code="06", name="Hombruch", geometrie=quadrat(0, 0, seite=2 * SEITE))
    bezirk = StatistischerBezirkFactory(stadtbezirk=stadtbezirk, code="690", name="Menglinghausen")
    UnterbezirkFactory(bezirk=bezirk, code="691", name="West", geometrie=quadrat(0, 0))
    UnterbezirkFactory(bezirk=bezirk, code="692", name="Ost", geometrie=quadrat(1, 0))
    return Kommune.objects.get()
