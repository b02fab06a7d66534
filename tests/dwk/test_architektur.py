"""The shape of the code that ``docs/architektur.md`` promises, checked on the source itself.

- Imports point one way: an app imports only apps below it (``LAGEN``); ``dwk`` imports a domain
  app only in its URLs and settings, and nothing but ``demo`` itself imports ``demo``. An import
  inside a function counts as well — a cycle hidden in a function body is still a cycle.
- No module outside migrations and tests is longer than about a long screen (``MAX_ZEILEN``).
"""

import ast
from pathlib import Path

import pytest

WURZEL = Path(__file__).resolve().parents[2]

# Lower number = lower layer. Apps on the same layer do not import each other.
LAGEN = {
    "dwk": 0,
    "auftraege": 1,
    "quartiere": 2,
    "lenkungsgruppe": 3,
    "quartiersprofil": 4,
    "wegenetz": 5,
    "buergerdialog": 5,
    "berichte": 6,
    "uebersichten": 7,
    "oeffentlich": 7,
    "demo": 8,
}
# Where dwk may name the domain apps: the URL configuration and the settings.
DWK_DARF_ALLES = ("dwk/urls.py", "dwk/einstellungen/", "dwk/settings.py")
MAX_ZEILEN = 450


def _module(app: str):
    for pfad in sorted((WURZEL / app).rglob("*.py")):
        if "migrations" not in pfad.parts:
            yield pfad


def _importierte_apps(pfad: Path) -> set[str]:
    baum = ast.parse(pfad.read_text(encoding="utf-8"), filename=str(pfad))
    namen = set()
    for knoten in ast.walk(baum):
        if isinstance(knoten, ast.Import):
            namen.update(alias.name for alias in knoten.names)
        elif isinstance(knoten, ast.ImportFrom) and knoten.module and knoten.level == 0:
            namen.add(knoten.module)
    return {name.split(".")[0] for name in namen} & LAGEN.keys()


def test_jede_app_hat_eine_lage():
    apps = {p.parent.name for p in WURZEL.glob("*/apps.py")} | {"dwk"}
    assert apps == LAGEN.keys()


@pytest.mark.parametrize("app", LAGEN)
def test_importe_zeigen_nach_unten(app):
    verstoesse = []
    for pfad in _module(app):
        relativ = pfad.relative_to(WURZEL).as_posix()
        if app == "dwk" and relativ.startswith(DWK_DARF_ALLES):
            continue
        for ziel in _importierte_apps(pfad) - {app}:
            if LAGEN[ziel] >= LAGEN[app]:
                verstoesse.append(f"{relativ} importiert {ziel}")
    assert verstoesse == []


def test_keine_datei_ist_zu_lang():
    zu_lang = []
    for app in LAGEN:
        for pfad in _module(app):
            zeilen = len(pfad.read_text(encoding="utf-8").splitlines())
            if zeilen > MAX_ZEILEN:
                zu_lang.append(f"{pfad.relative_to(WURZEL)}: {zeilen} Zeilen")
    assert zu_lang == []
