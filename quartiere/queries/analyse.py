"""Reads of the small-area analysis: indicator values per area, quarter and year.

Rules (see docs/glossar.md and the analysis pages, which say the same to the reader):

- Counts (``IndikatorArt.ANZAHL``) add up. The value of a statistischer Bezirk, Stadtbezirk or
  the city is the sum of its Unterbezirke, when every one of them has a value for that year;
  otherwise a value stored for the area itself (imported at that level) is used, if any.
- A quarter gets ``wert × anteil`` of each Unterbezirk it covers (``QuartierUnterbezirk.anteil``,
  the share of the Unterbezirk's area inside the quarter): an estimate that assumes the residents
  are spread evenly over the Unterbezirk. Missing values of one covered Unterbezirk leave the
  quarter without a value for that year.
- Shares and rates (``IndikatorArt.ANTEIL``) are always recomputed from the aggregated numerator
  and denominator, never averaged. Only when the counts are missing is a share stored for the
  area itself shown.
- Statistical confidentiality: small counts, the cells withheld to protect them, and whatever is
  derived from either are marked ``Wert.geheim`` (see ``geheimhaltung``), for the whole city at once.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from django.db.models import QuerySet

from ..models import (
    Ebene,
    Indikator,
    IndikatorArt,
    Kennzahl,
    Quartier,
    QuartierUnterbezirk,
    Stadtbezirk,
    StatistischerBezirk,
    Unterbezirk,
)
from .datenstand import zwischengespeichert
from .geheimhaltung import KEIN_WERT, Gebiet, Gruppe, Wert, ist_verborgen, quartier_geheim, unterdruecken, wert_text

__all__ = ["KEIN_WERT", "Wert"]

# Kennzahl field that holds the area of each level.
GEBIET_FELD = {
    Ebene.UNTERBEZIRK: "unterbezirk_id",
    Ebene.BEZIRK: "bezirk_id",
    Ebene.STADTBEZIRK: "stadtbezirk_id",
    Ebene.STADT: "kommune_id",
}
JAHRE_VERAENDERUNG = 5


# --- The city structure and the values of all its areas ------------------------------------------------


@dataclass
class Gliederung:
    """The city structure: the Unterbezirke that make up each area above them, and the groups
    (parent and its children one level down) that secondary suppression protects."""

    unterbezirke: dict[Gebiet, list[int]]
    gruppen: list[Gruppe]


def gliederung_laden() -> Gliederung:
    """The whole city structure, from the Unterbezirke up to the city. 3 queries."""
    bezirk_von = dict(Unterbezirk.objects.order_by("code").values_list("pk", "bezirk_id"))
    stadtbezirk_von = dict(StatistischerBezirk.objects.order_by("code").values_list("pk", "stadtbezirk_id"))
    kommune_von = dict(Stadtbezirk.objects.order_by("code").values_list("pk", "kommune_id"))
    kinder: dict[Gebiet, list[Gebiet]] = {}
    unterbezirke: dict[Gebiet, list[int]] = {}
    for unterbezirk, bezirk in bezirk_von.items():
        kinder.setdefault((Ebene.BEZIRK, bezirk), []).append((Ebene.UNTERBEZIRK, unterbezirk))
        stadtbezirk = stadtbezirk_von[bezirk]
        for gebiet in (
            (Ebene.BEZIRK, bezirk),
            (Ebene.STADTBEZIRK, stadtbezirk),
            (Ebene.STADT, kommune_von[stadtbezirk]),
        ):
            unterbezirke.setdefault(gebiet, []).append(unterbezirk)
    for bezirk, stadtbezirk in stadtbezirk_von.items():
        kinder.setdefault((Ebene.STADTBEZIRK, stadtbezirk), []).append((Ebene.BEZIRK, bezirk))
    for stadtbezirk, kommune in kommune_von.items():
        kinder.setdefault((Ebene.STADT, kommune), []).append((Ebene.STADTBEZIRK, stadtbezirk))
    return Gliederung(unterbezirke=unterbezirke, gruppen=list(kinder.items()))


@dataclass
class Kennzahltabelle:
    """Values of some indicators for every area of the city, per year, with what is withheld.

    ``werte[(indikator_pk, jahr)][(ebene, gebiet_pk)]`` is a value; ``geheim[(indikator_pk, jahr)]``
    the areas whose count is withheld (see ``geheimhaltung.unterdruecken``)."""

    werte: dict[tuple[int, int], dict[Gebiet, float]]
    geheim: dict[tuple[int, int], set[Gebiet]]

    @property
    def jahre(self) -> list[int]:
        return sorted({jahr for (_i, jahr) in self.werte})

    def _roh(self, indikator_id: int, jahr: int, gebiet: Gebiet) -> tuple[float | None, bool]:
        schluessel = (indikator_id, jahr)
        return self.werte.get(schluessel, {}).get(gebiet), gebiet in self.geheim.get(schluessel, ())

    def wert(self, indikator: Indikator, *, jahr: int, gebiet: Gebiet) -> Wert:
        """The ``Wert`` of ``indikator`` for ``gebiet`` (``(ebene, pk)``): shares from numerator and denominator."""
        if indikator.art == IndikatorArt.ANZAHL:
            wert, geheim = self._roh(indikator.pk, jahr, gebiet)
            return Wert(wert, wert, geheim)
        zaehler, zaehler_geheim = self._roh(indikator.zaehler_id, jahr, gebiet)
        nenner, nenner_geheim = self._roh(indikator.nenner_id, jahr, gebiet)
        if zaehler is not None and nenner:
            return Wert(zaehler / nenner * indikator.faktor, zaehler, zaehler_geheim or nenner_geheim)
        return Wert(self._roh(indikator.pk, jahr, gebiet)[0], None)

    def _quartier_anzahl(self, indikator_id: int, jahr: int, anteile: dict[int, float]) -> tuple[float | None, bool]:
        werte = self.werte.get((indikator_id, jahr), {})
        if not anteile or any((Ebene.UNTERBEZIRK, pk) not in werte for pk in anteile):
            return None, False
        summe = sum(werte[(Ebene.UNTERBEZIRK, pk)] * anteil for pk, anteil in anteile.items())
        return summe, quartier_geheim(self.geheim.get((indikator_id, jahr), set()), anteile)

    def quartier_wert(self, indikator: Indikator, *, jahr: int, anteile: dict[int, float]) -> Wert:
        """The ``Wert`` of ``indikator`` for a quarter made of ``anteile`` (Unterbezirk pk → area share)."""
        if indikator.art == IndikatorArt.ANZAHL:
            wert, geheim = self._quartier_anzahl(indikator.pk, jahr, anteile)
            return Wert(wert, wert, geheim)
        zaehler, zaehler_geheim = self._quartier_anzahl(indikator.zaehler_id, jahr, anteile)
        nenner, nenner_geheim = self._quartier_anzahl(indikator.nenner_id, jahr, anteile)
        if zaehler is not None and nenner:
            return Wert(zaehler / nenner * indikator.faktor, zaehler, zaehler_geheim or nenner_geheim)
        return KEIN_WERT


def _anzahl_ids(indikatoren: Iterable[Indikator]) -> set[int]:
    ids = set()
    for indikator in indikatoren:
        if indikator.art == IndikatorArt.ANTEIL:
            ids |= {indikator.zaehler_id, indikator.nenner_id}
        else:
            ids.add(indikator.pk)
    return ids


def kennzahl_tabelle(*, indikatoren: Iterable[Indikator], jahr: int | None = None) -> Kennzahltabelle:
    """The values of ``indikatoren`` (and of the counts their shares are made of) for every area of
    the city, in ``jahr`` or in every year, with primary and secondary suppression applied per
    indicator and year. 4 queries, whatever the number of areas, years and indicators."""
    indikatoren = list(indikatoren)
    anzahl_ids = _anzahl_ids(indikatoren)
    gliederung = gliederung_laden()
    zeilen = Kennzahl.objects.filter(indikator_id__in=anzahl_ids | {i.pk for i in indikatoren})
    if jahr is not None:
        zeilen = zeilen.filter(jahr=jahr)
    gespeichert: dict[tuple[int, int], dict[Gebiet, float]] = {}
    for ebene, *gebiete, indikator_id, jahr_, wert in zeilen.values_list(
        "ebene", "unterbezirk_id", "bezirk_id", "stadtbezirk_id", "kommune_id", "indikator_id", "jahr", "wert"
    ).order_by():
        gebiet = next(pk for pk in gebiete if pk is not None)
        gespeichert.setdefault((indikator_id, jahr_), {})[(ebene, gebiet)] = wert
    werte, geheim = {}, {}
    for schluessel, tabelle in gespeichert.items():
        if schluessel[0] not in anzahl_ids:
            werte[schluessel] = tabelle
            continue
        werte[schluessel] = summen = dict(tabelle)
        for gebiet, unterbezirke in gliederung.unterbezirke.items():
            teile = [tabelle.get((Ebene.UNTERBEZIRK, pk)) for pk in unterbezirke]
            if all(teil is not None for teil in teile):
                summen[gebiet] = sum(teile)
        geheim[schluessel] = unterdruecken(summen, gliederung.gruppen)
    return Kennzahltabelle(werte=werte, geheim=geheim)


def quartiere_werte(
    *, abdeckungen: Iterable[QuartierUnterbezirk], indikator: Indikator, bis_jahr: int | None = None
) -> dict[int, dict[int, Wert]]:
    """``{quartier_pk: {jahr: Wert}}`` of ``indikator`` for the quarters the ``abdeckungen`` belong to,
    with confidentiality applied (``Wert.geheim``; show through ``geheimhaltung.wert_text``), for every
    year up to ``bis_jahr``. For pages that show quarters' values beside each other. 4 queries."""
    anteile: dict[int, dict[int, float]] = {}
    for abdeckung in abdeckungen:
        anteile.setdefault(abdeckung.quartier_id, {})[abdeckung.unterbezirk_id] = abdeckung.anteil
    tabelle = kennzahl_tabelle(indikatoren=[indikator])
    ergebnis = {}
    for quartier_id, teile in anteile.items():
        for jahr in tabelle.jahre:
            if bis_jahr is not None and jahr > bis_jahr:
                continue
            wert = tabelle.quartier_wert(indikator, jahr=jahr, anteile=teile)
            if wert.wert is not None:
                ergebnis.setdefault(quartier_id, {})[jahr] = wert
    return ergebnis


