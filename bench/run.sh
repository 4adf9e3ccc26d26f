#!/usr/bin/env bash
# Load benchmark. Builds the release binary, loads N bench listings into a fresh embedded
# database under bench/out, serves on 127.0.0.1:8090, measures five pages with wrk
# (64 connections, 2 threads, after a warm-up), and writes bench/RESULTS.md: requests/s,
# p50/p99, errors, the server's peak memory, the machine, pass/fail against the targets
# and the key lines of the main queries' plans. Stops the server and the cluster at the end.
#
#   bench/run.sh                 # N=1000000
#   N=100000 bench/run.sh        # smaller, faster
#   REUSE=1 bench/run.sh         # keep bench/out/data from the last run (skips the load)
#
# Other knobs: DURATION (20s), WARMUP (5s), CONNECTIONS (64), THREADS (2).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

N=${N:-1000000}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ADDR=127.0.0.1:8090
OUT=$ROOT/bench/out
DATA=$OUT/data
RESULTS=$ROOT/bench/RESULTS.md
# The search words: "iphone" is in about 1% of bench listings (every language), and
# "ipone" is the typo the trigram correction has to fix.
COMMON_WORD=iphone
TYPO_WORD=ipone

say() { printf '\n== %s\n' "$*"; }

# ---- tools -------------------------------------------------------------------------
need_apt() {
  local pkgs=("$@")
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${pkgs[@]}"
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq "${pkgs[@]}"
  fi
}
command -v wrk >/dev/null 2>&1 || need_apt wrk
command -v curl >/dev/null 2>&1 || need_apt curl
PSQL=$(command -v psql || ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$PSQL" ] || need_apt postgresql-client
PSQL=${PSQL:-$(command -v psql)}

# ---- build -------------------------------------------------------------------------
say "cargo build --release"
cargo build --release --locked
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/pasar"
# A copy, so a concurrent build cannot swap the binary under the benchmark.
mkdir -p "$OUT"
cp "$BIN" "$OUT/pasar"
BIN=$OUT/pasar

# ---- data --------------------------------------------------------------------------
# The embedded cluster (no DATABASE_URL); as root the binary runs it as `postgres`.
unset DATABASE_URL
export PASAR_DATA=$DATA PASAR_ADDR=$ADDR PASAR_ENV=development
SERVER=""
cleanup() {
  if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then
    # SIGTERM: in-flight requests finish, then the server stops the cluster it started.
    kill -TERM "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
  fi
}
trap cleanup EXIT

SEED_SECONDS="(reused)"
if [ "${REUSE:-0}" = 1 ] && [ -d "$DATA/postgres" ]; then
  say "reusing $DATA"
else
  say "fresh data in $DATA, seed --bench $N"
  rm -rf "$DATA"
  mkdir -p "$DATA"
  chmod 755 "$OUT" "$DATA"
  start=$(date +%s.%N)
  # Progress every 100,000 rows (log colours stripped); pipefail stops on a failed load.
  RUST_LOG=info "$BIN" seed --bench "$N" 2>&1 | tee "$OUT/seed.log" \
    | sed -u 's/\x1b\[[0-9;]*m//g' \
    | awk '/rows=[0-9]*00000 |data ready|photos stored|ERROR|Error/ { print; fflush() }'
  SEED_SECONDS=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
fi

# ---- server ------------------------------------------------------------------------
say "pasar serve on $ADDR"
RUST_LOG=warn "$BIN" serve >"$OUT/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
  curl -fsS "http://$ADDR/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { echo "server died, see $OUT/serve.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "http://$ADDR/healthz" >/dev/null || { echo "server not healthy" >&2; exit 1; }

# The cluster's socket folder is line 5 of postmaster.pid.
SOCK=$(sed -n 5p "$DATA/postgres/data/postmaster.pid")
sql() { "$PSQL" -X -q -At -h "$SOCK" -U postgres -d pasar "$@"; }
ROWS=$(sql -c "SELECT count(*) FROM listings")
ACTIVE=$(sql -c "SELECT count(*) FROM listings WHERE status = 'active'")
LISTING_ID=$(sql -c "SELECT id FROM listings WHERE status = 'active' ORDER BY published_at DESC, id DESC OFFSET 50 LIMIT 1")
MATCHES=$(sql -c "SELECT count(*) FROM listings WHERE status = 'active' AND search @@ websearch_to_tsquery('simple', pasar_unaccent(lower('$COMMON_WORD')))")

NAMES=(home category search typo listing)
declare -A URLS=(
  [home]="/"
  [category]="/c/electronics"
  [search]="/search?q=$COMMON_WORD"
  [typo]="/search?q=$TYPO_WORD"
  [listing]="/listings/$LISTING_ID"
)
declare -A TARGET_P99=([home]=20 [category]=50 [search]=50 [typo]=50 [listing]=20)

# wrk prints 812.00us, 2.34ms or 1.20s; this gives milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}
hwm_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER/status"; }

declare -A RPS P50 P99 ERR STATUS
for name in "${NAMES[@]}"; do
  url="http://$ADDR${URLS[$name]}"
  STATUS[$name]=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  say "$name: ${URLS[$name]} (status ${STATUS[$name]})"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url" | tee "$OUT/wrk-$name.txt"
  f=$OUT/wrk-$name.txt
  RPS[$name]=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$f")
  P50[$name]=$(to_ms "$(awk '/^ +50%/ { print $2 }' "$f")")
  P99[$name]=$(to_ms "$(awk '/^ +99%/ { print $2 }' "$f")")
  non2xx=$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$f")
  sock=$(awk '/Socket errors/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$f")
  ERR[$name]=$(( ${non2xx:-0} + ${sock:-0} ))
done
PEAK_MB=$(hwm_mb)

# ---- query plans -------------------------------------------------------------------
say "query plans"
CAT_IDS=$(sql -c "SELECT array_agg(id) FROM categories WHERE slug = 'electronics' OR parent_id = (SELECT id FROM categories WHERE slug = 'electronics')")
CARD="listings.id, listings.title, listings.price_minor, listings.currency, listings.condition,
  listings.city, listings.status, listings.published_at, listings.views, listings.favourites,
  (SELECT p.storage_key FROM listing_photos p WHERE p.listing_id = listings.id ORDER BY p.position, p.id LIMIT 1),
  users.display_name"
TSQ="websearch_to_tsquery('simple', pasar_unaccent(lower('$COMMON_WORD')))"
# As listings::search builds them: every list query keeps active, published listings;
# counts stop at COUNT_CAP (1000) rows; a common word (more matches than the cap) is
# ranked in windows of the 48 newest matches; the typo goes through the trigram lookup.
ACTIVE_COND="listings.status = 'active' AND listings.published_at IS NOT NULL"
declare -A PLAN_SQL=(
  [home]="SELECT $CARD FROM listings JOIN users ON users.id = listings.seller_id
    WHERE listings.status = 'active' ORDER BY listings.published_at DESC, listings.id DESC LIMIT 24"
  [category]="SELECT $CARD FROM listings JOIN users ON users.id = listings.seller_id
    WHERE $ACTIVE_COND AND listings.category_id = ANY('$CAT_IDS'::int[])
    ORDER BY listings.published_at DESC, listings.id DESC LIMIT 25"
  [category_counts]="SELECT m.category_id, count(*) FROM (SELECT listings.category_id FROM listings
    WHERE $ACTIVE_COND AND listings.category_id = ANY('$CAT_IDS'::int[]) LIMIT 1000) m GROUP BY m.category_id"
  [search_counts]="SELECT m.category_id, count(*) FROM (SELECT listings.category_id FROM listings
    WHERE $ACTIVE_COND AND listings.search @@ $TSQ LIMIT 1000) m GROUP BY m.category_id"
  [search_window]="SELECT listings.id, listings.published_at, ts_rank(listings.search, $TSQ) FROM listings
    WHERE $ACTIVE_COND AND listings.search @@ $TSQ
    ORDER BY listings.published_at DESC, listings.id DESC LIMIT 48"
  [typo_correction]="SELECT u.ord, l.w AS word, o.own, c.word AS candidate, c.listings
    FROM unnest(ARRAY['$TYPO_WORD']) WITH ORDINALITY AS u(raw, ord)
    CROSS JOIN LATERAL (SELECT pasar_unaccent(lower(u.raw)) AS w) l
    CROSS JOIN LATERAL (SELECT COALESCE((SELECT k.listings FROM search_words k WHERE k.word = l.w), 0) AS own) o
    LEFT JOIN LATERAL (SELECT s.word, s.listings FROM search_words s
      WHERE length(l.w) >= 3 AND s.word % l.w AND s.word <> l.w
      ORDER BY similarity(s.word, l.w) DESC, s.listings DESC LIMIT 20) c ON true
    ORDER BY u.ord"
)
PLAN_NAMES=(home category category_counts search_counts search_window typo_correction)
: >"$OUT/plans.txt"
declare -A PLAN_KEY
for p in "${PLAN_NAMES[@]}"; do
  plan=$(sql -c "SET pg_trgm.similarity_threshold = 0.2" \
             -c "EXPLAIN (ANALYZE, BUFFERS) ${PLAN_SQL[$p]}" 2>&1 || true)
  { echo "-- $p"; echo "${PLAN_SQL[$p]}"; echo "$plan"; echo; } >>"$OUT/plans.txt"
  # The lines that say how rows are found and what it cost.
  PLAN_KEY[$p]=$(echo "$plan" | grep -E "Limit|Scan|Sort|Join|Nested Loop|Aggregate|Buffers: shared|Rows Removed|Planning Time|Execution Time|ERROR" | head -n 28)
