"""What the steering group plans with: sectoral plans and their ratings, other urban-development
projects, and the milestones of the programme's timeline."""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Handlungsfeld, Quartier

from .beschluss import Beschluss
from .organisation import Mitglied

PDF_MAX_BYTES = 20 * 1024 * 1024


def pdf_pruefen(datei):
    """Accept only a real PDF of at most 20 MB: it starts with ``%PDF-`` and ends with ``%%EOF``."""
    if datei.size > PDF_MAX_BYTES:
        raise ValidationError(
            _("Die Datei ist zu groß; erlaubt sind höchstens %(groesse)s.")
            % {"groesse": filesizeformat(PDF_MAX_BYTES)},
            code="zu_gross",
        )
    position = datei.tell() if hasattr(datei, "tell") else 0
    try:
        datei.seek(0)
        anfang = datei.read(1024)
        datei.seek(max(datei.size - 1024, 0))
        ende = datei.read()
    finally:
        datei.seek(position)
    if b"%PDF-" not in anfang[:1024] or b"%%EOF" not in ende:
        raise ValidationError(_("Die Datei ist kein gültiges PDF-Dokument."), code="kein_pdf")


class FachplanungQuerySet(models.QuerySet):
    def mit_bewertungszahl(self):
        return self.annotate(anzahl_bewertungen=Count("bewertungen", distinct=True))

    def wartet_auf_bewertung_von(self, mitglied):
        """Plans with at least one Handlungsfeld that ``mitglied`` has not rated yet."""
        return self.annotate(
            felder=Count("handlungsfelder", distinct=True),
            eigene=Count("bewertungen", filter=Q(bewertungen__mitglied=mitglied), distinct=True),
        ).filter(felder__gt=0, eigene__lt=models.F("felder"))


class FachplanungArt(models.TextChoices):
    MASTERPLAN = "masterplan", _("Masterplan")
    BERICHT = "bericht", _("Bericht")
    IHK = "ihk", _("Integriertes Handlungskonzept (IHK)")
    KONZEPT = "konzept", _("Konzept / Plan")
    PROJEKT = "projekt", _("Projekt")
    SONSTIGE = "sonstige", _("sonstige")


class Fachplanung(models.Model):
    """A master plan, report or integrated action concept the group brings in and rates."""

    titel = models.CharField(_("Titel"), max_length=200)
    art = models.CharField(_("Art"), max_length=20, choices=FachplanungArt.choices)
    jahr = models.PositiveSmallIntegerField(
        _("Jahr"), null=True, blank=True, validators=[MinValueValidator(1950), MaxValueValidator(2100)]
    )
    federfuehrung = models.CharField(_("federführende Stelle"), max_length=200, blank=True)
    link = models.URLField(_("Link"), blank=True)
    datei = models.FileField(
        _("PDF-Datei"),
        upload_to="lenkungsgruppe/fachplanungen/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), pdf_pruefen],
        help_text=_("Nur PDF, höchstens 20 MB."),
    )
    handlungsfelder = models.ManyToManyField(
        Handlungsfeld, related_name="fachplanungen", blank=True, verbose_name=_("Handlungsfelder")
    )
    quartiere = models.ManyToManyField(Quartier, related_name="fachplanungen", blank=True, verbose_name=_("Quartiere"))
    notizen = models.TextField(_("Notizen"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = FachplanungQuerySet.as_manager()

    class Meta:
        ordering = ["titel"]
        verbose_name = _("Fachplanung")
        verbose_name_plural = _("Fachplanungen")

    def __str__(self):
        return f"{self.titel} ({self.jahr})" if self.jahr else self.titel

    def get_absolute_url(self):
        return reverse("lenkungsgruppe:fachplanung_detail", kwargs={"pk": self.pk})


class FachplanungBewertung(models.Model):
    """How relevant a member finds a plan for one Handlungsfeld (1 = kaum, 5 = sehr)."""

    fachplanung = models.ForeignKey(Fachplanung, on_delete=models.CASCADE, related_name="bewertungen")
    mitglied = models.ForeignKey(Mitglied, on_delete=models.CASCADE, related_name="bewertungen")
    handlungsfeld = models.ForeignKey(Handlungsfeld, on_delete=models.PROTECT, related_name="+")
    relevanz = models.PositiveSmallIntegerField(
        _("Relevanz"), validators=[MinValueValidator(1), MaxValueValidator(5)], help_text=_("1 = kaum, 5 = sehr")
    )
    kommentar = models.TextField(_("Kommentar"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["fachplanung", "handlungsfeld__reihenfolge", "mitglied__nachname"]
        constraints = [
            models.UniqueConstraint(fields=["fachplanung", "mitglied", "handlungsfeld"], name="bewertung_eindeutig"),
            models.CheckConstraint(condition=models.Q(relevanz__gte=1, relevanz__lte=5), name="relevanz_1_bis_5"),
        ]
        verbose_name = _("Bewertung einer Fachplanung")
        verbose_name_plural = _("Bewertungen von Fachplanungen")

    def __str__(self):
        return f"{self.fachplanung} – {self.handlungsfeld}: {self.relevanz}"


class Stadtentwicklungsprojekt(models.Model):
    """Another urban-development project the group links to, e.g. „nordwärts“."""

    name = models.CharField(_("Name"), max_length=200, unique=True)
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    link = models.URLField(_("Link"), blank=True)
    quartiere = models.ManyToManyField(
        Quartier, related_name="stadtentwicklungsprojekte", blank=True, verbose_name=_("berührte Quartiere")
    )
    kontakt_name = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    kontakt_stelle = models.CharField(_("Stelle"), max_length=200, blank=True)
    kontakt_email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    kontakt_telefon = models.CharField(_("Telefon"), max_length=50, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Stadtentwicklungsprojekt")
        verbose_name_plural = _("Stadtentwicklungsprojekte")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("lenkungsgruppe:projekt_detail", kwargs={"pk": self.pk})


class MeilensteinStatus(models.TextChoices):
    GEPLANT = "geplant", _("geplant")
    LAUFEND = "laufend", _("läuft")
    ERREICHT = "erreicht", _("erreicht")
    VERSCHOBEN = "verschoben", _("verschoben")


class Meilenstein(models.Model):
    titel = models.CharField(_("Titel"), max_length=200)
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    geplant_am = models.DateField(_("geplant für"))
    erreicht_am = models.DateField(_("erreicht am"), null=True, blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=MeilensteinStatus.choices, default=MeilensteinStatus.GEPLANT
    )
    beschluss = models.ForeignKey(
        Beschluss, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("Beschluss")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["geplant_am", "titel"]
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")

    def __str__(self):
        return self.titel

    def clean(self):
        if self.status == MeilensteinStatus.ERREICHT and self.erreicht_am is None:
            raise ValidationError({"erreicht_am": _("Bitte geben Sie an, wann der Meilenstein erreicht wurde.")})

    @property
    def abweichung_tage(self):
        """Days between plan and reality (positive = later than planned), or None."""
        if self.erreicht_am is None:
            return None
        return (self.erreicht_am - self.geplant_am).days
