#!/usr/bin/env bash
# Fleet bench (issue 15): 1, 2 and 4 `plainsight worker`s (each --threads 1) over the same
# generated sector served by nginx on loopback, sharing a PostgreSQL server the bench starts
# (Debian's postgresql package, fsync on, default settings), and one worker on an SQLite store
# as the baseline, in one run. Rules and text on, politeness off.
#
# Prints per run: wall time, pages/s, the workers' CPU time, the PostgreSQL server's CPU time,
# the time the workers spent in store calls, and how busy the machine's processors were (the
# machine may be shared). Then the speed-ups of 2 and 4 workers over 1, both by wall clock and
# by CPU time (the work of the busiest worker: what the wall clock would show on otherwise idle
# cores), the database's share of the time, and PostgreSQL against SQLite for one worker.
#
# usage: bench/fleet/run_bench.sh BUILD_DIR [BODIES=100] [PAGES=100] [ROUNDS=1]
# (100 bodies of up to 100 pages: about 4,500 pages crawled, 5-7 s for one worker, so that the
# start of each worker and the wait of the last one are a small part of a run, as in a real scan)
# Needs nginx, curl and a PostgreSQL server (scripts/install-deps.sh). Contacts only 127.0.0.1.
set -euo pipefail

BUILD_DIR=${1:?usage: run_bench.sh BUILD_DIR [BODIES] [PAGES] [ROUNDS]}
BODIES=${2:-100}
PAGES=${3:-100}
ROUNDS=${4:-1}
TOOL="$(cd "$BUILD_DIR" && pwd)/cli/plainsight"
MAKE_SECTOR="$BUILD_DIR/bench/scan/plainsight_make_sector"
for f in "$TOOL" "$MAKE_SECTOR"; do
  [ -x "$f" ] || { echo "build plainsight first ($f)" >&2; exit 2; }
done
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL server missing (scripts/install-deps.sh)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/plainsight-fleet-bench.XXXXXX)
chmod 755 "$WORK"
PG_PID=""
# shellcheck source=../lib/sector_nginx.sh
. "$(dirname "$0")/../lib/sector_nginx.sh"
cleanup() {
  stop_sector_nginx
  # Fast shutdown of the postmaster itself (postmaster.pid names it), then wait for it to go.
  if [ -n "$PG_PID" ]; then
    local pm
    pm=$(head -1 "$WORK/pg/data/postmaster.pid" 2>/dev/null || echo "$PG_PID")
    kill -INT "$pm" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pm" 2>/dev/null || break; sleep 0.1; done
    wait "$PG_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
PG_PORT=$(free_port)

echo "generating $BODIES bodies of $PAGES pages..."
"$MAKE_SECTOR" "$WORK/sector" "$BODIES" "$PAGES" "$PORT"
chmod -R a+rX "$WORK/sector"
start_sector_nginx "$WORK/sector" "$PORT" "$WORK/nginx"

# PostgreSQL refuses to run as root: as root, run it as nobody.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
  else
    "$@"
  fi
}
mkdir -p "$WORK/pg"
[ "$(id -u)" -eq 0 ] && chown nobody:nogroup "$WORK/pg"
echo "starting PostgreSQL ($PG_BIN)..."
(cd "$WORK/pg" && as_pg "$PG_BIN/initdb" -D "$WORK/pg/data" -U plainsight -A trust -E UTF8 --locale=C -N > "$WORK/pg/initdb.log" 2>&1)
# exec all the way down, so that $! is the postmaster itself.
PG_ARGS=("$PG_BIN/postgres" -D "$WORK/pg/data" -p "$PG_PORT" -k "$WORK/pg" -c listen_addresses=127.0.0.1 -c max_connections=40)
if [ "$(id -u)" -eq 0 ]; then
  PG_ARGS=(setpriv --reuid=nobody --regid=nogroup --clear-groups "${PG_ARGS[@]}")
fi
(cd "$WORK/pg" && exec "${PG_ARGS[@]}" > "$WORK/pg/server.log" 2>&1 < /dev/null) &
PG_PID=$!
for _ in $(seq 600); do
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && break
  sleep 0.1
