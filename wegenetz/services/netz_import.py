"""Import of a walking network from an OpenStreetMap extract (``.osm.pbf``, ``.osm``, ``.osm.bz2``).

pyosmium reads the file once with node locations; every way with a ``highway`` tag is kept or
dropped by the rules in ``_beurteilen`` (what a pedestrian may use), kept ways are cut into edges
at every node that two kept ways share (junctions), lengths are measured in EPSG:25832, and edges
outside the Stadtbezirke are dropped when boundaries exist. The whole network is written in one
transaction: a second import replaces the first completely or not at all.
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import osmium
from django.contrib.gis.geos import GEOSGeometry, LineString
from django.db import connection, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from dwk.text import ImportFehler
from dwk.zeit import jetzt
from quartiere.geometrie import als_multipolygon
from quartiere.models import Stadtbezirk

from ..models import Barriere, Distanzfeld, Netzstand, Wegabschnitt
from ..queries.koordinaten import koordinaten_metrisch
from ..queries.uebersicht import bericht_zeilen

# Ways a pedestrian may use in any case.
FUSSWEGE = {
    "footway",
    "path",
    "pedestrian",
    "living_street",
    "residential",
    "service",
    "steps",
    "track",
    "cycleway",
    "bridleway",
    "corridor",
    "crossing",
    "road",
}
# Roads a pedestrian uses on their sidewalks: kept unless the sidewalk is tagged as missing or mapped
# as a way of its own (sidewalk=separate: that way is imported instead).
STRASSEN = {
    "unclassified",
    "tertiary",
    "tertiary_link",
    "secondary",
    "secondary_link",
    "primary",
    "primary_link",
}
KEIN_GEHWEG = {"no", "none", "separate"}
ZUGANG_ERLAUBT = {"yes", "designated", "permissive", "destination"}
ZUGANG_VERBOTEN = {"no", "private"}
BATCH = 2000
ENDUNGEN = (".osm.pbf", ".pbf", ".osm", ".osm.bz2", ".osm.gz")


@dataclass
class Importbericht:
    """What an import kept and dropped, by kind (the ``highway`` value) and reason."""

    behalten: Counter = field(default_factory=Counter)
    verworfen: dict = field(default_factory=lambda: defaultdict(Counter))
    kanten: int = 0
    knoten: int = 0
    ausserhalb: int = 0
    barrieren_erhalten: int = 0
    barrieren_entfallen: int = 0

    def als_json(self) -> dict:
        return {
            "behalten": dict(sorted(self.behalten.items())),
            "verworfen": {grund: dict(sorted(arten.items())) for grund, arten in sorted(self.verworfen.items())},
            "kanten_ausserhalb": self.ausserhalb,
            "barrieren_erhalten": self.barrieren_erhalten,
            "barrieren_entfallen": self.barrieren_entfallen,
        }

    def zeilen(self) -> list[str]:
        """The report for the console and the job page, one German sentence per line."""
        zeilen = [
            _("%(kanten)s Wegabschnitte mit %(knoten)s Knoten importiert.")
            % {"kanten": self.kanten, "knoten": self.knoten}
        ]
        return zeilen + bericht_zeilen(self.als_json())


@dataclass
class Weg:
    """A way of the extract: its OSM id, node ids in order, and tags."""

    osm_id: int
    knoten: list
    tags: dict


def _beurteilen(tags: dict) -> str | None:
    """Why a way with a ``highway`` tag is dropped (a German reason), or None when it is kept."""
    art = tags.get("highway", "")
    fuss = tags.get("foot", "")
    if tags.get("area") == "yes" and art != "pedestrian":
        return _("Fläche, kein Weg")
    if fuss in ZUGANG_VERBOTEN:
        return _("für Fußgänger gesperrt (foot=no/private)")
    if tags.get("access") in ZUGANG_VERBOTEN and fuss not in ZUGANG_ERLAUBT:
        return _("kein Zugang (access=no/private)")
    if art in FUSSWEGE:
        return None
    if art in STRASSEN:
        gehwege = {tags.get(k, "") for k in ("sidewalk", "sidewalk:both")} - {""}
        seiten = {tags.get(k, "") for k in ("sidewalk:left", "sidewalk:right")} - {""}
        if fuss in ZUGANG_ERLAUBT:
            return None
        if gehwege and gehwege <= KEIN_GEHWEG and not (seiten - KEIN_GEHWEG):
            return _("Straße ohne Gehweg oder mit eigens erfasstem Gehweg")
        return None
    if art in {"motorway", "motorway_link", "trunk", "trunk_link"}:
        return _("Autobahn oder Kraftfahrstraße")
    return _("keine Wegeart für Fußgänger")


def steigung_lesen(wert: str) -> float | None:
    """The signed incline in percent from an OSM ``incline`` value ("12%", "-8 %", "5°"): positive
    uphill in the way's direction, negative downhill (OSM's own convention). None for "up"/"down"
    without a number (the steepness is unknown, so the edge counts as passable) or anything unreadable.

    An edge runs in its way's direction (``_zerlegen`` keeps the node order), so the value holds for
    the edge from its ``von`` to its ``nach`` node.
    """
    wert = (wert or "").strip().replace(",", ".")
    treffer = re.fullmatch(r"([+-]?\d+(?:\.\d+)?)\s*(%|°)?", wert)
    if not treffer:
        return None
    zahl = float(treffer.group(1))
    if treffer.group(2) == "°":
        zahl = math.copysign(math.tan(math.radians(min(abs(zahl), 89))) * 100, zahl)
    return round(zahl, 1) + 0.0  # + 0.0: no "-0.0"


def _datei_lesen(pfad: Path, name: str) -> tuple[list[Weg], dict, dict]:
    """Ways with a ``highway`` tag, node locations, and the kinds dropped by reason; ``name`` is the
    file's name as the user knows it (for the messages)."""
    if not pfad.name.lower().endswith(ENDUNGEN):
        raise ImportFehler(
            [
                _(
                    "Die Datei „%(name)s“ ist kein OpenStreetMap-Auszug: erwartet wird eine Datei mit der "
                    "Endung .osm.pbf (oder .osm, .osm.bz2)."
                )
                % {"name": name}
            ]
        )
    if pfad.stat().st_size == 0:
        raise ImportFehler([_("Die Datei „%(name)s“ ist leer.") % {"name": name}])
    wege, orte = [], {}
    verworfen = defaultdict(Counter)
    try:
        prozessor = osmium.FileProcessor(str(pfad)).with_locations().with_filter(osmium.filter.KeyFilter("highway"))
        for objekt in prozessor:
            if not objekt.is_way():
                continue
            tags = dict(objekt.tags)
            grund = _beurteilen(tags)
            if grund:
                verworfen[grund][tags.get("highway", "")] += 1
                continue
            knoten = []
            for ref in objekt.nodes:
                if not ref.location.valid():
                    continue
                orte[ref.ref] = (ref.location.lon, ref.location.lat)
                if not knoten or knoten[-1] != ref.ref:
                    knoten.append(ref.ref)
            if len(knoten) >= 2:
                wege.append(Weg(osm_id=objekt.id, knoten=knoten, tags=tags))
            else:
                verworfen[_("ohne Lage der Knoten")][tags.get("highway", "")] += 1
    except RuntimeError as fehler:
        raise ImportFehler(
            [
                _(
                    "Die Datei „%(name)s“ lässt sich nicht als OpenStreetMap-Auszug lesen (%(grund)s). Bitte "
                    "laden Sie einen Auszug im Format .osm.pbf hoch, wie ihn z. B. Geofabrik anbietet."
                )
                % {"name": name, "grund": str(fehler)[:200]}
            ]
        ) from fehler
    return wege, orte, verworfen


