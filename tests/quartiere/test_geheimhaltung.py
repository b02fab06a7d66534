"""Statistical confidentiality: no withheld count can be recovered by subtraction — not between
the levels (Unterbezirk → statistischer Bezirk → Stadtbezirk → city), not through a quarter (the
area-weighted sum of its Unterbezirke), not through a share, and not between years.

The attacker here is written independently of the implementation: it collects every number a
member of the steering group can download (CSV of every level and year, the quarter's table and the
change over five years on its page), writes down every equation that holds between them, and asks
linear algebra which withheld value follows (a value follows when its unit vector lies in the row
space of the equations)."""

import random
import re

import numpy as np
import pytest
from django.urls import reverse

from dwk.permissions import LENKUNGSGRUPPE
from quartiere.models import Indikator, QuartierUnterbezirk, Stadtbezirk, StatistischerBezirk
from quartiere.queries.geheimhaltung import unterdruecken
from tests.factories import (
    KennzahlFactory,
    QuartierFactory,
    StadtbezirkFactory,
    StatistischerBezirkFactory,
    UnterbezirkFactory,
    UserFactory,
)

GEHEIM = "nicht ausgewiesen"


def _folgt(gleichungen, unbekannte):
    """The unknowns that follow from ``gleichungen`` (each a dict unknown → coefficient; known terms
    already moved to the other side, so only the coefficients matter)."""
    if not gleichungen:
        return set()
    index = {u: i for i, u in enumerate(unbekannte)}
    matrix = np.zeros((len(gleichungen), len(unbekannte)))
    for zeile, gleichung in enumerate(gleichungen):
        for unbekannt, faktor in gleichung.items():
            matrix[zeile, index[unbekannt]] += faktor
    rang = np.linalg.matrix_rank(matrix)
    folgt = set()
    for unbekannt, i in index.items():
        einheit = np.zeros((1, len(unbekannte)))
        einheit[0, i] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, einheit])) == rang:
            folgt.add(unbekannt)
    return folgt


def _angriff(werte, gruppen, geheim):
    """What follows from the published cells of one table (pure data, no web)."""
    unbekannte = sorted(geheim | {g for e, k in gruppen for g in (e, *k) if g not in werte})
    gleichungen = []
    for eltern, kinder in gruppen:
        gleichung = {}
        for gebiet, faktor in ((eltern, 1), *((k, -1) for k in kinder)):
            if gebiet in unbekannte:
                gleichung[gebiet] = gleichung.get(gebiet, 0) + faktor
        if gleichung:
            gleichungen.append(gleichung)
    return _folgt(gleichungen, unbekannte) & geheim


# --- The rule on single groups ---------------------------------------------------------------------


def test_einzige_kleine_zahl_der_gruppe_bekommt_ein_gegenstueck(settings):
    settings.DWK_MIN_FALLZAHL = 3
    # Bezirk 220 = 117; Unterbezirke 221 = 2, 222 = 50, 223 = 65 (the case of the issue).
    werte = {("bezirk", 220): 117, ("unterbezirk", 221): 2, ("unterbezirk", 222): 50, ("unterbezirk", 223): 65}
    gruppen = [(("bezirk", 220), [("unterbezirk", 221), ("unterbezirk", 222), ("unterbezirk", 223)])]

    assert unterdruecken(werte, gruppen) == {("unterbezirk", 221), ("unterbezirk", 222)}


def test_einziges_kind_nimmt_die_eltern_mit(settings):
    settings.DWK_MIN_FALLZAHL = 3
    werte = {("bezirk", 1): 2, ("stadtbezirk", 1): 2, ("stadt", 1): 502, ("stadtbezirk", 2): 500}
    gruppen = [(("stadtbezirk", 1), [("bezirk", 1)]), (("stadt", 1), [("stadtbezirk", 1), ("stadtbezirk", 2)])]

    # Stadtbezirk 1 equals its only Bezirk; the city then needs Stadtbezirk 2 withheld as well.
    assert unterdruecken(werte, gruppen) == {("bezirk", 1), ("stadtbezirk", 1), ("stadtbezirk", 2)}


def test_verborgene_eltern_folgen_nicht_aus_der_summe_ihrer_kinder(settings):
    settings.DWK_MIN_FALLZAHL = 3
    werte = {
        ("stadt", 1): 1000,
        ("stadtbezirk", 1): 2,
        ("stadtbezirk", 2): 998,
        ("bezirk", 1): 1,
        ("bezirk", 2): 1,
        ("bezirk", 3): 998,
    }
    gruppen = [
        (("stadt", 1), [("stadtbezirk", 1), ("stadtbezirk", 2)]),
        (("stadtbezirk", 1), [("bezirk", 1), ("bezirk", 2)]),
        (("stadtbezirk", 2), [("bezirk", 3)]),
    ]

    geheim = unterdruecken(werte, gruppen)

    assert _angriff(werte, gruppen, geheim) == set()
    assert {("stadtbezirk", 1), ("bezirk", 1), ("bezirk", 2)} <= geheim


