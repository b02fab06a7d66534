#!/bin/sh
# Prints the path of a Python >= 3.11 whose sqlite3 can load extensions (SpatiaLite needs it).
# pyenv's and some other self-built Pythons cannot; Debian's and Ubuntu's /usr/bin/python3 can.
for kandidat in "${DWK_PYTHON:-}" /usr/bin/python3 /usr/bin/python3.13 /usr/bin/python3.12 /usr/bin/python3.11 \
    "$(command -v python3 2>/dev/null)"; do
  [ -n "$kandidat" ] && [ -x "$kandidat" ] || continue
  if "$kandidat" -c 'import sys, sqlite3, venv
assert sys.version_info >= (3, 11)
sqlite3.connect(":memory:").enable_load_extension(True)' 2>/dev/null; then
    echo "$kandidat"
    exit 0
  fi
done
cat >&2 <<'MELDUNG'
Fehler: Kein passendes Python gefunden.
Benötigt wird Python 3.11 oder neuer, dessen sqlite3 Erweiterungen laden kann (für SpatiaLite)
und das Modul venv hat. Unter Debian/Ubuntu: "apt-get install python3 python3-venv".
pyenv-Pythons können das meist nicht. Ein anderes Python wählen Sie mit DWK_PYTHON=/pfad/zu/python3.
MELDUNG
exit 1
