"""Demo data of the documentation, evaluation and invitations of the two documented citizen
dialogues of 2017 (Menglinghausen, 29 June; Derne, 13 July), called by ``demo_daten`` after
``demo.buergerdialog``.

Both documentations are released by the demo account „projektteam“ and show two pin-board photos
(drawn, through the photo pipeline; uploaded once); each event has about 25
typed-up questionnaires (invented, drawn from a fixed seed); the consenting demo persons of the
quarters (``demo.profil``: consent scope „Kontaktaufnahme und Einladungen …“) were invited by
letter, those with an address also by e-mail, four weeks before. Dates are the seed's, not today's.

Deterministic and idempotent: documentation and invitations are found by their natural keys and
written only when they differ; the questionnaires of an event are replaced only when the stored
ones differ from the generated list.
"""

import datetime
import io
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from buergerdialog.models import (
    Dokumentation,
    Dokumentationsfoto,
    DokumentationStatus,
    Einladung,
    EinladungWeg,
    Ergebnis,
    Fragebogen,
    Veranstaltung,
)
from buergerdialog.queries.einladungen import einladbare_akteure
from buergerdialog.services.dokumentation import dokumentationsfotos_hochladen
from demo.abgleich import abgleichen, gespeichert

NAECHSTE_SCHRITTE = [
    "Die Bänke am Weg bald aufstellen.",
    "Ein Treffen in einem halben Jahr, um zu sehen, was daraus geworden ist.",
    "Den Bringdienst mit dem Supermarkt besprechen.",
    "Die Ergebnisse in der Bezirksvertretung vorstellen.",
    "Einen Nachbarschaftstreff einmal im Monat.",
]
KOMMENTARE = [
    "Gut organisiert, danke!",
    "Die Tische waren etwas eng.",
    "Ich habe nicht alles verstanden, es war laut.",
    "Schön, dass man uns fragt.",
    "Bitte wieder am Nachmittag.",
    "Der Kaffee war gut.",
]


def _zeit(tag, stunde):
    return timezone.make_aware(datetime.datetime.combine(tag, datetime.time(stunde, 0)))


@dataclass(frozen=True)
class DemoDokumentation:
    titel: str
    programm: str
    text: str
    freigegeben: datetime.date
    eingeladen: datetime.date
    frageboegen: int
    seed: int


DOKUMENTATIONEN = [
    DemoDokumentation(
        "Bürgerwerkstatt Menglinghausen",
        "1. Begrüßung durch den Bezirksbürgermeister\n2. Was wir im Quartier schon wissen (Quartiersprofil)\n"
        "3. Arbeit an sechs Thementischen\n4. Punkten: Was ist Ihnen am wichtigsten?\n5. Wie geht es weiter?",
        "Rund **50 Seniorinnen und Senioren** kamen ins Gemeindehaus. An den sechs Tischen entstanden "
        "gut 40 Karten; die meisten Punkte bekamen **Bänke am Weg zum Friedhof** und ein **Bringdienst** "
        "für den Einkauf.\n\n- Die Nachbarschaftsinitiative trägt den Treffpunkt weiter.\n"
        "- Das Projektteam legt die Ergebnisse der Lenkungsgruppe vor.",
        datetime.date(2017, 7, 12),
        datetime.date(2017, 6, 1),
        25,
        2906,
    ),
    DemoDokumentation(
        "Bürgerdialog Derne",
        "1. Begrüßung\n2. Das Quartier in Zahlen\n3. Gespräche an Stationen\n4. Punkten\n5. Ausblick",
        "Im Begegnungszentrum arbeiteten rund **45 Gäste** an den Stationen. Wichtig waren vor allem "
        "**barrierearme Wohnungen** in den Siedlungen und **sichere Wege** zur Haltestelle.\n\n"
        "- Der Seniorenbeirat nimmt das Thema Wohnen mit in seine Sitzung im September.",
        datetime.date(2017, 7, 27),
        datetime.date(2017, 6, 15),
        26,
        1307,
    ),
]


def _frageboegen(demo):
    """The generated questionnaires: (values of the four items, next steps, comment), fixed by the seed."""
    zufall = random.Random(demo.seed)  # noqa: S311 - demo data, not security
    boegen = []
    for _ in range(demo.frageboegen):
        werte = tuple(
            None if zufall.random() < 0.06 else zufall.choices((1, 2, 3, 4, 5), weights=(1, 2, 5, 10, 9))[0]
            for _item in Fragebogen.ITEMS
        )
        naechste = zufall.choice(NAECHSTE_SCHRITTE) if zufall.random() < 0.4 else ""
        kommentar = zufall.choice(KOMMENTARE) if zufall.random() < 0.35 else ""
        if not any(werte) and not naechste and not kommentar:
            werte = (4, 4, 4, 4)
        boegen.append((*werte, naechste, kommentar))
    return boegen


PINNWAENDE = [
    ("Pinnwand Wohnen und Wohnumfeld", (250, 235, 140)),
    ("Pinnwand Mobilität und Nahversorgung", (170, 215, 240)),
]


