"""Demo values of the indicator catalogue for 2012–2016, per Unterbezirk: invented, plausible, deterministic.

The figures tell the seed's city: in 2016 the Unterbezirke add up to the 600,390 residents the
progress report names ("600.390 Einwohner in 09 2016"), spread over the 12 Stadtbezirke with
sizes close to Dortmund's own (36,000 to 59,000 each). Within a Stadtbezirk every Unterbezirk
draws a weight from its own seeded random generator (seed + code), so the same code gives the
same values on every run and every machine; about one in twenty is small (a port, an
industrial area), so that the confidentiality rule (``DWK_MIN_FALLZAHL``) shows, and a few
statistische Bezirke are small (``KLEINE_BEZIRKE``), so that the reference quarters have a few
thousand residents each (Menglinghausen about 4,600, the others 7,000 to 9,000).

The demo lives in autumn 2017 (``DWK_HEUTE``): the statistics office has published the
figures up to the end of 2016 and none of a later year, so the demo has none either. A run
removes demo values of later years that an earlier version of the demo wrote (2017–2024).

Only counts of Unterbezirke are stored. Higher levels and quarters are aggregated from them,
shares are recomputed from the counts (see ``quartiere.queries.analyse``), so all levels agree.
"""

import random
from dataclasses import dataclass

from django.db import transaction

from quartiere.models import Ebene, Indikator, Kennzahl, Unterbezirk

ZUFALLSSAAT = 2017
JAHRE = range(2012, 2017)
BEZUGSJAHR = 2016  # the seed's year: its totals are exact, other years follow each area's trend
STADT_EINWOHNER = 600_390  # the seed: "600.390 Einwohner in 09 2016"
# Residents per Stadtbezirk in 2016: close to Dortmund's, invented in detail; they add up to the seed's total.
STADTBEZIRK_EINWOHNER = {
    "01": 52_900,  # Innenstadt-West
    "02": 58_890,  # Innenstadt-Nord
    "03": 56_400,  # Innenstadt-Ost
    "04": 38_600,  # Eving
    "05": 45_700,  # Scharnhorst
    "06": 55_800,  # Brackel
    "07": 55_900,  # Aplerbeck
    "08": 55_100,  # Hörde
    "09": 57_200,  # Hombruch
    "10": 48_300,  # Lütgendortmund
    "11": 36_700,  # Huckarde
    "12": 38_900,  # Mengede
}
EINWOHNER_JE_UNTERBEZIRK = STADT_EINWOHNER / 170  # for Unterbezirke outside the demo's Stadtbezirke
# Statistische Bezirke with fewer residents per Unterbezirk: villages at the edge of the city (Holthausen,
# Syburg, Menglinghausen, Schwieringhausen) and the loosely built former colliery settlement of Derne.
KLEINE_BEZIRKE = {"130": 0.5, "210": 0.7, "550": 0.3, "690": 0.45, "950": 0.35}
SCHLUESSEL = [
    "ew_gesamt",
    "ew_0_17",
    "ew_18_64",
    "ew_65_79",
    "ew_80plus",
    "ew_65plus",
    "hh_allein_65plus",
    "grusi_65plus",
    "pflegebeduerftige",
    "ew_65plus_migration",
]


def _gewicht(code, bezirk_code, *, seed):
    """The relative size of an Unterbezirk within its Stadtbezirk (about 1; small ones about 0.08)."""
    rng = random.Random(f"{seed}-{code}-groesse")  # noqa: S311 - reproducible demo values, not security
    gewicht = rng.uniform(0.04, 0.12) if rng.random() < 0.05 else rng.uniform(0.6, 1.4)
    return gewicht * KLEINE_BEZIRKE.get(bezirk_code, 1)


def einwohner_verteilen(unterbezirke, *, seed=ZUFALLSSAAT):
    """``{code: residents in 2016}`` for ``[(code, bezirk code, Stadtbezirk code)]``; pure, no database.

    Each Stadtbezirk of the demo gets its residents of ``STADTBEZIRK_EINWOHNER`` exactly, shared
    among its Unterbezirke by weight (largest remainder); an Unterbezirk of another Stadtbezirk
    gets ``EINWOHNER_JE_UNTERBEZIRK`` times its weight.
    """
    ergebnis, gruppen = {}, {}
    for code, bezirk_code, stadtbezirk_code in unterbezirke:
        gewicht = _gewicht(code, bezirk_code, seed=seed)
        if stadtbezirk_code in STADTBEZIRK_EINWOHNER:
            gruppen.setdefault(stadtbezirk_code, []).append((code, gewicht))
        else:
            ergebnis[code] = round(EINWOHNER_JE_UNTERBEZIRK * gewicht)
    for stadtbezirk_code, teile in gruppen.items():
        summe = STADTBEZIRK_EINWOHNER[stadtbezirk_code]
        gesamtgewicht = sum(g for _c, g in teile)
        genau = {code: summe * g / gesamtgewicht for code, g in teile}
        anteile = {code: int(wert) for code, wert in genau.items()}
        rest = summe - sum(anteile.values())
        for code in sorted(genau, key=lambda c: (anteile[c] - genau[c], c))[:rest]:
            anteile[code] += 1
        ergebnis.update(anteile)
    return ergebnis


