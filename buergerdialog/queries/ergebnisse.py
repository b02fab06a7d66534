"""Reads of results: the filtered and sorted list of an event or of all events of a quarter, its
export rows, the last cards."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from quartiere.models import Quartier

from ..models import Beteiligungsgegenstand, Dokumentationsfoto, Ergebnis, ErgebnisArt, Veranstaltung

SORTIERUNGEN = {
    "punkte": ["-punkte", "pk"],
    "handlungsfeld": ["handlungsfeld__reihenfolge", "-punkte", "pk"],
    "art": ["art", "-punkte", "pk"],
    "gegenstand": ["gegenstand__reihenfolge", "-punkte", "pk"],
    "erfasst": ["pk"],
}

EXPORT_KOPF = [
    _("Nr."),
    _("Text"),
    _("Art"),
    _("Handlungsfeld"),
    _("Beteiligungsgegenstand"),
    _("Tisch oder Station"),
    _("Klebepunkte"),
    _("vom Partner erfasst"),
]


def _bezug(veranstaltung: Veranstaltung | None, quartier: Quartier | None) -> dict:
    """The filter for the results of an event or of all events of a quarter (exactly one is given)."""
    if (veranstaltung is None) == (quartier is None):
        raise TypeError("Genau eines von veranstaltung und quartier angeben.")
    if veranstaltung is not None:
        return {"veranstaltung": veranstaltung}
    return {"veranstaltung__quartiere": quartier}


def ergebnisse_liste(
    *,
    veranstaltung: Veranstaltung | None = None,
    quartier: Quartier | None = None,
    handlungsfeld: str = "",
    art: str = "",
    gegenstand: str = "",
    sortierung: str = "punkte",
    mit_fotos: bool = False,
) -> QuerySet[Ergebnis]:
    """The results of an event, or of all events of a quarter (exactly one of both), filtered by
    Handlungsfeld (slug), kind and subject (id), sorted by ``SORTIERUNGEN`` (votes first by
    default). Unknown filter values match nothing; an unknown sort order falls back to votes.
    ``mit_fotos``: each card brings its pin-board photos (one query for all)."""
    zeilen = Ergebnis.objects.filter(**_bezug(veranstaltung, quartier)).select_related(
        "handlungsfeld", "gegenstand", "veranstaltung"
    )
    if mit_fotos:
        zeilen = zeilen.prefetch_related(Prefetch("fotos", queryset=Dokumentationsfoto.objects.order_by("pk")))
    if handlungsfeld:
        zeilen = zeilen.filter(handlungsfeld__slug=handlungsfeld)
    if art:
        zeilen = zeilen.filter(art=art) if art in ErgebnisArt.values else zeilen.none()
    if gegenstand:
        zeilen = zeilen.filter(gegenstand_id=gegenstand) if gegenstand.isdigit() else zeilen.none()
    return zeilen.order_by(*SORTIERUNGEN.get(sortierung, SORTIERUNGEN["punkte"]))


def gegenstaende_zur_auswahl(
    *, veranstaltung: Veranstaltung | None = None, quartier: Quartier | None = None
) -> QuerySet[Beteiligungsgegenstand]:
    """The subjects offered at the event, or at any event of the quarter (the subject filter's choices)."""
    if veranstaltung is not None:
        return veranstaltung.gegenstaende.all()
    return Beteiligungsgegenstand.objects.filter(veranstaltungen__quartiere=quartier).distinct()


def export_kopf(*, mit_veranstaltung: bool = False) -> list[str]:
    """The export's header; ``mit_veranstaltung`` (all events of a quarter) adds the event after the number."""
    kopf = [str(k) for k in EXPORT_KOPF]
    return [kopf[0], str(_("Veranstaltung")), *kopf[1:]] if mit_veranstaltung else kopf


def ergebnisse_zeilen(ergebnisse: Iterable[Ergebnis], *, mit_veranstaltung: bool = False) -> list[list]:
    """Rows for the CSV/XLSX export, in the order of ``export_kopf(mit_veranstaltung=...)``."""
    return [
        [
            nummer,
            *([e.veranstaltung.titel] if mit_veranstaltung else []),
            e.text,
            e.get_art_display(),
            e.handlungsfeld.name if e.handlungsfeld else "",
            e.gegenstand.name if e.gegenstand else "",
            e.station,
            e.punkte,
            e.von_partner,
        ]
        for nummer, e in enumerate(ergebnisse, start=1)
    ]


def letzte_ergebnisse(*, veranstaltung: Veranstaltung, user: AbstractBaseUser, anzahl: int = 5) -> list[Ergebnis]:
    """The last cards ``user`` entered for the event, newest first (fast entry page)."""
    return list(
        Ergebnis.objects.filter(veranstaltung=veranstaltung, erfasst_von=user)
        .select_related("handlungsfeld")
        .order_by("-created_at", "-pk")[:anzahl]
    )


def anzahl_erfasst(*, veranstaltung: Veranstaltung, user: AbstractBaseUser) -> int:
    """How many cards ``user`` has entered for the event (the running count of fast entry)."""
    return Ergebnis.objects.filter(veranstaltung=veranstaltung, erfasst_von=user).count()


def ergebnisse_karte(
    *, veranstaltung: Veranstaltung | None = None, quartier: Quartier | None = None, **filter: str
) -> dict:
    """The results of an event, or of all events of a quarter, on a map and in the table beside
    it, with the list's filters.

    Every card gets the number it has in the table (by votes unless sorted otherwise); cards with
    a place become markers with that number; an event's place is marked too (not for a quarter).
    Returns ``{"ergebnisse": [(nr, ergebnis)], "ohne_ort": int, "karte": {...}}`` for ``json_script``.
    """
    liste = ergebnisse_liste(veranstaltung=veranstaltung, quartier=quartier, **filter)
    ergebnisse = list(enumerate(liste, start=1))
    punkte = [
        {
            "nr": nr,
            "lat": e.ort.y,
            "lon": e.ort.x,
            "text": e.text,
            "art": e.get_art_display(),
            "handlungsfeld": e.handlungsfeld.name if e.handlungsfeld else "",
            "punkte": e.punkte,
        }
        for nr, e in ergebnisse
        if e.ort is not None
    ]
    ort = veranstaltung.ort if veranstaltung is not None else None
    return {
        "ergebnisse": ergebnisse,
        "ohne_ort": len(ergebnisse) - len(punkte),
        "karte": {
            "veranstaltung": {"lat": ort.y, "lon": ort.x, "titel": veranstaltung.titel} if ort else None,
            "ergebnisse": punkte,
        },
    }
