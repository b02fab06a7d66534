# ruff: noqa: E501 - data tables read better with one entry per line
"""The steering group's decisions and tasks: the seed's (up to March 2017) and the story on to 16 October 2017."""

import datetime

from demo.abgleich import abgleichen, geaendert
from lenkungsgruppe import services
from lenkungsgruppe.models import Aufgabe, Beschluss, BeschlussArt

D = datetime.date

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
    (
        6,
        11,
        2,
        BeschlussArt.SONSTIGES,
        "Ergebnisse der Bürgerwerkstätten Menglinghausen und Derne",
        "Die Lenkungsgruppe nimmt die Dokumentationen zur Kenntnis. In Menglinghausen werden die begleiteten "
        "Spaziergänge und der Bringdienst als Maßnahmen des Quartiersprofils weiterverfolgt.",
        {"quartiere": ["menglinghausen", "derne"]},
    ),
    (
        7,
        11,
        4,
        BeschlussArt.SONSTIGES,
        "Erste Berichterstattung an die politischen Gremien",
        "Die Quartiersprofile Menglinghausen und Derne werden dem Ausschuss für Soziales, Arbeit und Gesundheit im "
        "Januar 2018 als erste Berichterstattung vorgelegt; der Entwurf wird in der Sitzung im November beraten.",
        {"quartiere": ["menglinghausen", "derne"]},
    ),
]

# (title, responsible member key or None, organisation short name or None, due date, status, done on,
#  (meeting, agenda item), decision nummer). On the demo's day (16 October 2017) the tasks of 2016 and
#  spring 2017 are done, one is overdue by ten days, the rest fall due in the weeks ahead.
AUFGABEN = [
    ("Kommunalprofil fertigstellen", "winter", None, D(2016, 4, 1), "erledigt", D(2016, 3, 30), (1, 2), None),
    (
        "Liste der sachberührten Fachplanungen zusammenstellen",
        None,
        "FB Planung",
        D(2016, 6, 1),
        "erledigt",
        D(2016, 5, 25),
        (2, 3),
        None,
    ),
    (
        "Kleinräumige Daten der Referenzquartiere aufbereiten",
        "winter",
        None,
        D(2016, 11, 30),
        "erledigt",
        D(2016, 11, 28),
        (4, 2),
        3,
    ),
    ("Workshop IV zu Mobilität", "ehlert", None, D(2016, 12, 31), "entfallen", None, (3, 3), None),
    (
        "Fachplanungen je Handlungsfeld bewerten",
        "overkamp",
        None,
        D(2017, 1, 31),
        "erledigt",
        D(2017, 1, 30),
        (6, 3),
        4,
    ),
    (
        "Räume für die Bürgerwerkstätten anfragen",
        None,
        "FB Soziales",
        D(2017, 3, 15),
        "erledigt",
        D(2017, 3, 14),
        (9, 1),
        None,
    ),
    (
        "Runde Tische der Seniorenbüros über die Bürgerdialoge informieren",
        "brandt",
        None,
        D(2017, 3, 31),
        "erledigt",
        D(2017, 3, 29),
        (8, 2),
        5,
    ),
    ("Schlüsselpersonen in Derne ansprechen", "overkamp", None, D(2017, 4, 15), "erledigt", D(2017, 4, 11), (8, 2), 5),
    (
        "Ergebnisse der Bürgerwerkstatt Menglinghausen zusammenfassen",
        "yilmaz",
        None,
        D(2017, 6, 30),
        "erledigt",
        D(2017, 6, 28),
        (10, 3),
        None,
    ),
    (
        "Dokumentation der Bürgerwerkstatt Derne an die Mitglieder versenden",
        "yilmaz",
        None,
        D(2017, 10, 6),
        "offen",
        None,
        (11, 2),
        6,
    ),
    ("Rückmeldung an „nordwärts“ vorbereiten", "nowak", None, D(2017, 10, 31), "offen", None, (11, 3), None),
    (
        "Einladungen zur Bürgerwerkstatt Jungferntal in den Seniorentreffs auslegen",
        "overkamp",
        None,
        D(2017, 10, 25),
        "offen",
        None,
        (10, 3),
        None,
    ),
    (
        "Raum und Termin der Bürgerwerkstatt Marten festlegen",
        None,
        "FB Soziales",
        D(2017, 10, 20),
        "offen",
        None,
        (10, 3),
        None,
    ),
    ("Berichtsentwurf für den Sozialausschuss vorbereiten", "brandt", None, D(2017, 11, 15), "offen", None, (11, 4), 7),
]


def beschluesse_anlegen(*, sitzungen, tops, felder, quartiere, plaene):
    """Create or update the decisions and what they concern; returns ``{nummer: Beschluss}``."""
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
            or geaendert(beschluss, werte)
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
    return beschluesse


def aufgaben_anlegen(*, tops, beschluesse, mitglieder, organisationen):
    """Create or update the tasks, each from its agenda item (and decision)."""
    for titel, schluessel, org, faellig, status, erledigt_am, (s_nr, t_nr), b_nr in AUFGABEN:
        werte = {
            "verantwortlich_mitglied": mitglieder.get(schluessel),
            "verantwortlich_organisation": organisationen.get(org),
            "faellig_am": faellig,
            "status": status,
            "erledigt_am": erledigt_am,
            "tagesordnungspunkt": tops[(s_nr, t_nr)],
            "beschluss": beschluesse.get(b_nr),
        }
        abgleichen(Aufgabe, {"titel": titel}, werte, lambda a: services.aufgabe_speichern(aufgabe=a))
