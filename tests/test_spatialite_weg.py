"""Smoke test of the embedded SpatiaLite path that `make run` uses: migrate, demo data, one page, one PDF.

Runs manage.py in subprocesses with their own SpatiaLite database, so nothing here touches PostGIS.
Each start of manage.py costs seconds of imports: both runs of ``demo_daten`` (`make run`, and
`make run` again) go through manage.py's command line inside one ``manage.py shell`` process, which
then shows the page and the PDF; it also checks that the second run wrote no history row (on PostGIS:
tests/demo/test_demo_daten.py).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import spatialite_kopie

pytestmark = pytest.mark.spatialite
BASIS = Path(__file__).resolve().parent.parent

SEITE_UND_PDF = """
from django.apps import apps
from django.core.management import execute_from_command_line
def historie():
    return {{m.__name__: m.objects.count() for m in apps.get_models() if m.__name__.startswith("Historical")}}
# The first run and the second, each as `manage.py demo_daten` (system checks, command line; an error
# ends this process with 1).
execute_from_command_line(["manage.py", "demo_daten"])
vorher = historie()
execute_from_command_line(["manage.py", "demo_daten"])
nachher = historie()
assert nachher == vorher, {{k: (v, nachher[k]) for k, v in vorher.items() if nachher[k] != v}}
from django.test import Client
from django.contrib.auth import get_user_model
c = Client(HTTP_HOST="127.0.0.1")
c.force_login(get_user_model().objects.get(username="projektteam"))
karte = c.get("/karte/")
assert karte.status_code == 200, karte.status_code
assert "Menglinghausen" in karte.content.decode()
assert c.get("/karte/unterbezirke.geojson").json()["features"], "keine Unterbezirke"
pdf = c.get("/quartiere/menglinghausen/profil.pdf")
assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf", pdf.status_code
open({pfad!r}, "wb").write(pdf.getvalue())
print("ok")
"""


def _manage(var, *args, eingabe=None):
    umgebung = {
        **os.environ,
        "DWK_DATABASE_URL": f"spatialite:///{var / 'dwk.sqlite3'}",
        "DWK_VAR_DIR": str(var),
        "DWK_DEBUG": "true",  # as `make run` sets it: demo_daten creates its accounts only in the local demo
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASIS,
        env=umgebung,
        input=eingabe,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_spatialite_migrieren_demodaten_seite_pdf(tmp_path, spatialite_migriert):
    from pypdf import PdfReader

    # Migrated by the fixture (in a subprocess, as here), which fails this test if migrate fails.
    spatialite_kopie(spatialite_migriert, tmp_path)
    pdf_pfad = tmp_path / "profil.pdf"
    ergebnis = _manage(tmp_path, "shell", eingabe=SEITE_UND_PDF.format(pfad=str(pdf_pfad)))
    assert (ergebnis.returncode, ergebnis.stdout.strip()[-2:]) == (0, "ok"), ergebnis.stderr[-3000:]

    pdf = PdfReader(pdf_pfad)
    text = "".join(seite.extract_text() for seite in pdf.pages)
    assert "Menglinghausen" in text
    assert "Seite 1 von" in text
