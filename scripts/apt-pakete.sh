#!/bin/sh
# Installs the Debian/Ubuntu packages given as arguments, but only those that are missing,
# so that a second run costs a fraction of a second.
set -eu
fehlend=""
for paket in "$@"; do
  status=$(dpkg-query -W -f='${Status}' "$paket" 2>/dev/null || true)
  case "$status" in *"install ok installed"*) ;; *) fehlend="$fehlend $paket" ;; esac
done
[ -z "$fehlend" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
echo "Installiere Systempakete:$fehlend"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $fehlend
