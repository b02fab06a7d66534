"""The infrastructure inventory: categories of places that serve older people, and the facilities."""

from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .handlungsfeld import Handlungsfeld

# Short symbols of the categories by slug; other categories show the first two letters of their name.
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
# Marker shapes by the Handlungsfeld's position.
FORMEN = ["abgerundet", "quadrat", "raute", "tropfen", "sechseck", "kreis"]


class InfrastrukturKategorie(models.Model):
    """A kind of place that serves older people, e.g. Apotheke; editable by Projektteam."""

    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(_("Kürzel"), unique=True)
    handlungsfeld = models.ForeignKey(
        Handlungsfeld,
        on_delete=models.PROTECT,
        related_name="infrastruktur_kategorien",
        verbose_name=_("Handlungsfeld"),
    )
    radius_m = models.PositiveIntegerField(
        _("Fußweg-Radius (m)"),
        default=500,
        help_text=_("Luftlinie, innerhalb derer eine Einrichtung als erreichbar gilt."),
    )
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["handlungsfeld__reihenfolge", "reihenfolge", "name"]
        verbose_name = _("Infrastruktur-Kategorie")
        verbose_name_plural = _("Infrastruktur-Kategorien")

    def __str__(self):
        return self.name

    @property
    def symbol(self):
        """The short symbol on maps and in legends (always with the name beside it, never alone)."""
        return SYMBOLE.get(self.slug) or self.name[:2].title()

    @property
    def form(self):
        """The CSS shape class of the marker, by the Handlungsfeld (categories differ in shape, not only colour)."""
        return FORMEN[(self.handlungsfeld.reihenfolge - 1) % len(FORMEN)]


class Barrierefreiheit(models.TextChoices):
    JA = "ja", _("barrierefrei")
    TEILWEISE = "teilweise", _("teilweise barrierefrei")
    NEIN = "nein", _("nicht barrierefrei")
    UNBEKANNT = "unbekannt", _("unbekannt")


class Infrastrukturquelle(models.TextChoices):
    BEFRAGUNG = "befragung", _("Befragung der Seniorenbüros")
    BEGEHUNG = "begehung", _("Quartiersbegehung")
    FACHPLANUNG = "fachplanung", _("Fachplanung / Bericht")
    OPEN_DATA = "open_data", _("offene Daten / Verzeichnis")
    IMPORT = "import", _("Import")
    SONSTIGE = "sonstige", _("sonstige")


class Infrastruktur(models.Model):
    """A facility (Infrastruktureinrichtung) at a point."""

    kategorie = models.ForeignKey(
        InfrastrukturKategorie, on_delete=models.PROTECT, related_name="einrichtungen", verbose_name=_("Kategorie")
    )
    name = models.CharField(_("Name"), max_length=200)
    punkt = models.PointField(_("Lage"), srid=4326)
    adresse = models.CharField(_("Adresse"), max_length=200, blank=True)
    barrierefreiheit = models.CharField(
        _("Barrierefreier Zugang"), max_length=10, choices=Barrierefreiheit.choices, default=Barrierefreiheit.UNBEKANNT
    )
    oeffnungshinweise = models.CharField(_("Öffnungszeiten / Hinweise"), max_length=300, blank=True)
    quelle = models.CharField(_("Quelle"), max_length=20, choices=Infrastrukturquelle.choices)
    quelle_hinweis = models.CharField(_("Quelle, Einzelheiten"), max_length=200, blank=True)
    stand = models.DateField(_("Stand der Angabe"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["kategorie", "name"]
        verbose_name = _("Infrastruktureinrichtung")
        verbose_name_plural = _("Infrastruktureinrichtungen")

    def __str__(self):
        return f"{self.name} ({self.kategorie})"
