"""The steering group (Lenkungsgruppe): members, meetings, minutes, decisions, tasks,
sectoral plans, urban-development projects and the project timeline."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Handlungsfeld, Quartier

from .queries import AufgabeQuerySet, BeschlussQuerySet, FachplanungQuerySet, MitgliedQuerySet, SitzungQuerySet

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
        heute = timezone.localdate()
        return self.mitglied_seit <= heute and (self.mitglied_bis is None or self.mitglied_bis >= heute)


class SitzungFormat(models.TextChoices):
    ARBEITSTREFFEN = "arbeitstreffen", _("Arbeitstreffen")
    ZUKUNFTSWERKSTATT = "zukunftswerkstatt", _("Zukunftswerkstatt")
    PLANUNGSTREFFEN = "planungstreffen", _("Planungstreffen")
    TELEFONKONFERENZ = "telefonkonferenz", _("Telefonkonferenz")


class Sitzung(models.Model):
    nummer = models.PositiveIntegerField(_("Nummer"), unique=True, help_text=_("Fortlaufend; wird vergeben."))
    titel = models.CharField(_("Titel"), max_length=200, blank=True)
    beginn = models.DateTimeField(_("Beginn"))
    ende = models.DateTimeField(_("Ende"), null=True, blank=True)
    ort = models.CharField(_("Ort"), max_length=200, blank=True, help_text=_("Raum und Adresse oder Einwahldaten"))
    format = models.CharField(
        _("Format"), max_length=20, choices=SitzungFormat.choices, default=SitzungFormat.ARBEITSTREFFEN
    )
    eingeladene = models.ManyToManyField(
        Mitglied,
        through="Teilnahme",
        through_fields=("sitzung", "mitglied"),
        related_name="sitzungen",
        verbose_name=_("eingeladene Mitglieder"),
        blank=True,
    )
    gaeste = models.TextField(_("Gäste"), blank=True, help_text=_("Eine Person oder Organisation je Zeile."))
    protokoll_genehmigt_in = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="genehmigte_protokolle",
        verbose_name=_("Protokoll genehmigt in Sitzung"),
    )
    einladung_versendet_am = models.DateTimeField(_("Einladung versendet am"), null=True, blank=True)
    einladung_sequenz = models.PositiveIntegerField(
        _("Fassung der Einladung"), default=0, help_text=_("Zählt mit jedem Versand; Kalender erkennen so Änderungen.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = SitzungQuerySet.as_manager()

    class Meta:
        ordering = ["-beginn"]
        verbose_name = _("Sitzung")
        verbose_name_plural = _("Sitzungen")

    def __str__(self):
        datum = timezone.localtime(self.beginn).strftime("%d.%m.%Y") if self.beginn else ""
        return f"{self.nummer}. {self.get_format_display()} {datum}".strip()

    def get_absolute_url(self):
        return reverse("lenkungsgruppe:sitzung_detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.ende and self.beginn and self.ende <= self.beginn:
            raise ValidationError({"ende": _("Das Ende liegt vor dem Beginn.")})

    @property
    def ende_oder_standard(self):
        """The end, or two hours after the start when no end is set."""
        return self.ende or self.beginn + timedelta(hours=2)

    @property
    def ist_protokoll_genehmigt(self):
        return self.protokoll_genehmigt_in_id is not None


class TeilnahmeStatus(models.TextChoices):
    EINGELADEN = "eingeladen", _("eingeladen")
    ANWESEND = "anwesend", _("anwesend")
    ENTSCHULDIGT = "entschuldigt", _("entschuldigt")
    ABWESEND = "abwesend", _("abwesend")


class Teilnahme(models.Model):
    """An invited member of a meeting and whether they took part."""

    sitzung = models.ForeignKey(Sitzung, on_delete=models.CASCADE, related_name="teilnahmen")
    mitglied = models.ForeignKey(Mitglied, on_delete=models.PROTECT, related_name="teilnahmen")
    status = models.CharField(
        _("Teilnahme"), max_length=20, choices=TeilnahmeStatus.choices, default=TeilnahmeStatus.EINGELADEN
    )
    vertreten_durch = models.ForeignKey(
        Mitglied,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vertretungen",
        verbose_name=_("vertreten durch"),
    )

    class Meta:
        ordering = ["mitglied__nachname", "mitglied__vorname"]
        constraints = [models.UniqueConstraint(fields=["sitzung", "mitglied"], name="teilnahme_eindeutig")]
        verbose_name = _("Teilnahme")
        verbose_name_plural = _("Teilnahmen")

    def __str__(self):
        return f"{self.mitglied} – {self.get_status_display()}"


class Tagesordnungspunkt(models.Model):
    """An agenda item; its minutes (Markdown) are written after the meeting."""

    sitzung = models.ForeignKey(
        Sitzung, on_delete=models.CASCADE, related_name="tagesordnungspunkte", verbose_name=_("Sitzung")
    )
    nummer = models.PositiveSmallIntegerField(_("Nummer"))
    titel = models.CharField(_("Titel"), max_length=200)
    beschreibung = models.TextField(_("Erläuterung"), blank=True)
    handlungsfeld = models.ForeignKey(
        Handlungsfeld,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Handlungsfeld"),
    )
    quartier = models.ForeignKey(
        Quartier, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("Quartier")
    )
    fachplanung = models.ForeignKey(
        "Fachplanung",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tagesordnungspunkte",
        verbose_name=_("Fachplanung"),
    )
    projekt = models.ForeignKey(
        "Stadtentwicklungsprojekt",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tagesordnungspunkte",
        verbose_name=_("Stadtentwicklungsprojekt"),
    )
    protokoll = models.TextField(
        _("Protokoll"),
        blank=True,
        help_text=_("Markdown: **fett**, *kursiv*, Listen mit „- “, Links als [Text](https://…)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["sitzung", "nummer"]
        constraints = [models.UniqueConstraint(fields=["sitzung", "nummer"], name="top_nummer_eindeutig")]
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnungspunkte")

    def __str__(self):
        return f"TOP {self.nummer}: {self.titel}"

    def get_absolute_url(self):
        return self.sitzung.get_absolute_url() + f"#top-{self.nummer}"


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
        return (
            self.status == AufgabeStatus.OFFEN
            and self.faellig_am is not None
            and self.faellig_am < timezone.localdate()
        )


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