def unterbezirk_werte(code, bezirk_code, einwohner, *, seed=ZUFALLSSAAT):
    """``{(key, year): count}`` for one Unterbezirk with ``einwohner`` residents in 2016; pure, no database."""
    rng = random.Random(f"{seed}-{code}")  # noqa: S311 - reproducible demo values, not security
    innenstadt = bezirk_code.startswith("0")  # the city-centre districts: poorer, younger, more migration
    wachstum = rng.uniform(-0.004, 0.014)  # Dortmund grew, most in 2015
    anteil_65 = rng.uniform(0.12, 0.19) if innenstadt else rng.uniform(0.17, 0.28)
    zunahme_65 = rng.uniform(0.0004, 0.0030)
    anteil_80_an_65 = rng.uniform(0.25, 0.35)
    zunahme_80 = rng.uniform(0.003, 0.008)
    anteil_kinder = rng.uniform(0.15, 0.21) if innenstadt else rng.uniform(0.12, 0.18)
    allein = rng.uniform(0.30, 0.43)
    grusi = rng.uniform(45, 110) if innenstadt else rng.uniform(12, 60)
    pflege_faktor = rng.uniform(0.9, 1.1)
    migration = rng.uniform(0.18, 0.35) if innenstadt else rng.uniform(0.04, 0.16)

    werte = {}
    for jahr in JAHRE:
        n = jahr - BEZUGSJAHR
        schwankung = rng.uniform(-0.004, 0.004) if n else 0.0
        gesamt = round(einwohner * (1 + wachstum) ** n * (1 + schwankung))
        ew_65 = round(gesamt * min(anteil_65 + zunahme_65 * n, 0.45))
        ew_80 = round(ew_65 * min(anteil_80_an_65 + zunahme_80 * n, 0.6))
        ew_65_79 = ew_65 - ew_80
        kinder = round(gesamt * (anteil_kinder - 0.0008 * n))
        werte.update(
            {
                ("ew_gesamt", jahr): gesamt,
                ("ew_0_17", jahr): kinder,
                ("ew_18_64", jahr): gesamt - kinder - ew_65,
                ("ew_65_79", jahr): ew_65_79,
                ("ew_80plus", jahr): ew_80,
                ("ew_65plus", jahr): ew_65,
                ("hh_allein_65plus", jahr): round(ew_65 * (allein + 0.002 * n)),
                ("grusi_65plus", jahr): round(ew_65 * (grusi + 1.2 * n) / 1000),
                ("pflegebeduerftige", jahr): round((0.05 * ew_65_79 + (0.30 + 0.006 * n) * ew_80) * pflege_faktor),
                ("ew_65plus_migration", jahr): round(ew_65 * (migration + 0.004 * n)),
            }
        )
    return werte


@dataclass
class DemoKennzahlenErgebnis:
    anzahl: int
    neu: int
    geaendert: int
    entfernt: int
    unterbezirke: int
    einwohner: int  # all Unterbezirke in BEZUGSJAHR
    jahre: range = JAHRE


@transaction.atomic
def kennzahlen_demo_anlegen(*, seed=ZUFALLSSAAT):
    """Create the demo values of every Unterbezirk, or bring them back to their defined state.

    Side effects, in one transaction: creates the missing Unterbezirk values of the ten demo count
    indicators for 2012–2016; replaces (deletes and creates) those that differ; deletes their
    Unterbezirk values of years after 2016 (the demo's future); leaves equal ones, earlier years,
    other indicators and values of other levels alone. A second run writes nothing.
    Needs the indicator catalogue of migration 0005.
    """
    indikatoren = dict(Indikator.objects.filter(schluessel__in=SCHLUESSEL).values_list("schluessel", "pk"))
    unterbezirke = list(Unterbezirk.objects.values_list("pk", "code", "bezirk__code", "bezirk__stadtbezirk__code"))
    einwohner = einwohner_verteilen([(code, b, sb) for _pk, code, b, sb in unterbezirke], seed=seed)
    demo_werte = Kennzahl.objects.filter(ebene=Ebene.UNTERBEZIRK, indikator_id__in=indikatoren.values())
    zukunft = list(demo_werte.filter(jahr__gt=JAHRE[-1]).values_list("pk", flat=True))
    vorhanden = {
        (u, i, j): (pk, w)
        for pk, u, i, j, w in demo_werte.filter(jahr__in=JAHRE).values_list(
            "pk", "unterbezirk_id", "indikator_id", "jahr", "wert"
        )
    }
    neue, ersetzen = [], []
    for pk, code, bezirk_code, _stadtbezirk in unterbezirke:
        for (schluessel, jahr), wert in unterbezirk_werte(code, bezirk_code, einwohner[code], seed=seed).items():
            if schluessel not in indikatoren:
                continue
            alt = vorhanden.get((pk, indikator_pk := indikatoren[schluessel], jahr))
            if alt is not None:
                if alt[1] == wert:
                    continue
                ersetzen.append(alt[0])
            neue.append(
                Kennzahl(indikator_id=indikator_pk, jahr=jahr, ebene=Ebene.UNTERBEZIRK, unterbezirk_id=pk, wert=wert)
            )
    loeschen = ersetzen + zukunft
    for start in range(0, len(loeschen), 5000):
        Kennzahl.objects.filter(pk__in=loeschen[start : start + 5000]).delete()
    Kennzahl.objects.bulk_create(neue, batch_size=5000)
    return DemoKennzahlenErgebnis(
        anzahl=len(unterbezirke) * len(JAHRE) * len(indikatoren),
        neu=len(neue) - len(ersetzen),
        geaendert=len(ersetzen),
        entfernt=len(zukunft),
        unterbezirke=len(unterbezirke),
        einwohner=sum(einwohner.values()),
    )
