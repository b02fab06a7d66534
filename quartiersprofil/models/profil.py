"""The profile: texts per field of action, versioned."""

from django.conf import settings
from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Handlungsfeld, Indikator, InfrastrukturKategorie, Quartier

from .befragung import Antwort
from .begehungen import Befund, Foto
from .personen import Gespraech
from .quellen import QuellenAuszug

# --- The profile: texts per field of action, versioned ---------------------------------------


class ProfilStatus(models.TextChoices):
    ENTWURF = "entwurf", _("Entwurf")
    IN_BERATUNG = "in_beratung", _("in Beratung")
    FREIGEGEBEN = "freigegeben", _("freigegeben")


class Profilfassung(models.Model):
    """One version of a quarter's profile. A released version is frozen; the next draft is a copy."""

    quartier = models.ForeignKey(
        Quartier, on_delete=models.CASCADE, related_name="profilfassungen", verbose_name=_("Quartier")
    )
    nummer = models.PositiveSmallIntegerField(_("Fassung"))
    status = models.CharField(_("Status"), max_length=15, choices=ProfilStatus.choices, default=ProfilStatus.ENTWURF)
    vorgaenger = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="nachfolger", verbose_name=_("Vorgänger")
    )
    freigegeben_am = models.DateTimeField(_("freigegeben am"), null=True, blank=True)
    freigegeben_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["quartier", "-nummer"]
        verbose_name = _("Fassung des Quartiersprofils")
        verbose_name_plural = _("Fassungen des Quartiersprofils")
        constraints = [
            models.UniqueConstraint(fields=["quartier", "nummer"], name="profilfassung_nummer_eindeutig"),
            models.UniqueConstraint(
                fields=["quartier"],
                condition=~models.Q(status="freigegeben"),
                name="profilfassung_hoechstens_ein_arbeitsstand",
            ),
        ]

    def __str__(self):
        return f"Quartiersprofil {self.quartier}, Fassung {self.nummer} ({self.get_status_display()})"

    @property
    def ist_eingefroren(self):
        return self.status == ProfilStatus.FREIGEGEBEN


# The evidence a section links to (M2M fields of ProfilAbschnitt), in the order pages show them.
BELEG_FELDER = (
    "indikatoren",
    "infrastruktur_kategorien",
    "befunde",
    "fotos",
    "quellen_auszuege",
    "antworten",
    "gespraeche",
)
TEXT_FELDER = ("bestand", "staerken", "handlungsbedarf")


class ProfilAbschnitt(models.Model):
    """The profile's text for one field of action, with the evidence it rests on."""

    fassung = models.ForeignKey(
        Profilfassung, on_delete=models.CASCADE, related_name="abschnitte", verbose_name=_("Fassung")
    )
    handlungsfeld = models.ForeignKey(
        Handlungsfeld, on_delete=models.PROTECT, related_name="profil_abschnitte", verbose_name=_("Handlungsfeld")
    )
    bestand = models.TextField(_("Bestand"), blank=True, help_text=_("Markdown"))
    staerken = models.TextField(_("Stärken"), blank=True, help_text=_("Markdown"))
    handlungsbedarf = models.TextField(_("Handlungsbedarf"), blank=True, help_text=_("Markdown"))
    indikatoren = models.ManyToManyField(Indikator, blank=True, related_name="+", verbose_name=_("Indikatoren"))
    infrastruktur_kategorien = models.ManyToManyField(
        InfrastrukturKategorie, blank=True, related_name="+", verbose_name=_("Erreichbarkeit (Kategorien)")
    )
    befunde = models.ManyToManyField(Befund, blank=True, related_name="profil_abschnitte", verbose_name=_("Befunde"))
    fotos = models.ManyToManyField(Foto, blank=True, related_name="profil_abschnitte", verbose_name=_("Fotos"))
    quellen_auszuege = models.ManyToManyField(
        QuellenAuszug, blank=True, related_name="profil_abschnitte", verbose_name=_("Quellen")
    )
    antworten = models.ManyToManyField(
        Antwort, blank=True, related_name="profil_abschnitte", verbose_name=_("Antworten der Seniorenbüros")
    )
    gespraeche = models.ManyToManyField(
        Gespraech, blank=True, related_name="profil_abschnitte", verbose_name=_("Gespräche")
    )
    updated_at = models.DateTimeField(auto_now=True)
    # The linked evidence is part of the history too (simple_history's m2m tracking).
    history = HistoricalRecords(
        excluded_fields=["updated_at"],
        m2m_fields=[
            indikatoren,
            infrastruktur_kategorien,
            befunde,
            fotos,
            quellen_auszuege,
            antworten,
            gespraeche,
        ],
    )

    class Meta:
        ordering = ["fassung", "handlungsfeld__reihenfolge"]
        verbose_name = _("Abschnitt des Quartiersprofils")
        verbose_name_plural = _("Abschnitte des Quartiersprofils")
        constraints = [models.UniqueConstraint(fields=["fassung", "handlungsfeld"], name="profilabschnitt_eindeutig")]

    def __str__(self):
        return f"{self.fassung} – {self.handlungsfeld}"

    @property
    def leere_teile(self):
        """The names of the text parts that are still empty."""
        return [
            str(feld.verbose_name)
            for feld in (self._meta.get_field(n) for n in ("bestand", "staerken", "handlungsbedarf"))
            if not getattr(self, feld.name).strip()
        ]
