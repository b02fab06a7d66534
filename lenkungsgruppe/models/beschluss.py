"""Decisions of the steering group (the decision register)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Handlungsfeld, Quartier

from .sitzung import Sitzung, Tagesordnungspunkt


class BeschlussQuerySet(models.QuerySet):
    def gefiltert(self, *, art=None, handlungsfeld=None, quartier=None, von=None, bis=None):
        """The register's filters; each argument left empty does not filter."""
        qs = self
        if art:
            qs = qs.filter(art=art)
        if handlungsfeld:
            qs = qs.filter(handlungsfelder=handlungsfeld)
        if quartier:
            qs = qs.filter(quartiere=quartier)
        if von:
            qs = qs.filter(sitzung__beginn__date__gte=von)
        if bis:
            qs = qs.filter(sitzung__beginn__date__lte=bis)
        return qs.distinct()

    def naechste_nummer(self):
        return (self.aggregate(hoechste=Max("nummer"))["hoechste"] or 0) + 1


class BeschlussArt(models.TextChoices):
    HANDLUNGSFELDER = "handlungsfelder", _("Festlegung der Handlungsfelder")
    REFERENZQUARTIERE = "referenzquartiere", _("Auswahl der Referenzquartiere")
    DATENERFASSUNG = "datenerfassung", _("Festlegung der Datenerfassung")
    BEWERTUNG = "bewertung", _("Bewertung")
    BERICHTSFREIGABE = "berichtsfreigabe", _("Berichtsfreigabe")
    SONSTIGES = "sonstiges", _("sonstiges")


class Beschluss(models.Model):
    nummer = models.PositiveIntegerField(_("Nummer"), unique=True, help_text=_("Fortlaufend; wird vergeben."))
    titel = models.CharField(_("Titel"), max_length=200)
    text = models.TextField(_("Beschlusstext"), help_text=_("Markdown wie im Protokoll."))
    art = models.CharField(_("Art"), max_length=20, choices=BeschlussArt.choices, default=BeschlussArt.SONSTIGES)
    sitzung = models.ForeignKey(
        Sitzung, on_delete=models.PROTECT, related_name="beschluesse", verbose_name=_("Sitzung")
    )
    tagesordnungspunkt = models.ForeignKey(
        Tagesordnungspunkt,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="beschluesse",
        verbose_name=_("Tagesordnungspunkt"),
    )
    einvernehmlich = models.BooleanField(
        _("im Einvernehmen"), default=True, help_text=_("Ohne Abstimmung im Konsens gefasst.")
    )
    ja = models.PositiveSmallIntegerField(_("Ja-Stimmen"), null=True, blank=True)
    nein = models.PositiveSmallIntegerField(_("Nein-Stimmen"), null=True, blank=True)
    enthaltungen = models.PositiveSmallIntegerField(_("Enthaltungen"), null=True, blank=True)
    quartiere = models.ManyToManyField(
        Quartier, related_name="lenkungsgruppe_beschluesse", blank=True, verbose_name=_("Quartiere")
    )
    handlungsfelder = models.ManyToManyField(
        Handlungsfeld, related_name="lenkungsgruppe_beschluesse", blank=True, verbose_name=_("Handlungsfelder")
    )
    fachplanungen = models.ManyToManyField(
        "Fachplanung", related_name="beschluesse", blank=True, verbose_name=_("Fachplanungen")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[quartiere, handlungsfelder])

    objects = BeschlussQuerySet.as_manager()

    class Meta:
        ordering = ["-nummer"]
        verbose_name = _("Beschluss")
        verbose_name_plural = _("Beschlüsse")

    def __str__(self):
        return f"Nr. {self.nummer}: {self.titel}"

    def get_absolute_url(self):
        return reverse("lenkungsgruppe:beschluss_detail", kwargs={"pk": self.pk})

    def clean(self):
        stimmen = (self.ja, self.nein, self.enthaltungen)
        if self.einvernehmlich and any(s is not None for s in stimmen):
            raise ValidationError(_("Ein Beschluss im Einvernehmen hat keine Stimmenzahlen."))
        if not self.einvernehmlich and self.ja is None:
            raise ValidationError({"ja": _("Bitte geben Sie das Abstimmungsergebnis an.")})
        if self.tagesordnungspunkt_id and self.sitzung_id and self.tagesordnungspunkt.sitzung_id != self.sitzung_id:
            raise ValidationError({"tagesordnungspunkt": _("Der Tagesordnungspunkt gehört zu einer anderen Sitzung.")})

    @property
    def abstimmung(self):
        if self.einvernehmlich:
            return _("im Einvernehmen")
        return _("%(ja)s ja, %(nein)s nein, %(enthaltungen)s Enthaltungen") % {
            "ja": self.ja or 0,
            "nein": self.nein or 0,
            "enthaltungen": self.enthaltungen or 0,
        }
