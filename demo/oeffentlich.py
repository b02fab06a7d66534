"""Demo data of the public pages (called by ``demo_daten`` last): the project page of the city,
what characterises each reference quarter, the 2017 citizen workshops released for the public
(Menglinghausen and Derne documented, Jungferntal upcoming on the demo day), the photos of the two
released documentations released for the public, five news posts, and the statutory pages with
example text marked as example.

Idempotent: every service call updates the row it finds by its natural key.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from buergerdialog.models import Dokumentationsfoto, DokumentationStatus, Veranstaltung, VeranstaltungFormat
from demo.zeit import DEMO_TAG, am_tag
from oeffentlich.models import Neuigkeit, Pflichtseite, PflichtseiteArt
from oeffentlich.services import (
    auftritt_speichern,
    foto_freigeben,
    neuigkeit_speichern,
    pflichtseite_speichern,
    quartiersseite_speichern,
    veranstaltung_freigeben,
)
from quartiere.models import Kommune, Quartier

EINLEITUNG = (
    "Viele Menschen in Dortmund werden älter und möchten in ihrem Stadtteil wohnen bleiben. "
    "Im Projekt **„Demografiewerkstatt Kommunen“** plant die Stadt gemeinsam mit Ihnen, was dafür nötig ist: "
    "Wohnungen ohne Stufen, Geschäfte und Ärzte in der Nähe, sichere Wege und Orte, an denen man sich trifft.\n\n"
    "In vier Quartieren schauen wir genau hin und laden zu Bürgerwerkstätten ein. Was Sie dort sagen, geht an die "
    "Politik und wird im Quartier umgesetzt."
)
KONTAKT = (
    "**Beispiel:** Seniorenbüro der Stadt (Fachdienst für Senioren)  \n"
    "Musterstraße 1, 44135 Dortmund  \n"
    "Telefon 0231 000000 (Beispielnummer)  \n"
    "Sprechzeiten: montags bis freitags, 9 bis 12 Uhr"
)

CHARAKTER = {
    "menglinghausen": "Ein ruhiges Wohnquartier mit Reihenhäusern und Gärten am Stadtrand. Viele Menschen wohnen "
    "hier seit Jahrzehnten. Der Weg zum Einkaufen ist für manche weit.",
    "derne": "Eine frühere Bergarbeitersiedlung aus den 1920er bis 1950er Jahren mit engen Nachbarschaften. "
    "Viele Häuser haben Stufen am Eingang.",
    "jungferntal": "Eine Großwohnsiedlung mit Hochhäusern und viel Grün. Hier wohnen viele Menschen auf "
    "engem Raum; Aufzüge und kurze Wege sind besonders wichtig.",
    "marten": "Ein gewachsener Stadtteil aus der Gründerzeit mit Geschäften an der Hauptstraße. "
    "Alte und neue Nachbarinnen und Nachbarn leben hier zusammen.",
}

KURZTEXT = (
    "Kommen Sie vorbei und sagen Sie uns, was Ihnen im Quartier wichtig ist. "
    "Sie brauchen sich nicht anzumelden. Für Kaffee und Kuchen ist gesorgt."
)


@dataclass(frozen=True)
class DemoNeuigkeit:
    titel: str
    tag: datetime.date
    text: str


NEUIGKEITEN = [
    DemoNeuigkeit(
        "Das Projekt beginnt",
        datetime.date(2016, 2, 1),
        "Der Rat der Stadt hat beschlossen: Dortmund macht bei der Demografiewerkstatt Kommunen mit. "
        "Eine Lenkungsgruppe aus vielen Stellen der Stadt und der Wohlfahrtsverbände steuert die Arbeit.",
    ),
    DemoNeuigkeit(
        "Vier Quartiere ausgewählt",
        datetime.date(2016, 11, 15),
        "Die Lenkungsgruppe hat vier Referenzquartiere ausgewählt: Menglinghausen, Derne, Jungferntal und Marten. "
        "Sie stehen für verschiedene Arten, wie Stadtteile gebaut wurden.",
    ),
    DemoNeuigkeit(
        "Bürgerwerkstatt in Menglinghausen: danke fürs Mitmachen!",
        datetime.date(2017, 7, 5),
        "Über 30 Menschen haben am 29. Juni mitgeredet. Die Dokumentation mit allen Ergebnissen ist jetzt online.",
    ),
    DemoNeuigkeit(
        "Bürgerdialog in Derne: die Ergebnisse",
        datetime.date(2017, 7, 25),
        "Beim Bürgerdialog in Derne ging es vor allem um Treffpunkte und sichere Wege. "
        "Die Ergebnisse stehen in der Dokumentation.",
    ),
    DemoNeuigkeit(
        "Einladung zur Bürgerwerkstatt Jungferntal",
        datetime.date(2017, 10, 9),
        "Am 9. November laden wir nach Jungferntal ein. Den Flyer und den Termin für Ihren Kalender finden Sie "
        "bei den Veranstaltungen.",
    ),
]

BEISPIEL = "**Dies ist ein Beispieltext der Demo.** Die Stadt ersetzt ihn durch ihren eigenen Text.\n\n"
PFLICHTSEITEN = {
    PflichtseiteArt.IMPRESSUM: BEISPIEL + "Herausgeberin: Stadt Dortmund (Beispiel), Fachdienst für Senioren, "
    "Musterstraße 1, 44135 Dortmund.\n\nVerantwortlich für den Inhalt: die Leitung des Fachdienstes (Beispiel).",
    PflichtseiteArt.DATENSCHUTZ: BEISPIEL + "Diese Seiten setzen **keine Cookies** und binden nichts von anderen "
    "Servern ein. Der Server speichert für den Betrieb keine Adressen von Besucherinnen und Besuchern.\n\n"
    "Wenn Sie uns über das Formular zur Barrierefreiheit schreiben, geht Ihre Nachricht als E-Mail an das "
    "Projektteam. Auf dieser Seite wird sie nicht gespeichert. Damit das Formular nicht missbraucht wird, zählt "
    "die Seite die Nachrichten einer Stunde: dafür bildet sie aus Ihrer Internet-Adresse eine Prüfzahl, die sich "
    "viele tausend Adressen teilen, und löscht sie nach der Stunde. Die Adresse selbst wird nicht gespeichert.",
    PflichtseiteArt.BARRIEREFREIHEIT: BEISPIEL + "Die Stadt ist bemüht, diese Seiten im Einklang mit der "
    "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen.\n\n"
    "**Stand der Vereinbarkeit:** Die Seiten sind weitgehend mit der BITV 2.0 vereinbar.\n\n"
    "**Nicht barrierefreie Inhalte:** Die PDF-Dateien der Quartiersprofile enthalten Karten, die nur teilweise "
    "in Worten beschrieben sind. Ein Video in Deutscher Gebärdensprache folgt.\n\n"
    "**Erstellung dieser Erklärung:** Die Seiten wurden selbst geprüft (automatische Prüfung und Tastatur).\n\n"
    "**Schlichtungsverfahren:** Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können "
    "Sie die Schlichtungsstelle nach § 16 BGG anrufen: www.schlichtungsstelle-bgg.de.",
    PflichtseiteArt.LEICHTE_SPRACHE: BEISPIEL + "Sie haben Fragen? Rufen Sie das Seniorenbüro an. "
    "Die Nummer steht auf der Seite „Das Projekt“ ganz unten.",
}


def oeffentlich_demo_anlegen() -> dict:
    """Write the public pages' demo data (see the module docstring). Returns counts."""
    kommune = Kommune.objects.first()
    if kommune is None:
        return {}
    projektteam = get_user_model().objects.filter(username="projektteam").first()
    auftritt_speichern(
        kommune=kommune,
        einleitung=EINLEITUNG,
        foerderung="Gefördert im Bundesprogramm „Demografiewerkstatt Kommunen“ des Bundesministeriums für "
        "Familie, Senioren, Frauen und Jugend.",
        partner="In Zusammenarbeit mit der Stiftung Mitarbeit (Moderation), dem Forschungsinstitut "
        "Geragogik (FFG) und TDC e. V.",
        kontakt=KONTAKT,
    )
    for quartier in Quartier.objects.referenzquartiere():
        if quartier.slug in CHARAKTER:
            quartiersseite_speichern(quartier=quartier, charakter=CHARAKTER[quartier.slug])
    werkstaetten = Veranstaltung.objects.filter(
        format=VeranstaltungFormat.BUERGERWERKSTATT, beginn__year=DEMO_TAG.year
    ).order_by("beginn")
    for veranstaltung in werkstaetten:
        with am_tag(min(DEMO_TAG, timezone.localtime(veranstaltung.beginn).date() - datetime.timedelta(days=28))):
            veranstaltung_freigeben(veranstaltung=veranstaltung, kurztext=KURZTEXT, von=projektteam)
    fotos = Dokumentationsfoto.objects.filter(
        dokumentation__veranstaltung__in=werkstaetten,
        dokumentation__status=DokumentationStatus.FREIGEGEBEN,
        darf_veroeffentlicht_werden=True,
    ).select_related("dokumentation__veranstaltung")
    for nummer, foto in enumerate(fotos, start=1):
        with am_tag(DEMO_TAG):
            foto_freigeben(
                foto=foto,
                alternativtext=f"Stellwand mit Karten der Teilnehmenden, {foto.dokumentation.veranstaltung.titel}, "
                f"Bild {nummer}",
                von=projektteam,
            )
    for demo in NEUIGKEITEN:
        vorhanden = Neuigkeit.objects.filter(titel=demo.titel).first()
        zeitpunkt = timezone.make_aware(datetime.datetime.combine(demo.tag, datetime.time(10, 0)))
        if vorhanden is None or (vorhanden.text, vorhanden.veroeffentlicht_am) != (demo.text, zeitpunkt):
            neuigkeit_speichern(
                titel=demo.titel,
                text=demo.text,
                veroeffentlicht_am=zeitpunkt,
                verfasst_von=projektteam,
                neuigkeit=vorhanden,
            )
    for art, text in PFLICHTSEITEN.items():
        pflichtseite_speichern(kommune=kommune, art=art, text=text, stand=DEMO_TAG, ist_beispiel=True)
    return {
        "veranstaltungen": werkstaetten.count(),
        "fotos": fotos.count(),
        "neuigkeiten": Neuigkeit.objects.count(),
        "pflichtseiten": Pflichtseite.objects.filter(kommune=kommune).count(),
    }
