"""Collect what a report shows. Reads only; renders nothing.

``quartiersprofil_sammeln`` gathers the facts of the quarter profile (Quartiersprofil) in a fixed
number of queries, however many Unterbezirke the quarter covers. Every area and centroid is
computed in EPSG:25832 (see ``quartiere.queries``).

The profile is a document of a released version (``Profilfassung``): its texts, and the measures
as they stood when it was released; its date is the release date, not the download day. Without
a released version it is a working state (Projektteam only, see ``berichte.rules``), marked so
on every page.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dwk.zeit import heute
from quartiere.models import Handlungsfeld, Kommune, Quartier, QuartierUnterbezirk
from quartiere.queries import metrisch, umprojiziert
from quartiersprofil.models import Massnahme, MassnahmeStatus, ProfilAbschnitt, Profilfassung, ProfilStatus, Quelle
from quartiersprofil.queries.profil import letzte_freigabe

from .queries.profil import (
    Abdeckung,
    Belege,
    Demografie,
    Dialogveranstaltung,
    abdeckung,
    belege_je_handlungsfeld,
    buergerdialog,
    demografie,
    freigabezeitpunkt,
)

# The indicators the summary repeats, if the catalogue has them.
KERNZAHLEN = ("ew_gesamt", "ew_65plus", "anteil_65plus", "anteil_80plus", "anteil_allein_65plus", "quote_grusi_65plus")
PROJEKTNAME = gettext_lazy("Demografiewerkstatt Kommunen – altersgerechte Quartiersentwicklung")


@dataclass(frozen=True)
class UnterbezirkAnteil:
    """A statistical Unterbezirk the quarter covers, and how much of it."""

    code: str
    name: str
    bezirk_code: str
    bezirk_name: str
    anteil: float  # share of the Unterbezirk's area inside the quarter, 0–1
    ist_teilweise: bool
    geometrie: object = field(repr=False)

    @property
    def anteil_prozent(self):
        return round(self.anteil * 100)


@dataclass(frozen=True)
class Kapitel:
    """One chapter of the profile: a Handlungsfeld and what is known about it in this quarter."""

    handlungsfeld: Handlungsfeld
    hinweis: str  # what the data say about this field so far
    # From the latest released profile version (empty while none is released); Markdown.
    bestand: str = ""
    staerken: str = ""
    handlungsbedarf: str = ""
    massnahmen: tuple = ()  # the field's measures that are not rejected
    belege: Belege | None = None  # the evidence the released section links (None: working state)


@dataclass(frozen=True)
class Quartiersprofil:
    quartier: Quartier
    kommune: Kommune
    stadtname: str
    projektname: str
    stadtbezirk: object
    siedlungsepoche: str
    status: str
    ist_referenzquartier: bool
    auswahlbegruendung: str
    flaeche_km2: float
    schwerpunkt: object  # Point in EPSG:4326
    schwerpunkt_metrisch: object  # Point in EPSG:25832
    unterbezirke: list
    statistische_bezirke: list  # (code, name) pairs, ordered by code
    kapitel: list
    stand: date  # the release date of ``fassung_nummer``, or today for a working state
    ist_demo: bool
    fassung_nummer: int | None = None  # the released version shown; None: working state, not released
    programm: str = ""
    foerderer: str = ""
    partner: tuple = ()
    demografie: Demografie | None = None
    abdeckung: Abdeckung | None = None
    buergerdialog: list[Dialogveranstaltung] = field(default_factory=list)
    quellen: list = field(default_factory=list)  # the quarter's sources, for the annex
    mindestfallzahl: int = 0

    @property
    def ist_freigegeben(self):
        return self.fassung_nummer is not None

    @property
    def titel(self):
        return _("Quartiersprofil %(quartier)s") % {"quartier": self.quartier.name}

    @property
    def kernzahlen(self):
        """The lines of the indicator table the summary repeats (residents, shares of older people)."""
        if self.demografie is None:
            return []
        zeilen = {z.indikator.schluessel: z for z in self.demografie.zeilen}
        return [zeilen[s] for s in KERNZAHLEN if s in zeilen]

    @property
    def luecken(self):
        """The categories of infrastructure whose coverage of the quarter is a gap."""
        return [e for e in self.abdeckung.erreichbarkeiten if e.ist_luecke] if self.abdeckung else []

    @property
    def anzahl_massnahmen(self):
        return sum(len(k.massnahmen) for k in self.kapitel)

    @property
    def anzahl_ergebnisse(self):
        return sum(len(f.ergebnisse) for v in self.buergerdialog for f in v.felder)


def freigegebene_fassung(quartier: Quartier) -> Profilfassung | None:
    """The released profile version a report of ``quartier`` shows (the latest), or None. One query."""
    return letzte_freigabe(quartier)


def quartiere_mit_freigabe() -> QuerySet[Quartier]:
    """Every quarter with its Stadtbezirk, reference quarters first, each annotated with the number
    (``freigabe_nummer``) and release time (``freigabe_am``) of its latest released profile
    version (None without one). One query."""
    freigaben = Profilfassung.objects.filter(quartier=OuterRef("pk"), status=ProfilStatus.FREIGEGEBEN).order_by(
        "-nummer"
    )
    return (
        Quartier.objects.select_related("stadtbezirk")
        .annotate(
            freigabe_nummer=Subquery(freigaben.values("nummer")[:1]),
            freigabe_am=Subquery(freigaben.values("freigegeben_am")[:1]),
        )
        .order_by("-ist_referenzquartier", "name")
    )


def quartiersprofil_sammeln(*, quartier: Quartier, fassung: Profilfassung | None = None) -> Quartiersprofil:
    """Everything the quarter profile of ``quartier`` shows, as a ``Quartiersprofil``: of the
    released version ``fassung`` (its texts, the measures as they stood at its release, its
    number and release date), or without one the working state (no texts, today's measures).

    Reads the quarter with its Stadtbezirk and Kommune, its coverage of Unterbezirke
    (``quartier.abdeckungen``) with their statistical districts, the Handlungsfelder, the
    sections of ``fassung`` and the measures. No side effects.
    """
    abdeckungen = QuartierUnterbezirk.objects.select_related("unterbezirk__bezirk").order_by("unterbezirk__code")
    quartier = (
        Quartier.objects.select_related("stadtbezirk__kommune")
        .prefetch_related(Prefetch("abdeckungen", queryset=abdeckungen))
        .get(pk=quartier.pk)
    )
    stadtbezirk = quartier.stadtbezirk
    kommune = stadtbezirk.kommune
    abdeckungen = list(quartier.abdeckungen.all())
    unterbezirke = [
        UnterbezirkAnteil(
            code=a.unterbezirk.code,
            name=a.unterbezirk.name,
            bezirk_code=a.unterbezirk.bezirk.code,
            bezirk_name=a.unterbezirk.bezirk.name,
            anteil=a.anteil,
            ist_teilweise=a.ist_teilweise,
            geometrie=a.unterbezirk.geometrie,
        )
        for a in abdeckungen
    ]
    bezirke = sorted({(ub.bezirk_code, ub.bezirk_name) for ub in unterbezirke})
    zeitpunkt = freigabezeitpunkt(fassung) if fassung is not None else None
    abschnitte, massnahmen = _profiltexte_und_massnahmen(quartier, fassung, zeitpunkt)
    zahlen = demografie(quartier=quartier, abdeckungen=abdeckungen)
    erreichbarkeit = abdeckung(quartier=quartier)
    belege = belege_je_handlungsfeld(fassung=fassung, demografie=zahlen, abdeckung=erreichbarkeit, zeitpunkt=zeitpunkt)
    kapitel = []
    for handlungsfeld in Handlungsfeld.objects.order_by("reihenfolge"):
        abschnitt = abschnitte.get(handlungsfeld.pk)
        kapitel.append(
            Kapitel(
                handlungsfeld=handlungsfeld,
                hinweis=_("Für %(quartier)s sind in diesem Handlungsfeld noch keine Analyseergebnisse erfasst.")
                % {"quartier": quartier.name}
                if abschnitt is None
                else _("Aus der freigegebenen Fassung %(nummer)s des Quartiersprofils.")
                % {"nummer": abschnitt.fassung.nummer},
                bestand=abschnitt.bestand if abschnitt else "",
                staerken=abschnitt.staerken if abschnitt else "",
                handlungsbedarf=abschnitt.handlungsbedarf if abschnitt else "",
                massnahmen=tuple(massnahmen.get(handlungsfeld.pk, ())),
                belege=belege.get(handlungsfeld.pk),
            )
        )
    # Area and centroid in EPSG:25832, like quartiere.queries.flaeche_km2 and schwerpunkt, with one transformation.
    grenze_metrisch = metrisch(quartier.grenze)
    schwerpunkt_4326 = umprojiziert(grenze_metrisch.centroid, quartier.grenze.srid)
    return Quartiersprofil(
        quartier=quartier,
        kommune=kommune,
        stadtname=kommune.name,
        projektname=str(PROJEKTNAME),
        stadtbezirk=stadtbezirk,
        siedlungsepoche=quartier.get_siedlungsepoche_display(),
        status=quartier.get_status_display(),
        ist_referenzquartier=quartier.ist_referenzquartier,
        auswahlbegruendung=quartier.auswahlbegruendung,
        flaeche_km2=grenze_metrisch.area / 1_000_000,
        schwerpunkt=schwerpunkt_4326,
        schwerpunkt_metrisch=grenze_metrisch.centroid,
        unterbezirke=unterbezirke,
        statistische_bezirke=bezirke,
        kapitel=kapitel,
        stand=timezone.localtime(fassung.freigegeben_am).date() if fassung else heute(),
        ist_demo=kommune.ist_demo,
        fassung_nummer=fassung.nummer if fassung else None,
        programm=settings.DWK_PROGRAMM,
        foerderer=settings.DWK_FOERDERER,
        partner=tuple(p.strip() for p in settings.DWK_PARTNER.split(";") if p.strip()),
        demografie=zahlen,
        abdeckung=erreichbarkeit,
        buergerdialog=buergerdialog(quartier=quartier),
        quellen=list(Quelle.objects.filter(quartier=quartier).order_by("titel", "pk")),
        mindestfallzahl=settings.DWK_MIN_FALLZAHL,
    )


def _profiltexte_und_massnahmen(
    quartier: Quartier, fassung: Profilfassung | None, zeitpunkt: datetime | None
) -> tuple[dict, dict]:
    """The sections of ``fassung`` by Handlungsfeld id, and the measures (not rejected) by
    Handlungsfeld id: as they stood when ``fassung`` was released (from their history), or as
    they are now for a working state. Three queries with a version, one without; persons are
    never part of a report."""
    abschnitte = {}
    massnahmen_stand = Massnahme.objects.all()
    if fassung is not None:
        abschnitte = {
            a.handlungsfeld_id: a for a in ProfilAbschnitt.objects.filter(fassung=fassung).select_related("fassung")
        }
        massnahmen_stand = Massnahme.history.as_of(zeitpunkt)
    massnahmen = {}
    auswahl = massnahmen_stand.filter(quartier_id=quartier.pk).exclude(status=MassnahmeStatus.VERWORFEN)
    for massnahme in sorted(auswahl, key=lambda m: m.titel):
        massnahmen.setdefault(massnahme.handlungsfeld_id, []).append(massnahme)
    return abschnitte, massnahmen
