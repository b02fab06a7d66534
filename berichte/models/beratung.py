"""Comments of the steering group on a report draft, per section, in threads."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .bericht import Bericht


class Kommentar(models.Model):
    """A comment on one section of a report (``abschnitt``: the key of ``berichte.queries.abschnitte``).

    A comment without ``antwort_auf`` opens a thread; answers point to it. A thread is resolved
    (``erledigt``) or open; only the thread's first comment carries that state.
    """

    bericht = models.ForeignKey(Bericht, on_delete=models.CASCADE, related_name="kommentare", verbose_name=_("Bericht"))
    abschnitt = models.CharField(_("Abschnitt"), max_length=60)
    antwort_auf = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="antworten", verbose_name=_("Antwort auf")
    )
    autor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("von")
    )
    text = models.TextField(_("Kommentar"), max_length=5000)
    erledigt = models.BooleanField(_("erledigt"), default=False)
    erledigt_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("erledigt von"),
    )
    created_at = models.DateTimeField(_("geschrieben am"))
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["bericht", "created_at", "pk"]
        verbose_name = _("Kommentar zu einem Bericht")
        verbose_name_plural = _("Kommentare zu Berichten")

    def __str__(self):
        return f"{self.bericht}: {self.abschnitt}"
