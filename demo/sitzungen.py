# ruff: noqa: E501 - data tables read better with one entry per line
"""The steering group's meetings: agendas, minutes, attendance, approvals.

Meetings 1–9 are the seed's (up to the telephone conference of 10 March 2017); 10 and 11 carry
the story on to the demo's day (16 October 2017: the first citizen workshops are done), 12 and
13 lie ahead of it, with their agenda but without minutes or attendance. Dates of day and
hour that the seed does not give are invented.
"""

import datetime

from django.utils import timezone

from demo.abgleich import abgleichen, geaendert
from demo.zeit import DEMO_TAG
from lenkungsgruppe import services
from lenkungsgruppe.models import Sitzung, Tagesordnungspunkt


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
    # After the seed (16 March 2017): the year of the citizen dialogues, up to the demo's day and beyond.
    10: (
        D(2017, 5, 10),
        14,
        2,
        "arbeitstreffen",
        "",
        "Rathaus, Friedensplatz 1, Raum 120",
        "",
        [
            ("Genehmigung des Protokolls der 8. Sitzung", "", "", "Genehmigt."),
            (
                "Quartiersprofil Menglinghausen",
                "",
                "menglinghausen",
                "Das Projektteam stellt das am 25. April freigegebene Quartiersprofil Menglinghausen vor. Es ist Arbeitsgrundlage der Bürgerwerkstatt am 20. Mai und der Stiftung Mitarbeit.",
            ),
            (
                "Bürgerwerkstätten 2017: Termine",
                "",
                "",
                "Menglinghausen am 20. Mai, Derne am 9. September, Jungferntal am 28. Oktober, Marten im November. Motto: „Miteinander aktiv im Quartier“.",
            ),
        ],
    ),
    11: (
        D(2017, 9, 20),
        14,
        2,
        "arbeitstreffen",
        "Ergebnisse der ersten Bürgerwerkstätten",
        "Rathaus, Friedensplatz 1, Raum 120",
        "Stiftung Mitarbeit (Moderation)",
        [
            ("Genehmigung des Protokolls der 10. Sitzung", "", "", "Genehmigt."),
            (
                "Bürgerwerkstätten Menglinghausen und Derne",
                "teilhabe-soziale-infrastruktur",
                "menglinghausen",
                "Die Stiftung Mitarbeit stellt die Dokumentationen vor. In Menglinghausen wurden **begleitete Spaziergänge**, ein **Bringdienst** und eine **Nachbarschaftsbörse** gewünscht; in Derne ein Treffpunkt und barrierearme Wohnungen.",
            ),
            (
                "Rückkopplung mit „nordwärts“",
                "",
                "derne",
                "Derne liegt im Gebiet von „nordwärts“; die Ergebnisse der Bürgerwerkstatt werden dem Projektbüro bis Ende Oktober übermittelt.",
            ),
            (
                "Erste Berichterstattung an die politischen Gremien",
                "",
                "",
                "Die Quartiersprofile Menglinghausen und Derne sollen dem Ausschuss für Soziales, Arbeit und Gesundheit im Januar 2018 vorgelegt werden.",
            ),
        ],
    ),
    12: (
        D(2017, 11, 22),
        14,
        2,
        "arbeitstreffen",
        "",
        "Rathaus, Friedensplatz 1, Raum 120",
        "",
        [
            ("Genehmigung des Protokolls der 11. Sitzung", "", "", ""),
            ("Bürgerwerkstätten Jungferntal und Marten", "", "jungferntal", ""),
            ("Berichtsentwurf für die politischen Gremien", "", "", ""),
        ],
    ),
    13: (
        D(2018, 1, 24),
        14,
        2,
        "arbeitstreffen",
        "",
        "Rathaus, Friedensplatz 1, Raum 120",
        "",
        [
            ("Genehmigung des Protokolls der 12. Sitzung", "", "", ""),
            ("Planung 2018: Beteiligungsgegenstände in die Praxis überführen", "", "", ""),
        ],
    ),
}
# minutes of meeting n approved in meeting GENEHMIGT[n]; the minutes of 11 wait for meeting 12 (in November)
GENEHMIGT = {1: 2, 2: 3, 3: 4, 4: 6, 5: 6, 6: 7, 7: 8, 8: 10, 10: 11}


def sitzungen_anlegen(*, mitglieder, felder, quartiere):
    """Create or update the meetings with invitations, attendance and agenda; returns ``(sitzungen, tops)``."""
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
        if sitzung is None or geaendert(sitzung, werte):
            sitzung = sitzung or Sitzung(nummer=nummer)
            for feld, wert in werte.items():
                setattr(sitzung, feld, wert)
            sitzung = services.sitzung_speichern(sitzung=sitzung, eingeladene=eingeladene)
        elif set(sitzung.teilnahmen.values_list("mitglied_id", flat=True)) != {m.pk for m in eingeladene}:
            services.sitzung_speichern(sitzung=sitzung, eingeladene=eingeladene)
        sitzungen[nummer] = sitzung
        if tag <= DEMO_TAG:  # a meeting still ahead on the demo's day has invitations, no attendance yet
            _anwesenheit_erfassen(sitzung, nummer, eingeladene)
        for position, (top_titel, feld, quartier, protokoll) in enumerate(tagesordnung, start=1):
            tops[(nummer, position)] = abgleichen(
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
    return sitzungen, tops


def _anwesenheit_erfassen(sitzung, nummer, eingeladene):
    """Attendance of a past meeting, invented but fixed: every seventh excused, every eleventh absent."""
    status = {}
    for i, mitglied in enumerate(sorted(eingeladene, key=lambda m: m.nachname)):
        wert = "entschuldigt" if (i + nummer) % 7 == 0 else "abwesend" if (i + nummer) % 11 == 0 else "anwesend"
        status[mitglied.pk] = wert
    services.teilnahme_erfassen(sitzung=sitzung, status_je_mitglied=status)


def protokolle_genehmigen(*, sitzungen):
    """Approve the minutes of each meeting in the later meeting ``GENEHMIGT`` names."""
    for nummer, genehmigt_in in GENEHMIGT.items():
        sitzung = sitzungen[nummer]
        if sitzung.protokoll_genehmigt_in_id != sitzungen[genehmigt_in].pk:
            sitzung.protokoll_genehmigt_in = None
            services.protokoll_genehmigen(sitzung=sitzung, in_sitzung=sitzungen[genehmigt_in])
