#!/usr/bin/env bash
# make lint: clang-tidy 14 (.clang-tidy at the root) over every project source in the compile
# database, JOBS at a time. Prints each warning once (a header's warnings come from every file
# that includes it), then the count per folder; exits 1 when there is any.
#   scripts/lint.sh [BUILD_DIR] [FILE_REGEX]
# FILE_REGEX (default: every project folder) narrows the files, e.g. '/rules/' for one folder.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
FILES=${2:-/(engine|rules|crawler|reports|cli|tests|bench|fuzz)/}
JOBS=${JOBS:-2}
RUN=${RUN_CLANG_TIDY:-run-clang-tidy-14}
TIDY=${CLANG_TIDY:-clang-tidy-14}
for tool in "$RUN" "$TIDY"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "lint: $tool not found (Debian package clang-tidy)" >&2
    exit 2
  fi
done
if [ ! -f "$BUILD/compile_commands.json" ]; then
  echo "lint: $BUILD/compile_commands.json missing: run make build first" >&2
  exit 2
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# run-clang-tidy exits non-zero when clang-tidy reports anything; the count below decides.
"$RUN" -quiet -j "$JOBS" -clang-tidy-binary "$(command -v "$TIDY")" -p "$BUILD" "$FILES" \
  >"$log" 2>/dev/null || true
root=$(pwd)/
warnings=$(grep -E '^/.*:[0-9]+:[0-9]+: (warning|error):' "$log" | sed "s|^$root||" | sort -u || true)
if [ -z "$warnings" ]; then
  echo "lint: no warnings"
  exit 0
fi
echo "$warnings"
echo
echo "lint: $(echo "$warnings" | wc -l) warnings; by folder:"
echo "$warnings" | sed -E 's|^([^/]+(/[^/:]+)?)/[^/]*:.*|\1|; s|^([^/:]+):.*|\1|' | sort | uniq -c | sort -rn
exit 1
