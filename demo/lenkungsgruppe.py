# ruff: noqa: E501 - data tables read better with one entry per line
"""Demo data of the steering group, after the seed (progress report of 16 March 2017).

The 17-member group with invented names, the partners of the citizen dialogues, the meetings
(``demo.sitzungen``: the six of 2016, the fifth a Zukunftswerkstatt in October, those of
spring 2017 the seed names, two more up to the demo's day and two ahead of it), decisions and
tasks (``demo.beschluesse``), some sectoral plans with ratings, „nordwärts“ and the project's
milestones as they stand on 16 October 2017. Dates of day and hour that the seed does not
give are invented.

Deterministic and idempotent: every object is found by a natural key and written only when
something differs, so a second run writes no history entries.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from demo.abgleich import abgleichen, gespeichert
from demo.beschluesse import aufgaben_anlegen, beschluesse_anlegen
from demo.sitzungen import protokolle_genehmigen, sitzungen_anlegen
from lenkungsgruppe import services
from lenkungsgruppe.models import (
    Aufgabe,
    Beschluss,
    Fachplanung,
    FachplanungBewertung,
    Meilenstein,
    Mitglied,
    Organisation,
    OrganisationArt,
    Sitzung,
    Stadtentwicklungsprojekt,
)
from quartiere.models import Handlungsfeld, Quartier

EMAIL_DOMAIN = "demo.dwk.invalid"
D = datetime.date
GRUENDUNG = D(2016, 2, 17)

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
        "Quartiersprofil Menglinghausen freigegeben",
        D(2017, 4, 30),
        D(2017, 4, 25),
        "erreicht",
        "Das erste Quartiersprofil, Grundlage der Bürgerwerkstatt im Mai.",
        None,
    ),
    (
        "Quartiersprofile der vier Referenzquartiere",
        D(2017, 12, 31),
        None,
        "laufend",
        "Menglinghausen freigegeben; Derne und Marten in Arbeit, Jungferntal folgt. Mit Maßnahmevorschlägen je Handlungsfeld.",
        None,
    ),
    (
        "Bürgerdialoge in den vier Referenzquartieren",
        D(2017, 11, 30),
        None,
        "laufend",
        "Menglinghausen (20. Mai) und Derne (9. September) durchgeführt; Jungferntal am 28. Oktober, Marten im November. Mit Dokumentation und Evaluation.",
        6,
    ),
    (
        "Erste Berichterstattung an die politischen Gremien",
        D(2018, 1, 31),
        None,
        "geplant",
        "Die Quartiersprofile Menglinghausen und Derne im Ausschuss für Soziales, Arbeit und Gesundheit.",
        7,
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
        kurz: abgleichen(Organisation, {"kurzname": kurz}, {"name": name, "art": art}, gespeichert)
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
        mitglieder[schluessel] = abgleichen(
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

    sitzungen, tops = sitzungen_anlegen(mitglieder=mitglieder, felder=felder, quartiere=quartiere)

    plaene = {}
    for titel, art, jahr, federfuehrung, hf, qs, notizen in FACHPLANUNGEN:
        plan = abgleichen(
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
            abgleichen(
                FachplanungBewertung,
                {"fachplanung": plaene[titel], "mitglied": mitglieder[schluessel], "handlungsfeld": felder[feld]},
                {"relevanz": relevanz, "kommentar": kommentar},
                gespeichert,
            )
    beschluesse = beschluesse_anlegen(sitzungen=sitzungen, tops=tops, felder=felder, quartiere=quartiere, plaene=plaene)
    protokolle_genehmigen(sitzungen=sitzungen)
    aufgaben_anlegen(tops=tops, beschluesse=beschluesse, mitglieder=mitglieder, organisationen=organisationen)

    nordwaerts = abgleichen(
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
        gespeichert,
    )
    nordwaerts.quartiere.set(
        [quartiere[s] for s in ("derne", "jungferntal", "marten", "nordmarkt", "scharnhorst-ost") if s in quartiere]
    )
    for titel, geplant, erreicht, status, beschreibung, b_nr in MEILENSTEINE:
        abgleichen(
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
