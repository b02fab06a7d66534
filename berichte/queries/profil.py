"""Reads of the full quarter profile beyond its frame (``berichte.daten``): demography, coverage,
the evidence of each chapter and the citizen dialogue. Everything comes from the other apps'
queries, computed once per profile; nothing here writes.

A printed profile is for the committees: small counts are always withheld, as on the pages for
everyone outside the Projektteam (``sieht_fallzahlen=False``), and no person is named — no key
persons, no talks, no names of members beside their ratings, no free texts of questionnaires, no
photo that is not marked publishable.
"""

from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.utils.translation import gettext as _

from buergerdialog.models import Veranstaltung, VeranstaltungStatus
from buergerdialog.queries.bewertung import Rang, auswertung, runde_von
from buergerdialog.queries.dokumente import Auswertung, Feldergebnisse, ergebnisse_nach_handlungsfeld
from buergerdialog.queries.dokumente import auswertung as evaluation
from quartiere.models import IndikatorArt, Infrastruktur, InfrastrukturKategorie, Quartier, QuartierUnterbezirk
from quartiere.queries.abdeckung import Erreichbarkeit, einrichtungen_in_reichweite, erreichbarkeit_berechnen
from quartiere.queries.analyse import IndikatorZeile, Zeitreihe, quartier_analyse, zeitreihe
from quartiere.queries.geheimhaltung import veraenderung_text, wert_text
from quartiersprofil.models import Foto, ProfilAbschnitt, Profilfassung
from quartiersprofil.queries.profil import abschnitte_mit_belegen

# At most this many time series are drawn as charts: shares first, then counts, in catalogue order.
HOECHSTENS_ZEITREIHEN = 8
# Events whose results count (held ones).
STATUS_DURCHGEFUEHRT = (
    VeranstaltungStatus.DURCHGEFUEHRT,
    VeranstaltungStatus.DOKUMENTIERT,
    VeranstaltungStatus.EVALUIERT,
)
# Places of the steering group's ranking printed per event.
HOECHSTENS_RAENGE = 10


@dataclass(frozen=True)
class KennzahlZeile:
    """One line of the indicator table: the latest values of the quarter, its Stadtbezirk and the city."""

    indikator: object
    jahr: int | None
    werte: tuple[str, str, str]
    veraenderung: str
    zeitraum: str


@dataclass(frozen=True)
class Zeitreihendiagramm:
    """An indicator over the years for a chart and the table with the same numbers."""

    indikator: object
    reihe: Zeitreihe
    namen: tuple[str, str, str]


@dataclass
class Demografie:
    zeilen: list[KennzahlZeile]
    zeitreihen: list[Zeitreihendiagramm]
    hat_teilflaechen: bool
    # indicator pk → (year, value as text): what a chapter shows of the indicators it links
    aktuell: dict[int, tuple[int, str]] = field(default_factory=dict)


def demografie(*, quartier: Quartier, abdeckungen: list[QuartierUnterbezirk]) -> Demografie:
    """The indicator table of the analysis page (quarter, Stadtbezirk, city, change over five years)
    and the key time series, small counts withheld (``quartiere.queries.analyse``). 5 queries."""
    analyse = quartier_analyse(quartier=quartier, abdeckungen=abdeckungen)
    namen = (
        quartier.name,
        _("Stadtbezirk %(name)s") % {"name": quartier.stadtbezirk.name},
        quartier.stadtbezirk.kommune.name,
    )
    zeilen, aktuell = [], {}
    for zeile in analyse.zeilen:
        indikator = zeile.indikator
        werte = tuple(wert_text(indikator, w, sieht_fallzahlen=False) for w in zeile.aktuell)
        v = zeile.veraenderung
        zeilen.append(
            KennzahlZeile(
                indikator=indikator,
                jahr=zeile.letztes_jahr,
                werte=werte,
                veraenderung=veraenderung_text(indikator, v, sieht_fallzahlen=False),
                zeitraum=f"{v.von_jahr}–{v.bis_jahr}" if v else "",
            )
        )
        if zeile.letztes_jahr:
            aktuell[indikator.pk] = (zeile.letztes_jahr, werte[0])
    return Demografie(
        zeilen=zeilen,
        zeitreihen=[
            Zeitreihendiagramm(
                indikator=z.indikator, reihe=zeitreihe(z, namen=list(namen), sieht_fallzahlen=False), namen=namen
            )
            for z in _wichtige_zeitreihen(analyse.zeilen)
        ],
        hat_teilflaechen=analyse.hat_teilflaechen,
        aktuell=aktuell,
    )


def _wichtige_zeitreihen(zeilen: list[IndikatorZeile]) -> list[IndikatorZeile]:
    mit_verlauf = [z for z in zeilen if len(z.werte) > 1]
    anteile = [z for z in mit_verlauf if z.indikator.art == IndikatorArt.ANTEIL]
    anzahlen = [z for z in mit_verlauf if z.indikator.art != IndikatorArt.ANTEIL]
    return (anteile + anzahlen)[:HOECHSTENS_ZEITREIHEN]


@dataclass
class Abdeckung:
    """The coverage of the quarter by every category of infrastructure and the facilities near it:
    in straight lines always; on the footpath network too where one is imported (``netz``)."""

    erreichbarkeiten: list[Erreichbarkeit]
    einrichtungen: list[Infrastruktur]
    netz: object = None  # wegenetz's Netzabdeckung, or None
    fussweg: dict = field(default_factory=dict)  # category pk → wegenetz's Netzerreichbarkeit

    @property
    def ist_luftlinie(self) -> bool:
        return self.netz is None

    @property
    def zeilen(self) -> list[tuple[Erreichbarkeit, object]]:
        """``(straight-line coverage, footpath coverage or None)`` per category."""
        return [(e, self.fussweg.get(e.kategorie.pk)) for e in self.erreichbarkeiten]


