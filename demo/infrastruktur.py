"""Demodaten: about 850 invented facilities in the generated Dortmund demo city.

Each facility lies in one of the generated Unterbezirke, chosen with a weight that falls
off with the distance from the city centre, so the centre is denser than the edge. Each
reference quarter gets a small "Ortskern" of everyday facilities near its centre, and a
few categories that are missing in and around it (its gaps; see ``LUECKEN``), matching
the quarters' descriptions in ``demo.gebiete``. Names, addresses and opening notes are
invented; every demo facility is marked by ``quelle_hinweis`` starting with "Demodaten".

The same seed gives the same facilities, so running ``demo_daten`` twice changes nothing.
"""

import datetime
import math
import random
from dataclasses import dataclass

from django.contrib.gis.gdal import CoordTransform, SpatialReference
from django.contrib.gis.geos import Point
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from quartiere.models import (
    Barrierefreiheit,
    Infrastruktur,
    InfrastrukturKategorie,
    Infrastrukturquelle,
    Quartier,
    Unterbezirk,
)
from quartiere.queries import METRISCHES_SRID, metrisch

ZUFALLSSAAT = 2016
DEMO_KENNUNG = "Demodaten"
STADTMITTE = (7.4653, 51.5136)  # Reinoldikirche
DICHTE_ABFALL_M = 4000  # the weight of an area halves about every 2.8 km from the centre

# Category slug → number of facilities in the city.
ANZAHLEN = {
    "seniorenbuero": 12,
    "begegnungsstaette": 40,
    "gemeindezentrum": 30,
    "hausarztpraxis": 60,
    "facharztpraxis": 35,
    "apotheke": 45,
    "ambulanter-pflegedienst": 25,
    "tagespflege": 15,
    "pflegeheim": 20,
    "lebensmittelmarkt": 50,
    "baeckerei": 45,
    "bank-geldautomat": 30,
    "post": 20,
    "haltestelle": 110,
    "oeffentliche-toilette": 10,
    "sitzbank": 70,
    "gruenflaeche-park": 30,
}

# Reference quarter → categories with no facility in it or within their radius of it.
LUECKEN = {
    "menglinghausen": ["hausarztpraxis", "lebensmittelmarkt", "bank-geldautomat", "oeffentliche-toilette"],
    "derne": ["lebensmittelmarkt", "post", "facharztpraxis", "tagespflege"],
    "jungferntal": ["begegnungsstaette", "apotheke", "oeffentliche-toilette", "gruenflaeche-park"],
    "marten": ["tagespflege", "gruenflaeche-park", "sitzbank", "post"],
}
# Per reference quarter: categories spread over the whole quarter (a jittered grid with a
# spacing of 1.5 × radius, so most of the area is within reach) …
FLAECHIG = {
    "menglinghausen": ["haltestelle", "baeckerei"],
    "derne": ["haltestelle", "apotheke", "hausarztpraxis"],
    "jungferntal": ["haltestelle", "lebensmittelmarkt", "baeckerei", "hausarztpraxis"],
    "marten": ["haltestelle", "lebensmittelmarkt", "apotheke", "baeckerei", "hausarztpraxis"],
}
# … and everyday facilities only in the quarter's centre (within 150 m of it), unless they
# are a gap or spread there: the centre is served, the edges often not.
ORTSKERN = [
    "baeckerei",
    "apotheke",
    "hausarztpraxis",
    "lebensmittelmarkt",
    "sitzbank",
    "sitzbank",
    "begegnungsstaette",
    "bank-geldautomat",
    "gemeindezentrum",
    "post",
]
ORTSKERN_RADIUS_M = 150

STRASSEN = [
    "Hauptstraße", "Kirchstraße", "Schulstraße", "Lindenstraße", "Bahnhofstraße", "Gartenstraße",
    "Mühlenweg", "Am Markt", "Rosenweg", "Buchenweg", "Westfalenstraße", "Zechenstraße",
    "Hellweg", "Kampstraße", "Im Winkel", "Wiesenweg", "Brunnenstraße", "Ahornweg",
    "Friedhofstraße", "Sonnenstraße", "Dorfstraße", "Auf dem Brink", "Kolonie", "Heideweg",
]  # fmt: skip
NACHNAMEN = [
    "Schulte", "Krämer", "Hoffmann", "Becker", "Wagner", "Wiemann", "Brinkmann", "Kowalski",
    "Schröder", "Niemeyer", "Yılmaz", "Lange", "Hartmann", "Böhm", "Kaya", "Tenhagen",
]  # fmt: skip
TRAEGER = ["AWO", "Diakonie", "Caritas", "DRK", "Paritätischer", "Bürgerverein"]
APOTHEKEN = ["Adler", "Löwen", "Linden", "Rosen", "Sonnen", "Markt", "Stern", "Glückauf", "Hirsch", "Kronen"]
FACHRICHTUNGEN = [
    "Augenarztpraxis",
    "HNO-Praxis",
    "Orthopädische Praxis",
    "Kardiologische Praxis",
    "Neurologische Praxis",
]

