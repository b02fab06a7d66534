"""Reads of personal data of key persons and local actors (``Akteur``): how a person is named
for whom, and everything the app holds about a person (request for information).

Only Projektteam sees names and contact details. Every other role, every export and every PDF
shows organisation and role only: ``akteur_anzeige`` is the one place that decides.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from dwk.permissions import ist_projektteam

from ..models import Akteur


def darf_personendaten_sehen(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    return user is not None and ist_projektteam(user)


def akteur_anzeige(akteur: Akteur, user: AbstractBaseUser | AnonymousUser | None = None) -> str:
    """How ``akteur`` is named for ``user``: „Name (Rolle, Organisation)“ for Projektteam when a
    name is kept, otherwise „Rolle, Organisation“. Exports and PDFs pass no user. No query."""
    if darf_personendaten_sehen(user) and akteur.name and not akteur.ist_anonymisiert:
        return f"{akteur.name} ({akteur.rolle}, {akteur.organisation})"
    return f"{akteur.rolle}, {akteur.organisation}"


def akteur_daten(*, akteur: Akteur) -> dict:
    """Everything the app holds about ``akteur``, as a JSON-ready dict (for the person's request
    for information). Reads only: the Akteur, its history, the talks and walk-throughs it took
    part in."""
    felder = [f.name for f in Akteur._meta.concrete_fields if f.name != "quartier"]

    def wert(v: object) -> object:
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
