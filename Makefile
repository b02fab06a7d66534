# DWK Quartiersplanung: `make run` starts the demo, `make test` runs the whole suite.
# Both set up what they need (system packages, .venv, databases) and skip what is there.

SHELL := /bin/bash
.DEFAULT_GOAL := run
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
VAR := var
HOST ?= 127.0.0.1
PORT ?= 8000

# System packages: GeoDjango (GDAL/GEOS/PROJ), SpatiaLite, WeasyPrint (Pango, HarfBuzz subset), fonts.
APT_BASIS := python3 python3-venv gdal-bin libsqlite3-mod-spatialite libpango-1.0-0 libpangoft2-1.0-0 \
	libharfbuzz-subset0:optional fonts-dejavu-core fonts-liberation2:optional
# For the tests: Chromium for the browser tests (its headless shell where Debian has it: a third less
# CPU; see tests/browser/conftest.py), poppler for looking at PDFs, qpdf for checking
# the structure of every report PDF (tests/berichte/pdf_pruefung.py).
APT_TEST := chromium chromium-headless-shell:optional poppler-utils qpdf

# The demo runs on SpatiaLite under var/; DEBUG only for this local demo server; it lives on a day
# in autumn 2017 (DWK_HEUTE, see dwk/zeit.py).
DEMO_ENV := DWK_DEBUG=true DWK_DATABASE_URL=spatialite:///$(CURDIR)/$(VAR)/dwk.sqlite3 \
	DWK_HEUTE=$${DWK_HEUTE-2017-10-16} DWK_LOG_FORMAT=$${DWK_LOG_FORMAT-text}
