"""The version of what the public pages show: one query that reads, for every model a public page
draws on, the time of its latest change (history tables, ``updated_at``) and its number of rows.

The page cache (``oeffentlich.views.basis``) keys every page by this version and today's date,
so a change anywhere the pages look makes every page new on the next request, in every process.
The version itself is kept in process memory for ``DWK_OEFFENTLICH_DATENSTAND_SEKUNDEN`` (default 2)
so that a burst of requests reads it once.
"""

import hashlib
import time

from django.conf import settings
from django.db import connection
from django.db.models import Count, Max, Model, Value

from buergerdialog.models import Dokumentation, Dokumentationsfoto, Ergebnis, Umsetzung, Veranstaltung
from dwk.zeit import heute
from lenkungsgruppe.models import Meilenstein, Organisation
from quartiere.models import Handlungsfeld, Infrastruktur, Kommune, Quartier
from quartiersprofil.models import Massnahme, MassnahmeMeilenstein, ProfilAbschnitt, Profilfassung

from ..models import Auftritt, Fotofreigabe, Neuigkeit, Pflichtseite, Quartiersseite, Veranstaltungsfreigabe

# Every model whose rows a public page or download shows or filters by.
MODELLE: tuple[type[Model], ...] = (
    Kommune,
    Handlungsfeld,
    Organisation,
    Meilenstein,
    Quartier,
    Infrastruktur,
    Profilfassung,
    ProfilAbschnitt,
    Massnahme,
    MassnahmeMeilenstein,
    Veranstaltung,
    Dokumentation,
    Dokumentationsfoto,
    Ergebnis,
    Umsetzung,
    Auftritt,
    Pflichtseite,
    Quartiersseite,
    Neuigkeit,
    Veranstaltungsfreigabe,
    Fotofreigabe,
)

_gemerkt: dict[str, tuple[float, str]] = {}


def _zeitfeld(modell: type[Model]) -> str | None:
    namen = {f.name for f in modell._meta.concrete_fields}
    return next((n for n in ("updated_at", "freigegeben_am", "created_at") if n in namen), None)


def _teilabfragen() -> list:
    """(SQL, params) of one scalar subquery per value of the version."""
    teile = []
    for modell in MODELLE:
        geschichte = getattr(modell, "history", None)
        if geschichte is not None:
            # A history row is written for every insert, update and delete.
            ziel, feld = geschichte.model, "history_date"
            werte = {"m": Max(feld)}
        else:
            ziel, feld = modell, _zeitfeld(modell)
            werte = {"n": Count("pk"), **({"m": Max(feld)} if feld else {})}
        for name, ausdruck in werte.items():
            abfrage = (
                ziel._default_manager.order_by()
                .annotate(_alle=Value(1))
                .values("_alle")
                .annotate(**{name: ausdruck})
                .values(name)
            )
            teile.append(abfrage.query.sql_with_params())
    return teile


def datenstand() -> str:
    """A short fingerprint of the public data and today's date; one query (none while remembered)."""
    sekunden = getattr(settings, "DWK_OEFFENTLICH_DATENSTAND_SEKUNDEN", 2)
    schluessel = connection.alias
    gemerkt = _gemerkt.get(schluessel)
    if gemerkt and sekunden and time.monotonic() - gemerkt[0] < sekunden:
        return gemerkt[1]
    teile = _teilabfragen()
    sql = "SELECT " + ", ".join(f"({teil_sql})" for teil_sql, _params in teile)
    params = [p for _sql, teil_params in teile for p in teil_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        zeile = cursor.fetchone()
    fingerabdruck = hashlib.sha256(repr((heute(), zeile)).encode()).hexdigest()[:20]
    _gemerkt[schluessel] = (time.monotonic(), fingerabdruck)
    return fingerabdruck
