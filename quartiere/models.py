"""City structure, fields of action and quarters.

Geometries are stored in EPSG:4326; every area, length and centroid is computed in
EPSG:25832 (ETRS89 / UTM 32N, metric), see ``quartiere.queries``.
"""

from django.conf import settings
from django.contrib.gis.db import models
from django.core.validators import RegexValidator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .queries import GebietQuerySet, QuartierQuerySet

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


class Kommune(models.Model):
    """The city this installation serves (one row)."""

    name = models.CharField(_("Name"), max_length=100)
    gemeindeschluessel = models.CharField(
        _("Amtlicher Gemeindeschlüssel"),
        max_length=8,
        unique=True,
        validators=[RegexValidator(r"^\d{8}$", _("Der Gemeindeschlüssel hat genau 8 Ziffern."))],
    )
    ist_demo = models.BooleanField(
        _("Demodaten"), default=False, help_text=_("Die Gebiete sind erzeugt, nicht amtlich.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")

    def __str__(self):
        return self.name


class Gebiet(models.Model):
    """Common fields of the three levels of the city structure."""

    code = models.CharField(_("Code"), max_length=20, unique=True)
    name = models.CharField(_("Name"), max_length=100)
    geometrie = models.MultiPolygonField(_("Geometrie"), srid=4326)

    objects = GebietQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"


class Stadtbezirk(Gebiet):
    kommune = models.ForeignKey(
        Kommune, on_delete=models.PROTECT, related_name="stadtbezirke", verbose_name=_("Kommune")
    )

    class Meta(Gebiet.Meta):
        verbose_name = _("Stadtbezirk")
        verbose_name_plural = _("Stadtbezirke")


class StatistischerBezirk(Gebiet):
    stadtbezirk = models.ForeignKey(
        Stadtbezirk, on_delete=models.PROTECT, related_name="bezirke", verbose_name=_("Stadtbezirk")
    )

    class Meta(Gebiet.Meta):
        verbose_name = _("statistischer Bezirk")
        verbose_name_plural = _("statistische Bezirke")


class Unterbezirk(Gebiet):
    bezirk = models.ForeignKey(
        StatistischerBezirk,
        on_delete=models.PROTECT,
        related_name="unterbezirke",
        verbose_name=_("statistischer Bezirk"),
    )

    class Meta(Gebiet.Meta):
        verbose_name = _("statistischer Unterbezirk")
        verbose_name_plural = _("statistische Unterbezirke")


class Siedlungsepoche(models.TextChoices):
    GRUENDERZEIT = "gruenderzeit", _("Gründerzeit")
    ZWANZIGER_BIS_FUENFZIGER = "1920_1950", _("1920er–1950er Jahre")
    GROSSWOHNSIEDLUNG = "grosswohnsiedlung", _("Großwohnsiedlung")
    REIHENHAUSGEBIET = "reihenhausgebiet", _("Reihenhausgebiet")
    NEUBAUVIERTEL = "neubauviertel", _("Neubauviertel")
    SONSTIGE = "sonstige", _("sonstige")


class QuartierStatus(models.TextChoices):
    KANDIDAT = "kandidat", _("Kandidat")
    AUSGEWAEHLT = "ausgewaehlt", _("ausgewählt")
    PROFIL = "profil", _("Quartiersprofil in Arbeit")
    BUERGERDIALOG = "buergerdialog", _("Bürgerdialog")
    UMSETZUNG = "umsetzung", _("Umsetzung im Quartier")
    ABGESCHLOSSEN = "abgeschlossen", _("abgeschlossen")


class Quartier(models.Model):
    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(_("Kürzel für Adressen"), unique=True, max_length=100)
    stadtbezirk = models.ForeignKey(
        Stadtbezirk, on_delete=models.PROTECT, related_name="quartiere", verbose_name=_("Stadtbezirk")
    )
    siedlungsepoche = models.CharField(_("Siedlungsepoche"), max_length=20, choices=Siedlungsepoche.choices)
    grenze = models.MultiPolygonField(_("Grenze"), srid=4326)
    unterbezirke = models.ManyToManyField(
        Unterbezirk,
        through="QuartierUnterbezirk",
        related_name="quartiere",
        verbose_name=_("Unterbezirke"),
        blank=True,
    )
    ist_referenzquartier = models.BooleanField(_("Referenzquartier"), default=False)
    auswahlbegruendung = models.TextField(_("Begründung der Auswahl"), blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=QuartierStatus.choices, default=QuartierStatus.KANDIDAT
    )
    partner = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="partner_quartiere",
        blank=True,
        verbose_name=_("Partner mit Zugang"),
        help_text=_("Benutzerinnen und Benutzer der Rolle Partner, die dieses Quartier lesen dürfen."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = QuartierQuerySet.as_manager()

    class Meta:
        ordering = ["-ist_referenzquartier", "name"]
        verbose_name = _("Quartier")
        verbose_name_plural = _("Quartiere")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("quartiere:detail", kwargs={"slug": self.slug})


class QuartierUnterbezirk(models.Model):
    """An Unterbezirk a quarter covers, derived spatially (see ``quartier_unterbezirke_ableiten``)."""

    quartier = models.ForeignKey(Quartier, on_delete=models.CASCADE, related_name="abdeckungen")
    unterbezirk = models.ForeignKey(Unterbezirk, on_delete=models.CASCADE, related_name="abdeckungen")
    anteil = models.FloatField(
        _("Flächenanteil"), help_text=_("Anteil der Fläche des Unterbezirks, der im Quartier liegt (0–1).")
    )

    class Meta:
        ordering = ["unterbezirk__code"]
        constraints = [
            models.UniqueConstraint(fields=["quartier", "unterbezirk"], name="quartier_unterbezirk_eindeutig")
        ]
        verbose_name = _("Abdeckung eines Unterbezirks")
        verbose_name_plural = _("Abdeckungen von Unterbezirken")

    def __str__(self):
        return f"{self.quartier} – {self.unterbezirk} ({self.anteil:.0%})"

    @property
    def ist_teilweise(self):
        return self.anteil < 0.995


# --- Small-area analysis: indicators and their values -------------------------------------


class IndikatorArt(models.TextChoices):
    ANZAHL = "anzahl", _("Anzahl")
    ANTEIL = "anteil", _("Anteil oder Quote aus Zähler und Nenner")


class Bewertungsrichtung(models.TextChoices):
    HOEHER_BESSER = "hoeher_besser", _("höher ist besser")
    HOEHER_SCHLECHTER = "hoeher_schlechter", _("höher ist schlechter")
    NEUTRAL = "neutral", _("weder noch")


class Indikator(models.Model):
    """An indicator of the catalogue, e.g. the share of residents aged 80 and over.

    Counts add up over areas; a share (``art=ANTEIL``) is always recomputed from its numerator
    and denominator indicators (``zaehler / nenner × faktor``), never averaged.
    """

    schluessel = models.SlugField(
        _("Schlüssel"),
        max_length=60,
        unique=True,
        help_text=_("Kurzer, fester Name für Importdateien, z. B. „ew_80plus“."),
    )
    name = models.CharField(_("Name"), max_length=200)
    einheit = models.CharField(_("Einheit"), max_length=50, help_text=_("z. B. „Personen“, „%“, „je 1.000 Ew. 65+“"))
    definition = models.TextField(_("Definition"), blank=True)
    quelle = models.CharField(_("Quelle"), max_length=200, blank=True)
    handlungsfeld = models.ForeignKey(
        Handlungsfeld,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indikatoren",
        verbose_name=_("Handlungsfeld"),
    )
    art = models.CharField(_("Art"), max_length=10, choices=IndikatorArt.choices, default=IndikatorArt.ANZAHL)
    zaehler = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Zähler"),
        limit_choices_to={"art": IndikatorArt.ANZAHL},
    )
    nenner = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Nenner"),
        limit_choices_to={"art": IndikatorArt.ANZAHL},
    )
    faktor = models.PositiveIntegerField(
        _("Faktor"), default=100, help_text=_("100 für Prozent, 1.000 für „je 1.000“.")
    )
    richtung = models.CharField(
        _("Bewertung"), max_length=20, choices=Bewertungsrichtung.choices, default=Bewertungsrichtung.NEUTRAL
    )
    ist_vereinbart = models.BooleanField(
        _("von der Lenkungsgruppe vereinbart"),
        default=False,
        help_text=_("Gehört zu den Daten, deren Erfassung die Lenkungsgruppe beschlossen hat."),
    )
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["reihenfolge", "name"]
        verbose_name = _("Indikator")
        verbose_name_plural = _("Indikatoren")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(art="anzahl", zaehler__isnull=True, nenner__isnull=True)
                | models.Q(art="anteil", zaehler__isnull=False, nenner__isnull=False),
                name="indikator_anteil_braucht_zaehler_und_nenner",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.einheit})"


