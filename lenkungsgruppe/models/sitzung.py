"""Meetings of the steering group: invitations, attendance and the agenda with its minutes."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dwk.zeit import jetzt
from quartiere.models import Handlungsfeld, Quartier

from .organisation import Mitglied


class SitzungQuerySet(models.QuerySet):
    def kommende(self, ab=None):
        return self.filter(beginn__gte=ab or jetzt()).order_by("beginn")

    def vergangene(self, bis=None):
        return self.filter(beginn__lt=bis or jetzt()).order_by("-beginn")

    def naechste_nummer(self):
        return (self.aggregate(hoechste=Max("nummer"))["hoechste"] or 0) + 1


class SitzungFormat(models.TextChoices):
    ARBEITSTREFFEN = "arbeitstreffen", _("Arbeitstreffen")
    ZUKUNFTSWERKSTATT = "zukunftswerkstatt", _("Zukunftswerkstatt")
    PLANUNGSTREFFEN = "planungstreffen", _("Planungstreffen")
    TELEFONKONFERENZ = "telefonkonferenz", _("Telefonkonferenz")


class Sitzung(models.Model):
    nummer = models.PositiveIntegerField(_("Nummer"), unique=True, help_text=_("Fortlaufend; wird vergeben."))
    titel = models.CharField(_("Titel"), max_length=200, blank=True)
    beginn = models.DateTimeField(_("Beginn"))
    ende = models.DateTimeField(_("Ende"), null=True, blank=True)
    ort = models.CharField(_("Ort"), max_length=200, blank=True, help_text=_("Raum und Adresse oder Einwahldaten"))
    format = models.CharField(
        _("Format"), max_length=20, choices=SitzungFormat.choices, default=SitzungFormat.ARBEITSTREFFEN
    )
    eingeladene = models.ManyToManyField(
        Mitglied,
        through="Teilnahme",
        through_fields=("sitzung", "mitglied"),
        related_name="sitzungen",
        verbose_name=_("eingeladene Mitglieder"),
        blank=True,
    )
    gaeste = models.TextField(_("Gäste"), blank=True, help_text=_("Eine Person oder Organisation je Zeile."))
    protokoll_genehmigt_in = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="genehmigte_protokolle",
        verbose_name=_("Protokoll genehmigt in Sitzung"),
    )
    einladung_versendet_am = models.DateTimeField(_("Einladung versendet am"), null=True, blank=True)
    einladung_sequenz = models.PositiveIntegerField(
        _("Fassung der Einladung"), default=0, help_text=_("Zählt mit jedem Versand; Kalender erkennen so Änderungen.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = SitzungQuerySet.as_manager()

    class Meta:
        ordering = ["-beginn"]
        verbose_name = _("Sitzung")
        verbose_name_plural = _("Sitzungen")

    def __str__(self):
        datum = timezone.localtime(self.beginn).strftime("%d.%m.%Y") if self.beginn else ""
        return f"{self.nummer}. {self.get_format_display()} {datum}".strip()

    def get_absolute_url(self):
        return reverse("lenkungsgruppe:sitzung_detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.ende and self.beginn and self.ende <= self.beginn:
            raise ValidationError({"ende": _("Das Ende liegt vor dem Beginn.")})

    @property
    def ende_oder_standard(self):
        """The end, or two hours after the start when no end is set."""
        return self.ende or self.beginn + timedelta(hours=2)

    @property
    def ist_protokoll_genehmigt(self):
        return self.protokoll_genehmigt_in_id is not None


class TeilnahmeStatus(models.TextChoices):
    EINGELADEN = "eingeladen", _("eingeladen")
    ANWESEND = "anwesend", _("anwesend")
    ENTSCHULDIGT = "entschuldigt", _("entschuldigt")
    ABWESEND = "abwesend", _("abwesend")


class Teilnahme(models.Model):
    """An invited member of a meeting and whether they took part."""

    sitzung = models.ForeignKey(Sitzung, on_delete=models.CASCADE, related_name="teilnahmen")
    mitglied = models.ForeignKey(Mitglied, on_delete=models.PROTECT, related_name="teilnahmen")
    status = models.CharField(
        _("Teilnahme"), max_length=20, choices=TeilnahmeStatus.choices, default=TeilnahmeStatus.EINGELADEN
    )
    vertreten_durch = models.ForeignKey(
        Mitglied,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vertretungen",
        verbose_name=_("vertreten durch"),
    )

    class Meta:
        ordering = ["mitglied__nachname", "mitglied__vorname"]
        constraints = [models.UniqueConstraint(fields=["sitzung", "mitglied"], name="teilnahme_eindeutig")]
        verbose_name = _("Teilnahme")
        verbose_name_plural = _("Teilnahmen")

    def __str__(self):
        return f"{self.mitglied} – {self.get_status_display()}"


class Tagesordnungspunkt(models.Model):
    """An agenda item; its minutes (Markdown) are written after the meeting."""

    sitzung = models.ForeignKey(
        Sitzung, on_delete=models.CASCADE, related_name="tagesordnungspunkte", verbose_name=_("Sitzung")
    )
    nummer = models.PositiveSmallIntegerField(_("Nummer"))
    titel = models.CharField(_("Titel"), max_length=200)
    beschreibung = models.TextField(_("Erläuterung"), blank=True)
    handlungsfeld = models.ForeignKey(
        Handlungsfeld,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Handlungsfeld"),
    )
    quartier = models.ForeignKey(
        Quartier, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("Quartier")
    )
    fachplanung = models.ForeignKey(
        "Fachplanung",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tagesordnungspunkte",
        verbose_name=_("Fachplanung"),
    )
    projekt = models.ForeignKey(
        "Stadtentwicklungsprojekt",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tagesordnungspunkte",
        verbose_name=_("Stadtentwicklungsprojekt"),
    )
    protokoll = models.TextField(
        _("Protokoll"),
        blank=True,
        help_text=_("Markdown: **fett**, *kursiv*, Listen mit „- “, Links als [Text](https://…)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["sitzung", "nummer"]
        constraints = [models.UniqueConstraint(fields=["sitzung", "nummer"], name="top_nummer_eindeutig")]
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnungspunkte")

    def __str__(self):
        return f"TOP {self.nummer}: {self.titel}"

    def get_absolute_url(self):
        return self.sitzung.get_absolute_url() + f"#top-{self.nummer}"
