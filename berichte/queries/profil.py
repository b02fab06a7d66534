"""Reads of the full quarter profile beyond its frame (``berichte.daten``): demography, coverage,
the evidence of each chapter and the citizen dialogue. Everything comes from the other apps'
queries, computed once per profile; nothing here writes.

A printed profile is for the committees: small counts are always withheld, as on the pages for
everyone outside the Projektteam (``sieht_fallzahlen=False``), and no person is named — no key
persons, no talks, no names of members beside their ratings, no free texts of questionnaires, no
photo that is not marked publishable.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import import_module

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models
from django.utils.translation import gettext as _

from buergerdialog.models import Veranstaltung, VeranstaltungStatus
from buergerdialog.queries.bewertung import Rang, auswertung, runde_von
from buergerdialog.queries.dokumente import Auswertung, Feldergebnisse, ergebnisse_nach_handlungsfeld
from buergerdialog.queries.dokumente import auswertung as evaluation
from quartiere.models import IndikatorArt, Infrastruktur, InfrastrukturKategorie, Quartier, QuartierUnterbezirk
from quartiere.queries.abdeckung import Erreichbarkeit, einrichtungen_in_reichweite, erreichbarkeit_berechnen
from quartiere.queries.analyse import IndikatorZeile, Zeitreihe, quartier_analyse, zeitreihe
from quartiere.queries.geheimhaltung import veraenderung_text, wert_text
from quartiersprofil.models import Antwort, Befund, Foto, Profilfassung, ProfilStatus
from quartiersprofil.queries.profil import abschnitte_mit_belegen

from ..models import Belegstand

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
    """What a chapter of a released version links as its evidence, ready to print: plain values
    (``belege_stand``), as they stood at the release, never live objects."""

    indikatoren: list[dict]  # name, einheit, jahr, wert (text)
    erreichbarkeiten: list[dict]  # kategorie, radius_m, prozent, ist_luecke
    befunde: list[dict]  # art, datum, text
    fotos: list[dict]  # url (print derivative), bildunterschrift, aufgenommen_am
    quellen: list[dict]  # text, titel, fundstelle, art
    antworten: list[dict]  # frage, seniorenbuero, bewertung, text

    @property
    def ist_leer(self) -> bool:
        return not any(
            (self.indikatoren, self.erreichbarkeiten, self.befunde, self.fotos, self.quellen, self.antworten)
        )


def freigabezeitpunkt(fassung: Profilfassung) -> datetime:
    """When ``fassung`` was released, on the clock of the history tables (the history row that
    records the release); ``freigegeben_am`` where no such row exists. ``freigegeben_am`` itself
    may be a fixed demo day (``dwk.zeit``), the history's clock is the real one. One query."""
    zeitpunkt = (
        fassung.history.filter(status=ProfilStatus.FREIGEGEBEN)
        .order_by("history_date")
        .values_list("history_date", flat=True)
        .first()
    )
    return zeitpunkt or fassung.freigegeben_am


def _stand_von(modell: type[models.Model], pks: set[int], zeitpunkt: datetime) -> dict[int, object]:
    """The objects ``pks`` of ``modell`` as they were at ``zeitpunkt`` (from their history), by pk;
    an object without a history row from before keeps its current state. Two queries."""
    if not pks:
        return {}
    aktuell = {o.pk: o for o in modell.objects.filter(pk__in=pks)}
    # By the object's id: on a history query ``pk__in`` would mean the history row's number (django-
    # simple-history turns only an exact ``pk=`` into the object's id).
    nach_id = {f"{modell._meta.pk.attname}__in": pks}
    damals = {o.pk: o for o in modell.history.as_of(zeitpunkt).filter(**nach_id)}
    return {pk: damals.get(pk, aktuell.get(pk)) for pk in pks if pk in damals or pk in aktuell}


def _datum(wert: date | datetime | None) -> str | None:
    return wert.isoformat() if wert else None


