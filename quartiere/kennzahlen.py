"""Import of indicator values (Kennzahlen) from CSV files as statistics offices export them.

The file: ``;`` as separator, decimal comma and thousands dots (``12.345,6``), UTF-8 with or
without BOM or Windows-1252 (detected: strict UTF-8 first, else Windows-1252). Two layouts:

- long: one value per line, columns ``Gebiet;Indikator;Jahr;Wert`` (any order, any case);
- wide: the area code in the first column, then one column per indicator and year, named
  ``<indicator key>_<year>`` (e.g. ``ew_80plus_2020``); an empty cell means "no value".

All lines are checked first. Every problem is reported with the file, line and column; then
nothing at all is written. ``kennzahlen_pruefen`` only reads (for the preview);
``kennzahlen_importieren`` checks again and writes everything in one transaction.
"""

import contextlib
import csv
import os
import re
import secrets
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .analyse import GEBIET_FELD
from .models import Ebene, Indikator, IndikatorArt, Kennzahl, Kommune, Stadtbezirk, StatistischerBezirk, Unterbezirk

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
ZAHL = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
BREIT_SPALTE = re.compile(r"^(?P<schluessel>[\w-]+?)[ _](?P<jahr>\d{4})$")
BEISPIELE = 10


class KennzahlenImportFehler(Exception):
    """The file cannot be imported; ``fehler`` lists every problem in German, for the user."""

    def __init__(self, fehler, *, kodierung=None):
        self.fehler = [str(meldung) for meldung in fehler]
        self.kodierung = kodierung
        super().__init__("\n".join(self.fehler))


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
    def layout_text(self):
        return _("Langformat (eine Zeile je Wert)") if self.layout == "lang" else _("Breitformat (Spalten je Jahr)")

    @property
    def ebene_text(self):
        return Ebene(self.ebene).label

    def zusammenfassung(self):
        return _(
            "Import aus „%(datei)s“ (%(ebene)s): %(neu)d neu, %(geaendert)d geändert, %(unveraendert)d unverändert."
        ) % {
            "datei": self.datei,
            "ebene": self.ebene_text,
            "neu": self.neu,
            "geaendert": self.geaendert,
            "unveraendert": self.unveraendert,
        }


def text_dekodieren(inhalt):
    """``(text, name of the encoding)``: UTF-8 with BOM, UTF-8, else Windows-1252; None if neither fits."""
    if inhalt.startswith(b"\xef\xbb\xbf"):
        try:
            return inhalt[3:].decode("utf-8"), "UTF-8 mit BOM"
        except UnicodeDecodeError:
            return None, None
    try:
        return inhalt.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return inhalt.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return None, None


def zahl_lesen(text):
    """A German number (``1.234,5``, ``-3``, ``12,75``) as float, or None if it is not one."""
    text = text.strip().replace("\u00a0", "").replace(" ", "")
    if not ZAHL.match(text):
        return None
    return float(text.replace(".", "").replace(",", "."))


def _spaltenbuchstabe(index):
    buchstaben = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        buchstaben = chr(65 + rest) + buchstaben
    return buchstaben


class _Pruefung:
    """Collects the problems of one file; messages name file, line and column."""

    def __init__(self, dateiname, kopf):
        self.dateiname = dateiname
        self.kopf = kopf
        self.fehler = []

    def spalte(self, index):
        name = self.kopf[index] if index < len(self.kopf) else ""
        return _("Spalte %(buchstabe)s „%(name)s“") % {"buchstabe": _spaltenbuchstabe(index), "name": name}

    def melden(self, zeile, index, meldung):
        ort = _("„%(datei)s“, Zeile %(zeile)d") % {"datei": self.dateiname, "zeile": zeile}
        if index is not None:
            ort += ", " + self.spalte(index)
        self.fehler.append((zeile, len(self.fehler), f"{ort}: {meldung}"))

    @property
    def meldungen(self):
        """The problems ordered by line, in the order found within a line."""
        return [meldung for _zeile, _nummer, meldung in sorted(self.fehler)]


def kennzahlen_pruefen(*, inhalt, dateiname, ebene):
    """Read and check the file content ``inhalt`` (bytes) for areas of ``ebene``; write nothing.

    Returns a ``KennzahlenVorschau`` with what an import would create or change; raises
    ``KennzahlenImportFehler`` with every problem found. 3 queries (areas, indicators, existing values).
    """
    if ebene not in GEBIETE:
        raise KennzahlenImportFehler([_("Unbekannte Ebene „%(ebene)s“.") % {"ebene": ebene}])
    text, kodierung = text_dekodieren(inhalt)
    if text is None:
        raise KennzahlenImportFehler(
            [
                _(
                    "„%(datei)s“: Die Zeichenkodierung ist weder UTF-8 noch Windows-1252. Bitte speichern Sie die "
                    "Datei als „CSV UTF-8“."
                )
                % {"datei": dateiname}
            ]
        )
    zeilen = [
        (nummer, zeile)
        for nummer, zeile in enumerate(csv.reader(text.splitlines(), delimiter=TRENNZEICHEN), start=1)
        if any(zelle.strip() for zelle in zeile)
    ]
    if not zeilen:
        leer = _("„%(datei)s“: Die Datei ist leer.") % {"datei": dateiname}
        raise KennzahlenImportFehler([leer], kodierung=kodierung)
    kopf_nummer, kopf = zeilen[0]
    kopf = [zelle.strip() for zelle in kopf]
    pruefung = _Pruefung(dateiname, kopf)
    if len(kopf) == 1 and ("," in kopf[0] or "\t" in kopf[0]):
        pruefung.melden(
            kopf_nummer,
            None,
            _("Die Spalten sind nicht durch Semikolon („;“) getrennt. Bitte exportieren Sie die Datei mit „;“."),
        )
        raise KennzahlenImportFehler(pruefung.meldungen, kodierung=kodierung)

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
        raise KennzahlenImportFehler(pruefung.meldungen, kodierung=kodierung)

    vorschau = KennzahlenVorschau(datei=dateiname, kodierung=kodierung, layout=layout, ebene=ebene, werte=werte)
    vorhanden = _vorhandene(ebene, werte)
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


