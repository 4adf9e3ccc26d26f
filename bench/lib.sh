# Shared by the bench scripts (sourced, not run): results sections, the release binary,
# the bench data, the server and psql on the embedded cluster.

say() { printf '\n== %s\n' "$*"; }

# write_section NAME FILE: puts FILE into bench/RESULTS.md between
# <!-- NAME:begin --> and <!-- NAME:end -->, replacing only that section (appended when
# it is not there yet), so each script keeps the others' figures.
write_section() {
  local name=$1 file=$2 results=${RESULTS:-$ROOT/bench/RESULTS.md} tmp
  [ -f "$results" ] || printf '# Benchmark results\n' >"$results"
  tmp=$(mktemp)
  awk -v name="$name" -v file="$file" '
    function body() { print "<!-- " name ":begin -->"; while ((getline l < file) > 0) print l; close(file); print "<!-- " name ":end -->" }
    $0 == "<!-- " name ":begin -->" { body(); skip = 1; done = 1; next }
    $0 == "<!-- " name ":end -->" { skip = 0; next }
    !skip { print }
    END { if (!done) { print ""; body() } }' "$results" >"$tmp"
  mv "$tmp" "$results"
}

# release_binary: builds the release binary and copies it to $OUT/pasar (so a concurrent
# build cannot swap it mid-run); sets BIN. PASAR_BIN=path measures that binary instead
# (a before/after of two commits on the same data: build each, keep a copy, run twice).
release_binary() {
  mkdir -p "$OUT"
  if [ -n "${PASAR_BIN:-}" ]; then
    say "using $PASAR_BIN"
    cp "$PASAR_BIN" "$OUT/pasar"
  else
    say "cargo build --release"
    cargo build --release --locked
    cp "${CARGO_TARGET_DIR:-$ROOT/target}/release/pasar" "$OUT/pasar"
  fi
  BIN=$OUT/pasar
}

# bench_data N: a fresh embedded cluster in $DATA with N bench listings, or the last
# one with REUSE=1. Sets SEED_SECONDS.
bench_data() {
  SEED_SECONDS="(reused)"
  if [ "${REUSE:-0}" = 1 ] && [ -d "$DATA/postgres" ]; then
    say "reusing $DATA"
    return
  fi
  say "fresh data in $DATA, seed --bench $1"
  rm -rf "$DATA"
  mkdir -p "$DATA"
  chmod 755 "$OUT" "$DATA"
  local start
  start=$(date +%s.%N)
  # Progress every 100,000 rows (log colours stripped); pipefail stops on a failed load.
  RUST_LOG=info "$BIN" seed --bench "$1" 2>&1 | tee "$OUT/seed.log" \
    | sed -u 's/\x1b\[[0-9;]*m//g' \
    | awk '/rows=[0-9]*00000 |data ready|photos stored|ERROR|Error/ { print; fflush() }'
  SEED_SECONDS=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
}

# start_server [ENV=VALUE...]: `pasar serve` on $ADDR with these settings, waiting for
# /healthz; sets SERVER.
start_server() {
  env "$@" RUST_LOG=${SERVER_LOG:-warn} "$BIN" serve >>"$OUT/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do
    curl -fsS "http://$ADDR/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER" 2>/dev/null || { echo "server died, see $OUT/serve.log" >&2; return 1; }
    sleep 0.5
  done
  echo "server not healthy" >&2
  return 1
}

# stop_server: SIGTERM lets in-flight requests finish; the server then stops the
# cluster it started.
stop_server() {
  if [ -n "${SERVER:-}" ] && kill -0 "$SERVER" 2>/dev/null; then
    kill -TERM "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
  fi
  SERVER=""
}

# sql ARGS: psql on the running cluster (its socket folder is line 5 of postmaster.pid).
sql() {
  local sock
  sock=$(sed -n 5p "$DATA/postgres/data/postmaster.pid")
  "$PSQL" -X -q -At -h "$sock" -U postgres -d pasar "$@"
}

find_psql() {
  PSQL=$(command -v psql || ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$PSQL" ] || { echo "needs psql (apt-get install postgresql-client)" >&2; exit 1; }
}

# Waits (up to two minutes) for earlier work to fade from the load average.
settle() {
  for _ in $(seq 1 24); do
    awk '{ exit !($1 < 1.0) }' /proc/loadavg && break
    sleep 5
  done
}
