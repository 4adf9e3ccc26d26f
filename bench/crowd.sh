#!/usr/bin/env bash
# Crowd benchmark (issue 9): a shopper-like mix of paths drawn from the bench data, with
# a write stream beside it, measured with page caches on and off, against a bare
# reference server of our stack in the same run; then the crowd with several pool and
# worker sizes. Writes its own section of bench/RESULTS.md. See bench/README.md.
#
#   bench/crowd.sh                     # N=1000000, loads fresh bench data
#   REUSE=1 bench/crowd.sh             # the data of the last run (bench/run.sh's too)
#   SWEEP_POOLS= bench/crowd.sh        # no pool/worker sweep
#
# Knobs: N, DURATION (20 s), WARMUP (5 s), CONNECTIONS (64), WRITES (3 operations/s),
# SWEEP_POOLS ("4 8 16 32"), SWEEP_WORKERS ("2 4"), SWEEP_DURATION (15 s),
# SECTION (crowd: the RESULTS.md section written), TITLE.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. bench/lib.sh

N=${N:-1000000}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-64}
WRITES=${WRITES:-3}
SWEEP_POOLS=${SWEEP_POOLS-4 8 16 32}
SWEEP_WORKERS=${SWEEP_WORKERS-2 4}
SWEEP_DURATION=${SWEEP_DURATION:-15}
SECTION=${SECTION:-crowd}
TITLE=${TITLE:-latest run}
ADDR=127.0.0.1:8090
REF_ADDR=127.0.0.1:8092
OUT=$ROOT/bench/out
DATA=$OUT/data
CROWD=$OUT/crowd
LISTS=$CROWD/lists
# Statements slower than this are logged by auto_explain during the runs.
SLOW_MS=50

command -v curl >/dev/null 2>&1 || { echo "needs curl" >&2; exit 1; }
find_psql
release_binary
say "cargo build --release (bench/crowd)"
CROWD_TARGET=${CARGO_TARGET_DIR:-$ROOT/target}/bench
CARGO_TARGET_DIR=$CROWD_TARGET cargo build --release --locked --manifest-path bench/crowd/Cargo.toml
mkdir -p "$LISTS"
cp "$CROWD_TARGET/release/crowd" "$OUT/crowd-bin"
LOADER=$OUT/crowd-bin

# The embedded cluster (no DATABASE_URL). Development mode: production cookies are
# Secure, which a plain-HTTP load generator would not send back. One proxy in front,
# so each simulated visitor is its own client address (X-Forwarded-For).
unset DATABASE_URL
export PASAR_DATA=$DATA PASAR_ADDR=$ADDR PASAR_ENV=development PASAR_TRUSTED_PROXIES=1
export PASAR_POOL_WAITS_FILE=$CROWD/waits
SERVER=""
REF=""
stop_ref() {
  if [ -n "$REF" ] && kill -0 "$REF" 2>/dev/null; then kill -TERM "$REF"; wait "$REF" 2>/dev/null || true; fi
  REF=""
}
trap 'stop_ref; stop_server' EXIT

bench_data "$N"
: >"$OUT/serve.log"
start_server
say "VACUUM (ANALYZE)"
sql -c "VACUUM (ANALYZE) listings, listing_photos, users, search_words"

# ---- what the crowd asks for, drawn from the data -----------------------------------
say "drawing paths from the database"
# Listing pages and purchases from disjoint halves, so a bought listing is not a page
# the crowd keeps asking for.
sql -c "SELECT id FROM listings WHERE status = 'active' AND id % 2 = 0 ORDER BY random() LIMIT 5000" >"$LISTS/ids"
sql -c "SELECT word FROM search_words WHERE length(word) >= 3 ORDER BY random() LIMIT 400" >"$LISTS/words"
sql -c "SELECT slug FROM categories ORDER BY slug" >"$LISTS/slugs"
sql -c "SELECT id FROM users WHERE email LIKE 'bench-%@bench.pasar.test' ORDER BY id" >"$LISTS/sellers"
sql -c "SELECT email FROM users WHERE email LIKE 'bench-%@bench.pasar.test' ORDER BY id LIMIT 8" >"$LISTS/buyers"
sql -c "SELECT l.id FROM listings l JOIN users u ON u.id = l.seller_id
        WHERE l.status = 'active' AND l.ships AND l.quantity >= 1 AND l.id % 2 = 1
          AND u.email LIKE 'bench-%@bench.pasar.test'
          AND u.id NOT IN (SELECT id FROM users WHERE email LIKE 'bench-%@bench.pasar.test' ORDER BY id LIMIT 8)
        ORDER BY random() LIMIT 5000" >"$LISTS/buyable"
