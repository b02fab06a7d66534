"""The catalogues an event chooses from: participation subjects and mottos (seed, editable)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Beteiligungsgegenstand(models.Model):
    """A participation subject, e.g. a quarter festival or a neighbourhood exchange."""

    name = models.CharField(_("Name"), max_length=200, unique=True)
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    aktiv = models.BooleanField(_("wird angeboten"), default=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["reihenfolge", "name"]
        verbose_name = _("Beteiligungsgegenstand")
        verbose_name_plural = _("Beteiligungsgegenstände")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("buergerdialog:katalog") + f"#gegenstand-{self.pk}"


class Motto(models.Model):
    """A motto an event can carry, e.g. „Miteinander aktiv im Quartier“."""

    text = models.CharField(_("Motto"), max_length=200, unique=True)
    aktiv = models.BooleanField(_("wird angeboten"), default=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["text"]
        verbose_name = _("Motto")
        verbose_name_plural = _("Mottos")

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return reverse("buergerdialog:katalog") + f"#motto-{self.pk}"
