#!/bin/sh
# Makes PostGIS ready for the test suite: the package, a running cluster, a superuser role for
# the current user (connecting through the Unix socket) and the database "dwk" with PostGIS.
set -eu
hier=$(dirname "$0")
if [ "$(id -u)" -eq 0 ]; then als_postgres="runuser -u postgres --"; else als_postgres="sudo -u postgres"; fi

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  "$hier/apt-pakete.sh" postgresql postgresql-contrib
fi
version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
if [ -z "$version" ]; then
  echo "Fehler: Kein PostgreSQL-Cluster gefunden (pg_lsclusters ist leer)." >&2
  exit 1
fi
"$hier/apt-pakete.sh" "postgresql-$version-postgis-3"

cluster=$(pg_lsclusters -h | awk 'NR==1 {print $2}')
if ! pg_lsclusters -h | awk 'NR==1 {print $4}' | grep -q online; then
  echo "Starte PostgreSQL $version/$cluster"
  pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
fi

benutzer=$(id -un)
if ! psql -d postgres -tAc "select 1" >/dev/null 2>&1; then
  $als_postgres createuser --superuser "$benutzer"
fi
if ! psql -d postgres -tAc "select 1 from pg_database where datname = 'dwk'" | grep -q 1; then
  createdb dwk
fi
psql -q -d dwk -c "set client_min_messages = warning; create extension if not exists postgis"
