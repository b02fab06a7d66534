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
- Statistical confidentiality: a count below ``settings.DWK_MIN_FALLZAHL`` is shown as "< 3",
  and a share whose numerator is below it is not shown at all, to everyone except Projektteam
  (permission ``quartiere.view_fallzahlen``), on pages and in every export.
"""

import math
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.contrib.gis.db.models.functions import AsGeoJSON, GeoFunc, Transform
from django.db.models import Count, FloatField, Sum, Value
from django.utils.translation import gettext as _

from .models import Ebene, Indikator, IndikatorArt, Kennzahl, Stadtbezirk, StatistischerBezirk, Unterbezirk
from .queries import GEOJSON_NACHKOMMASTELLEN, METRISCHES_SRID

# Kennzahl field that holds the area of each level.
GEBIET_FELD = {
    Ebene.UNTERBEZIRK: "unterbezirk_id",
    Ebene.BEZIRK: "bezirk_id",
    Ebene.STADTBEZIRK: "stadtbezirk_id",
    Ebene.STADT: "kommune_id",
}
# From an Unterbezirk to the area of each level that contains it.
VON_UNTERBEZIRK = {
    Ebene.BEZIRK: "bezirk_id",
    Ebene.STADTBEZIRK: "bezirk__stadtbezirk_id",
    Ebene.STADT: "bezirk__stadtbezirk__kommune_id",
}
# The levels a choropleth map can show, with their model.
KARTEN_EBENEN = {
    Ebene.STADTBEZIRK: Stadtbezirk,
    Ebene.BEZIRK: StatistischerBezirk,
    Ebene.UNTERBEZIRK: Unterbezirk,
}
JAHRE_VERAENDERUNG = 5
ANZAHL_KLASSEN = 5
# ColorBrewer YlGnBu, 5 classes: sequential, colour-blind safe, readable in greyscale.
PALETTE = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
# Simplification of map geometries for display, in metres (EPSG:25832).
VEREINFACHUNG_M = 15


@dataclass(frozen=True)
class Wert:
    """The value of one indicator for one area and year; ``zaehler`` is the count that decides
    confidentiality (the value itself for a count, the numerator for a share; None if unknown)."""

    wert: float | None
    zaehler: float | None = None

    @property
    def ist_klein(self):
        return self.zaehler is not None and round(self.zaehler) < settings.DWK_MIN_FALLZAHL


KEIN_WERT = Wert(None)


# --- Counts per area -------------------------------------------------------------------------


def _anzahl_ids(indikatoren):
    ids = set()
    for indikator in indikatoren:
        if indikator.art == IndikatorArt.ANTEIL:
            ids |= {indikator.zaehler_id, indikator.nenner_id}
        else:
            ids.add(indikator.pk)
    return ids


def gebiet_rohwerte(*, indikator_ids, ebene, gebiet_ids=None, jahr=None):
    """``{(gebiet_pk, indikator_pk, jahr): wert}`` for one level: counts summed from the Unterbezirke
    where they are complete, else the values stored for the areas themselves. 1 query for
    Unterbezirke, 3 for the other levels."""
    feld = GEBIET_FELD[ebene]
    gespeichert = Kennzahl.objects.filter(indikator_id__in=indikator_ids, ebene=ebene)
    if gebiet_ids is not None:
        gespeichert = gespeichert.filter(**{f"{feld}__in": gebiet_ids})
    if jahr is not None:
        gespeichert = gespeichert.filter(jahr=jahr)
    werte = {(g, i, j): w for g, i, j, w in gespeichert.values_list(feld, "indikator_id", "jahr", "wert")}
    if ebene == Ebene.UNTERBEZIRK:
        return werte

    pfad = VON_UNTERBEZIRK[ebene]
    unterbezirke = Unterbezirk.objects.all()
    summen = Kennzahl.objects.filter(
        indikator_id__in=indikator_ids, ebene=Ebene.UNTERBEZIRK, indikator__art=IndikatorArt.ANZAHL
    )
    if gebiet_ids is not None:
        unterbezirke = unterbezirke.filter(**{f"{pfad}__in": gebiet_ids})
        summen = summen.filter(**{f"unterbezirk__{pfad}__in": gebiet_ids})
    if jahr is not None:
        summen = summen.filter(jahr=jahr)
    anzahl_unterbezirke = dict(unterbezirke.values_list(pfad).annotate(n=Count("id")).order_by())
    for zeile in (
        summen.values(f"unterbezirk__{pfad}", "indikator_id", "jahr")
        .annotate(summe=Sum("wert"), n=Count("id"))
        .order_by()
    ):
        gebiet = zeile[f"unterbezirk__{pfad}"]
        if zeile["n"] == anzahl_unterbezirke.get(gebiet):
            werte[(gebiet, zeile["indikator_id"], zeile["jahr"])] = zeile["summe"]
    return werte


def quartier_rohwerte(*, abdeckungen, indikator_ids):
    """``{(indikator_pk, jahr): wert}`` for a quarter: the sum of ``wert × anteil`` over the
    Unterbezirke it covers, for counts where every covered Unterbezirk has a value. 1 query."""
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


def indikator_wert(indikator, rohwerte, *, jahr, gebiet=None):
    """The ``Wert`` of ``indikator`` from raw values keyed ``(gebiet, indikator, jahr)`` (or
    ``(indikator, jahr)`` when ``gebiet`` is None): shares recomputed from numerator and denominator."""

    def roh(indikator_id):
        return rohwerte.get((indikator_id, jahr) if gebiet is None else (gebiet, indikator_id, jahr))

    if indikator.art == IndikatorArt.ANZAHL:
        wert = roh(indikator.pk)
        return Wert(wert, wert)
    zaehler, nenner = roh(indikator.zaehler_id), roh(indikator.nenner_id)
    if zaehler is not None and nenner:
        return Wert(zaehler / nenner * indikator.faktor, zaehler)
    return Wert(roh(indikator.pk), None)


# --- The analysis of one quarter --------------------------------------------------------------


@dataclass
class Veraenderung:
    von_jahr: int
    bis_jahr: int
    absolut: float
    relativ: float | None  # per cent, for counts only
    ist_klein: bool


@dataclass
class IndikatorZeile:
    indikator: Indikator
    # year → (quarter, Stadtbezirk, city)
    werte: dict = field(default_factory=dict)
    veraenderung: Veraenderung | None = None

    @property
    def letztes_jahr(self):
        jahre = [jahr for jahr, (quartier, _sb, _stadt) in self.werte.items() if quartier.wert is not None]
        return max(jahre) if jahre else None

    @property
    def aktuell(self):
        jahr = self.letztes_jahr
        return self.werte[jahr] if jahr else (KEIN_WERT, KEIN_WERT, KEIN_WERT)


@dataclass
class QuartierAnalyse:
    quartier: object
    zeilen: list
    jahre: list
    hat_teilflaechen: bool

    def zeile(self, schluessel):
        return next((z for z in self.zeilen if z.indikator.schluessel == schluessel), None)


def indikatoren_katalog():
    return Indikator.objects.select_related("handlungsfeld", "zaehler", "nenner").order_by("reihenfolge", "name")


def quartier_analyse(*, quartier, abdeckungen):
    """Every indicator of the catalogue for ``quartier`` (weighted from its Unterbezirke ``abdeckungen``),
    its Stadtbezirk and the city, for every year with values, and the change over the last five years.

    8 queries, whatever the number of Unterbezirke, years and indicators.
    """
    indikatoren = list(indikatoren_katalog())
    ids = _anzahl_ids(indikatoren) | {i.pk for i in indikatoren}
    quartier_roh = quartier_rohwerte(abdeckungen=abdeckungen, indikator_ids=ids)
    stadtbezirk = quartier.stadtbezirk
    sb_roh = gebiet_rohwerte(indikator_ids=ids, ebene=Ebene.STADTBEZIRK, gebiet_ids=[stadtbezirk.pk])
    stadt_roh = gebiet_rohwerte(indikator_ids=ids, ebene=Ebene.STADT, gebiet_ids=[stadtbezirk.kommune_id])
    jahre = sorted({jahr for (_i, jahr) in quartier_roh} | {jahr for (_g, _i, jahr) in stadt_roh})
    zeilen = []
    for indikator in indikatoren:
        zeile = IndikatorZeile(indikator)
        for jahr in jahre:
            werte = (
                indikator_wert(indikator, quartier_roh, jahr=jahr),
                indikator_wert(indikator, sb_roh, jahr=jahr, gebiet=stadtbezirk.pk),
                indikator_wert(indikator, stadt_roh, jahr=jahr, gebiet=stadtbezirk.kommune_id),
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


def veraenderung(zeile):
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
        ist_klein=jetzt.ist_klein or vorher.ist_klein,
    )


# --- Choropleth maps -----------------------------------------------------------------------------


class SimplifyPreserveTopology(GeoFunc):
    """ST_SimplifyPreserveTopology (PostGIS) / SimplifyPreserveTopology (SpatiaLite); tolerance in the
    units of the geometry's CRS."""

    def __init__(self, ausdruck, toleranz, **extra):
        super().__init__(ausdruck, Value(float(toleranz), output_field=FloatField()), **extra)

    def _resolve_output_field(self):
        return self.source_expressions[0].output_field


