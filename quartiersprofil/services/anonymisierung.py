"""Erasing a person (``Akteur``) everywhere: in every free-text column of every app, history
included, and the review of the mentions the erasure cannot decide on.

Rules:

- What is certainly the person — a full name (also „Nachname, Vorname“ and without a title), an
  e-mail, a telephone number (with or without spaces, also +49…), an address — is replaced by
  „[anonymisiert]“ at once, case-insensitively, in every text column found by introspection
  (``queries.anonymisierung.textspalten``).
- A surname alone („Frau Kemper“, „Herrn Kemper“, „Kemper“) may be someone else: such mentions
  are listed for Projektteam (``erwaehnungen_zur_pruefung``) and replaced one by one
  (``erwaehnung_ersetzen``). Until the review is closed the anonymised Akteur keeps only these
  surnames in its ``name`` (written without a history row), so that the list can be computed
  on the fly; nothing else of the person is kept.
- On PostgreSQL the database does the work: one ``UPDATE … SET col = regexp_replace(col, …, 'gi')
  WHERE col ~* …`` per table; elsewhere (SpatiaLite) Python does the same row by row.
"""

import logging
import re
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Akteur
from ..queries.anonymisierung import (
    ANONYMISIERT,
    TRENNER_NACHNAMEN,
    Textspalte,
    datensatzart,
    erwaehnungen_zur_pruefung,
    nachnamen,
    offene_nachnamen,
    suchmuster,
    textspalten_je_modell,
)
from .datenstand import profil_datenstand_erhoehen

logger = logging.getLogger(__name__)

PERSONENFELDER = ("name", "email", "telefon", "anschrift")


@dataclass(frozen=True)
class Anonymisierung:
    """What ``akteur_anonymisieren`` did."""

    akteur: Akteur
    verlaufseintraege: int  # history rows of the Akteur whose personal fields were blanked
    ersetzt: dict[str, int] = field(default_factory=dict)  # kind of record -> fields with a replacement
    offene_erwaehnungen: int = 0  # surname mentions awaiting review

    @property
    def felder(self) -> int:
        return sum(self.ersetzt.values())


def personenfelder_leeren(akteur: Akteur) -> None:
    """Blank name, e-mail, telephone and address of ``akteur`` (in memory)."""
    for feld in PERSONENFELDER:
        setattr(akteur, feld, "")


def _bekannte_angaben(akteur: Akteur) -> dict[str, set[str]]:
    """Every non-empty name, e-mail, telephone and address the person ever had (current and history)."""
    angaben = {feld: set() for feld in PERSONENFELDER}
    for zeile in [*akteur.history.values(*PERSONENFELDER), {f: getattr(akteur, f) for f in PERSONENFELDER}]:
        for feld, wert in zeile.items():
            if wert and wert.strip():
                angaben[feld].add(wert.strip())
    angaben["name"] |= set(offene_nachnamen(akteur))
    return angaben


def _bearbeitungsstand(modell: type[models.Model]) -> models.Field | None:
    """The ``updated_at`` (auto_now) field of ``modell``, if it has one: a changed row gets a new
    one, so that an edit form opened before the erasure is refused as stale and cannot write the
    name back (``dwk.forms.VeralteterStandMixin``)."""
    try:
        feld = modell._meta.get_field("updated_at")
    except FieldDoesNotExist:
        return None
    return feld if getattr(feld, "auto_now", False) else None


def _sql_ersetzen(
    modell: type[models.Model], spalten: list[Textspalte], muster: str, pk: object | None
) -> list[tuple[bool, ...]]:
    """One UPDATE of ``modell``'s table (text columns, not JSON); returns per changed row which
    columns matched."""
    q = connection.ops.quote_name
    tabelle, pk_spalte = q(modell._meta.db_table), q(modell._meta.pk.column)
    setzen, treffer = [], []
    for spalte in spalten:
        name = q(spalte.spalte)
        neu = f"regexp_replace(t.{name}, %(muster)s, %(ersatz)s, 'gi')"
        if spalte.feld.max_length:
            neu = f"left({neu}, {int(spalte.feld.max_length)})"
        setzen.append(f"{name} = {neu}")
        treffer.append(f"{name} ~* %(muster)s")
    if feld := _bearbeitungsstand(modell):
        setzen.append(f"{q(feld.column)} = %(jetzt)s")
    bedingung = " OR ".join(f"({t})" for t in treffer)
    if pk is not None:
        bedingung = f"({bedingung}) AND {pk_spalte} = %(pk)s"
    auswahl = ", ".join(f"coalesce({t}, false)" for t in treffer)
    sql = (
        f"UPDATE {tabelle} AS t SET {', '.join(setzen)} "  # noqa: S608 -- names from the model catalogue
        f"FROM (SELECT {pk_spalte} AS pk, {auswahl} FROM {tabelle} WHERE {bedingung}) AS alt(pk, "
        + ", ".join(f"t{i}" for i in range(len(spalten)))
        + f") WHERE t.{pk_spalte} = alt.pk RETURNING "
        + ", ".join(f"alt.t{i}" for i in range(len(spalten)))
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"muster": muster, "ersatz": ANONYMISIERT, "pk": pk, "jetzt": timezone.now()})
        return cursor.fetchall()


