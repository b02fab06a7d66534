"""Reads of events: what a user may see, the overview, overdue checklist items, "Meine Aufgaben"."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Prefetch, Q, QuerySet

from dwk.permissions import ist_partner, liest_alles
from dwk.zeit import heute
from lenkungsgruppe.models import Mitglied

from ..models import Checklistenpunkt, Partnerkonto, Veranstaltung


def sichtbare_veranstaltungen(*, user: AbstractBaseUser) -> QuerySet[Veranstaltung]:
    """The events ``user`` may read (all for Projektteam and Lenkungsgruppe; a partner those its
    organisation moderates, see ``rules.py``; none otherwise), with what the lists show: quarters,
    count of overdue open items."""
    zeilen = Veranstaltung.objects.select_related("motto")
    if not liest_alles(user):
        if not ist_partner(user):
            return zeilen.none()
        zeilen = zeilen.filter(moderation__partnerkonten__benutzer=user).distinct()
    return zeilen.prefetch_related("quartiere").annotate(
        ueberfaellig=Count(
            "checkliste", filter=Q(checkliste__erledigt=False, checkliste__faellig_am__lt=heute()), distinct=True
        ),
        anzahl_ergebnisse=Count("ergebnisse", distinct=True),
    )


def ueberfaellige_punkte(*, user: AbstractBaseUser) -> QuerySet[Checklistenpunkt]:
    """Open checklist items past their due date (``heute()``) of the events ``user`` may read."""
    return (
        Checklistenpunkt.objects.filter(
            erledigt=False,
            faellig_am__lt=heute(),
            veranstaltung__in=sichtbare_veranstaltungen(user=user).values("pk"),
        )
        .select_related("veranstaltung", "verantwortlich_mitglied", "verantwortlich_organisation")
        .order_by("faellig_am", "pk")
    )


def meine_aufgaben(*, user: AbstractBaseUser) -> QuerySet[Checklistenpunkt]:
    """Open checklist items the member linked to ``user`` is responsible for: by name, or through
    their organisation where no person is named. A partner: the items of its organisation
    (``Partnerkonto``) where no person is named, in the events it moderates. Empty otherwise."""
    mitglied = Mitglied.objects.filter(benutzer=user).first() if user.is_authenticated else None
    if mitglied is not None:
        bedingung = Q(verantwortlich_mitglied=mitglied) | Q(
            verantwortlich_mitglied__isnull=True, verantwortlich_organisation_id=mitglied.organisation_id
        )
    elif ist_partner(user) and (konto := Partnerkonto.objects.filter(benutzer=user).first()) is not None:
        bedingung = Q(
            verantwortlich_mitglied__isnull=True,
            verantwortlich_organisation_id=konto.organisation_id,
            veranstaltung__moderation=konto.organisation_id,
        )
    else:
        return Checklistenpunkt.objects.none()
    return (
        Checklistenpunkt.objects.filter(erledigt=False)
        .filter(bedingung)
        .select_related("veranstaltung", "verantwortlich_mitglied", "verantwortlich_organisation")
        .order_by("faellig_am", "pk")
    )


@dataclass
class Uebersicht:
    kommende: list
    vergangene: list
    ueberfaellig: list
    meine_aufgaben: list


def uebersicht(*, user: AbstractBaseUser) -> Uebersicht:
    """The overview page: upcoming and past events, overdue items, the user's own open items."""
    tag = heute()
    veranstaltungen = sichtbare_veranstaltungen(user=user)
    return Uebersicht(
        kommende=list(veranstaltungen.kommende(tag)),
        vergangene=list(veranstaltungen.vergangene(tag)),
        ueberfaellig=list(ueberfaellige_punkte(user=user)),
        meine_aufgaben=list(meine_aufgaben(user=user)),
    )


def veranstaltung_detail(*, pk: int) -> Veranstaltung:
    """One event with everything its page shows, in a fixed number of queries."""
    return (
        Veranstaltung.objects.select_related("motto")
        .prefetch_related(
            "quartiere",
            "handlungsfelder",
            "moderation",
            "beobachtung",
            "gegenstaende",
            Prefetch(
                "checkliste",
                queryset=Checklistenpunkt.objects.select_related(
                    "verantwortlich_mitglied", "verantwortlich_organisation"
                ),
            ),
            "nachhaltigkeit__gegenstand",
            "nachhaltigkeit__traeger_organisation",
        )
        .annotate(anzahl_ergebnisse=Count("ergebnisse"))
        .get(pk=pk)
    )
