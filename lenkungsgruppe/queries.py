"""Reads of the steering group beyond a one-line queryset method: the data behind its pages,
documents, exports and template tags. The querysets (``Sitzung.objects.kommende()`` …) live
beside their models; nothing here writes."""

import datetime
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from statistics import mean, median

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from dwk.zeit import heute
from quartiere.models import Handlungsfeld, Indikator, Kommune, Quartier, QuartierUnterbezirk
from quartiere.queries.analyse import quartiere_werte
from quartiere.queries.geheimhaltung import Wert, wert_text

from .models import (
    Aufgabe,
    AufgabeStatus,
    Beschluss,
    BeschlussArt,
    Fachplanung,
    FachplanungBewertung,
    Meilenstein,
    Mitglied,
    Sitzung,
    Stadtentwicklungsprojekt,
    Tagesordnungspunkt,
    Teilnahme,
)

EINWOHNER_SCHLUESSEL = "ew_gesamt"


def _fingerabdruck(zeilen: Iterable[tuple]) -> str:
    return hashlib.sha256(json.dumps(list(zeilen), default=str).encode()).hexdigest()


def letzte_aenderungen(objekt: Sitzung | Beschluss | Fachplanung, *, anzahl: int = 5) -> QuerySet:
    """The latest ``anzahl`` history entries of ``objekt`` with who made them (1 query)."""
    return objekt.history.select_related("history_user").order_by("-history_date")[:anzahl]


# --- Overview and „Meine Lenkungsgruppe“ -----------------------------------------------------


def uebersicht(*, am: datetime.date | None = None) -> dict:
    """The group's start page on day ``am`` (today by default): next meeting, latest decisions,
    the timeline, the number of active members and of open and overdue tasks."""
    am = am or heute()
    return {
        "naechste_sitzung": Sitzung.objects.kommende().first(),
        "letzte_beschluesse": Beschluss.objects.select_related("sitzung")[:5],
        "meilensteine": Meilenstein.objects.select_related("beschluss"),
        "anzahl_mitglieder": Mitglied.objects.aktiv(am).count(),
        "anzahl_offen": Aufgabe.objects.offen().count(),
        "anzahl_ueberfaellig": Aufgabe.objects.ueberfaellig(am).count(),
    }


def meine_lenkungsgruppe(mitglied: Mitglied) -> dict:
    """What concerns one member: their next meeting (the next one they are invited to, else the
    next one at all), the open tasks of them and their organisation, the plans they have not rated."""
    return {
        "naechste_sitzung": Sitzung.objects.kommende().filter(teilnahmen__mitglied=mitglied).first()
        or Sitzung.objects.kommende().first(),
        "aufgaben": Aufgabe.objects.von_mitglied(mitglied)
        .offen()
        .select_related("verantwortlich_mitglied", "verantwortlich_organisation", "beschluss")
        .order_by("faellig_am"),
        "zu_bewerten": Fachplanung.objects.wartet_auf_bewertung_von(mitglied).order_by("titel"),
    }


def mitglieder_liste() -> QuerySet[Mitglied]:
    """Every member with organisation and substitute, by kind of organisation, organisation and name."""
    return Mitglied.objects.select_related("organisation", "stellvertretung").order_by(
        "organisation__art", "organisation__name", "nachname"
    )


# --- Meetings --------------------------------------------------------------------------------


def sitzungen_liste() -> QuerySet[Sitzung]:
    """Every meeting, newest first, with the number of agenda items, decisions and members present."""
    return (
        Sitzung.objects.select_related("protokoll_genehmigt_in")
        .annotate(
            anzahl_tops=Count("tagesordnungspunkte", distinct=True),
            anzahl_beschluesse=Count("beschluesse", distinct=True),
            anzahl_anwesend=Count("teilnahmen", filter=Q(teilnahmen__status="anwesend"), distinct=True),
        )
        .order_by("-beginn")
    )


def teilnahmen(sitzung: Sitzung) -> list[Teilnahme]:
    """The invited members of ``sitzung`` with their organisation and substitute (1 query)."""
    return list(sitzung.teilnahmen.select_related("mitglied__organisation", "vertreten_durch"))