def _zerlegen(wege: list[Weg]) -> list[tuple[Weg, list]]:
    """Cut every way at the nodes it shares with another kept way (and at its ends): the edges."""
    nutzung = Counter()
    for weg in wege:
        nutzung.update(set(weg.knoten))
        nutzung[weg.knoten[0]] += 1
        nutzung[weg.knoten[-1]] += 1
    kanten = []
    for weg in wege:
        stueck = [weg.knoten[0]]
        for ref in weg.knoten[1:]:
            stueck.append(ref)
            if nutzung[ref] > 1 and len(stueck) >= 2:
                kanten.append((weg, stueck))
                stueck = [ref]
        if len(stueck) >= 2:
            kanten.append((weg, stueck))
    return kanten


def _stadtgebiet() -> GEOSGeometry | None:
    """The union of the Stadtbezirke (EPSG:4326); None without boundaries."""
    grenzen = [g for g in Stadtbezirk.objects.values_list("geometrie", flat=True) if g is not None]
    if not grenzen:
        return None
    vereinigt = grenzen[0]
    for grenze in grenzen[1:]:
        vereinigt = vereinigt.union(grenze)
    return vereinigt


def im_gebiet(lonlat: np.ndarray, gebiet: GEOSGeometry) -> np.ndarray:
    """Which of the points ``lonlat`` (shape (k, 2)) lie inside the (multi)polygon ``gebiet``: all at
    once with matplotlib's point-in-polygon test, holes excluded (a GEOS test per point is far slower)."""
    from matplotlib.path import Path as Pfad  # on first use: importing matplotlib costs every process half a second

    drin = np.zeros(len(lonlat), dtype=bool)
    for polygon in als_multipolygon(gebiet):
        aussen = Pfad(np.asarray(polygon.exterior_ring.coords)).contains_points(lonlat)
        for ring in polygon[1:]:
            aussen &= ~Pfad(np.asarray(ring.coords)).contains_points(lonlat)
        drin |= aussen
    return drin


