"""Walking-distance coverage (Erreichbarkeit) of the quarters by infrastructure category.

For every quarter and category:

- ``anteil``: the share of the quarter's area that lies within the category's radius
  (``InfrastrukturKategorie.radius_m``) of at least one facility of that category — the
  union of straight-line buffers around the facilities, intersected with the quarter;
- ``naechste_distanz_m``: the straight-line distance from the quarter's centre (its
  centroid, as on the quarter page) to the nearest facility of the category, wherever it is;
- ``anzahl``: the number of facilities within the radius of the quarter (inside it or at
  most ``radius_m`` outside its boundary; a pharmacy across the street serves the quarter).

All of it is straight-line distance ("Luftlinie") in EPSG:25832, not a walking route: a
railway line or a motorway without a crossing is not seen. Pages say so.

**Gap** (Lücke): a category is a gap in a quarter when no facility lies within the radius
of the centre, or when less than ``LUECKE_MINDESTANTEIL`` (50 %) of the area is covered.

On PostGIS one SQL query computes all quarters × categories (buffers by ``ST_Buffer`` of
the collected points, ``ST_Intersection`` with the quarter, ``ST_Area``). SpatiaLite (the
local demo) takes the same measurements with GEOS in Python; both build buffers with 16
segments per quarter circle, so the results agree to well under 0.1 %.
"""

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.gis.db.models.functions import Distance, Transform
from django.contrib.gis.gdal import CoordTransform, SpatialReference
from django.contrib.gis.geos import GEOSGeometry, MultiPoint
from django.db import connection
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from ..models import Infrastruktur, InfrastrukturKategorie, Quartier
from .datenstand import zwischengespeichert
from .gebiete import GEOJSON_NACHKOMMASTELLEN, METRISCHES_SRID, metrisch

LUECKE_MINDESTANTEIL = 0.5
# Segments per quarter circle of a buffer: a 64-gon, whose area is 0.16 % below the circle's.
PUFFER_SEGMENTE = 16
# Tolerance (metres) when simplifying buffer outlines for the map.
PUFFER_VEREINFACHUNG_M = 5


@dataclass
class Erreichbarkeit:
    """The coverage of one quarter by one category."""

    quartier_id: int
    kategorie: InfrastrukturKategorie
    anzahl: int = 0
    anteil: float = 0.0
    naechste_distanz_m: float | None = None
    naechste_id: int | None = None
    naechste_name: str = ""
    puffer_geojson: str | None = None
    gruende: list = field(default_factory=list)

    def __post_init__(self):
        if self.naechste_distanz_m is None or self.naechste_distanz_m > self.kategorie.radius_m:
            self.gruende.append(_("keine Einrichtung im Radius um den Mittelpunkt"))
        if self.anteil < LUECKE_MINDESTANTEIL:
            self.gruende.append(_("weniger als die Hälfte der Fläche im Radius"))

    @property
    def ist_luecke(self) -> bool:
        return bool(self.gruende)

    @property
    def prozent(self) -> float:
        return round(self.anteil * 100, 1)


def erreichbarkeit_berechnen(
    *,
    quartiere: Iterable[Quartier],
    kategorien: Iterable[InfrastrukturKategorie] | None = None,
    mit_puffer: bool = False,
    rechenweg: str | None = None,
) -> dict[int, list[Erreichbarkeit]]:
    """The coverage of ``quartiere`` (Quartier objects) for ``kategorien`` (default: all).

    Returns ``{quartier.pk: [Erreichbarkeit, …]}`` with one entry per category, in the
    categories' order. With ``mit_puffer`` each entry carries the union of the buffers
    (simplified, EPSG:4326 GeoJSON) for the map. ``rechenweg`` is "postgis" or "geos"
    (default: "postgis" on PostgreSQL, else "geos"). Reads only; one query on PostGIS.
    """
    quartiere = list(quartiere)
    if kategorien is None:
        kategorien = InfrastrukturKategorie.objects.select_related("handlungsfeld")
    kategorien = list(kategorien)
    if not quartiere or not kategorien:
        return {q.pk: [] for q in quartiere}
    if rechenweg is None:
        rechenweg = "postgis" if connection.vendor == "postgresql" else "geos"
    if rechenweg == "postgis":
        werte = _postgis(quartiere, kategorien, mit_puffer)
    else:
        werte = _geos(quartiere, kategorien, mit_puffer)
    return {
        q.pk: [Erreichbarkeit(quartier_id=q.pk, kategorie=k, **werte.get((q.pk, k.pk), {})) for k in kategorien]
        for q in quartiere
    }