def einladungs_empfaenger(sitzung: Sitzung) -> list[Mitglied]:
    """The invited members of ``sitzung`` who have an e-mail address (1 query)."""
    return [t.mitglied for t in sitzung.teilnahmen.select_related("mitglied") if t.mitglied.email]


def teilnahme_stand(sitzung: Sitzung) -> str:
    """A fingerprint of the attendance of ``sitzung`` (member, status, substitute): it changes
    with every change, so an attendance form opened on an older state can be refused
    (``services.teilnahme_erfassen``). 1 query."""
    return _fingerabdruck(
        sitzung.teilnahmen.order_by("mitglied_id").values_list("mitglied_id", "status", "vertreten_durch_id")
    )


def sitzung_unterlagen(sitzung: Sitzung) -> dict:
    """What the meeting page, the invitation and the minutes show: the agenda with its decisions
    and tasks, who was invited and came, the guests (one per line of ``gaeste``), the city's name
    and the day the document is made."""
    kommune = Kommune.objects.only("name").first()
    return {
        "sitzung": sitzung,
        "tagesordnungspunkte": list(
            sitzung.tagesordnungspunkte.select_related(
                "handlungsfeld", "quartier", "fachplanung", "projekt"
            ).prefetch_related("beschluesse", "aufgaben")
        ),
        "teilnahmen": teilnahmen(sitzung),
        "gaeste": [zeile.strip() for zeile in sitzung.gaeste.splitlines() if zeile.strip()],
        "stadtname": kommune.name if kommune else _("Stadt"),
        "stand": heute(),
    }


def tagesordnungspunkte_zur_auswahl() -> QuerySet[Tagesordnungspunkt]:
    """Agenda items for a select, newest meeting first (with their meeting, for the label)."""
    return Tagesordnungspunkt.objects.select_related("sitzung").order_by("-sitzung__beginn", "nummer")


# --- Decisions and tasks -----------------------------------------------------------------------


def beschluesse_gefiltert(**kriterien: object) -> QuerySet[Beschluss]:
    """The register with its filters (``BeschlussQuerySet.gefiltert``), newest meeting first, with
    everything a row shows; 4 queries however many decisions."""
    return (
        Beschluss.objects.gefiltert(**kriterien)
        .select_related("sitzung", "tagesordnungspunkt")
        .prefetch_related("handlungsfelder", "quartiere", "fachplanungen")
        .order_by("-sitzung__beginn", "-nummer")
    )


BESCHLUSS_EXPORT_KOPF = [
    "Nr.",
    "Datum",
    "Sitzung",
    "TOP",
    "Art",
    "Titel",
    "Beschlusstext",
    "Abstimmung",
    "Ja",
    "Nein",
    "Enthaltungen",
    "Handlungsfelder",
    "Quartiere",
    "Fachplanungen",
]


def beschluss_export_zeilen(beschluesse: Iterable[Beschluss]) -> list[list]:
    """One row per decision for CSV/XLSX, in the order of ``BESCHLUSS_EXPORT_KOPF``."""
    return [
        [
            b.nummer,
            timezone.localtime(b.sitzung.beginn).date(),
            b.sitzung.nummer,
            b.tagesordnungspunkt.nummer if b.tagesordnungspunkt else None,
            b.get_art_display(),
            b.titel,
            b.text,
            str(b.abstimmung),
            b.ja,
            b.nein,
            b.enthaltungen,
            ", ".join(h.name for h in b.handlungsfelder.all()),
            ", ".join(q.name for q in b.quartiere.all()),
            ", ".join(f.titel for f in b.fachplanungen.all()),
        ]
        for b in beschluesse
    ]


def beschluss_mit_bezuegen() -> QuerySet[Beschluss]:
    """Decisions with meeting, agenda item, fields, plans, quarters and tasks, for the detail page."""
    return Beschluss.objects.select_related("sitzung", "tagesordnungspunkt").prefetch_related(
        "handlungsfelder", "fachplanungen", "quartiere", "aufgaben"
    )


def _letzter_beschluss(**filter: object) -> Beschluss | None:
    return Beschluss.objects.filter(**filter).select_related("sitzung").order_by("-sitzung__beginn", "-nummer").first()


