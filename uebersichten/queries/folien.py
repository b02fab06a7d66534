"""The slides of the progress report (``sachstand.py`` collects the data and calls them): the
``Folie`` and ``Tabelle`` shapes, one builder per subject, and the split of a long table into
continuation slides. Persons are never named; withheld statistics stay withheld.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from buergerdialog.models import Ergebnis, VeranstaltungFormat, VeranstaltungStatus
from lenkungsgruppe.models import (
    Beschluss,
    BeschlussArt,
    Meilenstein,
    MeilensteinStatus,
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
)
from quartiere.queries.analyse import kennzahl_tabelle
from quartiere.queries.geheimhaltung import wert_text, zahl_text

ZEILEN_JE_FOLIE = 7
NICHT_DURCHGEFUEHRT = (VeranstaltungStatus.PLANUNG, VeranstaltungStatus.EINGELADEN)


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


def datum_text(wert: date | datetime | None) -> str:
    if wert is None:
        return "–"
    if isinstance(wert, datetime):
        wert = timezone.localtime(wert).date()
    return formats.date_format(wert, "d.m.Y")


def aufteilen(folie: Folie) -> list[Folie]:
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


def beschluss_text(beschluss: Beschluss) -> str:
    return _("Beschluss Nr. %(nummer)s vom %(datum)s: %(titel)s") % {
        "nummer": beschluss.nummer,
        "datum": datum_text(beschluss.sitzung.beginn),
        "titel": beschluss.titel,
    }


# --- The slides ------------------------------------------------------------------------------------


def folie_uebersicht(*, tag: date, sitzungen: list[Sitzung], zahlen: dict) -> Folie:
    vergangen = [s for s in sitzungen if timezone.localtime(s.beginn).date() <= tag]
    formate = Counter(s.get_format_display() for s in vergangen if s.format != SitzungFormat.ARBEITSTREFFEN)
    punkte = []
    if vergangen:
        punkte.append(
            _("Die Lenkungsgruppe arbeitet seit %(datum)s; bisher %(anzahl)s Treffen.")
            % {"datum": datum_text(vergangen[0].beginn), "anzahl": len(vergangen)}
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


def folie_organisation(*, tag: date, organisationen: list[Organisation], anzahl_mitglieder: int) -> Folie:
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
            % {"mitglieder": anzahl_mitglieder, "organisationen": vertreten, "datum": datum_text(tag)}
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


def folie_beschluesse(beschluesse: list[Beschluss]) -> Folie:
    nach_art: dict[str, list[Beschluss]] = {}
    for beschluss in beschluesse:
        nach_art.setdefault(beschluss.art, []).append(beschluss)
    return Folie(
        titel=_("Aufgaben und Beschlüsse der Lenkungsgruppe"),
        tabelle=Tabelle(
            beschriftung=_("Beschlüsse nach Aufgabe, mit dem jüngsten Beschluss"),
            kopf=[_("Aufgabe"), _("Beschlüsse"), _("zuletzt")],
            zeilen=[
                [str(art.label), str(len(nach_art[art.value])), beschluss_text(nach_art[art.value][0])]
                for art in BeschlussArt
                if art.value in nach_art
            ],
        ),
        leer=_("Es sind noch keine Beschlüsse erfasst."),
    )


def folie_handlungsfelder(handlungsfelder: list[Handlungsfeld], festlegung: Beschluss | None) -> Folie:
    return Folie(
        titel=_("Handlungsfelder"),
        punkte=[_("Festgelegt mit %(beschluss)s") % {"beschluss": beschluss_text(festlegung)}] if festlegung else [],
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


def folie_struktur(*, kommune: Kommune, zahlen: dict) -> Folie:
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


def folie_referenzquartiere(referenzquartiere: list[Quartier], auswahl: Beschluss | None) -> Folie:
    return Folie(
        titel=_("Die Referenzquartiere"),
        punkte=[_("Ausgewählt mit %(beschluss)s") % {"beschluss": beschluss_text(auswahl)}] if auswahl else [],
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


def folie_auswahl(*, quartiere: list[Quartier], referenzquartiere: list[Quartier], auswahl: Beschluss | None) -> Folie:
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


def folie_begruendung(referenzquartiere: list[Quartier]) -> Folie:
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


def teilnehmende(veranstaltung: object) -> str:
    anzahl = veranstaltung.teilnehmende_anzahl
    return "–" if anzahl is None else zahl_text(anzahl)


def folie_fachworkshops(workshops: list) -> Folie:
    return Folie(
        titel=_("Fachworkshops"),
        tabelle=Tabelle(
            beschriftung=_("Fachworkshops mit Themengruppe, Datum, Teilnehmenden und Ergebnissen"),
            kopf=[_("Workshop"), _("Themengruppe"), _("Datum"), _("Teilnehmende"), _("Ergebnisse"), _("Stand")],
            zeilen=[
                [
                    v.titel,
                    v.themengruppe,
                    datum_text(v.beginn),
                    teilnehmende(v),
                    str(v.anzahl_ergebnisse),
                    v.get_status_display(),
                ]
                for v in workshops
            ],
        ),
        leer=_("Es sind noch keine Fachworkshops erfasst."),
    )


def folie_profile(profile: list[Quartier]) -> Folie:
    def fassung(q: Quartier) -> str:
        if q.freigabe_nummer is None:
            return _("in Arbeit")
        return _("Fassung %(nummer)s vom %(datum)s") % {"nummer": q.freigabe_nummer, "datum": datum_text(q.freigabe_am)}

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


def folie_buergerdialoge(dialoge: list) -> Folie:
    return Folie(
        titel=_("Bürgerdialoge"),
        tabelle=Tabelle(
            beschriftung=_("Bürgerdialoge mit Quartier, Datum, Motto, Moderation und Ergebnissen"),
            kopf=[_("Quartier"), _("Datum"), _("Motto"), _("Moderation"), _("Teilnehmende"), _("Ergebnisse")],
            zeilen=[
                [
                    ", ".join(q.name for q in v.quartiere.all()) or v.titel,
                    datum_text(v.beginn),
                    v.motto.text if v.motto else "–",
                    ", ".join(o.kurzname for o in v.moderation.all()) or "–",
                    teilnehmende(v),
                    str(v.anzahl_ergebnisse),
                ]
                for v in dialoge
            ],
        ),
        leer=_("Es sind noch keine Bürgerdialoge geplant."),
    )


def folie_ergebnisse(handlungsfelder: list[Handlungsfeld], anzahl_dialoge: int) -> Folie:
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


def folie_erreicht(meilensteine: list[Meilenstein]) -> Folie:
    erreicht = sorted(
        (m for m in meilensteine if m.status == MeilensteinStatus.ERREICHT),
        key=lambda m: (m.erreicht_am or m.geplant_am, m.titel),
    )
    return Folie(
        titel=_("Zeitleiste: Erreicht"),
        tabelle=Tabelle(
            beschriftung=_("Erreichte Meilensteine, ältester zuerst"),
            kopf=[_("Meilenstein"), _("erreicht am"), _("geplant für")],
            zeilen=[[m.titel, datum_text(m.erreicht_am), datum_text(m.geplant_am)] for m in erreicht],
        ),
        leer=_("Es ist noch kein Meilenstein erreicht."),
    )


def folie_naechstes(*, meilensteine: list[Meilenstein], kommende: list, naechste_sitzung: Sitzung | None) -> Folie:
    vorhaben = [
        (m.geplant_am, m.titel, m.get_status_display()) for m in meilensteine if m.status != MeilensteinStatus.ERREICHT
    ]
    vorhaben += [
        (timezone.localtime(v.beginn).date(), f"{v.get_format_display()}: {v.titel}", v.get_status_display())
        for v in kommende
    ]
    zeilen = [[titel, datum_text(tag), stand] for tag, titel, stand in sorted(vorhaben)]
    punkte = []
    if naechste_sitzung is not None:
        punkte.append(
            _("Nächstes Treffen der Lenkungsgruppe: %(datum)s") % {"datum": datum_text(naechste_sitzung.beginn)}
        )
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
