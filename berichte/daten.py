"""Collect what a report shows. Reads only; renders nothing.

``quartiersprofil_sammeln`` gathers the facts of the quarter profile (Quartiersprofil) in three
queries, however many Unterbezirke the quarter covers. Every area and centroid is computed in
EPSG:25832 (see ``quartiere.queries``).
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quartiere.models import Handlungsfeld, Kommune, Quartier, QuartierUnterbezirk
from quartiere.queries import flaeche_km2, metrisch, schwerpunkt

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
    stand: date
    ist_demo: bool

    @property
    def titel(self):
        return _("Quartiersprofil %(quartier)s") % {"quartier": self.quartier.name}


def quartiersprofil_sammeln(*, quartier):
    """Everything the quarter profile of ``quartier`` shows, as a ``Quartiersprofil``.

    Reads the quarter with its Stadtbezirk and Kommune, its coverage of Unterbezirke
    (``quartier.abdeckungen``) with their statistical districts, and the Handlungsfelder.
    No side effects.
    """
    quartier = Quartier.objects.select_related("stadtbezirk__kommune").get(pk=quartier.pk)
    stadtbezirk = quartier.stadtbezirk
    kommune = stadtbezirk.kommune
    abdeckungen = (
        QuartierUnterbezirk.objects.filter(quartier=quartier)
        .select_related("unterbezirk__bezirk")
        .order_by("unterbezirk__code")
    )
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
    abschnitte, massnahmen = _profiltexte_und_massnahmen(quartier)
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
            )
        )
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
        flaeche_km2=flaeche_km2(quartier.grenze),
        schwerpunkt=schwerpunkt(quartier.grenze),
        schwerpunkt_metrisch=metrisch(quartier.grenze).centroid,
        unterbezirke=unterbezirke,
        statistische_bezirke=bezirke,
        kapitel=kapitel,
        stand=timezone.localdate(),
        ist_demo=kommune.ist_demo,
    )


def _profiltexte_und_massnahmen(quartier):
    """The sections of the latest released profile version by Handlungsfeld id, and the measures
    (not rejected) by Handlungsfeld id. Two queries; persons are never part of a report."""
    from quartiersprofil.models import Massnahme, MassnahmeStatus, ProfilAbschnitt, ProfilStatus

    fassung = quartier.profilfassungen.filter(status=ProfilStatus.FREIGEGEBEN).order_by("-nummer").first()
    abschnitte = {}
    if fassung is not None:
        abschnitte = {
            a.handlungsfeld_id: a for a in ProfilAbschnitt.objects.filter(fassung=fassung).select_related("fassung")
        }
    massnahmen = {}
    for massnahme in Massnahme.objects.filter(quartier=quartier).exclude(status=MassnahmeStatus.VERWORFEN):
        massnahmen.setdefault(massnahme.handlungsfeld_id, []).append(massnahme)
    return abschnitte, massnahmen
