"""Aggregation of indicator values: counts add up (weighted by area for partly covered
Unterbezirke), shares are recomputed from numerator and denominator, never averaged."""

import pytest
from django.contrib.gis.geos import MultiPolygon, Polygon

from quartiere.models import Ebene, Indikator, Kennzahl, QuartierUnterbezirk
from quartiere.queries import analyse, geheimhaltung, karten
from tests.factories import (
    SEITE,
    X0,
    Y0,
    KennzahlFactory,
    QuartierFactory,
    StadtbezirkFactory,
    StatistischerBezirkFactory,
    UnterbezirkFactory,
    quadrat,
)


@pytest.fixture
def stadt(db):
    """Two Stadtbezirke: 06 with Unterbezirke 691 and 692, 07 with 701. A quarter covers all of 691
    and half of 692 (anteil 0.5). Values for 2015 and 2020."""
    hombruch = StadtbezirkFactory(code="06", name="Hombruch", geometrie=quadrat(0, 0, seite=2 * SEITE))
    bezirk = StatistischerBezirkFactory(stadtbezirk=hombruch, code="690", name="Menglinghausen")
    west = UnterbezirkFactory(bezirk=bezirk, code="691", name="West", geometrie=quadrat(0, 0))
    ost = UnterbezirkFactory(bezirk=bezirk, code="692", name="Ost", geometrie=quadrat(1, 0))
    aplerbeck = StadtbezirkFactory(code="07", name="Aplerbeck", kommune=hombruch.kommune, geometrie=quadrat(5, 0))
    anderer = UnterbezirkFactory(
        bezirk=StatistischerBezirkFactory(stadtbezirk=aplerbeck, code="700"), code="701", geometrie=quadrat(5, 0)
    )
    grenze = MultiPolygon(Polygon.from_bbox((X0, Y0, X0 + 1.5 * SEITE, Y0 + SEITE)), srid=4326)
    quartier = QuartierFactory(name="Menglinghausen", slug="menglinghausen", stadtbezirk=hombruch, grenze=grenze)
    QuartierUnterbezirk.objects.create(quartier=quartier, unterbezirk=west, anteil=1.0)
    QuartierUnterbezirk.objects.create(quartier=quartier, unterbezirk=ost, anteil=0.5)
    werte = {
        # (Unterbezirk, year): (residents, 80+, Grundsicherung 65+, 65+)
        (west, 2015): (900, 80, 10, 200),
        (ost, 2015): (420, 50, 2, 90),
        (anderer, 2015): (580, 20, 4, 100),
        (west, 2020): (1000, 100, 12, 240),
        (ost, 2020): (400, 60, 1, 100),
        (anderer, 2020): (600, 30, 5, 110),
    }
    for (unterbezirk, jahr), zahlen in werte.items():
        for schluessel, wert in zip(["ew_gesamt", "ew_80plus", "grusi_65plus", "ew_65plus"], zahlen, strict=True):
            KennzahlFactory(indikator=indikator(schluessel), unterbezirk=unterbezirk, jahr=jahr, wert=wert)
    return quartier


def indikator(schluessel):
    return Indikator.objects.get(schluessel=schluessel)


def _analyse(quartier):
    return analyse.quartier_analyse(quartier=quartier, abdeckungen=list(quartier.abdeckungen.all()))


def test_quartier_zaehlt_teilweise_unterbezirke_nach_flaechenanteil(stadt):
    ergebnis = _analyse(stadt)

    quartier, stadtbezirk, gesamt = ergebnis.zeile("ew_gesamt").werte[2020]
    assert (quartier.wert, stadtbezirk.wert, gesamt.wert) == (1000 + 0.5 * 400, 1000 + 400, 1000 + 400 + 600)
    assert ergebnis.zeile("ew_80plus").werte[2020][0].wert == 100 + 0.5 * 60
    assert ergebnis.hat_teilflaechen is True


