# ruff: noqa: E501 - data tables read better with one entry per line
"""Demo data of the citizen dialogue, after the seed (progress report of 16 March 2017).

The three expert workshops of 2016 (June to September, topic groups I–III), the planning meeting
of 6 February 2017 (Stiftung Mitarbeit moderating, FFG and TDC e.V. observing), the information
meeting with the senior offices of 1 March 2017, and the citizen dialogues of 2017: Menglinghausen
(29 June) and Derne (13 July) documented with about 40 cards each, Marten as a round of
interviews, Jungferntal still in planning on the demo's day (16 October 2017) with its checklist —
one item overdue, in the charge of the demo member „lenkungsgruppe“. Places, times of day, cards,
votes and head counts are invented; the dates are the seed's (Jungferntal's and Marten's invented).

Deterministic and idempotent: every object is found by a natural key (event by title, checklist
item by event and task, card by event and text) and written only when something differs, so a
second run writes no history entries.
"""

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.gis.geos import Point
from django.db import transaction
from django.utils import timezone

from buergerdialog.models import (
    Beteiligungsgegenstand,
    Checklistenpunkt,
    Ergebnis,
    ErgebnisArt,
    Motto,
    Nachhaltigkeit,
    Veranstaltung,
    VeranstaltungFormat,
    VeranstaltungStatus,
)
from buergerdialog.services.ergebnisse import ergebnis_speichern
from buergerdialog.services.veranstaltungen import (
    checklistenpunkt_speichern,
    nachhaltigkeit_speichern,
    veranstaltung_speichern,
)
from demo.abgleich import abgleichen
from demo.konten import demo_partnerkonten_verknuepfen
from dwk.zeit import heute
from lenkungsgruppe.models import Mitglied, Organisation
from quartiere.models import Handlungsfeld, Quartier

F, S, A = VeranstaltungFormat, VeranstaltungStatus, ErgebnisArt
ALLE_FELDER = [
    "wohnen",
    "mobilitaet-nahversorgung",
    "sicherheit",
    "wohnumfeld",
    "teilhabe-soziale-infrastruktur",
    "gesundheit-pflege",
]
VERANSTALTER = "Stadt Dortmund, Fachdienst für Senioren"
RATHAUS = "Rathaus Dortmund, Friedensplatz 1, 44135 Dortmund"


def _zeit(tag, stunde, minute=0):
    return timezone.make_aware(datetime.datetime.combine(tag, datetime.time(stunde, minute)))


@dataclass(frozen=True)
class DemoVeranstaltung:
    titel: str
    format: str
    beginn: tuple  # (date, hour)
    dauer_stunden: int
    status: str
    adresse: str = RATHAUS
    themengruppe: str = ""
    motto: str = ""
    quartiere: tuple = ()
    felder: tuple = ()
    themen: str = ""
    moderation: tuple = ()
    beobachtung: tuple = ()
    zielgruppen: str = ""
    gegenstaende: tuple = ()  # positions (1–12) in the catalogue
    erwartet: int | None = None
    anwesenheit: tuple = ()  # (count, <60, 60–69, 70–79, 80+, w, m, d, no answer, from the quarter, not)
    stufenlos: bool = True
    hoerschleife: bool = False
    wc: bool = True
    haltestelle: str = ""
    breite_laenge: tuple = ()


