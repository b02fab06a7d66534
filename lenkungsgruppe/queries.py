"""Reads of the steering group beyond a one-line queryset method (the querysets live beside their models)."""

from collections import defaultdict
from statistics import mean, median


def bewertungs_verteilung(bewertungen, handlungsfelder):
    """Per Handlungsfeld: how many ratings gave 1 … 5, their count, mean, median and range.

    ``bewertungen`` are ``FachplanungBewertung`` rows of one plan; returns a list of dicts in
    the order of ``handlungsfelder`` (fields without ratings included, with ``anzahl`` 0).
    """
    je_feld = defaultdict(list)
    for bewertung in bewertungen:
        je_feld[bewertung.handlungsfeld_id].append(bewertung.relevanz)
    ergebnis = []
    for feld in handlungsfelder:
        werte = je_feld.get(feld.pk, [])
        haeufigkeit = [werte.count(stufe) for stufe in range(1, 6)]
        ergebnis.append(
            {
                "handlungsfeld": feld,
                "anzahl": len(werte),
                "haeufigkeit": haeufigkeit,
                "stufen": list(zip(range(1, 6), haeufigkeit, strict=True)),
                "mittel": mean(werte) if werte else None,
                "median": median(werte) if werte else None,
                "minimum": min(werte) if werte else None,
                "maximum": max(werte) if werte else None,
            }
        )
    return ergebnis


EINWOHNER_SCHLUESSEL = "ew_gesamt"


def einwohner_je_quartier(quartiere, *, bis_jahr=None):
    """Residents per quarter from the indicator ``ew_gesamt`` (issue 4's values), or nothing.

    The latest year with values on the Unterbezirk level is used — with ``bis_jahr`` the latest
    year up to then (the figures known when a decision was taken), if there is one; each Unterbezirk counts
    with the share of its area inside the quarter. Returns ``{quartier_pk: (jahr, einwohner)}``
    for the quarters that have values; two queries whatever the number of quarters.
    """
    from quartiere.models import Kennzahl, QuartierUnterbezirk

    ids = [q.pk for q in quartiere]
    abdeckungen = list(
        QuartierUnterbezirk.objects.filter(quartier_id__in=ids).values_list("quartier_id", "unterbezirk_id", "anteil")
    )
    if not abdeckungen:
        return {}
    werte = Kennzahl.objects.filter(
        indikator__schluessel=EINWOHNER_SCHLUESSEL,
        ebene="unterbezirk",
        unterbezirk_id__in={ub for _q, ub, _a in abdeckungen},
    ).values_list("unterbezirk_id", "jahr", "wert")
    if bis_jahr is not None:
        werte = list(werte)
        if any(jahr <= bis_jahr for _ub, jahr, _w in werte):
            werte = [w for w in werte if w[1] <= bis_jahr]
    je_unterbezirk = {}
    for unterbezirk_id, jahr, wert in werte:
        if unterbezirk_id not in je_unterbezirk or je_unterbezirk[unterbezirk_id][0] < jahr:
            je_unterbezirk[unterbezirk_id] = (jahr, wert)
    if not je_unterbezirk:
        return {}
    jahr = max(j for j, _w in je_unterbezirk.values())
    ergebnis = {}
    for quartier_id, unterbezirk_id, anteil in abdeckungen:
        eintrag = je_unterbezirk.get(unterbezirk_id)
        if eintrag and eintrag[0] == jahr:
            bisher = ergebnis.get(quartier_id, (jahr, 0.0))[1]
            ergebnis[quartier_id] = (jahr, bisher + eintrag[1] * anteil)
    return {pk: (j, round(w)) for pk, (j, w) in ergebnis.items()}