def _pinnwand(titel, farbe, seed):
    """A 1600 × 1200 picture of a pin board with cards and dots (invented), as a JPEG upload."""
    zufall = random.Random(seed)  # noqa: S311 - demo data, not security
    bild = Image.new("RGB", (1600, 1200), (205, 170, 120))
    z = ImageDraw.Draw(bild)
    z.rectangle((60, 60, 1540, 1140), fill=(235, 225, 200), outline=(90, 70, 40), width=10)
    z.text((100, 90), titel, fill=(0, 0, 0))
    for reihe in range(3):
        for spalte in range(4):
            x, y = 110 + spalte * 350, 200 + reihe * 300
            z.rectangle((x, y, x + 300, y + 200), fill=farbe, outline=(60, 60, 60), width=3)
            for punkt in range(zufall.randint(0, 6)):
                z.ellipse((x + 20 + punkt * 40, y + 150, x + 50 + punkt * 40, y + 180), fill=(200, 30, 30))
    puffer = io.BytesIO()
    bild.save(puffer, format="JPEG", quality=80)
    return SimpleUploadedFile("pinnwand.jpg", puffer.getvalue(), content_type="image/jpeg")


KARTENFOTOS = 3  # the cards with the most dots each get a close-up of their place on the pin board


def _kartenfotos(veranstaltung, seed, projektteam):
    """A photo of the pin board at each of the ``KARTENFOTOS`` best-voted cards, once per card."""
    karten = Ergebnis.objects.filter(veranstaltung=veranstaltung).order_by("-punkte", "pk")[:KARTENFOTOS]
    for nummer, karte in enumerate(karten):
        if karte.fotos.exists():
            continue
        dokumentationsfotos_hochladen(
            veranstaltung=veranstaltung,
            dateien=[_pinnwand(karte.text[:60], (235, 220, 200), seed + 100 + nummer)],
            bildunterschrift=f"Pinnwand, Karte mit {karte.punkte} Punkten",
            ergebnis=karte,
            darf_veroeffentlicht_werden=True,  # drawn cards, nobody on the picture
            erfasst_von=projektteam,
            von_partner=False,
        )


@dataclass
class DokumentationDemo:
    dokumentationen: int = 0
    fotos: int = 0
    frageboegen: int = 0
    einladungen: int = 0


@transaction.atomic
def buergerdialog_dokumentation_demo_anlegen():
    """Create the demo documentation, evaluation and invitations or bring them back to their defined state."""
    projektteam = get_user_model().objects.filter(username="projektteam").first()
    ergebnis = DokumentationDemo()
    felder = [*Fragebogen.ITEMS, "naechste_schritte", "kommentar"]
    for demo in DOKUMENTATIONEN:
        veranstaltung = Veranstaltung.objects.filter(titel=demo.titel).first()
        if veranstaltung is None:
            continue
        abgleichen(
            Dokumentation,
            {"veranstaltung": veranstaltung},
            {
                "programm": demo.programm,
                "text": demo.text,
                "status": DokumentationStatus.FREIGEGEBEN,
                "freigegeben_am": _zeit(demo.freigegeben, 10),
                "freigegeben_von": projektteam,
                "erfasst_von": projektteam,
                "von_partner": False,
            },
            gespeichert,
        )
        ergebnis.dokumentationen += 1
        if not Dokumentationsfoto.objects.filter(dokumentation__veranstaltung=veranstaltung, ergebnis=None).exists():
            for nummer, (titel, farbe) in enumerate(PINNWAENDE):
                dokumentationsfotos_hochladen(
                    veranstaltung=veranstaltung,
                    dateien=[_pinnwand(titel, farbe, demo.seed + nummer)],
                    bildunterschrift=titel,
                    erfasst_von=projektteam,
                    von_partner=False,
                )
        _kartenfotos(veranstaltung, demo.seed, projektteam)
        ergebnis.fotos += Dokumentationsfoto.objects.filter(dokumentation__veranstaltung=veranstaltung).count()
        soll = _frageboegen(demo)
        ist = list(Fragebogen.objects.filter(veranstaltung=veranstaltung).order_by("pk").values_list(*felder))
        if ist != soll:
            Fragebogen.objects.filter(veranstaltung=veranstaltung).delete()
            for zeile in soll:
                gespeichert(
                    Fragebogen(
                        veranstaltung=veranstaltung, erfasst_von=projektteam, **dict(zip(felder, zeile, strict=True))
                    )
                )
        ergebnis.frageboegen += len(soll)
        am = _zeit(demo.eingeladen, 11)
        for akteur in einladbare_akteure(veranstaltung=veranstaltung):
            wege = [EinladungWeg.BRIEF] + ([EinladungWeg.EMAIL] if akteur.email else [])
            for weg in wege:
                abgleichen(
                    Einladung,
                    {"veranstaltung": veranstaltung, "akteur": akteur, "weg": weg},
                    {"am": am, "von": projektteam},
                    gespeichert,
                )
                ergebnis.einladungen += 1
    return ergebnis
