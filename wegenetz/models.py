"""The walking network: an imported street graph, the walking profiles and the stored distance fields.

One imported network (``Netzstand``) at a time; a new import replaces it with all its edges and
distance fields (they hang on it with CASCADE). Nodes are not rows of their own: every edge names
its end nodes by OSM id and by a dense index (0 … n-1) into the graph that the queries build.
"""

from django.contrib.gis.db import models
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _


class Netzstand(models.Model):
    """The imported walking network: where it came from, how large it is, what the import kept."""

    quelle = models.CharField(_("Quelle"), max_length=300)
    importiert_am = models.DateTimeField(_("importiert am"))
    anzahl_kanten = models.PositiveIntegerField(_("Kanten"), default=0)
    anzahl_knoten = models.PositiveIntegerField(_("Knoten"), default=0)
    bericht = models.JSONField(
        _("Bericht"), default=dict, blank=True, help_text=_("Behaltene und verworfene Wege je Art.")
    )
    knoten_koordinaten = models.BinaryField(
        _("Knotenkoordinaten"),
        default=bytes,
        help_text=_("x, y in EPSG:25832 je Knotenindex (float64, little-endian)."),
    )

    class Meta:
        ordering = ["-importiert_am", "-pk"]
        verbose_name = _("Wegenetz")
        verbose_name_plural = _("Wegenetze")

    def __str__(self):
        return f"{self.quelle} ({self.anzahl_kanten} Kanten)"


class Wegabschnitt(models.Model):
    """One edge of the walking network: a piece of a way between two junctions (or ends)."""

    netz = models.ForeignKey(Netzstand, on_delete=models.CASCADE, related_name="abschnitte", verbose_name=_("Netz"))
    osm_weg = models.BigIntegerField(_("OSM-Weg"), null=True, blank=True)
    von_knoten = models.BigIntegerField(_("Anfangsknoten (OSM)"))
    nach_knoten = models.BigIntegerField(_("Endknoten (OSM)"))
    von_index = models.PositiveIntegerField(_("Anfangsknoten (Index)"))
    nach_index = models.PositiveIntegerField(_("Endknoten (Index)"))
    geometrie = models.LineStringField(_("Verlauf"), srid=4326)
    laenge_m = models.FloatField(_("Länge (m)"), help_text=_("Gemessen in EPSG:25832."))
    art = models.CharField(_("Art"), max_length=40, help_text=_("Der highway-Wert aus OpenStreetMap."))
    name = models.CharField(_("Name"), max_length=200, blank=True)
    ist_treppe = models.BooleanField(_("ist Treppe"), default=False)
    steigung_prozent = models.FloatField(
        _("Steigung (%)"),
        null=True,
        blank=True,
        help_text=_(
            "In Richtung des Verlaufs (vom Anfangs- zum Endknoten): positiv bergauf, negativ bergab, wie OSM "
            "„incline“ relativ zur Wegrichtung; leer, wenn nicht oder nur als up/down ohne Zahl erfasst."
        ),
    )
    oberflaeche = models.CharField(_("Oberfläche"), max_length=40, blank=True)
    smoothness = models.CharField(_("Ebenheit"), max_length=40, blank=True)
    kerb = models.CharField(_("Bordstein"), max_length=40, blank=True)
    wheelchair = models.CharField(_("rollstuhlgerecht"), max_length=20, blank=True)
    lit = models.CharField(_("beleuchtet"), max_length=20, blank=True)

    class Meta:
        ordering = ["netz", "pk"]
        verbose_name = _("Wegabschnitt")
        verbose_name_plural = _("Wegabschnitte")
        indexes = [models.Index(fields=["netz", "von_index"]), models.Index(fields=["netz", "nach_index"])]

    def __str__(self):
        return f"{self.name or self.art} ({self.laenge_m:.0f} m)"


class Profilart(models.TextChoices):
    FUSS = "fuss", _("zu Fuß")
    ROLLATOR = "rollator", _("mit Rollator")
    ROLLSTUHL = "rollstuhl", _("mit Rollstuhl")