def kanten_aufbauen(
    *, wege: list[Weg], orte: dict, stadtgebiet: GEOSGeometry | None, bericht: Importbericht
) -> tuple[list[dict], np.ndarray]:
    """The edges as field values (without ``netz``; ``punkte`` instead of the geometry) and the node
    coordinates in EPSG:25832 by index. An edge is kept when one of its points lies in ``stadtgebiet``."""
    stuecke = _zerlegen(wege)
    refs = sorted({ref for _weg, stueck in stuecke for ref in stueck})
    if not refs:
        return [], np.zeros((0, 2))
    lonlat = np.array([orte[r] for r in refs], dtype=float)
    xy_alle = koordinaten_metrisch(lonlat)
    position = {ref: i for i, ref in enumerate(refs)}
    drin = im_gebiet(lonlat, stadtgebiet) if stadtgebiet is not None else None
    index = {}
    kanten = []
    for weg, stueck in stuecke:
        if drin is not None and not drin[[position[r] for r in stueck]].any():
            bericht.ausserhalb += 1
            continue
        xy = xy_alle[[position[r] for r in stueck]]
        laenge = float(np.hypot(*np.diff(xy, axis=0).T).sum())
        tags = weg.tags
        for ref in (stueck[0], stueck[-1]):
            index.setdefault(ref, len(index))
        kanten.append(
            {
                "osm_weg": weg.osm_id,
                "von_knoten": stueck[0],
                "nach_knoten": stueck[-1],
                "von_index": index[stueck[0]],
                "nach_index": index[stueck[-1]],
                "punkte": [orte[r] for r in stueck],
                "laenge_m": round(laenge, 2),
                "art": tags.get("highway", "")[:40],
                "name": tags.get("name", "")[:200],
                "ist_treppe": tags.get("highway") == "steps",
                "steigung_prozent": steigung_lesen(tags.get("incline", "")),
                "oberflaeche": tags.get("surface", "")[:40],
                "smoothness": tags.get("smoothness", "")[:40],
                "kerb": tags.get("kerb", "")[:40],
                "wheelchair": tags.get("wheelchair", "")[:20],
                "lit": tags.get("lit", "")[:20],
            }
        )
    knoten_xy = np.zeros((len(index), 2))
    for ref, i in index.items():
        knoten_xy[i] = xy_alle[position[ref]]
    bericht.kanten, bericht.knoten = len(kanten), len(index)
    for weg in {id(w): w for w, _s in stuecke}.values():
        bericht.behalten[weg.tags.get("highway", "")] += 1
    return kanten, knoten_xy


