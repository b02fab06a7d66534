"""The permission matrix of flyer, poster, invitations, documentation and evaluation
(joined into tests/buergerdialog/matrix.py)."""

from tests.matrix import nur

NUR_PROJEKTTEAM = ("projektteam", "superuser")
# The event lies in the partner's quarter (``partner``), not in that of ``partner_fremd``.
VERANSTALTUNG_LESEN = ("projektteam", "lenkungsgruppe", "superuser", "partner")
NUR_POST = {**nur(*NUR_PROJEKTTEAM), "projektteam": 405, "superuser": 405}
V = lambda o: {"pk": o["veranstaltung"].pk}  # noqa: E731

MATRIX = {
    "buergerdialog:flyer": ("get", V, nur(*VERANSTALTUNG_LESEN)),
    "buergerdialog:plakat": ("get", V, nur(*VERANSTALTUNG_LESEN)),
    "buergerdialog:einladungen": ("get", V, nur(*NUR_PROJEKTTEAM)),
    "buergerdialog:einladungsbriefe": ("get", V, NUR_POST),
    "buergerdialog:einladungen_mailen": ("get", V, NUR_POST),
}


def anlegen(benutzer, quartier):
    return {}
