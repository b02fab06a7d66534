"""Walk-throughs with their findings and photos."""

import uuid

from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Handlungsfeld, Quartier

# --- Walk-throughs -------------------------------------------------------------------------


class Quartiersbegehung(models.Model):
    quartier = models.ForeignKey(
        Quartier, on_delete=models.CASCADE, related_name="begehungen", verbose_name=_("Quartier")
    )
    datum = models.DateField(_("Datum"))
    teilnehmende_organisationen = models.ManyToManyField(
        "lenkungsgruppe.Organisation",
        blank=True,
        related_name="begehungen",
        verbose_name=_("beteiligte Fachämter und Organisationen"),
    )
    teilnehmende = models.ManyToManyField(
        "Akteur", blank=True, related_name="begehungen", verbose_name=_("beteiligte Personen")
    )
    route = models.MultiLineStringField(_("Route"), srid=4326, null=True, blank=True)
    zusammenfassung = models.TextField(_("Zusammenfassung"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-datum"]
        verbose_name = _("Quartiersbegehung")
        verbose_name_plural = _("Quartiersbegehungen")

    def __str__(self):
        return f"{self.quartier} – {self.datum:%d.%m.%Y}"


class BefundArt(models.TextChoices):
    STAERKE = "staerke", _("Stärke")
    MANGEL = "mangel", _("Mangel")


class Befund(models.Model):
    """A finding of a walk-through."""

    begehung = models.ForeignKey(
        Quartiersbegehung, on_delete=models.CASCADE, related_name="befunde", verbose_name=_("Begehung")
    )
    text = models.TextField(_("Befund"))
    handlungsfeld = models.ForeignKey(
        Handlungsfeld, on_delete=models.PROTECT, related_name="befunde", verbose_name=_("Handlungsfeld")
    )
    art = models.CharField(_("Art"), max_length=10, choices=BefundArt.choices)
    ort = models.PointField(_("Ort"), srid=4326, null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["begehung", "handlungsfeld__reihenfolge", "pk"]
        verbose_name = _("Befund")
        verbose_name_plural = _("Befunde")

    def __str__(self):
        return f"{self.get_art_display()}: {self.text[:60]}"


def foto_pfad_original(instance, dateiname):
    return f"fotos/original/{uuid.uuid4().hex}.jpg"


def foto_pfad_web(instance, dateiname):
    return f"fotos/web/{uuid.uuid4().hex}.jpg"


def foto_pfad_druck(instance, dateiname):
    return f"fotos/druck/{uuid.uuid4().hex}.jpg"


class Foto(models.Model):
    """A photo, re-encoded on upload without any metadata.

    ``datei`` is the re-encoded full-size image, ``web`` and ``druck`` its derivatives for
    pages and PDFs (pages and PDFs never use ``datei``). The GPS position of the upload
    becomes ``standort`` and is not kept in any file.
    """

    quartier = models.ForeignKey(Quartier, on_delete=models.CASCADE, related_name="fotos", verbose_name=_("Quartier"))
    begehung = models.ForeignKey(
        Quartiersbegehung,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="fotos",
        verbose_name=_("Begehung"),
    )
    befund = models.ForeignKey(
        Befund, on_delete=models.SET_NULL, null=True, blank=True, related_name="fotos", verbose_name=_("Befund")
    )
    datei = models.ImageField(_("Foto"), upload_to=foto_pfad_original, width_field="breite", height_field="hoehe")
    breite = models.PositiveIntegerField(_("Breite (px)"), default=0)
    hoehe = models.PositiveIntegerField(_("Höhe (px)"), default=0)
    web = models.ImageField(_("Webgröße"), upload_to=foto_pfad_web)
    druck = models.ImageField(_("Druckgröße"), upload_to=foto_pfad_druck)
    standort = models.PointField(_("Standort"), srid=4326, null=True, blank=True)
    aufgenommen_am = models.DateTimeField(_("aufgenommen am"), null=True, blank=True)
    bildunterschrift = models.CharField(_("Bildunterschrift"), max_length=300, blank=True)
    handlungsfeld = models.ForeignKey(
        Handlungsfeld,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fotos",
        verbose_name=_("Handlungsfeld"),
    )
    darf_veroeffentlicht_werden = models.BooleanField(
        _("darf veröffentlicht werden"),
        default=False,
        help_text=_("Nur ankreuzen, wenn keine Personen zu erkennen sind oder sie zugestimmt haben."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "datei", "web", "druck"])

    class Meta:
        ordering = ["quartier", "-aufgenommen_am", "pk"]
        verbose_name = _("Foto")
        verbose_name_plural = _("Fotos")

    def __str__(self):
        return self.bildunterschrift or f"Foto {self.pk}"
