"""The city-wide Kommunalprofil: every Stadtbezirk, the city and the reference quarters side by side.

Collects, never computes anew: indicator values come from ``quartiere.queries.analyse``
(``kennzahl_tabelle``: sums over the Unterbezirke, shares from numerator and denominator, a
quarter as the area-weighted sum of its Unterbezirke) with primary and secondary suppression from
``quartiere.queries.geheimhaltung``, shown through ``wert_text``; the coverage of the reference
quarters comes from ``quartiere.queries.abdeckung.erreichbarkeit_berechnen``. What is new here
is only the counting: facilities per Stadtbezirk and category (the Stadtbezirk whose boundary
contains the facility) and measures per status.

A fixed number of queries, however many Stadtbezirke, quarters, indicators and categories.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Count, F, OuterRef, Subquery
from django.utils.translation import gettext as _

from dwk.zeit import heute
from quartiere.models import (
    Ebene,
    Indikator,
    Infrastruktur,
    InfrastrukturKategorie,
    Kommune,
    Quartier,
    QuartierUnterbezirk,
    Stadtbezirk,
)
from quartiere.queries.abdeckung import LUECKE_MINDESTANTEIL, erreichbarkeit_berechnen
from quartiere.queries.analyse import Kennzahltabelle, kennzahl_tabelle
from quartiere.queries.geheimhaltung import wert_text, zahl_text
from quartiersprofil.models import Massnahme, MassnahmeStatus

# At most this many value columns per table, so a table fits a landscape page in large type.
SPALTEN_JE_TABELLE = 6


@dataclass(frozen=True)
class Spalte:
    """A column of a table: its heading and, for an indicator, the year its values are of."""

    titel: str
    einheit: str = ""
    jahr: int | None = None


@dataclass
class Zeile:
    """A row of a table: an area (Stadtbezirk, the city or a reference quarter) and its cells as text."""

    name: str
    art: str  # "stadtbezirk", "stadt" or "quartier"
    zusatz: str = ""  # e.g. the Stadtbezirk of a quarter
    zellen: list[str] = field(default_factory=list)

    @property
    def ist_summe(self) -> bool:
        return self.art == "stadt"


@dataclass
class Tabelle:
    """One table of the profile, with a caption that says what it shows."""

    titel: str
    beschriftung: str
    spalten: list[Spalte]
    zeilen: list[Zeile]


@dataclass
class Gebietszeile:
    """A Stadtbezirk in the overview: area, quarters, reference quarters."""

    code: str
    name: str
    flaeche_km2: float
    anzahl_quartiere: int
    referenzquartiere: list[str]


@dataclass
class Kommunalprofil:
    stadtname: str
    stand: date
    ist_demo: bool
    stadtbezirke: list  # Stadtbezirk objects with ``flaeche`` and ``geometrie``, by code
    referenzquartiere: list  # Quartier objects with their Stadtbezirk, by name
    gebiete: list[Gebietszeile]
    kennzahlen: list[Tabelle]
    infrastruktur_stadtbezirke: list[Tabelle]
    infrastruktur_quartiere: list[Tabelle]
    massnahmen: Tabelle
    sieht_fallzahlen: bool
    mindestfallzahl: int
    luecke_prozent: int = round(LUECKE_MINDESTANTEIL * 100)

    @property
    def titel(self) -> str:
        return _("Kommunalprofil %(stadt)s") % {"stadt": self.stadtname}

    @property
    def anzahl_quartiere(self) -> int:
        return sum(g.anzahl_quartiere for g in self.gebiete)


def _gruppen(liste: list, groesse: int) -> list[list]:
    """``liste`` in consecutive pieces of at most ``groesse`` (at least one piece)."""
    return [liste[i : i + groesse] for i in range(0, len(liste), groesse)] or [[]]


def _letztes_jahr(tabelle: Kennzahltabelle, indikator: Indikator, stadt: tuple[str, int]) -> int | None:
    """The latest year in which the city has a value of ``indikator``."""
    jahre = [jahr for jahr in tabelle.jahre if tabelle.wert(indikator, jahr=jahr, gebiet=stadt).wert is not None]
    return max(jahre) if jahre else None


def _kennzahl_tabellen(
    *,
    indikatoren: list[Indikator],
    stadtbezirke: list[Stadtbezirk],
    kommune: Kommune,
    referenzquartiere: list[Quartier],
    anteile: dict[int, dict[int, float]],
    sieht_fallzahlen: bool,
) -> list[Tabelle]:
    """One table per Handlungsfeld (indicators without one first, as "Bevölkerung"), each with the
    Stadtbezirke, the city and the reference quarters as rows; values of each indicator's latest year."""
    tabelle = kennzahl_tabelle(indikatoren=indikatoren)
    stadt = (Ebene.STADT, kommune.pk)
    gruppen: dict[str, list[Indikator]] = {}
    for indikator in indikatoren:
        titel = indikator.handlungsfeld.name if indikator.handlungsfeld else _("Bevölkerung")
        gruppen.setdefault(titel, []).append(indikator)
    tabellen = []
    for titel, auswahl in gruppen.items():
        mit_jahr = [(i, _letztes_jahr(tabelle, i, stadt)) for i in auswahl]
        mit_jahr = [(i, jahr) for i, jahr in mit_jahr if jahr is not None]
        for teil, stueck in enumerate(_gruppen(mit_jahr, SPALTEN_JE_TABELLE)):
            if not stueck:
                continue

            def zellen(wert_von: object, stueck: list = stueck) -> list[str]:
                return [wert_text(i, wert_von(i, jahr), sieht_fallzahlen=sieht_fallzahlen) for i, jahr in stueck]

            zeilen = [
                Zeile(
                    name=sb.name,
                    art="stadtbezirk",
                    zellen=zellen(lambda i, jahr, sb=sb: tabelle.wert(i, jahr=jahr, gebiet=(Ebene.STADTBEZIRK, sb.pk))),
                )
                for sb in stadtbezirke
            ]
            zeilen.append(
                Zeile(
                    name=_("%(stadt)s gesamt") % {"stadt": kommune.name},
                    art="stadt",
                    zellen=zellen(lambda i, jahr: tabelle.wert(i, jahr=jahr, gebiet=stadt)),
                )
            )
            zeilen += [
                Zeile(
                    name=q.name,
                    art="quartier",
                    zusatz=q.stadtbezirk.name,
                    zellen=zellen(
                        lambda i, jahr, q=q: tabelle.quartier_wert(i, jahr=jahr, anteile=anteile.get(q.pk, {}))
                    ),
                )
                for q in referenzquartiere
            ]
            tabellen.append(
                Tabelle(
                    titel=titel if teil == 0 else _("%(titel)s (Fortsetzung)") % {"titel": titel},
                    beschriftung=_("Kennzahlen %(titel)s: Stadtbezirke, Stadt und Referenzquartiere")
                    % {"titel": titel},
                    spalten=[Spalte(titel=i.name, einheit=i.einheit, jahr=jahr) for i, jahr in stueck],
                    zeilen=zeilen,
                )
            )
    return tabellen


