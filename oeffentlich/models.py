"""What the public pages show beyond the other apps' released data: the project page's own texts
per city, the statutory pages, news posts, and the explicit releases of events and photos.

Nothing reaches the public without a release made here or in the owning app (a released
documentation, a released profile version): an event of the citizen dialogue is public only
with a ``Veranstaltungsfreigabe``, a documentation photo only with a ``Fotofreigabe``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buergerdialog.models import Dokumentationsfoto, Veranstaltung
from quartiere.models import Kommune, Quartier


class Auftritt(models.Model):
    """The project page of a city: introduction, funder and partner line, contact, and where
    feedback on barriers goes (never shown)."""

    kommune = models.OneToOneField(
        Kommune, on_delete=models.CASCADE, related_name="auftritt", verbose_name=_("Kommune")
    )
    einleitung = models.TextField(_("Einleitung"), blank=True, help_text=_("Markdown, einfache Sprache."))
    foerderung = models.CharField(_("Förderung"), max_length=300, blank=True)
    partner = models.CharField(_("Partner"), max_length=300, blank=True)
    kontakt = models.TextField(
        _("Kontakt (Seniorenbüro)"),
        blank=True,
        help_text=_("Markdown. Eine Stelle, keine Person: Anschrift, Telefon und E-Mail des Büros."),
    )
    feedback_email = models.EmailField(
        _("E-Mail-Adresse für Rückmeldungen zu Barrieren"),
        blank=True,
        help_text=_("Wird nie angezeigt. Leer: die Absenderadresse der Anwendung."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("öffentlicher Auftritt")
        verbose_name_plural = _("öffentliche Auftritte")

    def __str__(self):
        return str(self.kommune)


class Quartiersseite(models.Model):
    """What the public page of a quarter says in words about it: its character, for residents."""

    quartier = models.OneToOneField(
        Quartier, on_delete=models.CASCADE, related_name="oeffentliche_seite", verbose_name=_("Quartier")
    )
    charakter = models.TextField(_("Was das Quartier ausmacht"), help_text=_("Markdown, einfache Sprache."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("öffentliche Quartiersseite")
        verbose_name_plural = _("öffentliche Quartiersseiten")

    def __str__(self):
        return str(self.quartier)

    def get_absolute_url(self):
        return reverse("oeffentlich:quartier", kwargs={"slug": self.quartier.slug})


class PflichtseiteArt(models.TextChoices):
    IMPRESSUM = "impressum", _("Impressum")
    DATENSCHUTZ = "datenschutz", _("Datenschutzerklärung")
    BARRIEREFREIHEIT = "barrierefreiheit", _("Erklärung zur Barrierefreiheit")
    LEICHTE_SPRACHE = "leichte-sprache", _("Leichte Sprache")


class Pflichtseite(models.Model):
    """A statutory page of a city (Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache)."""

    kommune = models.ForeignKey(
        Kommune, on_delete=models.CASCADE, related_name="pflichtseiten", verbose_name=_("Kommune")
    )
    art = models.CharField(_("Art"), max_length=20, choices=PflichtseiteArt.choices)
    text = models.TextField(_("Text"), help_text=_("Markdown."))
    ist_beispiel = models.BooleanField(
        _("Beispieltext"), default=False, help_text=_("Wird auf der Seite deutlich als Beispiel markiert.")
    )
    stand = models.DateField(_("Stand"), help_text=_("Bei der Erklärung zur Barrierefreiheit: Datum der Prüfung."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kommune", "art"]
        verbose_name = _("Pflichtseite")
        verbose_name_plural = _("Pflichtseiten")
        constraints = [models.UniqueConstraint(fields=["kommune", "art"], name="pflichtseite_einmal_je_art")]

    def __str__(self):
        return self.get_art_display()

    def get_absolute_url(self):
        return reverse("oeffentlich:pflichtseite", kwargs={"art": self.art})


class NeuigkeitQuerySet(models.QuerySet):
    def veroeffentlicht(self, bis):
        """Posts published at or before ``bis`` (aware datetime), newest first."""
        return self.filter(veroeffentlicht_am__isnull=False, veroeffentlicht_am__lte=bis).order_by(
            "-veroeffentlicht_am", "-pk"
        )


class Neuigkeit(models.Model):
    """A short news post of Projektteam; public once ``veroeffentlicht_am`` has passed."""

    titel = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kürzel für Adressen"), max_length=80, unique=True)
    text = models.TextField(_("Text"), help_text=_("Markdown, kurz und in einfacher Sprache."))
    veroeffentlicht_am = models.DateTimeField(
        _("veröffentlicht am"), null=True, blank=True, help_text=_("Leer: Entwurf, nicht öffentlich.")
    )
    verfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verfasst von"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NeuigkeitQuerySet.as_manager()

    class Meta:
        ordering = ["-veroeffentlicht_am", "-pk"]
        verbose_name = _("Neuigkeit")
        verbose_name_plural = _("Neuigkeiten")

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("oeffentlich:neuigkeit", kwargs={"slug": self.slug})


class Veranstaltungsfreigabe(models.Model):
    """That an event of the citizen dialogue is announced to the public, with a short public text."""

    veranstaltung = models.OneToOneField(
        Veranstaltung, on_delete=models.CASCADE, related_name="freigabe", verbose_name=_("Veranstaltung")
    )
    kurztext = models.TextField(_("Kurzbeschreibung für die Öffentlichkeit"), blank=True)
    freigegeben_am = models.DateTimeField(_("freigegeben am"))
    freigegeben_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Freigabe einer Veranstaltung")
        verbose_name_plural = _("Freigaben von Veranstaltungen")

    def __str__(self):
        return str(self.veranstaltung)

    def get_absolute_url(self):
        return reverse("oeffentlich:veranstaltung", kwargs={"pk": self.veranstaltung_id})


class Fotofreigabe(models.Model):
    """That a photo of a released documentation may be shown publicly, with its public
    alternative text (the internal caption is not shown)."""

    foto = models.OneToOneField(
        Dokumentationsfoto, on_delete=models.CASCADE, related_name="freigabe", verbose_name=_("Foto")
    )
    alternativtext = models.CharField(_("Alternativtext"), max_length=300)
    freigegeben_am = models.DateTimeField(_("freigegeben am"))
    freigegeben_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Freigabe eines Fotos")
        verbose_name_plural = _("Freigaben von Fotos")

    def __str__(self):
        return self.alternativtext

    def clean(self):
        """Only photos marked publishable, of a released documentation of a publicly released event."""
        if not self.foto_id:
            return
        if not self.foto.darf_veroeffentlicht_werden:
            raise ValidationError(
                _("Dieses Foto ist nicht zur Veröffentlichung markiert (Personen erkennbar oder ohne Zustimmung).")
            )
        dokumentation = self.foto.dokumentation
        if not dokumentation.ist_freigegeben:
            raise ValidationError(_("Fotos einer Dokumentation werden erst nach deren Freigabe veröffentlicht."))
        if not Veranstaltungsfreigabe.objects.filter(veranstaltung_id=dokumentation.veranstaltung_id).exists():
            raise ValidationError(_("Die Veranstaltung dieses Fotos ist nicht öffentlich."))


class Rueckmeldungszaehler(models.Model):
    """How many messages about barriers were sent in one clock hour: for the whole site
    (``absender`` 0) and per sender (``absender``: a keyed hash of the hour and the sender's address,
    so the address itself is never stored and two hours of one sender cannot be linked). Rows of past
    hours are deleted by the next message (``services.rueckmeldung``); no text column on purpose."""

    stunde = models.DateTimeField(_("Stunde"))
    absender = models.BigIntegerField(_("Absender (Prüfwert, 0 = alle)"))
    zahl = models.PositiveIntegerField(_("Anzahl"), default=0)

    class Meta:
        verbose_name = _("Zähler der Rückmeldungen")
        verbose_name_plural = _("Zähler der Rückmeldungen")
        constraints = [
            models.UniqueConstraint(fields=["stunde", "absender"], name="rueckmeldungszaehler_einmal_je_stunde")
        ]

    def __str__(self):
        return f"{self.stunde:%Y-%m-%d %H} Uhr: {self.zahl}"