# A category without children (a listing goes into a leaf).
sql -c "SELECT c.id FROM categories c WHERE NOT EXISTS (SELECT 1 FROM categories k WHERE k.parent_id = c.id)
        ORDER BY (c.attributes::text IN ('[]', '{}')) DESC, c.id LIMIT 1" >"$LISTS/category"
ROWS=$(sql -c "SELECT count(*) FROM listings")
ACTIVE=$(sql -c "SELECT count(*) FROM listings WHERE status = 'active'")
PGV=$(sql -c "SHOW server_version")
SOCK=$(sed -n 5p "$DATA/postgres/data/postmaster.pid")

# auto_explain for every run: statements over SLOW_MS, plans without ANALYZE (whose
# timing would slow every statement). Applies to new connections: each run restarts.
sql -c "LOAD 'auto_explain'" \
    -c "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'" \
    -c "ALTER SYSTEM SET auto_explain.log_min_duration = $SLOW_MS" \
    -c "SELECT pg_reload_conf()" >/dev/null
PGLOG=$DATA/postgres/server.log

# ---- measuring ----------------------------------------------------------------------
TICK=$(getconf CLK_TCK)
# CPU ticks of this cluster: the postmaster, its live children, and the children it
# has reaped (cutime/cstime).
pg_ticks() {
  local pm
  pm=$(head -n 1 "$DATA/postgres/data/postmaster.pid")
  {
    awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat"
    for p in $(pgrep -P "$pm"); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || true; done
  } | awk '{ s += $1 } END { print s + 0 }'
}
hwm_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER/status"; }
waits() { awk -v k="$1" '$1 == k { print $2 }' "$CROWD/waits" 2>/dev/null || echo "?"; }

# The row of a loader table: `row FILE NAME FIELD` (fields as in the table, 1-based).
row() { awk -F'|' -v n="$2" -v f="$3" '{ g = $2; gsub(/^ +| +$/, "", g) } g == n { v = $(f + 1); gsub(/ /, "", v); print v; exit }' "$1"; }