class Ebene(models.TextChoices):
    UNTERBEZIRK = "unterbezirk", _("statistischer Unterbezirk")
    BEZIRK = "bezirk", _("statistischer Bezirk")
    STADTBEZIRK = "stadtbezirk", _("Stadtbezirk")
    STADT = "stadt", _("Stadt")


class Kennzahl(models.Model):
    """The value of an indicator for one area and one year.

    Exactly one of the four area fields is set, the one ``ebene`` names.
    """

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="kennzahlen")
    jahr = models.PositiveSmallIntegerField(_("Jahr"))
    ebene = models.CharField(_("Ebene"), max_length=12, choices=Ebene.choices)
    unterbezirk = models.ForeignKey(
        Unterbezirk, on_delete=models.CASCADE, null=True, blank=True, related_name="kennzahlen"
    )
    bezirk = models.ForeignKey(
        StatistischerBezirk, on_delete=models.CASCADE, null=True, blank=True, related_name="kennzahlen"
    )
    stadtbezirk = models.ForeignKey(
        Stadtbezirk, on_delete=models.CASCADE, null=True, blank=True, related_name="kennzahlen"
    )
    kommune = models.ForeignKey(Kommune, on_delete=models.CASCADE, null=True, blank=True, related_name="kennzahlen")
    wert = models.FloatField(_("Wert"))

    class Meta:
        ordering = ["indikator", "jahr"]
        verbose_name = _("Kennzahl")
        verbose_name_plural = _("Kennzahlen")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        ebene="unterbezirk",
                        unterbezirk__isnull=False,
                        bezirk__isnull=True,
                        stadtbezirk__isnull=True,
                        kommune__isnull=True,
                    )
                    | models.Q(
                        ebene="bezirk",
                        unterbezirk__isnull=True,
                        bezirk__isnull=False,
                        stadtbezirk__isnull=True,
                        kommune__isnull=True,
                    )
                    | models.Q(
                        ebene="stadtbezirk",
                        unterbezirk__isnull=True,
                        bezirk__isnull=True,
                        stadtbezirk__isnull=False,
                        kommune__isnull=True,
                    )
                    | models.Q(
                        ebene="stadt",
                        unterbezirk__isnull=True,
                        bezirk__isnull=True,
                        stadtbezirk__isnull=True,
                        kommune__isnull=False,
                    )
                ),
                name="kennzahl_genau_ein_gebiet",
            ),
            models.UniqueConstraint(
                fields=["indikator", "jahr", "unterbezirk"],
                condition=models.Q(ebene="unterbezirk"),
                name="kennzahl_eindeutig_unterbezirk",
            ),
            models.UniqueConstraint(
                fields=["indikator", "jahr", "bezirk"],
                condition=models.Q(ebene="bezirk"),
                name="kennzahl_eindeutig_bezirk",
            ),
            models.UniqueConstraint(
                fields=["indikator", "jahr", "stadtbezirk"],
                condition=models.Q(ebene="stadtbezirk"),
                name="kennzahl_eindeutig_stadtbezirk",
            ),
            models.UniqueConstraint(
                fields=["indikator", "jahr", "kommune"],
                condition=models.Q(ebene="stadt"),
                name="kennzahl_eindeutig_stadt",
            ),
        ]
        indexes = [models.Index(fields=["indikator", "ebene", "jahr"])]

    def __str__(self):
        return f"{self.indikator.schluessel} {self.jahr}: {self.wert}"


