"""Demo data of the evidence of the quarter profiles: walk-throughs with findings and photos,
sources with excerpts, the survey of the senior offices with answers.

Menglinghausen gets everything (a walk-through with findings in all six fields of action and
generated photos with GPS positions, sources, the answers of its Seniorenbüro); the other
reference quarters get a part. Deterministic and idempotent: objects are found again by
their natural keys (quarter + date, text, title); a repeated run creates nothing and writes
no history. The photos go through the real upload pipeline (``fotos_hochladen``).
"""

import datetime
import io
import math
import random
from dataclasses import dataclass

from django.contrib.gis.geos import LineString, MultiLineString, Point
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw
from PIL.TiffImagePlugin import IFDRational

from lenkungsgruppe.models import Fachplanung, Organisation
from quartiere.models import Handlungsfeld, Infrastruktur, InfrastrukturKategorie, Infrastrukturquelle, Quartier
from quartiersprofil.models import (
    Antwort,
    Befragung,
    Befund,
    BefundArt,
    Foto,
    Frage,
    Quartiersbegehung,
    Quelle,
    QuelleArt,
    QuellenAuszug,
)
from quartiersprofil.services.begehungen import fotos_hochladen

ZUFALLSSAAT = 2016
S, M = BefundArt.STAERKE, BefundArt.MANGEL

# Handlungsfeld slug → findings (kind, text); Menglinghausen gets all, the others the first of three fields.
BEFUNDE = {
    "wohnen": [
        (M, "Kaum barrierefreie Wohnungen: die Mehrfamilienhäuser der 1950er Jahre haben keine Aufzüge."),
        (S, "Ruhige Reihenhausstraßen mit kleinen Gärten; viele Ältere wohnen seit Jahrzehnten hier."),
    ],
    "mobilitaet-nahversorgung": [
        (M, "Der Lebensmittelmarkt liegt am Rand; zu Fuß über 800 m von der Ortsmitte."),
        (S, "Bushaltestelle Am Markt mit Hochbord und Wartehäuschen."),
    ],
    "sicherheit": [
        (M, "Die Unterführung an der Bahnlinie ist dunkel und wird gemieden."),
        (S, "Gut beleuchteter Weg zwischen Kirche und Begegnungsstätte."),
    ],
    "wohnumfeld": [
        (M, "Auf dem Weg zum Park fehlen Sitzbänke auf etwa 600 m."),
        (S, "Der kleine Park ist gepflegt und hat ebene Wege."),
    ],
    "teilhabe-soziale-infrastruktur": [
        (S, "Die Begegnungsstätte ist gut besucht; der Mittagstisch ist beliebt."),
        (M, "Kein Treffpunkt im Neubaugebiet; Zugezogene kennen die Angebote nicht."),
    ],
    "gesundheit-pflege": [
        (M, "Die Hausarztpraxis im Obergeschoss ist nur über Treppen erreichbar."),
        (S, "Apotheke mit Lieferdienst in der Ortsmitte."),
    ],
}
TEILWEISE = ["wohnen", "mobilitaet-nahversorgung", "wohnumfeld"]

# (caption, Handlungsfeld slug, may be published, drawing) for the generated photos of Menglinghausen.
FOTOS = [
    ("Hochbord an der Haltestelle Am Markt", "mobilitaet-nahversorgung", True, "haltestelle"),
    ("Unterführung an der Bahnlinie", "sicherheit", True, "tunnel"),
    ("Weg zum Park ohne Sitzbank", "wohnumfeld", True, "weg"),
    ("Treppe zur Hausarztpraxis", "gesundheit-pflege", False, "treppe"),
]

QUELLEN = [
    (
        "Masterplan Mobilität 2030",
        QuelleArt.MASTERPLAN,
        {
            "mobilitaet-nahversorgung": "Die Buslinie soll alle 20 Minuten fahren; Haltestellen werden barrierefrei.",
            "sicherheit": "Unterführungen sollen heller werden (Beleuchtungsprogramm).",
        },
    ),
    (
        "Sozialbericht Dortmund 2015",
        QuelleArt.BERICHT,
        {
            "wohnen": "Der Anteil der Haushalte mit Personen ab 80 Jahren steigt bis 2030 deutlich.",
            "teilhabe-soziale-infrastruktur": "Die Begegnungsstätten erreichen Ältere mit Migrationsgeschichte kaum.",
            "gesundheit-pflege": "Die hausärztliche Versorgung am Stadtrand ist knapp.",
        },
    ),
    (
        "Internetseite des Stadtbezirks",
        QuelleArt.BEZIRKSSEITE,
        {"wohnumfeld": "Der Bezirk plant neue Sitzbänke an Spazierwegen (Bänke-Programm)."},
    ),
]