# The tests run against PostGIS through the local socket as the current user. Python keeps its compiled
# modules (under var/pycache, outside the source tree) even where the environment says
# PYTHONDONTWRITEBYTECODE: otherwise each of the test run's many Python processes (workers, manage.py,
# the PDF fork server) compiles Django, WeasyPrint and our code anew, and a manage.py call takes 9 s
# instead of 3.5 s of CPU.
TEST_ENV := PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/$(VAR)/pycache \
	DWK_DATABASE_URL=$${DWK_TEST_DATABASE_URL:-postgis:///dwk} DJANGO_ALLOW_ASYNC_UNSAFE=true \
	DWK_CHROMIUM=$${DWK_CHROMIUM:-$$(command -v chromium-headless-shell || echo /usr/bin/chromium)}
# pytest-xdist runs the suite in TEST_PROZESSE worker processes, each with its own PostGIS test
# database (test_dwk_gw0, test_dwk_gw1, …), live server, Chromium and media folder;
# TEST_PROZESSE=0 runs everything in this one process (e.g. `make test TEST_PROZESSE=0`).
TEST_PROZESSE ?= auto

.PHONY: setup setup-test run test test-schnell bench lint fmt demo-daten clean backup restore

setup: $(VENV)/.installiert

$(VENV)/.installiert: requirements.lock pyproject.toml scripts/apt-pakete.sh
	@scripts/apt-pakete.sh $(APT_BASIS)
	@if [ ! -x $(PY) ]; then \
		python=$$(scripts/python-finden.sh) || exit 1; \
		echo "Lege $(VENV) mit $$python an"; \
		"$$python" -m venv $(VENV); \
	fi
	@$(PY) -c 'import sqlite3; sqlite3.connect(":memory:").enable_load_extension(True)' 2>/dev/null || { \
		echo "Fehler: $(VENV) wurde mit einem Python ohne SQLite-Erweiterungen angelegt. Bitte 'rm -rf $(VENV)' und erneut starten." >&2; exit 1; }
	@# uv installs the locked packages in seconds (pip: about half a minute); pip remains the way when
	@# uv cannot be had (e.g. a machine that reaches only a local package mirror configured for pip).
	@{ $(PIP) install --quiet --disable-pip-version-check uv && \
		$(VENV)/bin/uv pip install --quiet --python $(PY) --requirement requirements.lock; } || \
		$(PIP) install --quiet --disable-pip-version-check --requirement requirements.lock
	@mkdir -p $(VAR)/static $(VAR)/media
	@touch $@

setup-test: setup
	@scripts/apt-pakete.sh $(APT_TEST)
	@scripts/postgis-bereitstellen.sh

run: setup
	@$(DEMO_ENV) $(PY) manage.py migrate --no-input -v 0
	@$(DEMO_ENV) $(PY) manage.py demo_daten
	@echo "DWK Quartiersplanung läuft auf http://$(HOST):$(PORT)/  (beenden mit Strg+C)"
	@# The background worker (large photo uploads, later report PDFs) runs beside the web server,
	@# on the same SQLite file as its queue, and stops with it.
	@$(DEMO_ENV) $(PY) manage.py db_worker --no-reload -v 0 & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(DEMO_ENV) $(PY) manage.py runserver --skip-checks $(HOST):$(PORT)

demo-daten: setup
	@$(DEMO_ENV) $(PY) manage.py migrate --no-input -v 0
	@$(DEMO_ENV) $(PY) manage.py demo_daten

# The checks of migrations and style (about 10 s on one core) run beside the tests, in the seconds in
# which the first test process migrates the template database and the others wait; their output follows
# the tests'. `make test` fails if either fails.
test: setup-test
	@{ $(PY) manage.py makemigrations --check --dry-run -v 0 && $(VENV)/bin/ruff check . && \
		$(VENV)/bin/ruff format --check . ; } > $(VAR)/pruefungen.log 2>&1 & pruefungen=$$!; \
	$(TEST_ENV) $(VENV)/bin/pytest -n $(TEST_PROZESSE) $(PYTEST_ARGS); tests=$$?; \
	wait $$pruefungen; pruefungen=$$?; \
	echo "--- Prüfung von Migrationen und Stil (makemigrations --check, ruff):"; cat $(VAR)/pruefungen.log; \
	[ $$pruefungen -eq 0 ] || echo "Fehler: Migrations- oder Stilprüfung fehlgeschlagen (siehe oben)." >&2; \
	[ $$tests -eq 0 ] && [ $$pruefungen -eq 0 ]

# Without the browser tests and the SpatiaLite smoke test.
test-schnell: setup-test
	$(TEST_ENV) $(VENV)/bin/pytest -n $(TEST_PROZESSE) -m "not browser and not spatialite" $(PYTEST_ARGS)

bench: setup-test
	$(TEST_ENV) $(PY) bench/run.py

# Load and faults (bench/last.py): locust with a mixed load, a saturation run and the database
# taken away mid-run through a TCP proxy; locust lives in its own environment, var/last-venv.
.PHONY: last
last: setup-test
	@[ -x $(VAR)/last-venv/bin/locust ] || { python3 -m venv $(VAR)/last-venv && \
		$(VAR)/last-venv/bin/pip install --quiet --disable-pip-version-check --requirement bench/requirements-last.txt; }
	$(TEST_ENV) $(PY) bench/last.py

# Backup and restore (README „Betrieb“): the database (pg_dump custom format, or a copy of the SpatiaLite
# file) and every media file, with manifest.json (row counts, SHA-256 checksums). They act on the database
# and media of the DWK_ variables in the environment (without any: the local demo under var/).
# `make backup [ZIEL=ordner]`; `make restore SICHERUNG=var/sicherungen/dwk-sicherung-… [RESTORE_ARGS=--ueberschreiben]`.
backup: setup
	$(PY) manage.py sicherung_erstellen $(if $(ZIEL),--ziel $(ZIEL))

restore: setup
	@test -n "$(SICHERUNG)" || { echo "Bitte den Sicherungsordner angeben: make restore SICHERUNG=…" >&2; exit 1; }
	$(PY) manage.py sicherung_wiederherstellen "$(SICHERUNG)" $(RESTORE_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) $(VAR)/dwk.sqlite3 $(VAR)/static .pytest_cache .ruff_cache
