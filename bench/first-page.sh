#!/usr/bin/env bash
# Time to the first page as a new user meets it: clones the committed HEAD into a fresh
# folder (no target/, no var/), runs `scripts/run` there and asks for `/` until it answers
# 200. Prints three figures: seconds until cargo finished, seconds from then to the first
# page, and the total. The clone is removed afterwards (the cluster is stopped first).
#
#   bench/first-page.sh                  # port 8097, clone under /tmp
#   PORT=8099 bench/first-page.sh
#   KEEP=1 bench/first-page.sh           # keep the clone (and its target/) to look at
#
# The crates.io download cache (~/.cargo/registry) is used as it is: a machine that never
# built any Rust adds the download time on top.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8097}
WORK=$(mktemp -d /tmp/pasar-first-page.XXXXXX)
# As root the embedded cluster runs as `postgres`, which must reach the clone.
chmod 755 "$WORK"
git clone -q --no-hardlinks "$PWD" "$WORK/pasar"
LOG=$WORK/run.log
RUN=""
cleanup() {
  if [ -n "$RUN" ] && kill -0 "$RUN" 2>/dev/null; then
    # SIGTERM: the server stops and stops the cluster it started.
    kill -TERM "$RUN" 2>/dev/null || true
    wait "$RUN" 2>/dev/null || true
  fi
  [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

start=$(date +%s.%N)
(cd "$WORK/pasar" && unset DATABASE_URL CARGO_TARGET_DIR &&
  PASAR_ADDR=127.0.0.1:$PORT PASAR_BASE_URL=http://127.0.0.1:$PORT exec scripts/run) >"$LOG" 2>&1 &
RUN=$!
built=""
while kill -0 "$RUN" 2>/dev/null; do
  if [ -z "$built" ] && grep -q "Finished \`" "$LOG"; then
    built=$(date +%s.%N)
  fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/" || true)" = 200 ]; then
    done=$(date +%s.%N)
    built=${built:-$done}
    awk -v s="$start" -v b="$built" -v d="$done" 'BEGIN {
      printf "compile: %.0f s\nafter compile to first page: %.1f s\nfirst page: %.0f s (%d min %02d s)\n",
        b - s, d - b, d - s, int((d - s) / 60), int(d - s) % 60 }'
    grep -E "demo data ready|embedded database" "$LOG" | sed 's/\x1b\[[0-9;]*m//g' || true
    exit 0
  fi
  sleep 0.2
done
echo "scripts/run stopped before serving a page; its output:" >&2
tail -30 "$LOG" >&2
exit 1
