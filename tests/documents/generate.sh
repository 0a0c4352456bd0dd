#!/usr/bin/env bash
# Regenerates the test documents in this folder and the benchmark PDFs in bench/documents/ from
# the sources in src/ with packaged tools. The outputs are committed, so `make test` needs none
# of these tools; run this only to change or rebuild them. Debian 12 packages:
#   chromium (print to PDF: tagged PDFs), qpdf (strip tags, encrypt), ghostscript (an image-only
#   "scan"), python3 (HTML for long documents, the DOCX and ODT zips).
#
#   tagged.pdf              tagged (Chromium), language, title, headings, a figure with /Alt,
#                           a table with header cells
#   problems.pdf            tagged, but no language and no title, large bold paragraphs
#                           instead of headings, a figure without /Alt
#   untagged.pdf            tagged.pdf with /StructTreeRoot and /MarkInfo removed (qpdf)
#   scanned.pdf             tagged.pdf rendered to page images (ghostscript): no text at all
#   long.pdf                25 pages, no bookmarks; long-bookmarks.pdf the same with bookmarks
#   no-accessibility.pdf    tagged.pdf encrypted (RC4 128, no user password) with the
#                           "extract for accessibility" permission (bit 10) cleared
#   password.pdf            tagged.pdf encrypted with a user password ("secret")
#   good.docx bad.docx good.odt bad.odt   see make_office.py
#   ../../bench/documents/pages-{1,10,100}.pdf   Chromium reports of 1, 10 and 100 pages
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench="$here/../../bench/documents"
for tool in chromium qpdf gs python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "generate.sh: needs $tool (apt-get install chromium qpdf ghostscript python3)" >&2
    exit 2
  fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

print_pdf() {  # print_pdf SRC.html OUT.pdf [extra chromium flags]
  local src=$1 out=$2
  shift 2
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer "$@" \
    --print-to-pdf="$out" "file://$src" >/dev/null 2>&1
  [ -s "$out" ] || { echo "generate.sh: chromium did not write $out" >&2; exit 1; }
}

# Removes catalog and information dictionary entries with qpdf's JSON update, and drops the
# objects nothing refers to any more (the structure tree, when its root is removed).
strip_keys() {  # strip_keys IN OUT CATALOG_KEYS INFO_KEYS (comma-separated, may be empty)
  python3 - "$1" "$2" "$3" "$4" "$tmp/update.json" <<'PY'
import json, subprocess, sys
src, dst, catalog_keys, info_keys, update = sys.argv[1:6]
j = json.loads(subprocess.check_output(["qpdf", "--json", "--json-key=qpdf", src]))
header, objects = j["qpdf"]
trailer = objects["trailer"]["value"]
changes = {}
def drop(ref, keys):
    if not keys or not ref:
        return
    key = "obj:" + ref
    value = dict(objects[key]["value"])
    for k in keys.split(","):
        value.pop(k, None)
    changes[key] = {"value": value}
drop(trailer.get("/Root"), catalog_keys)
drop(trailer.get("/Info"), info_keys)
json.dump({"qpdf": [{"jsonversion": 2, "pushedinheritedpageresources": False,
                     "calledgetallpages": False, "maxobjectid": header["maxobjectid"]}, changes]},
          open(update, "w"))
subprocess.check_call(["qpdf", src, "--update-from-json=" + update, "--deterministic-id", dst])
PY
}

print_pdf "$here/src/tagged.html" "$tmp/tagged.pdf"
qpdf "$tmp/tagged.pdf" --deterministic-id "$here/tagged.pdf"

print_pdf "$here/src/problems.html" "$tmp/problems.pdf"
strip_keys "$tmp/problems.pdf" "$here/problems.pdf" /Lang /Title

strip_keys "$here/tagged.pdf" "$here/untagged.pdf" /StructTreeRoot,/MarkInfo ""

gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfimage8 -r72 -sOutputFile="$here/scanned.pdf" \
  "$here/tagged.pdf"

python3 "$here/make_pages_html.py" 25 "Waste services report 2024" > "$tmp/long.html"
print_pdf "$tmp/long.html" "$tmp/long.pdf"
qpdf "$tmp/long.pdf" --deterministic-id "$here/long.pdf"
print_pdf "$tmp/long.html" "$tmp/long-bookmarks.pdf" --generate-pdf-document-outline
qpdf "$tmp/long-bookmarks.pdf" --deterministic-id "$here/long-bookmarks.pdf"

qpdf --allow-weak-crypto --encrypt "" owner-password 128 --use-aes=n --accessibility=n -- \
  "$here/tagged.pdf" "$here/no-accessibility.pdf"
qpdf --encrypt secret owner-password 256 -- "$here/tagged.pdf" "$here/password.pdf"

python3 "$here/make_office.py" "$here"

mkdir -p "$bench"
for n in 1 10 100; do
  python3 "$here/make_pages_html.py" "$n" "Waste services report, $n pages" > "$tmp/pages-$n.html"
  print_pdf "$tmp/pages-$n.html" "$tmp/pages-$n.pdf"
  qpdf "$tmp/pages-$n.pdf" --deterministic-id "$bench/pages-$n.pdf"
done
ls -l "$here"/*.pdf "$here"/*.docx "$here"/*.odt "$bench"/*.pdf