FRAGEN = {
    "wohnen": ["Wie beurteilen Sie das Angebot an barrierefreien Wohnungen?"],
    "mobilitaet-nahversorgung": [
        "Wie gut sind Geschäfte des täglichen Bedarfs zu Fuß erreichbar?",
        "Wie beurteilen Sie die Anbindung mit Bus und Bahn?",
    ],
    "sicherheit": ["Wie sicher fühlen sich ältere Menschen im Quartier, auch abends?"],
    "wohnumfeld": ["Gibt es genug Sitzgelegenheiten und öffentliche Toiletten?"],
    "teilhabe-soziale-infrastruktur": ["Wie beurteilen Sie die Treffpunkte und Angebote für Ältere?"],
    "gesundheit-pflege": ["Wie beurteilen Sie die Versorgung mit Ärzten, Apotheken und Pflege?"],
}
# Answers of the senior offices: Handlungsfeld slug → (rating, text), per question in order.
ANTWORTEN = {
    "wohnen": [(4, "Es gibt kaum Wohnungen ohne Stufen; Umzüge im Quartier sind schwer.")],
    "mobilitaet-nahversorgung": [
        (4, "Der Markt ist weit; viele sind auf Nachbarn oder Lieferdienste angewiesen."),
        (3, "Tagsüber gut, abends und am Wochenende zu selten."),
    ],
    "sicherheit": [(3, "Die Unterführung wird abends gemieden.")],
    "wohnumfeld": [(4, "Bänke fehlen vor allem auf dem Weg zum Park.")],
    "teilhabe-soziale-infrastruktur": [(2, "Die Begegnungsstätte ist ein guter Treffpunkt.")],
    "gesundheit-pflege": [(3, "Apotheke gut, Hausarzt schwer erreichbar (Treppen).")],
}


@dataclass
class DemoBegehungenErgebnis:
    begehungen: int
    befunde: int
    fotos: int
    quellen: int
    antworten: int
    seniorenbueros_angelegt: int


def _punkte_in(grenze, anzahl, rng):
    """``anzahl`` points inside ``grenze`` (EPSG:4326), deterministic for ``rng``."""
    xmin, ymin, xmax, ymax = grenze.extent
    punkte = []
    for _versuch in range(anzahl * 200):
        p = Point(rng.uniform(xmin, xmax), rng.uniform(ymin, ymax), srid=4326)
        if grenze.contains(p):
            punkte.append(Point(round(p.x, 6), round(p.y, 6), srid=4326))
            if len(punkte) == anzahl:
                break
    return punkte


def _route(grenze, rng):
    punkte = _punkte_in(grenze, 7, rng)
    mitte = grenze.point_on_surface
    punkte.sort(key=lambda p: math.atan2(p.y - mitte.y, p.x - mitte.x))
    return MultiLineString(LineString([p.coords for p in punkte], srid=4326), srid=4326)


def _zeichnung(art, text):
    """A simple 1600 × 1200 picture of a street scene."""
    bild = Image.new("RGB", (1600, 1200), (170, 205, 235))
    z = ImageDraw.Draw(bild)
    z.rectangle((0, 700, 1600, 1200), fill=(120, 120, 120))
    if art == "haltestelle":
        z.rectangle((300, 450, 900, 720), outline=(30, 30, 30), width=12)
        z.rectangle((0, 720, 1600, 800), fill=(200, 200, 200))
        z.ellipse((1100, 300, 1250, 450), fill=(250, 210, 0))
        z.text((1140, 360), "H", fill=(0, 90, 0))
    elif art == "tunnel":
        z.rectangle((0, 0, 1600, 1200), fill=(60, 60, 60))
        z.pieslice((400, 300, 1200, 1100), 180, 360, fill=(15, 15, 15))
        z.rectangle((400, 700, 1200, 1200), fill=(15, 15, 15))
    elif art == "weg":
        z.polygon([(700, 700), (900, 700), (1300, 1200), (300, 1200)], fill=(190, 170, 130))
        z.ellipse((100, 350, 500, 750), fill=(40, 120, 40))
        z.ellipse((1100, 300, 1500, 720), fill=(40, 120, 40))
    elif art == "treppe":
        for i in range(6):
            z.rectangle((400 + i * 80, 1100 - i * 90, 1200, 1200 - i * 90), fill=(150 + i * 12, 140, 130))
    z.text((40, 40), text, fill=(0, 0, 0))
    return bild