def test_zufaellige_staedte_nichts_folgt_durch_subtraktion(settings):
    """200 random cities with many small counts and missing values: nothing withheld follows, and
    where a parent is published its unpublished children hold at least the minimum together."""
    settings.DWK_MIN_FALLZAHL = 3
    zufall = random.Random(9)  # noqa: S311 -- reproducible test data
    for _ in range(200):
        werte, gruppen = {}, []
        stadtbezirke = []
        for s in range(zufall.randint(1, 4)):
            bezirke = []
            for b in range(zufall.randint(1, 3)):
                bezirk = ("bezirk", s * 10 + b)
                kinder = [("unterbezirk", s * 100 + b * 10 + u) for u in range(zufall.randint(1, 4))]
                for kind in kinder:
                    if zufall.random() < 0.9:
                        werte[kind] = zufall.choice([0, 1, 2, 3, 4, 5, 8, 20, 100])
                if all(k in werte for k in kinder):
                    werte[bezirk] = sum(werte[k] for k in kinder)
                gruppen.append((bezirk, kinder))
                bezirke.append(bezirk)
            stadtbezirk = ("stadtbezirk", s)
            if all(b in werte for b in bezirke):
                werte[stadtbezirk] = sum(werte[b] for b in bezirke)
            gruppen.append((stadtbezirk, bezirke))
            stadtbezirke.append(stadtbezirk)
        if all(s in werte for s in stadtbezirke):
            werte[("stadt", 1)] = sum(werte[s] for s in stadtbezirke)
        gruppen.append((("stadt", 1), stadtbezirke))

        geheim = unterdruecken(werte, gruppen)

        assert {g for g, w in werte.items() if w < 3} <= geheim
        assert _angriff(werte, gruppen, geheim) == set()
        for eltern, kinder in gruppen:
            offen = [k for k in kinder if k in geheim or k not in werte]
            if eltern in werte and eltern not in geheim and offen and all(k in werte for k in kinder):
                assert sum(werte[k] for k in offen) >= 3


# --- Every differencing path through the pages and downloads ------------------------------------


JAHRE = range(2019, 2025)


@pytest.fixture
def stadt(db, settings):
    """A city of 2 Stadtbezirke: 01 with Bezirke 110 (Unterbezirke 111–113) and 120 (only 121),
    02 with Bezirk 210 (Unterbezirke 211, 212). Recipients of Grundsicherung 65+ per year, with small
    counts spread over every level; the quarter covers 111, half of 112 and a third of 121."""
    settings.DWK_MIN_FALLZAHL = 3
    sb1 = StadtbezirkFactory(code="01", name="Nord")
    sb2 = StadtbezirkFactory(code="02", name="Süd", kommune=sb1.kommune)
    b110 = StatistischerBezirkFactory(stadtbezirk=sb1, code="110")
    b120 = StatistischerBezirkFactory(stadtbezirk=sb1, code="120")
    b210 = StatistischerBezirkFactory(stadtbezirk=sb2, code="210")
    ub = {
        code: UnterbezirkFactory(bezirk=bezirk, code=code, name=f"UB {code}")
        for code, bezirk in [("111", b110), ("112", b110), ("113", b110), ("121", b120), ("211", b210), ("212", b210)]
    }
    grusi = Indikator.objects.get(schluessel="grusi_65plus")
    ew65 = Indikator.objects.get(schluessel="ew_65plus")
    zahlen = {
        # year: Unterbezirke 111, 112, 113, 121, 211, 212
        2019: (2, 40, 61, 1, 30, 30),
        2020: (3, 41, 60, 2, 1, 33),
        2021: (1, 2, 70, 30, 2, 40),
        2022: (0, 44, 45, 0, 36, 1),
        2023: (2, 46, 50, 12, 2, 2),
        2024: (5, 48, 64, 2, 38, 44),
    }
    for jahr, reihe in zahlen.items():
        for code, wert in zip(ub, reihe, strict=True):
            KennzahlFactory(indikator=grusi, unterbezirk=ub[code], jahr=jahr, wert=wert)
            KennzahlFactory(indikator=ew65, unterbezirk=ub[code], jahr=jahr, wert=300 + wert * 7)
    quartier = QuartierFactory(name="Marten", slug="marten", stadtbezirk=sb1)
    for code, anteil in (("111", 1.0), ("112", 0.5), ("121", 1 / 3)):
        QuartierUnterbezirk.objects.create(quartier=quartier, unterbezirk=ub[code], anteil=anteil)
    return quartier


def _zahl(text):
    return float(text.replace(".", "").replace(",", "."))


