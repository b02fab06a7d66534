"""Writes the demo city: the Kommune, its areas (``demo.geometrie``), the demo quarters and accounts.

Everything is generated in EPSG:25832 (metres) and stored in EPSG:4326. The same seed gives
the same geometries, so running ``demo_daten`` twice changes nothing.
"""

from dataclasses import dataclass

from django.contrib.gis.gdal import CoordTransform, SpatialReference
from django.db import transaction

from demo.geometrie import ZUFALLSSAAT, gebiete_erzeugen
from demo.konten import DEMO_NUTZER, demo_konten_anlegen
from demo.stadt import BEZIRKE, KOMMUNE, QUARTIERE, STADTBEZIRKE, stadtbezirk_von
from dwk.permissions import PARTNER
from quartiere.geometrie import als_multipolygon
from quartiere.models import Kommune, Quartier, Stadtbezirk, StatistischerBezirk, Unterbezirk
from quartiere.queries import METRISCHES_SRID
from quartiere.services import quartier_speichern


class DemoFehler(Exception):
    """The demo cannot be written into this database; the message is German and says why."""


@dataclass
class DemoErgebnis:
    kommune: Kommune
    anzahl_stadtbezirke: int
    anzahl_bezirke: int
    anzahl_unterbezirke: int
    stadtflaeche_km2: float
    quartiere: list
    nutzer: list  # (username, role label, full name, skipped?)


@transaction.atomic
def demo_daten_anlegen(*, seed=ZUFALLSSAAT):
    """Create the Dortmund demo, or bring an existing demo back to its defined state.

    Side effects, all in one transaction:
    - the Kommune "Dortmund" (05913000) with ``ist_demo=True`` (a history entry only if it changed);
    - 12 Stadtbezirke, 62 statistische Bezirke and 170 Unterbezirke, created or updated by code;
    - the four reference quarters and two candidates, created or updated by slug through
      ``quartier_speichern`` (so their Unterbezirke are derived) — skipped when nothing changed,
      so a repeated run writes no history entries;
    - five demo users (``admin`` plus one per role) with the documented password, which is set
      again on every run; their groups are set to exactly their role. A user of the same name
      that is not a demo user (other e-mail domain) is left untouched and reported as skipped.

    Raises ``DemoFehler`` when the database holds official areas (a Kommune with
    ``ist_demo=False``): the demo never overwrites them.
    """
    if Kommune.objects.filter(ist_demo=False).exists():
        raise DemoFehler(
            "In dieser Datenbank sind amtliche Gebiete importiert; die Demodaten werden nicht darübergeschrieben."
        )
    plan = gebiete_erzeugen(seed)
    nach_wgs84 = CoordTransform(SpatialReference(METRISCHES_SRID), SpatialReference(4326))

    def wgs84(geometrie):
        return als_multipolygon(geometrie.transform(nach_wgs84, clone=True))

    kommune, _ = _abgleichen(
        Kommune, {"gemeindeschluessel": KOMMUNE["gemeindeschluessel"]}, {"name": KOMMUNE["name"], "ist_demo": True}
    )
    gebiete_geaendert = False
    stadtbezirke = {}
    for code, name in STADTBEZIRKE:
        werte = {"name": name, "kommune_id": kommune.pk, "geometrie": wgs84(plan.stadtbezirke[code])}
        stadtbezirke[code], geaendert = _abgleichen(Stadtbezirk, {"code": code}, werte)
        gebiete_geaendert |= geaendert
    bezirke = {}
    for code, name, sb_code, *_pos in BEZIRKE:
        werte = {"name": name, "stadtbezirk_id": stadtbezirke[sb_code].pk, "geometrie": wgs84(plan.bezirke[code])}
        bezirke[code], geaendert = _abgleichen(StatistischerBezirk, {"code": code}, werte)
        gebiete_geaendert |= geaendert
    for code, (bezirk_code, name, geometrie) in plan.unterbezirke.items():
        werte = {"name": name, "bezirk_id": bezirke[bezirk_code].pk, "geometrie": wgs84(geometrie)}
        gebiete_geaendert |= _abgleichen(Unterbezirk, {"code": code}, werte)[1]

    nutzer = demo_konten_anlegen()
    partner = [user for user, rolle, _uebersprungen in nutzer.values() if user and rolle == PARTNER]
    quartiere = []
    for demo in QUARTIERE:
        quartier = Quartier.objects.filter(slug=demo.slug).first() or Quartier(slug=demo.slug)
        werte = {
            "name": demo.name,
            "stadtbezirk_id": stadtbezirke[stadtbezirk_von(demo.bezirk)].pk,
            "siedlungsepoche": demo.siedlungsepoche,
            "status": demo.status,
            "auswahlbegruendung": demo.auswahlbegruendung,
            "ist_referenzquartier": demo.ist_referenzquartier,
            "grenze": wgs84(plan.quartiere[demo.slug]),
        }
        soll_partner = partner if demo.mit_partner else []
        unveraendert = (
            quartier.pk
            and not gebiete_geaendert
            and not _geaenderte_felder(quartier, werte)
            and set(quartier.partner.all()) == set(soll_partner)
            and quartier.abdeckungen.exists()
        )
        if not unveraendert:
            for feld, wert in werte.items():
                setattr(quartier, feld, wert)
            quartier_speichern(quartier=quartier, partner=soll_partner)
        quartiere.append(quartier)

    return DemoErgebnis(
        kommune=kommune,
        anzahl_stadtbezirke=Stadtbezirk.objects.filter(kommune=kommune).count(),
        anzahl_bezirke=StatistischerBezirk.objects.filter(stadtbezirk__kommune=kommune).count(),
        anzahl_unterbezirke=Unterbezirk.objects.filter(bezirk__stadtbezirk__kommune=kommune).count(),
        stadtflaeche_km2=plan.stadtgrenze.area / 1_000_000,
        quartiere=quartiere,
        nutzer=[
            (username, rolle or "Administration", f"{vorname} {nachname}", nutzer[username][2])
            for username, vorname, nachname, rolle in DEMO_NUTZER
        ],
    )


def _abgleichen(model, suche, werte):
    """Create or update the one row matching ``suche``; save only if something differs.

    Returns ``(objekt, geaendert)``.
    """
    objekt = model.objects.filter(**suche).first()
    if objekt is None:
        objekt = model(**suche)
    elif not _geaenderte_felder(objekt, werte):
        return objekt, False
    for feld, wert in werte.items():
        setattr(objekt, feld, wert)
    objekt.full_clean(validate_unique=False)
    objekt.save()
    return objekt, True


def _geaenderte_felder(objekt, werte):
    geaendert = []
    for feld, wert in werte.items():
        alt = getattr(objekt, feld)
        if hasattr(wert, "equals_exact"):
            gleich = alt is not None and alt.srid == wert.srid and alt.equals_exact(wert, 1e-9)
        else:
            gleich = alt == wert
        if not gleich:
            geaendert.append(feld)
    return geaendert
