"""The survey of the senior offices: rounds, questions, answers."""

from django.contrib.gis.db import models
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Handlungsfeld, Infrastruktur, Quartier


class Befragung(models.Model):
    """One round of the written survey of the senior offices."""

    titel = models.CharField(_("Titel"), max_length=200)
    jahr = models.PositiveSmallIntegerField(_("Jahr"))
    versandt_am = models.DateField(_("versandt am"), null=True, blank=True)

    class Meta:
        ordering = ["-jahr", "titel"]
        verbose_name = _("Befragung der Seniorenbüros")
        verbose_name_plural = _("Befragungen der Seniorenbüros")

    def __str__(self):
        return self.titel


class Frage(models.Model):
    """A question of the questionnaire; the questions are grouped by field of action."""

    befragung = models.ForeignKey(
        Befragung, on_delete=models.CASCADE, related_name="fragen", verbose_name=_("Befragung")
    )
    handlungsfeld = models.ForeignKey(
        Handlungsfeld, on_delete=models.PROTECT, related_name="fragen", verbose_name=_("Handlungsfeld")
    )
    text = models.CharField(_("Frage"), max_length=500)
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["befragung", "handlungsfeld__reihenfolge", "reihenfolge", "pk"]
        verbose_name = _("Frage")
        verbose_name_plural = _("Fragen")

    def __str__(self):
        return self.text


class Antwort(models.Model):
    """A senior office's answer for one quarter, entered from the returned paper form."""

    frage = models.ForeignKey(Frage, on_delete=models.CASCADE, related_name="antworten", verbose_name=_("Frage"))
    quartier = models.ForeignKey(
        Quartier, on_delete=models.CASCADE, related_name="befragungsantworten", verbose_name=_("Quartier")
    )
    seniorenbuero = models.ForeignKey(
        Infrastruktur,
        on_delete=models.PROTECT,
        related_name="befragungsantworten",
        verbose_name=_("Seniorenbüro"),
        limit_choices_to={"kategorie__slug": "seniorenbuero"},
    )
    bewertung = models.PositiveSmallIntegerField(
        _("Bewertung (1 = sehr gut, 5 = sehr schlecht)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    text = models.TextField(_("Antwort"), blank=True)
    eingegangen_am = models.DateField(_("Fragebogen eingegangen am"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["frage", "seniorenbuero"]
        verbose_name = _("Antwort")
        verbose_name_plural = _("Antworten")
        constraints = [models.UniqueConstraint(fields=["frage", "quartier", "seniorenbuero"], name="antwort_eindeutig")]

    def __str__(self):
        return f"{self.seniorenbuero} – {self.frage}"