def auswahlbeschluss(quartier: Quartier) -> Beschluss | None:
    """The latest decision „Auswahl der Referenzquartiere“ that chose ``quartier``, or None."""
    return _letzter_beschluss(art=BeschlussArt.REFERENZQUARTIERE, quartiere=quartier)


def datenerfassungsbeschluss() -> Beschluss | None:
    """The latest decision „Festlegung der Datenerfassung“, or None (for the indicator catalogue)."""
    return _letzter_beschluss(art=BeschlussArt.DATENERFASSUNG)


def vereinbarte_indikatoren() -> QuerySet[Indikator]:
    """The indicators the group agreed to collect, with their Handlungsfeld."""
    return Indikator.objects.filter(ist_vereinbart=True).select_related("handlungsfeld")


def einwohner_je_quartier(quartiere: Iterable[Quartier], *, bis_jahr: int | None = None) -> dict[int, tuple[int, Wert]]:
    """Residents per quarter from the indicator ``ew_gesamt``: ``{quartier_pk: (jahr, Wert)}``.

    The values are the analysis' own (``quartiere.queries.analyse.quartiere_werte``): ``wert ×
    anteil`` summed over the Unterbezirke a quarter covers, no value for a year in which one of
    them lacks one, and the confidentiality rules applied (``Wert.geheim``; show it through
    ``geheimhaltung.wert_text``). All quarters are compared in one year: the latest year in
    which any of them has a value — with ``bis_jahr`` the latest up to then (the figures known
    when a decision was taken), if there is one. A quarter without a value in that year is left
    out. A fixed number of queries, whatever the number of quarters.
    """
    indikator = Indikator.objects.filter(schluessel=EINWOHNER_SCHLUESSEL).first()
    if indikator is None:
        return {}
    abdeckungen = QuartierUnterbezirk.objects.filter(quartier__in=[q.pk for q in quartiere])
    je_quartier = quartiere_werte(abdeckungen=abdeckungen, indikator=indikator)
    jahre = {jahr for werte in je_quartier.values() for jahr in werte}
    if bis_jahr is not None and any(jahr <= bis_jahr for jahr in jahre):
        jahre = {jahr for jahr in jahre if jahr <= bis_jahr}
    if not jahre:
        return {}
    jahr = max(jahre)
    return {quartier_id: (jahr, werte[jahr]) for quartier_id, werte in je_quartier.items() if jahr in werte}


def quartiervergleich(beschluss: Beschluss, *, sieht_fallzahlen: bool) -> list[dict]:
    """All quarters side by side for a choice of Referenzquartiere: Stadtbezirk, area, residents
    as text (the figures of the decision's year or before, see ``einwohner_je_quartier``;
    withheld values read "nicht ausgewiesen" unless ``sieht_fallzahlen``), chosen or not."""
    quartiere = list(Quartier.objects.select_related("stadtbezirk").mit_flaeche().order_by("name"))
    einwohner = einwohner_je_quartier(quartiere, bis_jahr=timezone.localtime(beschluss.sitzung.beginn).year)
    indikator = Indikator.objects.filter(schluessel=EINWOHNER_SCHLUESSEL).first()
    gewaehlt = {q.pk for q in beschluss.quartiere.all()}
    zeilen = []
    for q in quartiere:
        jahr, wert = einwohner.get(q.pk, (None, None))
        zeilen.append(
            {
                "quartier": q,
                "flaeche_km2": q.flaeche.sq_km,
                "einwohner": None if wert is None else wert_text(indikator, wert, sieht_fallzahlen=sieht_fallzahlen),
                "einwohner_jahr": jahr,
                "ausgewaehlt": q.pk in gewaehlt,
            }
        )
    return zeilen


def aufgaben_liste(*, status: str | None = None) -> QuerySet[Aufgabe]:
    """Every task (or those with ``status``, when it is one of ``AufgabeStatus``) with who is
    responsible and where it came from; open first, then by due date."""
    aufgaben = Aufgabe.objects.select_related(
        "verantwortlich_mitglied", "verantwortlich_organisation", "beschluss", "tagesordnungspunkt__sitzung"
    )
    if status in AufgabeStatus.values:
        aufgaben = aufgaben.filter(status=status)
    return aufgaben.order_by("status", "faellig_am", "titel")


