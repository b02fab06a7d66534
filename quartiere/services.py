"""Writes to quarters. Every function here is atomic and validates before it saves."""

from django.db import transaction
from django.utils.text import slugify

from .geometrie import als_multipolygon
from .models import Quartier, QuartierUnterbezirk, Unterbezirk
from .queries import metrisch

# An Unterbezirk counts as covered when at least this share of its area lies inside the
# quarter; smaller overlaps are slivers from boundaries drawn by hand.
MINDESTANTEIL = 0.01


def quartier_unterbezirke_ableiten(*, quartier):
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
    return neue


def _eindeutiger_slug(name, *, ausser_pk=None):
    basis = slugify(name.replace("ß", "ss")) or "quartier"
    slug, nummer = basis, 2
    while Quartier.objects.filter(slug=slug).exclude(pk=ausser_pk).exists():
        slug, nummer = f"{basis}-{nummer}", nummer + 1
    return slug


@transaction.atomic
def quartier_speichern(*, quartier, partner=None):
    """Validate and save ``quartier`` (new or changed), then derive its Unterbezirke.

    Side effects: gives a new quarter a unique slug from its name; saves the quarter (a
    history entry is written); replaces its Unterbezirk coverage; sets its partners when
    ``partner`` is given.
    """
    if not quartier.slug:
        quartier.slug = _eindeutiger_slug(quartier.name, ausser_pk=quartier.pk)
    if quartier.grenze is not None:
        quartier.grenze = als_multipolygon(quartier.grenze)
    quartier.full_clean()
    quartier.save()
    if partner is not None:
        quartier.partner.set(partner)
    quartier_unterbezirke_ableiten(quartier=quartier)
    return quartier
