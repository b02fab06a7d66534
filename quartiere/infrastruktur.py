"""Writes to the infrastructure inventory: facilities and their categories.

The import from CSV and GeoJSON files is in ``quartiere.infrastruktur_import``; the
walking-distance coverage (a read) in ``quartiere.abdeckung``.
"""

from django.db import transaction
from django.utils.text import slugify

from .models import InfrastrukturKategorie

# Short symbols of the categories on maps and in legends (with the name beside them, never alone).
SYMBOLE = {
    "seniorenbuero": "SB",
    "begegnungsstaette": "BS",
    "gemeindezentrum": "GZ",
    "hausarztpraxis": "HA",
    "facharztpraxis": "FA",
    "apotheke": "Ap",
    "ambulanter-pflegedienst": "PD",
    "tagespflege": "TP",
    "pflegeheim": "PH",
    "lebensmittelmarkt": "LM",
    "baeckerei": "Bä",
    "bank-geldautomat": "€",
    "post": "Po",
    "haltestelle": "H",
    "oeffentliche-toilette": "WC",
    "sitzbank": "Bk",
    "gruenflaeche-park": "P",
}
# Marker shapes by the Handlungsfeld's position, so that categories differ in shape and letters, not only colour.
FORMEN = ["abgerundet", "quadrat", "raute", "tropfen", "sechseck", "kreis"]


def kategorie_symbol(kategorie):
    """The short symbol of ``kategorie``: from ``SYMBOLE``, else the first two letters of its name."""
    return SYMBOLE.get(kategorie.slug) or kategorie.name[:2].title()


def kategorie_form(kategorie):
    """The CSS shape class of ``kategorie``'s marker (by its Handlungsfeld)."""
    return FORMEN[(kategorie.handlungsfeld.reihenfolge - 1) % len(FORMEN)]


@transaction.atomic
def infrastruktur_speichern(*, infrastruktur):
    """Validate and save ``infrastruktur`` (new or changed).

    Side effects: saves the facility; a history entry is written (with the request's user
    when called from a view).
    """
    infrastruktur.full_clean()
    infrastruktur.save()
    return infrastruktur


@transaction.atomic
def infrastruktur_loeschen(*, infrastruktur):
    """Delete ``infrastruktur``.

    Side effects: deletes the facility; its history keeps a "deleted" entry, so it can be
    traced (and restored in the admin).
    """
    infrastruktur.delete()


def _eindeutiger_slug(name, *, ausser_pk=None):
    basis = slugify(name.replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"))[:45]
    basis = basis or "kategorie"
    slug, nummer = basis, 2
    while InfrastrukturKategorie.objects.filter(slug=slug).exclude(pk=ausser_pk).exists():
        slug, nummer = f"{basis}-{nummer}", nummer + 1
    return slug


@transaction.atomic
def infrastruktur_kategorie_speichern(*, kategorie):
    """Validate and save ``kategorie`` (new or changed).

    Side effects: gives a new category a unique slug from its name (an existing slug is
    kept, since import files refer to it); saves the category. Coverage figures follow
    the changed radius at once, they are never stored.
    """
    if not kategorie.slug:
        kategorie.slug = _eindeutiger_slug(kategorie.name, ausser_pk=kategorie.pk)
    kategorie.full_clean()
    kategorie.save()
    return kategorie
