"""Reads of the review by the steering group: a member's page, the ranking and spread of a round,
who has not yet rated, what waits for a member, the path of a measure."""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, Max, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from dwk.zeit import heute
from lenkungsgruppe.models import Mitglied
from quartiersprofil.models import Massnahme

from ..models import Bewertungsrunde, Ergebnis, ErgebnisBewertung, Umsetzung, Veranstaltung, Weitergabe

STUFEN = (1, 2, 3, 4, 5)


@dataclass
class Streuung:
    """The ratings of one result on one scale: count, mean, median, range, count per value 1–5."""

    werte: list[int]

    @property
    def anzahl(self) -> int:
        return len(self.werte)

    @property
    def mittel(self) -> float | None:
        return statistics.fmean(self.werte) if self.werte else None

    @property
    def median(self) -> float | None:
        return statistics.median(self.werte) if self.werte else None

    @property
    def kleinster(self) -> int | None:
        return min(self.werte) if self.werte else None

    @property
    def groesster(self) -> int | None:
        return max(self.werte) if self.werte else None

    @property
    def verteilung(self) -> list[int]:
        return [self.werte.count(stufe) for stufe in STUFEN]


@dataclass
class Rang:
    """One result of a round with its ratings; ``platz`` is its place in the ranking (None if unrated)."""

    ergebnis: Ergebnis
    relevanz: Streuung
    machbarkeit: Streuung
    kommentare: list[tuple[str, str]] = field(default_factory=list)
    platz: int | None = None

    @property
    def streuungen(self) -> list[tuple[str, Streuung]]:
        return [(_("Relevanz"), self.relevanz), (_("Machbarkeit"), self.machbarkeit)]

    @property
    def kombiniert(self) -> float | None:
        """The mean of the two means (relevance and feasibility weigh the same)."""
        if self.relevanz.mittel is None:
            return None
        return (self.relevanz.mittel + self.machbarkeit.mittel) / 2


def runde_von(veranstaltung: Veranstaltung) -> Bewertungsrunde | None:
    """The review round of an event, or None."""
    return Bewertungsrunde.objects.filter(veranstaltung=veranstaltung).first()


def bewertungs_stand(*, runde: Bewertungsrunde, mitglied: Mitglied) -> str:
    """The state of ``mitglied``'s ratings in ``runde`` (count and last change), for the stale-save guard."""
    stand = runde.bewertungen.filter(mitglied=mitglied).aggregate(anzahl=Count("pk"), zuletzt=Max("updated_at"))
    zuletzt = stand["zuletzt"].isoformat() if stand["zuletzt"] else "-"
    return f"{stand['anzahl']}:{zuletzt}"


def bewertungsseite(*, runde: Bewertungsrunde, mitglied: Mitglied) -> dict:
    """What a member's review page shows: the round's results in the order of the results list,
    the member's own ratings by result id, how many of them are rated, whether the deadline passed."""
    ergebnisse = list(runde.ergebnisse.select_related("handlungsfeld", "gegenstand").order_by("-punkte", "pk"))
    eigene = {b.ergebnis_id: b for b in runde.bewertungen.filter(mitglied=mitglied)}
    return {
        "ergebnisse": ergebnisse,
        "eigene": eigene,
        "bewertet": sum(1 for e in ergebnisse if e.pk in eigene),
        "anzahl": len(ergebnisse),
        "abgelaufen": heute() > runde.frist,
    }


def _aktive_mitglieder() -> list[Mitglied]:
    return list(Mitglied.objects.aktiv().select_related("organisation").order_by("nachname", "vorname"))


