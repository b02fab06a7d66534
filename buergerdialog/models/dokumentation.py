"""The documentation of an event (text, programme, photos, PDF attachments) and its evaluation
by the participants on paper (one ``Fragebogen`` per returned questionnaire)."""

import uuid

from django.conf import settings
from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lenkungsgruppe.models import pdf_pruefen

from .veranstaltung import Veranstaltung


class DokumentationStatus(models.TextChoices):
    ENTWURF = "entwurf", _("Entwurf")
    FREIGEGEBEN = "freigegeben", _("freigegeben")


class Dokumentation(models.Model):
    """What happened at an event, in words: the programme and a report (Markdown, sanitised on output).

    Projektteam releases it (``services.dokumentation.dokumentation_freigeben``); only then does the
    steering group read it. A partner may write the documentation of its events; it is then marked.
    """

    veranstaltung = models.OneToOneField(
        Veranstaltung, on_delete=models.CASCADE, related_name="dokumentation", verbose_name=_("Veranstaltung")
    )
    programm = models.TextField(_("Programm"), blank=True, help_text=_("Ablauf der Veranstaltung, Markdown."))
    text = models.TextField(_("Bericht"), blank=True, help_text=_("Markdown: **fett**, Listen mit „- “."))
    status = models.CharField(
        _("Status"), max_length=12, choices=DokumentationStatus.choices, default=DokumentationStatus.ENTWURF
    )
    freigegeben_am = models.DateTimeField(_("freigegeben am"), null=True, blank=True)
    freigegeben_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("freigegeben von"),
    )
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("zuletzt bearbeitet von"),
    )
    von_partner = models.BooleanField(_("vom Partner erfasst"), default=False)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("Dokumentation")
        verbose_name_plural = _("Dokumentationen")

    def __str__(self):
        return _("Dokumentation: %(titel)s") % {"titel": self.veranstaltung.titel}

    def get_absolute_url(self):
        return reverse("buergerdialog:dokumentation", kwargs={"pk": self.veranstaltung_id})

    @property
    def ist_freigegeben(self):
        return self.status == DokumentationStatus.FREIGEGEBEN


def dokumentationsfoto_pfad_web(instance, dateiname):
    return f"buergerdialog/fotos/web/{uuid.uuid4().hex}.jpg"


def dokumentationsfoto_pfad_druck(instance, dateiname):
    return f"buergerdialog/fotos/druck/{uuid.uuid4().hex}.jpg"


def dokumentationsanhang_pfad(instance, dateiname):
    return f"buergerdialog/anhaenge/{uuid.uuid4().hex}.pdf"


class Dokumentationsfoto(models.Model):
    """A photo of the documentation: only the derivatives of the photo pipeline
    (``quartiersprofil.services.fotos.foto_verarbeiten``: re-encoded, without metadata, no GPS kept).

    A photo of a pin board may belong to one card (``ergebnis``); it stays in the documentation
    when the card is deleted."""

    dokumentation = models.ForeignKey(
        Dokumentation, on_delete=models.CASCADE, related_name="fotos", verbose_name=_("Dokumentation")
    )
    ergebnis = models.ForeignKey(
        "Ergebnis",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fotos",
        verbose_name=_("Karte"),
        help_text=_("Die Ergebniskarte, deren Pinnwand das Foto zeigt."),
    )
    web = models.ImageField(_("Webgröße"), upload_to=dokumentationsfoto_pfad_web)
    druck = models.ImageField(_("Druckgröße"), upload_to=dokumentationsfoto_pfad_druck)
    breite = models.PositiveIntegerField(_("Breite (px)"), default=0)
    hoehe = models.PositiveIntegerField(_("Höhe (px)"), default=0)
    bildunterschrift = models.CharField(_("Bildunterschrift"), max_length=300, blank=True)
    darf_veroeffentlicht_werden = models.BooleanField(
        _("darf veröffentlicht werden"),
        default=False,
        help_text=_("Nur ankreuzen, wenn keine Personen zu erkennen sind oder sie zugestimmt haben."),
    )
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    von_partner = models.BooleanField(_("vom Partner erfasst"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Foto der Dokumentation")
        verbose_name_plural = _("Fotos der Dokumentation")

    def __str__(self):
        return self.bildunterschrift or _("Foto %(nummer)s") % {"nummer": self.pk}


class Dokumentationsanhang(models.Model):
    """A PDF attached to the documentation (checked as the sectoral plans are: ``pdf_pruefen``)."""

    dokumentation = models.ForeignKey(
        Dokumentation, on_delete=models.CASCADE, related_name="anhaenge", verbose_name=_("Dokumentation")
    )
    titel = models.CharField(_("Titel"), max_length=200)
    datei = models.FileField(
        _("PDF-Datei"),
        upload_to=dokumentationsanhang_pfad,
        validators=[FileExtensionValidator(["pdf"]), pdf_pruefen],
    )
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    von_partner = models.BooleanField(_("vom Partner erfasst"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Anhang der Dokumentation")
        verbose_name_plural = _("Anhänge der Dokumentation")

    def __str__(self):
        return self.titel


BEWERTUNG = [MinValueValidator(1), MaxValueValidator(5)]


class Fragebogen(models.Model):
    """One paper questionnaire a participant returned, typed up by staff (no name, no contact).

    Each item is a school-like scale from 1 (trifft gar nicht zu) to 5 (trifft voll zu); an item
    left empty on paper stays empty.
    """

    ITEMS = ("zufriedenheit", "verstaendlich", "barrierefrei", "wiederkommen")

    veranstaltung = models.ForeignKey(
        Veranstaltung, on_delete=models.CASCADE, related_name="frageboegen", verbose_name=_("Veranstaltung")
    )
    zufriedenheit = models.PositiveSmallIntegerField(
        _("Ich bin mit der Veranstaltung zufrieden."), null=True, blank=True, validators=BEWERTUNG
    )
    verstaendlich = models.PositiveSmallIntegerField(
        _("Alles war gut verständlich."), null=True, blank=True, validators=BEWERTUNG
    )
    barrierefrei = models.PositiveSmallIntegerField(
        _("Der Ort war gut erreichbar und barrierefrei."), null=True, blank=True, validators=BEWERTUNG
    )
    wiederkommen = models.PositiveSmallIntegerField(
        _("Ich würde wiederkommen."), null=True, blank=True, validators=BEWERTUNG
    )
    naechste_schritte = models.TextField(_("Was sollte als Nächstes geschehen?"), blank=True)
    kommentar = models.TextField(_("Was Sie uns sonst sagen möchten"), blank=True)
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    von_partner = models.BooleanField(_("vom Partner erfasst"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Fragebogen")
        verbose_name_plural = _("Fragebögen")

    def __str__(self):
        return _("Fragebogen %(nummer)s") % {"nummer": self.pk}

    def clean(self):
        if not any(getattr(self, feld) for feld in self.ITEMS) and not (self.naechste_schritte or self.kommentar):
            raise ValidationError(_("Der Fragebogen ist leer."))