def einrichtungen_je_stadtbezirk() -> dict[tuple[int, int], int]:
    """``{(stadtbezirk_pk, kategorie_pk): anzahl}``: the facilities of each category whose point lies
    in the Stadtbezirk. 1 query."""
    stadtbezirk = Stadtbezirk.objects.filter(geometrie__intersects=OuterRef("punkt")).order_by("code").values("pk")[:1]
    zeilen = (
        Infrastruktur.objects.annotate(stadtbezirk_id=Subquery(stadtbezirk))
        .values("stadtbezirk_id", "kategorie_id")
        .annotate(anzahl=Count("pk"))
        .order_by()
    )
    return {(z["stadtbezirk_id"], z["kategorie_id"]): z["anzahl"] for z in zeilen if z["stadtbezirk_id"] is not None}


def _infrastruktur_tabellen(
    *, kategorien: list[InfrastrukturKategorie], stadtbezirke: list[Stadtbezirk], kommune: Kommune
) -> list[Tabelle]:
    anzahlen = einrichtungen_je_stadtbezirk()
    tabellen = []
    for teil, stueck in enumerate(_gruppen(kategorien, SPALTEN_JE_TABELLE)):
        if not stueck:
            continue
        zeilen = [
            Zeile(name=sb.name, art="stadtbezirk", zellen=[zahl_text(anzahlen.get((sb.pk, k.pk), 0)) for k in stueck])
            for sb in stadtbezirke
        ]
        zeilen.append(
            Zeile(
                name=_("%(stadt)s gesamt") % {"stadt": kommune.name},
                art="stadt",
                zellen=[zahl_text(sum(anzahlen.get((sb.pk, k.pk), 0) for sb in stadtbezirke)) for k in stueck],
            )
        )
        titel = _("Einrichtungen je Stadtbezirk")
        tabellen.append(
            Tabelle(
                titel=titel if teil == 0 else _("%(titel)s (Fortsetzung)") % {"titel": titel},
                beschriftung=_("Anzahl der erfassten Einrichtungen je Stadtbezirk und Art"),
                spalten=[Spalte(titel=k.name) for k in stueck],
                zeilen=zeilen,
            )
        )
    return tabellen