def test_anteil_aus_zaehler_und_nenner_neu_berechnet_nicht_gemittelt(stadt):
    quartier, stadtbezirk, gesamt = _analyse(stadt).zeile("anteil_80plus").werte[2020]

    assert quartier == analyse.Wert(130 / 1200 * 100, 130)
    assert stadtbezirk == analyse.Wert(160 / 1400 * 100, 160)
    assert gesamt == analyse.Wert(190 / 2000 * 100, 190)
    # The mean of the three shares (10 %, 15 %, 5 %) would be 10 %: not what is computed.
    assert gesamt.wert != (10 + 15 + 5) / 3


def test_quote_je_1000_aus_zaehler_und_nenner(stadt):
    quartier, _stadtbezirk, gesamt = _analyse(stadt).zeile("quote_grusi_65plus").werte[2020]

    assert quartier.wert == 12.5 / 290 * 1000
    assert gesamt.wert == 18 / 450 * 1000


def test_veraenderung_ueber_fuenf_jahre_absolut_und_relativ(stadt):
    ergebnis = _analyse(stadt)

    einwohner = ergebnis.zeile("ew_gesamt").veraenderung
    vorher = 900 + 0.5 * 420
    assert (einwohner.von_jahr, einwohner.bis_jahr) == (2015, 2020)
    assert einwohner.absolut == 1200 - vorher
    assert einwohner.relativ == (1200 - vorher) / vorher * 100
    anteil = ergebnis.zeile("anteil_80plus").veraenderung
    assert anteil.absolut == 130 / 1200 * 100 - 105 / vorher * 100
    assert anteil.relativ is None


def test_fehlender_wert_eines_unterbezirks_laesst_quartier_und_stadtbezirk_ohne_wert(stadt):
    Kennzahl.objects.filter(unterbezirk__code="692", jahr=2020, indikator__schluessel="ew_gesamt").delete()

    ergebnis = _analyse(stadt)

    assert sorted(ergebnis.zeile("ew_gesamt").werte) == [2015]
    assert sorted(ergebnis.zeile("anteil_80plus").werte) == [2015]
    assert ergebnis.zeile("ew_80plus").werte[2020][0].wert == 130


def test_gespeicherter_wert_der_hoeheren_ebene_wenn_unterbezirke_fehlen(stadt):
    Kennzahl.objects.filter(unterbezirk__code="692", jahr=2020, indikator__schluessel="ew_gesamt").delete()
    Kennzahl.objects.create(
        indikator=indikator("ew_gesamt"), jahr=2020, ebene=Ebene.STADTBEZIRK, stadtbezirk=stadt.stadtbezirk, wert=1450
    )

    assert _analyse(stadt).zeile("ew_gesamt").werte[2020][1].wert == 1450


def test_summen_der_ebenen_fuer_die_karte(stadt):
    bezirke = karten.gebiete_mit_werten(indikator=indikator("anteil_80plus"), ebene=Ebene.STADTBEZIRK, jahr=2020)

    assert [(b.code, b.kz) for b in bezirke] == [
        ("06", analyse.Wert(160 / 1400 * 100, 160)),
        ("07", analyse.Wert(30 / 600 * 100, 30)),
    ]


def test_quartier_analyse_abfragen_unabhaengig_von_der_menge(stadt, django_assert_num_queries):
    abdeckungen = list(stadt.abdeckungen.all())
    # 5 for the analysis, 7 for the cache (Datenstand, read, write); both calls compute anew, since
    # the new values change the Datenstand.
    with django_assert_num_queries(12):
        analyse.quartier_analyse(quartier=stadt, abdeckungen=abdeckungen)
    for jahr in range(2000, 2010):
        KennzahlFactory(indikator=indikator("ew_gesamt"), unterbezirk=abdeckungen[0].unterbezirk, jahr=jahr)
    with django_assert_num_queries(12):
        analyse.quartier_analyse(quartier=stadt, abdeckungen=abdeckungen)
    # Unchanged data: from the cache (Datenstand and read).
    with django_assert_num_queries(2):
        analyse.quartier_analyse(quartier=stadt, abdeckungen=abdeckungen)


