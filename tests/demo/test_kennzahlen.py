"""Demo values: deterministic, consistent (age groups add up), a second run writes nothing."""

from demo.kennzahlen import JAHRE, kennzahlen_demo_anlegen, unterbezirk_werte
from quartiere.models import Kennzahl
from tests.factories import UnterbezirkFactory


def test_demo_werte_deterministisch_und_stimmig():
    werte = unterbezirk_werte("691", "690")

    assert werte == unterbezirk_werte("691", "690")
    assert werte != unterbezirk_werte("692", "690")
    for jahr in JAHRE:
        assert werte[("ew_65plus", jahr)] == werte[("ew_65_79", jahr)] + werte[("ew_80plus", jahr)]
        assert werte[("ew_gesamt", jahr)] == sum(
            werte[(s, jahr)] for s in ("ew_0_17", "ew_18_64", "ew_65_79", "ew_80plus")
        )
        assert 0 <= werte[("grusi_65plus", jahr)] <= werte[("ew_65plus", jahr)]
        assert 0 <= werte[("ew_65plus_migration", jahr)] <= werte[("ew_65plus", jahr)]


def test_demo_kennzahlen_zweiter_lauf_schreibt_nichts(db):
    UnterbezirkFactory(code="691")
    UnterbezirkFactory(code="692")

    erster = kennzahlen_demo_anlegen()
    pks = set(Kennzahl.objects.values_list("pk", flat=True))
    zweiter = kennzahlen_demo_anlegen()

    assert (erster.anzahl, erster.neu, erster.geaendert) == (2 * 11 * 10, 220, 0)
    assert (zweiter.neu, zweiter.geaendert) == (0, 0)
    assert set(Kennzahl.objects.values_list("pk", flat=True)) == pks