def luecken(erreichbarkeiten: Iterable[Erreichbarkeit]) -> list[Erreichbarkeit]:
    """The entries of ``erreichbarkeiten`` that are gaps."""
    return [e for e in erreichbarkeiten if e.ist_luecke]


_SQL = """
WITH q AS (
    SELECT id, ST_Transform(grenze, {srid}) AS g FROM {quartier} WHERE id = ANY(%(quartiere)s)
), qm AS (
    SELECT id, g, ST_Area(g) AS flaeche, ST_Centroid(g) AS mitte FROM q
), k AS (
    SELECT id, radius_m FROM {kategorie} WHERE id = ANY(%(kategorien)s)
), p AS (
    SELECT id, name, kategorie_id, ST_Transform(punkt, {srid}) AS p
    FROM {infrastruktur} WHERE kategorie_id = ANY(%(kategorien)s)
), naechste AS (
    SELECT DISTINCT ON (qm.id, p.kategorie_id)
        qm.id AS quartier_id, p.kategorie_id, p.id, p.name, ST_Distance(qm.mitte, p.p) AS distanz
    FROM qm CROSS JOIN p
    ORDER BY qm.id, p.kategorie_id, ST_Distance(qm.mitte, p.p), p.id
), nahe AS (
    SELECT qm.id AS quartier_id, k.id AS kategorie_id, COUNT(*) AS anzahl,
        ST_Buffer(ST_Collect(p.p), k.radius_m, 'quad_segs={segmente}') AS puffer
    FROM qm CROSS JOIN k JOIN p ON p.kategorie_id = k.id AND ST_DWithin(p.p, qm.g, k.radius_m)
    GROUP BY qm.id, k.id, k.radius_m
)
SELECT qm.id, k.id, COALESCE(nahe.anzahl, 0),
    COALESCE(ST_Area(ST_Intersection(nahe.puffer, qm.g)) / NULLIF(qm.flaeche, 0), 0),
    naechste.distanz, naechste.id, naechste.name,
    CASE WHEN %(mit_puffer)s AND nahe.puffer IS NOT NULL THEN ST_AsGeoJSON(
        ST_Transform(ST_SimplifyPreserveTopology(nahe.puffer, {vereinfachung}), 4326), {stellen}
    ) END
FROM qm CROSS JOIN k
LEFT JOIN naechste ON naechste.quartier_id = qm.id AND naechste.kategorie_id = k.id
LEFT JOIN nahe ON nahe.quartier_id = qm.id AND nahe.kategorie_id = k.id
"""


def _postgis(
    quartiere: list[Quartier], kategorien: list[InfrastrukturKategorie], mit_puffer: bool
) -> dict[tuple[int, int], dict]:
    sql = _SQL.format(
        srid=METRISCHES_SRID,
        quartier=connection.ops.quote_name(Quartier._meta.db_table),
        kategorie=connection.ops.quote_name(InfrastrukturKategorie._meta.db_table),
        infrastruktur=connection.ops.quote_name(Infrastruktur._meta.db_table),
        segmente=PUFFER_SEGMENTE,
        vereinfachung=PUFFER_VEREINFACHUNG_M,
        stellen=GEOJSON_NACHKOMMASTELLEN,
    )
    parameter = {
        "quartiere": [q.pk for q in quartiere],
        "kategorien": [k.pk for k in kategorien],
        "mit_puffer": mit_puffer,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, parameter)
        zeilen = cursor.fetchall()
    return {
        (quartier_id, kategorie_id): {
            "anzahl": anzahl,
            "anteil": min(float(anteil), 1.0),
            "naechste_distanz_m": distanz,
            "naechste_id": naechste_id,
            "naechste_name": name or "",
            "puffer_geojson": puffer,
        }
        for quartier_id, kategorie_id, anzahl, anteil, distanz, naechste_id, name, puffer in zeilen
    }


