"""City structure (Kommune, Stadtbezirke, statistische Bezirke, Unterbezirke) and quarters.

Geometries are stored in EPSG:4326; every area, length and centroid is computed in
EPSG:25832 (ETRS89 / UTM 32N, metric), see ``quartiere.queries``.
"""

from django.conf import settings
from django.contrib.gis.db import models
from django.core.validators import RegexValidator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..queries import GebietQuerySet, QuartierQuerySet


class Kommune(models.Model):
    """The city this installation serves (one row)."""

    name = models.CharField(_("Name"), max_length=100)
    gemeindeschluessel = models.CharField(
        _("Amtlicher Gemeindeschlüssel"),
        max_length=8,
        unique=True,
        validators=[RegexValidator(r"^\d{8}$", _("Der Gemeindeschlüssel hat genau 8 Ziffern."))],
    )
    ist_demo = models.BooleanField(
        _("Demodaten"), default=False, help_text=_("Die Gebiete sind erzeugt, nicht amtlich.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")

    def __str__(self):
        return self.name


class Gebiet(models.Model):
    """Common fields of the three levels of the city structure."""

    code = models.CharField(_("Code"), max_length=20, unique=True)
    name = models.CharField(_("Name"), max_length=100)
    geometrie = models.MultiPolygonField(_("Geometrie"), srid=4326)

    objects = GebietQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"


class Stadtbezirk(Gebiet):
    kommune = models.ForeignKey(
        Kommune, on_delete=models.PROTECT, related_name="stadtbezirke", verbose_name=_("Kommune")
    )

    class Meta(Gebiet.Meta):
        verbose_name = _("Stadtbezirk")
        verbose_name_plural = _("Stadtbezirke")


class StatistischerBezirk(Gebiet):
    stadtbezirk = models.ForeignKey(
        Stadtbezirk, on_delete=models.PROTECT, related_name="bezirke", verbose_name=_("Stadtbezirk")
    )

    class Meta(Gebiet.Meta):
        verbose_name = _("statistischer Bezirk")
        verbose_name_plural = _("statistische Bezirke")


class Unterbezirk(Gebiet):
    bezirk = models.ForeignKey(
        StatistischerBezirk,
        on_delete=models.PROTECT,
        related_name="unterbezirke",
        verbose_name=_("statistischer Bezirk"),
    )

    class Meta(Gebiet.Meta):
        verbose_name = _("statistischer Unterbezirk")
        verbose_name_plural = _("statistische Unterbezirke")


class Siedlungsepoche(models.TextChoices):
    GRUENDERZEIT = "gruenderzeit", _("Gründerzeit")
    ZWANZIGER_BIS_FUENFZIGER = "1920_1950", _("1920er–1950er Jahre")
    GROSSWOHNSIEDLUNG = "grosswohnsiedlung", _("Großwohnsiedlung")
    REIHENHAUSGEBIET = "reihenhausgebiet", _("Reihenhausgebiet")
    NEUBAUVIERTEL = "neubauviertel", _("Neubauviertel")
    SONSTIGE = "sonstige", _("sonstige")


class QuartierStatus(models.TextChoices):
    KANDIDAT = "kandidat", _("Kandidat")
    AUSGEWAEHLT = "ausgewaehlt", _("ausgewählt")
    PROFIL = "profil", _("Quartiersprofil in Arbeit")
    BUERGERDIALOG = "buergerdialog", _("Bürgerdialog")
    UMSETZUNG = "umsetzung", _("Umsetzung im Quartier")
    ABGESCHLOSSEN = "abgeschlossen", _("abgeschlossen")


class Quartier(models.Model):
    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(_("Kürzel für Adressen"), unique=True, max_length=100)
    stadtbezirk = models.ForeignKey(
        Stadtbezirk, on_delete=models.PROTECT, related_name="quartiere", verbose_name=_("Stadtbezirk")
    )
    siedlungsepoche = models.CharField(_("Siedlungsepoche"), max_length=20, choices=Siedlungsepoche.choices)
    grenze = models.MultiPolygonField(_("Grenze"), srid=4326)
    unterbezirke = models.ManyToManyField(
        Unterbezirk,
        through="QuartierUnterbezirk",
        related_name="quartiere",
        verbose_name=_("Unterbezirke"),
        blank=True,
    )
    ist_referenzquartier = models.BooleanField(_("Referenzquartier"), default=False)
    auswahlbegruendung = models.TextField(_("Begründung der Auswahl"), blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=QuartierStatus.choices, default=QuartierStatus.KANDIDAT
    )
    partner = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="partner_quartiere",
        blank=True,
        verbose_name=_("Partner mit Zugang"),
        help_text=_("Benutzerinnen und Benutzer der Rolle Partner, die dieses Quartier lesen dürfen."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = QuartierQuerySet.as_manager()

    class Meta:
        ordering = ["-ist_referenzquartier", "name"]
        verbose_name = _("Quartier")
        verbose_name_plural = _("Quartiere")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("quartiere:detail", kwargs={"slug": self.slug})


class QuartierUnterbezirk(models.Model):
    """An Unterbezirk a quarter covers, derived spatially (see ``quartier_unterbezirke_ableiten``)."""

    quartier = models.ForeignKey(Quartier, on_delete=models.CASCADE, related_name="abdeckungen")
    unterbezirk = models.ForeignKey(Unterbezirk, on_delete=models.CASCADE, related_name="abdeckungen")
    anteil = models.FloatField(
        _("Flächenanteil"), help_text=_("Anteil der Fläche des Unterbezirks, der im Quartier liegt (0–1).")
    )

    class Meta:
        ordering = ["unterbezirk__code"]
        constraints = [
            models.UniqueConstraint(fields=["quartier", "unterbezirk"], name="quartier_unterbezirk_eindeutig")
        ]
        verbose_name = _("Abdeckung eines Unterbezirks")
        verbose_name_plural = _("Abdeckungen von Unterbezirken")

    def __str__(self):
        return f"{self.quartier} – {self.unterbezirk} ({self.anteil:.0%})"

    @property
    def ist_teilweise(self):
        return self.anteil < 0.995