def abdeckung(*, quartier: Quartier) -> Abdeckung:
    """The straight-line coverage of ``quartier`` for every category (``quartiere.queries.abdeckung``)
    and the facilities within each category's radius. Where the app ``wegenetz`` is installed and a
    footpath network is imported, its coverage (``wegenetz.queries.netz_abdeckung``) is attached;
    without it the profile says "Luftlinie". 3 queries (and the network's own)."""
    kategorien = list(
        InfrastrukturKategorie.objects.select_related("handlungsfeld").order_by(
            "handlungsfeld__reihenfolge", "reihenfolge", "name"
        )
    )
    netz = _netz_abdeckung(quartier, kategorien)
    return Abdeckung(
        erreichbarkeiten=erreichbarkeit_berechnen(quartiere=[quartier], kategorien=kategorien)[quartier.pk],
        einrichtungen=einrichtungen_in_reichweite(quartier=quartier, kategorien=kategorien),
        netz=netz,
        fussweg={e.kategorie.pk: e for e in netz.eintraege} if netz is not None else {},
    )


def _netz_abdeckung(quartier: Quartier, kategorien: list[InfrastrukturKategorie]) -> object:
    """wegenetz's ``netz_abdeckung``, or None without the app (it sits beside ``berichte`` and may be
    absent) or without a network."""
    if not apps.is_installed("wegenetz"):
        return None
    wegenetz_queries = import_module("wegenetz.queries")
    netz_abdeckung = getattr(wegenetz_queries, "netz_abdeckung", None)
    if netz_abdeckung is None:
        return None
    return netz_abdeckung(quartier=quartier, kategorien=kategorien)


@dataclass(frozen=True)
class Belege:
    """What a chapter of a released version links as its evidence, ready to print."""

    indikatoren: list[tuple[object, int | None, str]]  # (indicator, year, value as text)
    erreichbarkeiten: list[Erreichbarkeit]
    befunde: list
    fotos: list[Foto]  # publishable ones with a print derivative only
    quellen: list
    antworten: list

    @property
    def ist_leer(self) -> bool:
        return not any(
            (self.indikatoren, self.erreichbarkeiten, self.befunde, self.fotos, self.quellen, self.antworten)
        )


def belege_je_handlungsfeld(
    *, fassung: Profilfassung | None, demografie: Demografie, abdeckung: Abdeckung
) -> dict[int, Belege]:
    """The evidence each section of ``fassung`` links, by Handlungsfeld pk, with the values of the
    linked indicators and the coverage of the linked categories taken from ``demografie`` and
    ``abdeckung`` (computed once for the whole profile). Talks are left out (they name persons),
    photos not marked publishable or without a print derivative too. One query per kind of evidence."""
    if fassung is None:
        return {}
    nach_kategorie = {e.kategorie.pk: e for e in abdeckung.erreichbarkeiten}
    ergebnis = {}
    abschnitt: ProfilAbschnitt
    for abschnitt in abschnitte_mit_belegen(fassung):
        ergebnis[abschnitt.handlungsfeld_id] = Belege(
            indikatoren=[(i, *demografie.aktuell.get(i.pk, (None, "–"))) for i in abschnitt.indikatoren.all()],
            erreichbarkeiten=[
                nach_kategorie[k.pk] for k in abschnitt.infrastruktur_kategorien.all() if k.pk in nach_kategorie
            ],
            befunde=sorted(abschnitt.befunde.all(), key=lambda b: (b.begehung.datum, b.pk)),
            fotos=[f for f in abschnitt.fotos.all() if f.darf_veroeffentlicht_werden and f.druck],
            quellen=list(abschnitt.quellen_auszuege.all()),
            antworten=sorted(abschnitt.antworten.all(), key=lambda a: (a.frage.reihenfolge, a.frage.pk, a.pk)),
        )
    return ergebnis


@dataclass
class Dialogveranstaltung:
    """A held event of the citizen dialogue in the quarter, as the profile reports it."""

    veranstaltung: Veranstaltung
    felder: list[Feldergebnisse]
    evaluation: Auswertung
    raenge: list[Rang]  # the steering group's ranking (its first places), without who rated
    anzahl_bewertende: int


def buergerdialog(*, quartier: Quartier) -> list[Dialogveranstaltung]:
    """The held events of the citizen dialogue in ``quartier`` (oldest first) with their results by
    Handlungsfeld and votes, the participants' evaluation (averages only, no free texts) and what
    the steering group made of the results (ranking, measures, forwarding). A few queries per event."""
    veranstaltungen = (
        Veranstaltung.objects.filter(quartiere=quartier, status__in=STATUS_DURCHGEFUEHRT)
        .select_related("motto")
        .order_by("beginn", "pk")
    )
    ergebnis = []
    for veranstaltung in veranstaltungen:
        runde = runde_von(veranstaltung)
        bewertung = auswertung(runde=runde) if runde else {"raenge": [], "anzahl_bewertende": 0}
        ergebnis.append(
            Dialogveranstaltung(
                veranstaltung=veranstaltung,
                felder=ergebnisse_nach_handlungsfeld(veranstaltung=veranstaltung),
                evaluation=evaluation(veranstaltung=veranstaltung),
                raenge=[r for r in bewertung["raenge"] if r.platz is not None][:HOECHSTENS_RAENGE],
                anzahl_bewertende=bewertung["anzahl_bewertende"],
            )
        )
    return ergebnis
