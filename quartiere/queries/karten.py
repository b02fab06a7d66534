"""Map data: the areas of a choropleth with their values and classes, and the map layers.

Geometries for the browser are simplified for the scale they are drawn at (tolerance in metres,
EPSG:25832) and their coordinates rounded to 5 decimals (about 1 m).
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from django.contrib.gis.db.models.functions import AsGeoJSON, GeoFunc, Transform
from django.db.models import Expression, FloatField, Value
from django.utils.translation import gettext_lazy as _

from ..models import Ebene, Indikator, Quartier, QuartierUnterbezirk, Stadtbezirk, StatistischerBezirk, Unterbezirk
from .analyse import kennzahl_tabelle
from .datenstand import zwischengespeichert
from .gebiete import GEOJSON_NACHKOMMASTELLEN, METRISCHES_SRID, feature_collection
from .geheimhaltung import ist_verborgen, wert_export, wert_text

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

# The levels a choropleth map can show, with their model.
KARTEN_EBENEN = {
    Ebene.STADTBEZIRK: Stadtbezirk,
    Ebene.BEZIRK: StatistischerBezirk,
    Ebene.UNTERBEZIRK: Unterbezirk,
}
ANZAHL_KLASSEN = 5
# ColorBrewer YlGnBu, 5 classes: sequential, colour-blind safe, readable in greyscale.
PALETTE = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
# Simplification of map geometries for display, in metres (EPSG:25832).
VEREINFACHUNG_M = 15


class SimplifyPreserveTopology(GeoFunc):
    """ST_SimplifyPreserveTopology (PostGIS) / SimplifyPreserveTopology (SpatiaLite); tolerance in the
    units of the geometry's CRS."""

    def __init__(self, ausdruck: Expression | str, toleranz: float, **extra: object) -> None:
        super().__init__(ausdruck, Value(float(toleranz), output_field=FloatField()), **extra)

    def _resolve_output_field(self):  # noqa: ANN202 - Django's own hook
        return self.source_expressions[0].output_field


def gebiete_mit_werten(*, indikator: Indikator, ebene: str, jahr: int, mit_geometrie: bool = False) -> list:
    """The areas of ``ebene`` ordered by code, each with ``.kz`` (a ``Wert``, confidentiality applied
    over the whole city) for ``indikator`` in ``jahr``; with ``mit_geometrie`` also ``.geojson``:
    simplified by 15 m in EPSG:25832, 5 decimals. Computed once per Datenstand: 2 queries when cached,
    else 5 and the cache's."""
    return zwischengespeichert(
        "gebiete_mit_werten",
        indikator.pk,
        ebene,
        jahr,
        mit_geometrie,
        berechnen=lambda: _gebiete_mit_werten(indikator=indikator, ebene=ebene, jahr=jahr, mit_geometrie=mit_geometrie),
    )


def _gebiete_mit_werten(*, indikator: Indikator, ebene: str, jahr: int, mit_geometrie: bool) -> list:
    model = KARTEN_EBENEN[ebene]
    gebiete = model.objects.order_by("code").only("pk", "code", "name")
    if mit_geometrie:
        gebiete = gebiete.annotate(geojson=vereinfachtes_geojson("geometrie", VEREINFACHUNG_M))
    tabelle = kennzahl_tabelle(indikatoren=[indikator], jahr=jahr)
    gebiete = list(gebiete)
    for gebiet in gebiete:
        gebiet.kz = tabelle.wert(indikator, jahr=jahr, gebiet=(ebene, gebiet.pk))
    return gebiete