def _json_ersetzen(wert: object, regex: re.Pattern) -> object:
    """``wert`` (decoded JSON) with ``regex`` replaced in every string, keys included."""
    if isinstance(wert, str):
        return regex.sub(ANONYMISIERT, wert)
    if isinstance(wert, dict):
        return {_json_ersetzen(k, regex): _json_ersetzen(v, regex) for k, v in wert.items()}
    if isinstance(wert, list):
        return [_json_ersetzen(v, regex) for v in wert]
    return wert


def _python_ersetzen(
    modell: type[models.Model], spalten: list[Textspalte], muster: str, pk: object | None
) -> list[tuple[bool, ...]]:
    """The same as ``_sql_ersetzen``, row by row in Python: for SpatiaLite, and for JSON columns
    everywhere (their strings are searched decoded; in the JSON text a line break is „\\n“)."""
    regex = re.compile(muster, re.IGNORECASE)
    zeilen = modell._base_manager.all() if pk is None else modell._base_manager.filter(pk=pk)
    ergebnis = []
    for pk_wert, *werte in zeilen.values_list("pk", *(s.feld.name for s in spalten)):
        aenderungen, markiert = {}, []
        for spalte, wert in zip(spalten, werte, strict=True):
            if spalte.ist_json:
                neu = _json_ersetzen(wert, regex)
            else:
                neu = None if wert is None else regex.sub(ANONYMISIERT, wert)[: spalte.feld.max_length]
            markiert.append(neu != wert)
            if neu != wert:
                aenderungen[spalte.feld.name] = neu
        if aenderungen:
            if feld := _bearbeitungsstand(modell):
                aenderungen[feld.name] = timezone.now()
            modell._base_manager.filter(pk=pk_wert).update(**aenderungen)
            ergebnis.append(tuple(markiert))
    return ergebnis


def _ersetzen(*, muster: str, nur: tuple[str, str, object] | None = None) -> dict[str, int]:
    """Replace every match of ``muster`` (case-insensitive) by „[anonymisiert]“ in every text
    column, or only in the cell ``nur`` = (model label, field, pk). Writes no history rows.
    Returns the number of changed fields per kind of record."""
    gezaehlt: dict[str, int] = {}
    for modell, spalten in textspalten_je_modell().items():
        pk = None
        if nur is not None:
            spalten = [s for s in spalten if s.schluessel == nur[:2]]
            if not spalten:
                continue
            pk = modell._meta.pk.to_python(nur[2])
        in_sql = [s for s in spalten if connection.vendor == "postgresql" and not s.ist_json]
        in_python = [s for s in spalten if s not in in_sql]
        anzahl = 0
        for ersetzen, teil in ((_sql_ersetzen, in_sql), (_python_ersetzen, in_python)):
            if teil:
                anzahl += sum(sum(1 for t in zeile if t) for zeile in ersetzen(modell, teil, muster, pk))
        if anzahl:
            art = datensatzart(modell)
            gezaehlt[art] = gezaehlt.get(art, 0) + anzahl
    return gezaehlt


def _pruefung_setzen(akteur: Akteur, nachnamen_: list[str]) -> None:
    # A direct update: the surnames kept for the review never enter the history.
    akteur.name = TRENNER_NACHNAMEN.join(nachnamen_)
    Akteur.objects.filter(pk=akteur.pk).update(name=akteur.name)