def _grad(wert):
    grad = int(wert)
    minuten = int((wert - grad) * 60)
    sekunden = round(((wert - grad) * 60 - minuten) * 60 * 1000)
    return (IFDRational(grad, 1), IFDRational(minuten, 1), IFDRational(sekunden, 1000))


def _foto_datei(art, text, punkt, zeit):
    exif = Image.Exif()
    exif[0x010F] = "DWK-Demokamera"
    exif.get_ifd(0x8769)[0x9003] = zeit.strftime("%Y:%m:%d %H:%M:%S")
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: _grad(punkt.y), 3: "E", 4: _grad(punkt.x)})
    puffer = io.BytesIO()
    _zeichnung(art, text).save(puffer, format="JPEG", quality=80, exif=exif)
    return SimpleUploadedFile(f"{art}.jpg", puffer.getvalue(), content_type="image/jpeg")


def _seniorenbuero(quartier):
    """The quarter's Seniorenbüro: from the infrastructure demo if there, else created once."""
    name = f"Seniorenbüro {quartier.stadtbezirk.name}"
    bueros = Infrastruktur.objects.filter(kategorie__slug="seniorenbuero")
    buero = (
        bueros.filter(name=name).first()
        or bueros.filter(punkt__within=quartier.stadtbezirk.geometrie).order_by("name").first()
    )
    if buero is not None:
        return buero, False
    buero = Infrastruktur(
        kategorie=InfrastrukturKategorie.objects.get(slug="seniorenbuero"),
        name=name,
        punkt=quartier.grenze.point_on_surface,
        quelle=Infrastrukturquelle.BEFRAGUNG,
        quelle_hinweis="Beispiel für die Befragung der Seniorenbüros",
        stand=datetime.date(2016, 11, 1),
    )
    buero.full_clean()
    buero.save()
    return buero, True


def _begehung(quartier, datum, felder, rng, organisationen):
    route = _route(quartier.grenze, rng)  # always drawn, so that the random sequence does not depend on the data
    begehung = Quartiersbegehung.objects.filter(quartier=quartier, datum=datum).first()
    if begehung is None:
        begehung = Quartiersbegehung(
            quartier=quartier,
            datum=datum,
            route=route,
            zusammenfassung=(
                f"Begehung in {quartier.name} mit Fachämtern, Seniorenbüro und Seniorenbeirat. Die Wege in der "
                "Ortsmitte sind kurz; Barrieren gibt es an Haltestellen, Treppen und Unterführungen."
            ),
        )
        begehung.full_clean()
        begehung.save()
        begehung.teilnehmende_organisationen.set(organisationen)
    orte = _punkte_in(quartier.grenze, 2 * len(felder), rng)
    felder_nach_slug = {h.slug: h for h in Handlungsfeld.objects.filter(slug__in=felder)}
    neu = 0
    for slug in felder:
        for art, text in BEFUNDE[slug]:
            ort = orte.pop(0) if orte else None
            if Befund.objects.filter(begehung=begehung, text=text).exists():
                continue
            befund = Befund(begehung=begehung, text=text, handlungsfeld=felder_nach_slug[slug], art=art, ort=ort)
            befund.full_clean()
            befund.save()
            neu += 1
    return begehung, neu


