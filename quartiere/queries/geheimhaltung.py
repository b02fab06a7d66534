"""Statistical confidentiality (Geheimhaltung), and how a value is shown on pages and in exports.

The one implementation used by every page, map, CSV/XLSX/GeoJSON export and report, for every
role but Projektteam (permission ``quartiere.view_fallzahlen``):

1. **Primary suppression**: a count below ``settings.DWK_MIN_FALLZAHL`` is not shown.
2. **Secondary suppression**, as statistics offices do it: the areas form groups — the
   Unterbezirke of a statistischer Bezirk, the Bezirke of a Stadtbezirk, the Stadtbezirke of the
   city — and each parent is the sum of its children. Wherever a parent is published, the cells of
   its group that are not published (suppressed or without a value) must be at least two and
   together at least ``DWK_MIN_FALLZAHL`` (a single child without a value may stay alone when what
   follows for it is not small); otherwise the smallest published child is suppressed as well (or,
   with no child left to take, the parent). A suppressed parent whose children are
   all published would follow from their sum: one of them is suppressed too. This runs to a fixed
   point, per indicator and year, and is then **audited**: the groups' equations are solved as a
   linear system (null space), and any suppressed cell that it determines gets one more cell of
   its group suppressed, until nothing follows by subtraction across levels.
3. **Derived values**: a share or rate is not shown when its numerator or its denominator is not
   shown; a quarter's value (the area-weighted sum of its Unterbezirke) is not shown when one of
   its Unterbezirke is not shown; a change between two years is not shown when either year is not.
   Years are tables of their own: no published figure links two years except the change, which
   follows the rule above, so differences between years reveal nothing more.
4. Every value withheld is shown alike ("nicht ausgewiesen"), whether it is small or withheld to
   protect a small one, so the mark itself says nothing about the size.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from django.conf import settings
from django.utils.translation import gettext as _

from ..models import Indikator, IndikatorArt

if TYPE_CHECKING:
    from .analyse import Veraenderung

# An area of the city structure: (level, primary key), e.g. ("bezirk", 12).
Gebiet = tuple[str, int]
# A group: a parent area and its children one level down.
Gruppe = tuple[Gebiet, list[Gebiet]]


@dataclass(frozen=True)
class Wert:
    """The value of one indicator for one area and year. ``zaehler`` is the count that decides
    primary suppression (the value itself for a count, the numerator for a share; None if unknown);
    ``geheim`` says the value is withheld (primary or secondary suppression, or derived from one)."""

    wert: float | None
    zaehler: float | None = None
    geheim: bool = False

    @property
    def ist_klein(self) -> bool:
        return self.zaehler is not None and round(self.zaehler) < settings.DWK_MIN_FALLZAHL


KEIN_WERT = Wert(None)


# --- Primary and secondary suppression --------------------------------------------------------------


def unterdruecken(
    werte: dict[Gebiet, float], gruppen: Iterable[Gruppe], *, mindestfallzahl: int | None = None
) -> set[Gebiet]:
    """The areas whose count in ``werte`` (one indicator, one year; an area without a value is
    missing from it) must not be published: primary and secondary suppression, audited (see the
    module's docstring). Pure function, no queries."""
    grenze = settings.DWK_MIN_FALLZAHL if mindestfallzahl is None else mindestfallzahl
    gruppen = list(gruppen)
    geheim = {gebiet for gebiet, wert in werte.items() if round(wert) < grenze}
    while True:
        neu = _gruppen_schuetzen(werte, gruppen, geheim, grenze)
        if not neu and geheim:
            neu = _pruefen(werte, gruppen, geheim, grenze)
        if not neu:
            return geheim
        geheim |= neu


def _kleinstes(gebiete: list[Gebiet], werte: dict[Gebiet, float]) -> Gebiet:
    return min(gebiete, key=lambda g: (werte[g], g))


def _gruppen_schuetzen(werte: dict, gruppen: list[Gruppe], geheim: set[Gebiet], grenze: int) -> set[Gebiet]:
    """One pass of the group rule; returns the cells to suppress in addition."""
    neu = set()
    for eltern, kinder in gruppen:
        if eltern not in werte:
            continue
        bekannt = [k for k in kinder if k in werte and k not in geheim and k not in neu]
        unbekannt = [k for k in kinder if k not in werte or k in geheim or k in neu]
        if eltern in geheim or eltern in neu:
            if bekannt and not unbekannt:
                neu.add(_kleinstes(bekannt, werte))
            continue
        if not unbekannt:
            continue
        rest = round(werte[eltern] - sum(werte[k] for k in bekannt))
        einzeln_fehlend = len(unbekannt) == 1 and unbekannt[0] not in werte
        if rest >= grenze and (len(unbekannt) >= 2 or einzeln_fehlend):
            continue
        neu.add(_kleinstes(bekannt, werte) if bekannt else eltern)
    return neu


def _pruefen(werte: dict, gruppen: list[Gruppe], geheim: set[Gebiet], grenze: int) -> set[Gebiet]:
    """The audit: solve the groups' equations (parent − children = 0) for the unpublished cells.
    A suppressed cell that the system determines, or a missing one it determines as small, gets
    one more published cell of a group it belongs to suppressed. Returns those cells."""
    unbekannte = sorted({g for eltern, kinder in gruppen for g in (eltern, *kinder) if g in geheim or g not in werte})
    index = {g: i for i, g in enumerate(unbekannte)}
    zeilen, rechts = [], []
    for eltern, kinder in gruppen:
        zeile, bekannt = np.zeros(len(unbekannte)), 0.0
        for gebiet, vorzeichen in ((eltern, 1.0), *((k, -1.0) for k in kinder)):
            if gebiet in index:
                zeile[index[gebiet]] += vorzeichen
            else:
                bekannt += vorzeichen * werte[gebiet]
        if zeile.any():
            zeilen.append(zeile)
            rechts.append(-bekannt)
    if not zeilen:
        return set()
    matrix = np.array(zeilen)
    _u, singulaer, vt = np.linalg.svd(matrix)
    rang = int((singulaer > 1e-9).sum())
    nullraum = vt[rang:]
    loesung = np.linalg.lstsq(matrix, np.array(rechts), rcond=None)[0]
    neu = set()
    for gebiet, i in index.items():
        if nullraum.size and np.abs(nullraum[:, i]).max() > 1e-9:
            continue  # not determined
        if gebiet not in geheim and round(loesung[i]) >= grenze:
            continue  # a missing value that follows, but is not small
        for eltern, kinder in gruppen:
            if gebiet != eltern and gebiet not in kinder:
                continue
            bekannt = [k for k in kinder if k in werte and k not in geheim]
            if bekannt:
                neu.add(_kleinstes(bekannt, werte))
                break
            if eltern in werte and eltern not in geheim:
                neu.add(eltern)
                break
    return neu


def quartier_geheim(geheim: set[Gebiet], anteile: dict[int, float]) -> bool:
    """Whether a quarter's value (weighted sum of the Unterbezirke ``anteile``) must be withheld:
    when any Unterbezirk it takes a share of is withheld."""
    return any(("unterbezirk", pk) in geheim for pk, anteil in anteile.items() if anteil > 0)


# --- Display -----------------------------------------------------------------------------------------


def zahl_text(wert: float, nachkommastellen: int = 0) -> str:
    """German number format: ``12.345`` or ``12,3``."""
    text = f"{wert:,.{nachkommastellen}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def nachkommastellen(indikator: Indikator) -> int:
    return 0 if indikator.art == IndikatorArt.ANZAHL else 1


def geheim_text() -> str:
    """What is shown instead of a withheld value, for every reason alike."""
    return _("nicht ausgewiesen")


def ist_verborgen(wert: Wert, *, sieht_fallzahlen: bool) -> bool:
    return (wert.geheim or wert.ist_klein) and not sieht_fallzahlen


def wert_text(indikator: Indikator, wert: Wert, *, sieht_fallzahlen: bool) -> str:
    """The value as text for pages: "–" for none, "nicht ausgewiesen" when withheld, unless ``sieht_fallzahlen``."""
    if wert.wert is None:
        return "–"
    if ist_verborgen(wert, sieht_fallzahlen=sieht_fallzahlen):
        return geheim_text()
    return zahl_text(wert.wert, nachkommastellen(indikator))


def wert_export(indikator: Indikator, wert: Wert, *, sieht_fallzahlen: bool) -> float | str | None:
    """The value for CSV/XLSX/GeoJSON: a rounded number, None for none, "nicht ausgewiesen" when withheld."""
    if wert.wert is None:
        return None
    if ist_verborgen(wert, sieht_fallzahlen=sieht_fallzahlen):
        return geheim_text()
    return round(wert.wert, nachkommastellen(indikator) + (0 if indikator.art == IndikatorArt.ANZAHL else 1))


def veraenderung_text(indikator: Indikator, veraenderung: "Veraenderung | None", *, sieht_fallzahlen: bool) -> str:
    """E.g. ``+120 (+4,5 %)`` for a count, ``+1,2 Prozentpunkte`` for a share in per cent."""
    if veraenderung is None:
        return "–"
    if veraenderung.ist_geheim and not sieht_fallzahlen:
        return geheim_text()
    stellen = nachkommastellen(indikator)
    absolut = ("+" if veraenderung.absolut > 0 else "") + zahl_text(veraenderung.absolut, stellen)
    if indikator.art == IndikatorArt.ANZAHL:
        if veraenderung.relativ is None:
            return absolut
        relativ = ("+" if veraenderung.relativ > 0 else "") + zahl_text(veraenderung.relativ, 1)
        return f"{absolut} ({relativ} %)"
    if indikator.einheit.strip() == "%":
        return _("%(wert)s Prozentpunkte") % {"wert": absolut}
    return f"{absolut} {indikator.einheit}"
