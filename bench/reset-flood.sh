#!/usr/bin/env bash
# The home page's latency while bad password-reset POSTs arrive (issue 8): before the
# fix each one ran zxcvbn and bcrypt on the threads database calls share, and about 30
# a second delayed every page. Builds the release binary, serves the demo data on
# 127.0.0.1:8091 behind a pretend proxy (PASAR_TRUSTED_PROXIES=1, every POST from its
# own address, so per-IP limits do not hide the cost), measures `/` with wrk for
# DURATION without and then with RATE bad resets a second, and appends both lines to
# bench/RESULTS.md.
#
#   bench/reset-flood.sh               # RATE=50, DURATION=20s
#   RATE=100 bench/reset-flood.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RATE=${RATE:-50}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-16}
ADDR=127.0.0.1:8091
OUT=$ROOT/bench/out-flood
RESULTS=$ROOT/bench/RESULTS.md

command -v wrk >/dev/null 2>&1 || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null 2>&1 || { echo "needs curl" >&2; exit 1; }

cargo build --release --locked
mkdir -p "$OUT"
cp "${CARGO_TARGET_DIR:-$ROOT/target}/release/pasar" "$OUT/pasar"
rm -rf "$OUT/data" && mkdir -p "$OUT/data" && chmod 755 "$OUT" "$OUT/data"

unset DATABASE_URL
export PASAR_DATA=$OUT/data PASAR_ADDR=$ADDR PASAR_ENV=development PASAR_TRUSTED_PROXIES=1
RUST_LOG=warn "$OUT/pasar" serve --demo >"$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -fsS "http://$ADDR/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { echo "server died, see $OUT/serve.log" >&2; exit 1; }
  sleep 0.5
done

# A session cookie and its CSRF token, as a browser would have them.
JAR=$OUT/cookies.txt
TOKEN=$(curl -fsS -c "$JAR" "http://$ADDR/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n 1)

p99() { awk '/^ +99%/ { print $2 }' "$1"; }

measure() {
  local f=$OUT/wrk-$1.txt
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://$ADDR/" | tee "$f" >/dev/null
  echo "$(p99 "$f") $(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$f")"
}

# flood: RATE POSTs a second with a bogus token and a strong password, for DURATION.
flood() {
  local i=0 total=$((RATE * DURATION)) gap
  gap=$(awk -v r="$RATE" 'BEGIN { printf "%.4f", 1 / r }')
  while [ $i -lt "$total" ]; do
    curl -s -o /dev/null -w '%{http_code}\n' -b "$JAR" \
      -H "X-Forwarded-For: 198.51.$((i / 250 % 250)).$((i % 250 + 1))" \
      --data-urlencode "csrf_token=$TOKEN" --data-urlencode "password=purple mango rocket 77" \
      "http://$ADDR/password/reset/bogus-token-$i" >>"$OUT/flood-status.txt" &
    i=$((i + 1))
    sleep "$gap"
  done
  wait
}

read -r QUIET_P99 QUIET_RPS < <(measure quiet)
: >"$OUT/flood-status.txt"
flood &
FLOOD=$!
sleep 1
read -r LOUD_P99 LOUD_RPS < <(measure flood)
wait $FLOOD || true
STATUSES=$(sort "$OUT/flood-status.txt" | uniq -c | awk '{ printf "%s%s×%s", sep, $2, $1; sep = ", " }')

{
  echo
  echo "## Home page under a flood of bad password resets ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "| load | home p99 | home req/s |"
  echo "|---|---|---|"
  echo "| quiet | $QUIET_P99 | $QUIET_RPS |"
  echo "| $RATE bad reset POSTs/s | $LOUD_P99 | $LOUD_RPS |"
  echo
  echo "Reset answers: $STATUSES."
} | tee -a "$RESULTS"