done

# ---- report ------------------------------------------------------------------------
say "writing $RESULTS"
pass() { if [ "$1" = 1 ]; then echo "pass"; else echo "**FAIL**"; fi; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 < b + 0) ? 1 : 0 }'; }
CPU=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
RAM=$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
PGV=$(sql -c "SHOW server_version")
{
  echo "# Benchmark results"
  echo
  echo "Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') (commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'))."
  echo
  echo "- Machine: $(nproc) CPUs ($CPU), $RAM RAM; PostgreSQL $PGV (embedded cluster, same machine)"
  echo "- Load average when the measurements started: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Data: N = $N requested, $ROWS listings ($ACTIVE active), 1000 bench sellers; \"$COMMON_WORD\" matches $MATCHES active listings; load took ${SEED_SECONDS} s"
  echo "- Server: \`pasar serve\`, RUST_LOG=warn, default pool and workers (PASAR_DB_POOL=${PASAR_DB_POOL:-8}, PASAR_WORKERS=${PASAR_WORKERS:-2})"
  echo "- Load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency after a $WARMUP warm-up per URL, from the same machine"
  echo
  echo "| page | URL | status | req/s | p50 ms | p99 ms | errors | p99 target | result |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for name in "${NAMES[@]}"; do
    t=${TARGET_P99[$name]}
    ok=$(( $(lt "${P99[$name]}" "$t") && ${ERR[$name]} == 0 ))
    echo "| $name | \`${URLS[$name]}\` | ${STATUS[$name]} | ${RPS[$name]} | ${P50[$name]} | ${P99[$name]} | ${ERR[$name]} | < $t ms, 0 errors | $(pass $ok) |"
  done
  echo
  echo "Errors are non-2xx/3xx responses plus socket errors (connect, read, write, timeout)."
  echo
  echo "- Server peak memory (VmHWM of the pasar process): **$PEAK_MB MB**, target < 200 MB: $(pass "$(lt "$PEAK_MB" 200)")"
  echo
  echo "Targets: search p99 < 50 ms, listing and home p99 < 20 ms, zero errors, server < 200 MB."
  echo "The category page has no target of its own; it is held to the search target."
  echo
  echo "## Query plans"
  echo
  echo "\`EXPLAIN (ANALYZE, BUFFERS)\` of the main list queries as the code builds them, key lines;"
  echo "full plans in \`bench/out/plans.txt\`."
  for p in "${PLAN_NAMES[@]}"; do
    echo
    echo "### $p"
    echo
    echo '```'
    echo "${PLAN_KEY[$p]}"
    echo '```'
  done
} >"$RESULTS"
cat "$RESULTS"

say "stopping the server and the cluster"
cleanup
SERVER=""
if [ -f "$DATA/postgres/data/postmaster.pid" ]; then
  echo "warning: the cluster is still running ($DATA/postgres/data)" >&2
fi
