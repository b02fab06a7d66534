"""The six fields of action (Handlungsfelder) that order indicators, categories and measures."""

from django.contrib.gis.db import models
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

farbe_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Bitte eine Farbe als #RRGGBB angeben."))


class Handlungsfeld(models.Model):
    """One of the six fields of action, created by data migration."""

    name = models.CharField(_("Name"), max_length=100, unique=True)
    kurzname = models.CharField(_("Kurzname"), max_length=30, unique=True)
    slug = models.SlugField(_("Kürzel"), unique=True)
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), unique=True)
    farbe = models.CharField(
        _("Farbe"),
        max_length=7,
        validators=[farbe_validator],
        help_text=_("Kontrast mindestens 4,5:1 zu Weiß, damit weiße Schrift darauf lesbar ist."),
    )
    beschreibung = models.TextField(_("Beschreibung"))
    who_bereiche = models.JSONField(
        _("WHO-Bereiche"),
        default=list,
        help_text=_("Bereiche der WHO-Checkliste „altersfreundliche Stadt“, die dieses Handlungsfeld abdeckt."),
    )

    class Meta:
        ordering = ["reihenfolge"]
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")

    def __str__(self):
        return self.name
