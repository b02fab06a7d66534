"""Results of an event: the cards of its pin boards."""

from django.conf import settings
from django.contrib.gis.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Handlungsfeld

from .katalog import Beteiligungsgegenstand
from .veranstaltung import Veranstaltung


class ErgebnisArt(models.TextChoices):
    IDEE = "idee", _("Idee")
    ANLIEGEN = "anliegen", _("Anliegen")
    VORSCHLAG = "vorschlag", _("Vorschlag")
    FRAGE = "frage", _("Frage")
    KRITIK = "kritik", _("Kritik")


class Ergebnis(models.Model):
    """One card of an event: what a participant wrote or said, with the dots it collected."""

    veranstaltung = models.ForeignKey(
        Veranstaltung, on_delete=models.CASCADE, related_name="ergebnisse", verbose_name=_("Veranstaltung")
    )
    text = models.TextField(_("Text"))
    art = models.CharField(_("Art"), max_length=10, choices=ErgebnisArt.choices, default=ErgebnisArt.IDEE)
    handlungsfeld = models.ForeignKey(
        Handlungsfeld,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Handlungsfeld"),
    )
    gegenstand = models.ForeignKey(
        Beteiligungsgegenstand,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ergebnisse",
        verbose_name=_("Beteiligungsgegenstand"),
    )
    station = models.CharField(_("Tisch oder Station"), max_length=100, blank=True)
    ort = models.PointField(_("Ort auf der Karte"), srid=4326, null=True, blank=True)
    punkte = models.PositiveSmallIntegerField(_("Klebepunkte"), default=0)
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("erfasst von"),
    )
    von_partner = models.BooleanField(
        _("vom Partner erfasst"), default=False, help_text=_("Eingetragen von einem Partner, etwa der Moderation.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-punkte", "pk"]
        verbose_name = _("Ergebnis")
        verbose_name_plural = _("Ergebnisse")

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return reverse("buergerdialog:ergebnis_liste", kwargs={"pk": self.veranstaltung_id}) + f"#ergebnis-{self.pk}"
