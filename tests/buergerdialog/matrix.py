"""The buergerdialog part of the permission matrix (see tests/dwk/test_berechtigungen.py)."""

from buergerdialog.models import Beteiligungsgegenstand, Motto, Nachhaltigkeit, VeranstaltungStatus
from tests.buergerdialog.matrix_bewertung import MATRIX as MATRIX_BEWERTUNG
from tests.buergerdialog.matrix_bewertung import anlegen as bewertung_anlegen
from tests.buergerdialog.matrix_dokumente import MATRIX as MATRIX_DOKUMENTE
from tests.buergerdialog.matrix_dokumente import anlegen as dokumente_anlegen
from tests.buergerdialog.matrix_partner import moderation_des_partners
from tests.factories import ChecklistenpunktFactory, ErgebnisFactory, VeranstaltungFactory
from tests.matrix import nur

LESEN_ALLE = ("projektteam", "lenkungsgruppe", "superuser")
NUR_PROJEKTTEAM = ("projektteam", "superuser")
# The events are moderated by the organisation of ``partner`` (its Partnerkonto), not by that of
# ``partner_fremd`` (linked to another organisation).
VERANSTALTUNG_LESEN = (*LESEN_ALLE, "partner")
ERFASSEN = (*NUR_PROJEKTTEAM, "partner")
NUR_POST = {**nur(*NUR_PROJEKTTEAM), "projektteam": 405, "superuser": 405}
NUR_POST_ERFASSEN = {**nur(*ERFASSEN), "projektteam": 405, "superuser": 405, "partner": 405}
V = lambda o: {"pk": o["veranstaltung"].pk}  # noqa: E731

MATRIX = {
    "buergerdialog:uebersicht": ("get", {}, nur(*LESEN_ALLE, "partner", "partner_fremd")),
    "buergerdialog:veranstaltung_liste": ("get", {}, nur(*LESEN_ALLE, "partner", "partner_fremd")),
    "buergerdialog:veranstaltung_neu": ("get", {}, nur(*NUR_PROJEKTTEAM)),
    "buergerdialog:veranstaltung_detail": ("get", V, nur(*VERANSTALTUNG_LESEN)),
    "buergerdialog:veranstaltung_bearbeiten": ("get", V, nur(*NUR_PROJEKTTEAM)),
    "buergerdialog:veranstaltung_status": ("get", V, NUR_POST),
    "buergerdialog:anwesenheit": ("get", V, nur(*ERFASSEN)),
    "buergerdialog:nachhaltigkeit_neu": ("get", V, nur(*NUR_PROJEKTTEAM)),
    "buergerdialog:nachhaltigkeit_bearbeiten": (
        "get",
        lambda o: {"veranstaltung_pk": o["veranstaltung"].pk, "pk": o["nachhaltigkeit"].pk},
        nur(*NUR_PROJEKTTEAM),
    ),
    "buergerdialog:checklistenpunkt_erledigen": ("get", lambda o: {"pk": o["checklistenpunkt"].pk}, NUR_POST),
    "buergerdialog:checklistenpunkt_bearbeiten": (
        "get",
        lambda o: {"pk": o["checklistenpunkt"].pk},
        nur(*NUR_PROJEKTTEAM),
    ),
    "buergerdialog:ergebnis_liste": ("get", V, nur(*VERANSTALTUNG_LESEN)),
    "buergerdialog:ergebnis_karte": ("get", V, nur(*VERANSTALTUNG_LESEN)),
    # All events of a quarter: who reads everything (a partner reads only its events, Ratsbüro nothing).
    "buergerdialog:quartier_ergebnis_liste": ("get", lambda o: {"slug": o["quartier"].slug}, nur(*LESEN_ALLE)),
    "buergerdialog:quartier_ergebnis_karte": ("get", lambda o: {"slug": o["quartier"].slug}, nur(*LESEN_ALLE)),
    "buergerdialog:ergebnis_erfassen": ("get", V, nur(*ERFASSEN)),
    "buergerdialog:ergebnis_zuruecknehmen": ("get", V, NUR_POST_ERFASSEN),
    # The card was entered by the partner: the partner corrects its own, Projektteam every card.
    "buergerdialog:ergebnis_bearbeiten": ("get", lambda o: {"pk": o["ergebnis"].pk}, nur(*ERFASSEN)),
    "buergerdialog:katalog": ("get", {}, nur(*LESEN_ALLE)),
    "buergerdialog:gegenstand_neu": ("get", {}, nur(*NUR_PROJEKTTEAM)),
    "buergerdialog:gegenstand_bearbeiten": ("get", lambda o: {"pk": o["gegenstand"].pk}, nur(*NUR_PROJEKTTEAM)),
    "buergerdialog:motto_neu": ("get", {}, nur(*NUR_PROJEKTTEAM)),
    "buergerdialog:motto_bearbeiten": ("get", lambda o: {"pk": o["motto"].pk}, nur(*NUR_PROJEKTTEAM)),
    **MATRIX_BEWERTUNG,
    **MATRIX_DOKUMENTE,
}


def anlegen(benutzer, quartier):
    gegenstand = Beteiligungsgegenstand.objects.order_by("reihenfolge").first()
    veranstaltung = VeranstaltungFactory(
        quartiere=[quartier], status=VeranstaltungStatus.DURCHGEFUEHRT, moderation=moderation_des_partners(benutzer)
    )
    veranstaltung.gegenstaende.add(gegenstand)
    return {
        **bewertung_anlegen(benutzer, quartier),
        **dokumente_anlegen(benutzer, quartier),
        "veranstaltung": veranstaltung,
        "gegenstand": gegenstand,
        "motto": Motto.objects.first(),
        "checklistenpunkt": ChecklistenpunktFactory(veranstaltung=veranstaltung),
        "nachhaltigkeit": Nachhaltigkeit.objects.create(
            veranstaltung=veranstaltung, gegenstand=gegenstand, traeger_gruppe="Nachbarschaftskreis"
        ),
        "ergebnis": ErgebnisFactory(veranstaltung=veranstaltung, erfasst_von=benutzer["partner"], von_partner=True),
    }
