"""Reads for erasing a person: every free-text column of the project, the search patterns for a
person's name, e-mail, telephone and address, and the mentions that await review.

Every column is found by introspection (``django.apps``), so a model added later — in any app,
history tables included — is searched without anyone remembering. The patterns are written in
the regular-expression dialect that Python's ``re`` and PostgreSQL's ``~*`` / ``regexp_replace``
share (escaped literals, ``\\s``, ``\\w``, ``\\d``, bracket classes, look-around), so the database does the
work on PostgreSQL and Python the same work on SpatiaLite.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models

from ..models import Akteur

ANONYMISIERT = "[anonymisiert]"

#: Models without free text a person could be named in, or whose text must not change:
#: Django's catalogue of models and permissions, and sessions (encoded, they expire by themselves).
NICHT_DURCHSUCHTE_MODELLE = frozenset({"contenttypes.contenttype", "auth.permission", "sessions.session"})
#: Single columns that are not free text: the password hash and the login name of an account.
NICHT_DURCHSUCHTE_FELDER = frozenset({("auth.user", "password"), ("auth.user", "username")})
#: The Akteur's own name holds the surnames still to be checked while a review is open.
TRENNER_NACHNAMEN = "; "

_TRENNZEICHEN_TELEFON = r"[\s/().-]*"


@dataclass(frozen=True)
class Textspalte:
    """One free-text column of one model (``CharField``, ``TextField``, ``JSONField`` and their
    subclasses such as ``EmailField``, ``URLField``, ``SlugField``)."""

    modell: type[models.Model]
    feld: models.Field

    @property
    def tabelle(self) -> str:
        return self.modell._meta.db_table

    @property
    def spalte(self) -> str:
        return self.feld.column

    @property
    def ist_json(self) -> bool:
        return isinstance(self.feld, models.JSONField)

    @property
    def schluessel(self) -> tuple[str, str]:
        """(model label, field name), e.g. ``("lenkungsgruppe.sitzung", "gaeste")``."""
        return self.modell._meta.label_lower, self.feld.name


def ist_verlauf(modell: type[models.Model]) -> bool:
    """Whether ``modell`` is a history table of simple_history."""
    return getattr(modell, "instance_type", None) is not None


def datensatzart(modell: type[models.Model]) -> str:
    """How records of ``modell`` are called in messages: „Sitzungen“, „Verlauf: Sitzungen“."""
    if ist_verlauf(modell):
        return f"Verlauf: {modell.instance_type._meta.verbose_name_plural}"
    return str(modell._meta.verbose_name_plural)


def _ist_dateispalte(modell: type[models.Model], feld: models.Field) -> bool:
    """A history table keeps a file field as text; its value is a storage path, not free text."""
    if not ist_verlauf(modell):
        return False
    try:
        return isinstance(modell.instance_type._meta.get_field(feld.name), models.FileField)
    except FieldDoesNotExist:
        return False


def textspalten() -> list[Textspalte]:
    """Every free-text column of every installed model that Django manages, history tables
    included, except ``NICHT_DURCHSUCHTE_MODELLE`` and ``NICHT_DURCHSUCHTE_FELDER`` and the storage
    paths of files. No query."""
    spalten = []
    for modell in apps.get_models():
        meta = modell._meta
        if not meta.managed or meta.proxy or meta.label_lower in NICHT_DURCHSUCHTE_MODELLE:
            continue
        for feld in meta.concrete_fields:
            if (
                isinstance(feld, (models.CharField, models.TextField, models.JSONField))
                and not feld.primary_key
                and (meta.label_lower, feld.name) not in NICHT_DURCHSUCHTE_FELDER
                and not _ist_dateispalte(modell, feld)
            ):
                spalten.append(Textspalte(modell, feld))
    return spalten


def textspalten_je_modell() -> dict[type[models.Model], list[Textspalte]]:
    """``textspalten()`` grouped by model, in the same order. No query."""
    gruppen: dict[type[models.Model], list[Textspalte]] = {}
    for spalte in textspalten():
        gruppen.setdefault(spalte.modell, []).append(spalte)
    return gruppen


# --- Search patterns ------------------------------------------------------------------------------


def _literal(text: str) -> str:
    """``text`` as a pattern: escaped, any run of white space matching any other, and not part of
    a longer word where it begins or ends with a letter or digit."""
    teile = [re.escape(teil) for teil in text.split()]
    muster = r"\s+".join(teile)
    if re.match(r"\w", text.strip()):
        muster = r"(?<!\w)" + muster
    if re.search(r"\w$", text.strip()):
        muster += r"(?!\w)"
    return muster


def _email(email: str) -> str:
    return r"(?<![\w.+-])" + re.escape(email.strip()) + r"(?![\w-]|\.\w)"


def _telefon(telefon: str) -> str | None:
    """The number with or without spaces, slashes, hyphens, dots and brackets between its digits;
    a German number (0…, +49…, 0049…) also in the other two forms. None for fewer than six digits."""
    ziffern = re.sub(r"\D", "", telefon)
    if len(ziffern) < 6:
        return None
    t = _TRENNZEICHEN_TELEFON
    if telefon.strip().startswith("+") or ziffern.startswith("00"):
        ziffern = ziffern.removeprefix("00")
        if not ziffern.startswith("49"):
            return r"(?<!\d)(?:\+|00)" + t + t.join(ziffern) + r"(?!\d)"
        ziffern = "0" + ziffern.removeprefix("49")
    if not ziffern.startswith("0"):
        return r"(?<!\d)" + t.join(ziffern) + r"(?!\d)"
    vorwahl = r"(?:0|(?:\+|00)49" + t + r"(?:\(0\)" + t + r")?)"
    return r"(?<!\d)\(?" + vorwahl + t + t.join(ziffern[1:]) + r"(?!\d)"


def _namensteile(name: str) -> list[str]:
    """The words of a name, first name first („Kemper, Ida“ too), without additions in brackets
    („(erfunden)“), separating punctuation and leading academic titles (``Dr.``, ``Prof.``)."""
    name = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", name)
    if name.count(",") == 1:  # „Kemper, Ida“
        nachname, vorname = name.split(",")
        name = f"{vorname} {nachname}"
    woerter = [w.strip(",;:") for w in name.split()]
    woerter = [w for w in woerter if re.search(r"\w", w)]
    while len(woerter) > 2 and woerter[0].endswith("."):
        woerter = woerter[1:]
    return woerter


def nachnamen(namen: Iterable[str]) -> list[str]:
    """The surname (last word) of every name, or the name itself if it is one word; words shorter
    than three letters are left out (too many false hits). No query."""
    ergebnis = set()
    for name in namen:
        woerter = _namensteile(name)
        if woerter and len(woerter[-1]) >= 3:
            ergebnis.add(woerter[-1])
    return sorted(ergebnis)


def _alternativen(muster: Iterable[str]) -> str | None:
    # Longest first: Python takes the first alternative that matches.
    eindeutig = sorted(set(muster), key=lambda m: (-len(m), m))
    return "|".join(f"(?:{m})" for m in eindeutig) if eindeutig else None


@dataclass(frozen=True)
class Suchmuster:
    """``sicher``: what is certainly the person (a full name of two words or more, also „Nachname,
    Vorname“ and without a title, an e-mail, a telephone number, an address of two words or
    more); ``unsicher``: what may be someone else (a surname alone, „Frau Kemper“, or a one-word
    name). Each is one pattern for case-insensitive search, or None."""

    sicher: str | None
    unsicher: str | None


def suchmuster(
    *, namen: Iterable[str], emails: Iterable[str], telefone: Iterable[str], anschriften: Iterable[str]
) -> Suchmuster:
    """The search patterns for a person with these details (empty values are ignored). No query."""
    sicher = []
    namen = [n for n in namen if n and n.strip()]
    for name in namen:
        woerter = _namensteile(name)
        if len(woerter) >= 2:
            sicher.append(_literal(name))
            sicher.append(_literal(" ".join(woerter)))
            sicher.append(_literal(woerter[-1]) + r"\s*,\s*" + _literal(" ".join(woerter[:-1])))
    sicher += [_email(e) for e in emails if e and e.strip()]
    sicher += [m for m in (_telefon(t) for t in telefone if t) if m]
    sicher += [_literal(a) for a in anschriften if a and len(a.split()) >= 2]
    return Suchmuster(sicher=_alternativen(sicher), unsicher=_alternativen(_literal(n) for n in nachnamen(namen)))


# --- Mentions awaiting review ---------------------------------------------------------------------


@dataclass(frozen=True)
class Erwaehnung:
    """A cell that mentions a surname of an erased person: which record, which field, and the
    passages around each mention."""

    modell: str  # model label, e.g. "lenkungsgruppe.tagesordnungspunkt"
    feld: str
    pk: str
    datensatzart: str
    feldname: str
    ausschnitte: tuple[str, ...]


def offene_nachnamen(akteur: Akteur) -> list[str]:
    """The surnames still to be checked after ``akteur`` was anonymised (kept in its ``name``
    until the review is closed); empty when nothing is open. No query."""
    if not akteur.ist_anonymisiert or not akteur.name:
        return []
    return [n for n in akteur.name.split(TRENNER_NACHNAMEN.strip()) if n.strip()]


def _ausschnitte(text: str, muster: re.Pattern, rand: int = 60) -> tuple[str, ...]:
    stellen = []
    for treffer in muster.finditer(text):
        anfang, ende = max(0, treffer.start() - rand), min(len(text), treffer.end() + rand)
        stellen.append(("…" if anfang else "") + text[anfang:ende] + ("…" if ende < len(text) else ""))
    return tuple(stellen)


def json_texte(wert: object) -> list[str]:
    """Every string in a decoded JSON value (keys included), depth first. No query."""
    if isinstance(wert, str):
        return [wert]
    if isinstance(wert, dict):
        return [t for schluessel, inhalt in wert.items() for t in (*json_texte(schluessel), *json_texte(inhalt))]
    if isinstance(wert, list):
        return [t for inhalt in wert for t in json_texte(inhalt)]
    return []


def _als_text(wert: object, ist_json: bool) -> str:
    """The text of a cell as the review shows it: a JSON value as its strings, one per line (so a
    line break inside a string is a line break, not the two characters of its JSON escape)."""
    if wert is None:
        return ""
    return "\n".join(json_texte(wert)) if ist_json else str(wert)


def fundstellen(
    *, muster: str, ausser: Iterable[tuple[str, str, str]] = (), hoechstens: int | None = None
) -> list[Erwaehnung]:
    """Every cell of every text column (``textspalten()``) whose text matches ``muster``
    case-insensitively, except the cells in ``ausser`` ((model label, field, pk) triples); with
    ``hoechstens``, the search may stop after that many (beyond those in ``ausser``).
    On PostgreSQL one query (a ``UNION ALL`` over the columns) and one per JSON column; one per
    column elsewhere."""
    spalten = textspalten()
    ausser = {(m, f, str(p)) for m, f, p in ausser}
    regex = re.compile(muster, re.IGNORECASE)
    zeilen: list[tuple[int, str, str]] = []
    # JSON is searched in Python, in its decoded strings: in its text a line break is „\\n“.
    in_sql = [i for i, s in enumerate(spalten) if connection.vendor == "postgresql" and not s.ist_json]
    if in_sql:
        teile = []
        for i in in_sql:
            spalte = spalten[i]
            tabelle = connection.ops.quote_name(spalte.tabelle)
            name = connection.ops.quote_name(spalte.spalte)
            pk = connection.ops.quote_name(spalte.modell._meta.pk.column)
            teile.append(
                f"SELECT {i}, {pk}::text, {name}::text FROM {tabelle} "  # noqa: S608 -- names from the model catalogue
                f"WHERE {name} ~* %(muster)s"
            )
        sql = " UNION ALL ".join(teile)
        if hoechstens is not None:
            sql += f" LIMIT {int(hoechstens) + len(ausser)}"
        with connection.cursor() as cursor:
            cursor.execute(sql, {"muster": muster})
            zeilen = cursor.fetchall()
    for i, spalte in enumerate(spalten):
        if i in in_sql:
            continue
        for pk, wert in spalte.modell._base_manager.values_list("pk", spalte.feld.name):
            text = _als_text(wert, spalte.ist_json)
            if regex.search(text):
                zeilen.append((i, str(pk), text))
    ergebnis = []

    def reihenfolge(zeile: tuple[int, str, str]) -> tuple:
        # A record first, then its history; by field and primary key.
        modell = spalten[zeile[0]].modell
        stamm = modell.instance_type if ist_verlauf(modell) else modell
        return (stamm._meta.label_lower, ist_verlauf(modell), spalten[zeile[0]].feld.name, zeile[1].zfill(20))

    for i, pk, text in sorted(zeilen, key=reihenfolge):
        spalte = spalten[i]
        if (*spalte.schluessel, pk) in ausser:
            continue
        ergebnis.append(
            Erwaehnung(
                modell=spalte.schluessel[0],
                feld=spalte.schluessel[1],
                pk=pk,
                datensatzart=datensatzart(spalte.modell),
                feldname=str(spalte.feld.verbose_name),
                ausschnitte=_ausschnitte(text, regex),
            )
        )
    return ergebnis


def erwaehnungen_zur_pruefung(*, akteur: Akteur, hoechstens: int | None = None) -> list[Erwaehnung]:
    """The mentions of ``akteur``'s surnames that the erasure could not decide on („Frau Kemper“,
    „Kemper“ alone), in every text column of the project, history included; the Akteur's own
    name (where the surnames are kept during the review) is not one of them. Empty when no
    review is open. One query, and one per JSON column (``fundstellen``); ``hoechstens`` lets it
    stop early."""
    muster = suchmuster(namen=offene_nachnamen(akteur), emails=(), telefone=(), anschriften=()).unsicher
    if muster is None:
        return []
    gefunden = fundstellen(
        muster=muster, ausser=[("quartiersprofil.akteur", "name", str(akteur.pk))], hoechstens=hoechstens
    )
    return gefunden[:hoechstens] if hoechstens is not None else gefunden