# --- Infrastructure inventory ----------------------------------------------------------------


class InfrastrukturKategorie(models.Model):
    """A kind of place that serves older people, e.g. Apotheke; editable by Projektteam."""

    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(_("Kürzel"), unique=True)
    handlungsfeld = models.ForeignKey(
        Handlungsfeld,
        on_delete=models.PROTECT,
        related_name="infrastruktur_kategorien",
        verbose_name=_("Handlungsfeld"),
    )
    radius_m = models.PositiveIntegerField(
        _("Fußweg-Radius (m)"),
        default=500,
        help_text=_("Luftlinie, innerhalb derer eine Einrichtung als erreichbar gilt."),
    )
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        ordering = ["handlungsfeld__reihenfolge", "reihenfolge", "name"]
        verbose_name = _("Infrastruktur-Kategorie")
        verbose_name_plural = _("Infrastruktur-Kategorien")

    def __str__(self):
        return self.name


class Barrierefreiheit(models.TextChoices):
    JA = "ja", _("barrierefrei")
    TEILWEISE = "teilweise", _("teilweise barrierefrei")
    NEIN = "nein", _("nicht barrierefrei")
    UNBEKANNT = "unbekannt", _("unbekannt")


class Infrastrukturquelle(models.TextChoices):
    BEFRAGUNG = "befragung", _("Befragung der Seniorenbüros")
    BEGEHUNG = "begehung", _("Quartiersbegehung")
    FACHPLANUNG = "fachplanung", _("Fachplanung / Bericht")
    OPEN_DATA = "open_data", _("offene Daten / Verzeichnis")
    IMPORT = "import", _("Import")
    SONSTIGE = "sonstige", _("sonstige")


class Infrastruktur(models.Model):
    """A facility (Infrastruktureinrichtung) at a point."""

    kategorie = models.ForeignKey(
        InfrastrukturKategorie, on_delete=models.PROTECT, related_name="einrichtungen", verbose_name=_("Kategorie")
    )
    name = models.CharField(_("Name"), max_length=200)
    punkt = models.PointField(_("Lage"), srid=4326)
    adresse = models.CharField(_("Adresse"), max_length=200, blank=True)
    barrierefreiheit = models.CharField(
        _("Barrierefreier Zugang"), max_length=10, choices=Barrierefreiheit.choices, default=Barrierefreiheit.UNBEKANNT
    )
    oeffnungshinweise = models.CharField(_("Öffnungszeiten / Hinweise"), max_length=300, blank=True)
    quelle = models.CharField(_("Quelle"), max_length=20, choices=Infrastrukturquelle.choices)
    quelle_hinweis = models.CharField(_("Quelle, Einzelheiten"), max_length=200, blank=True)
    stand = models.DateField(_("Stand der Angabe"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["kategorie", "name"]
        verbose_name = _("Infrastruktureinrichtung")
        verbose_name_plural = _("Infrastruktureinrichtungen")

    def __str__(self):
        return f"{self.name} ({self.kategorie})"
