"""Measure proposals and their milestones."""

from django.contrib.gis.db import models
from django.core.validators import MaxValueValidator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Handlungsfeld, Quartier

# --- Measure proposals ---------------------------------------------------------------------


class MassnahmeStatus(models.TextChoices):
    VORGESCHLAGEN = "vorgeschlagen", _("vorgeschlagen")
    GEPRUEFT = "geprueft", _("geprüft")
    BESCHLOSSEN = "beschlossen", _("beschlossen")
    IN_UMSETZUNG = "in_umsetzung", _("in Umsetzung")
    UMGESETZT = "umgesetzt", _("umgesetzt")
    VERWORFEN = "verworfen", _("verworfen")


class MassnahmeHerkunft(models.TextChoices):
    PROFIL = "profil", _("Quartiersprofil")
    WORKSHOP = "workshop", _("Fachworkshop")
    BUERGERDIALOG = "buergerdialog", _("Bürgerdialog")


class Prioritaet(models.TextChoices):
    HOCH = "hoch", _("hoch")
    MITTEL = "mittel", _("mittel")
    NIEDRIG = "niedrig", _("niedrig")


class Massnahme(models.Model):
    """A measure (proposal), tracked from proposal to practice in the quarter."""

    quartier = models.ForeignKey(
        Quartier, on_delete=models.CASCADE, related_name="massnahmen", verbose_name=_("Quartier")
    )
    handlungsfeld = models.ForeignKey(
        Handlungsfeld, on_delete=models.PROTECT, related_name="massnahmen", verbose_name=_("Handlungsfeld")
    )
    titel = models.CharField(_("Titel"), max_length=200)
    beschreibung = models.TextField(_("Beschreibung"), blank=True, help_text=_("Markdown"))
    prioritaet = models.CharField(_("Priorität"), max_length=10, choices=Prioritaet.choices, default=Prioritaet.MITTEL)
    verantwortlich = models.CharField(_("verantwortlich (Fachamt / Organisation)"), max_length=200, blank=True)
    kosten_schaetzung = models.DecimalField(
        _("geschätzte Kosten (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    herkunft = models.CharField(_("Herkunft"), max_length=15, choices=MassnahmeHerkunft.choices)
    status = models.CharField(
        _("Status"), max_length=15, choices=MassnahmeStatus.choices, default=MassnahmeStatus.VORGESCHLAGEN
    )
    verworfen_grund = models.TextField(_("Grund für das Verwerfen"), blank=True)
    fortschritt = models.PositiveSmallIntegerField(_("Fortschritt (%)"), default=0, validators=[MaxValueValidator(100)])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["quartier", "handlungsfeld__reihenfolge", "titel"]
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="verworfen") | ~models.Q(verworfen_grund=""),
                name="massnahme_verworfen_mit_grund",
            ),
            models.CheckConstraint(condition=models.Q(fortschritt__lte=100), name="massnahme_fortschritt_bis_100"),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("quartiersprofil:massnahme_detail", kwargs={"pk": self.pk})


class MassnahmeMeilenstein(models.Model):
    massnahme = models.ForeignKey(
        Massnahme, on_delete=models.CASCADE, related_name="meilensteine", verbose_name=_("Maßnahme")
    )
    titel = models.CharField(_("Meilenstein"), max_length=200)
    geplant_am = models.DateField(_("geplant für"), null=True, blank=True)
    erreicht_am = models.DateField(_("erreicht am"), null=True, blank=True)

    class Meta:
        ordering = ["massnahme", "geplant_am", "pk"]
        verbose_name = _("Meilenstein einer Maßnahme")
        verbose_name_plural = _("Meilensteine von Maßnahmen")

    def __str__(self):
        return self.titel