SPALTEN = [
    "osm_weg",
    "von_knoten",
    "nach_knoten",
    "von_index",
    "nach_index",
    "laenge_m",
    "art",
    "name",
    "ist_treppe",
    "steigung_prozent",
    "oberflaeche",
    "smoothness",
    "kerb",
    "wheelchair",
    "lit",
]


def _kanten_schreiben(*, netz: Netzstand, kanten: list[dict]) -> None:
    """Write the edges: on PostgreSQL with COPY (geometry as EWKT; 100,000 rows in seconds, where
    ``bulk_create`` takes minutes), elsewhere (SpatiaLite) with ``bulk_create``."""
    if connection.vendor != "postgresql":
        for start in range(0, len(kanten), BATCH):
            Wegabschnitt.objects.bulk_create(
                [
                    Wegabschnitt(
                        netz=netz,
                        geometrie=LineString(werte["punkte"], srid=4326),
                        **{k: v for k, v in werte.items() if k != "punkte"},
                    )
                    for werte in kanten[start : start + BATCH]
                ]
            )
        return
    meta = Wegabschnitt._meta
    spalten = [meta.get_field("netz").column, meta.get_field("geometrie").column] + [
        meta.get_field(name).column for name in SPALTEN
    ]
    sql = "COPY {} ({}) FROM STDIN".format(
        connection.ops.quote_name(meta.db_table), ", ".join(connection.ops.quote_name(s) for s in spalten)
    )
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as kopie:
        for werte in kanten:
            linie = "SRID=4326;LINESTRING(" + ",".join(f"{x!r} {y!r}" for x, y in werte["punkte"]) + ")"
            kopie.write_row([netz.pk, linie, *(werte[name] for name in SPALTEN)])


@transaction.atomic
def wegenetz_speichern(*, quelle: str, kanten: list[dict], knoten_xy: np.ndarray, bericht: Importbericht) -> Netzstand:
    """Replace the walking network by ``kanten`` (field values as ``kanten_aufbauen`` makes them).

    Side effects, in one transaction: deletes the previous network with its edges and distance
    fields; creates the ``Netzstand`` and its ``Wegabschnitt`` rows; links the barriers of
    walk-through findings again to the new edge between the same two OSM nodes (the others are
    dropped and counted in ``bericht``). Distance fields are not computed here (see
    ``services.distanzfelder``).
    """
    alte_barrieren = list(
        Barriere.objects.values_list("befund_id", "wegabschnitt__von_knoten", "wegabschnitt__nach_knoten")
    )
    alte = list(Netzstand.objects.values_list("pk", flat=True))
    Barriere.objects.all().delete()
    Distanzfeld.objects.filter(netz_id__in=alte).delete()
    # Raw delete: the collector would load every edge into memory first; their only dependants
    # (barriers) are deleted above.
    Wegabschnitt.objects.filter(netz_id__in=alte)._raw_delete(Wegabschnitt.objects.db)
    Netzstand.objects.filter(pk__in=alte).delete()
    netz = Netzstand(
        quelle=quelle[:300],
        importiert_am=jetzt(),
        anzahl_kanten=len(kanten),
        anzahl_knoten=len(knoten_xy),
        bericht={},
        knoten_koordinaten=np.ascontiguousarray(knoten_xy, dtype="<f8").tobytes(),
    )
    netz.full_clean()
    netz.save()
    _kanten_schreiben(netz=netz, kanten=kanten)
    if alte_barrieren:
        neue = {}
        paare = {(v, n) for _b, v, n in alte_barrieren} | {(n, v) for _b, v, n in alte_barrieren}
        bedingung = Q()
        for von, nach in paare:
            bedingung |= Q(von_knoten=von, nach_knoten=nach)
        for pk, von, nach in Wegabschnitt.objects.filter(bedingung, netz=netz).values_list(
            "pk", "von_knoten", "nach_knoten"
        ):
            neue.setdefault((von, nach), pk)
            neue.setdefault((nach, von), pk)
        wieder = {(befund, neue[(v, n)]) for befund, v, n in alte_barrieren if (v, n) in neue}
        Barriere.objects.bulk_create([Barriere(befund_id=b, wegabschnitt_id=w) for b, w in sorted(wieder)])
        bericht.barrieren_erhalten = len(wieder)
        bericht.barrieren_entfallen = len(alte_barrieren) - len(wieder)
    netz.bericht = bericht.als_json()
    netz.save(update_fields=["bericht"])
    return netz


