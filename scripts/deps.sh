#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Pasar needs, only those that are missing.
#   scripts/deps.sh run    what `scripts/run` needs (PostgreSQL, libpq for diesel)
#   scripts/deps.sh test   that plus Chromium, ChromeDriver, the SMTP server, and the page
#                          checkers (axe-core and the Nu HTML checker, with Node and Java)
set -euo pipefail
cd "$(dirname "$0")/.."

want=(postgresql postgresql-contrib libpq-dev pkg-config build-essential ca-certificates)
if [ "${1:-run}" = "test" ]; then
  want+=(chromium chromium-driver python3-aiosmtpd)
  command -v node >/dev/null 2>&1 || want+=(nodejs)
  command -v npm >/dev/null 2>&1 || want+=(npm)
  command -v java >/dev/null 2>&1 || want+=(default-jre-headless)
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The page-quality test (tests/e2e/quality.rs) reads both checkers from target/tools:
# large, pinned, and not committed.
if [ "${1:-run}" = "test" ]; then
  tools=target/tools
  axe_version=4.14.1
  vnu_version=26.9.27
  have() { [ "$(node -p "require('./$tools/node_modules/$1/package.json').version" 2>/dev/null)" = "$2" ]; }
  if ! have axe-core "$axe_version" || ! have vnu-jar "$vnu_version"; then
    echo "Installing the page checkers into $tools: axe-core@$axe_version vnu-jar@$vnu_version"
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error \
      "axe-core@$axe_version" "vnu-jar@$vnu_version"
  fi
fi
