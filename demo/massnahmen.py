"""Demo measures (Maßnahmen) of the quarter profiles and their milestones, as of 16 October 2017.

Menglinghausen's profile was released in April 2017 and its citizen workshop held on 20 May:
its measures stand in every state, those from the workshop begun in the summer, with
milestones done before the demo's day and others ahead of it. A quarter whose profile is
still a draft (Derne, Marten) has proposals only.
"""

import datetime

from demo.abgleich import abgleichen, gespeichert
from quartiersprofil.models import Massnahme, MassnahmeHerkunft, MassnahmeMeilenstein, MassnahmeStatus, Prioritaet

D = datetime.date

# (title, Handlungsfeld, status, progress, reason, priority, responsible, costs, origin, milestones)
MASSNAHMEN = [
    (
        "Sitzbänke an der Steigung zum Markt",
        "wohnumfeld",
        MassnahmeStatus.UMGESETZT,
        100,
        "",
        Prioritaet.HOCH,
        "Tiefbauamt",
        6000,
        MassnahmeHerkunft.PROFIL,
        [("Standorte begehen", D(2017, 5, 31), D(2017, 5, 29)), ("Bänke aufstellen", D(2017, 8, 31), D(2017, 8, 24))],
    ),
    (
        "Bringdienst des Lebensmittelmarkts",
        "mobilitaet-nahversorgung",
        MassnahmeStatus.IN_UMSETZUNG,
        60,
        "",
        Prioritaet.HOCH,
        "Seniorenbüro Hombruch",
        None,
        MassnahmeHerkunft.BUERGERDIALOG,
        [("Gespräch mit dem Markt", D(2017, 6, 30), D(2017, 6, 27)), ("Probebetrieb", D(2017, 11, 6), None)],
    ),
    (
        "Begleitete Spaziergänge",
        "teilhabe-soziale-infrastruktur",
        MassnahmeStatus.IN_UMSETZUNG,
        30,
        "",
        Prioritaet.MITTEL,
        "Begegnungsstätte AWO",
        500,
        MassnahmeHerkunft.BUERGERDIALOG,
        [
            ("Ehrenamtliche gewinnen", D(2017, 7, 31), D(2017, 8, 3)),
            ("Erster Spaziergang", D(2017, 9, 15), D(2017, 9, 16)),
            ("Feste Termine jeden Monat", D(2017, 11, 30), None),
        ],
    ),
    (
        "Beratung zur Wohnungsanpassung",
        "wohnen",
        MassnahmeStatus.BESCHLOSSEN,
        0,
        "",
        Prioritaet.HOCH,
        "FB Wohnen",
        2000,
        MassnahmeHerkunft.PROFIL,
        [("Sprechstunde einrichten", D(2017, 12, 1), None)],
    ),
    (
        "Pflegesprechstunde im Quartier",
        "gesundheit-pflege",
        MassnahmeStatus.BESCHLOSSEN,
        0,
        "",
        Prioritaet.MITTEL,
        "Pflegeberatung der Stadt",
        None,
        MassnahmeHerkunft.WORKSHOP,
        [("Raum finden", D(2017, 11, 15), None)],
    ),
    (
        "Beleuchtung des Kirchwegs",
        "sicherheit",
        MassnahmeStatus.GEPRUEFT,
        0,
        "",
        Prioritaet.MITTEL,
        "Tiefbauamt",
        15000,
        MassnahmeHerkunft.PROFIL,
        [],
    ),
    (
        "Bordsteine an Querungen absenken",
        "wohnumfeld",
        MassnahmeStatus.GEPRUEFT,
        0,
        "",
        Prioritaet.HOCH,
        "Tiefbauamt",
        20000,
        MassnahmeHerkunft.PROFIL,
        [],
    ),
    (
        "Nachbarschaftsbörse",
        "teilhabe-soziale-infrastruktur",
        MassnahmeStatus.VORGESCHLAGEN,
        0,
        "",
        Prioritaet.MITTEL,
        "Nachbarschaftsinitiative",
        None,
        MassnahmeHerkunft.BUERGERDIALOG,
        [],
    ),
    (
        "Schwarzes Brett im Ortskern",
        "teilhabe-soziale-infrastruktur",
        MassnahmeStatus.VORGESCHLAGEN,
        0,
        "",
        Prioritaet.NIEDRIG,
        "Kirchengemeinde",
        300,
        MassnahmeHerkunft.BUERGERDIALOG,
        [],
    ),
    (
        "Barrierearme Wohnungen im Ortskern",
        "wohnen",
        MassnahmeStatus.VORGESCHLAGEN,
        0,
        "",
        Prioritaet.MITTEL,
        "FB Wohnen",
        None,
        MassnahmeHerkunft.PROFIL,
        [],
    ),
    (
        "Bürgerbus nach Hombruch",
        "mobilitaet-nahversorgung",
        MassnahmeStatus.VERWORFEN,
        0,
        "Die Buslinie fährt bereits im 20-Minuten-Takt; ein Bürgerbus fände keinen Träger.",
        Prioritaet.NIEDRIG,
        "Verkehrsbetriebe",
        40000,
        MassnahmeHerkunft.WORKSHOP,
        [],
    ),
    (
        "Notrufsäulen am Friedhof",
        "sicherheit",
        MassnahmeStatus.VERWORFEN,
        0,
        "Die Lenkungsgruppe hält Beleuchtung für wirksamer.",
        Prioritaet.NIEDRIG,
        "Ordnungsamt",
        8000,
        MassnahmeHerkunft.PROFIL,
        [],
    ),
]


def massnahmen_anlegen(quartier, eintraege, felder, *, nur_vorgeschlagen=False):
    """The measures of ``quartier``; with ``nur_vorgeschlagen`` (a quarter whose profile is a draft)
    all of them still proposals, without milestones. Returns the number of milestones."""
    anzahl = 0
    for (
        titel,
        feld,
        status,
        fortschritt,
        grund,
        prioritaet,
        verantwortlich,
        kosten,
        herkunft,
        meilensteine,
    ) in eintraege:
        if nur_vorgeschlagen:
            status, fortschritt, grund, meilensteine = MassnahmeStatus.VORGESCHLAGEN, 0, "", []
        massnahme = abgleichen(
            Massnahme,
            {"quartier": quartier, "titel": titel},
            {
                "handlungsfeld": felder[feld],
                "beschreibung": f"{titel} – Vorschlag aus dem Quartiersprofil {quartier.name}.",
                "status": status,
                "fortschritt": fortschritt,
                "verworfen_grund": grund,
                "prioritaet": prioritaet,
                "verantwortlich": verantwortlich,
                "kosten_schaetzung": kosten,
                "herkunft": herkunft,
            },
            gespeichert,
        )
        for m_titel, geplant, erreicht in meilensteine:
            abgleichen(
                MassnahmeMeilenstein,
                {"massnahme": massnahme, "titel": m_titel},
                {"geplant_am": geplant, "erreicht_am": erreicht},
                gespeichert,
            )
            anzahl += 1
    return anzahl
