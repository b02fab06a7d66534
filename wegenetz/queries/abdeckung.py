"""Coverage of a quarter on the walking network, read from the stored distance fields.

**Walking time of a category**: the time an older person at ``REFERENZ_M_S`` (0.9 m/s) needs for
the category's straight-line radius (``InfrastrukturKategorie.radius_m``): 500 m ≙ 9.3 minutes.
Every profile is measured against this same time, at its own speed and with its own barriers —
so "mit Rollator" covers less where steps, steep paths or a slower pace stand in the way.

**Share** (``anteil``) of a quarter, category and profile: the share of the length of the network
inside the quarter (edges that touch its boundary) that lies within the walking time of a facility
of the category. An edge whose ends are reached after ``a`` and ``b`` seconds and that takes ``t``
seconds towards the first end and ``t'`` towards the second is covered for the share
``min(1, max(0, T − a) / t + max(0, T − b) / t')`` of its length (``T``: the walking time; uphill and
downhill take different times); a direction the profile cannot pass covers nothing.

**Stale fields** are never shown as current: a field whose fingerprint (the facilities of its
category, the profile, the barriers, the network) differs from today's gives no share (``None``,
``Profilwert.veraltet``) until the background job has computed it again; the pages say "wird neu
berechnet" and start that job (``services.distanzfelder.distanzfelder_nachziehen``).

**Gap** (Lücke), as for the straight-line coverage: less than half of the network covered, or the
node nearest the quarter's centre not within the walking time.
"""

import threading
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext_lazy as _

from quartiere.models import InfrastrukturKategorie, Quartier
from quartiere.queries.abdeckung import LUECKE_MINDESTANTEIL, erreichbarkeit_berechnen

from ..models import Distanzfeld, Netzstand, Profilart, Wegabschnitt, Wegprofil
from .abdruecke import einrichtungen_abdruecke, fingerabdruck
from .koordinaten import punkte_metrisch
from .netz import aktuelles_netz, barriere_kanten, kantenzeiten, netzgraph

REFERENZ_M_S = 0.9

_FELDER: dict[int, tuple[object, np.ndarray]] = {}
_SPERRE = threading.Lock()


def gehzeit_s(kategorie: InfrastrukturKategorie) -> float:
    """The category's walking time in seconds (its radius at 0.9 m/s)."""
    return kategorie.radius_m / REFERENZ_M_S


@dataclass
class Profilwert:
    """The coverage of one quarter by one category for one profile."""

    profil: str
    anteil: float | None
    minuten_vom_mittelpunkt: float | None
    gruende: list = field(default_factory=list)
    veraltet: bool = False  # computed from other facilities, profiles or barriers: no value shown

    @property
    def prozent(self) -> float | None:
        return None if self.anteil is None else round(self.anteil * 100, 1)

    @property
    def ist_luecke(self) -> bool:
        return bool(self.gruende)


@dataclass
class Netzerreichbarkeit:
    """One category in a quarter: its walking time and the coverage per profile (by ``Profilart``)."""

    kategorie: InfrastrukturKategorie
    gehzeit_min: float
    profile: dict[str, Profilwert]


@dataclass
class Netzabdeckung:
    """The network coverage of one quarter: what ``netz_abdeckung`` returns."""

    quartier_id: int
    netz: Netzstand
    netzlaenge_m: float
    eintraege: list[Netzerreichbarkeit]
    veraltet: bool
    fehlend: bool

    @property
    def wartet_auf_berechnung(self) -> bool:
        """Some value is not shown because its field is stale or missing."""
        return self.veraltet or self.fehlend

    def luecken(self, profil: str = Profilart.FUSS) -> list[Netzerreichbarkeit]:
        """The categories that are a gap for ``profil``."""
        return [e for e in self.eintraege if e.profile[profil].ist_luecke]


