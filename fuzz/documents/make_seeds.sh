#!/usr/bin/env bash
# Seed corpora for the document fuzzers, from the test documents (tests/documents/):
#   make_seeds.sh OUT_DIR   writes OUT_DIR/pdf, OUT_DIR/office and OUT_DIR/office_xml.
# The rules' examples make small seeds that reach every rule; the fuzzers write them:
#   plainsight_pdf_fuzzer --write-example-seeds=OUT_DIR/pdf
#   plainsight_office_xml_fuzzer --write-example-seeds=OUT_DIR/office_xml
# The XML seeds are the DOCX and ODT parts with the selector byte office_xml_fuzzer.cpp reads
# first (even: DOCX, part (byte/2)%4; odd: ODT, part (byte/2)%3).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
docs="$here/../../tests/documents"
out=$1
mkdir -p "$out/pdf" "$out/office" "$out/office_xml"
cp "$docs"/*.pdf "$here/../../bench/documents/pages-1.pdf" "$out/pdf/"
cp "$docs"/*.docx "$docs"/*.odt "$out/office/"
python3 - "$docs" "$out/office_xml" <<'PY'
import os, sys, zipfile
docs, out = sys.argv[1], sys.argv[2]
docx = ["word/document.xml", "word/styles.xml", "docProps/core.xml", "word/_rels/document.xml.rels"]
odt = ["content.xml", "styles.xml", "meta.xml"]
for name in sorted(os.listdir(docs)):
    path = os.path.join(docs, name)
    if not name.endswith((".docx", ".odt")):
        continue
    parts = docx if name.endswith(".docx") else odt
    with zipfile.ZipFile(path) as z:
        for i, part in enumerate(parts):
            if part not in z.namelist():
                continue
            selector = 2 * i if name.endswith(".docx") else 2 * i + 1
            with open(os.path.join(out, f"{name}-{i}"), "wb") as f:
                f.write(bytes([selector]) + z.read(part))
PY
ls "$out"/* | wc -l