def belege_stand(
    *, fassung: Profilfassung, demografie: Demografie, abdeckung: Abdeckung, zeitpunkt: datetime | None = None
) -> dict[str, dict]:
    """The evidence each section of the released ``fassung`` links, as JSON values by Handlungsfeld pk
    (as text), as it stood at the release: findings, photo captions and survey answers from their
    history as of the release (``freigabezeitpunkt``); indicator values and coverage as computed now
    (``demografie``, ``abdeckung``; they have no history) — hence frozen once in a ``Belegstand``
    (``berichte.services.belegstand_einfrieren``). Talks are left out (they name persons), photos not
    marked publishable or without a print derivative too. ``zeitpunkt``: the release time if known
    (else read). A fixed number of queries."""
    zeitpunkt = zeitpunkt or freigabezeitpunkt(fassung)
    abschnitte = list(abschnitte_mit_belegen(fassung))
    befunde = _stand_von(Befund, {b.pk for a in abschnitte for b in a.befunde.all()}, zeitpunkt)
    fotos = _stand_von(Foto, {f.pk for a in abschnitte for f in a.fotos.all()}, zeitpunkt)
    antworten = _stand_von(Antwort, {x.pk for a in abschnitte for x in a.antworten.all()}, zeitpunkt)
    nach_kategorie = {e.kategorie.pk: e for e in abdeckung.erreichbarkeiten}
    ergebnis = {}
    for abschnitt in abschnitte:
        live_fotos = {f.pk: f for f in abschnitt.fotos.all()}
        live_antworten = {a.pk: a for a in abschnitt.antworten.all()}
        ergebnis[str(abschnitt.handlungsfeld_id)] = {
            "indikatoren": [
                {"name": i.name, "einheit": i.einheit, "jahr": jahr, "wert": wert}
                for i in abschnitt.indikatoren.all()
                for jahr, wert in [demografie.aktuell.get(i.pk, (None, "–"))]
            ],
            "erreichbarkeiten": [
                {
                    "kategorie": e.kategorie.name,
                    "radius_m": e.kategorie.radius_m,
                    "prozent": e.prozent,
                    "ist_luecke": e.ist_luecke,
                }
                for k in abschnitt.infrastruktur_kategorien.all()
                if (e := nach_kategorie.get(k.pk)) is not None
            ],
            "befunde": [
                {"art": b.get_art_display(), "datum": _datum(b.begehung.datum), "text": b.text}
                for b in sorted(
                    (befunde[x.pk] for x in abschnitt.befunde.all() if x.pk in befunde),
                    key=lambda b: (b.begehung.datum, b.pk),
                )
            ],
            "fotos": [
                {
                    "druck": live_fotos[f.pk].druck.name,
                    "bildunterschrift": f.bildunterschrift,
                    "aufgenommen_am": _datum(f.aufgenommen_am),
                }
                for f in sorted((fotos[pk] for pk in live_fotos if pk in fotos), key=lambda f: f.pk)
                if f.darf_veroeffentlicht_werden and live_fotos[f.pk].druck
            ],
            "quellen": [
                {
                    "text": q.text,
                    "titel": q.quelle.titel,
                    "fundstelle": q.fundstelle,
                    "art": q.quelle.get_art_display(),
                }
                for q in abschnitt.quellen_auszuege.all()
            ],
            "antworten": [
                {
                    "frage": live_antworten[a.pk].frage.text,
                    "seniorenbuero": live_antworten[a.pk].seniorenbuero.name,
                    "bewertung": a.bewertung,
                    "text": a.text,
                }
                for a in sorted(
                    (antworten[pk] for pk in live_antworten if pk in antworten),
                    key=lambda a: (live_antworten[a.pk].frage.reihenfolge, live_antworten[a.pk].frage_id, a.pk),
                )
            ],
        }
    return ergebnis


def _als_datum(text: str | None) -> date | datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


def belege_aus_stand(stand: dict[str, dict]) -> dict[int, Belege]:
    """``Belege`` by Handlungsfeld pk from the JSON values of ``belege_stand``; dates as dates again and
    each photo with the URL of its print derivative. No query."""
    ergebnis = {}
    for feld, b in stand.items():
        ergebnis[int(feld)] = Belege(
            indikatoren=b["indikatoren"],
            erreichbarkeiten=b["erreichbarkeiten"],
            befunde=[{**x, "datum": _als_datum(x["datum"])} for x in b["befunde"]],
            fotos=[
                {**f, "url": default_storage.url(f["druck"]), "aufgenommen_am": _als_datum(f["aufgenommen_am"])}
                for f in b["fotos"]
            ],
            quellen=b["quellen"],
            antworten=b["antworten"],
        )
    return ergebnis


def eingefrorene_belege(fassung: Profilfassung) -> dict[int, Belege]:
    """The frozen evidence of the released ``fassung`` by Handlungsfeld pk (``Belegstand``, made at its
    release); empty for other versions and for a released one not frozen yet. One query."""
    if fassung.status != ProfilStatus.FREIGEGEBEN:
        return {}
    gespeichert = Belegstand.objects.filter(fassung=fassung).values_list("belege", flat=True).first()
    return belege_aus_stand(gespeichert) if gespeichert is not None else {}


def belege_je_handlungsfeld(
    *,
    fassung: Profilfassung | None,
    demografie: Demografie,
    abdeckung: Abdeckung,
    zeitpunkt: datetime | None = None,
) -> dict[int, Belege]:
    """The evidence each section of ``fassung`` links, by Handlungsfeld pk, as it stood at the release:
    the frozen ``Belegstand`` where one is stored, else computed as of the release (``belege_stand``).
    Empty without a released version. One query with a stored state; ``zeitpunkt`` as in ``belege_stand``."""
    if fassung is None:
        return {}
    gespeichert = Belegstand.objects.filter(fassung=fassung).values_list("belege", flat=True).first()
    if gespeichert is None:
        gespeichert = belege_stand(fassung=fassung, demografie=demografie, abdeckung=abdeckung, zeitpunkt=zeitpunkt)
    return belege_aus_stand(gespeichert)


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