def abdeckung_text(eintrag: object) -> str:
    """A quarter's coverage by one category in words: share of the area, facilities, and "Lücke"."""
    text = _("%(prozent)s %% der Fläche, %(anzahl)s Einr.") % {
        "prozent": zahl_text(eintrag.anteil * 100),
        "anzahl": eintrag.anzahl,
    }
    return f"{text} – {_('Lücke')}" if eintrag.ist_luecke else text


def _abdeckung_tabellen(
    *, kategorien: list[InfrastrukturKategorie], referenzquartiere: list[Quartier]
) -> list[Tabelle]:
    abdeckung = erreichbarkeit_berechnen(quartiere=referenzquartiere, kategorien=kategorien)
    tabellen = []
    for teil, stueck in enumerate(_gruppen(list(enumerate(kategorien)), SPALTEN_JE_TABELLE)):
        if not stueck or not referenzquartiere:
            continue
        titel = _("Erreichbarkeit in den Referenzquartieren")
        tabellen.append(
            Tabelle(
                titel=titel if teil == 0 else _("%(titel)s (Fortsetzung)") % {"titel": titel},
                beschriftung=_("Anteil der Quartiersfläche im Radius der Einrichtungen je Art (Luftlinie)"),
                spalten=[Spalte(titel=k.name, einheit=_("Radius %(m)s m") % {"m": k.radius_m}) for _i, k in stueck],
                zeilen=[
                    Zeile(
                        name=q.name,
                        art="quartier",
                        zusatz=q.stadtbezirk.name,
                        zellen=[abdeckung_text(abdeckung[q.pk][i]) for i, _k in stueck],
                    )
                    for q in referenzquartiere
                ],
            )
        )
    return tabellen


def massnahmen_je_status() -> dict[tuple[int, int, str], int]:
    """``{(stadtbezirk_pk, quartier_pk, status): anzahl}`` of every measure. 1 query."""
    zeilen = (
        Massnahme.objects.values("quartier__stadtbezirk_id", "quartier_id", "status")
        .annotate(anzahl=Count("pk"))
        .order_by()
    )
    return {(z["quartier__stadtbezirk_id"], z["quartier_id"], z["status"]): z["anzahl"] for z in zeilen}


def _massnahmen_tabelle(
    *, stadtbezirke: list[Stadtbezirk], kommune: Kommune, referenzquartiere: list[Quartier]
) -> Tabelle:
    anzahlen = massnahmen_je_status()
    status = list(MassnahmeStatus)

    def summe(passt: object) -> list[str]:
        zellen = [sum(n for (sb, q, s), n in anzahlen.items() if s == st and passt(sb, q)) for st in status]
        return [zahl_text(n) for n in [*zellen, sum(zellen)]]

    zeilen = [
        Zeile(name=sb.name, art="stadtbezirk", zellen=summe(lambda b, q, sb=sb: b == sb.pk)) for sb in stadtbezirke
    ]
    zeilen.append(
        Zeile(name=_("%(stadt)s gesamt") % {"stadt": kommune.name}, art="stadt", zellen=summe(lambda b, q: True))
    )
    zeilen += [
        Zeile(name=q.name, art="quartier", zusatz=q.stadtbezirk.name, zellen=summe(lambda b, x, q=q: x == q.pk))
        for q in referenzquartiere
    ]
    return Tabelle(
        titel=_("Maßnahmen"),
        beschriftung=_("Maßnahmen aller Quartiere je Stadtbezirk und der Referenzquartiere, nach Stand"),
        spalten=[*(Spalte(titel=str(st.label)) for st in status), Spalte(titel=_("zusammen"))],
        zeilen=zeilen,
    )