done
"$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" || { echo "PostgreSQL did not start:" >&2; tail -5 "$WORK/pg/server.log" >&2; exit 1; }
POSTMASTER=$(head -1 "$WORK/pg/data/postmaster.pid")
PSQL=("$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U plainsight -d postgres -v ON_ERROR_STOP=1)

# CPU seconds of a process tree: the process, its reaped children, and its live children.
tree_cpu() {
  python3 - "$1" <<'PY'
import os, sys
root = int(sys.argv[1]); hz = os.sysconf("SC_CLK_TCK")
def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        s = f.read()
    return s[s.rindex(")") + 2:].split()
total = 0
f = stat(root)
total += sum(int(x) for x in f[11:15])  # utime stime cutime cstime
for p in os.listdir("/proc"):
    if p.isdigit() and int(p) != root:
        try:
            g = stat(p)
        except OSError:
            continue
        if int(g[1]) == root:
            total += int(g[11]) + int(g[12])
print(total / hz)
PY
}
# Busy and total jiffies of all processors (/proc/stat), for how loaded the machine was.
cpu_jiffies() { awk '/^cpu / {busy=$2+$3+$4+$7+$8+$9; total=busy+$5+$6; print busy, total}' /proc/stat; }

FLAGS=(--allow-private --delay-ms 0 --per-host 4 --concurrency 16)
RESULTS="$WORK/results.txt"
: > "$RESULTS"

run() {  # NAME STORE(sqlite|pg) WORKERS ROUND
  local name=$1 kind=$2 workers=$3 round=$4 db
  if [ "$kind" = sqlite ]; then
    db="$WORK/$name-$round.db"
  else
    "${PSQL[@]}" -c "CREATE DATABASE bench_${name}_$round"
    db="postgresql://plainsight@127.0.0.1:$PG_PORT/bench_${name}_$round"
  fi
  "$TOOL" scan "$WORK/sector/bodies.csv" --db "$db" --enqueue "${FLAGS[@]}" 2> "$WORK/$name.enqueue" \
    || { cat "$WORK/$name.enqueue" >&2; exit 1; }
  local pg0 nginx0 j0 t0 t1 pg1 nginx1 j1 load0 load1
  pg0=$(tree_cpu "$POSTMASTER"); nginx0=$(tree_cpu "$NGINX_PID"); j0=$(cpu_jiffies)
  load0=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s.%N)
  local pids=()
  for i in $(seq "$workers"); do
    "$TOOL" worker --db "$db" --allow-private --threads 1 --id "w$i" 2> "$WORK/$name-$round-w$i.err" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do
    wait "$p" || { echo "worker failed:" >&2; tail -5 "$WORK/$name-$round"-w*.err >&2; exit 1; }
  done
  t1=$(date +%s.%N)
  sleep 0.3  # let the server reap its backends
  pg1=$(tree_cpu "$POSTMASTER"); nginx1=$(tree_cpu "$NGINX_PID"); j1=$(cpu_jiffies)
  load1=$(cut -d' ' -f1 /proc/loadavg)
  local pages
  if [ "$kind" = sqlite ]; then
    pages=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from pages').fetchone()[0])" "$db")
  else
    pages=$("${PSQL[@]}" -d "bench_${name}_$round" -At -c "select count(*) from pages")
  fi
  # One line per run: name workers round wall pages pg_cpu nginx_cpu busy_jiffies total_jiffies
  # load0 load1, then per worker "cpu store_s wall".
  local line
  line="$name $workers $round $(python3 -c "print($t1-$t0)") $pages"
  line+=" $(python3 -c "print(($pg1)-($pg0))") $(python3 -c "print(($nginx1)-($nginx0))")"
  read -r b0 tt0 <<< "$j0"; read -r b1 tt1 <<< "$j1"
  line+=" $((b1-b0)) $((tt1-tt0)) $load0 $load1"
  for i in $(seq "$workers"); do
    local summary
    summary=$(grep -E '^worker w[0-9]+: [0-9]+ bodies' "$WORK/$name-$round-w$i.err" | tail -1)
    line+=" $(sed -E 's/.*in ([0-9.]+) s \(([0-9.]+) s CPU\); store writes ([0-9.]+) s.*/\2 \3 \1/' <<< "$summary")"
  done
  echo "$line" >> "$RESULTS"
  echo "  $name (round $round): $(python3 -c "print(f'{$t1-$t0:.1f}')") s, $pages pages"
}