OEFFNUNG = {
    "seniorenbuero": "Mo–Fr 9–12 Uhr, Do 14–17 Uhr",
    "begegnungsstaette": "Mo–Fr 10–17 Uhr, Mittagstisch Di und Do",
    "gemeindezentrum": "Seniorentreff Mi 15–17 Uhr",
    "hausarztpraxis": "Mo–Fr 8–12 Uhr, Mo, Di, Do 15–18 Uhr",
    "facharztpraxis": "nach Vereinbarung",
    "apotheke": "Mo–Fr 8.30–18.30 Uhr, Sa 8.30–13 Uhr",
    "ambulanter-pflegedienst": "Büro Mo–Fr 8–16 Uhr, Pflege rund um die Uhr",
    "tagespflege": "Mo–Fr 8–16 Uhr, mit Fahrdienst",
    "pflegeheim": "Besuch täglich 10–19 Uhr",
    "lebensmittelmarkt": "Mo–Sa 7–21 Uhr",
    "baeckerei": "Mo–Sa 6–18 Uhr, So 7–11 Uhr",
    "bank-geldautomat": "Automat rund um die Uhr",
    "post": "Mo–Fr 9–18 Uhr, Sa 9–13 Uhr",
    "haltestelle": "",
    "oeffentliche-toilette": "täglich 7–20 Uhr",
    "sitzbank": "",
    "gruenflaeche-park": "",
}
QUELLEN = {
    "seniorenbuero": Infrastrukturquelle.BEFRAGUNG,
    "begegnungsstaette": Infrastrukturquelle.BEFRAGUNG,
    "gemeindezentrum": Infrastrukturquelle.BEFRAGUNG,
    "ambulanter-pflegedienst": Infrastrukturquelle.FACHPLANUNG,
    "tagespflege": Infrastrukturquelle.FACHPLANUNG,
    "pflegeheim": Infrastrukturquelle.FACHPLANUNG,
    "haltestelle": Infrastrukturquelle.OPEN_DATA,
    "sitzbank": Infrastrukturquelle.BEGEHUNG,
    "oeffentliche-toilette": Infrastrukturquelle.BEGEHUNG,
}
BARRIEREFREIHEIT = [
    (Barrierefreiheit.JA, 4),
    (Barrierefreiheit.TEILWEISE, 3),
    (Barrierefreiheit.NEIN, 2),
    (Barrierefreiheit.UNBEKANNT, 2),
]


@dataclass
class DemoInfrastrukturErgebnis:
    anzahl: int
    angelegt: int
    aktualisiert: int
    entfernt: int
    luecken: dict  # quarter name → category names


def _name(slug, rng, ort, strasse):
    nachname = rng.choice(NACHNAMEN)
    match slug:
        case "seniorenbuero":
            return f"Seniorenbüro {ort}"
        case "begegnungsstaette":
            return f"Begegnungsstätte {rng.choice(TRAEGER)} {ort}"
        case "gemeindezentrum":
            return f"{rng.choice(['Ev.', 'Kath.'])} Gemeindezentrum {ort}"
        case "hausarztpraxis":
            return f"Hausarztpraxis Dr. {nachname}"
        case "facharztpraxis":
            return f"{rng.choice(FACHRICHTUNGEN)} Dr. {nachname}"
        case "apotheke":
            return f"{rng.choice(APOTHEKEN)}-Apotheke {ort}"
        case "ambulanter-pflegedienst":
            return f"Pflegedienst {rng.choice(TRAEGER)} {ort}"
        case "tagespflege":
            return f"Tagespflege {ort}"
        case "pflegeheim":
            return f"{rng.choice(['Seniorenzentrum', 'Altenzentrum', 'Haus am Park'])} {ort}"
        case "lebensmittelmarkt":
            return f"{rng.choice(['Supermarkt', 'Lebensmittelmarkt', 'Discounter', 'Dorfladen'])} {strasse}"
        case "baeckerei":
            return f"Bäckerei {nachname}"
        case "bank-geldautomat":
            return f"{rng.choice(['Bankfiliale', 'Geldautomat'])} {ort}"
        case "post":
            return f"{rng.choice(['Postfiliale', 'Postpartner im Kiosk'])} {ort}"
        case "haltestelle":
            return f"Haltestelle {strasse}"
        case "oeffentliche-toilette":
            return f"Öffentliche Toilette {ort}"
        case "sitzbank":
            return f"Sitzbank {strasse}"
        case "gruenflaeche-park":
            return f"{rng.choice(['Grünanlage', 'Park', 'Spazierweg'])} {strasse}"
    return f"{slug.title()} {ort}"


