#!/usr/bin/env bash
# make lint: clang-tidy 14 (.clang-tidy at the root) over every project source in the compile
# database, JOBS at a time. Prints each warning once (a header's warnings come from every file
# that includes it), then the count per folder; exits 1 when there is any.
#   scripts/lint.sh [--changed-since REF | --changed-since-file FILE] [--record] [BUILD_DIR]
#                   [FILE_REGEX]
# FILE_REGEX (default: every project folder) narrows the files, e.g. '/rules/' for one folder.
#
# --changed-since REF lints only the translation units that differ from commit REF: a changed
# source, or a source that includes a changed header (the compiler's dependency files in
# BUILD_DIR say which). That is how `make test` lints (REF in .ci/lint-base): every file takes
# clang-tidy about 3.5 s of CPU, and the whole tree would more than double CI's time. When REF is
# not in the clone's history, .clang-tidy changed, or a dependency file is missing, every file is
# linted.
# --changed-since-file FILE reads REF from FILE (`make test` passes .ci/lint-base).
# --record, after a clean lint of every file, writes the commit linted (HEAD) to .ci/lint-base.
set -euo pipefail
cd "$(dirname "$0")/.."
since=""
record=0
while [ $# -gt 0 ]; do
  case "$1" in
    --changed-since) since=$2; shift 2 ;;
    --changed-since-file) since=$(tr -d '[:space:]' <"$2"); shift 2 ;;
    --record) record=1; shift ;;
    *) break ;;
  esac
done
BUILD=${1:-build}
whole_tree=1
[ $# -ge 2 ] && whole_tree=0
FILES=${2:-/(engine|rules|crawler|store|reports|audit|cli|web|tests|bench|fuzz)/}
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
root=$(pwd)/

# The files to lint, as anchored regular expressions for run-clang-tidy.
targets=("$FILES")
if [ -n "$since" ]; then
  if ! git rev-parse -q --verify "$since^{commit}" >/dev/null 2>&1; then
    echo "lint: $since is not in this clone's history: linting every file"
  else
    # Committed and uncommitted changes since REF, and new files.
    changed=$( (git diff --name-only "$since" -- && git ls-files --others --exclude-standard) |
      sort -u)
    if echo "$changed" | grep -qx '.clang-tidy'; then
      echo "lint: .clang-tidy changed since $since: linting every file"
    else
      mapfile -t units < <(CHANGED="$changed" python3 - "$BUILD" "$FILES" "$root" <<'PY'
import json, os, re, sys
build, pattern, root = sys.argv[1], re.compile(sys.argv[2]), sys.argv[3]
changed = {root + p for p in os.environ["CHANGED"].split("\n") if p}
for entry in json.load(open(os.path.join(build, "compile_commands.json"))):
    source = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
    if not pattern.search(source):
        continue
    if source in changed:
        print(source)
        continue
    words = entry.get("arguments") or entry["command"].split()
    output = entry.get("output") or words[words.index("-o") + 1]
    depfile = os.path.join(entry["directory"], output + ".d")
    try:
        text = open(depfile).read().replace("\\\n", " ")
    except OSError:
        print(source)  # no dependency file: cannot tell, so lint it
        continue
    deps = text.split(":", 1)[1].split() if ":" in text else []
    if any(os.path.realpath(os.path.join(entry["directory"], d)) in changed for d in deps):
        print(source)
PY
      )
      if [ ${#units[@]} -eq 0 ]; then
        echo "lint: no C++ translation unit changed since $since"
        exit 0
      fi
      echo "lint: ${#units[@]} translation units changed since $since"
      targets=()
      for unit in "${units[@]}"; do
        targets+=("^$(printf '%s' "$unit" | sed 's/[][\.*^$+?(){}|]/\\&/g')\$")
      done
    fi
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# run-clang-tidy exits non-zero when clang-tidy reports anything; the count below decides.
"$RUN" -quiet -j "$JOBS" -clang-tidy-binary "$(command -v "$TIDY")" -p "$BUILD" "${targets[@]}" \
  >"$log" 2>/dev/null || true
# clang-tidy colours its messages even into a pipe: strip the escapes before matching. Only the
# project's files count: qpdf 11's JSON.hh, for one, does not compile with clang 14 in C++20.
warnings=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E "^$root.*:[0-9]+:[0-9]+: (warning|error):" |
  sed "s|^$root||" | sort -t: -k1,1 -k2,2n -k3,3n -u || true)
if [ -z "$warnings" ]; then
  echo "lint: no warnings"
  if [ "$record" = 1 ] && [ -z "$since" ] && [ "$whole_tree" = 1 ]; then
    if [ -n "$(git status --porcelain --untracked-files=no -- . ':!.ci/lint-base')" ]; then
      echo "lint: uncommitted changes: not recorded (commit, then lint again)"
    else
      git rev-parse HEAD >.ci/lint-base
      echo "lint: recorded $(cat .ci/lint-base) in .ci/lint-base (commit it)"
    fi
  fi
  exit 0
fi
echo "$warnings"
echo
echo "lint: $(echo "$warnings" | wc -l) warnings; by folder:"
echo "$warnings" | sed -E 's|^([^/]+(/[^/]+)?)/[^/]*:.*|\1|; s|^([^/:]+):.*|\1|' | sort | uniq -c | sort -rn
exit 1
