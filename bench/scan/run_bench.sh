#!/usr/bin/env bash
# Scan bench (issue 9): `plainsight scan` over a generated sector served by nginx on loopback,
# 100 bodies x 20 pages and 1,000 bodies x 20 pages in one run, politeness off, rules and text
# on. Prints pages/s, peak RSS (GNU time), the 1,000/100 time ratio and the store's size per
# 1,000 pages.
#
# usage: bench/scan/run_bench.sh BUILD_DIR [SMALL_BODIES=100] [LARGE_BODIES=1000] [PAGES=20]
# Needs nginx and GNU time (scripts/install-deps.sh installs them). Contacts only 127.0.0.1
# (body hosts are bNNNN.localhost). nginx runs in the foreground and is stopped at the end.
set -euo pipefail

BUILD_DIR=${1:?usage: run_bench.sh BUILD_DIR [SMALL_BODIES] [LARGE_BODIES] [PAGES]}
SMALL=${2:-100}
LARGE=${3:-1000}
PAGES=${4:-20}
TOOL="$BUILD_DIR/cli/plainsight"
MAKE_SECTOR="$BUILD_DIR/bench/scan/plainsight_make_sector"
for f in "$TOOL" "$MAKE_SECTOR"; do
  [ -x "$f" ] || { echo "build plainsight first ($f)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "GNU time missing (scripts/install-deps.sh)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/plainsight-scan-bench.XXXXXX)
# shellcheck source=../lib/sector_nginx.sh
. "$(dirname "$0")/../lib/sector_nginx.sh"
cleanup() {
  stop_sector_nginx
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
echo "generating $SMALL and $LARGE bodies of $PAGES pages..."
"$MAKE_SECTOR" "$WORK/small" "$SMALL" "$PAGES" "$PORT"
"$MAKE_SECTOR" "$WORK/large" "$LARGE" "$PAGES" "$PORT"
# Both sectors under one root: the large one holds every host of the small one.
chmod -R a+rX "$WORK"

start_sector_nginx "$WORK/large" "$PORT" "$WORK/nginx"

now() { date +%s.%N; }
scan() {  # NAME BODIES_CSV -> prints "seconds rss_kb pages db_bytes"
  local db="$WORK/$1.db"
  local t0 t1
  t0=$(now)
  /usr/bin/time -v -o "$WORK/$1.time" "$TOOL" scan "$2" --db "$db" --allow-private \
    --delay-ms 0 --per-host 4 --concurrency 16 --progress none 2> "$WORK/$1.err" || {
    echo "scan $1 failed:" >&2; tail -5 "$WORK/$1.err" >&2; exit 1; }
  t1=$(now)
  local rss pages size
  rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$WORK/$1.time")
  pages=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('select count(*) from pages').fetchone()[0])" "$db")
  size=$(( $(stat -c %s "$db") + $( [ -f "$db-wal" ] && stat -c %s "$db-wal" || echo 0) ))
  echo "$(python3 -c "print($t1-$t0)") $rss $pages $size"
}

echo "scanning $SMALL bodies..."
read -r S_T S_RSS S_PAGES S_SIZE < <(scan small "$WORK/small/bodies.csv")
echo "scanning $LARGE bodies..."
read -r L_T L_RSS L_PAGES L_SIZE < <(scan large "$WORK/large/bodies.csv")

python3 - "$SMALL" "$S_T" "$S_RSS" "$S_PAGES" "$S_SIZE" "$LARGE" "$L_T" "$L_RSS" "$L_PAGES" "$L_SIZE" <<'PY'
import sys
a = sys.argv[1:]
rows = [a[0:5], a[5:10]]
print(f"{'bodies':>8} {'pages':>8} {'seconds':>8} {'pages/s':>9} {'peak RSS':>10} {'store/1k pages':>15}")
for bodies, t, rss, pages, size in rows:
    t, rss, pages, size = float(t), int(rss), int(pages), int(size)
    print(f"{bodies:>8} {pages:>8} {t:8.2f} {pages/t:9.0f} {rss/1024:8.1f} MB {size/pages*1000/1048576:12.2f} MB")
ratio = float(rows[1][1]) / float(rows[0][1])
print(f"time ratio {rows[1][0]}/{rows[0][0]} bodies: {ratio:.2f}x (linear: {int(rows[1][0])/int(rows[0][0]):.0f}x)")
PY
