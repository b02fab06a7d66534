"""The progress report to the programme (Sachstandsbericht), as the city's report of March 2017 is:
one slide per subject, collected from the apps' data.

Each slide (``Folie``) has a title and any of: bullet points, large figures, one table, the city
map. A table longer than ``folien.ZEILEN_JE_FOLIE`` rows continues on further slides ("Fortsetzung"),
so every slide stays readable in large type. Persons are never named: the steering group appears
as its organisations, events as their quarters, mottos and moderating organisations, results and
measures as counts. Withheld statistics stay withheld (``sieht_fallzahlen=False`` throughout).

A fixed number of queries, however many organisations, decisions, quarters and events there are.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buergerdialog.models import VeranstaltungFormat
from buergerdialog.queries.veranstaltungen import sichtbare_veranstaltungen
from dwk.zeit import heute
from lenkungsgruppe.models import (
    Beschluss,
    BeschlussArt,
    Meilenstein,
    Mitglied,
    Organisation,
    Sitzung,
)
from quartiere.models import (
    Handlungsfeld,
    Kommune,
    Quartier,
    Stadtbezirk,
    StatistischerBezirk,
    Unterbezirk,
)
from quartiersprofil.models import MassnahmeHerkunft, Profilfassung, ProfilStatus

from .folien import (
    NICHT_DURCHGEFUEHRT,
    Folie,
    aufteilen,
    folie_auswahl,
    folie_begruendung,
    folie_beschluesse,
    folie_buergerdialoge,
    folie_ergebnisse,
    folie_erreicht,
    folie_fachworkshops,
    folie_handlungsfelder,
    folie_naechstes,
    folie_organisation,
    folie_profile,
    folie_referenzquartiere,
    folie_struktur,
    folie_uebersicht,
)

PROJEKTNAME = gettext_lazy("Demografiewerkstatt Kommunen – altersgerechte Quartiersentwicklung")


@dataclass
class Sachstand:
    stadtname: str
    projektname: str
    stand: date
    ist_demo: bool
    programm: str
    foerderer: str
    partner: list[str]
    stadtbezirke: list
    referenzquartiere: list
    folien: list[Folie]

    @property
    def titel(self) -> str:
        return _("Sachstandsbericht %(stadt)s") % {"stadt": self.stadtname}


def sachstand_sammeln(*, user: AbstractBaseUser) -> Sachstand | None:
    """Every slide of the progress report, or None while no city is set up. ``user`` decides which
    events are read (``buergerdialog.queries.sichtbare_veranstaltungen``; all for the roles that may
    see the report). Reads only; a fixed number of queries."""
    kommune = Kommune.objects.first()
    if kommune is None:
        return None
    tag = heute()
    organisationen = list(
        Organisation.objects.annotate(
            anzahl_mitglieder=Count("mitglieder", filter=Q(mitglieder__in=Mitglied.objects.aktiv(tag)))
        ).order_by("art", "name")
    )
    anzahl_mitglieder = Mitglied.objects.aktiv(tag).count()
    sitzungen = list(Sitzung.objects.order_by("beginn"))
    beschluesse = list(Beschluss.objects.select_related("sitzung").order_by("-sitzung__beginn", "-nummer"))
    auswahl = next((b for b in beschluesse if b.art == BeschlussArt.REFERENZQUARTIERE), None)
    festlegung = next((b for b in beschluesse if b.art == BeschlussArt.HANDLUNGSFELDER), None)
    handlungsfelder = list(
        Handlungsfeld.objects.annotate(
            anzahl_indikatoren=Count("indikatoren", filter=Q(indikatoren__ist_vereinbart=True), distinct=True),
            anzahl_kategorien=Count("infrastruktur_kategorien", distinct=True),
            anzahl_massnahmen=Count("massnahmen", distinct=True),
            anzahl_aus_dialog=Count(
                "massnahmen", filter=Q(massnahmen__herkunft=MassnahmeHerkunft.BUERGERDIALOG), distinct=True
            ),
        ).order_by("reihenfolge")
    )
    stadtbezirke = list(Stadtbezirk.objects.filter(kommune=kommune).order_by("code"))
    quartiere = list(Quartier.objects.select_related("stadtbezirk").order_by("name"))
    referenzquartiere = [q for q in quartiere if q.ist_referenzquartier]
    freigaben = Profilfassung.objects.filter(quartier=OuterRef("pk"), status=ProfilStatus.FREIGEGEBEN).order_by(
        "-nummer"
    )
    profile = list(
        Quartier.objects.referenzquartiere()
        .annotate(
            freigabe_nummer=Subquery(freigaben.values("nummer")[:1]),
            freigabe_am=Subquery(freigaben.values("freigegeben_am")[:1]),
            anzahl_begehungen=Count("begehungen", distinct=True),
            anzahl_quellen=Count("quellen", distinct=True),
            anzahl_massnahmen=Count("massnahmen", distinct=True),
        )
        .order_by("name")
    )
    veranstaltungen = list(sichtbare_veranstaltungen(user=user).prefetch_related("moderation").order_by("beginn"))
    workshops = [v for v in veranstaltungen if v.format == VeranstaltungFormat.FACHWORKSHOP]
    dialoge = [v for v in veranstaltungen if v.format == VeranstaltungFormat.BUERGERWERKSTATT]
    kommende = [
        v
        for v in veranstaltungen
        if timezone.localtime(v.beginn).date() >= tag
        and v.format in (VeranstaltungFormat.FACHWORKSHOP, VeranstaltungFormat.BUERGERWERKSTATT)
    ]
    meilensteine = list(Meilenstein.objects.order_by("geplant_am", "titel"))
    zahlen = {
        "mitglieder": anzahl_mitglieder,
        "beschluesse": len(beschluesse),
        "fachworkshops": sum(1 for v in workshops if v.status not in NICHT_DURCHGEFUEHRT),
        "buergerdialoge": sum(1 for v in dialoge if v.status not in NICHT_DURCHGEFUEHRT),
        "profile": sum(1 for q in profile if q.freigabe_nummer is not None),
        "stadtbezirke": len(stadtbezirke),
        "bezirke": StatistischerBezirk.objects.filter(stadtbezirk__kommune=kommune).count(),
        "unterbezirke": Unterbezirk.objects.filter(bezirk__stadtbezirk__kommune=kommune).count(),
        "quartiere": len(quartiere),
    }
    folien = [
        folie_uebersicht(tag=tag, sitzungen=sitzungen, zahlen=zahlen),
        folie_organisation(tag=tag, organisationen=organisationen, anzahl_mitglieder=anzahl_mitglieder),
        folie_beschluesse(beschluesse),
        folie_handlungsfelder(handlungsfelder, festlegung),
        folie_struktur(kommune=kommune, zahlen=zahlen),
        folie_referenzquartiere(referenzquartiere, auswahl),
        folie_auswahl(quartiere=quartiere, referenzquartiere=referenzquartiere, auswahl=auswahl),
        folie_begruendung(referenzquartiere),
        folie_fachworkshops(workshops),
        folie_profile(profile),
        folie_buergerdialoge(dialoge),
        folie_ergebnisse(handlungsfelder, len(dialoge)),
        folie_erreicht(meilensteine),
        folie_naechstes(
            meilensteine=meilensteine,
            kommende=kommende,
            naechste_sitzung=next((s for s in sitzungen if timezone.localtime(s.beginn).date() >= tag), None),
        ),
    ]
    folien = [teil for folie in folien for teil in aufteilen(folie)]
    for nummer, folie in enumerate(folien, start=2):  # slide 1 is the title
        folie.nummer = nummer
    return Sachstand(
        stadtname=kommune.name,
        projektname=str(PROJEKTNAME),
        stand=tag,
        ist_demo=kommune.ist_demo,
        programm=settings.DWK_PROGRAMM,
        foerderer=settings.DWK_FOERDERER,
        partner=[teil.strip() for teil in settings.DWK_PARTNER.split(";") if teil.strip()],
        stadtbezirke=stadtbezirke,
        referenzquartiere=referenzquartiere,
        folien=folien,
    )