def quartier_rohwerte(
    *, abdeckungen: Iterable[QuartierUnterbezirk], indikator_ids: Iterable[int]
) -> dict[tuple[int, int], float]:
    """``{(indikator_pk, jahr): wert}`` for a quarter: the sum of ``wert × anteil`` over the
    Unterbezirke it covers, for counts where every covered Unterbezirk has a value. 1 query.
    Raw values, before confidentiality: for computations, not for display."""
    anteile = {a.unterbezirk_id: a.anteil for a in abdeckungen}
    if not anteile:
        return {}
    summen, anzahl = {}, {}
    for unterbezirk_id, indikator_id, jahr, wert in Kennzahl.objects.filter(
        indikator_id__in=indikator_ids,
        indikator__art=IndikatorArt.ANZAHL,
        ebene=Ebene.UNTERBEZIRK,
        unterbezirk_id__in=anteile,
    ).values_list("unterbezirk_id", "indikator_id", "jahr", "wert"):
        schluessel = (indikator_id, jahr)
        summen[schluessel] = summen.get(schluessel, 0.0) + wert * anteile[unterbezirk_id]
        anzahl[schluessel] = anzahl.get(schluessel, 0) + 1
    return {schluessel: summe for schluessel, summe in summen.items() if anzahl[schluessel] == len(anteile)}


