"""Writes to the infrastructure inventory: facilities and their categories.

The import from CSV and GeoJSON files is in ``infrastruktur_import``; the walking-distance
coverage (a read) in ``quartiere.queries.abdeckung``.
"""

from django.db import transaction

from dwk.text import eindeutiger_slug

from ..models import Infrastruktur, InfrastrukturKategorie


@transaction.atomic
def infrastruktur_speichern(*, infrastruktur: Infrastruktur) -> Infrastruktur:
    """Validate and save ``infrastruktur`` (new or changed).

    Side effects: saves the facility; a history entry is written (with the request's user
    when called from a view).
    """
    infrastruktur.full_clean()
    infrastruktur.save()
    return infrastruktur


@transaction.atomic
def infrastruktur_loeschen(*, infrastruktur: Infrastruktur) -> None:
    """Delete ``infrastruktur``.

    Side effects: deletes the facility; its history keeps a "deleted" entry, so it can be
    traced (and restored in the admin).
    """
    infrastruktur.delete()


@transaction.atomic
def infrastruktur_kategorie_speichern(*, kategorie: InfrastrukturKategorie) -> InfrastrukturKategorie:
    """Validate and save ``kategorie`` (new or changed).

    Side effects: gives a new category a unique slug from its name (an existing slug is
    kept, since import files refer to it); saves the category. Coverage figures follow
    the changed radius at once, they are never stored.
    """
    if not kategorie.slug:
        kategorie.slug = eindeutiger_slug(
            kategorie.name, objekte=InfrastrukturKategorie, ersatz="kategorie", laenge=50, ausser_pk=kategorie.pk
        )
    kategorie.full_clean()
    kategorie.save()
    return kategorie
