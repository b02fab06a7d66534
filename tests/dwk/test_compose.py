"""docker-compose.yml and Dockerfile (issue 13). Docker is not on this machine, so `docker compose
config` cannot run here; instead the file is validated against the official Compose specification
schema (the copy check-jsonschema ships, ``vendor/compose-spec.json``), once as written and once after
interpolating the variables of .env.example the way compose does, and its structure is checked: web
under gunicorn, worker with db_worker, migrations once before both, PostGIS, volumes, health checks;
the web health check is run against a live server."""

import json
import re
import subprocess
import sys
from importlib.resources import files

import pytest
import yaml
from django.conf import settings
from django.urls import resolve
from jsonschema import Draft202012Validator

from dwk import views
from tests.dwk.test_deploy_check import _env_example

BASIS = settings.BASE_DIR
VARIABLE = re.compile(r"\$\{(?P<name>\w+)(?:(?P<art>:[-?])(?P<wert>[^}]*))?\}")


def _schema():
    pfad = files("check_jsonschema") / "builtin_schemas" / "vendor" / "compose-spec.json"
    return json.loads(pfad.read_text())


def _roh():
    return (BASIS / "docker-compose.yml").read_text()


def _interpolieren(text, werte):
    """Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR:?error}; $$ is a literal $."""
    fehlend = []

    def ersetzen(treffer):
        name, art, standard = treffer["name"], treffer["art"], treffer["wert"]
        if werte.get(name):
            return werte[name]
        if art == ":?":
            fehlend.append(f"{name}: {standard}")
        return standard or ""

    ergebnis = VARIABLE.sub(ersetzen, text.replace("$$", "\0")).replace("\0", "$")
    return ergebnis, fehlend


@pytest.fixture(scope="module")
def compose():
    text, fehlend = _interpolieren(_roh(), _env_example())
    assert fehlend == [], "Variablen, die .env.example setzen muss"
    return yaml.safe_load(text)


def test_gueltig_nach_der_compose_spezifikation(compose):
    validator = Draft202012Validator(_schema())
    for fassung in (yaml.safe_load(_roh()), compose):
        fehler = [f"{'/'.join(map(str, f.absolute_path))}: {f.message}" for f in validator.iter_errors(fassung)]
        assert fehler == []


def test_schema_erkennt_fehler():
    """The schema is really applied: a misspelt key and a wrong type are reported."""
    kaputt = yaml.safe_load(_roh())
    kaputt["services"]["web"]["healtcheck"] = {}
    kaputt["services"]["worker"]["restart"] = ["immer"]
    fehler = list(Draft202012Validator(_schema()).iter_errors(kaputt))
    assert len(fehler) >= 2


def test_dienste_und_abhaengigkeiten(compose):
    dienste = compose["services"]
    assert set(dienste) == {"db", "migrate", "web", "worker", "zeitplan"}
    assert dienste["zeitplan"]["command"] == ["python", "manage.py", "zeitplan"]
    assert dienste["db"]["image"].startswith("postgis/postgis:")
    assert " ".join(dienste["migrate"]["command"]) == "python manage.py migrate --no-input"
    assert dienste["migrate"]["restart"] == "no"
    assert "exec gunicorn dwk.wsgi:application" in " ".join(dienste["web"]["command"])
    assert dienste["worker"]["command"] == ["python", "manage.py", "db_worker", "--no-reload"]
    for name in ("web", "worker"):
        assert dienste[name]["depends_on"] == {
            "db": {"condition": "service_healthy"},
            "migrate": {"condition": "service_completed_successfully"},
        }
        assert dienste[name]["env_file"] == ".env"
        # One database for all: the URL names the db service.
        assert dienste[name]["environment"]["DWK_DATABASE_URL"].endswith("@db:5432/dwk")
    for name in ("db", "web", "worker"):
        assert dienste[name]["healthcheck"]["test"][0] in {"CMD", "CMD-SHELL"}


def test_volumes(compose):
    dienste = compose["services"]
    benutzt = {eintrag.split(":")[0] for dienst in dienste.values() for eintrag in dienst.get("volumes", [])}
    assert benutzt == set(compose["volumes"]) == {"postgis-daten", "medien", "sicherungen"}
    # Web and worker see the same media files, where the app keeps them (DWK_VAR_DIR/media).
    assert _env_example()["DWK_VAR_DIR"] == "/app/var"
    for name in ("web", "worker"):
        assert "medien:/app/var/media" in dienste[name]["volumes"]
    assert "postgis-daten:/var/lib/postgresql/data" in dienste["db"]["volumes"]


def test_jede_variable_steht_in_env_example():
    namen = {treffer["name"] for treffer in VARIABLE.finditer(_roh())}
    dokumentiert = set(_env_example()) | set(re.findall(r"^#\s*(DWK_\w+)=", (BASIS / ".env.example").read_text(), re.M))
    assert namen <= dokumentiert, namen - dokumentiert


def test_dockerfile():
    text = (BASIS / "Dockerfile").read_text()
    assert "postgresql-client" in text  # pg_dump / pg_restore for the backup
    assert "collectstatic" in text
    assert "USER dwk" in text
    assert "gunicorn dwk.wsgi:application" in text
    # The system packages of `make setup` are in the image as well.
    makefile = (BASIS / "Makefile").read_text()
    basis = re.search(r"^APT_BASIS := (.*?)\n(?!\t)", makefile, re.M | re.S).group(1).replace("\\\n", " ")
    pakete = {p for p in basis.split() if not p.endswith(":optional")}
    assert {p for p in pakete if p not in text} == set()


@pytest.mark.django_db(transaction=True)
def test_gesundheitspruefung_des_web_containers(compose, live_server):
    """The web container's health check command itself, pointed at the live server."""
    assert resolve("/gesundheit/").func is views.gesundheit
    befehl = compose["services"]["web"]["healthcheck"]["test"]
    assert befehl[:3] == ["CMD", "python", "-c"]
    assert "http://127.0.0.1:8000/gesundheit/" in befehl[3]
    umgebung = {"PATH": "/usr/bin:/bin", "DWK_ALLOWED_HOSTS": "localhost,127.0.0.1"}

    def pruefen(url):
        skript = befehl[3].replace("http://127.0.0.1:8000", url)
        return subprocess.run([sys.executable, "-c", skript], env=umgebung, capture_output=True, timeout=60)

    ergebnis = pruefen(live_server.url)
    assert ergebnis.returncode == 0, ergebnis.stderr
    # Nothing answers there: the check fails.
    assert pruefen("http://127.0.0.1:1").returncode != 0