def _punkt_in(flaeche, rng, mitte=None, streuung=None):
    """A random point inside ``flaeche`` (metric): uniform, or near ``mitte`` within ``streuung`` metres."""
    xmin, ymin, xmax, ymax = flaeche.extent
    for _versuch in range(200):
        if mitte is None:
            punkt = Point(rng.uniform(xmin, xmax), rng.uniform(ymin, ymax), srid=METRISCHES_SRID)
        else:
            winkel, abstand = rng.uniform(0, 2 * math.pi), streuung * math.sqrt(rng.random())
            punkt = Point(
                mitte.x + abstand * math.cos(winkel), mitte.y + abstand * math.sin(winkel), srid=METRISCHES_SRID
            )
        if flaeche.contains(punkt):
            return punkt
    return flaeche.point_on_surface


def _raster(flaeche, abstand, rng):
    """Points of a grid with ``abstand`` metres spacing, each moved by up to 20 %, that fall inside ``flaeche``."""
    xmin, ymin, xmax, ymax = flaeche.extent
    punkte = []
    y = ymin + abstand / 2
    while y < ymax:
        x = xmin + abstand / 2
        while x < xmax:
            punkt = Point(
                x + rng.uniform(-0.2, 0.2) * abstand, y + rng.uniform(-0.2, 0.2) * abstand, srid=METRISCHES_SRID
            )
            if flaeche.contains(punkt):
                punkte.append(punkt)
            x += abstand
        y += abstand
    return punkte


