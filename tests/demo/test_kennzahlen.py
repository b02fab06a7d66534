"""Demo values: the seed's city (600,390 residents in 2016), consistent, nothing from the demo's future."""

from demo.kennzahlen import (
    EINWOHNER_JE_UNTERBEZIRK,
    JAHRE,
    STADT_EINWOHNER,
    STADTBEZIRK_EINWOHNER,
    einwohner_verteilen,
    kennzahlen_demo_anlegen,
    unterbezirk_werte,
)
from quartiere.models import Ebene, Indikator, Kennzahl
from tests.factories import UnterbezirkFactory


def test_demo_werte_deterministisch_und_stimmig():
    werte = unterbezirk_werte("691", "690", 1481)

    assert werte == unterbezirk_werte("691", "690", 1481)
    assert werte != unterbezirk_werte("692", "690", 1481)
    assert werte[("ew_gesamt", 2016)] == 1481
    for jahr in JAHRE:
        assert werte[("ew_65plus", jahr)] == werte[("ew_65_79", jahr)] + werte[("ew_80plus", jahr)]
        assert werte[("ew_gesamt", jahr)] == sum(
            werte[(s, jahr)] for s in ("ew_0_17", "ew_18_64", "ew_65_79", "ew_80plus")
        )
        assert 0 <= werte[("grusi_65plus", jahr)] <= werte[("ew_65plus", jahr)]
        assert 0 <= werte[("ew_65plus_migration", jahr)] <= werte[("ew_65plus", jahr)]


def test_demo_jahre_enden_vor_dem_tag_der_demo():
    # The demo lives on 16 October 2017: the figures of 2017 are not yet published.
    assert (JAHRE[0], JAHRE[-1]) == (2012, 2016)


def test_einwohner_verteilen_ergibt_die_stadt_des_seeds():
    unterbezirke = [(f"{sb}{i}", f"{int(sb) - 1}{i // 4}0", sb) for sb in STADTBEZIRK_EINWOHNER for i in range(14)]

    einwohner = einwohner_verteilen(unterbezirke)

    je_stadtbezirk = {}
    for code, _bezirk, sb in unterbezirke:
        je_stadtbezirk[sb] = je_stadtbezirk.get(sb, 0) + einwohner[code]
    assert (sum(einwohner.values()), je_stadtbezirk) == (STADT_EINWOHNER, STADTBEZIRK_EINWOHNER)
    assert einwohner == einwohner_verteilen(list(reversed(unterbezirke)))


def test_einwohner_verteilen_ausserhalb_der_demo_stadt():
    einwohner = einwohner_verteilen([("U1", "X10", "X1"), ("U2", "X10", "X1")])

    assert all(0.03 * EINWOHNER_JE_UNTERBEZIRK <= wert <= 1.4 * EINWOHNER_JE_UNTERBEZIRK for wert in einwohner.values())


def test_demo_kennzahlen_zweiter_lauf_schreibt_nichts(db):
    UnterbezirkFactory(code="691")
    UnterbezirkFactory(code="692")

    erster = kennzahlen_demo_anlegen()
    pks = set(Kennzahl.objects.values_list("pk", flat=True))
    zweiter = kennzahlen_demo_anlegen()

    assert (erster.anzahl, erster.neu, erster.geaendert, erster.entfernt) == (2 * 5 * 10, 100, 0, 0)
    assert (zweiter.neu, zweiter.geaendert, zweiter.entfernt) == (0, 0, 0)
    assert set(Kennzahl.objects.values_list("pk", flat=True)) == pks


def test_demo_kennzahlen_entfernen_werte_aus_der_zukunft_der_demo(db):
    unterbezirk = UnterbezirkFactory(code="691")
    ew = Indikator.objects.get(schluessel="ew_gesamt")
    for jahr in (2011, 2017, 2024):  # 2017–2024: written by an earlier version of the demo
        Kennzahl.objects.create(indikator=ew, jahr=jahr, ebene=Ebene.UNTERBEZIRK, unterbezirk=unterbezirk, wert=100)

    ergebnis = kennzahlen_demo_anlegen()

    assert ergebnis.entfernt == 2
    assert sorted(set(Kennzahl.objects.values_list("jahr", flat=True))) == [2011, *JAHRE]
