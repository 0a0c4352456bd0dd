#!/usr/bin/env bash
# make format: clang-format every tracked C++ source in place (.clang-format at the root).
# scripts/format.sh --check: list the files clang-format would change and exit 1 if any.
# The .inc files are generated data tables and are left as generated.
set -euo pipefail
cd "$(dirname "$0")/.."
CLANG_FORMAT=${CLANG_FORMAT:-clang-format}
if ! command -v "$CLANG_FORMAT" >/dev/null 2>&1; then
  echo "format: $CLANG_FORMAT not found (Debian package clang-format)" >&2
  exit 2
fi
mapfile -t files < <(git ls-files -- '*.cpp' '*.h' 2>/dev/null || true)
if [ ${#files[@]} -eq 0 ]; then
  # Not a git checkout (an exported tarball): every source below the root.
  mapfile -t files < <(find . -path ./build -prune -o -path './build-*' -prune -o \
    \( -name '*.cpp' -o -name '*.h' \) -print | sed 's|^\./||' | sort)
fi
if [ "${1:-}" = "--check" ]; then
  # One clang-format per file, two at a time; each prints the path it would change.
  bad=$(printf '%s\0' "${files[@]}" | xargs -0 -r -n 1 -P 2 sh -c \
    '[ ! -f "$1" ] || "$0" --dry-run -Werror "$1" >/dev/null 2>&1 || echo "$1"' "$CLANG_FORMAT")
  if [ -n "$bad" ]; then
    echo "$bad" | sort | sed 's/^/not formatted (run: make format): /'
    exit 1
  fi
  exit 0
fi
printf '%s\0' "${files[@]}" | xargs -0 -r -n 50 -P 2 "$CLANG_FORMAT" -i
