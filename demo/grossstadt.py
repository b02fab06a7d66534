"""A generated city of Berlin's size for measurements (``manage.py demo_grossstadt``, bench/bench_grossstadt.py).

12 Stadtbezirke, about 140 statistische Bezirke and 550 Unterbezirke (a grid of rectangles whose
edges wave a little, with a vertex every 100 m, so layers weigh what real boundaries weigh),
25 indicators × 11 years of values, 5,000 facilities, 20 quarters, 60 events with 3,000 results,
40 meetings and 2,000 small generated photos, and the profiles of the four reference quarters
written in full (texts and evidence in every Handlungsfeld) and released, so that the measured
profile PDF and committee report carry what a real one carries. ``Groesse`` scales every number
down (the test runs a small city). Everything is derived from ``seed``; it goes into an empty
database only (no Stadtbezirk yet), so it never mixes with the Dortmund demo.
"""

import datetime
import io
import math
import random
from dataclasses import asdict, dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from simple_history.utils import bulk_create_with_history

from berichte.services.berichte import belegstand_einfrieren
from buergerdialog.models import Ergebnis, ErgebnisArt, Veranstaltung, VeranstaltungFormat, VeranstaltungStatus
from dwk.permissions import PROJEKTTEAM
from lenkungsgruppe.models import Sitzung, SitzungFormat
from quartiere.models import (
    Ebene,
    Indikator,
    IndikatorArt,
    Infrastruktur,
    InfrastrukturKategorie,
    Infrastrukturquelle,
    Kennzahl,
    Kommune,
    Quartier,
    Siedlungsepoche,
    Stadtbezirk,
    StatistischerBezirk,
    Unterbezirk,
)
from quartiere.queries import METRISCHES_SRID
from quartiere.services import quartier_speichern
from quartiere.services.datenstand import datenstand_erhoehen
from quartiersprofil.models import Foto, Quartiersbegehung
from quartiersprofil.services.begehungen import fotos_hochladen
from quartiersprofil.services.profil import (
    abschnitt_speichern,
    profil_entwurf_anlegen,
    profil_freigeben,
    profil_zur_beratung_geben,
)

ZUFALLSSAAT = 3645
# South-west corner of the city in EPSG:25832 (metres) and the side of a Stadtbezirk's square.
X0, Y0 = 370_000, 5_690_000
SEITE_STADTBEZIRK = 8_000
STUETZPUNKT_ABSTAND = 100  # metres between the vertices of a boundary
WELLE = 25  # metres a boundary waves at most
ERSTES_JAHR = 2007
FOTOS_JE_UPLOAD = 25
# Evidence linked in each section of a written profile.
INDIKATOREN_JE_ABSCHNITT = 4
FOTOS_JE_ABSCHNITT = 3


@dataclass(frozen=True)
class Groesse:
    """How many of each; the defaults are a city of Berlin's size."""

    stadtbezirke: int = 12
    bezirke: int = 140
    unterbezirke: int = 550
    kennzahlen: int = 25
    jahre: int = 11
    einrichtungen: int = 5000
    quartiere: int = 20
    veranstaltungen: int = 60
    ergebnisse: int = 3000
    sitzungen: int = 40
    fotos: int = 2000
    profile: int = 4  # profiles written in full, of the first quarters (the reference quarters)


class GrossstadtFehler(Exception):
    """The city cannot be built here (the database already holds areas)."""


