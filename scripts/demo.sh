#!/usr/bin/env bash
# make demo: audits the bundled sample site (a fictional county council) and writes reports.
set -uo pipefail
BUILD=${1:-build}
BIN="$BUILD/cli/plainsight"
SITE=corpora/sites/ballykeeran
OUT="$BUILD/demo"
mkdir -p "$OUT"

echo "== plainsight audit $SITE (text, as in a terminal or CI log)"
"$BIN" audit "$SITE"
status=$?
"$BIN" audit "$SITE" --format json --out "$OUT/report.json"
"$BIN" audit "$SITE" --format html --out "$OUT/report.html"
echo
echo "Exit status $status (0 nothing failed, 1 something failed, 2 bad input)."
echo "Reports written: $OUT/report.html (for people) and $OUT/report.json (for tools)."
if [ "$status" -eq 2 ]; then
  exit 2
fi
exit 0
