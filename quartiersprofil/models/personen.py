"""Key persons and talks. Personal data live only in ``Akteur`` (names, contact details);
everything else refers to a person through it, so export and erasure have one place to look."""

from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Handlungsfeld, Quartier

# --- Key persons and talks (personal data) -------------------------------------------------


class Akteur(models.Model):
    """A key person or local actor. Names and contact details are personal data.

    Without consent only ``organisation`` and ``rolle`` are kept; ``akteur_anonymisieren``
    erases everything else, history included.
    """

    quartier = models.ForeignKey(Quartier, on_delete=models.CASCADE, related_name="akteure", verbose_name=_("Quartier"))
    organisation = models.CharField(_("Organisation"), max_length=200)
    rolle = models.CharField(_("Rolle"), max_length=200)
    ist_schluesselperson = models.BooleanField(_("Schlüsselperson"), default=False)
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    telefon = models.CharField(_("Telefon"), max_length=50, blank=True)
    anschrift = models.CharField(_("Anschrift"), max_length=300, blank=True)
    einwilligung_am = models.DateField(_("Einwilligung erteilt am"), null=True, blank=True)
    einwilligung_umfang = models.CharField(
        _("Umfang der Einwilligung"),
        max_length=300,
        blank=True,
        help_text=_("z. B. „Kontaktaufnahme und Einladungen zu Veranstaltungen im Quartier“"),
    )
    einwilligung_einladungen = models.BooleanField(
        _("Einwilligung in Einladungen"),
        default=False,
        help_text=_("Die Person hat eingewilligt, zu Veranstaltungen im Quartier eingeladen zu werden."),
    )
    einwilligung_textfassung = models.CharField(
        _("Fassung des Einwilligungstextes"), max_length=50, blank=True, help_text=_("z. B. „2017-01“")
    )
    widerrufen_am = models.DateField(_("Einwilligung widerrufen am"), null=True, blank=True)
    ist_anonymisiert = models.BooleanField(_("anonymisiert"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["quartier", "organisation", "rolle"]
        verbose_name = _("Akteur")
        verbose_name_plural = _("Akteure")

    def __str__(self):
        return f"{self.rolle}, {self.organisation}"

    @property
    def hat_einwilligung(self):
        return self.einwilligung_am is not None and self.widerrufen_am is None

    @property
    def darf_eingeladen_werden(self):
        return self.hat_einwilligung and self.einwilligung_einladungen and not self.ist_anonymisiert


class GespraechArt(models.TextChoices):
    INTERVIEW_SENIORENBUERO = "interview_seniorenbuero", _("Interview mit dem Seniorenbüro")
    INTERVIEW_AKTEUR = "interview_akteur", _("Interview mit Quartiersakteuren")
    BEZIRKSBUERGERMEISTER = (
        "bezirksbuergermeister",
        _("Informationsgespräch mit der Bezirksbürgermeisterin / dem Bezirksbürgermeister"),
    )
    RUNDER_TISCH = "runder_tisch", _("Runder Tisch der Seniorenbüros")
    SONSTIGES = "sonstiges", _("sonstiges Gespräch")


class Gespraech(models.Model):
    quartier = models.ForeignKey(
        Quartier, on_delete=models.CASCADE, related_name="gespraeche", verbose_name=_("Quartier")
    )
    datum = models.DateField(_("Datum"))
    art = models.CharField(_("Art"), max_length=30, choices=GespraechArt.choices)
    teilnehmende = models.ManyToManyField(Akteur, blank=True, related_name="gespraeche", verbose_name=_("Teilnehmende"))
    handlungsfelder = models.ManyToManyField(
        Handlungsfeld, blank=True, related_name="gespraeche", verbose_name=_("Handlungsfelder")
    )
    zusammenfassung = models.TextField(_("Zusammenfassung"))
    vereinbarungen = models.TextField(_("Vereinbarungen"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-datum"]
        verbose_name = _("Gespräch")
        verbose_name_plural = _("Gespräche")

    def __str__(self):
        return f"{self.get_art_display()} am {self.datum:%d.%m.%Y}"
