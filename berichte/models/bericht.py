"""A report to a political committee (cover letter and quarter profiles) and its frozen versions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lenkungsgruppe.models import Beschluss
from quartiersprofil.models import Profilfassung


class Gremium(models.TextChoices):
    BEZIRKSVERTRETUNG = "bezirksvertretung", _("Bezirksvertretung")
    FACHAUSSCHUSS = "fachausschuss", _("Fachausschuss")
    RAT = "rat", _("Rat der Stadt")


class BerichtStatus(models.TextChoices):
    ENTWURF = "entwurf", _("Entwurf")
    IN_BERATUNG = "in_beratung", _("in Beratung der Lenkungsgruppe")
    FREIGEGEBEN = "freigegeben", _("freigegeben")


class BerichtQuerySet(models.QuerySet):
    def mit_freigabe(self):
        """Reports with at least one released version (what the Ratsbüro sees)."""
        return self.filter(versionen__isnull=False).distinct()


class Bericht(models.Model):
    """A report to a committee: a cover letter (Anschreiben, possibly a formal Vorlage) and one or
    more quarter profiles (``Profilfassung``), rendered to one PDF.

    ``status`` is the state of the working text; what was released lives in ``BerichtVersion``
    (frozen, never overwritten). Editing a released report makes the working text a draft again;
    its next release is the next version. The council fields (``oparl_*``) are read from the council
    information system (OParl) when one is configured, else the Drucksachennummer is typed in.
    """

    betreff = models.CharField(_("Betreff"), max_length=300)
    gremium = models.CharField(_("Gremium"), max_length=20, choices=Gremium.choices)
    gremium_name = models.CharField(
        _("Name des Gremiums"), max_length=200, blank=True, help_text=_("z. B. „Bezirksvertretung Hombruch“")
    )
    sitzungsdatum = models.DateField(_("Sitzungsdatum"), null=True, blank=True)
    drucksachennummer = models.CharField(
        _("Drucksachennummer"), max_length=50, blank=True, help_text=_("z. B. „07654-17“")
    )
    beschlussvorschlag = models.TextField(_("Beschlussvorschlag"), blank=True, help_text=_("Markdown"))
    begruendung = models.TextField(_("Begründung"), blank=True, help_text=_("Markdown"))
    beschluss = models.ForeignKey(
        Beschluss,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="berichte",
        verbose_name=_("Beschluss der Lenkungsgruppe"),
        help_text=_("Der Beschluss der Lenkungsgruppe, auf dem der Bericht beruht."),
    )
    profilfassungen = models.ManyToManyField(
        Profilfassung, related_name="berichte", verbose_name=_("Quartiersprofile (Fassungen)")
    )
    status = models.CharField(_("Status"), max_length=20, choices=BerichtStatus.choices, default=BerichtStatus.ENTWURF)
    beratung_frist = models.DateField(_("Frist der Beratung"), null=True, blank=True)
    # Read from OParl (Paper); empty without a link.
    oparl_id = models.URLField(_("OParl-Drucksache"), max_length=500, blank=True)
    oparl_name = models.CharField(_("Name der Drucksache"), max_length=500, blank=True)
    oparl_datum = models.DateField(_("Datum der Drucksache"), null=True, blank=True)
    oparl_art = models.CharField(_("Art der Drucksache"), max_length=200, blank=True)
    oparl_beratungen = models.JSONField(_("Beratungsfolge"), default=list, blank=True)
    oparl_abgerufen_am = models.DateTimeField(_("aus dem Ratsinformationssystem gelesen am"), null=True, blank=True)
    entwurf_pdf = models.FileField(_("PDF des Arbeitsstands"), upload_to="berichte/entwuerfe/", blank=True)
    entwurf_pdf_stand = models.DateTimeField(_("Stand des PDFs des Arbeitsstands"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(
        excluded_fields=["updated_at", "entwurf_pdf", "entwurf_pdf_stand"], m2m_fields=[profilfassungen]
    )

    objects = BerichtQuerySet.as_manager()

    class Meta:
        ordering = ["-sitzungsdatum", "-pk"]
        verbose_name = _("Bericht")
        verbose_name_plural = _("Berichte")

    def __str__(self):
        return self.betreff

    def get_absolute_url(self):
        return reverse("berichte:detail", kwargs={"pk": self.pk})

    @property
    def gremium_anzeige(self):
        return self.gremium_name or self.get_gremium_display()


def version_pfad(version: "BerichtVersion", dateiname: str) -> str:
    return f"berichte/freigaben/bericht-{version.bericht_id}-v{version.nummer}.pdf"


class BerichtVersion(models.Model):
    """A released version of a report: the PDF rendered once at release, never overwritten.

    ``inhalt`` keeps the text of every section as released (for the comparison of two versions);
    ``sha256`` is the checksum of the stored file, which is served byte for byte.
    """

    bericht = models.ForeignKey(Bericht, on_delete=models.PROTECT, related_name="versionen", verbose_name=_("Bericht"))
    nummer = models.PositiveIntegerField(_("Version"))
    datei = models.FileField(_("PDF"), upload_to=version_pfad)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    groesse = models.PositiveIntegerField(_("Größe in Bytes"))
    seiten = models.PositiveIntegerField(_("Seiten"))
    inhalt = models.JSONField(_("Inhalt der Abschnitte"), default=list)
    beschluss = models.ForeignKey(
        Beschluss,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="berichtsfreigaben",
        verbose_name=_("Freigabebeschluss der Lenkungsgruppe"),
    )
    freigegeben_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("freigegeben von"),
    )
    freigegeben_am = models.DateTimeField(_("freigegeben am"))

    class Meta:
        ordering = ["bericht", "-nummer"]
        verbose_name = _("freigegebene Version eines Berichts")
        verbose_name_plural = _("freigegebene Versionen von Berichten")
        constraints = [models.UniqueConstraint(fields=["bericht", "nummer"], name="berichtversion_nummer_eindeutig")]

    def __str__(self):
        return f"{self.bericht}, Version {self.nummer}"

    def get_absolute_url(self):
        return reverse("berichte:version_pdf", kwargs={"pk": self.bericht_id, "nummer": self.nummer})


def profildatei_pfad(profildatei: "ProfilDatei", dateiname: str) -> str:
    fassung = profildatei.fassung
    return f"berichte/profile/quartiersprofil-{fassung.quartier_id}-f{fassung.nummer}.pdf"


class ProfilDatei(models.Model):
    """The PDF of a released quarter profile version, rendered once and then served as stored."""

    fassung = models.OneToOneField(
        Profilfassung, on_delete=models.PROTECT, related_name="pdf_datei", verbose_name=_("Fassung")
    )
    datei = models.FileField(_("PDF"), upload_to=profildatei_pfad)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    groesse = models.PositiveIntegerField(_("Größe in Bytes"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gespeichertes Quartiersprofil-PDF")
        verbose_name_plural = _("gespeicherte Quartiersprofil-PDFs")

    def __str__(self):
        return str(self.fassung)


class Belegstand(models.Model):
    """The evidence of a released quarter profile version as it stood when it was released (indicator
    values, coverage, walk-through findings, photos, survey answers, source excerpts), frozen as JSON
    so that every later rendering and the version comparison show that state, not today's data."""

    fassung = models.OneToOneField(
        Profilfassung, on_delete=models.PROTECT, related_name="belegstand", verbose_name=_("Fassung")
    )
    belege = models.JSONField(_("Belege je Handlungsfeld"), default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("eingefrorener Stand der Belege")
        verbose_name_plural = _("eingefrorene Stände der Belege")

    def __str__(self):
        return str(self.fassung)