declare -A NOTE
# crowd NAME SECONDS [ENV=VALUE...]: the server restarted with these settings, the mix
# with the write stream for SECONDS after the warm-up; the loader's tables go to
# $CROWD/NAME.md, the server's and the database's figures to NOTE[NAME].
crowd() {
  local name=$1 seconds=$2 from t0 t1 slow timeouts
  shift 2
  stop_server
  rm -f "$CROWD/waits"
  start_server "$@"
  say "crowd $name ($*)"
  from=$(wc -l <"$PGLOG")
  local load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  t0=$(pg_ticks)
  "$LOADER" load --addr "$ADDR" --lists "$LISTS" --connections "$CONNECTIONS" \
    --duration "$seconds" --warmup "$WARMUP" --writes "$WRITES" --ref-rps "$REF_RPS" \
    --report "$CROWD/$name.md"
  t1=$(pg_ticks)
  # The next run buys other listings (these are reserved now).
  sed -i '1,300d' "$LISTS/buyable"
  sleep 1.2 # the waits file is rewritten once a second
  tail -n +"$((from + 1))" "$PGLOG" | awk '
    /duration: [0-9.]+ ms +plan:/ { match($0, /duration: [0-9.]+/); d = substr($0, RSTART + 10, RLENGTH - 10); pending = 1; next }
    pending && /Query Text:/ { q = $0; sub(/^.*Query Text: /, "", q); gsub(/\|/, "\\|", q); printf "%s\t%s\n", d, substr(q, 1, 220); pending = 0 }' \
    | sort -t$'\t' -k1,1 -rn >"$CROWD/$name.slow"
  slow=$(wc -l <"$CROWD/$name.slow")
  timeouts=$(tail -n +"$((from + 1))" "$PGLOG" | grep -c 'canceling statement due to statement timeout' || true)
  NOTE[$name]=$(awk -v t0="$t0" -v t1="$t1" -v hz="$TICK" -v s="$((seconds + WARMUP))" -v load="$load" \
    -v hwm="$(hwm_mb)" -v slow="$slow" -v to="$timeouts" \
    -v w="$(waits waits)" -v c="$(waits checkouts)" -v wm="$(waits wait_ms)" -v mx="$(waits max_wait_ms)" -v pt="$(waits timeouts)" \
    'BEGIN { cpu = (t1 - t0) / hz
      printf "- Load average at the start: %s\n", load
      printf "- Database CPU (the cluster'"'"'s processes, utime+stime over warm-up and run): %.1f s, %.0f %% of one core\n", cpu, 100 * cpu / s
      printf "- Server peak memory (VmHWM): %s MB\n", hwm
      printf "- Pool (warm-up included): %s checkouts, %s waited over 1 ms, %s ms waited in all, longest %s ms, %s timeouts\n", c, w, wm, mx, pt
      printf "- Statements over %d ms (auto_explain): %s; cancelled by the statement timeout: %s\n", '"$SLOW_MS"', slow, to }')
}

slowest() {
  if [ -s "$CROWD/$1.slow" ]; then
    echo
    echo "Slowest statements:"
    echo
    echo "| ms | statement (cut at 220 characters) |"
    echo "|---|---|"
    head -n 8 "$CROWD/$1.slow" | awk -F'\t' '{ printf "| %s | `%s` |\n", $1, $2 }'
  fi
}

# ---- the reference ------------------------------------------------------------------
# reference NAME: the bare server alone under the same connections.
reference() {
  "$LOADER" reference --addr "$REF_ADDR" --db "postgres://postgres@/pasar?host=$SOCK" --pool 8 --workers 2 \
    >>"$CROWD/reference.log" 2>&1 &
  REF=$!
  for _ in $(seq 1 60); do curl -fsS -o /dev/null "http://$REF_ADDR/ref/1" 2>/dev/null && break; sleep 0.5; done
  say "reference $1"
  "$LOADER" load --addr "$REF_ADDR" --lists "$LISTS" --mix ref --connections "$CONNECTIONS" \
    --duration "$DURATION" --warmup "$WARMUP" --report "$CROWD/$1.md"
  stop_ref
}

: >"$CROWD/reference.log"
REF_RPS=0
reference ref-before
REF_BEFORE=$(row "$CROWD/ref-before.md" reference 3)
REF_RPS=$REF_BEFORE
crowd cached "$DURATION"
crowd uncached "$DURATION" PASAR_CACHE_MS=0
# The pasar server stays up (idle): it runs the cluster the reference reads.
reference ref-after
REF_AFTER=$(row "$CROWD/ref-after.md" reference 3)

SWEEP=()
for pool in $SWEEP_POOLS; do
  for w in $SWEEP_WORKERS; do
    crowd "pool$pool-w$w" "$SWEEP_DURATION" PASAR_DB_POOL="$pool" PASAR_WORKERS="$w"
    SWEEP+=("$pool $w")
  done
done

sql -c "LOAD 'auto_explain'" -c "ALTER SYSTEM RESET session_preload_libraries" \
    -c "ALTER SYSTEM RESET auto_explain.log_min_duration" -c "SELECT pg_reload_conf()" >/dev/null