def wegenetz_importieren(
    *, pfad: Path, quelle: str | None = None, melden: Callable[[str], None] | None = None
) -> tuple[Netzstand, Importbericht]:
    """Read the OSM extract at ``pfad`` and replace the walking network by it (see ``wegenetz_speichern``).

    ``melden`` (optional) receives a German sentence after each stage, for the job's progress.
    Raises ``ImportFehler`` (nothing changed) when the file is no OSM extract or holds no way a
    pedestrian may use.
    """
    melden = melden or (lambda text: None)
    pfad = Path(pfad)
    name = quelle or pfad.name
    wege, orte, verworfen = _datei_lesen(pfad, name)
    bericht = Importbericht(verworfen=verworfen)
    melden(_("Datei gelesen: %(anzahl)s Wege für Fußgänger.") % {"anzahl": len(wege)})
    kanten, knoten_xy = kanten_aufbauen(wege=wege, orte=orte, stadtgebiet=_stadtgebiet(), bericht=bericht)
    if not kanten:
        raise ImportFehler(
            [
                _(
                    "Die Datei „%(name)s“ enthält keinen Weg für Fußgänger innerhalb der Stadtbezirke; "
                    "es wurde nichts geändert."
                )
                % {"name": name}
            ]
        )
    melden(_("Netz aufgebaut: %(anzahl)s Wegabschnitte.") % {"anzahl": len(kanten)})
    netz = wegenetz_speichern(quelle=name, kanten=kanten, knoten_xy=knoten_xy, bericht=bericht)
    melden(_("Netz gespeichert."))
    return netz, bericht


def wegenetz_aus_wegen(*, wege: list[Weg], orte: dict, quelle: str) -> tuple[Netzstand, Importbericht]:
    """Replace the walking network by ``wege`` (tags as in OSM) with node locations ``orte``
    ({node id: (lon, lat)}): the import without a file, for the demo network and generated networks.

    Side effects as ``wegenetz_speichern``; edges outside the Stadtbezirke are dropped.
    """
    bericht = Importbericht()
    for weg in wege:
        grund = _beurteilen(weg.tags)
        if grund:
            bericht.verworfen[grund][weg.tags.get("highway", "")] += 1
    wege = [w for w in wege if not _beurteilen(w.tags)]
    kanten, knoten_xy = kanten_aufbauen(wege=wege, orte=orte, stadtgebiet=_stadtgebiet(), bericht=bericht)
    return wegenetz_speichern(quelle=quelle, kanten=kanten, knoten_xy=knoten_xy, bericht=bericht), bericht
