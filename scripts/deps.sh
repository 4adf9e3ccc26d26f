#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Pasar needs, only those that are missing.
#   scripts/deps.sh run    what `scripts/run` needs (PostgreSQL, libpq for diesel)
#   scripts/deps.sh test   that plus Chromium, ChromeDriver and the SMTP server for tests
set -euo pipefail

want=(postgresql postgresql-contrib libpq-dev pkg-config build-essential ca-certificates)
if [ "${1:-run}" = "test" ]; then
  want+=(chromium chromium-driver python3-aiosmtpd)
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