def gebiete_mit_werten(*, indikator, ebene, jahr, mit_geometrie=False):
    """The areas of ``ebene`` ordered by code, each with ``.kz`` (a ``Wert``) for ``indikator`` in ``jahr``;
    with ``mit_geometrie`` also ``.geojson``: simplified by 15 m in EPSG:25832, 5 decimals. 2–4 queries."""
    model = KARTEN_EBENEN[ebene]
    gebiete = model.objects.order_by("code").only("pk", "code", "name")
    if mit_geometrie:
        vereinfacht = SimplifyPreserveTopology(Transform("geometrie", METRISCHES_SRID), VEREINFACHUNG_M)
        gebiete = gebiete.annotate(geojson=AsGeoJSON(Transform(vereinfacht, 4326), precision=GEOJSON_NACHKOMMASTELLEN))
    roh = gebiet_rohwerte(indikator_ids=_anzahl_ids([indikator]) | {indikator.pk}, ebene=ebene, jahr=jahr)
    gebiete = list(gebiete)
    for gebiet in gebiete:
        gebiet.kz = indikator_wert(indikator, roh, jahr=jahr, gebiet=gebiet.pk)
    return gebiete


def indikator_jahre(indikator):
    """The years with values for ``indikator`` (for a share: of its numerator), newest first. 1 query."""
    quelle = indikator.zaehler_id if indikator.art == IndikatorArt.ANTEIL else indikator.pk
    return sorted(
        set(Kennzahl.objects.filter(indikator_id__in=[quelle, indikator.pk]).values_list("jahr", flat=True)),
        reverse=True,
    )