def choropleth(
    *, indikator: Indikator, ebene: str, jahr: int, methode: str, sieht_fallzahlen: bool, mit_geometrie: bool = False
) -> tuple[list, list["Klasse"]]:
    """The areas of a choropleth as the user may see them, and the classes formed from the values
    shown: each area with ``.kz``, ``.klasse`` (None where withheld or without value), ``.farbe``,
    ``.text`` (for pages) and ``.export`` (for CSV/XLSX/GeoJSON). 5 queries."""
    gebiete = gebiete_mit_werten(indikator=indikator, ebene=ebene, jahr=jahr, mit_geometrie=mit_geometrie)
    sichtbar = [
        g.kz.wert
        for g in gebiete
        if g.kz.wert is not None and not ist_verborgen(g.kz, sieht_fallzahlen=sieht_fallzahlen)
    ]
    klassen = klassen_bilden(sichtbar, methode=methode)
    for gebiet in gebiete:
        verborgen = ist_verborgen(gebiet.kz, sieht_fallzahlen=sieht_fallzahlen)
        gebiet.klasse = None if verborgen else klasse_von(gebiet.kz.wert, klassen)
        gebiet.farbe = klassen[gebiet.klasse - 1].farbe if gebiet.klasse else None
        gebiet.text = wert_text(indikator, gebiet.kz, sieht_fallzahlen=sieht_fallzahlen)
        gebiet.export = wert_export(indikator, gebiet.kz, sieht_fallzahlen=sieht_fallzahlen)
    return gebiete, klassen


@dataclass
class Klasse:
    nummer: int
    von: float
    bis: float
    farbe: str
    anzahl: int = 0


def klassen_bilden(werte: Iterable[float | None], *, methode: str, anzahl: int = ANZAHL_KLASSEN) -> list[Klasse]:
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


def _farben(anzahl: int) -> list[str]:
    """``anzahl`` colours from the palette, spread from light to dark."""
    if anzahl >= len(PALETTE):
        return PALETTE
    if anzahl == 1:
        return [PALETTE[2]]
    return [PALETTE[round(i * (len(PALETTE) - 1) / (anzahl - 1))] for i in range(anzahl)]


def klasse_von(wert: float | None, klassen: list[Klasse]) -> int | None:
    """The number (1-based) of the class of ``wert``; the upper limit belongs to a class, the
    lowest class includes its lower limit. None for no value."""
    if wert is None or not klassen:
        return None
    for klasse in klassen:
        if wert <= klasse.bis:
            return klasse.nummer
    return klassen[-1].nummer


# --- Map layers of the city map -------------------------------------------------------------------

# The layers of the city map: URL word → (model, label, simplification tolerance in metres).
# The tolerance suits the scale each layer is drawn at: Stadtbezirke at the whole city (about
# 25 m per pixel), Unterbezirke only from zoom 13 on (about 12 m per pixel), quarters up close.
KARTENEBENEN = {
    "stadtbezirke": (Stadtbezirk, _("Stadtbezirke"), 25),
    "bezirke": (StatistischerBezirk, _("statistische Bezirke"), 15),
    "unterbezirke": (Unterbezirk, _("statistische Unterbezirke"), 5),
    "quartiere": (Quartier, _("Quartiere"), 2),
}


class Multi(GeoFunc):
    """ST_Multi (PostGIS) / CastToMulti (SpatiaLite): simplifying a one-part MultiPolygon yields a
    Polygon; the layers keep the type of the stored geometry."""

    arity = 1

    def as_sqlite(self, compiler: object, connection: object, **extra_context: object) -> tuple[str, list]:
        return super().as_sql(compiler, connection, function="CastToMulti", **extra_context)

    def _resolve_output_field(self):  # noqa: ANN202 - Django's own hook
        return self.source_expressions[0].output_field


def vereinfachtes_geojson(feld: str, toleranz_m: float) -> AsGeoJSON:
    """GeoJSON of the geometry ``feld``, simplified with ``toleranz_m`` metres in EPSG:25832 (topology
    preserved, so no ring collapses or crosses itself) and rounded to 5 decimals in EPSG:4326.
    ST_SimplifyPreserveTopology on PostGIS, SimplifyPreserveTopology (GEOS inside SpatiaLite) on SpatiaLite."""
    vereinfacht = SimplifyPreserveTopology(Transform(feld, METRISCHES_SRID), toleranz_m)
    return AsGeoJSON(Multi(Transform(vereinfacht, 4326)), precision=GEOJSON_NACHKOMMASTELLEN)