# ---- report -------------------------------------------------------------------------
say "writing bench/RESULTS.md (section $SECTION)"
CPU=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
RAM=$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
{
  echo "## Crowd, $TITLE (bench/crowd.sh)"
  echo
  echo "Written on $(date -u '+%Y-%m-%d %H:%M UTC') (commit ${PASAR_BIN_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo '?')})."
  echo
  echo "- Machine: $(nproc) CPUs ($CPU), $RAM RAM; PostgreSQL $PGV (embedded cluster, same machine); load generator on the same machine"
  echo "- Data: N = $N requested, $ROWS listings ($ACTIVE active); load took ${SEED_SECONDS} s"
  echo "- Crowd: $CONNECTIONS keep-alive connections, each its own client address, ${WARMUP} s warm-up then ${DURATION} s; paths drawn per request: 40 % listing pages (5,000 random active listings), 25 % searches (400 random vocabulary words, a third with a letter dropped), 15 % category pages, 10 % home, 10 % filtered or sorted (sort=price_asc/price_desc/newest, condition=good&min=1&max=1000, /c/{slug}?sort=price_asc)"
  echo "- Writes beside the reads: $WRITES operations a second in turn: a sign-up, a new listing with a photo, a purchase (buy, then checkout); bench sellers signed in before the clock starts"
  echo "- Server: \`pasar serve\`, development mode (plain-HTTP cookies), PASAR_TRUSTED_PROXIES=1, RUST_LOG=warn, default pool and workers unless said"
  echo "- Reference: \`crowd reference\` (bench/crowd/src/reference.rs), a 24-card page from one indexed query (a seller's newest active listings), pool 8, 2 workers: **$REF_BEFORE req/s** before the crowd runs, $REF_AFTER req/s after; ratios use the first"
  echo "- The machine is shared with other work (see each run's load average): compare ratios to the reference rather than raw figures across runs"
  echo
  echo "### Page caches on (default, PASAR_CACHE_MS=3000)"
  echo
  cat "$CROWD/cached.md"
  echo
  echo "${NOTE[cached]}"
  slowest cached
  echo
  echo "### Page caches off (PASAR_CACHE_MS=0)"
  echo
  cat "$CROWD/uncached.md"
  echo
  echo "${NOTE[uncached]}"
  slowest uncached
  if [ ${#SWEEP[@]} -gt 0 ]; then
    echo
    echo "### Pool and worker sizes (caches on, ${SWEEP_DURATION} s each, same mix and writes)"
    echo
    echo "| PASAR_DB_POOL | PASAR_WORKERS | req/s | of reference | p50 ms | p99 ms | p99.9 ms | errors | checkout p99 ms | pool waits | DB CPU | peak MB |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
    for pw in "${SWEEP[@]}"; do
      read -r pool w <<<"$pw"
      f=$CROWD/pool$pool-w$w.md
      n=${NOTE[pool$pool-w$w]}
      echo "| $pool | $w | $(row "$f" '**all reads**' 3) | $(row "$f" '**all reads**' 4) | $(row "$f" '**all reads**' 5) | $(row "$f" '**all reads**' 6) | $(row "$f" '**all reads**' 7) | $(row "$f" '**all reads**' 9) | $(row "$f" checkout 5) | $(echo "$n" | sed -n 's/.*checkouts, \([0-9?]*\) waited.*/\1/p') | $(echo "$n" | sed -n 's/.*, \([0-9]*\) % of one core.*/\1 %/p') | $(echo "$n" | sed -n 's/.*(VmHWM): \([0-9]*\) MB.*/\1/p') |"
    done
  fi
  echo
  echo "Errors: answers neither 2xx nor 3xx, plus connect/read/write failures and requests"
  echo "unanswered after 2 s. A write succeeds when it redirects (303). Pool waits: checkouts"
  echo "that took over 1 ms (src/db/waits.rs). Targets (issue 9): the mix ≥ 25 % of the"
  echo "reference's req/s, p99 ≤ 50 ms, p99.9 ≤ 200 ms, 0 errors, server < 250 MB; every class"
  echo "with caches off p99 ≤ 100 ms and no statement over 50 ms; checkout p99 ≤ 100 ms."
} >"$CROWD/section.md"
write_section "$SECTION" "$CROWD/section.md"
cat "$CROWD/section.md"

say "stopping the server and the cluster"
stop_server