class Wegprofil(models.Model):
    """How one group of people walks: speed, and which edges it avoids or takes more slowly.

    A tag that is missing on an edge counts as passable (no incline, paved, flat kerb).
    """

    # The settings the edge times depend on: what Projektteam edits (``forms.WegprofilForm``) and
    # what the fingerprint of a distance field includes (``queries.abdruecke.profil_kennung``).
    EINSTELLUNGEN = (
        "geschwindigkeit_m_s",
        "treppen_meiden",
        "max_steigung_prozent",
        "max_gefaelle_prozent",
        "hohe_bordsteine_meiden",
        "aufschlag_unbefestigt",
        "aufschlag_holprig",
        "barrieren_beachten",
    )

    art = models.CharField(_("Profil"), max_length=20, choices=Profilart.choices, unique=True)
    geschwindigkeit_m_s = models.DecimalField(
        _("Gehgeschwindigkeit (m/s)"),
        max_digits=3,
        decimal_places=2,
        validators=[MinValueValidator(0.2), MaxValueValidator(2)],
    )
    treppen_meiden = models.BooleanField(_("Treppen meiden"), default=False)
    max_steigung_prozent = models.DecimalField(
        _("größte Steigung bergauf (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(50)],
        help_text=_("Steilere Wege werden bergauf gemieden; leer: keine Grenze."),
    )
    max_gefaelle_prozent = models.DecimalField(
        _("größtes Gefälle bergab (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(50)],
        help_text=_("Steilere Wege werden bergab gemieden; leer: keine Grenze."),
    )
    hohe_bordsteine_meiden = models.BooleanField(_("hohe Bordsteine meiden"), default=False)
    aufschlag_unbefestigt = models.DecimalField(
        _("Zeitaufschlag auf unbefestigten Wegen (Faktor)"),
        max_digits=3,
        decimal_places=1,
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    aufschlag_holprig = models.DecimalField(
        _("Zeitaufschlag auf holprigen Wegen (Faktor)"),
        max_digits=3,
        decimal_places=1,
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    barrieren_beachten = models.BooleanField(
        _("Barrieren aus Begehungen beachten"),
        default=False,
        help_text=_("Mit einer Barriere verknüpfte Wegabschnitte werden gemieden."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Wegprofil")
        verbose_name_plural = _("Wegprofile")

    def __str__(self):
        return self.get_art_display()

    def get_absolute_url(self):
        from django.urls import reverse  # noqa: PLC0415 -- keeps the model module free of URL imports at load

        return reverse("wegenetz:profil_bearbeiten", args=[self.art])


class Distanzfeld(models.Model):
    """For one category and one profile: the walking time (s) from every node to the nearest facility.

    ``sekunden`` holds one little-endian float32 per node index (``inf``: unreachable).
    ``fingerabdruck`` sums up what it was computed from (network, facilities, profile, barriers);
    when that changes, the field is stale and is computed again.
    """

    netz = models.ForeignKey(Netzstand, on_delete=models.CASCADE, related_name="distanzfelder", verbose_name=_("Netz"))
    kategorie = models.ForeignKey(
        "quartiere.InfrastrukturKategorie",
        on_delete=models.CASCADE,
        related_name="distanzfelder",
        verbose_name=_("Kategorie"),
    )
    profil = models.ForeignKey(
        Wegprofil, on_delete=models.CASCADE, related_name="distanzfelder", verbose_name=_("Profil")
    )
    sekunden = models.BinaryField(_("Gehzeiten"))
    fingerabdruck = models.CharField(_("Fingerabdruck"), max_length=64)
    berechnet_am = models.DateTimeField(_("berechnet am"))

    class Meta:
        ordering = ["kategorie", "profil"]
        verbose_name = _("Distanzfeld")
        verbose_name_plural = _("Distanzfelder")
        constraints = [
            models.UniqueConstraint(fields=["netz", "kategorie", "profil"], name="wegenetz_distanzfeld_einmalig")
        ]

    def __str__(self):
        return f"{self.kategorie} – {self.profil}"


class Barriere(models.Model):
    """A walk-through finding (a step, a missing kerb cut) tied to an edge of the network.

    Profiles with ``barrieren_beachten`` (rollator, wheelchair) avoid the edge.
    """

    befund = models.ForeignKey(
        "quartiersprofil.Befund", on_delete=models.CASCADE, related_name="wegbarrieren", verbose_name=_("Befund")
    )
    wegabschnitt = models.ForeignKey(
        Wegabschnitt, on_delete=models.CASCADE, related_name="barrieren", verbose_name=_("Wegabschnitt")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Barriere")
        verbose_name_plural = _("Barrieren")
        constraints = [models.UniqueConstraint(fields=["befund", "wegabschnitt"], name="wegenetz_barriere_einmalig")]

    def __str__(self):
        return f"{self.befund} – {self.wegabschnitt}"
