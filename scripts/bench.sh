#!/usr/bin/env bash
# make bench: each benchmark prints its own figure and the baseline it is measured against in the
# same run (Gumbo alone for the page engine, GNU style for text, poppler's text extraction for
# documents, wget for the crawler).
set -uo pipefail
BUILD=${1:-build}
status=0
run() {
  echo "== $1"
  shift
  "$@" || status=1
  echo
}
[ -x "$BUILD/bench/plainsight_engine_bench" ] && run "page audit vs Gumbo parse" "$BUILD/bench/plainsight_engine_bench"
[ -x "$BUILD/bench/plainsight_engine_bench_glibc" ] && run "page audit vs Gumbo parse, system allocator" "$BUILD/bench/plainsight_engine_bench_glibc"
for b in "$BUILD"/bench/text/plainsight_text_bench; do
  [ -x "$b" ] && run "plain-language analysis vs GNU style" "$b"
done
# Large pages (issue 19): 1-8 MB here; the 50 MB page needs several GB and minutes, so it is
# run by hand: bench/pages/run_bench.sh build "1 2 4 8 50".
[ -x "$BUILD/cli/plainsight" ] && run "large pages: time against page size" bash bench/pages/run_bench.sh "$BUILD" "1 2 4 8"
# Many pages (issue 17): pages/s and peak memory at 5,000 and 50,000 pages with 1 and 2 threads,
# and one page of 10 KB to 10 MB (several minutes).
[ -x "$BUILD/cli/plainsight" ] && run "audit of many pages: 1 and 2 threads, memory" bash bench/audit/run_bench.sh "$BUILD"
if [ -x "$BUILD/bench/documents/plainsight_document_bench" ]; then
  run "document audit vs poppler text extraction" "$BUILD/bench/documents/plainsight_document_bench"
  run "document audit with plain-language analysis" "$BUILD/bench/documents/plainsight_document_bench" --text
fi
for s in bench/crawler/*.sh; do
  [ -f "$s" ] && run "crawler vs wget" bash "$s" "$BUILD"
done
[ -x "$BUILD/bench/reports/plainsight_report_bench" ] && run "plainsight report on a 20,000-page store vs reading the store" "$BUILD/bench/reports/plainsight_report_bench"
[ -x "$BUILD/bench/serve/plainsight_serve_bench" ] && run "plainsight serve: POST /api/text, 1,000 words, 8 clients" "$BUILD/bench/serve/plainsight_serve_bench" --seconds 10
[ -f bench/scan/run_bench.sh ] && run "sector scan: 100 and 1,000 bodies on nginx" bash bench/scan/run_bench.sh "$BUILD"
[ -f bench/fleet/run_bench.sh ] && run "fleet: 1, 2 and 4 workers on PostgreSQL vs 1 on SQLite" bash bench/fleet/run_bench.sh "$BUILD"
exit $status
