"""Reviewed sources (plans, studies, reports) and their excerpts per field of action."""

from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Handlungsfeld, Quartier

# --- Sources and the survey of the senior offices -----------------------------------------


class QuelleArt(models.TextChoices):
    MASTERPLAN = "masterplan", _("Masterplan / Fachplanung")
    BERICHT = "bericht", _("Bericht")
    IHK = "ihk", _("Integriertes Handlungskonzept (IHK)")
    BEZIRKSSEITE = "bezirksseite", _("Internetseite des Bezirks")
    QUARTIERSSEITE = "quartiersseite", _("Internetseite im Quartier")
    SONSTIGE = "sonstige", _("sonstige")


class Quelle(models.Model):
    """A plan, report or web page reviewed for a quarter's profile."""

    quartier = models.ForeignKey(Quartier, on_delete=models.CASCADE, related_name="quellen", verbose_name=_("Quartier"))
    titel = models.CharField(_("Titel"), max_length=300)
    art = models.CharField(_("Art"), max_length=20, choices=QuelleArt.choices)
    fachplanung = models.ForeignKey(
        "lenkungsgruppe.Fachplanung",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quellen",
        verbose_name=_("Fachplanung der Lenkungsgruppe"),
    )
    url = models.URLField(_("Adresse im Netz"), blank=True)
    gesichtet_am = models.DateField(_("gesichtet am"), null=True, blank=True)
    notiz = models.TextField(_("Notiz"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["quartier", "titel"]
        verbose_name = _("Quelle")
        verbose_name_plural = _("Quellen")

    def __str__(self):
        return self.titel


class QuellenAuszug(models.Model):
    """What a source says about one field of action."""

    quelle = models.ForeignKey(Quelle, on_delete=models.CASCADE, related_name="auszuege", verbose_name=_("Quelle"))
    handlungsfeld = models.ForeignKey(
        Handlungsfeld, on_delete=models.PROTECT, related_name="quellen_auszuege", verbose_name=_("Handlungsfeld")
    )
    text = models.TextField(_("Auszug"))
    fundstelle = models.CharField(_("Fundstelle"), max_length=100, blank=True, help_text=_("z. B. „S. 12“"))

    class Meta:
        ordering = ["quelle", "handlungsfeld__reihenfolge"]
        verbose_name = _("Auszug aus einer Quelle")
        verbose_name_plural = _("Auszüge aus Quellen")

    def __str__(self):
        return f"{self.quelle} – {self.handlungsfeld}"
