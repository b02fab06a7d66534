"""Import of indicator values (Kennzahlen) from CSV files as statistics offices export them.

The file: ``;`` as separator, decimal comma and thousands dots (``12.345,6``), UTF-8 with or
without BOM or Windows-1252 (detected: strict UTF-8 first, else Windows-1252). Two layouts:

- long: one value per line, columns ``Gebiet;Indikator;Jahr;Wert`` (any order, any case);
- wide: the area code in the first column, then one column per indicator and year, named
  ``<indicator key>_<year>`` (e.g. ``ew_80plus_2020``); an empty cell means "no value".

All lines are checked first. Every problem is reported with the file, line and column; then
nothing at all is written. ``kennzahlen_pruefen`` here only reads (for the preview);
``services.kennzahlen.kennzahlen_importieren`` checks again and writes everything in one
transaction.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from dwk.text import DEUTSCHE_ZAHL, ImportFehler, csv_lesen, spaltenbuchstabe, text_lesen, zahl_lesen

from ..models import Ebene, Indikator, IndikatorArt, Kennzahl, Kommune, Stadtbezirk, StatistischerBezirk, Unterbezirk
from ..queries.analyse import GEBIET_FELD

TRENNZEICHEN = ";"
JAHR_MIN, JAHR_MAX = 1950, 2100
# Level → model of its areas and the field holding their code.
GEBIETE = {
    Ebene.UNTERBEZIRK: (Unterbezirk, "code"),
    Ebene.BEZIRK: (StatistischerBezirk, "code"),
    Ebene.STADTBEZIRK: (Stadtbezirk, "code"),
    Ebene.STADT: (Kommune, "gemeindeschluessel"),
}
# Accepted column titles of the long layout (compared in lower case, without spaces).
SPALTEN_LANG = {
    "gebiet": {"gebiet", "code", "gebietscode", "raum", "raumeinheit", "gebietsschluessel", "gebietsschlüssel"},
    "indikator": {"indikator", "merkmal", "schluessel", "schlüssel"},
    "jahr": {"jahr", "stichjahr"},
    "wert": {"wert", "anzahl", "value"},
}
SPALTENNAMEN = {"gebiet": "Gebiet", "indikator": "Indikator", "jahr": "Jahr", "wert": "Wert"}
# No count of persons or households in one area of a German city comes near this.
ANZAHL_MAX = 100_000_000
BREIT_SPALTE = re.compile(r"^(?P<schluessel>[\w-]+?)[ _](?P<jahr>\d{4})$")
BEISPIELE = 10


@dataclass
class Aenderung:
    zeile: int
    gebiet: str
    indikator: str
    jahr: int
    alt: float | None
    neu: float


@dataclass
class KennzahlenVorschau:
    """What an import would do (or did): counts and the first changed values."""

    datei: str
    kodierung: str
    layout: str  # "lang" or "breit"
    ebene: str
    anzahl_werte: int = 0
    neu: int = 0
    geaendert: int = 0
    unveraendert: int = 0
    beispiele: list[Aenderung] = field(default_factory=list)
    indikatoren: list[str] = field(default_factory=list)
    jahre: list[int] = field(default_factory=list)
    # (area pk, indicator pk, year) → value; the validated content
    werte: dict = field(default_factory=dict, repr=False)

    @property
    def layout_text(self) -> str:
        return _("Langformat (eine Zeile je Wert)") if self.layout == "lang" else _("Breitformat (Spalten je Jahr)")

    @property
    def ebene_text(self) -> str:
        return Ebene(self.ebene).label

    def zusammenfassung(self) -> str:
        return _(
            "Import aus „%(datei)s“ (%(ebene)s): %(neu)d neu, %(geaendert)d geändert, %(unveraendert)d unverändert."
        ) % {
            "datei": self.datei,
            "ebene": self.ebene_text,
            "neu": self.neu,
            "geaendert": self.geaendert,
            "unveraendert": self.unveraendert,
        }


class _Pruefung:
    """Collects the problems of one file; messages name file, line and column."""

    def __init__(self, dateiname: str, kopf: list[str]) -> None:
        self.dateiname = dateiname
        self.kopf = kopf
        self.fehler = []

    def spalte(self, index: int) -> str:
        name = self.kopf[index] if index < len(self.kopf) else ""
        return _("Spalte %(buchstabe)s „%(name)s“") % {"buchstabe": spaltenbuchstabe(index), "name": name}

    def melden(self, zeile: int, index: int | None, meldung: str) -> None:
        ort = _("„%(datei)s“, Zeile %(zeile)d") % {"datei": self.dateiname, "zeile": zeile}
        if index is not None:
            ort += ", " + self.spalte(index)
        self.fehler.append((zeile, len(self.fehler), f"{ort}: {meldung}"))

    @property
    def meldungen(self) -> list[str]:
        """The problems ordered by line, in the order found within a line."""
        return [meldung for _zeile, _nummer, meldung in sorted(self.fehler)]


def kennzahlen_pruefen(*, inhalt: bytes, dateiname: str, ebene: str) -> KennzahlenVorschau:
    """Read and check the file content ``inhalt`` (bytes) for areas of ``ebene``; write nothing.

    Returns a ``KennzahlenVorschau`` with what an import would create or change; raises
    ``ImportFehler`` with every problem found. 3 queries (areas, indicators, existing values).
    """
    if ebene not in GEBIETE:
        raise ImportFehler([_("Unbekannte Ebene „%(ebene)s“.") % {"ebene": ebene}])
    text, kodierung = text_lesen(inhalt, dateiname=dateiname)
    try:
        zeilen = csv_lesen(text, trenner=TRENNZEICHEN, dateiname=dateiname)
    except ImportFehler as fehler:
        raise ImportFehler(fehler.fehler, kodierung=kodierung) from None
    zeilen = [(nummer, zeile) for nummer, zeile in zeilen if any(zelle.strip() for zelle in zeile)]
    if not zeilen:
        leer = _("„%(datei)s“: Die Datei ist leer.") % {"datei": dateiname}
        raise ImportFehler([leer], kodierung=kodierung)
    kopf_nummer, kopf = zeilen[0]
    kopf = [zelle.strip() for zelle in kopf]
    pruefung = _Pruefung(dateiname, kopf)
    if len(kopf) == 1 and ("," in kopf[0] or "\t" in kopf[0]):
        pruefung.melden(
            kopf_nummer,
            None,
            _("Die Spalten sind nicht durch Semikolon („;“) getrennt. Bitte exportieren Sie die Datei mit „;“."),
        )
        raise ImportFehler(pruefung.meldungen, kodierung=kodierung)

    modell, code_feld = GEBIETE[ebene]
    gebiete = dict(modell.objects.values_list(code_feld, "pk"))
    indikatoren = {i.schluessel: i for i in Indikator.objects.all()}
    normiert = [k.lower().replace(" ", "") for k in kopf]
    if "indikator" in normiert or "jahr" in normiert:
        layout = "lang"
        roh = _lang_lesen(pruefung, kopf_nummer, normiert, zeilen[1:])
    else:
        layout = "breit"
        roh = _breit_lesen(pruefung, kopf_nummer, zeilen[1:], indikatoren)

    werte, zeilen_von, gesehen, gemeldet = {}, {}, {}, set()
    for nummer, gebiet_spalte, code, indikator_spalte, schluessel, _jahr_spalte, jahr, wert_spalte, wert in roh:
        gebiet_pk = gebiete.get(code)
        if gebiet_pk is None and nummer not in gemeldet:
            gemeldet.add(nummer)  # once per line, also in the wide layout
            pruefung.melden(
                nummer,
                gebiet_spalte,
                _("Unbekannter Gebietscode „%(code)s“ (%(ebene)s).") % {"code": code, "ebene": Ebene(ebene).label},
            )
        indikator = indikatoren.get(schluessel)
        if indikator is None:
            meldung = _("Unbekannter Indikator „%(schluessel)s“.") % {"schluessel": schluessel}
            pruefung.melden(nummer, indikator_spalte, meldung)
        elif wert is not None:
            if wert < 0:
                meldung = (
                    _("Eine Anzahl kann nicht negativ sein.")
                    if indikator.art == IndikatorArt.ANZAHL
                    else _("Ein Anteil kann nicht negativ sein.")
                )
                gelesen = _("Gelesen: %(wert)s") % {"wert": zahl_text_roh(wert)}
                pruefung.melden(nummer, wert_spalte, f"{meldung} {gelesen}")
            elif indikator.art == IndikatorArt.ANTEIL and wert > indikator.faktor:
                pruefung.melden(
                    nummer,
                    wert_spalte,
                    _("Ein Anteil kann nicht über %(faktor)d liegen (%(einheit)s). Gelesen: %(wert)s")
                    % {"faktor": indikator.faktor, "einheit": indikator.einheit, "wert": zahl_text_roh(wert)},
                )
            elif indikator.art == IndikatorArt.ANZAHL and not wert.is_integer():
                meldung = _("Eine Anzahl (%(einheit)s) ist eine ganze Zahl. Gelesen: %(wert)s")
                pruefung.melden(
                    nummer, wert_spalte, meldung % {"einheit": indikator.einheit, "wert": zahl_text_roh(wert)}
                )
            elif indikator.art == IndikatorArt.ANZAHL and wert > ANZAHL_MAX:
                meldung = _("Eine Anzahl über %(grenze)s ist für ein Gebiet nicht möglich. Gelesen: %(wert)s")
                pruefung.melden(nummer, wert_spalte, meldung % {"grenze": "100.000.000", "wert": zahl_text_roh(wert)})
        if gebiet_pk is None or indikator is None or jahr is None or wert is None:
            continue
        schluessel_wert = (gebiet_pk, indikator.pk, jahr)
        if schluessel_wert in gesehen:
            pruefung.melden(
                nummer,
                None,
                _(
                    "Der Wert für %(code)s, %(indikator)s, %(jahr)d steht doppelt in der Datei "
                    "(zuerst in Zeile %(erste)d)."
                )
                % {"code": code, "indikator": schluessel, "jahr": jahr, "erste": gesehen[schluessel_wert]},
            )
            continue
        gesehen[schluessel_wert] = nummer
        werte[schluessel_wert] = wert
        zeilen_von[schluessel_wert] = (nummer, code, schluessel)
    if not pruefung.fehler and not werte:
        pruefung.melden(kopf_nummer, None, _("Die Datei enthält keine Werte."))
    if pruefung.fehler:
        raise ImportFehler(pruefung.meldungen, kodierung=kodierung)

    vorschau = KennzahlenVorschau(datei=dateiname, kodierung=kodierung, layout=layout, ebene=ebene, werte=werte)
    vorhanden = vorhandene_werte(ebene, werte)
    for schluessel_wert, wert in werte.items():
        alt = vorhanden.get(schluessel_wert)
        if alt is None:
            vorschau.neu += 1
        elif alt[1] == wert:
            vorschau.unveraendert += 1
            continue
        else:
            vorschau.geaendert += 1
        if len(vorschau.beispiele) < BEISPIELE:
            nummer, code, schluessel = zeilen_von[schluessel_wert]
            vorschau.beispiele.append(
                Aenderung(nummer, code, schluessel, schluessel_wert[2], None if alt is None else alt[1], wert)
            )
    vorschau.anzahl_werte = len(werte)
    vorschau.beispiele.sort(key=lambda a: a.zeile)
    vorschau.indikatoren = sorted({s for (_n, _c, s) in zeilen_von.values()})
    vorschau.jahre = sorted({j for (_g, _i, j) in werte})
    return vorschau


def zahl_text_roh(wert: float) -> str:
    """A value as read, in German notation: ``-5``, ``120,5``, ``100.000.001``."""
    if wert.is_integer() and abs(wert) < 1e15:
        return f"{int(wert):,}".replace(",", ".")
    return f"{wert:g}".replace(".", ",")


def _lang_lesen(pruefung: _Pruefung, kopf_nummer: int, normiert: list[str], zeilen: Iterable) -> list[tuple]:
    """Yields ``(line, area col, code, indicator col, key, year col, year, value col, value)`` per line."""
    spalten = {}
    for rolle, namen in SPALTEN_LANG.items():
        treffer = [i for i, name in enumerate(normiert) if name in namen]
        if not treffer:
            pruefung.melden(
                kopf_nummer,
                None,
                _("Die Spalte „%(spalte)s“ fehlt. Erwartet werden die Spalten Gebiet; Indikator; Jahr; Wert.")
                % {"spalte": SPALTENNAMEN[rolle]},
            )
        else:
            spalten[rolle] = treffer[0]
    if len(spalten) < len(SPALTEN_LANG):
        return []
    ergebnis = []
    for nummer, zeile in zeilen:
        felder = {}
        for rolle, index in spalten.items():
            if index >= len(zeile) or not zeile[index].strip():
                pruefung.melden(nummer, index, _("Der Wert fehlt."))
            else:
                felder[rolle] = zeile[index].strip()
        jahr = _jahr(pruefung, nummer, spalten["jahr"], felder.get("jahr"))
        wert = None
        if "wert" in felder:
            wert = zahl_lesen(felder["wert"])
            if wert is None:
                _keine_zahl(pruefung, nummer, spalten["wert"], felder["wert"])
        if "gebiet" not in felder or "indikator" not in felder:
            continue
        ergebnis.append(
            (
                nummer,
                spalten["gebiet"],
                felder["gebiet"],
                spalten["indikator"],
                felder["indikator"],
                spalten["jahr"],
                jahr,
                spalten["wert"],
                wert,
            )
        )
    return ergebnis


def _breit_lesen(pruefung: _Pruefung, kopf_nummer: int, zeilen: Iterable, indikatoren: dict) -> list[tuple]:
    spalten = {}
    for index, titel in enumerate(pruefung.kopf[1:], start=1):
        treffer = BREIT_SPALTE.match(titel)
        if not titel:
            pruefung.melden(kopf_nummer, index, _("Die Spalte hat keinen Titel."))
        elif not treffer:
            pruefung.melden(
                kopf_nummer,
                index,
                _(
                    "Der Spaltentitel passt weder zum Langformat (Gebiet; Indikator; Jahr; Wert) noch zum "
                    "Breitformat (Indikator und Jahr, z. B. „ew_80plus_2020“)."
                ),
            )
        elif treffer["schluessel"] not in indikatoren:
            pruefung.melden(
                kopf_nummer, index, _("Unbekannter Indikator „%(schluessel)s“.") % {"schluessel": treffer["schluessel"]}
            )
        else:
            jahr = _jahr(pruefung, kopf_nummer, index, treffer["jahr"])
            if jahr is not None:
                spalten[index] = (treffer["schluessel"], jahr)
    if len(pruefung.kopf) < 2:
        pruefung.melden(kopf_nummer, None, _("Es fehlen die Spalten mit den Werten (je Indikator und Jahr)."))
    ergebnis = []
    for nummer, zeile in zeilen:
        code = zeile[0].strip() if zeile else ""
        if not code:
            pruefung.melden(nummer, 0, _("Der Gebietscode fehlt."))
            continue
        if len(zeile) < len(pruefung.kopf):
            pruefung.melden(
                nummer,
                len(zeile),
                _("Die Zeile hat nur %(ist)d von %(soll)d Spalten.") % {"ist": len(zeile), "soll": len(pruefung.kopf)},
            )
        for index, (schluessel, jahr) in spalten.items():
            zelle = zeile[index].strip() if index < len(zeile) else ""
            if not zelle:
                continue
            wert = zahl_lesen(zelle)
            if wert is None:
                _keine_zahl(pruefung, nummer, index, zelle)
            ergebnis.append((nummer, 0, code, index, schluessel, index, jahr, index, wert))
    return ergebnis


def _jahr(pruefung: _Pruefung, nummer: int, index: int, text: str | None) -> int | None:
    if text is None:
        return None
    if not text.isdigit() or not JAHR_MIN <= int(text) <= JAHR_MAX:
        pruefung.melden(
            nummer,
            index,
            _("„%(text)s“ ist kein Jahr zwischen %(von)d und %(bis)d.")
            % {"text": text, "von": JAHR_MIN, "bis": JAHR_MAX},
        )
        return None
    return int(text)


def _keine_zahl(pruefung: _Pruefung, nummer: int, index: int, text: str) -> None:
    kurz = text if len(text) <= 30 else text[:30] + "…"
    if DEUTSCHE_ZAHL.match(text.strip().replace("\u00a0", "").replace(" ", "")):
        meldung = _("„%(text)s“ ist zu groß, um eine Zahl eines Gebiets zu sein.") % {"text": kurz}
    else:
        meldung = _("„%(text)s“ ist keine Zahl. Erwartet wird z. B. 1.234 oder 12,5 (Dezimalkomma).") % {"text": kurz}
    pruefung.melden(nummer, index, meldung)


def vorhandene_werte(ebene: str, werte: dict) -> dict:
    """``{(area pk, indicator pk, year): (Kennzahl pk, value)}`` of the stored values the file touches."""
    if not werte:
        return {}
    feld = GEBIET_FELD[ebene]
    indikator_ids = {i for (_g, i, _j) in werte}
    jahre = {j for (_g, _i, j) in werte}
    gebiete = {g for (g, _i, _j) in werte}
    abfrage = Kennzahl.objects.filter(ebene=ebene, indikator_id__in=indikator_ids, jahr__in=jahre)
    if len(gebiete) < 500:
        abfrage = abfrage.filter(**{f"{feld}__in": gebiete})
    return {(g, i, j): (pk, w) for pk, g, i, j, w in abfrage.values_list("pk", feld, "indikator_id", "jahr", "wert")}