def _sekunden(feld: Distanzfeld) -> np.ndarray:
    """The field's times, decoded once per process and computation."""
    with _SPERRE:
        gemerkt = _FELDER.get(feld.pk)
        if gemerkt and gemerkt[0] == feld.berechnet_am:
            return gemerkt[1]
    werte = np.frombuffer(bytes(Distanzfeld.objects.values_list("sekunden", flat=True).get(pk=feld.pk)), dtype="<f4")
    with _SPERRE:
        _FELDER[feld.pk] = (feld.berechnet_am, werte)
    return werte


def abgedeckte_anteile(
    *, a: np.ndarray, b: np.ndarray, zeiten: np.ndarray, laengen: np.ndarray, grenze: float
) -> np.ndarray:
    """Covered metres of each edge: from its ``von`` end the facility is ``a`` s away, from its
    ``nach`` end ``b`` s; ``zeiten`` (shape (2, k)) the edge's seconds forward (towards ``nach``) and
    back (towards ``von``). A point is covered through the end it walks to within ``grenze``."""
    hin, rueck = zeiten
    with np.errstate(invalid="ignore", divide="ignore"):
        ueber_a = np.where(np.isfinite(rueck), np.maximum(0, grenze - a) / np.maximum(rueck, 1e-9), 0.0)
        ueber_b = np.where(np.isfinite(hin), np.maximum(0, grenze - b) / np.maximum(hin, 1e-9), 0.0)
        anteil = np.minimum(1.0, np.nan_to_num(ueber_a) + np.nan_to_num(ueber_b))
    return anteil * laengen


def netz_abdeckung(
    *, quartier: Quartier, kategorien: list[InfrastrukturKategorie] | None = None
) -> Netzabdeckung | None:
    """The walking-network coverage of ``quartier`` per category and profile; None without a network.

    Reads only (about 8 queries, plus one per distance field not yet in this process's memory).
    ``veraltet``: some field was computed from other facilities, profiles or barriers than today's
    (its values are None and marked ``veraltet`` until the background job has run: nothing stale
    reads as current); ``fehlend``: some field was never computed (its values are None). A page
    that shows the result passes it to ``services.distanzfelder.distanzfelder_nachziehen``.
    """
    netz = aktuelles_netz()
    if netz is None:
        return None
    if kategorien is None:
        kategorien = list(InfrastrukturKategorie.objects.select_related("handlungsfeld"))
    profile = {p.art: p for p in Wegprofil.objects.all()}
    graph = netzgraph(netz)
    barrieren = barriere_kanten(netz)
    abdruecke = einrichtungen_abdruecke()
    felder = {
        (f.kategorie_id, f.profil_id): f
        for f in Distanzfeld.objects.filter(netz=netz)
        .defer("sekunden")
        .only("pk", "kategorie_id", "profil_id", "fingerabdruck", "berechnet_am")
    }
    kanten = np.array(
        Wegabschnitt.objects.filter(netz=netz, geometrie__intersects=quartier.grenze).values_list("pk", flat=True),
        dtype=np.int64,
    )
    kanten.sort()
    pos = graph.position(kanten)
    a_idx, b_idx, laengen = graph.von[pos], graph.nach[pos], graph.laenge[pos]
    netzlaenge = float(laengen.sum())
    mitte = punkte_metrisch([quartier.grenze.centroid])[0]
    mittel_knoten = int(graph.baum.query(mitte)[1]) if graph.anzahl_knoten else None
    veraltet = fehlend = False
    eintraege = []
    zeiten_je_profil = {art: kantenzeiten(graph, p, barrieren)[:, pos] for art, p in profile.items()}
    for kategorie in kategorien:
        grenze = gehzeit_s(kategorie)
        werte = {}
        for art, profil in profile.items():
            feld = felder.get((kategorie.pk, profil.pk))
            if feld is None:
                fehlend = True
                werte[art] = Profilwert(profil=art, anteil=None, minuten_vom_mittelpunkt=None)
                continue
            abdruck = fingerabdruck(
                netz=netz, profil=profil, einrichtungen=abdruecke.get(kategorie.pk), barrieren=barrieren
            )
            if abdruck != feld.fingerabdruck:
                veraltet = True
                werte[art] = Profilwert(profil=art, anteil=None, minuten_vom_mittelpunkt=None, veraltet=True)
                continue
            sekunden = _sekunden(feld)
            gedeckt = abgedeckte_anteile(
                a=sekunden[a_idx], b=sekunden[b_idx], zeiten=zeiten_je_profil[art], laengen=laengen, grenze=grenze
            )
            anteil = float(gedeckt.sum() / netzlaenge) if netzlaenge else 0.0
            mittel = float(sekunden[mittel_knoten]) if mittel_knoten is not None else np.inf
            wert = Profilwert(
                profil=art,
                anteil=anteil,
                minuten_vom_mittelpunkt=round(mittel / 60, 1) if np.isfinite(mittel) else None,
            )
            if not np.isfinite(mittel) or mittel > grenze:
                wert.gruende.append(_("keine Einrichtung in Gehzeit vom Mittelpunkt"))
            if anteil < LUECKE_MINDESTANTEIL:
                wert.gruende.append(_("weniger als die Hälfte des Wegenetzes in Gehzeit"))
            werte[art] = wert
        eintraege.append(Netzerreichbarkeit(kategorie=kategorie, gehzeit_min=round(grenze / 60, 1), profile=werte))
    return Netzabdeckung(
        quartier_id=quartier.pk,
        netz=netz,
        netzlaenge_m=netzlaenge,
        eintraege=eintraege,
        veraltet=veraltet,
        fehlend=fehlend,
    )


