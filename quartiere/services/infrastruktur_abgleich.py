"""The second half of the infrastructure import: match the rows read from a file to facilities, check, write.

Reading the file (CSV or GeoJSON) is in ``infrastruktur_import``, whose docstring states the
upsert rule and the checks.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from dwk.text import ImportFehler
from dwk.zeit import heute

from ..models import Barrierefreiheit, Infrastruktur, InfrastrukturKategorie, Infrastrukturquelle
from .datenstand import datenstand_erhoehen

DATUMSFORMATE = ["%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"]
# Columns whose value is one of a model field's choices: column, choices, default when empty, message.
AUSWAHLSPALTEN = [
    (
        "barrierefreiheit",
        Barrierefreiheit,
        Barrierefreiheit.UNBEKANNT,
        gettext_lazy("„%(wert)s“ ist keine gültige Angabe; möglich: %(werte)s."),
    ),
    (
        "quelle",
        Infrastrukturquelle,
        Infrastrukturquelle.IMPORT,
        gettext_lazy("„%(wert)s“ ist keine gültige Quelle; möglich: %(werte)s."),
    ),
]
GLEICH = 1e-9


@dataclass
class ImportZeile:
    ort: str  # „datei“, Zeile 3  /  „datei“, Merkmal 3
    werte: dict  # column → text
    punkt: Point | None = None  # EPSG:4326, or None when the coordinates had an error
    fehler: list = field(default_factory=list)  # the problems found while reading this row


def einrichtungen_abgleichen(
    *, zeilen: list[ImportZeile], fehler: list[str], ergebnis: object, benutzer: AbstractBaseUser | None
) -> object:
    """Check every row read from a file and create or update the facilities; see ``infrastruktur_import``.

    ``fehler`` holds the problems found while reading; ``ergebnis`` (an
    ``InfrastrukturImportErgebnis``) is filled in and returned. Raises ``ImportFehler`` with
    every problem found; then nothing is written.

    Side effects: creates facilities for rows without ``id`` and saves those named by
    ``id`` that differ; history entries are written with ``benutzer`` as the author.
    """
    kategorien = {}
    for kategorie in InfrastrukturKategorie.objects.all():
        kategorien[kategorie.slug.lower()] = kategorie
        kategorien[kategorie.name.lower()] = kategorie
    ids = [_ganzzahl(z.werte.get("id", "")) for z in zeilen]
    bestehende = Infrastruktur.objects.in_bulk([i for i in ids if i])
    schon_da = {
        (e.kategorie_id, e.name.strip().lower(), e.adresse.strip().lower()): e.pk
        for e in Infrastruktur.objects.only("pk", "kategorie_id", "name", "adresse")
    }
    stand_heute = heute()
    gesehen, neue, geaenderte = {}, [], []
    for zeile in zeilen:
        w, ort = zeile.werte, zeile.ort
        zeilenfehler = list(zeile.fehler)
        einrichtung = None
        if w.get("id"):
            nummer = _ganzzahl(w["id"])
            if nummer is None:
                meldung = _("„%(wert)s“ ist keine ganze Zahl.") % {"wert": w["id"]}
                zeilenfehler.append(spalte_meldung(ort, "id", meldung))
            elif nummer in gesehen:
                meldung = _("Die Nummer %(id)d kommt mehrfach vor (zuerst %(ort)s).") % {
                    "id": nummer,
                    "ort": gesehen[nummer],
                }
                zeilenfehler.append(spalte_meldung(ort, "id", meldung))
            elif nummer not in bestehende:
                meldung = _(
                    "Eine Einrichtung mit der Nummer %(id)d gibt es nicht. Lassen Sie die Spalte leer, "
                    "um eine neue Einrichtung anzulegen."
                ) % {"id": nummer}
                zeilenfehler.append(spalte_meldung(ort, "id", meldung))
            else:
                gesehen[nummer] = ort
                einrichtung = bestehende[nummer]
        kategorie = kategorien.get(w.get("kategorie", "").lower())
        if kategorie is None:
            meldung = (
                _("Unbekannte Kategorie „%(wert)s“. Möglich sind die Kürzel oder Namen der Kategorien, z. B. %(bsp)s.")
                if w.get("kategorie")
                else _("Die Kategorie fehlt. Möglich sind die Kürzel oder Namen der Kategorien, z. B. %(bsp)s.")
            ) % {"wert": w.get("kategorie", ""), "bsp": "apotheke, haltestelle, Seniorenbüro"}
            zeilenfehler.append(spalte_meldung(ort, "kategorie", meldung))
        auswahl = {}
        for spalte, choices, standard, text in AUSWAHLSPALTEN:
            auswahl[spalte] = _auswahl(w.get(spalte, ""), choices, standard)
            if auswahl[spalte] is None:
                meldung = text % {"wert": w[spalte], "werte": ", ".join(choices.values)}
                zeilenfehler.append(spalte_meldung(ort, spalte, meldung))
        stand = _datum(w.get("stand", "")) if w.get("stand") else stand_heute
        if stand is None:
            meldung = _("„%(wert)s“ ist kein Datum; erwartet wird z. B. 31.12.2016 oder 2016-12-31.") % {
                "wert": w["stand"]
            }
            zeilenfehler.append(spalte_meldung(ort, "stand", meldung))
        if zeilenfehler or zeile.punkt is None:
            fehler += zeilenfehler
            continue
        neu = einrichtung is None
        if neu:
            einrichtung = Infrastruktur()
        werte = {
            "kategorie": kategorie,
            "name": w.get("name", ""),
            "adresse": w.get("adresse", ""),
            "barrierefreiheit": auswahl["barrierefreiheit"],
            "oeffnungshinweise": w.get("oeffnungshinweise", ""),
            "quelle": auswahl["quelle"],
            "quelle_hinweis": w.get("quelle_hinweis") or _("Import aus „%(datei)s“") % {"datei": ergebnis.datei},
            "stand": stand,
        }
        if not neu:
            # An update changes only what the file has columns for; an empty cell empties the field.
            werte = {feld: wert for feld, wert in werte.items() if feld in w}
            if "quelle_hinweis" in w:
                werte["quelle_hinweis"] = w["quelle_hinweis"]
        if not neu and _unveraendert(einrichtung, werte, zeile.punkt):
            ergebnis.unveraendert += 1
            continue
        for feld, wert in werte.items():
            setattr(einrichtung, feld, wert)
        einrichtung.punkt = zeile.punkt
        try:
            # The category is one of those just read; checking it again would cost a query per row.
            einrichtung.full_clean(exclude=["kategorie"], validate_unique=False)
        except ValidationError as fehler_validierung:
            for feld, meldungen in fehler_validierung.message_dict.items():
                fehler += [spalte_meldung(ort, feld, m) for m in meldungen]
            continue
        if neu:
            doppelt = schon_da.get((kategorie.pk, werte["name"].lower(), werte["adresse"].lower()))
            if doppelt:
                ergebnis.warnungen.append(
                    _(
                        "%(ort)s: „%(name)s“ gibt es schon (Nr. %(id)d) und wurde trotzdem neu angelegt. Zum "
                        "Aktualisieren geben Sie die Nummer in der Spalte „id“ an."
                    )
                    % {"ort": ort, "name": werte["name"], "id": doppelt}
                )
            neue.append(einrichtung)
        else:
            geaenderte.append(einrichtung)
    if fehler:
        raise ImportFehler(fehler)
    bulk_create_with_history(neue, Infrastruktur, default_user=benutzer)
    datenstand_erhoehen()
    for einrichtung in geaenderte:
        einrichtung._history_user = benutzer
        einrichtung.save()
    ergebnis.angelegt, ergebnis.aktualisiert = len(neue), len(geaenderte)
    return ergebnis


def _unveraendert(einrichtung: Infrastruktur, werte: dict, punkt: Point) -> bool:
    return einrichtung.punkt.equals_exact(punkt, GLEICH) and all(
        getattr(einrichtung, feld) == wert for feld, wert in werte.items()
    )


def _ganzzahl(text: str) -> int | None:
    text = str(text).strip()
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdigit() else None


def _datum(text: str) -> datetime.date | None:
    for format in DATUMSFORMATE:
        try:
            return datetime.datetime.strptime(text.strip(), format).date()
        except ValueError:
            continue
    return None


def _auswahl(text: str, choices: type[models.TextChoices], standard: str) -> str | None:
    """The value of ``choices`` named by ``text`` (its value or label, any case); ``standard`` if empty; else None."""
    text = text.strip().lower()
    if not text:
        return standard
    for wert, bezeichnung in choices.choices:
        if text in {wert.lower(), str(bezeichnung).lower()}:
            return wert
    return None


def spalte_meldung(ort: str, spalte: str, meldung: str) -> str:
    """``„datei“, Zeile 3, Spalte „lat“: meldung``."""
    return _("%(ort)s, Spalte „%(spalte)s“: ") % {"ort": ort, "spalte": spalte} + str(meldung)