def infrastruktur_demo_erzeugen(*, seed=ZUFALLSSAAT):
    """The demo facilities as unsaved ``Infrastruktur`` objects; reads areas, writes nothing."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible demo data, not a secret
    kategorien = {k.slug: k for k in InfrastrukturKategorie.objects.filter(slug__in=ANZAHLEN)}
    nach_wgs84 = CoordTransform(SpatialReference(METRISCHES_SRID), SpatialReference(4326))
    mitte_stadt = metrisch(Point(*STADTMITTE, srid=4326))
    gebiete = [
        (u.bezirk.name, metrisch(u.geometrie)) for u in Unterbezirk.objects.select_related("bezirk").order_by("code")
    ]
    if not gebiete:
        return []
    gewichte = [g.area * math.exp(-g.centroid.distance(mitte_stadt) / DICHTE_ABFALL_M) for _ort, g in gebiete]
    sperren = {}  # category slug → metric areas where it must not be placed (the reference quarters' gaps)
    quartiere = {q.slug: q for q in Quartier.objects.filter(slug__in=LUECKEN)}
    for slug, fehlend in LUECKEN.items():
        if slug in quartiere:
            grenze = metrisch(quartiere[slug].grenze)
            for kategorie_slug in fehlend:
                if kategorie_slug in kategorien:
                    sperren.setdefault(kategorie_slug, []).append(
                        grenze.buffer(kategorien[kategorie_slug].radius_m + 50)
                    )

    def erlaubt(slug, punkt):
        return not any(sperre.contains(punkt) for sperre in sperren.get(slug, []))

    plaetze = []  # (category slug, place name, metric point)
    for slug, anzahl in ANZAHLEN.items():
        if slug not in kategorien:
            continue
        for _ in range(anzahl):
            for _versuch in range(50):
                ort, flaeche = rng.choices(gebiete, weights=gewichte)[0]
                punkt = _punkt_in(flaeche, rng)
                if erlaubt(slug, punkt):
                    plaetze.append((slug, ort, punkt))
                    break
    for slug, quartier in quartiere.items():
        grenze = metrisch(quartier.grenze)
        mitte = grenze.centroid if grenze.contains(grenze.centroid) else grenze.point_on_surface
        for kategorie_slug in FLAECHIG[slug]:
            if kategorie_slug in kategorien:
                for punkt in _raster(grenze, 1.5 * kategorien[kategorie_slug].radius_m, rng):
                    if erlaubt(kategorie_slug, punkt):
                        plaetze.append((kategorie_slug, quartier.name, punkt))
        for kategorie_slug in ORTSKERN:
            if kategorie_slug in kategorien and kategorie_slug not in LUECKEN[slug] + FLAECHIG[slug]:
                for _versuch in range(50):
                    punkt = _punkt_in(grenze, rng, mitte, ORTSKERN_RADIUS_M)
                    if erlaubt(kategorie_slug, punkt):
                        plaetze.append((kategorie_slug, quartier.name, punkt))
                        break

    einrichtungen, namen = [], set()
    for slug, ort, punkt in plaetze:
        strasse = rng.choice(STRASSEN)
        name = _name(slug, rng, ort, strasse)
        nummer = 2
        while (slug, name) in namen:
            name, nummer = f"{_name(slug, rng, ort, strasse)} ({nummer})", nummer + 1
        namen.add((slug, name))
        wgs84 = punkt.transform(nach_wgs84, clone=True)
        quelle = QUELLEN.get(slug, Infrastrukturquelle.OPEN_DATA)
        einrichtungen.append(
            Infrastruktur(
                kategorie=kategorien[slug],
                name=name,
                punkt=Point(round(wgs84.x, 6), round(wgs84.y, 6), srid=4326),
                adresse=f"{strasse} {rng.randint(1, 120)}, {rng.randint(44135, 44388)} Dortmund",
                barrierefreiheit=rng.choices(*zip(*BARRIEREFREIHEIT, strict=True))[0],
                oeffnungshinweise=OEFFNUNG.get(slug, ""),
                quelle=quelle,
                quelle_hinweis=f"{DEMO_KENNUNG} – {Infrastrukturquelle(quelle).label}",
                stand=datetime.date(2016, 6, 1) + datetime.timedelta(days=rng.randint(0, 180)),
            )
        )
    return einrichtungen


VERGLICHENE_FELDER = ["adresse", "barrierefreiheit", "oeffnungshinweise", "quelle", "quelle_hinweis", "stand"]


@transaction.atomic
def infrastruktur_demo_anlegen(*, seed=ZUFALLSSAAT):
    """Create the demo facilities, or bring existing demo facilities back to their defined state.

    Side effects, in one transaction: creates missing demo facilities (with history
    entries), updates demo facilities whose fields differ, deletes demo facilities the
    generator no longer makes. Demo facilities are recognised by ``quelle_hinweis``
    starting with "Demodaten" and matched by category and name; other facilities are never
    touched. A repeated run changes nothing and writes no history.
    """
    soll = {(e.kategorie_id, e.name): e for e in infrastruktur_demo_erzeugen(seed=seed)}
    ist = {(e.kategorie_id, e.name): e for e in Infrastruktur.objects.filter(quelle_hinweis__startswith=DEMO_KENNUNG)}
    neu = [e for schluessel, e in soll.items() if schluessel not in ist]
    for e in neu:
        e.full_clean()
    bulk_create_with_history(neu, Infrastruktur)
    aktualisiert = 0
    for schluessel, vorhanden in ist.items():
        if schluessel not in soll:
            continue
        gewollt = soll[schluessel]
        geaendert = not vorhanden.punkt.equals_exact(gewollt.punkt, 1e-9) or any(
            getattr(vorhanden, f) != getattr(gewollt, f) for f in VERGLICHENE_FELDER
        )
        if geaendert:
            vorhanden.punkt = gewollt.punkt
            for feld in VERGLICHENE_FELDER:
                setattr(vorhanden, feld, getattr(gewollt, feld))
            vorhanden.full_clean()
            vorhanden.save()
            aktualisiert += 1
    veraltet = [e for schluessel, e in ist.items() if schluessel not in soll]
    for e in veraltet:
        e.delete()
    namen = {k.slug: k.name for k in InfrastrukturKategorie.objects.filter(slug__in=ANZAHLEN)}
    quartiere = dict(Quartier.objects.filter(slug__in=LUECKEN).values_list("slug", "name"))
    return DemoInfrastrukturErgebnis(
        anzahl=len(soll),
        angelegt=len(neu),
        aktualisiert=aktualisiert,
        entfernt=len(veraltet),
        luecken={quartiere[s]: [namen[k] for k in kats if k in namen] for s, kats in LUECKEN.items() if s in quartiere},
    )