def _veroeffentlicht(client, quartier):
    """Everything a user can read about grusi_65plus: ``{(kind, key, year): number or GEHEIM}``."""
    zellen = {}
    for ebene in ("unterbezirk", "bezirk", "stadtbezirk"):
        for jahr in JAHRE:
            antwort = client.get(
                reverse("quartiere:indikator_karte", args=["grusi_65plus"]) + f"?ebene={ebene}&jahr={jahr}&format=csv"
            )
            for zeile in antwort.content.decode("utf-8-sig").splitlines()[1:]:
                code, _name, wert, _klasse = zeile.split(";")
                zellen[(ebene, code, jahr)] = wert if wert == GEHEIM else _zahl(wert)
    antwort = client.get(reverse("quartiere:quartier_analyse", args=[quartier.slug]) + "?format=csv")
    for zeile in antwort.content.decode("utf-8-sig").splitlines()[1:]:
        _name, schluessel, _einheit, jahr, im_quartier, im_stadtbezirk, in_der_stadt = zeile.split(";")
        if schluessel == "grusi_65plus":
            for art, wert in (("quartier", im_quartier), ("stadtbezirk", im_stadtbezirk), ("stadt", in_der_stadt)):
                schluessel_ = {"quartier": "marten", "stadtbezirk": "01", "stadt": "stadt"}[art]
                zellen[(art, schluessel_, int(jahr))] = wert if wert == GEHEIM else _zahl(wert)
    seite = client.get(reverse("quartiere:quartier_analyse", args=[quartier.slug])).content.decode()
    zeile = re.search(r"Empfänger von Grundsicherung im Alter</a>.*?</tr>", seite, re.S).group(0)
    letzte_zelle = re.findall(r'<td class="text-end">(.*?)</td>', zeile, re.S)[-1]
    veraenderung = re.match(r"([+-]?[\d.,]+)", letzte_zelle)
    jahre = re.search(r"(\d{4})–(\d{4})", letzte_zelle)
    if veraenderung and jahre:
        zellen[("veraenderung", "marten", (int(jahre[1]), int(jahre[2])))] = _zahl(veraenderung[1])
    return zellen


def _gleichungen(zellen):
    """Every equation between the published numbers, with the unknown cells as variables."""
    struktur = [(b.code, [u.code for u in b.unterbezirke.all()]) for b in StatistischerBezirk.objects.all()]
    struktur_sb = [(s.code, [b.code for b in s.bezirke.all()]) for s in Stadtbezirk.objects.all()]
    anteile = {a.unterbezirk.code: a.anteil for a in QuartierUnterbezirk.objects.select_related("unterbezirk")}
    gleichungen, unbekannte = [], set()

    def term(gleichung, schluessel, faktor):
        if zellen.get(schluessel) == GEHEIM or schluessel not in zellen:
            gleichung[schluessel] = gleichung.get(schluessel, 0) + faktor
            unbekannte.add(schluessel)

    for jahr in JAHRE:
        for bezirk, kinder in struktur:
            gleichung = {}
            term(gleichung, ("bezirk", bezirk, jahr), 1)
            for kind in kinder:
                term(gleichung, ("unterbezirk", kind, jahr), -1)
            gleichungen.append(gleichung)
        for stadtbezirk, kinder in struktur_sb:
            gleichung = {}
            term(gleichung, ("stadtbezirk", stadtbezirk, jahr), 1)
            for kind in kinder:
                term(gleichung, ("bezirk", kind, jahr), -1)
            gleichungen.append(gleichung)
        gleichung = {}
        term(gleichung, ("stadt", "stadt", jahr), 1)
        for stadtbezirk, _kinder in struktur_sb:
            term(gleichung, ("stadtbezirk", stadtbezirk, jahr), -1)
        gleichungen.append(gleichung)
        gleichung = {}
        term(gleichung, ("quartier", "marten", jahr), 1)
        for code, anteil in anteile.items():
            term(gleichung, ("unterbezirk", code, jahr), -anteil)
        gleichungen.append(gleichung)
    for (art, _schluessel, jahre), _wert in list(zellen.items()):
        if art == "veraenderung":
            gleichung = {}
            term(gleichung, ("quartier", "marten", jahre[1]), 1)
            term(gleichung, ("quartier", "marten", jahre[0]), -1)
            gleichungen.append(gleichung)
    return [g for g in gleichungen if g], sorted(unbekannte, key=str)


def test_kein_differenzpfad_verraet_eine_verborgene_zahl(client, stadt):
    client.force_login(UserFactory(username="lg", rolle=LENKUNGSGRUPPE))

    zellen = _veroeffentlicht(client, stadt)
    gleichungen, unbekannte = _gleichungen(zellen)
    verborgen = {s for s, w in zellen.items() if w == GEHEIM}

    assert _folgt(gleichungen, unbekannte) & verborgen == set()
    # The data set is not trivial: small counts at every level, and their protecting cells.
    assert {art for art, _code, _jahr in verborgen} >= {"unterbezirk", "bezirk", "quartier"}
    assert ("unterbezirk", "111", 2019) in verborgen
    assert ("bezirk", "120", 2020) in verborgen  # equals its only Unterbezirk 121 = 2


def test_ohne_geheimhaltung_folgte_die_kleine_zahl(client_projektteam, stadt):
    """The attack works on the cells that primary suppression alone would withhold (the state
    before the fix): Unterbezirk 111 = Bezirk 110 − 112 − 113."""
    zellen = _veroeffentlicht(client_projektteam, stadt)
    nur_primaer = {s: (GEHEIM if w < 3 else w) for s, w in zellen.items() if not isinstance(w, str)}
    gleichungen, unbekannte = _gleichungen(nur_primaer)

    assert ("unterbezirk", "111", 2019) in _folgt(gleichungen, unbekannte)
