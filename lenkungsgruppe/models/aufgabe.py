"""Tasks the steering group hands out: to a member or an organisation, from an agenda item or a decision."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dwk.zeit import heute

from .beschluss import Beschluss
from .organisation import Mitglied, Organisation
from .sitzung import Tagesordnungspunkt


class AufgabeQuerySet(models.QuerySet):
    def offen(self):
        return self.filter(status="offen")

    def ueberfaellig(self, am=None):
        """Open tasks due before ``am`` (today by default)."""
        return self.offen().filter(faellig_am__lt=am or heute())

    def von_mitglied(self, mitglied):
        """Tasks of ``mitglied`` in person or of the organisation the member represents."""
        return self.filter(
            Q(verantwortlich_mitglied=mitglied) | Q(verantwortlich_organisation=mitglied.organisation_id)
        )


class AufgabeStatus(models.TextChoices):
    OFFEN = "offen", _("offen")
    ERLEDIGT = "erledigt", _("erledigt")
    ENTFALLEN = "entfallen", _("entfallen")


class Aufgabe(models.Model):
    titel = models.CharField(_("Aufgabe"), max_length=300)
    beschreibung = models.TextField(_("Erläuterung"), blank=True)
    verantwortlich_mitglied = models.ForeignKey(
        Mitglied, on_delete=models.PROTECT, null=True, blank=True, related_name="aufgaben", verbose_name=_("Mitglied")
    )
    verantwortlich_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aufgaben",
        verbose_name=_("Organisation"),
    )
    faellig_am = models.DateField(_("fällig am"), null=True, blank=True)
    status = models.CharField(_("Status"), max_length=10, choices=AufgabeStatus.choices, default=AufgabeStatus.OFFEN)
    erledigt_am = models.DateField(_("erledigt am"), null=True, blank=True)
    tagesordnungspunkt = models.ForeignKey(
        Tagesordnungspunkt,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aufgaben",
        verbose_name=_("aus Tagesordnungspunkt"),
    )
    beschluss = models.ForeignKey(
        Beschluss,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aufgaben",
        verbose_name=_("aus Beschluss"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = AufgabeQuerySet.as_manager()

    class Meta:
        ordering = ["status", "faellig_am", "titel"]
        verbose_name = _("Aufgabe")
        verbose_name_plural = _("Aufgaben")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(verantwortlich_mitglied__isnull=False)
                | models.Q(verantwortlich_organisation__isnull=False),
                name="aufgabe_hat_verantwortliche",
            )
        ]

    def __str__(self):
        return self.titel

    def clean(self):
        if self.verantwortlich_mitglied_id is None and self.verantwortlich_organisation_id is None:
            raise ValidationError(
                _("Bitte geben Sie an, wer die Aufgabe übernimmt: ein Mitglied oder eine Organisation.")
            )

    @property
    def verantwortlich(self):
        return self.verantwortlich_mitglied or self.verantwortlich_organisation

    @property
    def ist_ueberfaellig(self):
        return self.status == AufgabeStatus.OFFEN and self.faellig_am is not None and self.faellig_am < heute()