def wer_noch_bewertet(*, runde: Bewertungsrunde) -> list[tuple[Mitglied, int]]:
    """The active members who have not rated every result of ``runde``, each with how many are open."""
    anzahl = runde.ergebnisse.count()
    je_mitglied = dict(
        runde.bewertungen.filter(ergebnis__in=runde.ergebnisse.all())
        .values_list("mitglied")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [(m, anzahl - je_mitglied.get(m.pk, 0)) for m in _aktive_mitglieder() if je_mitglied.get(m.pk, 0) < anzahl]


def _sortiert(raenge: list[Rang]) -> list[Rang]:
    bewertet = sorted(
        (r for r in raenge if r.kombiniert is not None),
        key=lambda r: (-r.kombiniert, -r.relevanz.mittel, -r.ergebnis.punkte, r.ergebnis.pk),
    )
    for platz, rang in enumerate(bewertet, start=1):
        rang.platz = platz
    return bewertet + [r for r in raenge if r.kombiniert is None]


def auswertung(*, runde: Bewertungsrunde, mit_ausstehenden: bool = False) -> dict:
    """The ranking and spread of a round: one ``Rang`` per result, ranked by the combined mean
    (mean of mean relevance and mean feasibility; ties by mean relevance, then dots), unrated
    results last; how many members rated at all and, with ``mit_ausstehenden`` (Projektteam only),
    who has not rated every result and how many are open. A fixed number of queries."""
    ergebnisse = list(
        runde.ergebnisse.select_related("handlungsfeld", "gegenstand")
        .prefetch_related(
            Prefetch("umsetzungen", queryset=Umsetzung.objects.select_related("massnahme")),
            Prefetch("weitergaben", queryset=Weitergabe.objects.select_related("projekt")),
        )
        .order_by("pk")
    )
    werte = defaultdict(lambda: ([], [], []))
    bewertende = defaultdict(int)
    zeilen = (
        runde.bewertungen.filter(ergebnis__in=[e.pk for e in ergebnisse])
        .order_by("ergebnis_id", "mitglied__nachname", "mitglied__vorname")
        .values_list(
            "ergebnis_id",
            "mitglied_id",
            "relevanz",
            "machbarkeit",
            "kommentar",
            "mitglied__vorname",
            "mitglied__nachname",
        )
    )
    for ergebnis_id, mitglied_id, relevanz, machbarkeit, kommentar, vorname, nachname in zeilen:
        r, m, k = werte[ergebnis_id]
        r.append(relevanz)
        m.append(machbarkeit)
        if kommentar:
            k.append((f"{vorname} {nachname}", kommentar))
        bewertende[mitglied_id] += 1
    raenge = _sortiert(
        [
            Rang(
                ergebnis=e,
                relevanz=Streuung(werte[e.pk][0]),
                machbarkeit=Streuung(werte[e.pk][1]),
                kommentare=werte[e.pk][2],
            )
            for e in ergebnisse
        ]
    )
    daten = {"raenge": raenge, "anzahl_ergebnisse": len(ergebnisse), "anzahl_bewertende": len(bewertende)}
    if mit_ausstehenden:
        mitglieder = _aktive_mitglieder()
        daten["ausstehend"] = [
            (m, len(ergebnisse) - bewertende.get(m.pk, 0))
            for m in mitglieder
            if bewertende.get(m.pk, 0) < len(ergebnisse)
        ]
        daten["anzahl_mitglieder"] = len(mitglieder)
    return daten


def _komma(zahl: float) -> str:
    return f"{zahl:.1f}".replace(".", ",")


def rangliste_text(*, runde: Bewertungsrunde, anzahl: int = 10) -> str:
    """The ranking of a round as Markdown text for an agenda item (the first ``anzahl`` places)."""
    daten = auswertung(runde=runde)
    zeilen = [
        f"Bewertet von {daten['anzahl_bewertende']} Mitgliedern; {daten['anzahl_ergebnisse']} Ergebnisse, "
        f"Frist {runde.frist:%d.%m.%Y}. Relevanz und Machbarkeit je 1–5 (Mittelwert).",
        "",
    ]
    for rang in daten["raenge"][:anzahl]:
        if rang.platz is None:
            break
        zeilen.append(
            f"{rang.platz}. {rang.ergebnis.text} – Relevanz {_komma(rang.relevanz.mittel)}, "
            f"Machbarkeit {_komma(rang.machbarkeit.mittel)} (Bewertungen: {rang.relevanz.anzahl})"
        )
    return "\n".join(zeilen)


def offene_bewertungen(*, benutzer: AbstractBaseUser) -> list[dict]:
    """The review rounds still open (deadline today or later) for the member linked to ``benutzer``,
    each with ``bewertet`` (own ratings) and ``anzahl`` (results); empty without a member. Two queries."""
    mitglied = Mitglied.objects.aktiv().filter(benutzer_id=benutzer.pk).first() if benutzer.is_authenticated else None
    if mitglied is None:
        return []
    eigene = (
        ErgebnisBewertung.objects.filter(
            runde=OuterRef("pk"), mitglied=mitglied, ergebnis__bewertungsrunden=OuterRef("pk")
        )
        .order_by()
        .values("runde")
        .annotate(n=Count("pk"))
        .values("n")
    )
    runden = (
        Bewertungsrunde.objects.filter(frist__gte=heute())
        .select_related("veranstaltung")
        .annotate(anzahl=Count("ergebnisse", distinct=True), bewertet=Coalesce(Subquery(eigene), 0))
        .order_by("frist", "pk")
    )
    return [{"runde": r, "veranstaltung": r.veranstaltung, "bewertet": r.bewertet, "anzahl": r.anzahl} for r in runden]


def hat_weg(massnahme: Massnahme) -> bool:
    """Whether a measure came from (or was joined by) a result of the citizen dialogue."""
    return Umsetzung.objects.filter(massnahme=massnahme).exists()


def massnahme_weg(*, massnahme: Massnahme) -> dict:
    """The path of a measure: each citizen card that led to it (with its event), the card's review
    (means of relevance and feasibility, number of ratings), the decision of the steering group where
    one is linked, other programmes the card was passed to; then the measure with status, progress
    and milestones. A fixed number of queries."""
    umsetzungen = list(
        Umsetzung.objects.filter(massnahme=massnahme)
        .select_related("ergebnis__veranstaltung", "ergebnis__handlungsfeld", "beschluss__sitzung")
        .prefetch_related(Prefetch("ergebnis__weitergaben", queryset=Weitergabe.objects.select_related("projekt")))
        .order_by("ergebnis__veranstaltung__beginn", "ergebnis__pk")
    )
    werte = defaultdict(lambda: ([], []))
    bewertungen = ErgebnisBewertung.objects.filter(
        ergebnis__in=[u.ergebnis_id for u in umsetzungen], ergebnis__bewertungsrunden=F("runde")
    ).values_list("ergebnis_id", "relevanz", "machbarkeit")
    for ergebnis_id, relevanz, machbarkeit in bewertungen:
        werte[ergebnis_id][0].append(relevanz)
        werte[ergebnis_id][1].append(machbarkeit)
    schritte = [
        {
            "umsetzung": u,
            "ergebnis": u.ergebnis,
            "relevanz": Streuung(werte[u.ergebnis_id][0]),
            "machbarkeit": Streuung(werte[u.ergebnis_id][1]),
            "beschluss": u.beschluss,
            "weitergaben": list(u.ergebnis.weitergaben.all()),
        }
        for u in umsetzungen
    ]
    return {"schritte": schritte, "meilensteine": list(massnahme.meilensteine.all())}
