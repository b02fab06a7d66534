"""Demo data of the profile texts, measures, key persons and talks (called by ``demo_daten``).

Menglinghausen is complete: key persons with and without consent, talks, all six fields written
(version 1 released on 25 April 2017, before its citizen workshop; version 2 a draft started as
its copy), a dozen measures in every state with milestones (``demo.massnahmen``). Derne and
Marten are begun (drafts, proposals only). Deterministic and idempotent: persons, talks and
measures are matched by their natural keys and written only when they differ; an existing
profile is left as it is.
All persons are invented.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from demo.abgleich import abgleichen, gespeichert
from demo.massnahmen import MASSNAHMEN, massnahmen_anlegen
from demo.zeit import am_tag
from quartiere.models import Handlungsfeld, Quartier
from quartiersprofil.models import (
    Akteur,
    Befund,
    Gespraech,
    GespraechArt,
)
from quartiersprofil.services.personen import akteur_speichern
from quartiersprofil.services.profil import (
    abschnitt_speichern,
    profil_entwurf_anlegen,
    profil_freigeben,
    profil_zur_beratung_geben,
)

D = datetime.date
BERATUNG = D(2017, 4, 3)  # Menglinghausen's first version goes to consultation …
FREIGABE = D(2017, 4, 25)  # … and is released before its citizen workshop on 20 May 2017
EINWILLIGUNG = {
    "einwilligung_am": D(2017, 1, 16),
    "einwilligung_umfang": "Kontaktaufnahme und Einladungen zu Veranstaltungen im Quartier",
    "einwilligung_einladungen": True,
    "einwilligung_textfassung": "2017-01",
}

OHNE_EINWILLIGUNG = {"einwilligung_am": None, "einwilligung_einladungen": False}

AKTEURE = {
    "menglinghausen": [
        ("Seniorenbüro Hombruch", "Leitung", True, "Renate Kemper (erfunden)", "seniorenbuero@example.org", True),
        ("Ev. Kirchengemeinde Menglinghausen", "Pfarrerin", True, "Dorothea Lindner (erfunden)", "", True),
        ("Begegnungsstätte AWO", "Ehrenamtliche Leitung", True, "Klaus Brenner (erfunden)", "", True),
        ("Bezirksvertretung Hombruch", "Bezirksbürgermeister", False, "", "", False),
        ("Nachbarschaftsinitiative Menglinghausen", "Sprecherin", True, "", "", False),
        ("Hausarztpraxis am Ort", "Praxisteam", False, "", "", False),
    ],
    "derne": [
        ("Seniorenbüro Scharnhorst", "Leitung", True, "Petra Ostermann (erfunden)", "derne@example.org", True),
        ("Bezirksvertretung Scharnhorst", "Bezirksbürgermeisterin", False, "", "", False),
    ],
}

GESPRAECHE = {
    "menglinghausen": [
        (
            D(2016, 10, 12),
            GespraechArt.INTERVIEW_SENIORENBUERO,
            ["Leitung"],
            ["teilhabe-soziale-infrastruktur"],
            "Das Seniorenbüro berichtet von einem aktiven Vereinsleben, aber wenig Angeboten für Hochaltrige, "
            "die nicht mehr mobil sind.",
            "Liste der Besuchsdienste bis November an das Projektteam.",
        ),
        (
            D(2016, 11, 3),
            GespraechArt.BEZIRKSBUERGERMEISTER,
            ["Bezirksbürgermeister"],
            ["mobilitaet-nahversorgung"],
            "Der Bezirksbürgermeister unterstützt eine Bürgerwerkstatt; Thema Nahversorgung hat Vorrang.",
            "Vorstellung des Profils in der Bezirksvertretung im Frühjahr 2017.",
        ),
        (
            D(2016, 11, 24),
            GespraechArt.INTERVIEW_AKTEUR,
            ["Pfarrerin", "Sprecherin"],
            ["wohnumfeld", "sicherheit"],
            "Wege zur Kirche und zum Friedhof sind schlecht beleuchtet; Bänke fehlen an der Steigung.",
            "Begehung der Wege mit dem Tiefbauamt anregen.",
        ),
        (
            D(2017, 1, 19),
            GespraechArt.RUNDER_TISCH,
            ["Leitung", "Ehrenamtliche Leitung"],
            ["gesundheit-pflege"],
            "Runder Tisch: Pflegeberatung im Quartier wird kaum genutzt, weil sie wenig bekannt ist.",
            "",
        ),
    ],
    "derne": [
        (
            D(2017, 2, 2),
            GespraechArt.INTERVIEW_SENIORENBUERO,
            ["Leitung"],
            ["wohnen"],
            "Viele ältere Mieterinnen und Mieter in den Zechensiedlungen wünschen sich barrierearme Wohnungen.",
            "",
        ),
    ],
}

TEXTE = {
    "wohnen": (
        "Überwiegend **Reihen- und Einfamilienhäuser** aus den 1950er- bis 1970er-Jahren; viele Eigentümer "
        "sind mit ihren Häusern älter geworden. Barrierearme Mietwohnungen gibt es kaum.",
        "- hohe Wohnzufriedenheit\n- stabile Nachbarschaften, viele leben seit Jahrzehnten hier",
        "Beratung zur **Wohnungsanpassung** und ein kleines Angebot barrierearmer Wohnungen im Ortskern.",
    ),
    "mobilitaet-nahversorgung": (
        "Ein Lebensmittelmarkt am Rand des Quartiers, Bushaltestellen im 20-Minuten-Takt.",
        "Gute Busanbindung an Hombruch; Bäckerei mit Sitzplätzen als Treffpunkt.",
        "Für Menschen ohne Auto ist der Markt an der Steigung schwer erreichbar: Bringdienst, Bänke am Weg.",
    ),
    "sicherheit": (
        "Wenig Kriminalität; das Sicherheitsgefühl leidet an dunklen Wegen.",
        "Aufmerksame Nachbarschaften.",
        "Beleuchtung der Wege zur Kirche und zum Friedhof prüfen.",
    ),
    "wohnumfeld": (
        "Viel Grün, aber steile Wege und hohe Bordsteine.",
        "Grünflächen und Felder in Fußwegnähe.",
        "Bordsteine absenken, **Sitzbänke** in Abständen von höchstens 300 m.",
    ),
    "teilhabe-soziale-infrastruktur": (
        "Begegnungsstätte der AWO, Kirchengemeinde, mehrere Vereine.",
        "Aktives Vereinsleben; Ehrenamtliche tragen viele Angebote.",
        "Angebote für Hochaltrige, die nicht mehr mobil sind: Besuchsdienste und begleitete Spaziergänge.",
    ),
    "gesundheit-pflege": (
        "Eine Hausarztpraxis, Apotheke in Hombruch, ambulante Pflegedienste versorgen das Quartier.",
        "Verlässliche hausärztliche Versorgung.",
        "Pflegeberatung bekannter machen, Sprechstunde im Quartier.",
    ),
}


@dataclass
class ProfilDemo:
    akteure: int = 0
    gespraeche: int = 0
    fassungen: int = 0
    massnahmen: int = 0
    meilensteine: int = 0


def _akteure(quartier, eintraege):
    akteure = {}
    for organisation, rolle, schluessel, name, email, einwilligung in eintraege:
        suche = {"quartier": quartier, "organisation": organisation, "rolle": rolle}
        akteur = Akteur.objects.filter(**suche).first()
        if akteur is not None and akteur.ist_anonymisiert:  # erased on request: stays so
            akteure[rolle] = akteur
            continue
        werte = {"ist_schluesselperson": schluessel, "name": name, "email": email}
        werte.update(
            {feld: wert if einwilligung else OHNE_EINWILLIGUNG.get(feld, "") for feld, wert in EINWILLIGUNG.items()}
        )
        akteure[rolle] = abgleichen(Akteur, suche, werte, lambda a: akteur_speichern(akteur=a))
    return akteure


def _gespraeche(quartier, eintraege, akteure, felder):
    for datum, art, rollen, feld_slugs, zusammenfassung, vereinbarungen in eintraege:
        gespraech = abgleichen(
            Gespraech,
            {"quartier": quartier, "datum": datum, "art": art},
            {"zusammenfassung": zusammenfassung, "vereinbarungen": vereinbarungen},
            gespeichert,
        )
        gespraech.teilnehmende.set([akteure[r] for r in rollen])
        gespraech.handlungsfelder.set([felder[s] for s in feld_slugs])


def _profil(quartier, felder, *, vollstaendig, projektteam):
    if quartier.profilfassungen.exists():
        return
    fassung = profil_entwurf_anlegen(quartier=quartier)
    gespraeche = list(quartier.gespraeche.prefetch_related("handlungsfelder"))
    for abschnitt in fassung.abschnitte.select_related("handlungsfeld"):
        slug = abschnitt.handlungsfeld.slug
        bestand, staerken, handlungsbedarf = TEXTE[slug]
        if not vollstaendig:
            if slug not in ("wohnen", "mobilitaet-nahversorgung"):
                continue
            staerken, handlungsbedarf = "", ""
        abschnitt_speichern(
            abschnitt=abschnitt,
            bestand=bestand,
            staerken=staerken,
            handlungsbedarf=handlungsbedarf,
            belege={
                "indikatoren": list(abschnitt.handlungsfeld.indikatoren.order_by("reihenfolge")[:2]),
                "befunde": list(
                    Befund.objects.filter(begehung__quartier=quartier, handlungsfeld=abschnitt.handlungsfeld)
                ),
                "gespraeche": [g for g in gespraeche if abschnitt.handlungsfeld in g.handlungsfelder.all()],
            },
        )
    if vollstaendig:
        with am_tag(BERATUNG):
            profil_zur_beratung_geben(fassung=fassung)
        with am_tag(FREIGABE):
            profil_freigeben(fassung=fassung, benutzer=projektteam)
        entwurf = profil_entwurf_anlegen(quartier=quartier)
        wohnen = entwurf.abschnitte.get(handlungsfeld=felder["wohnen"])
        abschnitt_speichern(
            abschnitt=wohnen,
            bestand=wohnen.bestand + "\n\nNach dem Bürgerdialog ergänzt: Interesse an gemeinschaftlichem Wohnen.",
            staerken=wohnen.staerken,
            handlungsbedarf=wohnen.handlungsbedarf,
        )


@transaction.atomic
def profil_demo_anlegen():
    """Create or update the demo persons, talks, profiles and measures; returns counts.

    Side effects: writes Akteur, Gespraech, Profilfassung/ProfilAbschnitt (only for quarters
    without a profile), Massnahme and MassnahmeMeilenstein rows of the demo quarters.
    """
    felder = {h.slug: h for h in Handlungsfeld.objects.all()}
    projektteam = get_user_model().objects.filter(username="projektteam").first()
    ergebnis = ProfilDemo()
    for slug, vollstaendig in (("menglinghausen", True), ("derne", False), ("marten", False)):
        quartier = Quartier.objects.filter(slug=slug).first()
        if quartier is None:
            continue
        akteure = _akteure(quartier, AKTEURE.get(slug, []))
        _gespraeche(quartier, GESPRAECHE.get(slug, []), akteure, felder)
        # Measures first: the released profile shows them as they stood at its release.
        eintraege = MASSNAHMEN if vollstaendig else MASSNAHMEN[3:6]
        ergebnis.meilensteine += massnahmen_anlegen(quartier, eintraege, felder, nur_vorgeschlagen=not vollstaendig)
        _profil(quartier, felder, vollstaendig=vollstaendig, projektteam=projektteam)
        ergebnis.akteure += quartier.akteure.count()
        ergebnis.gespraeche += quartier.gespraeche.count()
        ergebnis.fassungen += quartier.profilfassungen.count()
        ergebnis.massnahmen += quartier.massnahmen.count()
    return ergebnis
