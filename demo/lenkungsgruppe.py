# ruff: noqa: E501 - data tables read better with one entry per line
"""Demo data of the steering group, after the seed (progress report of 16 March 2017).

The 17-member group with invented names, the partners of the citizen dialogues, the six
meetings of 2016 (the fifth a Zukunftswerkstatt in October), the planning meeting of 6 Feb
2017, the meeting of 21 Feb 2017 and the telephone conference of 10 Mar 2017 with agendas,
minutes, decisions and tasks; some sectoral plans with ratings, „nordwärts“ and the project's
milestones. Dates of day and hour that the seed does not give are invented.

Deterministic and idempotent: every object is found by a natural key and written only when
something differs, so a second run writes no history entries.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from lenkungsgruppe import services
from lenkungsgruppe.models import (
    Aufgabe,
    Beschluss,
    BeschlussArt,
    Fachplanung,
    FachplanungBewertung,
    Meilenstein,
    Mitglied,
    Organisation,
    OrganisationArt,
    Sitzung,
    Stadtentwicklungsprojekt,
    Tagesordnungspunkt,
)
from quartiere.models import Handlungsfeld, Quartier

EMAIL_DOMAIN = "demo.dwk.invalid"
GRUENDUNG = datetime.date(2016, 2, 17)

# (short name, name, kind)
ORGANISATIONEN = [
    ("FB Soziales", "Sozialamt / Fachdienst für Senioren", OrganisationArt.FACHBEREICH),
    ("FB Wohnen", "Amt für Wohnen und Stadterneuerung", OrganisationArt.FACHBEREICH),
    ("FB Gesundheit", "Gesundheitsamt", OrganisationArt.FACHBEREICH),
    ("FB Planung", "Stadtplanungs- und Bauordnungsamt", OrganisationArt.FACHBEREICH),
    ("FB Statistik", "Dortmunder Statistik", OrganisationArt.FACHBEREICH),
    ("BPN", "Behindertenpolitisches Netzwerk", OrganisationArt.BEIRAT),
    ("Seniorenbeirat", "Seniorenbeirat der Stadt Dortmund", OrganisationArt.BEIRAT),
    ("Integrationsrat", "Integrationsrat der Stadt Dortmund", OrganisationArt.BEIRAT),
    ("DW", "Diakonisches Werk Dortmund und Lünen", OrganisationArt.WOHLFAHRTSVERBAND),
    ("AWO", "Arbeiterwohlfahrt Unterbezirk Dortmund", OrganisationArt.WOHLFAHRTSVERBAND),
    ("TU Dortmund", "Technische Universität Dortmund, Fakultät Raumplanung", OrganisationArt.WISSENSCHAFT),
    ("Stiftung Mitarbeit", "Stiftung Mitarbeit", OrganisationArt.EXTERNER_PARTNER),
    ("FFG", "Forschungsgesellschaft für Gerontologie e. V.", OrganisationArt.EXTERNER_PARTNER),
    ("TDC e.V.", "Kompetenzzentrum TDC e. V.", OrganisationArt.EXTERNER_PARTNER),
]

# (key, Anrede, first name, last name, organisation, function, deputy key, from, to); invented people.
MITGLIEDER = [
    (
        "brandt",
        "Frau",
        "Ulrike",
        "Brandt",
        "FB Soziales",
        "Geschäftsführung, Fachdienst für Senioren",
        "yilmaz",
        None,
        None,
    ),
    (
        "yilmaz",
        "Frau",
        "Aylin",
        "Yilmaz",
        "FB Soziales",
        "Fachdienst für Senioren, Projektkoordination",
        "brandt",
        None,
        None,
    ),
    ("hoffmann", "Herr", "Peter", "Hoffmann", "FB Soziales", "Sozialplanung", None, None, None),
    ("kuhlmann", "Frau", "Sabine", "Kuhlmann", "FB Wohnen", "Wohnungsmarktbeobachtung", "berger", None, None),
    ("berger", "Herr", "Michael", "Berger", "FB Wohnen", "Stadterneuerung", "kuhlmann", None, None),
    ("schaefer", "Frau", "Dr. Anja", "Schäfer", "FB Gesundheit", "Gesundheitsplanung", None, None, None),
    ("lange", "Herr", "Frank", "Lange", "FB Planung", "Stadtentwicklung", "nowak", None, datetime.date(2016, 9, 30)),
    ("nowak", "Frau", "Katarzyna", "Nowak", "FB Planung", "Stadtentwicklung", None, datetime.date(2016, 10, 1), None),
    ("ehlert", "Herr", "Jörg", "Ehlert", "FB Planung", "Verkehrsplanung", None, None, None),
    ("winter", "Frau", "Claudia", "Winter", "FB Statistik", "Kleinräumige Statistik", None, None, None),
    ("korte", "Herr", "Bernd", "Korte", "BPN", "Sprecher", None, None, None),
    ("overkamp", "Herr", "Thomas", "Overkamp", "Seniorenbeirat", "Vorsitzender", "roth", None, None),
    ("roth", "Frau", "Ingrid", "Roth", "Seniorenbeirat", "Stellvertretende Vorsitzende", "overkamp", None, None),
    ("demir", "Herr", "Mehmet", "Demir", "Integrationsrat", "Mitglied des Integrationsrats", None, None, None),
    ("pohl", "Frau", "Gabriele", "Pohl", "DW", "Fachbereich Altenhilfe", None, None, None),
    ("krause", "Herr", "Stefan", "Krause", "AWO", "Seniorenarbeit", None, None, None),
    (
        "vogt",
        "Prof. Dr.",
        "Martina",
        "Vogt",
        "TU Dortmund",
        "Fachgebiet Stadt- und Regionalplanung",
        "busch",
        None,
        None,
    ),
    ("busch", "Herr", "Daniel", "Busch", "TU Dortmund", "Wissenschaftlicher Mitarbeiter", "vogt", None, None),
]
DEMO_BENUTZER = {"overkamp": "lenkungsgruppe"}  # the demo user of the role Lenkungsgruppe


def _zeit(tag, stunde=14, minute=0):
    return timezone.make_aware(datetime.datetime(tag.year, tag.month, tag.day, stunde, minute))


D = datetime.date
GAESTE_BUERGERDIALOG = "Stiftung Mitarbeit (Moderation)\nFFG (teilnehmende Beobachtung)\nKompetenzzentrum TDC e. V."

# nummer: (date, start hour, hours, format, title, place, guests, agenda [(title, Handlungsfeld slug or "", quarter slug or "", minutes)])
SITZUNGEN = {
    1: (
        D(2016, 2, 17),
        14,
        2,
        "arbeitstreffen",
        "Konstituierende Sitzung",
        "Rathaus, Friedensplatz 1, Raum 120",
        "",
        [
            (
                "Begrüßung und Vorstellung der Mitglieder",
                "",
                "",
                "Alle Mitglieder stellen sich und ihre Organisation vor.",
            ),
            (
                "Ratsbeschluss und Auftrag der Lenkungsgruppe",
                "",
                "",
                "Frau Brandt erläutert den **Ratsbeschluss vom Dezember 2015** und die Aufgaben der Lenkungsgruppe:\n\n- Handlungsfelder bestimmen\n- Fachplanungen benennen und bewerten\n- Datenerfassung festlegen\n- Quartiere für die Bürgerbeteiligung auswählen",
            ),
            (
                "Festlegung der Handlungsfelder",
                "",
                "",
                "Die Gruppe einigt sich auf sechs Handlungsfelder, angelehnt an die WHO-Checkliste „altersfreundliche Stadt“.",
            ),
        ],
    ),
    2: (
        D(2016, 4, 13),
        14,
        2,
        "arbeitstreffen",
        "",
        "Rathaus, Friedensplatz 1, Raum 120",
        "",
        [
            ("Genehmigung des Protokolls der 1. Sitzung", "", "", "Das Protokoll wird ohne Änderungen genehmigt."),
            (
                "Kommunalprofil Dortmund",
                "",
                "",
                "Frau Winter stellt das Kommunalprofil vor: 600.390 Einwohnerinnen und Einwohner, 12 Stadtbezirke, 62 statistische Bezirke, 170 Unterbezirke.",
            ),
            (
                "Sachberührte Fachplanungen",
                "mobilitaet-nahversorgung",
                "",
                "Die Mitglieder benennen Masterpläne und Berichte (Einzelhandel, Mobilität, Inklusion, Integration/Migration, Wohnen), die in die Quartiersprofile einfließen sollen.",
            ),
        ],
    ),
    3: (
        D(2016, 6, 8),
        14,
        2,
        "arbeitstreffen",
        "",
        "Rathaus, Friedensplatz 1, Raum 120",
        "",
        [
            ("Genehmigung des Protokolls der 2. Sitzung", "", "", "Genehmigt."),
            (
                "Auswahl der Referenzquartiere",
                "",
                "",
                "Vorgeschlagen werden sechs Quartiere. Ausgewählt werden vier Quartiere, die die städtebaulichen Epochen abdecken: Menglinghausen, Derne, Jungferntal und Marten.",
            ),
            (
                "Workshopstaffel 2016",
                "",
                "",
                "Drei Fachworkshops von Juni bis September: I Wohnen und Wohnumfeld, II Gesundheit und Pflege, III soziale Netze.",
            ),
        ],
    ),
    4: (
        D(2016, 8, 31),
        14,
        2,
        "arbeitstreffen",
        "",
        "Rathaus, Friedensplatz 1, Raum 120",
        "",
        [
            ("Genehmigung des Protokolls der 3. Sitzung", "", "", "Genehmigt."),
            (
                "Datenerfassung für kleinräumige Analysen",
                "",
                "",
                "Die Dortmunder Statistik schlägt die Daten für die Quartiersprofile vor; die Gruppe legt sie fest.",
            ),
            (
                "Einbindung in „nordwärts“",
                "",
                "",
                "Derne, Jungferntal und Marten liegen im Gebiet von „nordwärts“; die Ergebnisse werden dorthin zurückgemeldet.",
            ),
        ],
    ),
    5: (
        D(2016, 10, 19),
        10,
        6,
        "zukunftswerkstatt",
        "Zukunftswerkstatt mit den DWK-Akteuren",
        "Dietrich-Keuning-Haus, Leopoldstraße 50–58",
        "Stiftung Mitarbeit\nDWK-Akteure",
        [
            (
                "Kritikphase: Was fehlt älteren Menschen im Quartier?",
                "",
                "",
                "Ergebnisse auf Stellwänden, fotografisch dokumentiert.",
            ),
            (
                "Fantasiephase: Das altersgerechte Quartier 2030",
                "",
                "",
                "Begegnungsorte, Nachbarschaftshilfe und barrierefreie Wege stehen im Mittelpunkt.",
            ),
            (
                "Verwirklichungsphase: Bürgerformate 2017",
                "",
                "",
                "Die Stiftung Mitarbeit wird die Bürgerbeteiligung in den vier Referenzquartieren durchführen.",
            ),
        ],
    ),
    6: (
        D(2016, 12, 7),
        14,
        2,
        "arbeitstreffen",
        "",
        "Rathaus, Friedensplatz 1, Raum 120",
        "",
        [
            ("Genehmigung der Protokolle der 4. und 5. Sitzung", "", "", "Beide Protokolle werden genehmigt."),
            (
                "Workshopergebnisse bewerten",
                "gesundheit-pflege",
                "",
                "Die Ergebnisse der drei Fachworkshops werden gesichtet und bewertet.",
            ),
            (
                "Bewertung der Fachplanungen",
                "",
                "",
                "Die Mitglieder bewerten die Relevanz der Fachplanungen je Handlungsfeld bis Ende Januar.",
            ),
        ],
    ),
    7: (
        D(2017, 2, 6),
        10,
        3,
        "planungstreffen",
        "Planungstreffen Bürgerdialoge",
        "Rathaus, Friedensplatz 1, Raum 120",
        GAESTE_BUERGERDIALOG,
        [
            ("Genehmigung des Protokolls der 6. Sitzung", "", "", "Genehmigt."),
            (
                "Bürgerdialoge in den vier Referenzquartieren",
                "",
                "",
                "Adressaten, zeitlicher Rahmen, Orte und Termine werden besprochen.",
            ),
            (
                "Beteiligungsgegenstände und Mottos",
                "teilhabe-soziale-infrastruktur",
                "",
                "Beispiele: ein Fest im Quartier, eine Quartierszeitung, ein Treffpunkt, Patenschaften, eine Nachbarschaftsbörse. Motto-Vorschlag: „Miteinander aktiv im Quartier“.",
            ),
        ],
    ),
    8: (
        D(2017, 2, 21),
        14,
        2,
        "arbeitstreffen",
        "Abstimmung der Ergebnisse des Planungstreffens",
        "Rathaus, Friedensplatz 1, Raum 120",
        "",
        [
            ("Genehmigung des Protokolls des Planungstreffens", "", "", "Genehmigt."),
            (
                "Ergebnisse des Planungstreffens",
                "",
                "",
                "Die Lenkungsgruppe stimmt den Vorschlägen für die Bürgerdialoge zu.",
            ),
            (
                "Quartiersprofile",
                "",
                "menglinghausen",
                "Die ersten zwei Quartiersprofile sollen den politischen Gremien als erste Berichterstattung vorgelegt werden.",
            ),
        ],
    ),
    9: (
        D(2017, 3, 10),
        10,
        1,
        "telefonkonferenz",
        "Telefonkonferenz mit Stiftung Mitarbeit und TDC e.V.",
        "Telefonkonferenz (Einwahldaten per E-Mail)",
        "Stiftung Mitarbeit\nKompetenzzentrum TDC e. V.",
        [
            ("Allgemeine Absprachen: Adressaten, zeitlicher Rahmen, Orte, Termine", "", "", ""),
            ("Offene Fragen zu den Quartiersprofilen", "", "", ""),
            ("Nachhaltigkeit", "", "", ""),
            ("Beteiligungsgegenstände", "", "", ""),
        ],
    ),
}
# minutes of meeting n approved in meeting GENEHMIGT[n]
GENEHMIGT = {1: 2, 2: 3, 3: 4, 4: 6, 5: 6, 6: 7, 7: 8}

DATENERFASSUNG_TEXT = (
    "Für die kleinräumigen Analysen der Referenzquartiere werden auf Ebene der statistischen Unterbezirke erfasst:\n\n"
    "- Einwohnerinnen und Einwohner insgesamt, ab 65 und ab 80 Jahren\n"
    "- Einpersonenhaushalte von Menschen ab 65 Jahren\n"
    "- Empfängerinnen und Empfänger von Grundsicherung im Alter\n"
    "- Pflegebedürftige (ambulant und stationär)\n"
    "- Menschen ab 65 Jahren mit Migrationshintergrund\n"
    "- Infrastruktur je Handlungsfeld (Seniorenbüros, Begegnungsstätten, Nahversorgung, Haltestellen, Arztpraxen, Apotheken)"
)

# (nummer, meeting, agenda item, kind, title, text, links)
BESCHLUESSE = [
    (
        1,
        1,
        3,
        BeschlussArt.HANDLUNGSFELDER,
        "Festlegung der Handlungsfelder",
        "Die Lenkungsgruppe legt sechs Handlungsfelder fest: Wohnen; Mobilität und Nahversorgung; Sicherheit; "
        "Wohnumfeld; Teilhabe und soziale Infrastruktur; Gesundheit und Pflege.",
        {"handlungsfelder": "alle"},
    ),
    (
        2,
        3,
        2,
        BeschlussArt.REFERENZQUARTIERE,
        "Auswahl der Referenzquartiere",
        "Als Referenzquartiere werden **Menglinghausen**, **Derne**, **Jungferntal** und **Marten** ausgewählt. "
        "Sie decken die städtebaulichen Epochen Gründerzeit, 20er bis 50er Jahre, Großwohnsiedlungen, "
        "Reihenhausgebiete und Neubauviertel ab.",
        {"quartiere": ["menglinghausen", "derne", "jungferntal", "marten"]},
    ),
    (3, 4, 2, BeschlussArt.DATENERFASSUNG, "Festlegung der Datenerfassung", DATENERFASSUNG_TEXT, {}),
    (
        4,
        6,
        3,
        BeschlussArt.BEWERTUNG,
        "Bewertung der sachberührten Fachplanungen",
        "Die Mitglieder bewerten die eingebrachten Fachplanungen je Handlungsfeld (1 bis 5) bis zum 31. Januar 2017.",
        {"fachplanungen": "alle"},
    ),
    (
        5,
        8,
        2,
        BeschlussArt.SONSTIGES,
        "Bürgerdialoge 2017",
        "Die Lenkungsgruppe stimmt dem Konzept der vier Bürgerdialogveranstaltungen zu. Moderation: Stiftung "
        "Mitarbeit; teilnehmende Beobachtung: FFG und Kompetenzzentrum TDC e. V.",
        {"quartiere": ["menglinghausen", "derne", "jungferntal", "marten"]},
    ),
]

# (title, responsible member key or None, organisation short name or None, due date, status, (meeting, agenda item), decision nummer)
AUFGABEN = [
    ("Kommunalprofil fertigstellen", "winter", None, D(2016, 4, 1), "erledigt", (1, 2), None),
    (
        "Liste der sachberührten Fachplanungen zusammenstellen",
        None,
        "FB Planung",
        D(2016, 6, 1),
        "erledigt",
        (2, 3),
        None,
    ),
    ("Kleinräumige Daten der Referenzquartiere aufbereiten", "winter", None, D(2016, 11, 30), "erledigt", (4, 2), 3),
    ("Fachplanungen je Handlungsfeld bewerten", "overkamp", None, D(2017, 1, 31), "offen", (6, 3), 4),
    (
        "Runde Tische der Seniorenbüros über die Bürgerdialoge informieren",
        "brandt",
        None,
        D(2017, 3, 31),
        "offen",
        (8, 2),
        5,
    ),
    ("Schlüsselpersonen in Derne ansprechen", "overkamp", None, D(2017, 4, 15), "offen", (8, 2), 5),
    ("Räume für die Bürgerwerkstätten anfragen", None, "FB Soziales", D(2017, 3, 15), "offen", (9, 1), None),
    ("Rückmeldung an „nordwärts“ vorbereiten", "nowak", None, D(2017, 5, 31), "offen", (4, 3), None),
    ("Workshop IV zu Mobilität", "ehlert", None, D(2016, 12, 31), "entfallen", (3, 3), None),
]

# (title, kind, year, responsible, Handlungsfeld slugs, quarter slugs, notes)
FACHPLANUNGEN = [
    (
        "Masterplan Einzelhandel",
        "masterplan",
        2013,
        "Stadtplanungs- und Bauordnungsamt",
        ["mobilitaet-nahversorgung", "wohnumfeld"],
        [],
        "Zentren- und Nahversorgungskonzept.",
    ),
    (
        "Masterplan Mobilität",
        "masterplan",
        2004,
        "Stadtplanungs- und Bauordnungsamt",
        ["mobilitaet-nahversorgung", "sicherheit"],
        [],
        "Fortschreibung in Vorbereitung.",
    ),
    ("Dortmunder Inklusionsplan", "konzept", 2015, "Sozialamt", ["teilhabe-soziale-infrastruktur", "wohnen"], [], ""),
    (
        "Masterplan Integration/Migration",
        "masterplan",
        2016,
        "Dienststelle Migrations- und Integrationsagentur",
        ["teilhabe-soziale-infrastruktur"],
        [],
        "",
    ),
    (
        "Wohnungsmarktbericht",
        "bericht",
        2016,
        "Amt für Wohnen und Stadterneuerung",
        ["wohnen"],
        [],
        "Jährlicher Bericht.",
    ),
    (
        "Integriertes Handlungskonzept Huckarde",
        "ihk",
        2014,
        "Amt für Wohnen und Stadterneuerung",
        ["wohnumfeld", "wohnen", "teilhabe-soziale-infrastruktur"],
        ["jungferntal"],
        "Voraussetzung für Städtebauförderung.",
    ),
]
# (plan title, member key, Handlungsfeld slug, relevance, comment)
BEWERTUNGEN = [
    ("Masterplan Einzelhandel", "brandt", "mobilitaet-nahversorgung", 5, "Nahversorgung ist für Ältere zentral."),
    ("Masterplan Einzelhandel", "korte", "mobilitaet-nahversorgung", 4, ""),
    ("Masterplan Einzelhandel", "pohl", "mobilitaet-nahversorgung", 2, "Wenig zu kleinen Läden im Quartier."),
    ("Masterplan Einzelhandel", "brandt", "wohnumfeld", 3, ""),
    ("Masterplan Mobilität", "ehlert", "mobilitaet-nahversorgung", 5, "Barrierefreie Haltestellen."),
    ("Masterplan Mobilität", "korte", "sicherheit", 4, "Querungshilfen."),
    ("Dortmunder Inklusionsplan", "korte", "teilhabe-soziale-infrastruktur", 5, ""),
    ("Dortmunder Inklusionsplan", "demir", "teilhabe-soziale-infrastruktur", 4, ""),
    ("Wohnungsmarktbericht", "kuhlmann", "wohnen", 5, "Daten zu altersgerechten Wohnungen."),
    ("Wohnungsmarktbericht", "vogt", "wohnen", 3, "Kleinräumig zu grob."),
]

MEILENSTEINE = [
    (
        "Ratsbeschluss",
        D(2015, 12, 10),
        D(2015, 12, 10),
        "erreicht",
        "Der Rat beschließt die Teilnahme an der Demografiewerkstatt Kommunen.",
        None,
    ),
    (
        "Einrichtung der Lenkungsgruppe",
        D(2016, 2, 1),
        GRUENDUNG,
        "erreicht",
        "17 Mitglieder aus Fachbereichen, Beiräten, Wohlfahrtsverbänden und Wissenschaft.",
        None,
    ),
    ("Kommunalprofil", D(2016, 3, 31), D(2016, 4, 13), "erreicht", "", None),
    (
        "Auswahl der vier Referenzquartiere",
        D(2016, 6, 30),
        D(2016, 6, 8),
        "erreicht",
        "Menglinghausen, Derne, Jungferntal, Marten.",
        2,
    ),
    ("Fachworkshops I–III", D(2016, 9, 30), D(2016, 9, 28), "erreicht", "Juni bis September 2016.", None),
    (
        "Zukunftswerkstatt",
        D(2016, 10, 19),
        D(2016, 10, 19),
        "erreicht",
        "Mit den DWK-Akteuren und der Stiftung Mitarbeit.",
        None,
    ),
    (
        "Austauschtreffen Berlin",
        D(2017, 3, 16),
        D(2017, 3, 16),
        "erreicht",
        "1. Austauschtreffen der Demografiewerkstatt Kommunen.",
        None,
    ),
    (
        "Quartiersprofile der vier Referenzquartiere",
        D(2017, 4, 30),
        None,
        "laufend",
        "Mit Maßnahmevorschlägen je Handlungsfeld.",
        None,
    ),
    (
        "Bürgerdialoge in den vier Referenzquartieren",
        D(2017, 9, 30),
        None,
        "geplant",
        "Vier Bürgerwerkstätten mit Dokumentation und Evaluation.",
        None,
    ),
    (
        "Erste Berichterstattung an die politischen Gremien",
        D(2017, 12, 31),
        None,
        "geplant",
        "Die ersten zwei Quartiersprofile, ggf. mit Vorlage.",
        None,
    ),
]


@dataclass
class LenkungsgruppeDemo:
    mitglieder: int
    aktive: int
    sitzungen: int
    beschluesse: int
    aufgaben: int
    fachplanungen: int
    bewertungen: int
    meilensteine: int
    verknuepft: str


def _geaendert(objekt, werte):
    return [feld for feld, wert in werte.items() if getattr(objekt, feld) != wert]


def _abgleichen(model, suche, werte, speichern):
    """Find the row by ``suche``; create or update it through ``speichern`` only if something differs."""
    objekt = model.objects.filter(**suche).first()
    if objekt is not None and not _geaendert(objekt, werte):
        return objekt
    objekt = objekt or model(**suche)
    for feld, wert in werte.items():
        setattr(objekt, feld, wert)
    return speichern(objekt)


def _gespeichert(objekt):
    objekt.full_clean()
    objekt.save()
    return objekt


@transaction.atomic
def lenkungsgruppe_demo_anlegen():
    """Create the steering group's demo data or bring it back to its defined state.

    Side effects: organisations, members (the demo user „lenkungsgruppe“ linked to Thomas
    Overkamp), meetings with invitations, attendance, agenda, minutes and approvals, decisions
    (the reference-quarter decision links the four quarters), tasks, plans with ratings,
    „nordwärts“ and milestones — each written only when it differs from the defined state.
    """
    felder = {f.slug: f for f in Handlungsfeld.objects.all()}
    quartiere = {q.slug: q for q in Quartier.objects.all()}
    organisationen = {
        kurz: _abgleichen(Organisation, {"kurzname": kurz}, {"name": name, "art": art}, _gespeichert)
        for kurz, name, art in ORGANISATIONEN
    }

    User = get_user_model()
    mitglieder = {}
    for schluessel, anrede, vorname, nachname, org, funktion, _vertretung, seit, bis in MITGLIEDER:
        titel = ""
        if vorname.startswith("Dr. "):
            titel, vorname = "Dr.", vorname[4:]
        if anrede.startswith("Prof."):
            titel, anrede = anrede, "Frau"
        werte = {
            "anrede": anrede,
            "titel": titel,
            "organisation": organisationen[org],
            "funktion": funktion,
            "email": f"{schluessel}@{EMAIL_DOMAIN}",
            "mitglied_seit": seit or GRUENDUNG,
            "mitglied_bis": bis,
        }
        benutzername = DEMO_BENUTZER.get(schluessel)
        if benutzername:
            werte["benutzer"] = User.objects.filter(username=benutzername).first()
        mitglieder[schluessel] = _abgleichen(
            Mitglied,
            {"vorname": vorname, "nachname": nachname},
            werte,
            lambda m: services.mitglied_speichern(mitglied=m),
        )
    for schluessel, *_rest, vertretung, _seit, _bis in MITGLIEDER:
        soll = mitglieder[vertretung] if vertretung else None
        if mitglieder[schluessel].stellvertretung != soll:
            mitglieder[schluessel].stellvertretung = soll
            services.mitglied_speichern(mitglied=mitglieder[schluessel])

    sitzungen, tops = {}, {}
    for nummer, (tag, stunde, dauer, format_, titel, ort, gaeste, tagesordnung) in SITZUNGEN.items():
        beginn = _zeit(tag, stunde)
        eingeladene = [
            m
            for m in mitglieder.values()
            if m.mitglied_seit <= tag and (m.mitglied_bis is None or m.mitglied_bis >= tag)
        ]
        werte = {
            "beginn": beginn,
            "ende": beginn + datetime.timedelta(hours=dauer),
            "format": format_,
            "titel": titel,
            "ort": ort,
            "gaeste": gaeste,
        }
        sitzung = Sitzung.objects.filter(nummer=nummer).first()
        if sitzung is None or _geaendert(sitzung, werte):
            sitzung = sitzung or Sitzung(nummer=nummer)
            for feld, wert in werte.items():
                setattr(sitzung, feld, wert)
            sitzung = services.sitzung_speichern(sitzung=sitzung, eingeladene=eingeladene)
        elif set(sitzung.teilnahmen.values_list("mitglied_id", flat=True)) != {m.pk for m in eingeladene}:
            services.sitzung_speichern(sitzung=sitzung, eingeladene=eingeladene)
        sitzungen[nummer] = sitzung
        # Attendance, invented but fixed: every seventh excused, every eleventh absent.
        status = {}
        for i, mitglied in enumerate(sorted(eingeladene, key=lambda m: m.nachname)):
            wert = "entschuldigt" if (i + nummer) % 7 == 0 else "abwesend" if (i + nummer) % 11 == 0 else "anwesend"
            status[mitglied.pk] = wert
        services.teilnahme_erfassen(sitzung=sitzung, status_je_mitglied=status)
        for position, (top_titel, feld, quartier, protokoll) in enumerate(tagesordnung, start=1):
            tops[(nummer, position)] = _abgleichen(
                Tagesordnungspunkt,
                {"sitzung": sitzung, "nummer": position},
                {
                    "titel": top_titel,
                    "handlungsfeld": felder.get(feld),
                    "quartier": quartiere.get(quartier),
                    "protokoll": protokoll,
                },
                lambda t: services.tagesordnungspunkt_speichern(tagesordnungspunkt=t),
            )

    plaene = {}
    for titel, art, jahr, federfuehrung, hf, qs, notizen in FACHPLANUNGEN:
        plan = _abgleichen(
            Fachplanung,
            {"titel": titel},
            {"art": art, "jahr": jahr, "federfuehrung": federfuehrung, "notizen": notizen},
            lambda p: services.fachplanung_speichern(fachplanung=p),
        )
        plan.handlungsfelder.set([felder[s] for s in hf if s in felder])
        plan.quartiere.set([quartiere[s] for s in qs if s in quartiere])
        plaene[titel] = plan
    for titel, schluessel, feld, relevanz, kommentar in BEWERTUNGEN:
        if feld in felder:
            _abgleichen(
                FachplanungBewertung,
                {"fachplanung": plaene[titel], "mitglied": mitglieder[schluessel], "handlungsfeld": felder[feld]},
                {"relevanz": relevanz, "kommentar": kommentar},
                _gespeichert,
            )

    beschluesse = {}
    for nummer, sitzung_nr, top_nr, art, titel, text, bezuege in BESCHLUESSE:
        werte = {
            "sitzung": sitzungen[sitzung_nr],
            "tagesordnungspunkt": tops[(sitzung_nr, top_nr)],
            "art": art,
            "titel": titel,
            "text": text,
        }
        soll_hf = list(felder.values()) if bezuege.get("handlungsfelder") == "alle" else []
        soll_q = [quartiere[s] for s in bezuege.get("quartiere", []) if s in quartiere]
        soll_fp = list(plaene.values()) if bezuege.get("fachplanungen") == "alle" else []
        beschluss = Beschluss.objects.filter(nummer=nummer).first()
        if (
            beschluss is None
            or _geaendert(beschluss, werte)
            or set(beschluss.handlungsfelder.all()) != set(soll_hf)
            or set(beschluss.quartiere.all()) != set(soll_q)
            or set(beschluss.fachplanungen.all()) != set(soll_fp)
        ):
            beschluss = beschluss or Beschluss(nummer=nummer)
            for feld, wert in werte.items():
                setattr(beschluss, feld, wert)
            beschluss = services.beschluss_fassen(
                beschluss=beschluss, quartiere=soll_q, handlungsfelder=soll_hf, fachplanungen=soll_fp
            )
        beschluesse[nummer] = beschluss

    for nummer, genehmigt_in in GENEHMIGT.items():
        sitzung = sitzungen[nummer]
        if sitzung.protokoll_genehmigt_in_id != sitzungen[genehmigt_in].pk:
            sitzung.protokoll_genehmigt_in = None
            services.protokoll_genehmigen(sitzung=sitzung, in_sitzung=sitzungen[genehmigt_in])

    for titel, schluessel, org, faellig, status, (s_nr, t_nr), b_nr in AUFGABEN:
        werte = {
            "verantwortlich_mitglied": mitglieder.get(schluessel),
            "verantwortlich_organisation": organisationen.get(org),
            "faellig_am": faellig,
            "status": status,
            "tagesordnungspunkt": tops[(s_nr, t_nr)],
            "beschluss": beschluesse.get(b_nr),
        }
        if status == "erledigt":
            werte["erledigt_am"] = faellig
        _abgleichen(Aufgabe, {"titel": titel}, werte, lambda a: services.aufgabe_speichern(aufgabe=a))

    nordwaerts = _abgleichen(
        Stadtentwicklungsprojekt,
        {"name": "nordwärts"},
        {
            "beschreibung": "Stadtentwicklungsprogramm für die nördlichen Stadtbezirke Dortmunds. Die Ergebnisse der "
            "Bürgerdialoge werden mit „nordwärts“ rückgekoppelt.",
            "link": "https://www.dortmund.de/nordwaerts",
            "kontakt_name": "Anna Feldmann (erfunden)",
            "kontakt_stelle": "Projektbüro nordwärts",
            "kontakt_email": f"nordwaerts@{EMAIL_DOMAIN}",
        },
        _gespeichert,
    )
    nordwaerts.quartiere.set(
        [quartiere[s] for s in ("derne", "jungferntal", "marten", "nordmarkt", "scharnhorst-ost") if s in quartiere]
    )
    for titel, geplant, erreicht, status, beschreibung, b_nr in MEILENSTEINE:
        _abgleichen(
            Meilenstein,
            {"titel": titel},
            {
                "geplant_am": geplant,
                "erreicht_am": erreicht,
                "status": status,
                "beschreibung": beschreibung,
                "beschluss": beschluesse.get(b_nr),
            },
            lambda m: services.meilenstein_speichern(meilenstein=m),
        )

    verknuepft = Mitglied.objects.filter(benutzer__username="lenkungsgruppe").first()
    return LenkungsgruppeDemo(
        mitglieder=Mitglied.objects.count(),
        aktive=Mitglied.objects.aktiv().count(),
        sitzungen=Sitzung.objects.count(),
        beschluesse=Beschluss.objects.count(),
        aufgaben=Aufgabe.objects.count(),
        fachplanungen=Fachplanung.objects.count(),
        bewertungen=FachplanungBewertung.objects.count(),
        meilensteine=Meilenstein.objects.count(),
        verknuepft=str(verknuepft) if verknuepft else "–",
    )
