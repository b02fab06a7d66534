"""Writes of the survey of the senior offices: rounds, questionnaire, answers."""

import datetime
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from quartiere.models import Infrastruktur, Quartier

from ..models import Antwort, Befragung, Frage
from .datenstand import profil_datenstand_erhoehen


@transaction.atomic
def befragung_speichern(*, befragung: Befragung) -> Befragung:
    """Validate and save a survey round.

    Side effects: saves ``befragung``.
    """
    profil_datenstand_erhoehen()
    befragung.full_clean()
    befragung.save()
    return befragung


@transaction.atomic
def fragen_speichern(
    *, befragung: Befragung, fragen: Iterable[Frage] = (), entfernen: Iterable[Frage] = ()
) -> Befragung:
    """Save the questionnaire's changed and new questions and delete removed ones.

    A question that has answers cannot be deleted (its answers would be lost): raises
    ValidationError and changes nothing. Side effects: saves and deletes ``Frage`` rows.
    """
    profil_datenstand_erhoehen()
    mit_antworten = [f for f in entfernen if f.pk and f.antworten.exists()]
    if mit_antworten:
        raise ValidationError(
            _("Diese Fragen haben schon Antworten und können nicht gelöscht werden: %(fragen)s")
            % {"fragen": "; ".join(f"„{f.text}“" for f in mit_antworten)}
        )
    for frage in entfernen:
        if frage.pk:
            frage.delete()
    for frage in fragen:
        frage.befragung = befragung
        frage.full_clean()
        frage.save()
    return befragung


@transaction.atomic
def antworten_erfassen(
    *,
    befragung: Befragung,
    quartier: Quartier,
    seniorenbuero: Infrastruktur,
    antworten: Mapping[Frage, tuple[int | None, str | None]],
    eingegangen_am: datetime.date | None = None,
) -> int:
    """Enter the answers of one senior office for one quarter from a returned paper form.

    ``antworten`` maps each ``Frage`` to ``(bewertung, text)``; a question with neither a
    rating nor a text has no answer (an existing one is deleted). Side effects: creates,
    updates or deletes ``Antwort`` rows (history entries only for real changes). Returns the
    number of answers stored for these questions.
    """
    profil_datenstand_erhoehen()
    if seniorenbuero.kategorie.slug != "seniorenbuero":
        raise ValidationError(_("Antworten kommen nur von Seniorenbüros."))
    vorhanden = {
        a.frage_id: a
        for a in Antwort.objects.filter(
            frage__in=[f.pk for f in antworten], quartier=quartier, seniorenbuero=seniorenbuero
        )
    }
    gespeichert = 0
    for frage, (bewertung, text) in antworten.items():
        if frage.befragung_id != befragung.pk:
            raise ValidationError(_("Die Frage gehört nicht zu dieser Befragung."))
        text = (text or "").strip()
        antwort = vorhanden.get(frage.pk)
        if bewertung is None and not text:
            if antwort is not None:
                antwort.delete()
            continue
        gespeichert += 1
        if antwort is None:
            antwort = Antwort(frage=frage, quartier=quartier, seniorenbuero=seniorenbuero)
        elif (antwort.bewertung, antwort.text, antwort.eingegangen_am) == (bewertung, text, eingegangen_am):
            continue
        antwort.bewertung, antwort.text, antwort.eingegangen_am = bewertung, text, eingegangen_am
        antwort.full_clean()
        antwort.save()
    return gespeichert
