"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server."""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

# Debian's Chromium as its headless shell where installed (package chromium-headless-shell, the same
# Blink without the browser around it): the browser tests take about a third less CPU than with the
# full /usr/bin/chromium, which is the fallback (e.g. on Ubuntu, which lacks the package).
CHROMIUM = os.environ.get("DWK_CHROMIUM") or shutil.which("chromium-headless-shell") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        raise pytest.UsageError(
            f"Chromium fehlt unter {CHROMIUM}: bitte `make test` ausführen oder DWK_CHROMIUM setzen."
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "de-DE", "accept_downloads": True}


@pytest.fixture(autouse=True)
def migrationsdaten_vor_jedem_browsertest(daten_der_migrationen):
    """live_server empties the database after each test, including what the data migrations
    created; every browser test starts with it made again (``tests/conftest.py``)."""


@pytest.fixture(scope="session")
def axe():
    return Axe()


# What axe-core checks: the rules of WCAG 2.1 A/AA and its best practices, reporting violations only.
AXE_OPTIONEN = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
}
# axe-core's run on the document, or null where the document lacks axe-core.
AXE_LAUF = "async (optionen) => typeof axe === 'object' ? await axe.run(document, optionen) : null"


@pytest.fixture
def barrierefrei(axe):
    """Call with a page: fails on any serious or critical axe-core violation of WCAG 2.1 A/AA rules.

    axe-core (572 KB of script) is sent to each browser context once, as a script of its every new
    document, which Chromium then compiles from its cache (about 20 ms a page); sent with each check,
    as axe-playwright-python does, it cost 55 ms a check. A document loaded before gets it then."""
    kontexte = []

    def pruefen(page):
        if page.context not in kontexte:
            page.context.add_init_script(axe.axe_script)
            kontexte.append(page.context)
        # A click on a link starts a navigation and returns at once; axe-core must not run on
        # the document being replaced. Wait for the load, and run once more if the navigation
        # was committed only while axe-core ran (its context is then destroyed or empty).
        for versuch in range(3):
            page.wait_for_load_state("load")
            try:
                ergebnis = page.evaluate(AXE_LAUF, AXE_OPTIONEN)
                if ergebnis is None:
                    page.evaluate(axe.axe_script)
                    ergebnis = page.evaluate(AXE_LAUF, AXE_OPTIONEN)
                break
            except PlaywrightError as fehler:
                laufende_navigation = "documentElement" in str(fehler) or "context was destroyed" in str(fehler)
                if not laufende_navigation or versuch == 2:
                    raise
        schwer = [
            f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:5]}"
            for v in ergebnis["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        assert schwer == [], f"axe-core auf {page.url}"

    return pruefen
