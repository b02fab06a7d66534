"""Demo of the review by the steering group and the way into practice (issue 10).

Menglinghausen (29 June 2017) went to review until 31 August 2017 and is closed; Derne (13 July
2017) until 27 October 2017 and still open on the demo day (16 October 2017): most members have
rated, the demo member „lenkungsgruppe“ (Overkamp) has not, so „Meine Lenkungsgruppe“ shows it
waiting. The best-ranked cards became measures of their quarter (herkunft Bürgerdialog), one
Menglinghausen card joined an existing measure of the profile, one Derne card was passed to
„nordwärts“ with its answer. The ranking of Menglinghausen went back to the steering group as an
agenda item of its meeting of 20 September 2017. Deterministic (seeded per event) and idempotent: a second run writes
no row and no history entry.
"""

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from buergerdialog.models import Bewertungsrunde, Ergebnis, ErgebnisBewertung, Umsetzung, Veranstaltung, Weitergabe
from buergerdialog.queries.bewertung import auswertung, runde_von
from buergerdialog.services.praxis import (
    ergebnis_als_massnahme,
    ergebnis_massnahme_anschliessen,
    ergebnisse_an_lenkungsgruppe,
)
from demo.abgleich import abgleichen, geaendert, gespeichert
from demo.zeit import am_tag
from lenkungsgruppe.models import Mitglied, Sitzung, Stadtentwicklungsprojekt
from quartiersprofil.models import Massnahme

D = datetime.date
# (event title, quarter slug, deadline, day the measures were taken up, how many became measures)
RUNDEN = [
    ("Bürgerwerkstatt Menglinghausen", "menglinghausen", D(2017, 8, 31), D(2017, 9, 12), 3),
    ("Bürgerdialog Derne", "derne", D(2017, 10, 27), D(2017, 10, 10), 2),
]
HINWEIS = "Bitte bewerten Sie jede Karte nach Relevanz und Machbarkeit. Die Rangfolge geht in die nächste Sitzung."
NICHT_BEWERTET = {"Bürgerdialog Derne": {"overkamp"}}  # the demo member's review still waits
KOMMENTARE = [
    "Sollte mit dem Seniorenbüro besprochen werden.",
    "Gibt es dafür schon ein Angebot im Quartier?",
    "Kostengünstig umzusetzen.",
    "Braucht einen Träger, der es weiterführt.",
    "Wichtig, aber nur mit dem Fachamt machbar.",
]
WEITERGABE = {
    "event": "Bürgerdialog Derne",
    "platz": 3,  # the card on this place of the ranking (not one that became a measure)
    "adressat": "Projektbüro nordwärts",
    "datum": D(2017, 9, 20),
    "antwort": "Der Vorschlag wird in das Projekt „Quartiersspaziergänge im Dortmunder Norden“ aufgenommen.",
    "antwort_am": D(2017, 10, 5),
}


# Feedback to the steering group: the ranking of Menglinghausen as an agenda item of the 11th meeting
# (20 September 2017), put there by Projektteam after the review's deadline.
RUECKMELDUNG = {"event": "Bürgerwerkstatt Menglinghausen", "sitzung_am": D(2017, 9, 20), "am": D(2017, 9, 4)}


def _rueckmeldung_anlegen():
    """The agenda item „Ergebnisse der Bürgerwerkstatt …“ with the ranking, once (found again by its title)."""
    veranstaltung = Veranstaltung.objects.filter(titel=RUECKMELDUNG["event"]).first()
    sitzung = Sitzung.objects.filter(beginn__date=RUECKMELDUNG["sitzung_am"]).first()
    if veranstaltung is None or sitzung is None or runde_von(veranstaltung) is None:
        return None
    vorhanden = sitzung.tagesordnungspunkte.filter(titel__contains=f"„{veranstaltung.titel}“").first()
    if vorhanden is not None:
        return vorhanden
    with am_tag(RUECKMELDUNG["am"]):
        return ergebnisse_an_lenkungsgruppe(veranstaltung=veranstaltung, sitzung=sitzung)


@dataclass
class BewertungDemo:
    runden: int
    bewertungen: int
    massnahmen: int
    weitergaben: int


def _stufe(wert):
    return max(1, min(5, round(wert)))


def _bewertungen_anlegen(runde, ergebnisse, mitglieder, titel):
    """Each member rates every card: relevance leans on the dots, feasibility is spread; the same on every run."""
    rng = random.Random(f"bewertung-{titel}")  # noqa: S311 -- reproducible demo ratings, not a secret
    ohne = NICHT_BEWERTET.get(titel, set())
    bewertende = [m for m in mitglieder if m.nachname.lower() not in ohne]
    bewertende = bewertende[: max(1, len(bewertende) - 2)]  # most members: the last two in the list did not rate
    # Some 600 ratings per round: the existing ones are read at once and the new ones written together
    # (with their history), not looked up, validated and saved one by one (seconds of the demo).
    vorhanden = {(b.ergebnis_id, b.mitglied_id): b for b in ErgebnisBewertung.objects.filter(runde=runde)}
    neu = []
    for mitglied in bewertende:
        for ergebnis in ergebnisse:
            relevanz = _stufe(1.5 + ergebnis.punkte / 3 + rng.gauss(0, 0.9))
            machbarkeit = _stufe(rng.gauss(3.2, 1.1))
            kommentar = rng.choice(KOMMENTARE) if rng.random() < 0.04 else ""
            werte = {"relevanz": relevanz, "machbarkeit": machbarkeit, "kommentar": kommentar}
            bewertung = vorhanden.get((ergebnis.pk, mitglied.pk))
            if bewertung is None:
                bewertung = ErgebnisBewertung(runde=runde, ergebnis=ergebnis, mitglied=mitglied, **werte)
                # The round, the card and the member were just read; one rating per member and card and the
                # range 1–5 are the database's constraints, checked on insert.
                bewertung.full_clean(exclude=["runde", "ergebnis", "mitglied"], validate_constraints=False)
                neu.append(bewertung)
            elif geaendert(bewertung, werte):
                for feld, wert in werte.items():
                    setattr(bewertung, feld, wert)
                gespeichert(bewertung)
    bulk_create_with_history(neu, ErgebnisBewertung)


