"""Who belongs to the steering group: the organisations and their members."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dwk.zeit import heute


class OrganisationArt(models.TextChoices):
    FACHBEREICH = "fachbereich", _("Fachbereich der Stadt")
    BEIRAT = "beirat", _("Beirat")
    WOHLFAHRTSVERBAND = "wohlfahrtsverband", _("Wohlfahrtsverband")
    WISSENSCHAFT = "wissenschaft", _("Wissenschaft")
    EXTERNER_PARTNER = "externer_partner", _("externer Partner")


class Organisation(models.Model):
    name = models.CharField(_("Name"), max_length=200, unique=True)
    kurzname = models.CharField(_("Kurzname"), max_length=50, unique=True)
    art = models.CharField(_("Art"), max_length=20, choices=OrganisationArt.choices)

    class Meta:
        ordering = ["art", "name"]
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")

    def __str__(self):
        return self.kurzname


class MitgliedQuerySet(models.QuerySet):
    def aktiv(self, am=None):
        """Members on ``am`` (today by default): joined on or before, not yet left."""
        am = am or heute()
        return self.filter(mitglied_seit__lte=am).filter(Q(mitglied_bis__isnull=True) | Q(mitglied_bis__gte=am))

    def ausgeschieden(self, am=None):
        am = am or heute()
        return self.filter(mitglied_bis__lt=am)


class Mitglied(models.Model):
    """A person in the steering group, representing an organisation for a period."""

    anrede = models.CharField(_("Anrede"), max_length=20, blank=True, help_text=_("z. B. „Frau“, „Herr“"))
    titel = models.CharField(_("Titel"), max_length=30, blank=True, help_text=_("z. B. „Dr.“"))
    vorname = models.CharField(_("Vorname"), max_length=100)
    nachname = models.CharField(_("Nachname"), max_length=100)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="mitglieder", verbose_name=_("Organisation")
    )
    funktion = models.CharField(_("Funktion"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    stellvertretung = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vertretene",
        verbose_name=_("Stellvertretung"),
    )
    mitglied_seit = models.DateField(_("Mitglied seit"))
    mitglied_bis = models.DateField(_("Mitglied bis"), null=True, blank=True)
    benutzer = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lenkungsgruppe_mitglied",
        verbose_name=_("Benutzerkonto"),
        help_text=_("Mit dem Konto sieht die Person ihre Aufgaben und bewertet Fachplanungen."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = MitgliedQuerySet.as_manager()

    class Meta:
        ordering = ["nachname", "vorname"]
        verbose_name = _("Mitglied")
        verbose_name_plural = _("Mitglieder")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(mitglied_bis__isnull=True) | models.Q(mitglied_bis__gte=models.F("mitglied_seit")),
                name="mitglied_bis_nach_seit",
            )
        ]

    def __str__(self):
        return " ".join(teil for teil in (self.titel, self.vorname, self.nachname) if teil)

    def get_absolute_url(self):
        return reverse("lenkungsgruppe:mitglied_liste") + f"#mitglied-{self.pk}"

    def clean(self):
        if self.mitglied_bis and self.mitglied_seit and self.mitglied_bis < self.mitglied_seit:
            raise ValidationError({"mitglied_bis": _("Das Ende der Mitgliedschaft liegt vor ihrem Beginn.")})
        if self.pk and self.stellvertretung_id == self.pk:
            raise ValidationError({"stellvertretung": _("Ein Mitglied kann sich nicht selbst vertreten.")})

    @property
    def ist_aktiv(self):
        tag = heute()
        return self.mitglied_seit <= tag and (self.mitglied_bis is None or self.mitglied_bis >= tag)