D = datetime.date
# fmt: off
VERANSTALTUNGEN = [
    DemoVeranstaltung(
        "Fachworkshop I: Wohnen, Wohnumfeld, Nahversorgung, Nahmobilität, Sicherheit, Sauberkeit", F.FACHWORKSHOP, (D(2016, 6, 15), 14), 3,
        S.DOKUMENTIERT, themengruppe="I", felder=("wohnen", "mobilitaet-nahversorgung", "sicherheit", "wohnumfeld"),
        themen="Wohnen, Wohnumfeld, Nahversorgung, Nahmobilität, Sicherheit, Sauberkeit",
        zielgruppen="Mitglieder der Lenkungsgruppe, sachberührte Fachämter, Beiräte, Wohlfahrtspflege, weitere Fachstellen", erwartet=30,
        anwesenheit=(27,), haltestelle="Stadtgarten (U-Bahn)",
    ),
    DemoVeranstaltung(
        "Fachworkshop II: Gesundheit und Pflege", F.FACHWORKSHOP, (D(2016, 7, 20), 14), 3, S.DOKUMENTIERT, themengruppe="II",
        felder=("gesundheit-pflege",), themen="Gesundheit und Pflege",
        zielgruppen="Mitglieder der Lenkungsgruppe, Gesundheitsamt, Pflegeberatung, Wohlfahrtspflege", erwartet=25, anwesenheit=(22,),
        haltestelle="Stadtgarten (U-Bahn)",
    ),
    DemoVeranstaltung(
        "Fachworkshop III: soziale Netze, Nachbarschaft, Engagement, Beratung, Altersarmut", F.FACHWORKSHOP, (D(2016, 9, 14), 14), 3,
        S.DOKUMENTIERT, themengruppe="III", felder=("teilhabe-soziale-infrastruktur",),
        themen="soziale Netze, Nachbarschaft, bürgerschaftliches Engagement, Beratung, Altersarmut und soziale Armut",
        zielgruppen="Mitglieder der Lenkungsgruppe, Seniorenbüros, Beiräte, Wohlfahrtspflege, Ehrenamtliche", erwartet=30, anwesenheit=(31,),
        haltestelle="Stadtgarten (U-Bahn)",
    ),
    DemoVeranstaltung(
        "Planungstreffen Bürgerdialoge", F.PLANUNGSTREFFEN, (D(2017, 2, 6), 10), 4, S.DURCHGEFUEHRT,
        quartiere=("menglinghausen", "derne", "jungferntal", "marten"),
        themen="Adressaten, zeitlicher Rahmen, Orte und Termine der vier Bürgerdialoge; Beteiligungsgegenstände; Nachhaltigkeit",
        moderation=("Stiftung Mitarbeit",), beobachtung=("FFG", "TDC e.V."),
        zielgruppen="Projektteam, Stiftung Mitarbeit, teilnehmende Beobachtung", erwartet=8, anwesenheit=(8,),
    ),
    DemoVeranstaltung(
        "Arbeitstreffen mit den Seniorenbüros", F.INFORMATIONSGESPRAECH, (D(2017, 3, 1), 10), 2, S.DURCHGEFUEHRT,
        quartiere=("menglinghausen", "derne", "jungferntal", "marten"),
        themen="Projektinformation; die Seniorenbüros unterstützen mit Informationen, bringen aber keine wesentlichen Personalressourcen ein.",
        zielgruppen="Leitungen der Seniorenbüros der vier Stadtbezirke", erwartet=8, anwesenheit=(7,),
    ),
    DemoVeranstaltung(
        "Bürgerwerkstatt Menglinghausen", F.BUERGERWERKSTATT, (D(2017, 6, 29), 15), 3, S.DOKUMENTIERT,
        adresse="Gemeindehaus der ev. Kirchengemeinde, Menglinghauser Straße 20, 44227 Dortmund",
        motto="Wir in Menglinghausen unterstützen uns gegenseitig", quartiere=("menglinghausen",), felder=tuple(ALLE_FELDER),
        moderation=("Stiftung Mitarbeit",), beobachtung=("FFG", "TDC e.V."),
        zielgruppen="Ältere Bewohnerinnen und Bewohner, Angehörige, Nachbarschaft, Vereine und Kirchengemeinden im Quartier",
        gegenstaende=(1, 5, 8, 9, 12), erwartet=40, anwesenheit=(46, 3, 9, 19, 15, 28, 17, 0, 1, 39, 7), hoerschleife=True,
        haltestelle="Menglinghausen Kirche (Bus 440)", breite_laenge=(51.4700, 7.4180),
    ),
    DemoVeranstaltung(
        "Bürgerdialog Derne", F.BUERGERWERKSTATT, (D(2017, 7, 13), 15), 3, S.DOKUMENTIERT,
        adresse="Begegnungszentrum Derne, Altenderner Straße 5, 44329 Dortmund", motto="Miteinander aktiv im Quartier", quartiere=("derne",),
        felder=tuple(ALLE_FELDER), moderation=("Stiftung Mitarbeit",), beobachtung=("FFG", "TDC e.V."),
        zielgruppen="Ältere Bewohnerinnen und Bewohner, frühere Bergleute und ihre Familien, Nachbarschaft, Migrantenvereine",
        gegenstaende=(3, 4, 5, 6, 8), erwartet=40, anwesenheit=(38, 2, 8, 16, 12, 21, 16, 0, 1, 33, 5), haltestelle="Derne (S-Bahn)",
        breite_laenge=(51.5740, 7.5200),
    ),
    DemoVeranstaltung(
        "Interviews mit Älteren in Marten", F.INTERVIEWRUNDE, (D(2017, 9, 20), 10), 6, S.DURCHGEFUEHRT,
        adresse="Seniorenbüro Lütgendortmund und Hausbesuche in Marten", quartiere=("marten",),
        felder=("wohnen", "wohnumfeld", "teilhabe-soziale-infrastruktur"),
        themen="Statt einer Werkstatt: Einzelgespräche mit älteren Menschen über Wohnen, Wege und Treffpunkte im Ortskern",
        zielgruppen="Ältere Bewohnerinnen und Bewohner, die zu einer Werkstatt nicht kommen würden", erwartet=12, anwesenheit=(11,),
    ),
    DemoVeranstaltung(
        "Bürgerwerkstatt Jungferntal", F.BUERGERWERKSTATT, (D(2017, 11, 9), 15), 3, S.PLANUNG,
        adresse="Stadtteilzentrum Jungferntal, Jungferntalstraße 50, 44369 Dortmund", motto="Füreinander aktiv im Quartier",
        quartiere=("jungferntal",), felder=tuple(ALLE_FELDER), moderation=("Stiftung Mitarbeit",), beobachtung=("TDC e.V.",),
        zielgruppen="Mieterinnen und Mieter der Großwohnsiedlung, ältere Menschen, Wohnungsgesellschaften, Nachbarschaftsinitiativen",
        gegenstaende=(2, 3, 6, 10, 11), erwartet=50, haltestelle="Jungferntal (Bus 462)", breite_laenge=(51.5340, 7.3900),
    ),
]
# fmt: on