def _massnahmen_anlegen(runde, quartier_slug, tag, anzahl, projektteam):
    """The ``anzahl`` best-ranked cards become measures (once); Menglinghausen's next card joins an
    existing measure of the profile in its Handlungsfeld, where there is one."""
    raenge = [r for r in auswertung(runde=runde)["raenge"] if r.platz is not None]
    quartier = runde.veranstaltung.quartiere.get(slug=quartier_slug)
    with am_tag(tag):
        for rang in raenge[:anzahl]:
            ergebnis = rang.ergebnis
            if Umsetzung.objects.filter(ergebnis=ergebnis).exists():
                continue
            ergebnis_als_massnahme(
                ergebnis=ergebnis,
                quartier=quartier,
                handlungsfeld=ergebnis.handlungsfeld or quartier.massnahmen.first().handlungsfeld,
                titel=ergebnis.text[:200],
                beschreibung=f"Aus dem Bürgerdialog: „{ergebnis.text}“ ({ergebnis.punkte} Klebepunkte).",
                benutzer=projektteam,
            )
        if quartier_slug == "menglinghausen" and len(raenge) > anzahl:
            ergebnis = raenge[anzahl].ergebnis
            bestehende = (
                Massnahme.objects.filter(quartier=quartier, handlungsfeld=ergebnis.handlungsfeld)
                .exclude(herkunft="buergerdialog")
                .order_by("pk")
                .first()
            )
            if bestehende is not None and not Umsetzung.objects.filter(ergebnis=ergebnis).exists():
                ergebnis_massnahme_anschliessen(ergebnis=ergebnis, massnahme=bestehende, benutzer=projektteam)


@transaction.atomic
def buergerdialog_bewertung_demo_anlegen():
    """Create the review rounds, ratings, measures and the passing-on to „nordwärts“, or bring them
    back to their defined state. Needs ``lenkungsgruppe_demo_anlegen``, ``profil_demo_anlegen`` and
    ``buergerdialog_demo_anlegen``. Side effects: rows of Bewertungsrunde, ErgebnisBewertung,
    Umsetzung, Weitergabe and new measures, and the agenda item with Menglinghausen's ranking, each
    written only when missing or different."""
    projektteam = get_user_model().objects.filter(username="projektteam").first()
    for titel, quartier_slug, frist, tag, anzahl in RUNDEN:
        veranstaltung = Veranstaltung.objects.filter(titel=titel).first()
        if veranstaltung is None or not veranstaltung.quartiere.filter(slug=quartier_slug).exists():
            continue
        runde = abgleichen(
            Bewertungsrunde,
            {"veranstaltung": veranstaltung},
            {"frist": frist, "hinweis": HINWEIS, "gestartet_von": projektteam},
            gespeichert,
        )
        ergebnisse = list(Ergebnis.objects.filter(veranstaltung=veranstaltung).order_by("pk"))
        if set(runde.ergebnisse.all()) != set(ergebnisse):
            runde.ergebnisse.set(ergebnisse)
        mitglieder = list(Mitglied.objects.aktiv(am=frist).order_by("nachname", "vorname"))
        _bewertungen_anlegen(runde, ergebnisse, mitglieder, titel)
        _massnahmen_anlegen(runde, quartier_slug, tag, anzahl, projektteam)

    nordwaerts = Stadtentwicklungsprojekt.objects.filter(name="nordwärts").first()
    runde = Bewertungsrunde.objects.filter(veranstaltung__titel=WEITERGABE["event"]).first()
    if nordwaerts is not None and runde is not None:
        raenge = [r for r in auswertung(runde=runde)["raenge"] if r.platz is not None]
        if len(raenge) >= WEITERGABE["platz"]:
            ergebnis = raenge[WEITERGABE["platz"] - 1].ergebnis
            if not Weitergabe.objects.filter(ergebnis__veranstaltung=runde.veranstaltung, projekt=nordwaerts).exists():
                gespeichert(
                    Weitergabe(
                        ergebnis=ergebnis,
                        projekt=nordwaerts,
                        adressat=WEITERGABE["adressat"],
                        datum=WEITERGABE["datum"],
                        antwort=WEITERGABE["antwort"],
                        antwort_am=WEITERGABE["antwort_am"],
                    )
                )
    _rueckmeldung_anlegen()
    return BewertungDemo(
        runden=Bewertungsrunde.objects.count(),
        bewertungen=ErgebnisBewertung.objects.count(),
        massnahmen=Umsetzung.objects.count(),
        weitergaben=Weitergabe.objects.count(),
    )