def _gebiete(stadtbezirke: Iterable[Stadtbezirk], referenzquartiere: Iterable[Quartier]) -> list[Gebietszeile]:
    referenz: dict[int, list[str]] = {}
    for q in referenzquartiere:
        referenz.setdefault(q.stadtbezirk_id, []).append(q.name)
    return [
        Gebietszeile(
            code=sb.code,
            name=sb.name,
            flaeche_km2=sb.flaeche.sq_km,
            anzahl_quartiere=sb.anzahl_quartiere,
            referenzquartiere=referenz.get(sb.pk, []),
        )
        for sb in stadtbezirke
    ]


def kommunalprofil_sammeln(*, sieht_fallzahlen: bool) -> Kommunalprofil | None:
    """Everything the Kommunalprofil shows, or None while no city is set up. Withheld values read
    "nicht ausgewiesen" unless ``sieht_fallzahlen`` (Projektteam on the page; never in the PDF).

    Reads only; 15 queries, whatever the number of areas, quarters, indicators and categories."""
    kommune = Kommune.objects.first()
    if kommune is None:
        return None
    stadtbezirke = list(
        Stadtbezirk.objects.filter(kommune=kommune)
        .mit_flaeche()
        .annotate(anzahl_quartiere=Count("quartiere"))
        .order_by("code")
    )
    referenzquartiere = list(Quartier.objects.referenzquartiere().select_related("stadtbezirk").order_by("name"))
    anteile: dict[int, dict[int, float]] = {}
    for abdeckung in QuartierUnterbezirk.objects.filter(quartier__in=[q.pk for q in referenzquartiere]):
        anteile.setdefault(abdeckung.quartier_id, {})[abdeckung.unterbezirk_id] = abdeckung.anteil
    indikatoren = list(
        Indikator.objects.filter(ist_vereinbart=True)
        .select_related("handlungsfeld")
        .order_by(F("handlungsfeld__reihenfolge").asc(nulls_first=True), "reihenfolge", "name")
    )
    kategorien = list(
        InfrastrukturKategorie.objects.select_related("handlungsfeld").order_by(
            "handlungsfeld__reihenfolge", "reihenfolge", "name"
        )
    )
    return Kommunalprofil(
        stadtname=kommune.name,
        stand=heute(),
        ist_demo=kommune.ist_demo,
        stadtbezirke=stadtbezirke,
        referenzquartiere=referenzquartiere,
        gebiete=_gebiete(stadtbezirke, referenzquartiere),
        kennzahlen=_kennzahl_tabellen(
            indikatoren=indikatoren,
            stadtbezirke=stadtbezirke,
            kommune=kommune,
            referenzquartiere=referenzquartiere,
            anteile=anteile,
            sieht_fallzahlen=sieht_fallzahlen,
        ),
        infrastruktur_stadtbezirke=_infrastruktur_tabellen(
            kategorien=kategorien, stadtbezirke=stadtbezirke, kommune=kommune
        ),
        infrastruktur_quartiere=_abdeckung_tabellen(kategorien=kategorien, referenzquartiere=referenzquartiere),
        massnahmen=_massnahmen_tabelle(stadtbezirke=stadtbezirke, kommune=kommune, referenzquartiere=referenzquartiere),
        sieht_fallzahlen=sieht_fallzahlen,
        mindestfallzahl=settings.DWK_MIN_FALLZAHL,
    )
