#!/bin/sh
# Installs the Debian/Ubuntu packages given as arguments, but only those that are missing,
# so that a second run costs a fraction of a second. A name ending in ":optional" is optional: it is
# installed where the distribution has it (e.g. libharfbuzz-subset0 is missing on older Ubuntu).
set -eu
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
installiert() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}
fehlend=""
optional=""
for eintrag in "$@"; do
  paket=${eintrag%:optional}
  installiert "$paket" && continue
  if [ "$paket" = "$eintrag" ]; then fehlend="$fehlend $paket"; else optional="$optional $paket"; fi
done
[ -z "$fehlend$optional" ] && exit 0
# The package lists are refreshed only when a required package is missing, so that an optional
# package this distribution lacks never costs an "apt-get update" on every run.
if [ -n "$fehlend" ]; then
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
fi
for paket in $optional; do
  if apt-cache show "$paket" >/dev/null 2>&1; then
    fehlend="$fehlend $paket"
  else
    echo "Hinweis: $paket gibt es in dieser Distribution nicht; es geht auch ohne (nur langsamer oder mit Ersatzschrift)."
  fi
done
[ -z "$fehlend" ] && exit 0
echo "Installiere Systempakete:$fehlend"
# shellcheck disable=SC2086
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $fehlend