echo "machine: $(nproc) processors; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
  run sqlite1 sqlite 1 "$round"
  run pg1 pg 1 "$round"
  run pg2 pg 2 "$round"
  run pg4 pg 4 "$round"
done

python3 - "$RESULTS" "$(nproc)" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = line.split()
    name, workers = f[0], int(f[1])
    wall, pages = float(f[3]), int(f[4])
    pg_cpu, nginx_cpu = float(f[5]), float(f[6])
    busy, total = int(f[7]), int(f[8])
    load0, load1 = float(f[9]), float(f[10])
    w = [tuple(map(float, f[11 + 3 * i: 14 + 3 * i])) for i in range(workers)]
    rows.setdefault(name, []).append(dict(workers=workers, wall=wall, pages=pages, pg=pg_cpu,
                                          nginx=nginx_cpu, busy=busy / total if total else 0,
                                          load=(load0 + load1) / 2, w=w))
def med(name, key):
    return statistics.median(key(r) for r in rows[name])
print()
print(f"{'run':8} {'workers':>7} {'pages':>6} {'wall s':>7} {'pages/s':>8} {'worker CPU s':>12} "
      f"{'busiest':>8} {'db CPU s':>9} {'store s':>8} {'cpus busy':>9} {'load':>5}")
for name in rows:
    r0 = rows[name][0]
    wall = med(name, lambda r: r["wall"])
    wcpu = med(name, lambda r: sum(x[0] for x in r["w"]))
    busiest = med(name, lambda r: max(x[0] for x in r["w"]))
    store = med(name, lambda r: sum(x[1] for x in r["w"]))
    print(f"{name:8} {r0['workers']:>7} {r0['pages']:>6} {wall:7.2f} {r0['pages'] / wall:8.1f} "
          f"{wcpu:12.2f} {busiest:8.2f} {med(name, lambda r: r['pg']):9.2f} {store:8.2f} "
          f"{100 * med(name, lambda r: r['busy']):8.0f}% {med(name, lambda r: r['load']):5.1f}")
print()
w1 = med("pg1", lambda r: r["wall"])
c1 = med("pg1", lambda r: max(x[0] for x in r["w"]))
for n in ("pg2", "pg4"):
    if n in rows:
        wn = med(n, lambda r: r["wall"])
        cn = med(n, lambda r: max(x[0] for x in r["w"]))
        print(f"speed-up {n[2:]} workers over 1: wall clock {w1 / wn:.2f}x; CPU time (one "
              f"worker's CPU / the busiest of {n[2:]}) {c1 / cn:.2f}x")
for n in ("pg1", "pg2", "pg4"):
    if n in rows:
        dbc = med(n, lambda r: r["pg"])
        wc = med(n, lambda r: sum(x[0] for x in r["w"]))
        st = med(n, lambda r: sum(x[1] for x in r["w"]))
        wall_sum = med(n, lambda r: sum(x[2] for x in r["w"]))
        print(f"database share, {n[2:]} worker(s): PostgreSQL server CPU {dbc:.2f} s = "
              f"{100 * dbc / (dbc + wc):.1f}% of workers + server CPU; workers' store calls "
              f"{st:.2f} s = {100 * st / wall_sum:.1f}% of their wall time")
ws, wp = med("sqlite1", lambda r: r["wall"]), w1
cs = med("sqlite1", lambda r: sum(x[0] for x in r["w"]))
cp = med("pg1", lambda r: sum(x[0] for x in r["w"]) + r["pg"])
print(f"one worker, PostgreSQL / SQLite: wall clock {wp / ws:.2f}x; CPU time (worker + "
      f"PostgreSQL server / worker with SQLite inside) {cp / cs:.2f}x")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