def test_kleine_fallzahl_wird_verborgen(settings):
    settings.DWK_MIN_FALLZAHL = 3
    anzahl = Indikator(schluessel="x", art="anzahl", einheit="Personen")
    anteil = Indikator(schluessel="y", art="anteil", einheit="%", faktor=100)

    assert geheimhaltung.wert_text(anzahl, analyse.Wert(2, 2), sieht_fallzahlen=False) == "nicht ausgewiesen"
    assert geheimhaltung.wert_text(anzahl, analyse.Wert(2.4, 2.4), sieht_fallzahlen=False) == "nicht ausgewiesen"
    assert geheimhaltung.wert_text(anzahl, analyse.Wert(2, 2), sieht_fallzahlen=True) == "2"
    assert geheimhaltung.wert_text(anzahl, analyse.Wert(1234, 1234), sieht_fallzahlen=False) == "1.234"
    assert geheimhaltung.wert_text(anteil, analyse.Wert(1.5, 2), sieht_fallzahlen=False) == "nicht ausgewiesen"
    # Withheld to protect another cell (secondary suppression): shown alike, so the mark says nothing.
    assert geheimhaltung.wert_text(anzahl, analyse.Wert(40, 40, geheim=True), sieht_fallzahlen=False) == (
        "nicht ausgewiesen"
    )
    assert geheimhaltung.wert_text(anzahl, analyse.Wert(40, 40, geheim=True), sieht_fallzahlen=True) == "40"
    assert geheimhaltung.wert_text(anteil, analyse.Wert(12.34, 30), sieht_fallzahlen=False) == "12,3"
    assert geheimhaltung.wert_export(anzahl, analyse.Wert(0, 0), sieht_fallzahlen=False) == "nicht ausgewiesen"
    assert geheimhaltung.wert_export(anzahl, analyse.Wert(3, 3), sieht_fallzahlen=False) == 3


def test_klassen_quantile_und_gleiche_abstaende():
    werte = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

    gleich = karten.klassen_bilden(werte, methode="gleich")
    assert [(k.von, k.bis, k.anzahl) for k in gleich] == [
        (1.0, 2.8, 2),
        (2.8, 4.6, 2),
        (4.6, 6.4, 2),
        (6.4, 8.2, 2),
        (8.2, 10.0, 2),
    ]
    quantile = karten.klassen_bilden([1, 1, 1, 1, 2, 3, 100], methode="quantile")
    # Limits 1 | 1 | 1 | 1.6 | 2.8 | 100: equal limits merge, leaving three classes.
    assert [(k.von, k.bis, k.anzahl) for k in quantile] == [(1.0, 1.6, 4), (1.6, 2.8, 1), (2.8, 100.0, 2)]
    assert [k.farbe for k in quantile] == ["#ffffcc", "#41b6c4", "#253494"]
    assert karten.klassen_bilden([], methode="quantile") == []
    assert karten.klasse_von(None, gleich) is None


def test_quartiere_werte_mit_geheimhaltung(stadt, settings):
    settings.DWK_MIN_FALLZAHL = 3
    abdeckungen = list(QuartierUnterbezirk.objects.all())

    werte = analyse.quartiere_werte(abdeckungen=abdeckungen, indikator=indikator("grusi_65plus"))

    # 2020: Unterbezirk 692 has 1 recipient; the quarter takes half of it and is withheld.
    assert werte[stadt.pk][2020] == analyse.Wert(12 + 0.5 * 1, 12.5, geheim=True)
    assert werte[stadt.pk][2015] == analyse.Wert(10 + 0.5 * 2, 11, geheim=True)
    einwohner = analyse.quartiere_werte(abdeckungen=abdeckungen, indikator=indikator("ew_gesamt"), bis_jahr=2019)
    assert einwohner == {stadt.pk: {2015: analyse.Wert(900 + 0.5 * 420, 900 + 0.5 * 420)}}