# --- The analysis of one quarter --------------------------------------------------------------


@dataclass
class Veraenderung:
    von_jahr: int
    bis_jahr: int
    absolut: float
    relativ: float | None  # per cent, for counts only
    ist_geheim: bool  # either year's value is withheld


@dataclass
class IndikatorZeile:
    indikator: Indikator
    # year → (quarter, Stadtbezirk, city)
    werte: dict = field(default_factory=dict)
    veraenderung: Veraenderung | None = None

    @property
    def letztes_jahr(self) -> int | None:
        jahre = [jahr for jahr, (quartier, _sb, _stadt) in self.werte.items() if quartier.wert is not None]
        return max(jahre) if jahre else None

    @property
    def aktuell(self) -> tuple[Wert, Wert, Wert]:
        jahr = self.letztes_jahr
        return self.werte[jahr] if jahr else (KEIN_WERT, KEIN_WERT, KEIN_WERT)


@dataclass
class QuartierAnalyse:
    quartier: object
    zeilen: list
    jahre: list
    hat_teilflaechen: bool

    def zeile(self, schluessel: str) -> IndikatorZeile | None:
        return next((z for z in self.zeilen if z.indikator.schluessel == schluessel), None)


def indikatoren_katalog() -> QuerySet[Indikator]:
    return Indikator.objects.select_related("handlungsfeld", "zaehler", "nenner").order_by("reihenfolge", "name")


def quartier_analyse(*, quartier: Quartier, abdeckungen: list[QuartierUnterbezirk]) -> QuartierAnalyse:
    """Every indicator of the catalogue for ``quartier`` (weighted from its Unterbezirke ``abdeckungen``),
    its Stadtbezirk and the city, for every year with values, and the change over the last five years.

    The withheld values are those of the whole city's tables (see ``geheimhaltung``). Computed once per
    Datenstand (``datenstand.zwischengespeichert``): 2 queries when cached, else about 10, whatever
    the number of Unterbezirke, years and indicators.
    """
    anteile = sorted((a.unterbezirk_id, a.anteil, a.ist_teilweise) for a in abdeckungen)
    ergebnis = zwischengespeichert(
        "quartier_analyse",
        quartier.pk,
        quartier.stadtbezirk_id,
        quartier.stadtbezirk.kommune_id,
        anteile,
        berechnen=lambda: replace(_quartier_analyse(quartier=quartier, abdeckungen=abdeckungen), quartier=None),
    )
    return replace(ergebnis, quartier=quartier)