@transaction.atomic
def akteur_anonymisieren(*, akteur: Akteur) -> Anonymisierung:
    """Erase the personal data of ``akteur`` everywhere, history included, and say what was done.

    Side effects:
    - the Akteur keeps organisation, role and the consent record (date, scope, text version,
      withdrawal); name, e-mail, telephone and address are blanked, ``ist_anonymisiert`` is set
      (one new history row, itself without personal data);
    - every history row of the Akteur has its name, e-mail, telephone and address blanked;
    - every full name, e-mail, telephone number or address the person ever had is replaced by
      „[anonymisiert]“, case-insensitively, in every text column of every app and of every
      history table (``textspalten()``), by direct updates that write no further history rows;
      a changed row with an ``updated_at`` gets a new one (an edit form opened before is stale);
    - if a surname alone is still mentioned somewhere, the surnames are kept in the Akteur's
      ``name`` (without a history row) until the review is closed (``erwaehnung_ersetzen``,
      ``akteur_pruefung_abschliessen``);
    - a log line (``loeschung_personendaten``) with the Akteur's id and the counts, no personal data.
    """
    profil_datenstand_erhoehen()
    akteur = Akteur.objects.select_for_update().get(pk=akteur.pk)
    angaben = _bekannte_angaben(akteur)
    muster = suchmuster(
        namen=angaben["name"], emails=angaben["email"], telefone=angaben["telefon"], anschriften=angaben["anschrift"]
    )
    personenfelder_leeren(akteur)
    akteur.einwilligung_einladungen = False
    akteur.ist_anonymisiert = True
    akteur.full_clean()
    akteur.save()
    verlauf = akteur.history.exclude(name="", email="", telefon="", anschrift="").update(
        **dict.fromkeys(PERSONENFELDER, "")
    )
    ersetzt = _ersetzen(muster=muster.sicher) if muster.sicher else {}
    offen = 0
    if nachnamen_ := nachnamen(angaben["name"]):
        _pruefung_setzen(akteur, nachnamen_)
        offen = len(erwaehnungen_zur_pruefung(akteur=akteur))
        if not offen:
            _pruefung_setzen(akteur, [])
    logger.info(
        "Personendaten gelöscht (anonymisiert).",
        extra={
            "ereignis": "loeschung_personendaten",
            "akteur_id": akteur.pk,
            "verlaufseintraege": verlauf,
            "ersetzt": sum(ersetzt.values()),
            "offene_erwaehnungen": offen,
        },
    )
    return Anonymisierung(akteur=akteur, verlaufseintraege=verlauf, ersetzt=ersetzt, offene_erwaehnungen=offen)


@transaction.atomic
def erwaehnung_ersetzen(*, akteur: Akteur, modell: str, feld: str, pk: str) -> bool:
    """Replace the surnames of the anonymised ``akteur`` by „[anonymisiert]“ in one cell (model
    label, field name, primary key as listed by ``erwaehnungen_zur_pruefung``); return whether
    mentions still await review.

    Side effects: one direct update of that cell (no history row); when no mention is left, the
    review is closed (``akteur_pruefung_abschliessen``). Refuses (``ValidationError``) a cell
    that mentions none of the surnames, or the Akteur's own name.
    """
    profil_datenstand_erhoehen()
    akteur = Akteur.objects.select_for_update().get(pk=akteur.pk)
    muster = suchmuster(namen=offene_nachnamen(akteur), emails=(), telefone=(), anschriften=()).unsicher
    try:
        eigener_name = (modell, feld, str(pk)) == ("quartiersprofil.akteur", "name", str(akteur.pk))
        ersetzt = muster is not None and not eigener_name and _ersetzen(muster=muster, nur=(modell, feld, pk))
    except (ValueError, TypeError) as fehler:
        raise ValidationError(_("Diese Stelle gibt es nicht."), code="keine_erwaehnung") from fehler
    if not ersetzt:
        raise ValidationError(_("Diese Stelle steht nicht (mehr) zur Prüfung an."), code="keine_erwaehnung")
    if erwaehnungen_zur_pruefung(akteur=akteur, hoechstens=1):
        return True
    akteur_pruefung_abschliessen(akteur=akteur)
    return False


@transaction.atomic
def akteur_pruefung_abschliessen(*, akteur: Akteur) -> Akteur:
    """Close the review of ``akteur``'s remaining surname mentions: they are kept as they are (they
    name someone else). Side effect: the surnames kept for the review are removed from the
    Akteur by a direct update (no history row); afterwards nothing of the person's name is left."""
    profil_datenstand_erhoehen()
    akteur = Akteur.objects.select_for_update().get(pk=akteur.pk)
    if akteur.ist_anonymisiert:
        _pruefung_setzen(akteur, [])
    return akteur
