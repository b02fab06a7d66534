"""Demo values of the indicator catalogue for 2014–2024, per Unterbezirk: invented, plausible, deterministic.

Only counts of Unterbezirke are stored. Higher levels and quarters are aggregated from them,
shares are recomputed from the counts (see ``quartiere.analyse``), so all levels agree. Each
Unterbezirk draws its parameters from its own seeded random generator (seed + code): the same
code gives the same values on every run and every machine. About one in twenty Unterbezirke is
small (a port, an industrial area), so that the confidentiality rule (``DWK_MIN_FALLZAHL``) shows.
"""

import random
from dataclasses import dataclass

from django.db import transaction

from quartiere.models import Ebene, Indikator, Kennzahl, Unterbezirk

ZUFALLSSAAT = 2017
JAHRE = range(2014, 2025)
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


def unterbezirk_werte(code, bezirk_code, *, seed=ZUFALLSSAAT):
    """``{(key, year): count}`` for one Unterbezirk; pure, no database."""
    rng = random.Random(f"{seed}-{code}")  # noqa: S311 - reproducible demo values, not security
    innenstadt = bezirk_code.startswith("0")  # the city-centre districts: poorer, younger, more migration
    einwohner = rng.uniform(120, 450) if rng.random() < 0.05 else rng.uniform(1800, 7500)
    wachstum = rng.uniform(-0.006, 0.009)
    anteil_65 = rng.uniform(0.13, 0.21) if innenstadt else rng.uniform(0.17, 0.30)
    zunahme_65 = rng.uniform(0.0004, 0.0030)
    anteil_80_an_65 = rng.uniform(0.27, 0.37)
    zunahme_80 = rng.uniform(0.003, 0.008)
    anteil_kinder = rng.uniform(0.15, 0.21) if innenstadt else rng.uniform(0.12, 0.18)
    allein = rng.uniform(0.30, 0.43)
    grusi = rng.uniform(45, 110) if innenstadt else rng.uniform(12, 60)
    pflege_faktor = rng.uniform(0.9, 1.1)
    migration = rng.uniform(0.18, 0.35) if innenstadt else rng.uniform(0.04, 0.16)

    werte = {}
    for n, jahr in enumerate(JAHRE):
        schwankung = rng.uniform(-0.004, 0.004)
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
    unterbezirke: int
    jahre: range = JAHRE


@transaction.atomic
def kennzahlen_demo_anlegen(*, seed=ZUFALLSSAAT):
    """Create the demo values of every Unterbezirk, or bring them back to their defined state.

    Side effects, in one transaction: creates the missing Unterbezirk values of the ten demo count
    indicators for 2014–2024; replaces (deletes and creates) those that differ; leaves equal ones,
    other years, other indicators and values of other levels alone. A second run writes nothing.
    Needs the indicator catalogue of migration 0005.
    """
    indikatoren = dict(Indikator.objects.filter(schluessel__in=SCHLUESSEL).values_list("schluessel", "pk"))
    unterbezirke = list(Unterbezirk.objects.values_list("pk", "code", "bezirk__code"))
    vorhanden = {
        (u, i, j): (pk, w)
        for pk, u, i, j, w in Kennzahl.objects.filter(
            ebene=Ebene.UNTERBEZIRK, indikator_id__in=indikatoren.values(), jahr__in=JAHRE
        ).values_list("pk", "unterbezirk_id", "indikator_id", "jahr", "wert")
    }
    neue, ersetzen = [], []
    for pk, code, bezirk_code in unterbezirke:
        for (schluessel, jahr), wert in unterbezirk_werte(code, bezirk_code, seed=seed).items():
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
    for start in range(0, len(ersetzen), 5000):
        Kennzahl.objects.filter(pk__in=ersetzen[start : start + 5000]).delete()
    Kennzahl.objects.bulk_create(neue, batch_size=5000)
    return DemoKennzahlenErgebnis(
        anzahl=len(unterbezirke) * len(JAHRE) * len(indikatoren),
        neu=len(neue) - len(ersetzen),
        geaendert=len(ersetzen),
        unterbezirke=len(unterbezirke),
    )
