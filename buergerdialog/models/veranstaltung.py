"""Events of the citizen dialogue, their planning checklist and what carries on after them."""

from django.conf import settings
from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dwk.zeit import heute
from lenkungsgruppe.models import Mitglied, Organisation
from quartiere.models import Handlungsfeld, Quartier

from .katalog import Beteiligungsgegenstand, Motto


class VeranstaltungFormat(models.TextChoices):
    FACHWORKSHOP = "fachworkshop", _("Fachworkshop")
    BUERGERWERKSTATT = "buergerwerkstatt", _("Bürgerwerkstatt / Bürgerdialog")
    RUNDER_TISCH = "runder_tisch", _("Runder Tisch")
    INFORMATIONSGESPRAECH = "informationsgespraech", _("Informationsgespräch")
    PLANUNGSTREFFEN = "planungstreffen", _("Planungstreffen")
    INTERVIEWRUNDE = "interviewrunde", _("Interviewrunde")


class Themengruppe(models.TextChoices):
    I = "I", _("I: Wohnen, Wohnumfeld, Nahversorgung, Nahmobilität, Sicherheit, Sauberkeit")  # noqa: E741
    II = "II", _("II: Gesundheit und Pflege")
    III = (
        "III",
        _("III: soziale Netze, Nachbarschaft, bürgerschaftliches Engagement, Beratung, Altersarmut und soziale Armut"),
    )


class VeranstaltungStatus(models.TextChoices):
    PLANUNG = "planung", _("in Planung")
    EINGELADEN = "eingeladen", _("eingeladen")
    DURCHGEFUEHRT = "durchgefuehrt", _("durchgeführt")
    DOKUMENTIERT = "dokumentiert", _("dokumentiert")
    EVALUIERT = "evaluiert", _("evaluiert")


class VeranstaltungQuerySet(models.QuerySet):
    def kommende(self, ab):
        return self.filter(beginn__date__gte=ab).order_by("beginn")

    def vergangene(self, vor):
        return self.filter(beginn__date__lt=vor).order_by("-beginn")


