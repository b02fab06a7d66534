"""The permission matrix of flyer, poster, invitations, documentation and evaluation
(joined into tests/buergerdialog/matrix.py)."""

from buergerdialog.models import DokumentationStatus, VeranstaltungStatus
from tests.buergerdialog.matrix_partner import moderation_des_partners
from tests.factories import (
    DokumentationFactory,
    DokumentationsanhangFactory,
    DokumentationsfotoFactory,
    ErgebnisFactory,
    FragebogenFactory,
    VeranstaltungFactory,
)
from tests.matrix import nur

NUR_PROJEKTTEAM = ("projektteam", "superuser")
# The event is moderated by the organisation of ``partner``, not by that of ``partner_fremd``.
VERANSTALTUNG_LESEN = ("projektteam", "lenkungsgruppe", "superuser", "partner")
NUR_POST = {**nur(*NUR_PROJEKTTEAM), "projektteam": 405, "superuser": 405}
# The partner of the event writes documentation and evaluation; the steering group reads them once released.
SCHREIBEN = ("projektteam", "superuser", "partner")
V = lambda o: {"pk": o["veranstaltung"].pk}  # noqa: E731
D = lambda o: {"pk": o["dok_veranstaltung"].pk}  # noqa: E731

MATRIX = {
    "buergerdialog:flyer": ("get", V, nur(*VERANSTALTUNG_LESEN)),
    "buergerdialog:plakat": ("get", V, nur(*VERANSTALTUNG_LESEN)),
    "buergerdialog:einladungen": ("get", V, nur(*NUR_PROJEKTTEAM)),
    "buergerdialog:einladungsbriefe": ("get", V, NUR_POST),
    "buergerdialog:einladungen_mailen": ("get", V, NUR_POST),
    "buergerdialog:dokumentation": ("get", D, nur(*VERANSTALTUNG_LESEN)),
    "buergerdialog:dokumentation_bearbeiten": ("get", D, nur(*SCHREIBEN)),
    "buergerdialog:dokumentation_fotos": ("get", D, nur(*SCHREIBEN)),
    "buergerdialog:dokumentation_anhang": ("get", D, nur(*SCHREIBEN)),
    "buergerdialog:dokumentation_freigeben": ("get", D, NUR_POST),
    "buergerdialog:dokumentation_pdf": ("get", D, nur(*VERANSTALTUNG_LESEN)),
    "buergerdialog:dokumentationsfoto": (
        "get",
        lambda o: {"pk": o["dok_veranstaltung"].pk, "foto_pk": o["dok_foto"].pk},
        nur(*VERANSTALTUNG_LESEN),
    ),
    "buergerdialog:dokumentationsanhang": (
        "get",
        lambda o: {"pk": o["dok_veranstaltung"].pk, "anhang_pk": o["dok_anhang"].pk},
        nur(*VERANSTALTUNG_LESEN),
    ),
    "buergerdialog:fragebogen_pdf": ("get", D, nur(*VERANSTALTUNG_LESEN)),
    "buergerdialog:auswertung": ("get", D, nur(*VERANSTALTUNG_LESEN)),
    "buergerdialog:fragebogen_erfassen": ("get", D, nur(*SCHREIBEN)),
    "buergerdialog:fragebogen_liste": ("get", D, nur(*SCHREIBEN)),
    # Photos, attachments and questionnaires entered by the partner: the partner edits and deletes its
    # own, Projektteam every one (the delete pages answer GET with their confirmation).
    **{
        f"buergerdialog:{name}_{aktion}": (
            "get",
            lambda o, n=name: {"pk": o["dok_veranstaltung"].pk, "eintrag_pk": o[n].pk},
            nur(*SCHREIBEN),
        )
        for name in ("dokumentationsfoto", "dokumentationsanhang", "fragebogen")
        for aktion in ("bearbeiten", "loeschen")
    },
    "buergerdialog:ergebnis_fotos": (
        "get",
        lambda o: {"pk": o["dok_veranstaltung"].pk, "ergebnis_pk": o["dok_ergebnis"].pk},
        nur(*SCHREIBEN),
    ),
}


def anlegen(benutzer, quartier):
    """An event the partner moderates with a released documentation, a photo and an attachment."""
    veranstaltung = VeranstaltungFactory(
        quartiere=[quartier], status=VeranstaltungStatus.DOKUMENTIERT, moderation=moderation_des_partners(benutzer)
    )
    dokumentation = DokumentationFactory(veranstaltung=veranstaltung, status=DokumentationStatus.FREIGEGEBEN)
    vom_partner = {"erfasst_von": benutzer["partner"], "von_partner": True}
    foto = DokumentationsfotoFactory(dokumentation=dokumentation, **vom_partner)
    anhang = DokumentationsanhangFactory(dokumentation=dokumentation, **vom_partner)
    return {
        "dok_veranstaltung": veranstaltung,
        "dok_foto": foto,
        "dok_anhang": anhang,
        "dok_ergebnis": ErgebnisFactory(veranstaltung=veranstaltung),
        "dokumentationsfoto": foto,
        "dokumentationsanhang": anhang,
        "fragebogen": FragebogenFactory(veranstaltung=veranstaltung, zufriedenheit=4, **vom_partner),
    }
