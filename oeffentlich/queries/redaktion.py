"""Reads of Projektteam's pages for the public pages („Öffentliche Seiten“): every news post with
its state, the statutory pages of the city, the events of the citizen dialogue with their public
release, the photos of a documentation with theirs. Each in a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from buergerdialog.models import Dokumentationsfoto, DokumentationStatus, Veranstaltung
from quartiere.models import Kommune, Quartier

from ..models import Neuigkeit, Pflichtseite, PflichtseiteArt


def neuigkeiten_zur_bearbeitung() -> QuerySet[Neuigkeit]:
    """Every news post, drafts first, then the latest publication first (one query)."""
    return Neuigkeit.objects.order_by("-veroeffentlicht_am", "-pk").only(
        "titel", "slug", "veroeffentlicht_am", "updated_at"
    )


def kommune() -> Kommune | None:
    """The city whose public pages these are (the first, as on the public pages)."""
    return Kommune.objects.order_by("pk").first()


@dataclass
class PflichtseiteEintrag:
    art: str
    titel: str
    seite: Pflichtseite | None


def pflichtseiten(*, kommune: Kommune | None) -> list[PflichtseiteEintrag]:
    """The four statutory pages of ``kommune`` in their fixed order, each with its row or None (one query)."""
    vorhanden = {s.art: s for s in Pflichtseite.objects.filter(kommune=kommune)} if kommune else {}
    return [
        PflichtseiteEintrag(art=art, titel=titel, seite=vorhanden.get(art)) for art, titel in PflichtseiteArt.choices
    ]


def veranstaltungen_mit_freigabe() -> QuerySet[Veranstaltung]:
    """Every event of the citizen dialogue, the latest first, with its public release (or None), its
    documentation's state and quarters, and how many of its photos are marked publishable
    (``fotos_markiert``) and released (``fotos_freigegeben``). Two queries."""
    return (
        Veranstaltung.objects.select_related("freigabe", "dokumentation")
        .prefetch_related(Prefetch("quartiere", queryset=Quartier.objects.order_by("name").only("name", "slug")))
        .annotate(
            fotos_markiert=Count(
                "dokumentation__fotos", filter=Q(dokumentation__fotos__darf_veroeffentlicht_werden=True), distinct=True
            ),
            fotos_freigegeben=Count(
                "dokumentation__fotos", filter=Q(dokumentation__fotos__freigabe__isnull=False), distinct=True
            ),
        )
        .order_by("-beginn", "-pk")
    )


def dokumentation_freigegeben(veranstaltung: Veranstaltung) -> bool:
    dokumentation = getattr(veranstaltung, "dokumentation", None)
    return dokumentation is not None and dokumentation.status == DokumentationStatus.FREIGEGEBEN


def fotos_der_veranstaltung(*, veranstaltung: Veranstaltung) -> QuerySet[Dokumentationsfoto]:
    """The photos of the event's documentation with their public release (one query)."""
    return (
        Dokumentationsfoto.objects.filter(dokumentation__veranstaltung=veranstaltung)
        .select_related("freigabe")
        .order_by("created_at", "pk")
    )


@dataclass
class Stand:
    entwuerfe: int
    geplant: int
    veroeffentlicht: int
    pflichtseiten: list
    kommende_ohne_freigabe: int


def stand(*, jetzt: datetime.datetime, heute: datetime.date) -> Stand:
    """What the overview says is open: news by state, the statutory pages (missing, example text),
    upcoming events not yet announced. Three queries."""
    neuigkeiten = Neuigkeit.objects.aggregate(
        entwuerfe=Count("pk", filter=Q(veroeffentlicht_am__isnull=True)),
        geplant=Count("pk", filter=Q(veroeffentlicht_am__gt=jetzt)),
        veroeffentlicht=Count("pk", filter=Q(veroeffentlicht_am__lte=jetzt)),
    )
    return Stand(
        **neuigkeiten,
        pflichtseiten=pflichtseiten(kommune=kommune()),
        kommende_ohne_freigabe=Veranstaltung.objects.kommende(heute).filter(freigabe__isnull=True).count(),
    )
