"""Review by the steering group and the way into practice: review rounds, ratings, reminders,
results that became measures and results passed to other programmes."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lenkungsgruppe.models import Beschluss, Mitglied, Stadtentwicklungsprojekt
from quartiersprofil.models import Massnahme

from .ergebnis import Ergebnis
from .veranstaltung import Veranstaltung

STUFE = [MinValueValidator(1), MaxValueValidator(5)]


class Bewertungsrunde(models.Model):
    """The results of one event (all or a selection) put to the steering group until a deadline."""

    veranstaltung = models.OneToOneField(
        Veranstaltung, on_delete=models.CASCADE, related_name="bewertungsrunde", verbose_name=_("Veranstaltung")
    )
    ergebnisse = models.ManyToManyField(
        Ergebnis, related_name="bewertungsrunden", verbose_name=_("zu bewertende Ergebnisse")
    )
    frist = models.DateField(_("bewerten bis"), help_text=_("Am Tag der Frist kann noch bewertet werden."))
    hinweis = models.TextField(_("Hinweis an die Lenkungsgruppe"), blank=True)
    gestartet_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gestartet von"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-frist", "pk"]
        verbose_name = _("Bewertungsrunde")
        verbose_name_plural = _("Bewertungsrunden")

    def __str__(self):
        return _("Bewertung: %(veranstaltung)s") % {"veranstaltung": self.veranstaltung}

    def get_absolute_url(self):
        return reverse("buergerdialog:bewertung_ergebnis", kwargs={"pk": self.veranstaltung_id})


class ErgebnisBewertung(models.Model):
    """One member's rating of one result: relevance and feasibility (1–5), an optional comment."""

    runde = models.ForeignKey(
        Bewertungsrunde, on_delete=models.CASCADE, related_name="bewertungen", verbose_name=_("Bewertungsrunde")
    )
    ergebnis = models.ForeignKey(
        Ergebnis, on_delete=models.CASCADE, related_name="bewertungen", verbose_name=_("Ergebnis")
    )
    mitglied = models.ForeignKey(
        Mitglied, on_delete=models.CASCADE, related_name="ergebnis_bewertungen", verbose_name=_("Mitglied")
    )
    relevanz = models.PositiveSmallIntegerField(_("Relevanz"), validators=STUFE)
    machbarkeit = models.PositiveSmallIntegerField(_("Machbarkeit"), validators=STUFE)
    kommentar = models.TextField(_("Kommentar"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["ergebnis", "mitglied"]
        verbose_name = _("Bewertung eines Ergebnisses")
        verbose_name_plural = _("Bewertungen von Ergebnissen")
        constraints = [
            models.UniqueConstraint(fields=["mitglied", "ergebnis"], name="ergebnisbewertung_einmal_je_mitglied"),
            models.CheckConstraint(
                condition=models.Q(relevanz__gte=1, relevanz__lte=5, machbarkeit__gte=1, machbarkeit__lte=5),
                name="ergebnisbewertung_stufen_1_bis_5",
            ),
        ]

    def __str__(self):
        return f"{self.mitglied} – {self.ergebnis}: {self.relevanz}/{self.machbarkeit}"


class BewertungsErinnerung(models.Model):
    """That a member was reminded of a review round by e-mail (once per member and round)."""

    runde = models.ForeignKey(
        Bewertungsrunde, on_delete=models.CASCADE, related_name="erinnerungen", verbose_name=_("Bewertungsrunde")
    )
    mitglied = models.ForeignKey(Mitglied, on_delete=models.CASCADE, related_name="+", verbose_name=_("Mitglied"))
    gesendet_am = models.DateTimeField(_("gesendet am"))

    class Meta:
        ordering = ["runde", "mitglied"]
        verbose_name = _("Erinnerung an eine Bewertung")
        verbose_name_plural = _("Erinnerungen an Bewertungen")
        constraints = [models.UniqueConstraint(fields=["runde", "mitglied"], name="erinnerung_einmal_je_runde")]

    def __str__(self):
        return f"{self.runde} – {self.mitglied}"


class Umsetzung(models.Model):
    """The link of a result with the measure it became or joined (the M2M Ergebnis ↔ Maßnahme,
    kept on this side), with the steering group's decision where there was one."""

    ergebnis = models.ForeignKey(
        Ergebnis, on_delete=models.CASCADE, related_name="umsetzungen", verbose_name=_("Ergebnis")
    )
    massnahme = models.ForeignKey(
        Massnahme, on_delete=models.CASCADE, related_name="buergerdialog_umsetzungen", verbose_name=_("Maßnahme")
    )
    beschluss = models.ForeignKey(
        Beschluss,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Beschluss der Lenkungsgruppe"),
    )
    neu_angelegt = models.BooleanField(_("als neue Maßnahme angelegt"), default=False)
    verknuepft_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verknüpft von"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["massnahme", "created_at", "pk"]
        verbose_name = _("Umsetzung eines Ergebnisses")
        verbose_name_plural = _("Umsetzungen von Ergebnissen")
        constraints = [models.UniqueConstraint(fields=["ergebnis", "massnahme"], name="umsetzung_einmal")]

    def __str__(self):
        return f"{self.ergebnis} → {self.massnahme}"

    def get_absolute_url(self):
        return reverse("buergerdialog:massnahme_weg", kwargs={"pk": self.massnahme_id})


class Weitergabe(models.Model):
    """A result passed to another programme of the city (e.g. „nordwärts“): when, to whom, the answer."""

    ergebnis = models.ForeignKey(
        Ergebnis, on_delete=models.CASCADE, related_name="weitergaben", verbose_name=_("Ergebnis")
    )
    projekt = models.ForeignKey(
        Stadtentwicklungsprojekt,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Programm / Stadtentwicklungsprojekt"),
    )
    adressat = models.CharField(_("Adressat"), max_length=200, help_text=_("Stelle oder Person, an die es ging."))
    datum = models.DateField(_("weitergegeben am"))
    antwort = models.TextField(_("Antwort"), blank=True)
    antwort_am = models.DateField(_("Antwort am"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-datum", "pk"]
        verbose_name = _("Weitergabe")
        verbose_name_plural = _("Weitergaben")

    def __str__(self):
        ziel = self.projekt or self.adressat
        return _("%(ergebnis)s → %(ziel)s") % {"ergebnis": self.ergebnis, "ziel": ziel}

    def get_absolute_url(self):
        return reverse("buergerdialog:veranstaltung_detail", kwargs={"pk": self.ergebnis.veranstaltung_id})