@dataclass
class Klasse:
    nummer: int
    von: float
    bis: float
    farbe: str
    anzahl: int = 0


def klassen_bilden(werte, *, methode, anzahl=ANZAHL_KLASSEN):
    """Up to ``anzahl`` classes for ``werte``: ``quantile`` (equal counts) or ``gleich`` (equal intervals).

    Returns ``[Klasse]`` ordered from low to high; equal class limits are merged, so a list of few
    distinct values gives fewer classes. An empty list gives no classes.
    """
    werte = [w for w in werte if w is not None and not math.isnan(w)]
    if not werte:
        return []
    if methode == "quantile":
        grenzen = [round(float(g), 10) for g in np.quantile(werte, np.linspace(0, 1, anzahl + 1))]
    else:
        grenzen = [round(float(g), 10) for g in np.linspace(min(werte), max(werte), anzahl + 1)]
    eindeutig = [grenzen[0]] + [g for vorher, g in zip(grenzen, grenzen[1:], strict=False) if g > vorher]
    if len(eindeutig) == 1:
        eindeutig.append(eindeutig[0])
    farben = _farben(len(eindeutig) - 1)
    klassen = [
        Klasse(nummer=n + 1, von=von, bis=bis, farbe=farben[n])
        for n, (von, bis) in enumerate(zip(eindeutig, eindeutig[1:], strict=False))
    ]
    for wert in werte:
        klassen[klasse_von(wert, klassen) - 1].anzahl += 1
    return klassen


def _farben(anzahl):
    """``anzahl`` colours from the palette, spread from light to dark."""
    if anzahl >= len(PALETTE):
        return PALETTE
    if anzahl == 1:
        return [PALETTE[2]]
    return [PALETTE[round(i * (len(PALETTE) - 1) / (anzahl - 1))] for i in range(anzahl)]


def klasse_von(wert, klassen):
    """The number (1-based) of the class of ``wert``; the upper limit belongs to a class, the
    lowest class includes its lower limit. None for no value."""
    if wert is None or not klassen:
        return None
    for klasse in klassen:
        if wert <= klasse.bis:
            return klasse.nummer
    return klassen[-1].nummer


# --- Display and confidentiality -------------------------------------------------------------------


def zahl_text(wert, nachkommastellen=0):
    """German number format: ``12.345`` or ``12,3``."""
    text = f"{wert:,.{nachkommastellen}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def nachkommastellen(indikator):
    return 0 if indikator.art == IndikatorArt.ANZAHL else 1


def klein_text(indikator):
    """What is shown instead of a small count (or a share with a small numerator)."""
    grenze = settings.DWK_MIN_FALLZAHL
    if indikator.art == IndikatorArt.ANZAHL:
        return f"< {grenze}"
    return _("nicht ausgewiesen (Zähler < %(grenze)d)") % {"grenze": grenze}


def ist_verborgen(wert, *, sieht_fallzahlen):
    return wert.ist_klein and not sieht_fallzahlen


def wert_text(indikator, wert, *, sieht_fallzahlen):
    """The value as text for pages: "–" for none, "< 3" for a small count unless ``sieht_fallzahlen``."""
    if wert.wert is None:
        return "–"
    if ist_verborgen(wert, sieht_fallzahlen=sieht_fallzahlen):
        return klein_text(indikator)
    return zahl_text(wert.wert, nachkommastellen(indikator))


def wert_export(indikator, wert, *, sieht_fallzahlen):
    """The value for CSV/XLSX/GeoJSON: a rounded number, None for none, the "< 3" text for a small count."""
    if wert.wert is None:
        return None
    if ist_verborgen(wert, sieht_fallzahlen=sieht_fallzahlen):
        return klein_text(indikator)
    return round(wert.wert, nachkommastellen(indikator) + (0 if indikator.art == IndikatorArt.ANZAHL else 1))


def veraenderung_text(indikator, veraenderung, *, sieht_fallzahlen):
    """E.g. ``+120 (+4,5 %)`` for a count, ``+1,2 Prozentpunkte`` for a share in per cent."""
    if veraenderung is None:
        return "–"
    if veraenderung.ist_klein and not sieht_fallzahlen:
        return _("nicht ausgewiesen (kleine Fallzahl)")
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
