"""The quarter profile and its evidence: walk-throughs with findings and photos, reviewed
sources, the survey of the senior offices, key persons and talks, the texts per field of
action (versioned) and the measure proposals.

Personal data live only in ``Akteur`` (names, contact details); everything else refers to a
person through it, so export and erasure have one place to look.
"""

import uuid

from django.conf import settings
from django.contrib.gis.db import models
from django.core.validators import MaxValueValidator, MinValueValidator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Handlungsfeld, Indikator, Infrastruktur, InfrastrukturKategorie, Quartier

# --- Walk-throughs -------------------------------------------------------------------------


class Quartiersbegehung(models.Model):
    quartier = models.ForeignKey(
        Quartier, on_delete=models.CASCADE, related_name="begehungen", verbose_name=_("Quartier")
    )
    datum = models.DateField(_("Datum"))
    teilnehmende_organisationen = models.ManyToManyField(
        "lenkungsgruppe.Organisation",
        blank=True,
        related_name="begehungen",
        verbose_name=_("beteiligte Fachämter und Organisationen"),
    )
    teilnehmende = models.ManyToManyField(
        "Akteur", blank=True, related_name="begehungen", verbose_name=_("beteiligte Personen")
    )
    route = models.MultiLineStringField(_("Route"), srid=4326, null=True, blank=True)
    zusammenfassung = models.TextField(_("Zusammenfassung"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-datum"]
        verbose_name = _("Quartiersbegehung")
        verbose_name_plural = _("Quartiersbegehungen")

    def __str__(self):
        return f"{self.quartier} – {self.datum:%d.%m.%Y}"


class BefundArt(models.TextChoices):
    STAERKE = "staerke", _("Stärke")
    MANGEL = "mangel", _("Mangel")


class Befund(models.Model):
    """A finding of a walk-through."""

    begehung = models.ForeignKey(
        Quartiersbegehung, on_delete=models.CASCADE, related_name="befunde", verbose_name=_("Begehung")
    )
    text = models.TextField(_("Befund"))
    handlungsfeld = models.ForeignKey(
        Handlungsfeld, on_delete=models.PROTECT, related_name="befunde", verbose_name=_("Handlungsfeld")
    )
    art = models.CharField(_("Art"), max_length=10, choices=BefundArt.choices)
    ort = models.PointField(_("Ort"), srid=4326, null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["begehung", "handlungsfeld__reihenfolge", "pk"]
        verbose_name = _("Befund")
        verbose_name_plural = _("Befunde")

    def __str__(self):
        return f"{self.get_art_display()}: {self.text[:60]}"


def foto_pfad_original(instance, dateiname):
    return f"fotos/original/{uuid.uuid4().hex}.jpg"


def foto_pfad_web(instance, dateiname):
    return f"fotos/web/{uuid.uuid4().hex}.jpg"


def foto_pfad_druck(instance, dateiname):
    return f"fotos/druck/{uuid.uuid4().hex}.jpg"


class Foto(models.Model):
    """A photo, re-encoded on upload without any metadata.

    ``datei`` is the re-encoded full-size image, ``web`` and ``druck`` its derivatives for
    pages and PDFs (pages and PDFs never use ``datei``). The GPS position of the upload
    becomes ``standort`` and is not kept in any file.
    """

    quartier = models.ForeignKey(Quartier, on_delete=models.CASCADE, related_name="fotos", verbose_name=_("Quartier"))
    begehung = models.ForeignKey(
        Quartiersbegehung,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="fotos",
        verbose_name=_("Begehung"),
    )
    befund = models.ForeignKey(
        Befund, on_delete=models.SET_NULL, null=True, blank=True, related_name="fotos", verbose_name=_("Befund")
    )
    datei = models.ImageField(_("Foto"), upload_to=foto_pfad_original, width_field="breite", height_field="hoehe")
    breite = models.PositiveIntegerField(_("Breite (px)"), default=0)
    hoehe = models.PositiveIntegerField(_("Höhe (px)"), default=0)
    web = models.ImageField(_("Webgröße"), upload_to=foto_pfad_web)
    druck = models.ImageField(_("Druckgröße"), upload_to=foto_pfad_druck)
    standort = models.PointField(_("Standort"), srid=4326, null=True, blank=True)
    aufgenommen_am = models.DateTimeField(_("aufgenommen am"), null=True, blank=True)
    bildunterschrift = models.CharField(_("Bildunterschrift"), max_length=300, blank=True)
    handlungsfeld = models.ForeignKey(
        Handlungsfeld,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fotos",
        verbose_name=_("Handlungsfeld"),
    )
    darf_veroeffentlicht_werden = models.BooleanField(
        _("darf veröffentlicht werden"),
        default=False,
        help_text=_("Nur ankreuzen, wenn keine Personen zu erkennen sind oder sie zugestimmt haben."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "datei", "web", "druck"])

    class Meta:
        ordering = ["quartier", "-aufgenommen_am", "pk"]
        verbose_name = _("Foto")
        verbose_name_plural = _("Fotos")

    def __str__(self):
        return self.bildunterschrift or f"Foto {self.pk}"


# --- Sources and the survey of the senior offices -----------------------------------------


class QuelleArt(models.TextChoices):
    MASTERPLAN = "masterplan", _("Masterplan / Fachplanung")
    BERICHT = "bericht", _("Bericht")
    IHK = "ihk", _("Integriertes Handlungskonzept (IHK)")
    BEZIRKSSEITE = "bezirksseite", _("Internetseite des Bezirks")
    QUARTIERSSEITE = "quartiersseite", _("Internetseite im Quartier")
    SONSTIGE = "sonstige", _("sonstige")


class Quelle(models.Model):
    """A plan, report or web page reviewed for a quarter's profile."""

    quartier = models.ForeignKey(Quartier, on_delete=models.CASCADE, related_name="quellen", verbose_name=_("Quartier"))
    titel = models.CharField(_("Titel"), max_length=300)
    art = models.CharField(_("Art"), max_length=20, choices=QuelleArt.choices)
    fachplanung = models.ForeignKey(
        "lenkungsgruppe.Fachplanung",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quellen",
        verbose_name=_("Fachplanung der Lenkungsgruppe"),
    )
    url = models.URLField(_("Adresse im Netz"), blank=True)
    gesichtet_am = models.DateField(_("gesichtet am"), null=True, blank=True)
    notiz = models.TextField(_("Notiz"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["quartier", "titel"]
        verbose_name = _("Quelle")
        verbose_name_plural = _("Quellen")

    def __str__(self):
        return self.titel


class QuellenAuszug(models.Model):
    """What a source says about one field of action."""

    quelle = models.ForeignKey(Quelle, on_delete=models.CASCADE, related_name="auszuege", verbose_name=_("Quelle"))
    handlungsfeld = models.ForeignKey(
        Handlungsfeld, on_delete=models.PROTECT, related_name="quellen_auszuege", verbose_name=_("Handlungsfeld")
    )
    text = models.TextField(_("Auszug"))
    fundstelle = models.CharField(_("Fundstelle"), max_length=100, blank=True, help_text=_("z. B. „S. 12“"))

    class Meta:
        ordering = ["quelle", "handlungsfeld__reihenfolge"]
        verbose_name = _("Auszug aus einer Quelle")
        verbose_name_plural = _("Auszüge aus Quellen")

    def __str__(self):
        return f"{self.quelle} – {self.handlungsfeld}"


class Befragung(models.Model):
    """One round of the written survey of the senior offices."""

    titel = models.CharField(_("Titel"), max_length=200)
    jahr = models.PositiveSmallIntegerField(_("Jahr"))
    versandt_am = models.DateField(_("versandt am"), null=True, blank=True)

    class Meta:
        ordering = ["-jahr", "titel"]
        verbose_name = _("Befragung der Seniorenbüros")
        verbose_name_plural = _("Befragungen der Seniorenbüros")

    def __str__(self):
        return self.titel


class Frage(models.Model):
    """A question of the questionnaire; the questions are grouped by field of action."""

    befragung = models.ForeignKey(
        Befragung, on_delete=models.CASCADE, related_name="fragen", verbose_name=_("Befragung")
    )
    handlungsfeld = models.ForeignKey(
        Handlungsfeld, on_delete=models.PROTECT, related_name="fragen", verbose_name=_("Handlungsfeld")
    )
    text = models.CharField(_("Frage"), max_length=500)
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["befragung", "handlungsfeld__reihenfolge", "reihenfolge", "pk"]
        verbose_name = _("Frage")
        verbose_name_plural = _("Fragen")

    def __str__(self):
        return self.text


class Antwort(models.Model):
    """A senior office's answer for one quarter, entered from the returned paper form."""

    frage = models.ForeignKey(Frage, on_delete=models.CASCADE, related_name="antworten", verbose_name=_("Frage"))
    quartier = models.ForeignKey(
        Quartier, on_delete=models.CASCADE, related_name="befragungsantworten", verbose_name=_("Quartier")
    )
    seniorenbuero = models.ForeignKey(
        Infrastruktur,
        on_delete=models.PROTECT,
        related_name="befragungsantworten",
        verbose_name=_("Seniorenbüro"),
        limit_choices_to={"kategorie__slug": "seniorenbuero"},
    )
    bewertung = models.PositiveSmallIntegerField(
        _("Bewertung (1 = sehr gut, 5 = sehr schlecht)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    text = models.TextField(_("Antwort"), blank=True)
    eingegangen_am = models.DateField(_("Fragebogen eingegangen am"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["frage", "seniorenbuero"]
        verbose_name = _("Antwort")
        verbose_name_plural = _("Antworten")
        constraints = [models.UniqueConstraint(fields=["frage", "quartier", "seniorenbuero"], name="antwort_eindeutig")]

    def __str__(self):
        return f"{self.seniorenbuero} – {self.frage}"


# --- Key persons and talks (personal data) -------------------------------------------------


class Akteur(models.Model):
    """A key person or local actor. Names and contact details are personal data.

    Without consent only ``organisation`` and ``rolle`` are kept; ``akteur_anonymisieren``
    erases everything else, history included.
    """

    quartier = models.ForeignKey(Quartier, on_delete=models.CASCADE, related_name="akteure", verbose_name=_("Quartier"))
    organisation = models.CharField(_("Organisation"), max_length=200)
    rolle = models.CharField(_("Rolle"), max_length=200)
    ist_schluesselperson = models.BooleanField(_("Schlüsselperson"), default=False)
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    telefon = models.CharField(_("Telefon"), max_length=50, blank=True)
    anschrift = models.CharField(_("Anschrift"), max_length=300, blank=True)
    einwilligung_am = models.DateField(_("Einwilligung erteilt am"), null=True, blank=True)
    einwilligung_umfang = models.CharField(
        _("Umfang der Einwilligung"),
        max_length=300,
        blank=True,
        help_text=_("z. B. „Kontaktaufnahme und Einladungen zu Veranstaltungen im Quartier“"),
    )
    einwilligung_textfassung = models.CharField(
        _("Fassung des Einwilligungstextes"), max_length=50, blank=True, help_text=_("z. B. „2017-01“")
    )
    widerrufen_am = models.DateField(_("Einwilligung widerrufen am"), null=True, blank=True)
    ist_anonymisiert = models.BooleanField(_("anonymisiert"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["quartier", "organisation", "rolle"]
        verbose_name = _("Akteur")
        verbose_name_plural = _("Akteure")

    def __str__(self):
        return f"{self.rolle}, {self.organisation}"

    @property
    def hat_einwilligung(self):
        return self.einwilligung_am is not None and self.widerrufen_am is None


class GespraechArt(models.TextChoices):
    INTERVIEW_SENIORENBUERO = "interview_seniorenbuero", _("Interview mit dem Seniorenbüro")
    INTERVIEW_AKTEUR = "interview_akteur", _("Interview mit Quartiersakteuren")
    BEZIRKSBUERGERMEISTER = (
        "bezirksbuergermeister",
        _("Informationsgespräch mit der Bezirksbürgermeisterin / dem Bezirksbürgermeister"),
    )
    RUNDER_TISCH = "runder_tisch", _("Runder Tisch der Seniorenbüros")
    SONSTIGES = "sonstiges", _("sonstiges Gespräch")


class Gespraech(models.Model):
    quartier = models.ForeignKey(
        Quartier, on_delete=models.CASCADE, related_name="gespraeche", verbose_name=_("Quartier")
    )
    datum = models.DateField(_("Datum"))
    art = models.CharField(_("Art"), max_length=30, choices=GespraechArt.choices)
    teilnehmende = models.ManyToManyField(Akteur, blank=True, related_name="gespraeche", verbose_name=_("Teilnehmende"))
    handlungsfelder = models.ManyToManyField(
        Handlungsfeld, blank=True, related_name="gespraeche", verbose_name=_("Handlungsfelder")
    )
    zusammenfassung = models.TextField(_("Zusammenfassung"))
    vereinbarungen = models.TextField(_("Vereinbarungen"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-datum"]
        verbose_name = _("Gespräch")
        verbose_name_plural = _("Gespräche")

    def __str__(self):
        return f"{self.get_art_display()} am {self.datum:%d.%m.%Y}"


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


# --- Measure proposals ---------------------------------------------------------------------


class MassnahmeStatus(models.TextChoices):
    VORGESCHLAGEN = "vorgeschlagen", _("vorgeschlagen")
    GEPRUEFT = "geprueft", _("geprüft")
    BESCHLOSSEN = "beschlossen", _("beschlossen")
    IN_UMSETZUNG = "in_umsetzung", _("in Umsetzung")
    UMGESETZT = "umgesetzt", _("umgesetzt")
    VERWORFEN = "verworfen", _("verworfen")


class MassnahmeHerkunft(models.TextChoices):
    PROFIL = "profil", _("Quartiersprofil")
    WORKSHOP = "workshop", _("Fachworkshop")
    BUERGERDIALOG = "buergerdialog", _("Bürgerdialog")


class Prioritaet(models.TextChoices):
    HOCH = "hoch", _("hoch")
    MITTEL = "mittel", _("mittel")
    NIEDRIG = "niedrig", _("niedrig")


class Massnahme(models.Model):
    """A measure (proposal), tracked from proposal to practice in the quarter."""

    quartier = models.ForeignKey(
        Quartier, on_delete=models.CASCADE, related_name="massnahmen", verbose_name=_("Quartier")
    )
    handlungsfeld = models.ForeignKey(
        Handlungsfeld, on_delete=models.PROTECT, related_name="massnahmen", verbose_name=_("Handlungsfeld")
    )
    titel = models.CharField(_("Titel"), max_length=200)
    beschreibung = models.TextField(_("Beschreibung"), blank=True, help_text=_("Markdown"))
    prioritaet = models.CharField(_("Priorität"), max_length=10, choices=Prioritaet.choices, default=Prioritaet.MITTEL)
    verantwortlich = models.CharField(_("verantwortlich (Fachamt / Organisation)"), max_length=200, blank=True)
    kosten_schaetzung = models.DecimalField(
        _("geschätzte Kosten (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    herkunft = models.CharField(_("Herkunft"), max_length=15, choices=MassnahmeHerkunft.choices)
    status = models.CharField(
        _("Status"), max_length=15, choices=MassnahmeStatus.choices, default=MassnahmeStatus.VORGESCHLAGEN
    )
    verworfen_grund = models.TextField(_("Grund für das Verwerfen"), blank=True)
    fortschritt = models.PositiveSmallIntegerField(_("Fortschritt (%)"), default=0, validators=[MaxValueValidator(100)])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["quartier", "handlungsfeld__reihenfolge", "titel"]
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="verworfen") | ~models.Q(verworfen_grund=""),
                name="massnahme_verworfen_mit_grund",
            ),
            models.CheckConstraint(condition=models.Q(fortschritt__lte=100), name="massnahme_fortschritt_bis_100"),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("quartiersprofil:massnahme_detail", kwargs={"pk": self.pk})


class MassnahmeMeilenstein(models.Model):
    massnahme = models.ForeignKey(
        Massnahme, on_delete=models.CASCADE, related_name="meilensteine", verbose_name=_("Maßnahme")
    )
    titel = models.CharField(_("Meilenstein"), max_length=200)
    geplant_am = models.DateField(_("geplant für"), null=True, blank=True)
    erreicht_am = models.DateField(_("erreicht am"), null=True, blank=True)

    class Meta:
        ordering = ["massnahme", "geplant_am", "pk"]
        verbose_name = _("Meilenstein einer Maßnahme")
        verbose_name_plural = _("Meilensteine von Maßnahmen")

    def __str__(self):
        return self.titel
