#!/bin/sh
# The two executables (cli/front_main.cpp): `plainsight` runs text, version and help itself,
# without the other modules' libraries, and execs plainsight-core beside it for the rest.
# usage: front_test.sh BUILD/cli/plainsight SOURCE_DIR
set -u
front=$1
root=$2
data=$root/corpora/text
sample=$data/samples/en-council.txt
core=$(dirname "$front")/plainsight-core
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
problem() { echo "FAIL: $*"; fail=1; }

"$front" --version | grep -q '^plainsight ' || problem "--version"
"$front" help | grep -q 'usage: plainsight COMMAND' || problem "help"

# The light executable does not load the crawler's, the stores' or the PDF reader's libraries.
for lib in libcurl libpq libsqlite3 libpoppler libqpdf; do
  if ldd "$front" | grep -q "$lib"; then problem "plainsight links $lib"; fi
  ldd "$core" | grep -q "$lib" || problem "plainsight-core does not link $lib"
done

# text: the same output and status from either executable, for plain text, HTML and DOCX.
for input in "$sample" "$data/samples/mixed.html" \
  "$root/corpora/sector/rural-grants/static/docs/REGA-Application-Form-2026.docx"; do
  "$front" text "$input" --format json --data-dir "$data" >"$tmp/front.json"
  front_status=$?
  "$core" text "$input" --format json --data-dir "$data" >"$tmp/core.json"
  core_status=$?
  [ "$front_status" = "$core_status" ] || problem "$input: status $front_status, core $core_status"
  cmp -s "$tmp/front.json" "$tmp/core.json" || problem "$input: output differs from the core's"
  grep -q '"findings"' "$tmp/front.json" || problem "$input: no findings in the output"
done

# Other commands go through plainsight-core, with their exit status and output.
"$front" rules --format json >"$tmp/rules.json" || problem "rules exit $?"
grep -q '"rules"' "$tmp/rules.json" || problem "rules wrote no JSON"
"$front" no-such-command >/dev/null 2>"$tmp/err"
[ $? = 2 ] || problem "unknown command: status is not 2"
grep -q "unknown command 'no-such-command'" "$tmp/err" || problem "unknown command message"

# Without plainsight-core beside it: text still works; other commands say what is missing.
cp "$front" "$tmp/plainsight"
"$tmp/plainsight" text "$sample" --data-dir "$data" >/dev/null
[ $? -le 1 ] || problem "text without plainsight-core"
"$tmp/plainsight" rules >/dev/null 2>"$tmp/err2"
[ $? = 2 ] || problem "rules without plainsight-core: status is not 2"
grep -q "plainsight-core" "$tmp/err2" || problem "no message naming plainsight-core: $(cat "$tmp/err2")"

[ $fail = 0 ] && echo "front: all checks passed"
exit $fail
