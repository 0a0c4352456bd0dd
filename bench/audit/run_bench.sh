#!/usr/bin/env bash
# `plainsight audit` bench (issue 17): pages per second and peak memory on generated static sites
# of 5,000 and 50,000 pages with --threads 1 and 2 (the speed-up of 2 threads and the memory of
# 50,000 pages against 5,000 are the ratios the issue sets targets for: >= 1.7x, < 150 MB and
# within 20%), then one page of 10 KB, 100 KB, 1 MB and 10 MB for time and peak memory against
# page size (linear: 10 MB within about 10x of 1 MB; under 400 MB at 10 MB).
# Each run writes --format json to /dev/null, so the report goes through the on-disk spill.
#
# usage: bench/audit/run_bench.sh BUILD_DIR [SITES="5000 50000"] [PAGE_KB="10 100 1000 10000"]
#        [TIMEOUT_S=600]
set -uo pipefail

BUILD_DIR=${1:?usage: run_bench.sh BUILD_DIR [SITES] [PAGE_KB] [TIMEOUT_S]}
SITES=${2:-5000 50000}
PAGE_KB=${3:-10 100 1000 10000}
TIMEOUT_S=${4:-600}
TOOL=${PLAINSIGHT:-$BUILD_DIR/cli/plainsight}
HERE="$(cd "$(dirname "$0")" && pwd)"
[ -x "$TOOL" ] || { echo "build plainsight first ($TOOL)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time missing (scripts/install-deps.sh installs it)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/plainsight-audit-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# run NAME INPUT [FLAGS...]: one audit; prints and records seconds and peak RSS (MB).
declare -A SECS RSS
run() {
  local name=$1 input=$2
  shift 2
  local status
  timeout "$TIMEOUT_S" /usr/bin/time -f "%e %M" -o "$WORK/time" \
    "$TOOL" audit "$input" --format json --out /dev/null --fail-on never "$@" 2>"$WORK/stderr"
  status=$?
  if [ "$status" -eq 124 ]; then
    printf '%-28s not done in %s s\n' "$name" "$TIMEOUT_S"
    return
  fi
  read -r secs rss_kb < <(tail -1 "$WORK/time")
  SECS[$name]=$secs
  RSS[$name]=$((rss_kb / 1024))
  printf '%-28s %8.2f s %6d MB  exit %d' "$name" "$secs" "${RSS[$name]}" "$status"
}

py() { python3 -c "print($1)"; }

echo "== generated sites"
for n in $SITES; do
  python3 "$HERE/gen_site.py" "$n" "$WORK/site-$n"
  for t in 1 2; do
    run "$n pages, --threads $t" "$WORK/site-$n" --threads "$t"
    s=${SECS["$n pages, --threads $t"]:-}
    [ -n "$s" ] && printf '  %8.0f pages/s' "$(py "$n / $s")"
    echo
  done
  s1=${SECS["$n pages, --threads 1"]:-} s2=${SECS["$n pages, --threads 2"]:-}
  [ -n "$s1" ] && [ -n "$s2" ] && echo "$n pages: 2 threads $(py "f'{$s1 / $s2:.2f}'")x one (target >= 1.7x)"
  rm -rf "$WORK/site-$n"
done
first=${SITES%% *} last=${SITES##* }
if [ "$first" != "$last" ]; then
  r1=${RSS["$first pages, --threads 2"]:-} r2=${RSS["$last pages, --threads 2"]:-}
  [ -n "$r1" ] && [ -n "$r2" ] &&
    echo "peak RSS, 2 threads: $last pages $r2 MB, $first pages $r1 MB ($(py "f'{$r2 / $r1:.2f}'")x; target < 150 MB, within 1.2x)"
fi

echo "== one page of growing size (--threads 1)"
prev=""
for kb in $PAGE_KB; do
  python3 "$HERE/../pages/gen_pages.py" failing "$(py "$kb / 1024")" "$WORK/page-$kb.html"
  run "$kb KB page" "$WORK/page-$kb.html" --threads 1 --max-page-bytes $((64 << 20))
  s=${SECS["$kb KB page"]:-}
  if [ -n "$s" ] && [ -n "$prev" ] && [ -n "${SECS["$prev KB page"]:-}" ]; then
    printf '  %.2fx the time of %s KB for %sx the size' \
      "$(py "$s / max(${SECS["$prev KB page"]}, 0.01)")" "$prev" "$(py "$kb // $prev")"
  fi
  echo
  prev=$kb
  rm -f "$WORK/page-$kb.html"
done
