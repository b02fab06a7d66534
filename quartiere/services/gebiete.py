"""Writes to quarters: save a quarter and derive which Unterbezirke it covers.

Every function here is atomic and validates before it saves.
"""

from django.db import transaction
from django.db.models import QuerySet

from dwk.text import eindeutiger_slug

from ..geometrie import als_multipolygon
from ..models import Quartier, QuartierUnterbezirk, Unterbezirk
from ..queries import metrisch
from .datenstand import datenstand_erhoehen

# An Unterbezirk counts as covered when at least this share of its area lies inside the
# quarter; smaller overlaps are slivers from boundaries drawn by hand.
MINDESTANTEIL = 0.01


def quartier_unterbezirke_ableiten(*, quartier: Quartier) -> list[QuartierUnterbezirk]:
    """Derive which Unterbezirke ``quartier`` covers, and with what share of their area.

    Side effects: replaces all ``QuartierUnterbezirk`` rows of the quarter. Shares are
    computed in EPSG:25832.
    """
    grenze = metrisch(quartier.grenze)
    neue = []
    for unterbezirk in Unterbezirk.objects.filter(geometrie__intersects=quartier.grenze).only("pk", "geometrie"):
        flaeche = metrisch(unterbezirk.geometrie)
        if flaeche.area == 0:
            continue
        anteil = grenze.intersection(flaeche).area / flaeche.area
        if anteil >= MINDESTANTEIL:
            neue.append(QuartierUnterbezirk(quartier=quartier, unterbezirk=unterbezirk, anteil=min(anteil, 1.0)))
    QuartierUnterbezirk.objects.filter(quartier=quartier).delete()
    QuartierUnterbezirk.objects.bulk_create(neue)
    datenstand_erhoehen()
    return neue


@transaction.atomic
def quartier_speichern(*, quartier: Quartier, partner: QuerySet | list | None = None) -> Quartier:
    """Validate and save ``quartier`` (new or changed), then derive its Unterbezirke.

    Side effects: gives a new quarter a unique slug from its name ("Hörde Süd" →
    ``hoerde-sued``); saves the quarter (a history entry is written); replaces its
    Unterbezirk coverage; sets its partners when ``partner`` is given.
    """
    if not quartier.slug:
        quartier.slug = eindeutiger_slug(
            quartier.name, objekte=Quartier, ersatz="quartier", laenge=100, ausser_pk=quartier.pk
        )
    if quartier.grenze is not None:
        quartier.grenze = als_multipolygon(quartier.grenze)
    quartier.full_clean()
    quartier.save()
    if partner is not None:
        quartier.partner.set(partner)
    quartier_unterbezirke_ableiten(quartier=quartier)
    return quartier


@transaction.atomic
def quartiere_neu_ableiten() -> int:
    """Derive the Unterbezirk coverage of every quarter anew (after the Unterbezirke changed); returns how many.

    Side effects: replaces the ``QuartierUnterbezirk`` rows of every quarter.
    """
    anzahl = 0
    for quartier in Quartier.objects.only("pk", "grenze"):
        quartier_unterbezirke_ableiten(quartier=quartier)
        anzahl += 1
    return anzahl
