"""Reads of the profile versions: the working version, the last release, sections with their
evidence, completeness, the history of changes."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from quartiere.models import Handlungsfeld, Quartier
from quartiere.queries import analyse, geheimhaltung
from quartiere.queries.abdeckung import erreichbarkeit_berechnen

from ..models import TEXT_FELDER, Befund, MassnahmeStatus, ProfilAbschnitt, Profilfassung, ProfilStatus
from ..rules import sichtbare_profilstatus
from .datenstand import profil_zwischengespeichert


def arbeitsstand(quartier: Quartier) -> Profilfassung | None:
    """The version of ``quartier`` that is not released yet (draft or in consultation), or None."""
    return quartier.profilfassungen.exclude(status=ProfilStatus.FREIGEGEBEN).first()


def letzte_freigabe(quartier: Quartier) -> Profilfassung | None:
    """The latest released version of ``quartier``, or None."""
    return quartier.profilfassungen.filter(status=ProfilStatus.FREIGEGEBEN).order_by("-nummer").first()


def abschnitte_mit_belegen(fassung: Profilfassung) -> QuerySet[ProfilAbschnitt]:
    """The sections of ``fassung`` in Handlungsfeld order, with every kind of evidence prefetched
    (one query per kind of evidence, whatever the number of sections and links)."""
    return (
        fassung.abschnitte.select_related("handlungsfeld")
        .prefetch_related(
            "indikatoren",
            "infrastruktur_kategorien",
            Prefetch("befunde", queryset=Befund.objects.select_related("begehung")),
            "fotos",
            "quellen_auszuege__quelle",
            "antworten__frage",
            "antworten__seniorenbuero",
            "gespraeche",
        )
        .order_by("handlungsfeld__reihenfolge")
    )


def vollstaendigkeit(fassung: Profilfassung | None) -> list[tuple[Handlungsfeld, list[str]]]:
    """Per Handlungsfeld of ``fassung``: ``(handlungsfeld, leere_teile)``; one query."""
    if fassung is None:
        return []
    return [
        (a.handlungsfeld, a.leere_teile)
        for a in fassung.abschnitte.select_related("handlungsfeld").order_by("handlungsfeld__reihenfolge")
    ]


def profil_uebersicht(*, quartier: Quartier, user: AbstractBaseUser) -> dict:
    """What the quarter page shows of the profile of ``quartier``: the version ``user`` may read
    (the working version for Projektteam, else the latest readable one), its completeness per
    Handlungsfeld, the number of measures per status, key persons and talks. From the cache per
    Datenstände and readable states (2 queries), else five more."""
    status = tuple(sorted(sichtbare_profilstatus(user)))
    return profil_zwischengespeichert(
        "uebersicht", quartier.pk, status, berechnen=lambda: _profil_uebersicht(quartier, status)
    )


def _profil_uebersicht(quartier: Quartier, status: tuple[str, ...]) -> dict:
    fassung = quartier.profilfassungen.filter(status__in=status).order_by("-nummer").first()
    anzahl = dict(quartier.massnahmen.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {
        "fassung": fassung,
        "vollstaendigkeit": vollstaendigkeit(fassung),
        "massnahmen": [(str(s.label), anzahl.get(s.value, 0)) for s in MassnahmeStatus if anzahl.get(s.value)],
        "anzahl_massnahmen": sum(anzahl.values()),
        "anzahl_akteure": quartier.akteure.count(),
        "anzahl_gespraeche": quartier.gespraeche.count(),
    }


def belege_mit_werten(*, quartier: Quartier, abschnitte: Iterable[ProfilAbschnitt], user: AbstractBaseUser) -> None:
    """Attach to each section the values of its linked indicators (``indikator_werte``) and the
    coverage of its linked categories (``erreichbarkeiten``), in a constant number of queries,
    whatever the number of links. The sections must come from ``abschnitte_mit_belegen``."""
    indikatoren = {i.pk for a in abschnitte for i in a.indikatoren.all()}
    kategorien = {k.pk: k for a in abschnitte for k in a.infrastruktur_kategorien.all()}
    werte, erreichbarkeit = {}, {}
    if indikatoren:
        auswertung = analyse.quartier_analyse(quartier=quartier, abdeckungen=list(quartier.abdeckungen.all()))
        sieht_fallzahlen = user.has_perm("quartiere.view_fallzahlen")
        for zeile in auswertung.zeilen:
            if zeile.indikator.pk in indikatoren and zeile.letztes_jahr:
                werte[zeile.indikator.pk] = (
                    zeile.letztes_jahr,
                    geheimhaltung.wert_text(zeile.indikator, zeile.aktuell[0], sieht_fallzahlen=sieht_fallzahlen),
                )
    if kategorien:
        ergebnis = erreichbarkeit_berechnen(quartiere=[quartier], kategorien=list(kategorien.values()))
        erreichbarkeit = {e.kategorie.pk: e for e in ergebnis[quartier.pk]}
    for abschnitt in abschnitte:
        abschnitt.indikator_werte = [(i, *werte.get(i.pk, (None, "–"))) for i in abschnitt.indikatoren.all()]
        abschnitt.erreichbarkeiten = [(k, erreichbarkeit.get(k.pk)) for k in abschnitt.infrastruktur_kategorien.all()]


def profil_verlauf(*, quartier: Quartier, anzahl: int = 300) -> list[dict]:
    """Every change of the quarter's profile, newest first (at most ``anzahl``): the status changes
    of its versions and each saved section with the text parts that changed (``zeit``, ``wer``,
    ``was``). Two queries."""
    zeilen = list(
        ProfilAbschnitt.history.filter(fassung__quartier=quartier)
        .select_related("history_user", "handlungsfeld", "fassung")
        .order_by("id", "history_date")
    )
    vorher, eintraege = {}, []
    for zeile in zeilen:
        alt = vorher.get(zeile.id)
        geaendert = [
            str(ProfilAbschnitt._meta.get_field(f).verbose_name)
            for f in TEXT_FELDER
            if alt is None or getattr(alt, f) != getattr(zeile, f)
        ]
        vorher[zeile.id] = zeile
        if alt is None and not any(getattr(zeile, f) for f in TEXT_FELDER):
            continue  # an empty section created with its version
        eintraege.append(
            {
                "zeit": zeile.history_date,
                "wer": zeile.history_user,
                "was": _("Fassung %(nummer)s, %(feld)s: %(teile)s")
                % {"nummer": zeile.fassung.nummer, "feld": zeile.handlungsfeld.name, "teile": ", ".join(geaendert)},
            }
        )
    for zeile in Profilfassung.history.filter(quartier=quartier).select_related("history_user"):
        eintraege.append(
            {
                "zeit": zeile.history_date,
                "wer": zeile.history_user,
                "was": _("Fassung %(nummer)s: %(status)s")
                % {"nummer": zeile.nummer, "status": ProfilStatus(zeile.status).label},
            }
        )
    eintraege.sort(key=lambda e: e["zeit"], reverse=True)
    return eintraege[:anzahl]


def lesbare_fassungen(*, quartier: Quartier, user: AbstractBaseUser) -> list[Profilfassung]:
    """The versions of ``quartier``'s profile ``user`` may read, newest first. One query."""
    return list(quartier.profilfassungen.filter(status__in=sichtbare_profilstatus(user)).order_by("-nummer"))


