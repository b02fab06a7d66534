"""Runs the real database worker (`manage.py db_worker --batch`) in its own process on the test database."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from django.db import connection


def _datenbank_url():
    werte = connection.settings_dict
    benutzer = quote(werte["USER"] or "") + (f":{quote(werte['PASSWORD'])}" if werte["PASSWORD"] else "")
    ort = (f"{benutzer}@" if benutzer else "") + (werte["HOST"] or "") + (f":{werte['PORT']}" if werte["PORT"] else "")
    return f"postgis://{ort}/{werte['NAME']}"


def db_worker_ausfuehren(*, medien):
    """Work off every queued task, then return; the test's data must be committed (transactional test)."""
    umgebung = {
        **os.environ,
        "DWK_DATABASE_URL": _datenbank_url(),
        "DWK_MEDIA_ROOT": str(medien),
        "DWK_TASKS_BACKEND": "datenbank",
    }
    lauf = subprocess.run(  # noqa: S603 -- our own manage.py
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay", "-v", "0"],
        cwd=Path(__file__).resolve().parents[2],
        env=umgebung,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert lauf.returncode == 0, lauf.stderr
