"""`python manage.py check --deploy --fail-level WARNING` passes with the production settings of
`.env.example` (issue 13); the session time-outs follow their DWK_ variables."""

import os
import secrets
import subprocess
import sys

from django.conf import settings

BASIS = settings.BASE_DIR


def _env_example():
    werte = {}
    for zeile in (BASIS / ".env.example").read_text().splitlines():
        zeile = zeile.strip()
        if zeile and not zeile.startswith("#") and "=" in zeile:
            name, _sep, wert = zeile.partition("=")
            werte[name.strip()] = wert.strip()
    return werte


def _umgebung(tmp_path, **aenderungen):
    # As on a server: none of the test run's own DWK_ variables, no DJANGO_ALLOW_ASYNC_UNSAFE.
    umgebung = {
        name: wert
        for name, wert in os.environ.items()
        if not name.startswith("DWK_") and name != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    umgebung.update(_env_example())
    umgebung.update(
        DWK_SECRET_KEY=secrets.token_urlsafe(50),
        DWK_VAR_DIR=str(tmp_path),
        DWK_DATABASE_URL=os.environ.get("DWK_DATABASE_URL", umgebung["DWK_DATABASE_URL"]),
    )
    umgebung.update(aenderungen)
    return umgebung


def _check(tmp_path, **aenderungen):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASIS,
        env=_umgebung(tmp_path, **aenderungen),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_besteht_mit_env_example(tmp_path):
    ergebnis = _check(tmp_path)
    assert ergebnis.returncode == 0, ergebnis.stdout + ergebnis.stderr
    werte = _env_example()
    assert werte["DWK_DEBUG"] == "false"
    assert werte["DWK_HTTPS"] == "true"
    assert werte["DWK_HSTS_SUBDOMAINS"] == "true"


def test_check_deploy_meldet_fehlende_hsts_subdomains(tmp_path):
    ergebnis = _check(tmp_path, DWK_HSTS_SUBDOMAINS="false")
    assert ergebnis.returncode != 0
    assert "security.W005" in ergebnis.stdout + ergebnis.stderr


def test_ssl_weiterleitung_durch_den_proxy(tmp_path):
    """DWK_SSL_REDIRECT=false: the proxy redirects to https, the check still passes."""
    ergebnis = _check(tmp_path, DWK_SSL_REDIRECT="false")
    assert ergebnis.returncode == 0, ergebnis.stdout + ergebnis.stderr


def test_zeitgrenzen_aus_der_umgebung(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_AGE, s.DWK_SITZUNG_HOECHSTDAUER_STUNDEN, s.SESSION_COOKIE_SECURE)"
    )
    ergebnis = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASIS,
        env=_umgebung(
            tmp_path,
            DJANGO_SETTINGS_MODULE="dwk.settings",
            DWK_SITZUNG_LEERLAUF_MINUTEN="5",
            DWK_SITZUNG_HOECHSTDAUER_STUNDEN="2",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ergebnis.stdout.split() == ["300", "2.0", "True"], ergebnis.stderr