def zahl_text_roh(wert):
    return f"{wert:g}".replace(".", ",")


def _lang_lesen(pruefung, kopf_nummer, normiert, zeilen):
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


def _breit_lesen(pruefung, kopf_nummer, zeilen, indikatoren):
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


def _jahr(pruefung, nummer, index, text):
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


def _keine_zahl(pruefung, nummer, index, text):
    pruefung.melden(
        nummer,
        index,
        _("„%(text)s“ ist keine Zahl. Erwartet wird z. B. 1.234 oder 12,5 (Dezimalkomma).") % {"text": text},
    )


def _vorhandene(ebene, werte):
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


@transaction.atomic
def kennzahlen_importieren(*, inhalt, dateiname, ebene):
    """Check the file content ``inhalt`` (see ``kennzahlen_pruefen``) and store its values.

    Side effects, all in one transaction and only for a file without a single problem
    (``KennzahlenImportFehler`` otherwise): new values are created; a stored value of the same
    area, indicator and year that differs is replaced (deleted and created anew); values the
    file does not mention are left alone. Bulk operations: the number of queries does not grow
    with the number of values.
    """
    vorschau = kennzahlen_pruefen(inhalt=inhalt, dateiname=dateiname, ebene=ebene)
    feld = GEBIET_FELD[ebene].removesuffix("_id")
    vorhanden = _vorhandene(ebene, vorschau.werte)
    ersetzen, neue = [], []
    for (gebiet_pk, indikator_pk, jahr), wert in vorschau.werte.items():
        alt = vorhanden.get((gebiet_pk, indikator_pk, jahr))
        if alt is not None:
            if alt[1] == wert:
                continue
            ersetzen.append(alt[0])
        kennzahl = Kennzahl(indikator_id=indikator_pk, jahr=jahr, ebene=ebene, wert=wert, **{f"{feld}_id": gebiet_pk})
        neue.append(kennzahl)
    if neue:
        # Every Kennzahl of one file has the same shape; validating one catches a wrong level.
        neue[0].full_clean(validate_unique=False, validate_constraints=False)
    for start in range(0, len(ersetzen), 5000):
        Kennzahl.objects.filter(pk__in=ersetzen[start : start + 5000]).delete()
    Kennzahl.objects.bulk_create(neue, batch_size=5000)
    return vorschau


def ergebnis_text(vorschau):
    return ngettext(
        "%(anzahl)d Wert geprüft.",
        "%(anzahl)d Werte geprüft.",
        vorschau.anzahl_werte,
    ) % {"anzahl": vorschau.anzahl_werte}


# --- An upload waiting for confirmation (between the preview and the import) ---------------------

UPLOAD_ORDNER = "importe"
UPLOAD_NAME = re.compile(r"^[0-9a-f]{32}$")


def _upload_pfad(kennung):
    if not UPLOAD_NAME.match(kennung or ""):
        raise ValueError("Ungültige Kennung eines Uploads.")
    return settings.MEDIA_ROOT / UPLOAD_ORDNER / f"{kennung}.csv"


# A preview that was neither confirmed nor cancelled within this time is abandoned.
UPLOAD_HOECHSTALTER_SEKUNDEN = 24 * 60 * 60


def alte_uploads_entfernen(*, jetzt=None):
    """Delete stored uploads older than ``UPLOAD_HOECHSTALTER_SEKUNDEN``; returns how many.

    Side effects: removes files from MEDIA_ROOT/importe.
    """
    ordner = settings.MEDIA_ROOT / UPLOAD_ORDNER
    grenze = (jetzt if jetzt is not None else time.time()) - UPLOAD_HOECHSTALTER_SEKUNDEN
    entfernt = 0
    for pfad in ordner.glob("*.csv") if ordner.is_dir() else ():
        with contextlib.suppress(FileNotFoundError):
            if UPLOAD_NAME.match(pfad.stem) and pfad.stat().st_mtime < grenze:
                pfad.unlink()
                entfernt += 1
    return entfernt


def upload_ablegen(*, inhalt):
    """Store the checked upload under MEDIA_ROOT/importe with a random name; returns that name.

    Side effects: removes abandoned uploads (see ``alte_uploads_entfernen``), creates the
    folder if needed and writes one file (mode 0600).
    """
    alte_uploads_entfernen()
    kennung = secrets.token_hex(16)
    pfad = _upload_pfad(kennung)
    pfad.parent.mkdir(parents=True, exist_ok=True)
    datei = os.open(pfad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(datei, "wb") as ziel:
        ziel.write(inhalt)
    return kennung


def upload_lesen(kennung):
    """The content of a stored upload, or None when it is gone."""
    try:
        return _upload_pfad(kennung).read_bytes()
    except (FileNotFoundError, ValueError):
        return None


def upload_loeschen(kennung):
    """Delete a stored upload (nothing happens when it is already gone)."""
    with contextlib.suppress(ValueError):
        _upload_pfad(kennung).unlink(missing_ok=True)
