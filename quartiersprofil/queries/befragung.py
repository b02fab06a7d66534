"""Reads of the survey of the senior offices: the statistics of a quarter's answers."""

import statistics
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, QuerySet

from quartiere.models import Handlungsfeld, Infrastruktur, Quartier

from ..models import Antwort, Befragung, Frage


def _streuung(werte: list[int]) -> float | None:
    return round(statistics.pstdev(werte), 2) if len(werte) > 1 else None


def befragung_auswertung(*, befragung: Befragung, quartier: Quartier) -> list[dict]:
    """The answers of ``quartier`` to ``befragung``, per field of action (every field, in order)
    and per question: number of answers and ratings, mean, spread, lowest and highest rating, the
    texts with the senior office they came from. Three queries."""
    antworten = defaultdict(list)
    for antwort in Antwort.objects.filter(frage__befragung=befragung, quartier=quartier).select_related(
        "seniorenbuero"
    ):
        antworten[antwort.frage_id].append(antwort)
    nach_feld = defaultdict(list)
    for frage in Frage.objects.filter(befragung=befragung).select_related("handlungsfeld"):
        liste = antworten.get(frage.pk, [])
        werte = [a.bewertung for a in liste if a.bewertung is not None]
        nach_feld[frage.handlungsfeld].append(
            {
                "frage": frage,
                "anzahl": len(liste),
                "anzahl_bewertungen": len(werte),
                "mittel": round(statistics.mean(werte), 1) if werte else None,
                "streuung": _streuung(werte),
                "min": min(werte) if werte else None,
                "max": max(werte) if werte else None,
                "texte": [(a.seniorenbuero.name, a.text) for a in liste if a.text],
            }
        )
    felder = []
    for feld in Handlungsfeld.objects.all():
        fragen = nach_feld.get(feld, [])
        werte = [a.bewertung for f in fragen for a in antworten.get(f["frage"].pk, []) if a.bewertung]
        felder.append(
            {
                "handlungsfeld": feld,
                "fragen": fragen,
                "anzahl": sum(f["anzahl"] for f in fragen),
                "mittel": round(statistics.mean(werte), 1) if werte else None,
                "streuung": _streuung(werte),
            }
        )
    return felder


def vorhandene_antworten(
    *, fragen: Iterable[Frage], quartier: Quartier, seniorenbuero: Infrastruktur
) -> dict[int, Antwort]:
    """The answers already entered from one senior office for one quarter to ``fragen``, by question id."""
    return {
        a.frage_id: a
        for a in Antwort.objects.filter(frage__in=list(fragen), quartier=quartier, seniorenbuero=seniorenbuero)
    }


def befragungen_mit_zahlen() -> QuerySet[Befragung]:
    """Every survey round with ``anzahl_fragen`` and ``anzahl_antworten``. One query."""
    return Befragung.objects.annotate(
        anzahl_fragen=Count("fragen", distinct=True), anzahl_antworten=Count("fragen__antworten", distinct=True)
    )


def fragen_von(*, befragung: Befragung, handlungsfeld: Handlungsfeld | None = None) -> QuerySet[Frage]:
    """The questions of ``befragung`` (optionally of one field of action) with their field of action."""
    fragen = Frage.objects.filter(befragung=befragung).select_related("handlungsfeld")
    return fragen.filter(handlungsfeld=handlungsfeld) if handlungsfeld else fragen
