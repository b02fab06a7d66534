"""The progress report to the programme (Sachstandsbericht), as the city's report of March 2017 is:
one slide per subject, collected from the apps' data.

Each slide (``Folie``) has a title and any of: bullet points, large figures, one table, the city
map. A table longer than ``ZEILEN_JE_FOLIE`` rows continues on further slides ("Fortsetzung"),
so every slide stays readable in large type. Persons are never named: the steering group appears
as its organisations, events as their quarters, mottos and moderating organisations, results and
measures as counts. Withheld statistics stay withheld (``sieht_fallzahlen=False`` throughout).

A fixed number of queries, however many organisations, decisions, quarters and events there are.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from buergerdialog.models import Ergebnis, VeranstaltungFormat, VeranstaltungStatus
from buergerdialog.queries.veranstaltungen import sichtbare_veranstaltungen
from dwk.zeit import heute
from lenkungsgruppe.models import (
    Beschluss,
    BeschlussArt,
    Meilenstein,
    MeilensteinStatus,
    Mitglied,
    Organisation,
    OrganisationArt,
    Sitzung,
    SitzungFormat,
)
from lenkungsgruppe.queries import EINWOHNER_SCHLUESSEL, einwohner_je_quartier, quartiervergleich
from quartiere.models import (
    Ebene,
    Handlungsfeld,
    Indikator,
    Kommune,
    Quartier,
    Stadtbezirk,
    StatistischerBezirk,
    Unterbezirk,
)
from quartiere.queries.analyse import kennzahl_tabelle
from quartiere.queries.geheimhaltung import wert_text, zahl_text
from quartiersprofil.models import MassnahmeHerkunft, Profilfassung, ProfilStatus

PROJEKTNAME = gettext_lazy("Demografiewerkstatt Kommunen – altersgerechte Quartiersentwicklung")
ZEILEN_JE_FOLIE = 7
_NICHT_DURCHGEFUEHRT = (VeranstaltungStatus.PLANUNG, VeranstaltungStatus.EINGELADEN)


@dataclass
class Tabelle:
    beschriftung: str
    kopf: list[str]
    zeilen: list[list[str]]  # the first cell of a row is its heading


@dataclass
class Folie:
    titel: str
    punkte: list[str] = field(default_factory=list)
    zahlen: list[tuple[str, str]] = field(default_factory=list)  # (figure, what it counts)
    tabelle: Tabelle | None = None
    karte: bool = False  # the city map (drawn by the renderer from ``Sachstand.stadtbezirke``)
    leer: str = ""  # what the slide says when there is nothing to show yet
    zeilen_je_folie: int = ZEILEN_JE_FOLIE  # fewer for tables of long texts
    nummer: int = 0


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


def _datum(wert: date | datetime | None) -> str:
    if wert is None:
        return "–"
    if isinstance(wert, datetime):
        wert = timezone.localtime(wert).date()
    return formats.date_format(wert, "d.m.Y")


def _aufteilen(folie: Folie) -> list[Folie]:
    """``folie``, and as many continuation slides as its table needs (at most ``zeilen_je_folie`` rows each)."""
    if folie.tabelle is None or len(folie.tabelle.zeilen) <= folie.zeilen_je_folie:
        return [folie]
    zeilen = folie.tabelle.zeilen
    # As few slides as the limit needs, the rows spread evenly (8 rows: 4 and 4, not 7 and 1).
    anzahl_folien = -(-len(zeilen) // folie.zeilen_je_folie)
    je_folie = -(-len(zeilen) // anzahl_folien)
    folien = []
    for start in range(0, len(zeilen), je_folie):
        tabelle = Tabelle(folie.tabelle.beschriftung, folie.tabelle.kopf, zeilen[start : start + je_folie])
        if start == 0:
            folien.append(Folie(titel=folie.titel, punkte=folie.punkte, zahlen=folie.zahlen, tabelle=tabelle))
        else:
            folien.append(Folie(titel=_("%(titel)s (Fortsetzung)") % {"titel": folie.titel}, tabelle=tabelle))
    return folien


def _beschluss_text(beschluss: Beschluss) -> str:
    return _("Beschluss Nr. %(nummer)s vom %(datum)s: %(titel)s") % {
        "nummer": beschluss.nummer,
        "datum": _datum(beschluss.sitzung.beginn),
        "titel": beschluss.titel,
    }


# --- The slides ------------------------------------------------------------------------------------


def _folie_ueberblick(*, tag: date, sitzungen: list[Sitzung], zahlen: dict) -> Folie:
    vergangen = [s for s in sitzungen if timezone.localtime(s.beginn).date() <= tag]
    formate = Counter(s.get_format_display() for s in vergangen if s.format != SitzungFormat.ARBEITSTREFFEN)
    punkte = []
    if vergangen:
        punkte.append(
            _("Die Lenkungsgruppe arbeitet seit %(datum)s; bisher %(anzahl)s Treffen.")
            % {"datum": _datum(vergangen[0].beginn), "anzahl": len(vergangen)}
        )
    punkte += [
        _("Davon im Format %(format)s: %(anzahl)s") % {"format": name, "anzahl": anzahl}
        for name, anzahl in sorted(formate.items())
    ]
    return Folie(
        titel=_("Bisherige Aktivitäten"),
        punkte=punkte,
        zahlen=[
            (str(zahlen["mitglieder"]), _("Mitglieder der Lenkungsgruppe")),
            (str(len(vergangen)), _("Treffen der Lenkungsgruppe")),
            (str(zahlen["beschluesse"]), _("Beschlüsse")),
            (str(zahlen["fachworkshops"]), _("Fachworkshops")),
            (str(zahlen["buergerdialoge"]), _("Bürgerdialoge")),
            (str(zahlen["profile"]), _("freigegebene Quartiersprofile")),
        ],
    )


def _folie_organisation(*, tag: date, organisationen: list[Organisation], anzahl_mitglieder: int) -> Folie:
    nach_art: dict[str, list[str]] = {}
    for organisation in organisationen:
        nach_art.setdefault(organisation.art, []).append(organisation.name)
    vertreten = sum(1 for o in organisationen if o.anzahl_mitglieder)
    return Folie(
        titel=_("Projektorganisation und Lenkungsgruppe"),
        punkte=[
            _(
                "Ressortübergreifende Lenkungsgruppe: %(mitglieder)s Mitglieder aus %(organisationen)s Organisationen "
                "(Stand %(datum)s)."
            )
            % {"mitglieder": anzahl_mitglieder, "organisationen": vertreten, "datum": _datum(tag)}
        ],
        tabelle=Tabelle(
            beschriftung=_("Beteiligte Organisationen nach Art"),
            kopf=[_("Art"), _("Organisationen")],
            zeilen=[
                [str(art.label), ", ".join(nach_art[art.value])] for art in OrganisationArt if art.value in nach_art
            ],
        ),
        leer=_("Es sind noch keine Organisationen erfasst."),
    )


def _folie_beschluesse(beschluesse: list[Beschluss]) -> Folie:
    nach_art: dict[str, list[Beschluss]] = {}
    for beschluss in beschluesse:
        nach_art.setdefault(beschluss.art, []).append(beschluss)
    return Folie(
        titel=_("Aufgaben und Beschlüsse der Lenkungsgruppe"),
        tabelle=Tabelle(
            beschriftung=_("Beschlüsse nach Aufgabe, mit dem jüngsten Beschluss"),
            kopf=[_("Aufgabe"), _("Beschlüsse"), _("zuletzt")],
            zeilen=[
                [str(art.label), str(len(nach_art[art.value])), _beschluss_text(nach_art[art.value][0])]
                for art in BeschlussArt
                if art.value in nach_art
            ],
        ),
        leer=_("Es sind noch keine Beschlüsse erfasst."),
    )


def _folie_handlungsfelder(handlungsfelder: list[Handlungsfeld], festlegung: Beschluss | None) -> Folie:
    return Folie(
        titel=_("Handlungsfelder"),
        punkte=[_("Festgelegt mit %(beschluss)s") % {"beschluss": _beschluss_text(festlegung)}] if festlegung else [],
        tabelle=Tabelle(
            beschriftung=_("Die Handlungsfelder mit Kennzahlen, Einrichtungsarten und Maßnahmen"),
            kopf=[_("Handlungsfeld"), _("vereinbarte Kennzahlen"), _("Einrichtungsarten"), _("Maßnahmen")],
            zeilen=[
                [h.name, str(h.anzahl_indikatoren), str(h.anzahl_kategorien), str(h.anzahl_massnahmen)]
                for h in handlungsfelder
            ],
        ),
        leer=_("Es sind noch keine Handlungsfelder erfasst."),
    )


def _folie_struktur(*, kommune: Kommune, zahlen: dict) -> Folie:
    indikator = Indikator.objects.filter(schluessel=EINWOHNER_SCHLUESSEL).first()
    werte = []
    if indikator is not None:
        tabelle = kennzahl_tabelle(indikatoren=[indikator])
        stadt = (Ebene.STADT, kommune.pk)
        jahre = [j for j in tabelle.jahre if tabelle.wert(indikator, jahr=j, gebiet=stadt).wert is not None]
        if jahre:
            wert = tabelle.wert(indikator, jahr=max(jahre), gebiet=stadt)
            werte.append(
                (
                    wert_text(indikator, wert, sieht_fallzahlen=False),
                    _("Einwohnerinnen und Einwohner (%(jahr)s)") % {"jahr": max(jahre)},
                )
            )
    return Folie(
        titel=_("Städtische Struktur"),
        zahlen=[
            *werte,
            (str(zahlen["stadtbezirke"]), _("Stadtbezirke")),
            (str(zahlen["bezirke"]), _("statistische Bezirke")),
            (str(zahlen["unterbezirke"]), _("statistische Unterbezirke")),
            (str(zahlen["quartiere"]), _("Quartiere erfasst")),
        ],
        karte=True,
    )


def _folie_referenzquartiere(referenzquartiere: list[Quartier], auswahl: Beschluss | None) -> Folie:
    return Folie(
        titel=_("Die Referenzquartiere"),
        punkte=[_("Ausgewählt mit %(beschluss)s") % {"beschluss": _beschluss_text(auswahl)}] if auswahl else [],
        tabelle=Tabelle(
            beschriftung=_("Referenzquartiere mit Stadtbezirk, Siedlungsepoche und Stand"),
            kopf=[_("Quartier"), _("Stadtbezirk"), _("Siedlungsepoche"), _("Stand")],
            zeilen=[
                [q.name, q.stadtbezirk.name, q.get_siedlungsepoche_display(), q.get_status_display()]
                for q in referenzquartiere
            ],
        ),
        leer=_("Es sind noch keine Referenzquartiere ausgewählt."),
    )


def _folie_auswahl(*, quartiere: list[Quartier], referenzquartiere: list[Quartier], auswahl: Beschluss | None) -> Folie:
    epochen = sorted({q.get_siedlungsepoche_display() for q in referenzquartiere})
    punkte = []
    if epochen:
        punkte.append(_("Auswahl nach städtebaulichen Epochen: %(epochen)s.") % {"epochen": ", ".join(epochen)})
    if auswahl is not None:
        zeilen = [
            [
                z["quartier"].name,
                z["quartier"].get_siedlungsepoche_display(),
                z["einwohner"] or "–",
                _("ausgewählt") if z["ausgewaehlt"] else _("nicht ausgewählt"),
            ]
            for z in quartiervergleich(auswahl, sieht_fallzahlen=False)
        ]
    else:
        einwohner = einwohner_je_quartier(quartiere)
        indikator = Indikator.objects.filter(schluessel=EINWOHNER_SCHLUESSEL).first()
        zeilen = [
            [
                q.name,
                q.get_siedlungsepoche_display(),
                wert_text(indikator, einwohner[q.pk][1], sieht_fallzahlen=False) if q.pk in einwohner else "–",
                _("ausgewählt") if q.ist_referenzquartier else _("nicht ausgewählt"),
            ]
            for q in quartiere
        ]
    return Folie(
        titel=_("Wie die Referenzquartiere ausgewählt wurden"),
        punkte=punkte,
        tabelle=Tabelle(
            beschriftung=_("Alle erfassten Quartiere im Vergleich"),
            kopf=[_("Quartier"), _("Siedlungsepoche"), _("Einwohner"), _("Auswahl")],
            zeilen=zeilen,
        ),
        leer=_("Es sind noch keine Quartiere erfasst."),
    )


def _folie_begruendung(referenzquartiere: list[Quartier]) -> Folie:
    return Folie(
        titel=_("Begründung der Auswahl"),
        tabelle=Tabelle(
            beschriftung=_("Warum jedes Referenzquartier ausgewählt wurde"),
            kopf=[_("Quartier"), _("Begründung")],
            zeilen=[[q.name, q.auswahlbegruendung] for q in referenzquartiere if q.auswahlbegruendung.strip()],
        ),
        leer=_("Für die Referenzquartiere ist noch keine Begründung erfasst."),
        zeilen_je_folie=2,
    )


def _teilnehmende(veranstaltung: object) -> str:
    anzahl = veranstaltung.teilnehmende_anzahl
    return "–" if anzahl is None else zahl_text(anzahl)


def _folie_fachworkshops(workshops: list) -> Folie:
    return Folie(
        titel=_("Fachworkshops"),
        tabelle=Tabelle(
            beschriftung=_("Fachworkshops mit Themengruppe, Datum, Teilnehmenden und Ergebnissen"),
            kopf=[_("Workshop"), _("Themengruppe"), _("Datum"), _("Teilnehmende"), _("Ergebnisse"), _("Stand")],
            zeilen=[
                [
                    v.titel,
                    v.themengruppe,
                    _datum(v.beginn),
                    _teilnehmende(v),
                    str(v.anzahl_ergebnisse),
                    v.get_status_display(),
                ]
                for v in workshops
            ],
        ),
        leer=_("Es sind noch keine Fachworkshops erfasst."),
    )


def _folie_profile(profile: list[Quartier]) -> Folie:
    def fassung(q: Quartier) -> str:
        if q.freigabe_nummer is None:
            return _("in Arbeit")
        return _("Fassung %(nummer)s vom %(datum)s") % {"nummer": q.freigabe_nummer, "datum": _datum(q.freigabe_am)}

    return Folie(
        titel=_("Quartiersprofile"),
        punkte=[
            _(
                "Grundlagen: kleinräumige Statistik, Quartiersbegehungen mit Fotos, Sichtung von Plänen und Berichten, "
                "Befragung der Seniorenbüros; jedes Profil endet mit Maßnahmevorschlägen je Handlungsfeld."
            )
        ],
        tabelle=Tabelle(
            beschriftung=_("Quartiersprofile der Referenzquartiere"),
            kopf=[_("Quartier"), _("freigegeben"), _("Begehungen"), _("Quellen"), _("Maßnahmen")],
            zeilen=[
                [q.name, fassung(q), str(q.anzahl_begehungen), str(q.anzahl_quellen), str(q.anzahl_massnahmen)]
                for q in profile
            ],
        ),
        leer=_("Es sind noch keine Referenzquartiere ausgewählt."),
    )


def _folie_buergerdialoge(dialoge: list) -> Folie:
    return Folie(
        titel=_("Bürgerdialoge"),
        tabelle=Tabelle(
            beschriftung=_("Bürgerdialoge mit Quartier, Datum, Motto, Moderation und Ergebnissen"),
            kopf=[_("Quartier"), _("Datum"), _("Motto"), _("Moderation"), _("Teilnehmende"), _("Ergebnisse")],
            zeilen=[
                [
                    ", ".join(q.name for q in v.quartiere.all()) or v.titel,
                    _datum(v.beginn),
                    v.motto.text if v.motto else "–",
                    ", ".join(o.kurzname for o in v.moderation.all()) or "–",
                    _teilnehmende(v),
                    str(v.anzahl_ergebnisse),
                ]
                for v in dialoge
            ],
        ),
        leer=_("Es sind noch keine Bürgerdialoge geplant."),
    )


def _folie_ergebnisse(handlungsfelder: list[Handlungsfeld], anzahl_dialoge: int) -> Folie:
    je_feld = {
        z["handlungsfeld_id"]: z
        for z in Ergebnis.objects.filter(veranstaltung__format=VeranstaltungFormat.BUERGERWERKSTATT)
        .values("handlungsfeld_id")
        .annotate(anzahl=Count("pk"), punkte=Sum("punkte"))
        .order_by()
    }
    zeilen = [
        [h.name, str(feld["anzahl"]), str(feld["punkte"] or 0), str(h.anzahl_aus_dialog)]
        for h in handlungsfelder
        for feld in [je_feld.get(h.pk, {"anzahl": 0, "punkte": 0})]
        if h.pk in je_feld or h.anzahl_aus_dialog
    ]
    if None in je_feld:
        zeilen.append([_("ohne Handlungsfeld"), str(je_feld[None]["anzahl"]), str(je_feld[None]["punkte"] or 0), "–"])
    return Folie(
        titel=_("Ergebnisse der Bürgerdialoge"),
        punkte=[
            ngettext(
                "Ergebnisse aus %(anzahl)s Bürgerdialog, nach Handlungsfeld; Klebepunkte der Teilnehmenden.",
                "Ergebnisse aus %(anzahl)s Bürgerdialogen, nach Handlungsfeld; Klebepunkte der Teilnehmenden.",
                anzahl_dialoge,
            )
            % {"anzahl": anzahl_dialoge}
        ],
        tabelle=Tabelle(
            beschriftung=_("Ergebnisse der Bürgerdialoge je Handlungsfeld"),
            kopf=[_("Handlungsfeld"), _("Ergebnisse"), _("Klebepunkte"), _("daraus Maßnahmen")],
            zeilen=zeilen,
        ),
        leer=_("Aus den Bürgerdialogen sind noch keine Ergebnisse erfasst."),
    )


def _folie_erreicht(meilensteine: list[Meilenstein]) -> Folie:
    erreicht = sorted(
        (m for m in meilensteine if m.status == MeilensteinStatus.ERREICHT),
        key=lambda m: (m.erreicht_am or m.geplant_am, m.titel),
    )
    return Folie(
        titel=_("Zeitleiste: Erreicht"),
        tabelle=Tabelle(
            beschriftung=_("Erreichte Meilensteine, ältester zuerst"),
            kopf=[_("Meilenstein"), _("erreicht am"), _("geplant für")],
            zeilen=[[m.titel, _datum(m.erreicht_am), _datum(m.geplant_am)] for m in erreicht],
        ),
        leer=_("Es ist noch kein Meilenstein erreicht."),
    )


def _folie_naechstes(*, meilensteine: list[Meilenstein], kommende: list, naechste_sitzung: Sitzung | None) -> Folie:
    vorhaben = [
        (m.geplant_am, m.titel, m.get_status_display()) for m in meilensteine if m.status != MeilensteinStatus.ERREICHT
    ]
    vorhaben += [
        (timezone.localtime(v.beginn).date(), f"{v.get_format_display()}: {v.titel}", v.get_status_display())
        for v in kommende
    ]
    zeilen = [[titel, _datum(tag), stand] for tag, titel, stand in sorted(vorhaben)]
    punkte = []
    if naechste_sitzung is not None:
        punkte.append(_("Nächstes Treffen der Lenkungsgruppe: %(datum)s") % {"datum": _datum(naechste_sitzung.beginn)})
    return Folie(
        titel=_("Zeitleiste: Als Nächstes"),
        punkte=punkte,
        tabelle=Tabelle(
            beschriftung=_("Geplante Meilensteine und Veranstaltungen, nach Datum"),
            kopf=[_("Vorhaben"), _("geplant für"), _("Stand")],
            zeilen=zeilen,
        ),
        leer=_("Es ist noch nichts Weiteres geplant."),
    )


# --- Collecting -------------------------------------------------------------------------------------


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
        "fachworkshops": sum(1 for v in workshops if v.status not in _NICHT_DURCHGEFUEHRT),
        "buergerdialoge": sum(1 for v in dialoge if v.status not in _NICHT_DURCHGEFUEHRT),
        "profile": sum(1 for q in profile if q.freigabe_nummer is not None),
        "stadtbezirke": len(stadtbezirke),
        "bezirke": StatistischerBezirk.objects.filter(stadtbezirk__kommune=kommune).count(),
        "unterbezirke": Unterbezirk.objects.filter(bezirk__stadtbezirk__kommune=kommune).count(),
        "quartiere": len(quartiere),
    }
    folien = [
        _folie_ueberblick(tag=tag, sitzungen=sitzungen, zahlen=zahlen),
        _folie_organisation(tag=tag, organisationen=organisationen, anzahl_mitglieder=anzahl_mitglieder),
        _folie_beschluesse(beschluesse),
        _folie_handlungsfelder(handlungsfelder, festlegung),
        _folie_struktur(kommune=kommune, zahlen=zahlen),
        _folie_referenzquartiere(referenzquartiere, auswahl),
        _folie_auswahl(quartiere=quartiere, referenzquartiere=referenzquartiere, auswahl=auswahl),
        _folie_begruendung(referenzquartiere),
        _folie_fachworkshops(workshops),
        _folie_profile(profile),
        _folie_buergerdialoge(dialoge),
        _folie_ergebnisse(handlungsfelder, len(dialoge)),
        _folie_erreicht(meilensteine),
        _folie_naechstes(
            meilensteine=meilensteine,
            kommende=kommende,
            naechste_sitzung=next((s for s in sitzungen if timezone.localtime(s.beginn).date() >= tag), None),
        ),
    ]
    folien = [teil for folie in folien for teil in _aufteilen(folie)]
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
