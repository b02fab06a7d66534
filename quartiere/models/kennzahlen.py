"""Small-area analysis: the indicator catalogue and the indicators' values per area and year."""

import operator
from functools import reduce

from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .gebiete import Kommune, Stadtbezirk, StatistischerBezirk, Unterbezirk
from .handlungsfeld import Handlungsfeld


class IndikatorArt(models.TextChoices):
    ANZAHL = "anzahl", _("Anzahl")
    ANTEIL = "anteil", _("Anteil oder Quote aus Zähler und Nenner")


class Bewertungsrichtung(models.TextChoices):
    HOEHER_BESSER = "hoeher_besser", _("höher ist besser")
    HOEHER_SCHLECHTER = "hoeher_schlechter", _("höher ist schlechter")
    NEUTRAL = "neutral", _("weder noch")


class Indikator(models.Model):
    """An indicator of the catalogue, e.g. the share of residents aged 80 and over.

    Counts add up over areas; a share (``art=ANTEIL``) is always recomputed from its numerator
    and denominator indicators (``zaehler / nenner × faktor``), never averaged.
    """

    schluessel = models.SlugField(
        _("Schlüssel"),
        max_length=60,
        unique=True,
        help_text=_("Kurzer, fester Name für Importdateien, z. B. „ew_80plus“."),
    )
    name = models.CharField(_("Name"), max_length=200)
    einheit = models.CharField(_("Einheit"), max_length=50, help_text=_("z. B. „Personen“, „%“, „je 1.000 Ew. 65+“"))
    definition = models.TextField(_("Definition"), blank=True)
    quelle = models.CharField(_("Quelle"), max_length=200, blank=True)
    handlungsfeld = models.ForeignKey(
        Handlungsfeld,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indikatoren",
        verbose_name=_("Handlungsfeld"),
    )
    art = models.CharField(_("Art"), max_length=10, choices=IndikatorArt.choices, default=IndikatorArt.ANZAHL)
    zaehler = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Zähler"),
        limit_choices_to={"art": IndikatorArt.ANZAHL},
    )
    nenner = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Nenner"),
        limit_choices_to={"art": IndikatorArt.ANZAHL},
    )
    faktor = models.PositiveIntegerField(
        _("Faktor"), default=100, help_text=_("100 für Prozent, 1.000 für „je 1.000“.")
    )
    richtung = models.CharField(
        _("Bewertung"), max_length=20, choices=Bewertungsrichtung.choices, default=Bewertungsrichtung.NEUTRAL
    )
    ist_vereinbart = models.BooleanField(
        _("von der Lenkungsgruppe vereinbart"),
        default=False,
        help_text=_("Gehört zu den Daten, deren Erfassung die Lenkungsgruppe beschlossen hat."),
    )
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["reihenfolge", "name"]
        verbose_name = _("Indikator")
        verbose_name_plural = _("Indikatoren")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(art="anzahl", zaehler__isnull=True, nenner__isnull=True)
                | models.Q(art="anteil", zaehler__isnull=False, nenner__isnull=False),
                name="indikator_anteil_braucht_zaehler_und_nenner",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.einheit})"


class Ebene(models.TextChoices):
    UNTERBEZIRK = "unterbezirk", _("statistischer Unterbezirk")
    BEZIRK = "bezirk", _("statistischer Bezirk")
    STADTBEZIRK = "stadtbezirk", _("Stadtbezirk")
    STADT = "stadt", _("Stadt")


# Level → the area field of a Kennzahl of that level.
GEBIETSFELDER = [
    ("unterbezirk", "unterbezirk"),
    ("bezirk", "bezirk"),
    ("stadtbezirk", "stadtbezirk"),
    ("stadt", "kommune"),
]


def _nur_gebiet(feld):
    """``{area field: isnull}`` lookups that say "only ``feld`` is set"."""
    return {f"{anderes}__isnull": anderes != feld for _ebene, anderes in GEBIETSFELDER}


class Kennzahl(models.Model):
    """The value of an indicator for one area and one year.

    Exactly one of the four area fields is set, the one ``ebene`` names.
    """

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="kennzahlen")
    jahr = models.PositiveSmallIntegerField(_("Jahr"))
    ebene = models.CharField(_("Ebene"), max_length=12, choices=Ebene.choices)
    unterbezirk = models.ForeignKey(
        Unterbezirk, on_delete=models.CASCADE, null=True, blank=True, related_name="kennzahlen"
    )
    bezirk = models.ForeignKey(
        StatistischerBezirk, on_delete=models.CASCADE, null=True, blank=True, related_name="kennzahlen"
    )
    stadtbezirk = models.ForeignKey(
        Stadtbezirk, on_delete=models.CASCADE, null=True, blank=True, related_name="kennzahlen"
    )
    kommune = models.ForeignKey(Kommune, on_delete=models.CASCADE, null=True, blank=True, related_name="kennzahlen")
    wert = models.FloatField(_("Wert"))

    class Meta:
        ordering = ["indikator", "jahr"]
        verbose_name = _("Kennzahl")
        verbose_name_plural = _("Kennzahlen")
        constraints = [
            models.CheckConstraint(
                condition=reduce(
                    operator.or_, (models.Q(ebene=ebene, **_nur_gebiet(feld)) for ebene, feld in GEBIETSFELDER)
                ),
                name="kennzahl_genau_ein_gebiet",
            ),
            *(
                models.UniqueConstraint(
                    fields=["indikator", "jahr", feld],
                    condition=models.Q(ebene=ebene),
                    name=f"kennzahl_eindeutig_{ebene}",
                )
                for ebene, feld in GEBIETSFELDER
            ),
        ]
        indexes = [models.Index(fields=["indikator", "ebene", "jahr"])]

    def __str__(self):
        return f"{self.indikator.schluessel} {self.jahr}: {self.wert}"