def _verteilen(gesamt: int, anzahl: int) -> list[int]:
    """``gesamt`` split into ``anzahl`` whole parts differing by at most one."""
    return [gesamt // anzahl + (1 if i < gesamt % anzahl else 0) for i in range(anzahl)]


def _auf_raster(wert: float) -> int:
    return round(wert / STUETZPUNKT_ABSTAND) * STUETZPUNKT_ABSTAND


def teilen(rechteck: tuple[int, int, int, int], anzahl: int) -> list[tuple[int, int, int, int]]:
    """``rechteck`` (x0, y0, x1, y1) cut into ``anzahl`` rectangles: rows of equal height, the last row
    with the cells left over, every edge on the 100 m grid."""
    x0, y0, x1, y1 = rechteck
    spalten = math.ceil(math.sqrt(anzahl))
    zeilen = math.ceil(anzahl / spalten)
    teile = []
    for zeile in range(zeilen):
        in_zeile = spalten if zeile < zeilen - 1 else anzahl - spalten * (zeilen - 1)
        unten, oben = (_auf_raster(y0 + (y1 - y0) * z / zeilen) for z in (zeile, zeile + 1))
        for spalte in range(in_zeile):
            links, rechts = (_auf_raster(x0 + (x1 - x0) * s / in_zeile) for s in (spalte, spalte + 1))
            teile.append((links, unten, rechts, oben))
    return teile


def _welle(x: float, y: float) -> tuple[float, float]:
    """A vertex moved by a smooth function of where it is: neighbours share their boundary exactly."""
    return x + WELLE * math.sin(y / 700) * math.cos(x / 1900), y + WELLE * math.sin(x / 900) * math.cos(y / 2300)


def flaeche(rechteck: tuple[int, int, int, int]) -> MultiPolygon:
    """The waving outline of ``rechteck`` (EPSG:25832) with a vertex every 100 m, as EPSG:4326."""
    x0, y0, x1, y1 = rechteck
    ring = []
    ecken = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    for (ax, ay), (bx, by) in zip(ecken, ecken[1:] + ecken[:1], strict=True):
        schritte = max(1, round(max(abs(bx - ax), abs(by - ay)) / STUETZPUNKT_ABSTAND))
        ring += [_welle(ax + (bx - ax) * i / schritte, ay + (by - ay) * i / schritte) for i in range(schritte)]
    polygon = Polygon([*ring, ring[0]], srid=METRISCHES_SRID)
    polygon.transform(4326)
    return MultiPolygon(polygon, srid=4326)


def _gebiete(groesse: Groesse) -> tuple[Kommune, list, list, list]:
    kommune = Kommune.objects.create(name="Großstadt", gemeindeschluessel="11000000", ist_demo=True)
    spalten = math.ceil(math.sqrt(groesse.stadtbezirke * 4 / 3))
    stadtbezirke, bezirke, unterbezirke = [], [], []
    je_stadtbezirk = _verteilen(groesse.bezirke, groesse.stadtbezirke)
    je_bezirk = _verteilen(groesse.unterbezirke, groesse.bezirke)
    for s in range(groesse.stadtbezirke):
        x, y = X0 + (s % spalten) * SEITE_STADTBEZIRK, Y0 + (s // spalten) * SEITE_STADTBEZIRK
        rechteck = (x, y, x + SEITE_STADTBEZIRK, y + SEITE_STADTBEZIRK)
        stadtbezirk = Stadtbezirk(
            kommune=kommune, code=f"{s + 1:02d}", name=f"Bezirk {s + 1}", geometrie=flaeche(rechteck)
        )
        stadtbezirke.append((stadtbezirk, rechteck))
    Stadtbezirk.objects.bulk_create([s for s, _r in stadtbezirke])
    for s, (stadtbezirk, rechteck) in enumerate(stadtbezirke):
        for teil in teilen(rechteck, je_stadtbezirk[s]):
            code = f"{stadtbezirk.code}{len(bezirke) + 1:03d}"
            bezirk = StatistischerBezirk(
                stadtbezirk=stadtbezirk, code=code, name=f"Planungsraum {code}", geometrie=flaeche(teil)
            )
            bezirke.append((bezirk, teil))
    StatistischerBezirk.objects.bulk_create([b for b, _r in bezirke])
    for n, (bezirk, rechteck) in enumerate(bezirke):
        for i, teil in enumerate(teilen(rechteck, je_bezirk[n])):
            code = f"{bezirk.code}{i + 1:02d}"
            unterbezirk = Unterbezirk(bezirk=bezirk, code=code, name=f"Block {code}", geometrie=flaeche(teil))
            unterbezirke.append((unterbezirk, teil))
    Unterbezirk.objects.bulk_create([u for u, _r in unterbezirke])
    return kommune, stadtbezirke, bezirke, unterbezirke


# Shares of the residents for the counts of the catalogue (the rest: a few per cent, at random).
ALTERSANTEILE = {"ew_0_17": 0.16, "ew_18_64": 0.62, "ew_65_79": 0.15, "ew_80plus": 0.07, "ew_65plus": 0.22}


def _kennzahlen(groesse: Groesse, unterbezirke: list, rng: random.Random) -> int:
    """Counts for every Unterbezirk and year; the catalogue gets extra counts up to ``groesse.kennzahlen``."""
    for n in range(max(0, groesse.kennzahlen - Indikator.objects.count())):
        indikator = Indikator(
            schluessel=f"gs_zusatz_{n + 1}",
            name=f"Zusätzliche Zählung {n + 1}",
            einheit="Personen",
            art=IndikatorArt.ANZAHL,
            reihenfolge=900 + n,
        )
        indikator.full_clean()
        indikator.save()
    anzahlen = list(Indikator.objects.filter(art=IndikatorArt.ANZAHL).order_by("pk"))
    anteile = {i.schluessel: ALTERSANTEILE.get(i.schluessel, rng.uniform(0.01, 0.08)) for i in anzahlen}
    neue = []
    for unterbezirk, _rechteck in unterbezirke:
        einwohner = rng.randint(2_000, 11_000)
        for jahr in range(ERSTES_JAHR, ERSTES_JAHR + groesse.jahre):
            einwohner = round(einwohner * rng.uniform(0.98, 1.03))
            for indikator in anzahlen:
                wert = (
                    einwohner
                    if indikator.schluessel == "ew_gesamt"
                    else round(einwohner * anteile[indikator.schluessel])
                )
                neue.append(
                    Kennzahl(
                        indikator=indikator, jahr=jahr, ebene=Ebene.UNTERBEZIRK, unterbezirk=unterbezirk, wert=wert
                    )
                )
    Kennzahl.objects.bulk_create(neue, batch_size=5000)
    return len(neue)


def _zufallspunkt(rechteck: tuple[int, int, int, int], rng: random.Random) -> Point:
    x0, y0, x1, y1 = rechteck
    punkt = Point(rng.uniform(x0 + 50, x1 - 50), rng.uniform(y0 + 50, y1 - 50), srid=METRISCHES_SRID)
    punkt.transform(4326)
    return punkt


def _einrichtungen(groesse: Groesse, unterbezirke: list, rng: random.Random) -> None:
    kategorien = list(InfrastrukturKategorie.objects.order_by("pk"))
    neue = []
    for n in range(groesse.einrichtungen):
        _unterbezirk, rechteck = unterbezirke[rng.randrange(len(unterbezirke))]
        kategorie = kategorien[n % len(kategorien)]
        neue.append(
            Infrastruktur(
                kategorie=kategorie,
                name=f"{kategorie.name} {n + 1}",
                punkt=_zufallspunkt(rechteck, rng),
                quelle=Infrastrukturquelle.values[0],
                stand=datetime.date(2017, 1, 1),
            )
        )
    bulk_create_with_history(neue, Infrastruktur, batch_size=1000)


def _quartiere(groesse: Groesse, stadtbezirke: list, rng: random.Random) -> list[Quartier]:
    quartiere = []
    epochen = Siedlungsepoche.values
    for n in range(groesse.quartiere):
        stadtbezirk, (x0, y0, x1, y1) = stadtbezirke[n % len(stadtbezirke)]
        breite, hoehe = rng.randint(8, 16) * 100, rng.randint(8, 14) * 100
        x, y = _auf_raster(rng.uniform(x0, x1 - breite)), _auf_raster(rng.uniform(y0, y1 - hoehe))
        quartier = Quartier(
            name=f"Quartier {n + 1}",
            stadtbezirk=stadtbezirk,
            siedlungsepoche=epochen[n % len(epochen)],
            grenze=flaeche((x, y, x + breite, y + hoehe)),
            ist_referenzquartier=n < 4,
        )
        quartiere.append(quartier_speichern(quartier=quartier))
    return quartiere


def _veranstaltungen(groesse: Groesse, quartiere: list[Quartier]) -> None:
    je_veranstaltung = _verteilen(groesse.ergebnisse, max(1, groesse.veranstaltungen))
    ergebnisse = []
    for n in range(groesse.veranstaltungen):
        veranstaltung = Veranstaltung(
            format=VeranstaltungFormat.BUERGERWERKSTATT,
            titel=f"Bürgerwerkstatt {n + 1}",
            beginn=timezone.make_aware(datetime.datetime(2017, 3, 1, 15) + datetime.timedelta(days=3 * n)),
            adresse=f"Gemeindehaus, Marktplatz {n + 1}",
            status=VeranstaltungStatus.DURCHGEFUEHRT,
        )
        veranstaltung.full_clean()
        veranstaltung.save()
        if quartiere:
            veranstaltung.quartiere.set([quartiere[n % len(quartiere)]])
        arten = ErgebnisArt.values
        ergebnisse += [
            Ergebnis(
                veranstaltung=veranstaltung, text=f"Karte {k + 1}: Bank am Platz {n + 1}", art=arten[k % len(arten)]
            )
            for k in range(je_veranstaltung[n])
        ]
    Ergebnis.objects.bulk_create(ergebnisse, batch_size=1000)


def _sitzungen(groesse: Groesse) -> None:
    for n in range(groesse.sitzungen):
        beginn = timezone.make_aware(datetime.datetime(2015, 1, 15, 14) + datetime.timedelta(days=30 * n))
        sitzung = Sitzung(
            nummer=n + 1,
            beginn=beginn,
            ende=beginn + datetime.timedelta(hours=2),
            ort="Rathaus, Raum 120",
            format=SitzungFormat.ARBEITSTREFFEN,
        )
        sitzung.full_clean()
        sitzung.save()


def _foto(n: int, rng: random.Random) -> SimpleUploadedFile:
    """A small generated JPEG (320 × 240) with its number on it."""
    bild = Image.new("RGB", (320, 240), tuple(rng.randrange(60, 200) for _ in range(3)))
    ImageDraw.Draw(bild).text((20, 110), f"Foto {n + 1}", fill=(255, 255, 255))
    puffer = io.BytesIO()
    bild.save(puffer, "JPEG", quality=80)
    return SimpleUploadedFile(f"foto-{n + 1}.jpg", puffer.getvalue(), content_type="image/jpeg")


def _fotos(groesse: Groesse, quartiere: list[Quartier], rng: random.Random) -> None:
    if not quartiere:
        return
    je_quartier = _verteilen(groesse.fotos, len(quartiere))
    nummer = 0
    for quartier, anzahl in zip(quartiere, je_quartier, strict=True):
        begehung = Quartiersbegehung(quartier=quartier, datum=datetime.date(2016, 9, 1), zusammenfassung="Begehung.")
        begehung.full_clean()
        begehung.save()
        for start in range(0, anzahl, FOTOS_JE_UPLOAD):
            dateien = [_foto(nummer + i, rng) for i in range(min(FOTOS_JE_UPLOAD, anzahl - start))]
            nummer += len(dateien)
            with transaction.atomic():
                fotos_hochladen(quartier=quartier, begehung=begehung, dateien=dateien)


def _profiltext(quartier: Quartier, feld: str, teil: str, n: int) -> str:
    """A section text of the length of the seed's profiles: two paragraphs and a list (Markdown)."""
    return (
        f"{teil} im Handlungsfeld {feld} in {quartier.name}: Die Begehung im September 2016, die Befragung "
        f"des Seniorenbüros und die Gespräche mit Schlüsselpersonen ergeben ein gemischtes Bild. Viele ältere "
        f"Menschen leben seit Jahrzehnten im Quartier und kennen die Nachbarschaft; zugleich fehlen an "
        f"mehreren Stellen Angebote in erreichbarer Nähe.\n\n"
        f"Die kleinräumigen Kennzahlen zeigen seit {ERSTES_JAHR} einen steigenden Anteil der Menschen über "
        f"80 Jahre. Die Akteure vor Ort wünschen sich mehr Austausch untereinander und mit der Verwaltung.\n\n"
        f"- Punkt {n + 1}: Sitzbänke an den Wegen zum Versorgungszentrum\n"
        f"- Punkt {n + 2}: ein Treffpunkt mit regelmäßigen Öffnungszeiten\n"
        f"- Punkt {n + 3}: Information über Hilfen im Alltag in einfacher Sprache"
    )


def _profile(groesse: Groesse, quartiere: list[Quartier]) -> None:
    """The profiles of the first ``groesse.profile`` quarters, written in full (in each section three
    texts, indicators, the facility categories of its Handlungsfeld and photos of the quarter) and
    released as the release page does it, with their evidence frozen, by an account of the Projektteam
    that cannot log in (``projektteam-grossstadt``, no password)."""
    if not groesse.profile:
        return
    team, _neu = get_user_model().objects.get_or_create(username="projektteam-grossstadt")
    team.set_unusable_password()
    team.save()
    team.groups.add(Group.objects.get(name=PROJEKTTEAM))
    indikatoren = list(Indikator.objects.order_by("pk"))
    for quartier in quartiere[: groesse.profile]:
        fassung = profil_entwurf_anlegen(quartier=quartier)
        fotos = list(Foto.objects.filter(quartier=quartier).order_by("pk"))
        abschnitte = fassung.abschnitte.select_related("handlungsfeld").order_by("handlungsfeld__reihenfolge")
        for n, abschnitt in enumerate(abschnitte):
            feld = abschnitt.handlungsfeld
            start = n * INDIKATOREN_JE_ABSCHNITT % max(1, len(indikatoren))
            abschnitt_speichern(
                abschnitt=abschnitt,
                bestand=_profiltext(quartier, feld.name, "Bestand", n),
                staerken=_profiltext(quartier, feld.name, "Stärken", n + 10),
                handlungsbedarf=_profiltext(quartier, feld.name, "Handlungsbedarf", n + 20),
                belege={
                    "indikatoren": indikatoren[start : start + INDIKATOREN_JE_ABSCHNITT],
                    "infrastruktur_kategorien": feld.infrastruktur_kategorien.all(),
                    "fotos": fotos[n * FOTOS_JE_ABSCHNITT : (n + 1) * FOTOS_JE_ABSCHNITT],
                },
            )
        fassung = profil_freigeben(fassung=profil_zur_beratung_geben(fassung=fassung), benutzer=team)
        belegstand_einfrieren(fassung=fassung)


def grossstadt_anlegen(*, groesse: Groesse = Groesse(), seed: int = ZUFALLSSAAT) -> dict[str, int]:
    """Build the city of ``groesse`` into an empty database; returns the count of each kind.

    Raises ``GrossstadtFehler`` if there are Stadtbezirke already. The areas, values, facilities,
    events and meetings are written in one transaction; the photos (files) afterwards, a batch at a time;
    then the profiles, in one transaction.
    """
    if Stadtbezirk.objects.exists():
        raise GrossstadtFehler("Die Datenbank enthält schon Stadtbezirke; die Großstadt braucht eine leere Datenbank.")
    rng = random.Random(seed)  # noqa: S311 -- reproducible test data
    with transaction.atomic():
        _kommune, stadtbezirke, _bezirke, unterbezirke = _gebiete(groesse)
        werte = _kennzahlen(groesse, unterbezirke, rng)
        _einrichtungen(groesse, unterbezirke, rng)
        quartiere = _quartiere(groesse, stadtbezirke, rng)
        _veranstaltungen(groesse, quartiere)
        _sitzungen(groesse)
        datenstand_erhoehen()
    _fotos(groesse, quartiere, rng)
    with transaction.atomic():
        _profile(groesse, quartiere)
    return {**asdict(groesse), "werte": werte}
