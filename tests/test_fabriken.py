"""The factories build the same rows whatever ran before in the process.

factory_boy's ``Sequence`` counts per process and does not go back when a test's transaction is
rolled back. A number the tests name in a URL must therefore not come from such a counter: the
permission matrix asks for ``profil/fassung/1/`` of Menglinghausen, and after another module of the
same worker had built the matrix's state once, the first version there was number 2 (404 instead of
200 for four roles in a full parallel run)."""

from quartiersprofil.models import ProfilStatus
from tests.factories import ProfilfassungFactory, QuartierFactory

FREI = ProfilStatus.FREIGEGEBEN  # a quarter has at most one version in work


def test_fassungsnummer_zaehlt_je_quartier_wie_der_dienst(db):
    ProfilfassungFactory.create_batch(2)  # other quarters' versions, as an earlier test might leave
    quartier = QuartierFactory()
    assert [ProfilfassungFactory(quartier=quartier, status=FREI).nummer for _ in range(3)] == [1, 2, 3]
    assert ProfilfassungFactory(quartier=QuartierFactory()).nummer == 1
