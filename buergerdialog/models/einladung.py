"""Who was invited to an event, how and when (the letter or e-mail itself is not kept)."""

from django.conf import settings
from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _

from quartiersprofil.models import Akteur

from .veranstaltung import Veranstaltung


class EinladungWeg(models.TextChoices):
    BRIEF = "brief", _("Brief")
    EMAIL = "email", _("E-Mail")


class Einladung(models.Model):
    """One invitation of a key person or actor (``Akteur``) to an event, by letter or e-mail.

    Only persons whose consent covers invitations are ever invited (``services.einladungen``);
    when a person is erased, their invitations go with them (CASCADE).
    """

    veranstaltung = models.ForeignKey(
        Veranstaltung, on_delete=models.CASCADE, related_name="einladungen", verbose_name=_("Veranstaltung")
    )
    akteur = models.ForeignKey(
        Akteur, on_delete=models.CASCADE, related_name="veranstaltungseinladungen", verbose_name=_("Akteur")
    )
    weg = models.CharField(_("Weg"), max_length=5, choices=EinladungWeg.choices)
    am = models.DateTimeField(_("eingeladen am"))
    von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eingeladen von"),
    )

    class Meta:
        ordering = ["-am", "pk"]
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")

    def __str__(self):
        return f"{self.get_weg_display()} {self.am:%d.%m.%Y}"
