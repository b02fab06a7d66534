"""Personal data of key persons and local actors (``Akteur``): consent, display, export, erasure.

Rules:

- Only Projektteam sees names and contact details. Every other role, every export and every
  PDF shows organisation and role only: ``akteur_anzeige`` is the one place that decides.
- Without consent (never given or withdrawn) only organisation and role are kept:
  ``akteur_speichern`` clears the personal fields, a withdrawal anonymises.
- ``akteur_daten`` collects everything the app holds about a person (export).
- ``akteur_anonymisieren`` erases a person everywhere, history included.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Value
from django.db.models.functions import Replace
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dwk.permissions import ist_projektteam

from .models import Akteur

PERSONENFELDER = ("name", "email", "telefon", "anschrift")
ANONYMISIERT = "[anonymisiert]"


def darf_personendaten_sehen(user):
    return user is not None and ist_projektteam(user)


def akteur_anzeige(akteur, user=None):
    """How ``akteur`` is named for ``user``: „Name (Rolle, Organisation)“ for Projektteam when a
    name is kept, otherwise „Rolle, Organisation“. Exports and PDFs pass no user."""
    if darf_personendaten_sehen(user) and akteur.name:
        return f"{akteur.name} ({akteur.rolle}, {akteur.organisation})"
    return f"{akteur.rolle}, {akteur.organisation}"


def _personenfelder_leeren(akteur):
    for feld in PERSONENFELDER:
        setattr(akteur, feld, "")


@transaction.atomic
def akteur_speichern(*, akteur):
    """Create or update ``akteur`` and return it.

    Side effects: without a valid consent (no date, or withdrawn) the personal fields (name,
    e-mail, telephone, address) are cleared before saving, so only organisation and role are
    kept; writes a history row. A consent needs its scope and the version of its text.
    """
    if akteur.ist_anonymisiert:
        _personenfelder_leeren(akteur)
    if akteur.einwilligung_am and not (akteur.einwilligung_umfang and akteur.einwilligung_textfassung):
        raise ValidationError(
            _("Zu einer Einwilligung gehören ihr Umfang und die Fassung des Einwilligungstextes."),
            code="einwilligung",
        )
    if not akteur.hat_einwilligung:
        _personenfelder_leeren(akteur)
    akteur.full_clean()
    akteur.save()
    return akteur


@transaction.atomic
def akteur_einwilligung_widerrufen(*, akteur, datum=None):
    """Record the withdrawal of ``akteur``'s consent (default: today) and anonymise the person.

    Side effects: sets ``widerrufen_am``, then everything ``akteur_anonymisieren`` does.
    """
    akteur = Akteur.objects.select_for_update().get(pk=akteur.pk)
    akteur.widerrufen_am = datum or timezone.localdate()
    akteur.full_clean()
    akteur.save()
    return akteur_anonymisieren(akteur=akteur)


def _bekannte_angaben(akteur):
    """Every non-empty name, e-mail, telephone and address the person ever had (current and history)."""
    werte = set()
    for zeile in akteur.history.values(*PERSONENFELDER):
        werte.update(w for w in zeile.values() if w)
    werte.update(getattr(akteur, f) for f in PERSONENFELDER if getattr(akteur, f))
    # Longest first, so that „Erika Musterfrau“ is replaced before „Erika“.
    return sorted(werte, key=len, reverse=True)


def _textfelder():
    """(model, field name) of every text column of this app, historical tables included."""
    for model in apps.get_app_config("quartiersprofil").get_models():
        for feld in model._meta.concrete_fields:
            if isinstance(feld, (models.CharField, models.TextField)) and not feld.choices:
                yield model, feld.name


@transaction.atomic
def akteur_anonymisieren(*, akteur):
    """Erase the personal data of ``akteur`` everywhere, history included, and return it.

    Side effects:
    - the Akteur keeps organisation, role and the consent record (date, scope, text version,
      withdrawal); name, e-mail, telephone and address are blanked, ``ist_anonymisiert`` is set
      (one new history row, itself without personal data);
    - every history row of the Akteur has its name, e-mail, telephone and address blanked;
    - every name, e-mail, telephone or address the person ever had is replaced by
      „[anonymisiert]“ in every text column of this app and of its history tables (talk
      summaries and agreements, walk-through summaries, findings, profile texts, …), by a direct
      update that writes no further history rows.
    """
    akteur = Akteur.objects.select_for_update().get(pk=akteur.pk)
    angaben = _bekannte_angaben(akteur)
    _personenfelder_leeren(akteur)
    akteur.ist_anonymisiert = True
    akteur.full_clean()
    akteur.save()
    akteur.history.update(**dict.fromkeys(PERSONENFELDER, ""))
    for model, feld in _textfelder():
        for angabe in angaben:
            model._base_manager.filter(**{f"{feld}__contains": angabe}).update(
                **{feld: Replace(F(feld), Value(angabe), Value(ANONYMISIERT))}
            )
    return akteur


def akteur_daten(*, akteur):
    """Everything the app holds about ``akteur``, as a JSON-ready dict (for the person's request
    for information). Reads only: the Akteur, its history, the talks and walk-throughs it took
    part in."""
    felder = [f.name for f in Akteur._meta.concrete_fields if f.name != "quartier"]

    def wert(v):
        return v.isoformat() if hasattr(v, "isoformat") else v

    return {
        "akteur": {
            **{f: wert(getattr(akteur, f)) for f in felder},
            "quartier": akteur.quartier.name,
        },
        "verlauf": [
            {
                "zeitpunkt": h.history_date.isoformat(),
                "art": h.get_history_type_display(),
                "geaendert_von": h.history_user.get_username() if h.history_user else None,
                **{f: wert(getattr(h, f)) for f in felder if f != "updated_at"},
            }
            for h in akteur.history.select_related("history_user").order_by("history_date")
        ],
        "gespraeche": [
            {
                "datum": g.datum.isoformat(),
                "art": g.get_art_display(),
                "quartier": g.quartier.name,
                "zusammenfassung": g.zusammenfassung,
                "vereinbarungen": g.vereinbarungen,
                "weitere_teilnehmende": [akteur_anzeige(a) for a in g.teilnehmende.all() if a.pk != akteur.pk],
            }
            for g in akteur.gespraeche.select_related("quartier").prefetch_related("teilnehmende")
        ],
        "begehungen": [
            {"datum": b.datum.isoformat(), "quartier": b.quartier.name, "zusammenfassung": b.zusammenfassung}
            for b in akteur.begehungen.select_related("quartier")
        ],
    }


@transaction.atomic
def gespraech_speichern(*, gespraech, teilnehmende, handlungsfelder):
    """Create or update a talk with its participants and fields of action, and return it.

    Side effects: saves the talk (history row), replaces its participants and fields of action.
    Refuses (``ValidationError``) participants from another quarter.
    """
    teilnehmende = list(teilnehmende)
    if any(a.quartier_id != gespraech.quartier_id for a in teilnehmende):
        raise ValidationError(_("Alle Teilnehmenden müssen zum Quartier des Gesprächs gehören."), code="quartier")
    gespraech.full_clean()
    gespraech.save()
    gespraech.teilnehmende.set(teilnehmende)
    gespraech.handlungsfelder.set(handlungsfelder)
    return gespraech