# Jungferntal's checklist on the demo's day: task → (done, responsible member key or organisation short name).
JUNGFERNTAL_CHECKLISTE = {
    "Raum gebucht und barrierefrei zugänglich": (True, "Stiftung Mitarbeit"),
    "Runde Tische der Seniorenbüros informiert": (False, "overkamp"),
    "Bezirksbürgermeisterin oder Bezirksbürgermeister informiert": (True, "brandt"),
    "Flyer gedruckt und verteilt": (False, "yilmaz"),
    "Schlüsselpersonen eingeladen": (False, "Stiftung Mitarbeit"),
}

# Cards: (Handlungsfeld slug, kind, catalogue position or 0, text).
KARTEN_GEMEINSAM = [
    ("wohnen", A.ANLIEGEN, 0, "Wohnungen ohne Stufen fehlen, viele müssen im Alter wegziehen"),
    ("wohnen", A.VORSCHLAG, 0, "Beratung zum Umbau der eigenen Wohnung direkt im Quartier anbieten"),
    ("wohnen", A.FRAGE, 0, "Wer hilft beim Antrag auf Zuschuss für ein bodengleiches Bad?"),
    ("wohnen", A.IDEE, 0, "Wohnungstausch: Große Wohnung gegen kleinere im selben Viertel"),
    ("wohnen", A.KRITIK, 0, "Mieterhöhungen nach Modernisierung treffen ältere Mieter hart"),
    ("mobilitaet-nahversorgung", A.ANLIEGEN, 0, "Der Bus fährt abends und am Wochenende zu selten"),
    ("mobilitaet-nahversorgung", A.VORSCHLAG, 0, "Mehr Sitzbänke an den Haltestellen"),
    ("mobilitaet-nahversorgung", A.IDEE, 0, "Einkaufsbus einmal in der Woche zum Supermarkt"),
    ("mobilitaet-nahversorgung", A.KRITIK, 0, "Der Bordstein an der Kreuzung ist mit dem Rollator kaum zu schaffen"),
    ("mobilitaet-nahversorgung", A.IDEE, 0, "Bringdienst der Apotheke bekannter machen"),
    ("mobilitaet-nahversorgung", A.ANLIEGEN, 0, "Geldautomat fehlt, seit die Filiale geschlossen hat"),
    ("sicherheit", A.ANLIEGEN, 0, "Der Fußweg zur Haltestelle ist abends schlecht beleuchtet"),
    ("sicherheit", A.VORSCHLAG, 0, "Ampelphase an der Hauptstraße verlängern"),
    ("sicherheit", A.FRAGE, 0, "An wen wende ich mich bei Haustürbetrügern?"),
    ("sicherheit", A.IDEE, 0, "Vortrag der Polizei zu Trickbetrug im Gemeindehaus"),
    ("wohnumfeld", A.VORSCHLAG, 12, "Bewegungsgeräte für Ältere im Park aufstellen"),
    ("wohnumfeld", A.ANLIEGEN, 0, "Öffentliche Toilette in der Nähe des Marktplatzes fehlt"),
    ("wohnumfeld", A.KRITIK, 0, "Gehwege sind zugeparkt, mit dem Rollator muss man auf die Straße"),
    ("wohnumfeld", A.IDEE, 12, "Rundweg mit Ruhebänken alle 200 Meter"),
    ("wohnumfeld", A.ANLIEGEN, 0, "Laub und Glätte auf den Wegen im Herbst und Winter"),
    ("teilhabe-soziale-infrastruktur", A.IDEE, 1, "Ein Fest für alle Generationen auf dem Kirchplatz"),
    ("teilhabe-soziale-infrastruktur", A.VORSCHLAG, 3, "Offener Treffpunkt mit Kaffee am Nachmittag"),
    ("teilhabe-soziale-infrastruktur", A.IDEE, 5, "Nachbarschaftsbörse: Hilfe beim Einkaufen gegen Hilfe am Computer"),
    ("teilhabe-soziale-infrastruktur", A.IDEE, 8, "Schülerinnen und Schüler erklären Smartphones"),
    (
        "teilhabe-soziale-infrastruktur",
        A.VORSCHLAG,
        9,
        "Begleitete Spaziergänge für Menschen, die nicht mehr allein gehen",
    ),
    ("teilhabe-soziale-infrastruktur", A.IDEE, 6, "Schaukasten mit Terminen am Marktplatz"),
    ("teilhabe-soziale-infrastruktur", A.ANLIEGEN, 0, "Viele wissen nicht, was das Seniorenbüro anbietet"),
    ("teilhabe-soziale-infrastruktur", A.FRAGE, 0, "Wie finde ich Ehrenamtliche für einen Besuchsdienst?"),
    ("teilhabe-soziale-infrastruktur", A.KRITIK, 0, "Angebote kosten oft Geld, das viele nicht haben"),
    ("teilhabe-soziale-infrastruktur", A.IDEE, 4, "Patenschaften für Neuzugezogene im Haus"),
    ("teilhabe-soziale-infrastruktur", A.VORSCHLAG, 2, "Quartiersbrief viermal im Jahr in jeden Briefkasten"),
    ("gesundheit-pflege", A.ANLIEGEN, 0, "Hausärztin geht in Rente, Nachfolge ungewiss"),
    ("gesundheit-pflege", A.VORSCHLAG, 0, "Pflegeberatung einmal im Monat vor Ort"),
    ("gesundheit-pflege", A.FRAGE, 0, "Welche Pflegedienste haben noch Plätze frei?"),
    ("gesundheit-pflege", A.IDEE, 0, "Sportgruppe für Sturzprävention im Gemeindehaus"),
    ("gesundheit-pflege", A.ANLIEGEN, 0, "Pflegende Angehörige brauchen Entlastung und Austausch"),
]
KARTEN_QUARTIER = {
    "Bürgerwerkstatt Menglinghausen": [
        ("mobilitaet-nahversorgung", A.ANLIEGEN, 0, "Der nächste Lebensmittelladen ist ohne Auto nicht zu erreichen"),
        ("wohnumfeld", A.IDEE, 12, "Umweltpfad am Rüpingsbach mit festen Wegen"),
        (
            "teilhabe-soziale-infrastruktur",
            A.VORSCHLAG,
            8,
            "Erzählcafé: Ältere erzählen Kindern von früher in Menglinghausen",
        ),
        ("wohnen", A.ANLIEGEN, 0, "Die Reihenhäuser haben alle Treppen, ein Umbau ist teuer"),
        ("teilhabe-soziale-infrastruktur", A.IDEE, 1, "Straßenfest in der Siedlung im nächsten Sommer"),
    ],
    "Bürgerdialog Derne": [
        ("teilhabe-soziale-infrastruktur", A.VORSCHLAG, 3, "Treffpunkt im ehemaligen Zechenhaus einrichten"),
        ("mobilitaet-nahversorgung", A.KRITIK, 0, "Seit der Schließung des Marktes fehlt ein Bäcker im Ortskern"),
        ("wohnen", A.ANLIEGEN, 0, "Barrierearme Wohnungen in der Siedlung fehlen"),
        ("teilhabe-soziale-infrastruktur", A.IDEE, 6, "Schwarzes Brett im Begegnungszentrum, auch mehrsprachig"),
        ("sicherheit", A.ANLIEGEN, 0, "Die Unterführung am Bahnhof wirkt abends bedrohlich"),
    ],
}
MIT_ORT = {"sicherheit", "wohnumfeld", "mobilitaet-nahversorgung"}
STATIONEN = {
    "wohnen": "Tisch 1: Wohnen und Wohnumfeld",
    "wohnumfeld": "Tisch 1: Wohnen und Wohnumfeld",
    "sicherheit": "Tisch 2: Unterwegs im Quartier",
    "mobilitaet-nahversorgung": "Tisch 2: Unterwegs im Quartier",
    "teilhabe-soziale-infrastruktur": "Tisch 3: Miteinander im Quartier",
    "gesundheit-pflege": "Tisch 3: Miteinander im Quartier",
}

