"""What a distance field was computed from: the facilities per category and their digests, the
profile's settings, and the fingerprint that says whether a stored field is still current."""

import hashlib
from collections import defaultdict

import numpy as np
from django.contrib.gis.geos import Point
from django.db import connection

from quartiere.models import Infrastruktur

from ..models import Netzstand, Wegprofil


def einrichtungen_je_kategorie() -> dict[int, list[tuple[int, Point, object]]]:
    """Every facility as (pk, location, updated_at), by category id (1 query)."""
    ergebnis = defaultdict(list)
    for pk, kategorie_id, punkt, geaendert in Infrastruktur.objects.order_by("pk").values_list(
        "pk", "kategorie_id", "punkt", "updated_at"
    ):
        ergebnis[kategorie_id].append((pk, punkt, geaendert))
    return ergebnis


def profil_kennung(profil: Wegprofil) -> str:
    """The profile's settings as text, for the fingerprint."""
    return "|".join(str(getattr(profil, feld)) for feld in ("art", *Wegprofil.EINSTELLUNGEN))


def einrichtungen_abdruecke() -> dict[int, str]:
    """A digest of the facilities of each category (their ids and locations), by category id; a
    category without facilities is missing. 1 query: on PostgreSQL the database hashes
    (``md5(string_agg(...))``), so no facility is loaded; elsewhere (SpatiaLite) Python does.

    Every write changes it, however it was made (form, import, admin, ``update()``, SQL), because
    it is computed from the rows themselves; cheap enough to compare on every read.
    """
    if connection.vendor == "postgresql":
        meta = Infrastruktur._meta
        tabelle = connection.ops.quote_name(meta.db_table)
        pk, kategorie, punkt = (
            connection.ops.quote_name(meta.get_field(name).column) for name in ("id", "kategorie", "punkt")
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {kategorie}, md5(string_agg({pk}::text || ':' || ST_AsText({punkt}, 7), ',' "  # noqa: S608 -- names from the model
                f"ORDER BY {pk})) FROM {tabelle} GROUP BY {kategorie}"
            )
            return dict(cursor.fetchall())
    teile = defaultdict(list)
    for pk, kategorie_id, punkt in Infrastruktur.objects.order_by("pk").values_list("pk", "kategorie_id", "punkt"):
        teile[kategorie_id].append(f"{pk}:{punkt.x:.7f},{punkt.y:.7f}")
    return {k: hashlib.md5(",".join(v).encode(), usedforsecurity=False).hexdigest() for k, v in teile.items()}


def fingerabdruck(*, netz: Netzstand, profil: Wegprofil, einrichtungen: str | None, barrieren: np.ndarray) -> str:
    """What a distance field was computed from, as a SHA-256: network, profile, the digest of the
    category's facilities (``einrichtungen_abdruecke``), barriers."""
    teile = [f"netz:{netz.pk}", profil_kennung(profil), f"einrichtungen:{einrichtungen or ''}"]
    if profil.barrieren_beachten:
        teile.append("barrieren:" + ",".join(str(b) for b in barrieren.tolist()))
    return hashlib.sha256("\n".join(teile).encode()).hexdigest()