@dataclass
class Vergleichszeile:
    """One row of the comparison table: straight line, then the profiles in the order of ``Profilart``."""

    kategorie: InfrastrukturKategorie
    luftlinie_prozent: float
    luftlinie_luecke: bool
    gehzeit_min: float
    profile: list[tuple[str, Profilwert]]

    @property
    def luecken_text(self) -> str:
        namen = [str(Profilart(art).label) for art, wert in self.profile if wert.ist_luecke]
        if self.luftlinie_luecke:
            namen.insert(0, str(_("Luftlinie")))
        return ", ".join(namen)


@dataclass
class Vergleich:
    """Network coverage and straight-line coverage of one quarter side by side."""

    abdeckung: Netzabdeckung
    zeilen: list[Vergleichszeile]

    @property
    def profilnamen(self) -> list[str]:
        return [str(label) for _art, label in Profilart.choices]

    def luecken_je_profil(self) -> list[tuple[str, list[Vergleichszeile]]]:
        """(profile name, rows that are a gap for it) per profile."""
        return [
            (str(label), [z for z in self.zeilen if dict(z.profile)[art].ist_luecke])
            for art, label in Profilart.choices
        ]


def abdeckung_vergleich(*, quartier: Quartier) -> Vergleich | None:
    """The comparison "Luftlinie" vs "Fußweg" vs "mit Rollator" vs "mit Rollstuhl" per category; None
    without a network (then after 1 query). Reads only (``netz_abdeckung`` and one straight-line query
    on PostGIS)."""
    if aktuelles_netz() is None:
        return None
    kategorien = list(InfrastrukturKategorie.objects.select_related("handlungsfeld"))
    abdeckung = netz_abdeckung(quartier=quartier, kategorien=kategorien)
    luftlinie = erreichbarkeit_berechnen(quartiere=[quartier], kategorien=kategorien)[quartier.pk]
    zeilen = [
        Vergleichszeile(
            kategorie=eintrag.kategorie,
            luftlinie_prozent=luft.prozent,
            luftlinie_luecke=luft.ist_luecke,
            gehzeit_min=eintrag.gehzeit_min,
            profile=[(art, eintrag.profile[art]) for art in Profilart.values if art in eintrag.profile],
        )
        for luft, eintrag in zip(luftlinie, abdeckung.eintraege, strict=True)
    ]
    return Vergleich(abdeckung=abdeckung, zeilen=zeilen)