# --- Sectoral plans, projects --------------------------------------------------------------------


def fachplanungen_liste() -> QuerySet[Fachplanung]:
    """Every plan with its number of ratings, fields and quarters, by title."""
    return Fachplanung.objects.mit_bewertungszahl().prefetch_related("handlungsfelder", "quartiere").order_by("titel")


def fachplanung_mit_bezuegen() -> QuerySet[Fachplanung]:
    """Plans with fields, quarters and the decisions (with meeting) that name them."""
    return Fachplanung.objects.prefetch_related("handlungsfelder", "quartiere", "beschluesse__sitzung")


def fachplanung_bewertungen(plan: Fachplanung) -> dict:
    """The ratings of ``plan``: each one with member and field, their distribution per field
    (``bewertungs_verteilung``) and the agenda items that dealt with the plan."""
    bewertungen = list(
        plan.bewertungen.select_related("mitglied__organisation", "handlungsfeld").order_by(
            "handlungsfeld__reihenfolge", "mitglied__nachname"
        )
    )
    return {
        "bewertungen": bewertungen,
        "verteilung": bewertungs_verteilung(bewertungen, plan.handlungsfelder.all()),
        "tagesordnungspunkte": plan.tagesordnungspunkte.select_related("sitzung"),
    }


def eigene_bewertungen(plan: Fachplanung, mitglied: Mitglied) -> dict[int, FachplanungBewertung]:
    """``{handlungsfeld_pk: FachplanungBewertung}``: what ``mitglied`` has rated of ``plan``."""
    return {b.handlungsfeld_id: b for b in plan.bewertungen.filter(mitglied=mitglied)}


def bewertungs_stand(plan: Fachplanung, mitglied: Mitglied) -> str:
    """A fingerprint of ``mitglied``'s ratings of ``plan`` (field, relevance, comment): it changes
    with every rating saved differently or removed, so a rating form opened on an older state can be
    refused (``services.fachplanung_bewerten``). 1 query."""
    return _fingerabdruck(
        plan.bewertungen.filter(mitglied=mitglied)
        .order_by("handlungsfeld_id")
        .values_list("handlungsfeld_id", "relevanz", "kommentar")
    )


def bewertungs_verteilung(
    bewertungen: Iterable[FachplanungBewertung], handlungsfelder: Iterable[Handlungsfeld]
) -> list[dict]:
    """Per Handlungsfeld: how many ratings gave 1 … 5, their count, mean, median and range.

    ``bewertungen`` are ``FachplanungBewertung`` rows of one plan; returns a list of dicts in
    the order of ``handlungsfelder`` (fields without ratings included, with ``anzahl`` 0).
    """
    je_feld = defaultdict(list)
    for bewertung in bewertungen:
        je_feld[bewertung.handlungsfeld_id].append(bewertung.relevanz)
    ergebnis = []
    for feld in handlungsfelder:
        werte = je_feld.get(feld.pk, [])
        haeufigkeit = [werte.count(stufe) for stufe in range(1, 6)]
        ergebnis.append(
            {
                "handlungsfeld": feld,
                "anzahl": len(werte),
                "haeufigkeit": haeufigkeit,
                "stufen": list(zip(range(1, 6), haeufigkeit, strict=True)),
                "mittel": mean(werte) if werte else None,
                "median": median(werte) if werte else None,
                "minimum": min(werte) if werte else None,
                "maximum": max(werte) if werte else None,
            }
        )
    return ergebnis


def projekte_liste() -> QuerySet[Stadtentwicklungsprojekt]:
    """Every urban-development project with the quarters it touches (by name)."""
    return Stadtentwicklungsprojekt.objects.prefetch_related(
        Prefetch("quartiere", queryset=Quartier.objects.order_by("name"))
    )


def projekt_bezuege(projekt: Stadtentwicklungsprojekt) -> dict:
    """The quarters a project touches (with Stadtbezirk) and the agenda items that dealt with it."""
    return {
        "quartiere": projekt.quartiere.select_related("stadtbezirk").order_by("name"),
        "tagesordnungspunkte": projekt.tagesordnungspunkte.select_related("sitzung"),
    }