def _geos(
    quartiere: list[Quartier], kategorien: list[InfrastrukturKategorie], mit_puffer: bool
) -> dict[tuple[int, int], dict]:
    """The same measurements as ``_postgis``, with GEOS in Python (for SpatiaLite)."""
    nach_metrisch = CoordTransform(SpatialReference(4326), SpatialReference(METRISCHES_SRID))
    nach_wgs84 = CoordTransform(SpatialReference(METRISCHES_SRID), SpatialReference(4326))
    punkte = defaultdict(list)
    einrichtungen = Infrastruktur.objects.filter(kategorie__in=kategorien).order_by("pk")
    for pk, kategorie_id, name, punkt in einrichtungen.values_list("pk", "kategorie_id", "name", "punkt"):
        punkt.transform(nach_metrisch)
        punkte[kategorie_id].append((pk, name, punkt))
    werte = {}
    for quartier in quartiere:
        grenze = metrisch(quartier.grenze)
        flaeche, mitte = grenze.area, grenze.centroid
        for kategorie in kategorien:
            eintrag = {}
            kandidaten = punkte.get(kategorie.pk, [])
            if kandidaten:
                distanz, pk, name = min((mitte.distance(p), pk, name) for pk, name, p in kandidaten)
                eintrag.update(naechste_distanz_m=distanz, naechste_id=pk, naechste_name=name)
            nahe = [p for _pk, _name, p in kandidaten if p.distance(grenze) <= kategorie.radius_m]
            if nahe:
                puffer = MultiPoint(nahe, srid=METRISCHES_SRID).buffer(kategorie.radius_m, quadsegs=PUFFER_SEGMENTE)
                eintrag.update(anzahl=len(nahe), anteil=min(puffer.intersection(grenze).area / flaeche, 1.0))
                if mit_puffer:
                    einfach = puffer.simplify(PUFFER_VEREINFACHUNG_M, preserve_topology=True)
                    einfach.transform(nach_wgs84)
                    eintrag["puffer_geojson"] = _geojson(einfach)
            werte[(quartier.pk, kategorie.pk)] = eintrag
    return werte


def _geojson(geometrie: GEOSGeometry) -> str:
    """GeoJSON with coordinates rounded like PostGIS's ``ST_AsGeoJSON(…, 5)``."""
    daten = json.loads(geometrie.json)

    def runden(wert: list | float) -> list | float:
        if isinstance(wert, list):
            return [runden(w) for w in wert]
        return round(wert, GEOJSON_NACHKOMMASTELLEN)

    daten["coordinates"] = runden(daten["coordinates"])
    return json.dumps(daten)


def einrichtungen_in_reichweite(
    *, quartier: Quartier, kategorien: Iterable[InfrastrukturKategorie]
) -> list[Infrastruktur]:
    """The facilities of ``kategorien`` within their category's radius of ``quartier`` (inside it or at
    most ``radius_m`` outside its boundary, EPSG:25832), each with ``distanz``; ordered by field of
    action, category and distance. 1 query."""
    grenze = metrisch(quartier.grenze)
    return list(
        Infrastruktur.objects.filter(kategorie__in=list(kategorien))
        .select_related("kategorie__handlungsfeld")
        .annotate(distanz=Distance(Transform("punkt", METRISCHES_SRID), grenze))
        .filter(distanz__lte=F("kategorie__radius_m"))
        .order_by(
            "kategorie__handlungsfeld__reihenfolge", "kategorie__reihenfolge", "kategorie__name", "distanz", "name"
        )
    )


def quartier_abdeckung(
    *, quartier: Quartier, kategorien: list[InfrastrukturKategorie], mit_puffer: bool, stand: int | None = None
) -> tuple[list[Erreichbarkeit], list[Infrastruktur]]:
    """What the quarter's infrastructure page shows in straight line: the coverage of ``quartier`` for
    ``kategorien`` (``erreichbarkeit_berechnen``, with the buffers for the map if ``mit_puffer``) and the
    facilities in reach (``einrichtungen_in_reichweite``). Computed once per Datenstand of the ground
    data (quarters, categories, facilities; ``stand`` if the caller has read it): 2 queries when cached
    (1 with ``stand``), else 3."""

    def berechnen() -> tuple[list[Erreichbarkeit], list[Infrastruktur]]:
        erreichbarkeit = erreichbarkeit_berechnen(quartiere=[quartier], kategorien=kategorien, mit_puffer=mit_puffer)
        return als_text(erreichbarkeit[quartier.pk]), einrichtungen_in_reichweite(
            quartier=quartier, kategorien=kategorien
        )

    return zwischengespeichert(
        "quartier_abdeckung", quartier.pk, [k.pk for k in kategorien], mit_puffer, berechnen=berechnen, stand=stand
    )


def als_text(erreichbarkeiten: list[Erreichbarkeit]) -> list[Erreichbarkeit]:
    """``erreichbarkeiten`` with their reasons as text in the active language, for the cache: a lazy
    translation takes a millisecond to unpickle (Django builds its proxy class anew each time)."""
    for eintrag in erreichbarkeiten:
        eintrag.gruende = [str(grund) for grund in eintrag.gruende]
    return erreichbarkeiten