def profil_abschnitte(*, fassung: Profilfassung, user: AbstractBaseUser) -> list[ProfilAbschnitt]:
    """The sections of ``fassung`` as the profile page shows them: every kind of evidence
    prefetched, indicator values and coverage attached (``belege_mit_werten``), and the quarter's
    measures that are not discarded (``massnahmen_liste``) per section.

    Computed once per Datenstand of the ground data and of the profiles and per view of case numbers
    (``profil_zwischengespeichert``): 2 queries when cached, else a constant number."""
    sieht_fallzahlen = user.has_perm("quartiere.view_fallzahlen")
    return profil_zwischengespeichert(
        "abschnitte",
        fassung.pk,
        sieht_fallzahlen,
        berechnen=lambda: _profil_abschnitte(fassung=fassung, user=user),
    )


def _profil_abschnitte(*, fassung: Profilfassung, user: AbstractBaseUser) -> list[ProfilAbschnitt]:
    quartier = fassung.quartier
    abschnitte = list(abschnitte_mit_belegen(fassung))
    belege_mit_werten(quartier=quartier, abschnitte=abschnitte, user=user)
    massnahmen = {}
    for massnahme in quartier.massnahmen.exclude(status=MassnahmeStatus.VERWORFEN):
        massnahmen.setdefault(massnahme.handlungsfeld_id, []).append(massnahme)
    for abschnitt in abschnitte:
        abschnitt.massnahmen_liste = massnahmen.get(abschnitt.handlungsfeld_id, [])
    return abschnitte