# Who carries what on after the event: (event, catalogue position, organisation short name, group, next date).
NACHHALTIGKEIT = [
    ("Bürgerwerkstatt Menglinghausen", 5, "", "Nachbarschaftskreis Menglinghausen", D(2017, 10, 26)),
    ("Bürgerwerkstatt Menglinghausen", 9, "DW", "Besuchsdienst der Kirchengemeinde", D(2017, 11, 2)),
    ("Bürgerdialog Derne", 3, "AWO", "", D(2017, 10, 24)),
    ("Bürgerdialog Derne", 6, "", "Heimatverein Derne", None),
]


@dataclass(frozen=True)
class BuergerdialogDemo:
    veranstaltungen: int
    ergebnisse: int
    offene_punkte: int
    ueberfaellige_punkte: int


def _karten(veranstaltung):
    """About 40 cards of a documented event with votes, the same on every run; cards about places
    (safety, surroundings, getting about) get a point near the event's place."""
    rng = random.Random(f"karten-{veranstaltung.titel}")  # noqa: S311 -- reproducible demo cards, not a secret
    auswahl = rng.sample(KARTEN_GEMEINSAM, 35) + KARTEN_QUARTIER.get(veranstaltung.titel, [])
    karten = []
    for feld, art, gegenstand, text in auswahl:
        punkte = rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 11])
        dx, dy = rng.uniform(-0.006, 0.006), rng.uniform(-0.004, 0.004)
        ort = None
        if feld in MIT_ORT and veranstaltung.ort is not None:
            ort = Point(round(veranstaltung.ort.x + dx, 6), round(veranstaltung.ort.y + dy, 6), srid=4326)
        karten.append((feld, art, gegenstand, text, punkte, ort))
    return karten