def kartenebenen() -> list[dict]:
    """The layers of the city map for its legend: ``schluessel`` (URL word) and ``name``."""
    return [{"schluessel": schluessel, "name": str(name)} for schluessel, (_m, name, _t) in KARTENEBENEN.items()]


def kartenebene_geojson(*, ebene: str, user: "AbstractBaseUser | AnonymousUser") -> dict:
    """One layer of the city map as a GeoJSON FeatureCollection (EPSG:4326), simplified for the scale
    it is drawn at; quarters only those ``user`` may read. Raises ``KeyError`` for an unknown layer. 1 query
    (quarters), 2 for the other layers once cached."""
    model, _name, toleranz = KARTENEBENEN[ebene]
    if model is Quartier:
        zeilen = (
            Quartier.objects.sichtbar_fuer(user)
            .mit_flaeche()
            .annotate(geojson=vereinfachtes_geojson("grenze", toleranz))
        )
        features = [
            (
                q.geojson,
                {
                    "name": q.name,
                    "slug": q.slug,
                    "referenzquartier": q.ist_referenzquartier,
                    "flaeche_km2": round(q.flaeche.sq_km, 2),
                    "url": q.get_absolute_url(),
                },
            )
            for q in zeilen
        ]
    else:
        # The same for everyone: simplified once per Datenstand (2 queries when cached).
        return zwischengespeichert("kartenebene", ebene, berechnen=lambda: _gebiete_geojson(model, toleranz))
    return feature_collection(features)


def _gebiete_geojson(model: type, toleranz: float) -> dict:
    zeilen = model.objects.mit_flaeche().annotate(geojson=vereinfachtes_geojson("geometrie", toleranz)).order_by("code")
    return feature_collection(
        [(g.geojson, {"code": g.code, "name": g.name, "flaeche_km2": round(g.flaeche.sq_km, 2)}) for g in zeilen]
    )


def karte_tabellen(*, user: "AbstractBaseUser | AnonymousUser") -> dict:
    """The tables beside the city map (they say what the map shows): every level with its area,
    and the reference quarters ``user`` may read. Querysets, 4 queries when read."""
    return {
        "stadtbezirke": Stadtbezirk.objects.mit_flaeche().order_by("code"),
        "bezirke": StatistischerBezirk.objects.mit_flaeche().select_related("stadtbezirk").order_by("code"),
        "unterbezirke": Unterbezirk.objects.mit_flaeche().select_related("bezirk").order_by("code"),
        "quartiere": Quartier.objects.sichtbar_fuer(user)
        .referenzquartiere()
        .mit_flaeche()
        .select_related("stadtbezirk"),
    }


def referenzquartiere_umrisse() -> list[dict]:
    """The reference quarters' outlines for a choropleth (name, URL, simplified GeoJSON). 1 query."""
    quartiere = Quartier.objects.referenzquartiere().annotate(geojson=vereinfachtes_geojson("grenze", VEREINFACHUNG_M))
    return [{"name": q.name, "url": q.get_absolute_url(), "geometrie": q.geojson} for q in quartiere]


def quartier_karte(*, quartier: Quartier, abdeckungen: Iterable[QuartierUnterbezirk]) -> dict:
    """The data of a quarter's own map: its outline (``quartier.geojson``, annotated by the caller)
    and the Unterbezirke it covers, simplified for a close-up (2 m). 1 query."""
    toleranz = KARTENEBENEN["quartiere"][2]
    unterbezirke = (
        Unterbezirk.objects.filter(pk__in=[a.unterbezirk_id for a in abdeckungen])
        .annotate(geojson=vereinfachtes_geojson("geometrie", toleranz))
        .order_by("code")
    )
    return {
        "quartier": {"name": quartier.name, "geometrie": quartier.geojson},
        "unterbezirke": [{"name": f"{u.code} {u.name}", "geometrie": u.geojson} for u in unterbezirke],
    }