@transaction.atomic
def begehungen_demo_anlegen(*, seed=ZUFALLSSAAT):
    """Create the demo walk-throughs, photos, sources and survey answers where missing.

    Side effects, in one transaction: creates walk-throughs, findings, photos (three files
    each in the media storage), sources with excerpts, a survey with its questions and
    answers, and, if the infrastructure demo made none, one Seniorenbüro per reference
    quarter's Stadtbezirk. Existing objects are left as they are.
    """
    rng = random.Random(seed)  # noqa: S311 -- demo data, not security
    quartiere = list(Quartier.objects.referenzquartiere().select_related("stadtbezirk").order_by("name"))
    organisationen = list(Organisation.objects.order_by("name")[:4])
    felder = {h.slug: h for h in Handlungsfeld.objects.all()}
    anzahl_befunde = anzahl_fotos = anzahl_quellen = anzahl_antworten = angelegt = 0

    befragung, _neu = Befragung.objects.get_or_create(
        titel="Befragung der Seniorenbüros 2016", jahr=2016, defaults={"versandt_am": datetime.date(2016, 10, 4)}
    )
    fragen = {}
    for slug, texte in FRAGEN.items():
        for i, text in enumerate(texte, start=1):
            frage, _neu = Frage.objects.get_or_create(
                befragung=befragung, handlungsfeld=felder[slug], text=text, defaults={"reihenfolge": i}
            )
            fragen.setdefault(slug, []).append(frage)

    for nummer, quartier in enumerate(quartiere):
        vollstaendig = quartier.slug == "menglinghausen"
        datum = datetime.date(2016, 10, 12) + datetime.timedelta(days=7 * nummer)
        begehung, neu = _begehung(quartier, datum, list(BEFUNDE) if vollstaendig else TEILWEISE, rng, organisationen)
        anzahl_befunde += neu
        if vollstaendig:
            punkte = _punkte_in(quartier.grenze, len(FOTOS), rng)
            for (titel, slug, oeffentlich, art), punkt in zip(FOTOS, punkte, strict=False):
                if Foto.objects.filter(begehung=begehung, bildunterschrift=titel).exists():
                    continue
                befund = Befund.objects.filter(begehung=begehung, handlungsfeld=felder[slug], art=M).first()
                zeit = datetime.datetime.combine(datum, datetime.time(10, 0)) + datetime.timedelta(
                    minutes=9 * len(titel)
                )
                anzahl_fotos += len(
                    fotos_hochladen(
                        quartier=quartier,
                        begehung=begehung,
                        befund=befund,
                        handlungsfeld=felder[slug],
                        bildunterschrift=titel,
                        darf_veroeffentlicht_werden=oeffentlich,
                        dateien=[_foto_datei(art, titel, punkt, zeit)],
                    )
                )

        for titel, art, auszuege in QUELLEN if vollstaendig else QUELLEN[:1]:
            quelle, neu = Quelle.objects.get_or_create(
                quartier=quartier,
                titel=titel,
                defaults={
                    "art": art,
                    "gesichtet_am": datetime.date(2016, 9, 1),
                    "fachplanung": Fachplanung.objects.filter(titel=titel).first(),
                },
            )
            anzahl_quellen += neu
            for slug, text in auszuege.items():
                QuellenAuszug.objects.get_or_create(quelle=quelle, handlungsfeld=felder[slug], defaults={"text": text})

        buero, neu_angelegt = _seniorenbuero(quartier)
        angelegt += neu_angelegt
        for slug, liste in fragen.items():
            if not vollstaendig and slug not in TEILWEISE:
                continue
            for frage, (bewertung, text) in zip(liste, ANTWORTEN[slug], strict=True):
                if not vollstaendig:
                    bewertung = min(5, bewertung + rng.choice([-1, 0, 1]))
                _antwort, neu = Antwort.objects.get_or_create(
                    frage=frage,
                    quartier=quartier,
                    seniorenbuero=buero,
                    defaults={"bewertung": bewertung, "text": text, "eingegangen_am": datetime.date(2016, 11, 3)},
                )
                anzahl_antworten += neu

    return DemoBegehungenErgebnis(
        begehungen=Quartiersbegehung.objects.filter(quartier__in=quartiere).count(),
        befunde=Befund.objects.filter(begehung__quartier__in=quartiere).count(),
        fotos=Foto.objects.filter(quartier__in=quartiere).count(),
        quellen=Quelle.objects.filter(quartier__in=quartiere).count(),
        antworten=Antwort.objects.filter(quartier__in=quartiere).count(),
        seniorenbueros_angelegt=angelegt,
    )
