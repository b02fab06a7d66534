"""What each public page shows: released, impersonal, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery

from buergerdialog.models import (
    Dokumentation,
    Dokumentationsfoto,
    DokumentationStatus,
    Ergebnis,
    Umsetzung,
    Veranstaltung,
)
from dwk.zeit import heute, jetzt
from lenkungsgruppe.models import Meilenstein, Mitglied, Organisation
from quartiere.models import Handlungsfeld, Kommune, Quartier
from quartiersprofil.models import MassnahmeMeilenstein, ProfilAbschnitt, Profilfassung, ProfilStatus

from ..models import Auftritt, Neuigkeit, Pflichtseite


def kommune_und_auftritt() -> tuple[Kommune | None, Auftritt | None]:
    """The city and its project page texts (one query)."""
    kommune = Kommune.objects.select_related("auftritt").first()
    if kommune is None:
        return None, None
    return kommune, getattr(kommune, "auftritt", None)


def oeffentliche_veranstaltungen() -> QuerySet[Veranstaltung]:
    """Events with a public release (``Veranstaltungsfreigabe``), with their release and quarters."""
    return (
        Veranstaltung.objects.filter(freigabe__isnull=False)
        .select_related("freigabe")
        .prefetch_related(Prefetch("quartiere", queryset=Quartier.objects.order_by("name").only("name", "slug")))
    )


def mit_freigegebener_dokumentation(veranstaltungen: QuerySet[Veranstaltung]) -> QuerySet[Veranstaltung]:
    return veranstaltungen.filter(dokumentation__status=DokumentationStatus.FREIGEGEBEN)


def kommende_veranstaltungen() -> QuerySet[Veranstaltung]:
    """Public events from today on, soonest first."""
    return oeffentliche_veranstaltungen().kommende(heute())


def dokumentierte_veranstaltungen() -> QuerySet[Veranstaltung]:
    """Public past events whose documentation is released, latest first."""
    return mit_freigegebener_dokumentation(oeffentliche_veranstaltungen()).vergangene(heute())


def oeffentliche_quartiere() -> QuerySet[Quartier]:
    """The reference quarters with their Stadtbezirk, public page text and latest released profile
    version number (``freigabe_nummer``)."""
    freigaben = Profilfassung.objects.filter(quartier=OuterRef("pk"), status=ProfilStatus.FREIGEGEBEN).order_by(
        "-nummer"
    )
    return (
        Quartier.objects.referenzquartiere()
        .select_related("stadtbezirk", "oeffentliche_seite")
        .annotate(freigabe_nummer=Subquery(freigaben.values("nummer")[:1]))
        .order_by("name")
    )


@dataclass
class Projekt:
    kommune: Kommune | None
    auftritt: Auftritt | None
    handlungsfelder: list
    organisationen: list
    meilensteine: list
    quartiere: list
    kommende: list
    neuigkeiten: list


def projekt() -> Projekt:
    """The project page: fields of action, the steering group as organisations (with active
    members, never the persons), the timeline, the quarters, the next events and the latest news.
    Seven queries."""
    kommune, auftritt = kommune_und_auftritt()
    aktiv = Organisation.objects.filter(mitglieder__in=_aktive_mitglieder()).distinct()
    return Projekt(
        kommune=kommune,
        auftritt=auftritt,
        handlungsfelder=list(Handlungsfeld.objects.order_by("reihenfolge").only("name", "beschreibung", "slug")),
        organisationen=list(aktiv.order_by("art", "name").only("name", "art")),
        meilensteine=list(
            Meilenstein.objects.order_by("geplant_am", "titel").only("titel", "geplant_am", "erreicht_am", "status")
        ),
        quartiere=list(oeffentliche_quartiere()),
        kommende=list(kommende_veranstaltungen()[:3]),
        neuigkeiten=list(Neuigkeit.objects.veroeffentlicht(jetzt())[:3]),
    )


def _aktive_mitglieder() -> QuerySet:
    return Mitglied.objects.aktiv(heute()).values("pk")


@dataclass
class MassnahmeAusDemDialog:
    titel: str
    handlungsfeld: str
    status: str
    status_wert: str
    fortschritt: int
    ergebnisse: list = field(default_factory=list)  # (text, event title, event date)
    meilensteine: list = field(default_factory=list)  # (title, reached on)


@dataclass
class QuartierSeite:
    quartier: Quartier
    charakter: str
    fassung: Profilfassung | None
    abschnitte: list
    kommende: list
    dokumentierte: list
    massnahmen: list


def quartier_seite(*, slug: str) -> QuartierSeite:
    """A reference quarter's public page (Quartier.DoesNotExist for any other slug). Seven queries:
    the quarter, its released profile version and sections, its public events (with quarters),
    and the measures traced to results of its released documentations."""
    quartier = oeffentliche_quartiere().get(slug=slug)
    fassung = (
        Profilfassung.objects.filter(quartier=quartier, status=ProfilStatus.FREIGEGEBEN).order_by("-nummer").first()
    )
    abschnitte = (
        list(
            ProfilAbschnitt.objects.filter(fassung=fassung)
            .select_related("handlungsfeld")
            .only("staerken", "handlungsbedarf", "handlungsfeld__name", "handlungsfeld__reihenfolge", "fassung_id")
            .order_by("handlungsfeld__reihenfolge")
        )
        if fassung
        else []
    )
    veranstaltungen = list(
        oeffentliche_veranstaltungen()
        .filter(quartiere=quartier)
        .annotate(
            dokumentiert=Exists(
                Dokumentation.objects.filter(veranstaltung=OuterRef("pk"), status=DokumentationStatus.FREIGEGEBEN)
            )
        )
        .order_by("beginn")
    )
    tag = heute()
    seite = getattr(quartier, "oeffentliche_seite", None)
    return QuartierSeite(
        quartier=quartier,
        charakter=seite.charakter if seite else "",
        fassung=fassung,
        abschnitte=abschnitte,
        kommende=[v for v in veranstaltungen if v.beginn.date() >= tag],
        dokumentierte=[v for v in veranstaltungen if v.beginn.date() < tag and v.dokumentiert],
        massnahmen=massnahmen_aus_dem_dialog(quartier=quartier),
    )


def massnahmen_aus_dem_dialog(*, quartier: Quartier) -> list[MassnahmeAusDemDialog]:
    """„Was ist daraus geworden?“: the quarter's measures that results of a public event with a
    released documentation became or joined, each with those results (their text only: no names,
    no votes) and its reached milestones. Two queries."""
    oeffentlich = Umsetzung.objects.filter(
        ergebnis__veranstaltung__freigabe__isnull=False,
        ergebnis__veranstaltung__dokumentation__status=DokumentationStatus.FREIGEGEBEN,
    )
    umsetzungen = (
        oeffentlich.filter(massnahme__quartier=quartier)
        .select_related("massnahme__handlungsfeld", "ergebnis__veranstaltung")
        .only(
            "massnahme__titel",
            "massnahme__status",
            "massnahme__fortschritt",
            "massnahme__handlungsfeld__name",
            "massnahme__handlungsfeld__reihenfolge",
            "ergebnis__text",
            "ergebnis__veranstaltung__titel",
            "ergebnis__veranstaltung__beginn",
        )
        .order_by("massnahme__handlungsfeld__reihenfolge", "massnahme__titel", "massnahme_id", "ergebnis_id")
    )
    ergebnis: dict[int, MassnahmeAusDemDialog] = {}
    for umsetzung in umsetzungen:
        massnahme = umsetzung.massnahme
        eintrag = ergebnis.setdefault(
            massnahme.pk,
            MassnahmeAusDemDialog(
                titel=massnahme.titel,
                handlungsfeld=massnahme.handlungsfeld.name,
                status=massnahme.get_status_display(),
                status_wert=massnahme.status,
                fortschritt=massnahme.fortschritt,
            ),
        )
        veranstaltung = umsetzung.ergebnis.veranstaltung
        eintrag.ergebnisse.append((umsetzung.ergebnis.text, veranstaltung.titel, veranstaltung.beginn))
    if ergebnis:
        for stein in MassnahmeMeilenstein.objects.filter(massnahme_id__in=ergebnis, erreicht_am__isnull=False).order_by(
            "erreicht_am", "pk"
        ):
            ergebnis[stein.massnahme_id].meilensteine.append((stein.titel, stein.erreicht_am))
    return list(ergebnis.values())


def veranstaltung(*, pk: int) -> Veranstaltung:
    """A public event with its fields of action and motto (DoesNotExist if not public)."""
    return (
        oeffentliche_veranstaltungen()
        .select_related("motto")
        .prefetch_related(Prefetch("handlungsfelder", queryset=Handlungsfeld.objects.order_by("reihenfolge")))
        .annotate(
            dokumentiert=Exists(
                Dokumentation.objects.filter(veranstaltung=OuterRef("pk"), status=DokumentationStatus.FREIGEGEBEN)
            )
        )
        .get(pk=pk)
    )


@dataclass
class OeffentlicheDokumentation:
    veranstaltung: Veranstaltung
    dokumentation: Dokumentation
    ergebnisse: list  # (Handlungsfeld name, [texts])
    fotos: list


def dokumentation(*, pk: int) -> OeffentlicheDokumentation:
    """The released documentation of a public past event: its text, its results by field of action
    (texts only) and its photos released for the public. Dokumentation.DoesNotExist otherwise."""
    termin = veranstaltung(pk=pk)
    if not termin.dokumentiert or termin.beginn.date() >= heute():
        raise Dokumentation.DoesNotExist
    dok = Dokumentation.objects.only("programm", "text", "veranstaltung_id", "status").get(veranstaltung=termin)
    gruppen: dict[str, list] = {}
    for eintrag in (
        Ergebnis.objects.filter(veranstaltung=termin)
        .select_related("handlungsfeld")
        .only("text", "handlungsfeld__name", "handlungsfeld__reihenfolge")
        .order_by("handlungsfeld__reihenfolge", "-punkte", "pk")
    ):
        name = eintrag.handlungsfeld.name if eintrag.handlungsfeld else ""
        gruppen.setdefault(name, []).append(eintrag.text)
    return OeffentlicheDokumentation(
        veranstaltung=termin,
        dokumentation=dok,
        ergebnisse=list(gruppen.items()),
        fotos=list(oeffentliche_fotos().filter(dokumentation=dok)),
    )


def oeffentliche_fotos() -> QuerySet[Dokumentationsfoto]:
    """Photos marked publishable (``darf_veroeffentlicht_werden``) and released for the public with
    an alternative text, of released documentations of public events."""
    return (
        Dokumentationsfoto.objects.filter(
            freigabe__isnull=False,
            darf_veroeffentlicht_werden=True,
            dokumentation__status=DokumentationStatus.FREIGEGEBEN,
            dokumentation__veranstaltung__freigabe__isnull=False,
        )
        .select_related("freigabe")
        .only("web", "breite", "hoehe", "dokumentation_id", "freigabe__alternativtext")
        .order_by("created_at", "pk")
    )


def neuigkeiten() -> QuerySet[Neuigkeit]:
    return Neuigkeit.objects.veroeffentlicht(jetzt()).only("titel", "slug", "text", "veroeffentlicht_am")


def pflichtseite(*, art: str) -> Pflichtseite:
    """The statutory page ``art`` of the city (Pflichtseite.DoesNotExist without one)."""
    return Pflichtseite.objects.filter(kommune=Kommune.objects.order_by("pk")[:1]).get(art=art)
