#!/usr/bin/env python3
"""Exact-match rate of `plainsight text --detail` sentence splitting on a case file.

Each case's input goes to `plainsight text - --detail --format json` on standard input, as a user
would send it; a case is right when the "sentences" texts equal the expected sentences exactly
(byte for byte: the texts must be the source's own). Prints every miss, the rate per kind and in
all. Exit 1 when the rate is under --min (default 0.96).

Usage:
  python3 bench/text/sentence_accuracy.py [--plainsight build/cli/plainsight]
      [--cases corpora/text/sentences/en-hard.txt] [--min 0.96]

Case file format: see the head of corpora/text/sentences/en-hard.txt ("> input", "= sentence",
"## kind"; "\\n" in a line is a line break).
"""
import argparse
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read_cases(path):
    cases = []
    kind = ""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("## "):
                kind = line[3:]
            elif line.startswith("> "):
                cases.append({"kind": kind, "line": number,
                              "input": line[2:].replace("\\n", "\n"), "expected": []})
            elif line.startswith("= ") and cases:
                cases[-1]["expected"].append(line[2:].replace("\\n", "\n"))
    return cases


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plainsight", default=os.path.join(ROOT, "build/cli/plainsight"))
    parser.add_argument("--cases", default=os.path.join(ROOT, "corpora/text/sentences/en-hard.txt"))
    parser.add_argument("--min", type=float, default=0.96)
    args = parser.parse_args()
    cases = read_cases(args.cases)
    per_kind = collections.defaultdict(lambda: [0, 0])
    right = 0
    for case in cases:
        run = subprocess.run(
            [args.plainsight, "text", "-", "--detail", "--format", "json", "--no-spelling",
             "--lang", "en", "--fail-on", "never"],
            input=case["input"].encode("utf-8"), capture_output=True, check=False)
        if run.returncode not in (0, 1):
            sys.exit(f"plainsight failed on line {case['line']}: {run.stderr.decode()}")
        got = [s["text"] for s in json.loads(run.stdout)["sentences"]]
        per_kind[case["kind"]][1] += 1
        if got == case["expected"]:
            right += 1
            per_kind[case["kind"]][0] += 1
        else:
            print(f"miss (line {case['line']}, {case['kind']}): {case['input']!r}")
            for s in got:
                print(f"    got {s!r}")
    for kind, (ok, total) in per_kind.items():
        print(f"  {ok:4d} / {total:4d}  {kind}")
    rate = right / len(cases) if cases else 0.0
    print(f"exact: {right} of {len(cases)} cases ({100.0 * rate:.1f}%), target >= {100 * args.min:.0f}%")
    sys.exit(0 if rate >= args.min else 1)


if __name__ == "__main__":
    main()