class Veranstaltung(models.Model):
    """An event of the citizen dialogue outside the steering group's own meetings."""

    format = models.CharField(_("Format"), max_length=25, choices=VeranstaltungFormat.choices)
    themengruppe = models.CharField(
        _("Themengruppe"),
        max_length=3,
        choices=Themengruppe.choices,
        blank=True,
        help_text=_("Nur bei Fachworkshops."),
    )
    titel = models.CharField(_("Titel"), max_length=200)
    motto = models.ForeignKey(
        Motto, on_delete=models.PROTECT, null=True, blank=True, related_name="veranstaltungen", verbose_name=_("Motto")
    )
    beginn = models.DateTimeField(_("Beginn"))
    ende = models.DateTimeField(_("Ende"), null=True, blank=True)
    adresse = models.TextField(_("Ort und Adresse"), blank=True)
    ort = models.PointField(_("Ort auf der Karte"), srid=4326, null=True, blank=True)
    stufenlos = models.BooleanField(_("stufenlos erreichbar"), default=False)
    hoerschleife = models.BooleanField(_("Hörschleife"), default=False)
    wc = models.BooleanField(_("barrierefreies WC"), default=False)
    haltestelle = models.CharField(_("Haltestelle in der Nähe"), max_length=200, blank=True)
    quartiere = models.ManyToManyField(
        Quartier, related_name="veranstaltungen", blank=True, verbose_name=_("Quartiere")
    )
    handlungsfelder = models.ManyToManyField(
        Handlungsfeld, related_name="veranstaltungen", blank=True, verbose_name=_("Handlungsfelder")
    )
    themen = models.TextField(_("Themen"), blank=True)
    veranstalter = models.CharField(_("Veranstalter"), max_length=200, blank=True)
    moderation = models.ManyToManyField(
        Organisation, related_name="moderierte_veranstaltungen", blank=True, verbose_name=_("Moderation")
    )
    beobachtung = models.ManyToManyField(
        Organisation,
        related_name="beobachtete_veranstaltungen",
        blank=True,
        verbose_name=_("teilnehmende Beobachtung"),
    )
    zielgruppen = models.TextField(_("Zielgruppen"), blank=True)
    gegenstaende = models.ManyToManyField(
        Beteiligungsgegenstand,
        related_name="veranstaltungen",
        blank=True,
        verbose_name=_("angebotene Beteiligungsgegenstände"),
    )
    teilnehmende_erwartet = models.PositiveIntegerField(_("erwartete Teilnehmende"), null=True, blank=True)
    teilnehmende_anzahl = models.PositiveIntegerField(_("Teilnehmende (gezählt)"), null=True, blank=True)
    # The anonymous breakdown of the head count: every field optional, none may exceed the count.
    alter_unter_60 = models.PositiveIntegerField(_("unter 60 Jahre"), null=True, blank=True)
    alter_60_bis_69 = models.PositiveIntegerField(_("60 bis 69 Jahre"), null=True, blank=True)
    alter_70_bis_79 = models.PositiveIntegerField(_("70 bis 79 Jahre"), null=True, blank=True)
    alter_ab_80 = models.PositiveIntegerField(_("80 Jahre und älter"), null=True, blank=True)
    geschlecht_weiblich = models.PositiveIntegerField(_("weiblich"), null=True, blank=True)
    geschlecht_maennlich = models.PositiveIntegerField(_("männlich"), null=True, blank=True)
    geschlecht_divers = models.PositiveIntegerField(_("divers"), null=True, blank=True)
    geschlecht_ohne_angabe = models.PositiveIntegerField(_("ohne Angabe"), null=True, blank=True)
    aus_dem_quartier = models.PositiveIntegerField(_("aus dem Quartier"), null=True, blank=True)
    nicht_aus_dem_quartier = models.PositiveIntegerField(_("nicht aus dem Quartier"), null=True, blank=True)
    anwesenheit_erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Teilnahme erfasst von"),
    )
    anwesenheit_von_partner = models.BooleanField(_("Teilnahme vom Partner erfasst"), default=False)
    status = models.CharField(
        _("Status"), max_length=15, choices=VeranstaltungStatus.choices, default=VeranstaltungStatus.PLANUNG
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(
        excluded_fields=["updated_at"], m2m_fields=[quartiere, handlungsfelder, moderation, beobachtung, gegenstaende]
    )

    objects = VeranstaltungQuerySet.as_manager()

    ALTERSGRUPPEN = ("alter_unter_60", "alter_60_bis_69", "alter_70_bis_79", "alter_ab_80")
    GESCHLECHTER = ("geschlecht_weiblich", "geschlecht_maennlich", "geschlecht_divers", "geschlecht_ohne_angabe")
    HERKUNFT = ("aus_dem_quartier", "nicht_aus_dem_quartier")

    class Meta:
        ordering = ["-beginn"]
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("buergerdialog:veranstaltung_detail", kwargs={"pk": self.pk})

    def clean(self):
        fehler = {}
        if self.format == VeranstaltungFormat.FACHWORKSHOP and not self.themengruppe:
            fehler["themengruppe"] = _("Ein Fachworkshop gehört zu einer Themengruppe (I, II oder III).")
        if self.format != VeranstaltungFormat.FACHWORKSHOP and self.themengruppe:
            fehler["themengruppe"] = _("Eine Themengruppe gibt es nur bei Fachworkshops.")
        if self.ende and self.beginn and self.ende < self.beginn:
            fehler["ende"] = _("Das Ende liegt vor dem Beginn.")
        for gruppe in (self.ALTERSGRUPPEN, self.GESCHLECHTER, self.HERKUNFT):
            summe = sum(getattr(self, feld) or 0 for feld in gruppe)
            if summe and (self.teilnehmende_anzahl is None or summe > self.teilnehmende_anzahl):
                fehler[gruppe[0]] = _(
                    "Die Aufschlüsselung (zusammen %(summe)s) ist größer als die gezählten Teilnehmenden."
                ) % {"summe": summe}
        if fehler:
            raise ValidationError(fehler)

    @property
    def ist_fachworkshop(self):
        return self.format == VeranstaltungFormat.FACHWORKSHOP

    @property
    def nimmt_ergebnisse_an(self):
        """Results are entered once the event has taken place."""
        return self.status not in (VeranstaltungStatus.PLANUNG, VeranstaltungStatus.EINGELADEN)


class Checklistenpunkt(models.Model):
    """One step of an event's planning, made from the template of its format."""

    veranstaltung = models.ForeignKey(
        Veranstaltung, on_delete=models.CASCADE, related_name="checkliste", verbose_name=_("Veranstaltung")
    )
    titel = models.CharField(_("Aufgabe"), max_length=200)
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    tage_vorher = models.PositiveSmallIntegerField(
        _("Tage vor der Veranstaltung"),
        default=0,
        help_text=_("Die Fälligkeit folgt dem Datum der Veranstaltung, wenn es sich ändert."),
    )
    faellig_am = models.DateField(_("fällig am"))
    verantwortlich_mitglied = models.ForeignKey(
        Mitglied,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checklistenpunkte",
        verbose_name=_("verantwortliches Mitglied"),
    )
    verantwortlich_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checklistenpunkte",
        verbose_name=_("verantwortliche Organisation"),
    )
    erledigt = models.BooleanField(_("erledigt"), default=False)
    erledigt_am = models.DateField(_("erledigt am"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["faellig_am", "reihenfolge", "pk"]
        verbose_name = _("Punkt der Checkliste")
        verbose_name_plural = _("Punkte der Checkliste")

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return self.veranstaltung.get_absolute_url() + f"#punkt-{self.pk}"

    @property
    def verantwortlich(self):
        return self.verantwortlich_mitglied or self.verantwortlich_organisation

    @property
    def ist_ueberfaellig(self):
        return not self.erledigt and self.faellig_am < heute()


class Nachhaltigkeit(models.Model):
    """Who carries a chosen participation subject on after the event, and when they meet next."""

    veranstaltung = models.ForeignKey(
        Veranstaltung, on_delete=models.CASCADE, related_name="nachhaltigkeit", verbose_name=_("Veranstaltung")
    )
    gegenstand = models.ForeignKey(
        Beteiligungsgegenstand,
        on_delete=models.PROTECT,
        related_name="nachhaltigkeit",
        verbose_name=_("Beteiligungsgegenstand"),
    )
    traeger_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("weitergeführt von (Organisation)"),
    )
    traeger_gruppe = models.CharField(_("weitergeführt von (Gruppe Ehrenamtlicher)"), max_length=200, blank=True)
    kontakt = models.CharField(_("Kontakt"), max_length=200, blank=True)
    kontakt_einwilligung = models.BooleanField(_("Einwilligung zur Speicherung des Kontakts liegt vor"), default=False)
    naechster_termin = models.DateField(_("nächster Termin"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["gegenstand__reihenfolge", "pk"]
        verbose_name = _("Weiterführung")
        verbose_name_plural = _("Weiterführungen")
        constraints = [
            models.UniqueConstraint(fields=["veranstaltung", "gegenstand"], name="nachhaltigkeit_einmal_je_gegenstand")
        ]

    def __str__(self):
        return str(self.gegenstand)

    def get_absolute_url(self):
        return self.veranstaltung.get_absolute_url() + f"#nachhaltigkeit-{self.pk}"

    def clean(self):
        fehler = {}
        if not self.traeger_organisation_id and not self.traeger_gruppe:
            fehler["traeger_gruppe"] = _("Bitte eine Organisation oder eine Gruppe nennen, die weitermacht.")
        if self.kontakt and not self.kontakt_einwilligung:
            fehler["kontakt"] = _("Einen Kontakt speichern wir nur mit Einwilligung.")
        if fehler:
            raise ValidationError(fehler)
