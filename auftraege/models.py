"""A job for the background worker, as the user who started it sees it."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Auftrag(models.Model):
    """Work that runs outside the web request (photos of a large upload, later report PDFs).

    The queue itself is django-tasks (``DBTaskResult`` of django-tasks-db); this row is what the
    status page shows: who started it, how far it is (``schritte_erledigt`` of
    ``schritte_gesamt`` and a sentence ``stand``), the outcome (``ergebnis``, ``fehler``: one
    German sentence per thing that failed) and where to go afterwards (``ziel_url``). The id is a
    random UUID, so a status URL cannot be guessed (the view checks the permission anyway).
    """

    class Status(models.TextChoices):
        WARTET = "wartet", _("wartet")
        LAEUFT = "laeuft", _("läuft")
        FERTIG = "fertig", _("fertig")
        FEHLGESCHLAGEN = "fehlgeschlagen", _("fehlgeschlagen")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    art = models.CharField(_("Art"), max_length=200, help_text=_("Pfad der Aufgabe, die den Auftrag ausführt."))
    titel = models.CharField(_("Titel"), max_length=200)
    gestartet_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="auftraege",
        verbose_name=_("gestartet von"),
    )
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.WARTET)
    schritte_gesamt = models.PositiveIntegerField(_("Schritte insgesamt"), default=0)
    schritte_erledigt = models.PositiveIntegerField(_("Schritte erledigt"), default=0)
    stand = models.CharField(_("Stand"), max_length=300, blank=True)
    ergebnis = models.TextField(_("Ergebnis"), blank=True)
    fehler = models.JSONField(_("Fehler"), default=list, blank=True)
    ziel_url = models.CharField(_("Ziel"), max_length=500, blank=True)
    ziel_text = models.CharField(_("Text des Ziel-Links"), max_length=200, blank=True)
    begonnen_am = models.DateTimeField(_("begonnen am"), null=True, blank=True)
    beendet_am = models.DateTimeField(_("beendet am"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Hintergrundauftrag")
        verbose_name_plural = _("Hintergrundaufträge")

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("auftraege:status", args=[self.pk])

    @property
    def ist_beendet(self):
        return self.status in {self.Status.FERTIG, self.Status.FEHLGESCHLAGEN}
