#!/usr/bin/env bash
# Captures tests/audit_output/expected/ from a plainsight binary: the report of every format on
# tests/audit_output/site, with the site's folder and the version written as @SITE@ and
# @VERSION@ (tests/audit_output_test.cpp does the same before comparing). The files were first
# captured from the binary before issue 17 (commit 72a99ee), which kept every page in memory and
# wrote each report at the end; the streaming output must stay byte-identical to them. Capture
# again only when a rule's output changes on purpose, and check the diff.
#
# usage: tests/audit_output/capture.sh PLAINSIGHT_BINARY
set -euo pipefail
TOOL=$(realpath "${1:?usage: capture.sh PLAINSIGHT_BINARY}")
HERE="$(cd "$(dirname "$0")" && pwd)"
SITE="$HERE/site"
OUT="$HERE/expected"
VERSION=$("$TOOL" --version | awk '{print $NF}')
RULES=$(tr -d '\n' <"$HERE/rules.txt")
WORK=$(mktemp -d /tmp/plainsight-capture.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
while IFS='|' read -r name args; do
  [ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
  # shellcheck disable=SC2086  # the flags are words
  (cd "$WORK" && "$TOOL" audit "$SITE" --no-text --rules "$RULES" --fail-on never $args \
    --out "$WORK/$name" 2>/dev/null) || true
  python3 - "$WORK/$name" "$OUT/$name" "$SITE" "$VERSION" <<'PY'
import sys
src, dst, site, version = sys.argv[1:]
data = open(src, 'rb').read()
data = data.replace(site.encode(), b'@SITE@').replace(version.encode(), b'@VERSION@')
open(dst, 'wb').write(data)
PY
  echo "$name: $(wc -c <"$OUT/$name") bytes"
done <"$HERE/cases.txt"
