"""The part of the buergerdialog permission matrix for the review by the steering group and the way
into practice (merged into ``tests/buergerdialog/matrix.py``)."""

import datetime

from tests.factories import (
    BewertungsrundeFactory,
    ErgebnisFactory,
    MassnahmeFactory,
    UmsetzungFactory,
    VeranstaltungFactory,
    WeitergabeFactory,
)
from tests.matrix import nur

LESEN_ALLE = ("projektteam", "lenkungsgruppe", "superuser")
NUR_PROJEKTTEAM = ("projektteam", "superuser")
BELEGE_LESEN = (*LESEN_ALLE, "partner")  # as the measure's own page in quartiersprofil
R = lambda o: {"pk": o["bewertung_veranstaltung"].pk}  # noqa: E731
E = lambda o: {"ergebnis_pk": o["bewertung_ergebnis"].pk}  # noqa: E731

MATRIX = {
    # H's event has no round yet; the event ``bewertung_veranstaltung`` has one.
    "buergerdialog:bewertungsrunde_neu": ("get", lambda o: {"pk": o["veranstaltung"].pk}, nur(*NUR_PROJEKTTEAM)),
    "buergerdialog:bewertungsrunde_bearbeiten": ("get", R, nur(*NUR_PROJEKTTEAM)),
    # Only a member of the steering group rates (the user ``lenkungsgruppe`` is linked to one).
    "buergerdialog:bewerten": ("get", R, nur("lenkungsgruppe")),
    "buergerdialog:bewertung_ergebnis": ("get", R, nur(*LESEN_ALLE)),
    "buergerdialog:tagesordnungspunkt_neu": ("get", R, nur(*NUR_PROJEKTTEAM)),
    "buergerdialog:ergebnis_praxis": ("get", E, nur(*NUR_PROJEKTTEAM)),
    "buergerdialog:weitergabe_neu": ("get", E, nur(*NUR_PROJEKTTEAM)),
    "buergerdialog:weitergabe_bearbeiten": ("get", lambda o: {"pk": o["weitergabe"].pk}, nur(*NUR_PROJEKTTEAM)),
    "buergerdialog:massnahme_weg": ("get", lambda o: {"pk": o["weg_massnahme"].pk}, nur(*BELEGE_LESEN)),
}


def anlegen(benutzer, quartier):
    veranstaltung = VeranstaltungFactory(quartiere=[quartier], status="durchgefuehrt", titel="Bürgerwerkstatt Derne")
    ergebnis = ErgebnisFactory(veranstaltung=veranstaltung)
    BewertungsrundeFactory(veranstaltung=veranstaltung, ergebnisse=[ergebnis], frist=datetime.date(2099, 12, 31))
    massnahme = MassnahmeFactory(quartier=quartier, herkunft="buergerdialog")
    UmsetzungFactory(ergebnis=ergebnis, massnahme=massnahme)
    return {
        "bewertung_veranstaltung": veranstaltung,
        "bewertung_ergebnis": ergebnis,
        "weitergabe": WeitergabeFactory(ergebnis=ergebnis),
        "weg_massnahme": massnahme,
    }
