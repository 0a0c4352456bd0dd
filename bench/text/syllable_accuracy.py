#!/usr/bin/env python3
"""Syllable accuracy of plainsight (table + rules, rules alone) and of the npm `syllable`
package, against the CMU Pronouncing Dictionary, on the same held-out words in one run.

Held-out set: common English words = the headwords of the en_GB Hunspell dictionary
(/usr/share/hunspell/en_GB.dic, lowercase alphabetic, no affix expansion) that CMUdict has; split
in two by a hash of the word (md5, even/odd first byte). The even half was used while writing
the rules; the odd half is the held-out set measured here. The truth is the vowel count of the
first CMUdict pronunciation.

Usage:
  python3 syllable_accuracy.py CMU_INDEX_JS EVAL_BINARY [SYLLABLE_NODE_MODULES_DIR]
CMU_INDEX_JS: package/index.js of `npm pack cmu-pronouncing-dictionary`.
EVAL_BINARY: build-*/bench/text/plainsight_syllable_eval.
SYLLABLE_NODE_MODULES_DIR: a directory where `npm install syllable` was run (optional).
"""
import hashlib
import json
import os
import re
import subprocess
import sys


def load_cmu(path):
    entries = {}
    line_re = re.compile(r'^\s*"([^"]+)": "([^"]*)",?\s*$')
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = line_re.match(line)
            if m and "(" not in m.group(1):
                entries[m.group(1)] = sum(1 for p in m.group(2).split() if p[-1].isdigit())
    return entries


def headwords():
    words = set()
    with open("/usr/share/hunspell/en_GB.dic", encoding="utf-8", errors="replace") as f:
        next(f)
        for line in f:
            w = line.split("/")[0].strip()
            if re.fullmatch(r"[a-z]+", w):
                words.add(w)
    return words


def main():
    cmu = load_cmu(sys.argv[1])
    evaluator = sys.argv[2]
    node_dir = sys.argv[3] if len(sys.argv) > 3 else None
    common = sorted(w for w in headwords() if w in cmu)
    held_out = [w for w in common if hashlib.md5(w.encode()).digest()[0] % 2 == 1]
    out = subprocess.run([evaluator], input="\n".join(held_out) + "\n", capture_output=True,
                         text=True, check=True).stdout
    ours = {}
    rules = {}
    for line in out.splitlines():
        w, a, b = line.split("\t")
        ours[w] = int(a)
        rules[w] = int(b)
    results = {
        "plainsight (table + rules)": sum(ours[w] == cmu[w] for w in held_out),
        "plainsight (rules only)": sum(rules[w] == cmu[w] for w in held_out),
    }
    if node_dir:
        script = ("import {syllable} from 'syllable'; import fs from 'fs';"
                  "const ws = fs.readFileSync(0, 'utf8').split('\\n').filter(Boolean);"
                  "console.log(JSON.stringify(ws.map(w => syllable(w))));")
        js = subprocess.run(["node", "--input-type=module", "-e", script], cwd=node_dir,
                            input="\n".join(held_out), capture_output=True, text=True, check=True)
        counts = json.loads(js.stdout)
        results["npm syllable"] = sum(c == cmu[w] for w, c in zip(held_out, counts))
    print(f"held-out common English words: {len(held_out)} (of {len(common)} en_GB headwords in CMUdict)")
    for name, right in results.items():
        print(f"  {name:28s} {right:6d} exact  {100.0 * right / len(held_out):6.2f}%")


if __name__ == "__main__":
    main()