def _quartier_analyse(*, quartier: Quartier, abdeckungen: list[QuartierUnterbezirk]) -> QuartierAnalyse:
    indikatoren = list(indikatoren_katalog())
    tabelle = kennzahl_tabelle(indikatoren=indikatoren)
    anteile = {a.unterbezirk_id: a.anteil for a in abdeckungen}
    stadtbezirk = (Ebene.STADTBEZIRK, quartier.stadtbezirk_id)
    stadt = (Ebene.STADT, quartier.stadtbezirk.kommune_id)
    jahre = tabelle.jahre
    zeilen = []
    for indikator in indikatoren:
        zeile = IndikatorZeile(indikator)
        for jahr in jahre:
            werte = (
                tabelle.quartier_wert(indikator, jahr=jahr, anteile=anteile),
                tabelle.wert(indikator, jahr=jahr, gebiet=stadtbezirk),
                tabelle.wert(indikator, jahr=jahr, gebiet=stadt),
            )
            if any(w.wert is not None for w in werte):
                zeile.werte[jahr] = werte
        zeile.veraenderung = veraenderung(zeile)
        if zeile.werte:
            zeilen.append(zeile)
    return QuartierAnalyse(
        quartier=quartier,
        zeilen=zeilen,
        jahre=jahre,
        hat_teilflaechen=any(a.ist_teilweise for a in abdeckungen),
    )


def veraenderung(zeile: IndikatorZeile) -> Veraenderung | None:
    """The quarter's change from five years before its latest value to that value, or None."""
    bis = zeile.letztes_jahr
    if bis is None or (bis - JAHRE_VERAENDERUNG) not in zeile.werte:
        return None
    jetzt, vorher = zeile.werte[bis][0], zeile.werte[bis - JAHRE_VERAENDERUNG][0]
    if vorher.wert is None:
        return None
    relativ = None
    if zeile.indikator.art == IndikatorArt.ANZAHL and vorher.wert:
        relativ = (jetzt.wert - vorher.wert) / vorher.wert * 100
    return Veraenderung(
        von_jahr=bis - JAHRE_VERAENDERUNG,
        bis_jahr=bis,
        absolut=jetzt.wert - vorher.wert,
        relativ=relativ,
        ist_geheim=jetzt.geheim or vorher.geheim or jetzt.ist_klein or vorher.ist_klein,
    )


def indikator_jahre(indikator: Indikator) -> list[int]:
    """The years with values for ``indikator`` (for a share: of its numerator), newest first. 1 query."""
    quelle = indikator.zaehler_id if indikator.art == IndikatorArt.ANTEIL else indikator.pk
    # DISTINCT in the database: a handful of years, not one row per value (thousands in a big city).
    jahre = Kennzahl.objects.filter(indikator_id__in=[quelle, indikator.pk]).values_list("jahr", flat=True)
    return list(jahre.distinct().order_by("-jahr"))


@dataclass
class Zeitreihe:
    """One indicator over the years for the chart and the table beside it."""

    jahre: list[int]
    zeilen: list[tuple[int, list[str]]]  # (year, [quarter, Stadtbezirk, city] as text)
    reihen: list[tuple[str, list[float | None]]]  # (name, value per year; None where withheld)


def zeitreihe(zeile: IndikatorZeile, *, namen: list[str], sieht_fallzahlen: bool) -> Zeitreihe:
    """The time series of ``zeile`` (quarter, Stadtbezirk, city, named ``namen``) as the user may see it."""
    indikator, jahre = zeile.indikator, sorted(zeile.werte)
    zeilen = [
        (jahr, [wert_text(indikator, w, sieht_fallzahlen=sieht_fallzahlen) for w in zeile.werte[jahr]])
        for jahr in jahre
    ]
    reihen = [
        (
            name,
            [
                None
                if ist_verborgen(zeile.werte[jahr][i], sieht_fallzahlen=sieht_fallzahlen)
                else zeile.werte[jahr][i].wert
                for jahr in jahre
            ],
        )
        for i, name in enumerate(namen)
    ]
    return Zeitreihe(jahre=jahre, zeilen=zeilen, reihen=reihen)
