"""Reads of an event's documentation and evaluation, and what the documentation PDF collects."""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from ..models import Dokumentation, Dokumentationsfoto, Ergebnis, Fragebogen, Veranstaltung

SKALA = (1, 2, 3, 4, 5)


def dokumentation_der_veranstaltung(*, veranstaltung: Veranstaltung) -> Dokumentation | None:
    """The documentation with its photos, attachments and who released it (three queries), or ``None``."""
    return (
        Dokumentation.objects.filter(veranstaltung=veranstaltung)
        .select_related("freigegeben_von", "erfasst_von")
        .prefetch_related(Prefetch("fotos", queryset=Dokumentationsfoto.objects.select_related("ergebnis")), "anhaenge")
        .first()
    )


@dataclass
class Item:
    feld: str
    frage: str
    verteilung: dict[int, int]
    anzahl: int
    mittelwert: float | None


@dataclass
class Auswertung:
    anzahl: int
    items: list[Item] = field(default_factory=list)
    naechste_schritte: list[str] = field(default_factory=list)
    kommentare: list[str] = field(default_factory=list)

    @property
    def anzahl_freitexte(self) -> int:
        return len(self.naechste_schritte) + len(self.kommentare)


def auswertung(*, veranstaltung: Veranstaltung) -> Auswertung:
    """Averages and distributions (1–5) of every item, the texts, from one query over the questionnaires.

    An item left empty on a questionnaire counts neither in its average nor in its distribution.
    """
    zeilen = list(
        Fragebogen.objects.filter(veranstaltung=veranstaltung)
        .order_by("pk")
        .values(*Fragebogen.ITEMS, "naechste_schritte", "kommentar")
    )
    ergebnis = Auswertung(anzahl=len(zeilen))
    for feld in Fragebogen.ITEMS:
        werte = [z[feld] for z in zeilen if z[feld]]
        ergebnis.items.append(
            Item(
                feld=feld,
                frage=str(Fragebogen._meta.get_field(feld).verbose_name),
                verteilung={wert: werte.count(wert) for wert in SKALA},
                anzahl=len(werte),
                mittelwert=round(sum(werte) / len(werte), 2) if werte else None,
            )
        )
    ergebnis.naechste_schritte = [z["naechste_schritte"] for z in zeilen if z["naechste_schritte"].strip()]
    ergebnis.kommentare = [z["kommentar"] for z in zeilen if z["kommentar"].strip()]
    return ergebnis


@dataclass
class Feldergebnisse:
    handlungsfeld: str
    ergebnisse: list[Ergebnis]


def ergebnisse_nach_handlungsfeld(*, veranstaltung: Veranstaltung) -> list[Feldergebnisse]:
    """The event's cards grouped by Handlungsfeld (in the fields' order, cards without one last),
    each group by votes (most first); one query."""
    gruppen: dict[str, Feldergebnisse] = {}
    ohne = Feldergebnisse(handlungsfeld=_("ohne Handlungsfeld"), ergebnisse=[])
    for ergebnis in (
        Ergebnis.objects.filter(veranstaltung=veranstaltung)
        .select_related("handlungsfeld")
        .order_by("handlungsfeld__reihenfolge", "handlungsfeld__name", "-punkte", "pk")
    ):
        if ergebnis.handlungsfeld is None:
            ohne.ergebnisse.append(ergebnis)
            continue
        gruppe = gruppen.setdefault(
            ergebnis.handlungsfeld.name, Feldergebnisse(handlungsfeld=ergebnis.handlungsfeld.name, ergebnisse=[])
        )
        gruppe.ergebnisse.append(ergebnis)
    return [*gruppen.values(), *([ohne] if ohne.ergebnisse else [])]


def veranstaltung_fuer_dokumentation(*, pk: int) -> Veranstaltung:
    """The event with what the documentation PDF shows of it (quarters, fields, moderation, observers)."""
    return (
        Veranstaltung.objects.select_related("motto")
        .prefetch_related("quartiere", "handlungsfelder", "moderation", "beobachtung", "gegenstaende")
        .get(pk=pk)
    )