def _m2m_setzen(veranstaltung, feld, soll):
    if set(getattr(veranstaltung, feld).all()) != set(soll):
        getattr(veranstaltung, feld).set(soll)


@transaction.atomic
def buergerdialog_demo_anlegen():
    """Create the citizen dialogue's demo data or bring it back to its defined state.

    Needs the quarters, the organisations and members (``lenkungsgruppe_demo_anlegen``) and the
    demo accounts. Side effects: links the demo partner account to the Stiftung Mitarbeit; events
    with their checklists, attendance, sustainability entries and the cards of the two documented
    dialogues — each written only when it differs.
    """
    demo_partnerkonten_verknuepfen()
    User = get_user_model()
    felder = {f.slug: f for f in Handlungsfeld.objects.all()}
    quartiere = {q.slug: q for q in Quartier.objects.all()}
    organisationen = {o.kurzname: o for o in Organisation.objects.all()}
    mitglieder = {m.nachname.lower(): m for m in Mitglied.objects.all()}
    katalog = {g.reihenfolge: g for g in Beteiligungsgegenstand.objects.all()}
    mottos = {m.text: m for m in Motto.objects.all()}
    projektteam = User.objects.filter(username="projektteam").first()
    partner = User.objects.filter(username="partner").first()
    veranstaltungen = {}
    for demo in VERANSTALTUNGEN:
        tag, stunde = demo.beginn
        anwesenheit = dict(
            zip(
                [
                    "teilnehmende_anzahl",
                    *Veranstaltung.ALTERSGRUPPEN,
                    *Veranstaltung.GESCHLECHTER,
                    *Veranstaltung.HERKUNFT,
                ],
                demo.anwesenheit,
                strict=False,
            )
        )
        werte = {
            "format": demo.format,
            "themengruppe": demo.themengruppe,
            "motto": mottos.get(demo.motto),
            "beginn": _zeit(tag, stunde),
            "ende": _zeit(tag, stunde + demo.dauer_stunden),
            "adresse": demo.adresse,
            "ort": Point(demo.breite_laenge[1], demo.breite_laenge[0], srid=4326) if demo.breite_laenge else None,
            "stufenlos": demo.stufenlos,
            "hoerschleife": demo.hoerschleife,
            "wc": demo.wc,
            "haltestelle": demo.haltestelle,
            "themen": demo.themen,
            "veranstalter": VERANSTALTER,
            "zielgruppen": demo.zielgruppen,
            "teilnehmende_erwartet": demo.erwartet,
            "status": demo.status,
            **{
                feld: anwesenheit.get(feld)
                for feld in (
                    "teilnehmende_anzahl",
                    *Veranstaltung.ALTERSGRUPPEN,
                    *Veranstaltung.GESCHLECHTER,
                    *Veranstaltung.HERKUNFT,
                )
            },
        }
        veranstaltung = abgleichen(
            Veranstaltung, {"titel": demo.titel}, werte, lambda o: veranstaltung_speichern(veranstaltung=o)
        )
        _m2m_setzen(veranstaltung, "quartiere", [quartiere[s] for s in demo.quartiere if s in quartiere])
        _m2m_setzen(veranstaltung, "handlungsfelder", [felder[s] for s in demo.felder])
        _m2m_setzen(veranstaltung, "moderation", [organisationen[k] for k in demo.moderation if k in organisationen])
        _m2m_setzen(veranstaltung, "beobachtung", [organisationen[k] for k in demo.beobachtung if k in organisationen])
        _m2m_setzen(veranstaltung, "gegenstaende", [katalog[n] for n in demo.gegenstaende if n in katalog])
        veranstaltungen[demo.titel] = veranstaltung

        # The checklist: done on the due day for events that have taken place; Jungferntal as it stands.
        for punkt in veranstaltung.checkliste.all():
            if demo.status == S.PLANUNG:
                erledigt, zustaendig = JUNGFERNTAL_CHECKLISTE.get(punkt.titel, (False, ""))
            else:
                erledigt, zustaendig = True, ""
            soll = {
                "erledigt": erledigt,
                "erledigt_am": punkt.faellig_am if erledigt else None,
                "verantwortlich_mitglied": mitglieder.get(zustaendig),
                "verantwortlich_organisation": organisationen.get(zustaendig),
            }
            abgleichen(Checklistenpunkt, {"pk": punkt.pk}, soll, lambda o: checklistenpunkt_speichern(punkt=o))

    # The cards of the two documented citizen dialogues; in Derne the moderation typed up table 3.
    for titel in ("Bürgerwerkstatt Menglinghausen", "Bürgerdialog Derne"):
        veranstaltung = veranstaltungen[titel]
        for feld, art, gegenstand, text, punkte, ort in _karten(veranstaltung):
            station = STATIONEN[feld]
            vom_partner = titel == "Bürgerdialog Derne" and station.startswith("Tisch 3") and partner is not None
            werte = {
                "art": art,
                "handlungsfeld": felder[feld],
                "gegenstand": katalog.get(gegenstand),
                "station": station,
                "punkte": punkte,
                "ort": ort,
                "erfasst_von": partner if vom_partner else projektteam,
                "von_partner": vom_partner,
            }
            abgleichen(
                Ergebnis,
                {"veranstaltung": veranstaltung, "text": text},
                werte,
                lambda o: ergebnis_speichern(ergebnis=o),
            )

    for titel, position, organisation, gruppe, termin in NACHHALTIGKEIT:
        abgleichen(
            Nachhaltigkeit,
            {"veranstaltung": veranstaltungen[titel], "gegenstand": katalog[position]},
            {
                "traeger_organisation": organisationen.get(organisation),
                "traeger_gruppe": gruppe,
                "naechster_termin": termin,
            },
            lambda o: nachhaltigkeit_speichern(eintrag=o),
        )

    offen = Checklistenpunkt.objects.filter(erledigt=False)
    return BuergerdialogDemo(
        veranstaltungen=Veranstaltung.objects.count(),
        ergebnisse=Ergebnis.objects.count(),
        offene_punkte=offen.count(),
        ueberfaellige_punkte=offen.filter(faellig_am__lt=heute()).count(),
    )
