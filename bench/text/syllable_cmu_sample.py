#!/usr/bin/env python3
"""Syllable exactness of plainsight against the CMU Pronouncing Dictionary on a fixed sample.

Sample: 3,000 headwords drawn with random.Random(SEED).sample from the whole dictionary (every
entry without "(2)"-style alternatives: names, places, rare words, apostrophes, hyphens
included), sorted first so the draw does not depend on file order. Truth: the number of vowel
phonemes (stress digits) in the first pronunciation.

Measured in one run:
  table path   the shipped counter (en/syllables.tsv + en/syllables-extra.tsv, then
               derivation, then rules), on the words as the dictionary writes them, and again
               Capitalised, and with typographic apostrophes (U+2019);
  fallback     the counter with the sampled words taken out of the tables (so they are held
               out of the table), i.e. derivation from other entries, then rules;
  rules only   the spelling rules with no table at all (SyllableCounter::CountByRules).
Each is broken down by kind of word (inflected and derived forms, apostrophes, hyphens, other).

Usage:
  cd /tmp/x && npm pack cmu-pronouncing-dictionary && tar xzf cmu-pronouncing-dictionary-*.tgz
  python3 bench/text/syllable_cmu_sample.py /tmp/x/package/index.js \\
      build/bench/text/plainsight_syllable_eval [--seed 12] [--size 3000] [--misses N]
"""
import argparse
import collections
import os
import random
import re
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TABLES = [os.path.join(ROOT, "corpora/text/en/syllables.tsv"),
          os.path.join(ROOT, "corpora/text/en/syllables-extra.tsv")]
SUFFIXES = ("'s", "s", "es", "ed", "ing", "ly", "ness", "ment", "ments", "able", "er", "ers",
            "est")


def load_cmu(path):
    entries = {}
    line_re = re.compile(r'^\s*"([^"]+)": "([^"]*)",?\s*$')
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = line_re.match(line)
            if m and "(" not in m.group(1):
                entries[m.group(1)] = sum(1 for p in m.group(2).split() if p[-1].isdigit())
    return entries


def kind(word):
    word = word.replace("\u2019", "'")
    if "-" in word:
        return "hyphenated"
    if "'" in word:
        return "apostrophe"
    if word.endswith(SUFFIXES):
        return "inflected/derived ending"
    return "other"


def run(evaluator, words, tables=None):
    cmd = [evaluator]
    for t in tables or []:
        cmd += ["--table", t]
    out = subprocess.run(cmd, input="\n".join(words) + "\n", capture_output=True, text=True,
                         check=True).stdout
    counts = {}
    rules = {}
    for line in out.splitlines():
        w, a, b = line.split("\t")
        counts[w] = int(a)
        rules[w] = int(b)
    return counts, rules


def report(name, sample, truth_of, counts, misses):
    right = sum(counts[w] == truth_of(w) for w in sample)
    by_kind = collections.defaultdict(lambda: [0, 0])
    for w in sample:
        by_kind[kind(w)][1] += 1
        by_kind[kind(w)][0] += counts[w] == truth_of(w)
    print(f"{name:44s} {right:5d} / {len(sample)}  {100.0 * right / len(sample):6.2f}%")
    for k in sorted(by_kind):
        ok, total = by_kind[k]
        print(f"    {k:40s} {ok:5d} / {total:<5d} {100.0 * ok / total:6.2f}%")
    wrong = [w for w in sample if counts[w] != truth_of(w)]
    if misses and wrong:
        print("    misses: " + ", ".join(f"{w} {counts[w]}/{truth_of(w)}" for w in wrong[:misses]))


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cmu_index_js")
    parser.add_argument("evaluator")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--misses", type=int, default=0, help="print up to N misses per measure")
    args = parser.parse_args()
    cmu = load_cmu(args.cmu_index_js)
    sample = random.Random(args.seed).sample(sorted(cmu), args.size)
    print(f"CMUdict headwords: {len(cmu)}; sample: {len(sample)} (seed {args.seed})")

    counts, _ = run(args.evaluator, sample)
    report("table path (as written)", sample, lambda w: cmu[w], counts, args.misses)
    capitalised = [w[:1].upper() + w[1:] for w in sample]
    counts_cap, _ = run(args.evaluator, capitalised)
    report("table path (Capitalised)", capitalised, lambda w: cmu[w[:1].lower() + w[1:]],
           counts_cap, args.misses)
    curly = [w.replace("'", "\u2019") for w in sample if "'" in w]
    if curly:
        counts_curly, _ = run(args.evaluator, curly)
        report("table path (typographic apostrophe)", curly, lambda w: cmu[w.replace("\u2019", "'")],
               counts_curly, args.misses)

    held_out = set(sample)
    with tempfile.TemporaryDirectory() as tmp:
        reduced = []
        for i, path in enumerate(TABLES):
            out_path = os.path.join(tmp, f"table{i}.tsv")
            with open(path, encoding="utf-8") as f, open(out_path, "w", encoding="utf-8") as out:
                for line in f:
                    if line.startswith("#") or line.split("\t", 1)[0] not in held_out:
                        out.write(line)
            reduced.append(out_path)
        counts_fallback, rules = run(args.evaluator, sample, reduced)
    report("fallback: derivation + rules (held out)", sample, lambda w: cmu[w], counts_fallback,
           args.misses)
    report("rules only (no table)", sample, lambda w: cmu[w], rules, args.misses)


if __name__ == "__main__":
    main()
