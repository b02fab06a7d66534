"""Shared steps of the browser tests: logging in, and the small Menglinghausen test city."""

from quartiere.services import quartier_speichern
from tests.factories import TESTPASSWORT, QuartierFactory, StatistischerBezirkFactory, UnterbezirkFactory, quadrat


def anmelden(page, live_server, benutzername):
    """Log in through the login form, as a person would."""
    page.goto(live_server.url + "/konto/anmelden/")
    page.get_by_label("Benutzername").fill(benutzername)
    page.get_by_label("Passwort").fill(TESTPASSWORT)
    page.get_by_role("button", name="Anmelden").click()


def menglinghausen_bezirk(**stadtbezirk):
    """Statistischer Bezirk 690 Menglinghausen in Stadtbezirk 09 Hombruch (both 0.04° squares);
    ``stadtbezirk`` sets further fields of the Stadtbezirk (e.g. ``kommune``)."""
    return StatistischerBezirkFactory(
        code="690",
        name="Menglinghausen",
        geometrie=quadrat(0, 0, seite=0.04),
        stadtbezirk__geometrie=quadrat(0, 0, seite=0.04),
        stadtbezirk__code="09",
        stadtbezirk__name="Hombruch",
        **{f"stadtbezirk__{feld}": wert for feld, wert in stadtbezirk.items()},
    )


def menglinghausen_quartier(bezirk, *, unterbezirke=(("691", "Menglinghausen-West", 0),)):
    """The quarter Menglinghausen (a 0.03° square) in ``bezirk``, after creating the given
    Unterbezirke ``(code, name, grid column)``; its coverage is derived as in the app."""
    for code, name, spalte in unterbezirke:
        UnterbezirkFactory(bezirk=bezirk, code=code, name=name, geometrie=quadrat(spalte, 0))
    quartier = QuartierFactory.build(
        name="Menglinghausen", slug="", stadtbezirk=bezirk.stadtbezirk, grenze=quadrat(0, 0, seite=0.03)
    )
    return quartier_speichern(quartier=quartier)
