"""Which organisation of the steering group's register a partner's user account speaks for."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from dwk.permissions import ist_partner
from lenkungsgruppe.models import Organisation


class Partnerkonto(models.Model):
    """Links a user account of the Partner role to its organisation (e.g. the moderating Stiftung
    Mitarbeit). A partner sees and edits exactly the events its organisation moderates
    (``Veranstaltung.moderation``, see ``rules.py``)."""

    benutzer = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="partnerkonto",
        verbose_name=_("Benutzerkonto"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="partnerkonten", verbose_name=_("Organisation")
    )

    class Meta:
        ordering = ["organisation", "benutzer"]
        verbose_name = _("Partnerkonto")
        verbose_name_plural = _("Partnerkonten")

    def __str__(self):
        return f"{self.benutzer} ({self.organisation})"

    def clean(self):
        if self.benutzer_id and not ist_partner(self.benutzer):
            raise ValidationError(
                {"benutzer": _("Nur Konten mit der Rolle Partner können einer Organisation zugeordnet werden.")},
                code="keine_partnerrolle",
            )
