#!/usr/bin/env python3
"""Derives syllables.tsv and syllables-extra.tsv (word<TAB>syllables) from the CMU Pronouncing
Dictionary.

Source: the npm package cmu-pronouncing-dictionary 3.0.0 (CMUdict 0.7b as a JS object; the
dictionary itself is BSD-licensed by Carnegie Mellon University, see CMUDICT-LICENSE; the npm
wrapper is ISC). Fetch it without a project:  cd /tmp/x && npm pack cmu-pronouncing-dictionary
&& tar xzf cmu-pronouncing-dictionary-*.tgz   then
  python3 make_syllable_table.py /tmp/x/package/index.js > syllables.tsv
  python3 make_syllable_table.py /tmp/x/package/index.js --extra > syllables-extra.tsv

syllables.tsv: lowercase alphabetic entries (apostrophes allowed) whose spelling the en_GB
Hunspell dictionary accepts, i.e. English words; plus British spellings (-ise, -our, -re, -yse)
of CMUdict's American entries, which CMUdict lacks, with the American entry's count. The text
bench draws its vocabulary from this file.
syllables-extra.tsv (--extra): every other CMUdict entry: names of people and places, American
spellings, rare words, and entries with apostrophes, hyphens or full stops ("o'clock",
"able-bodied", "a.m."), so that any word the dictionary has is counted as it says (issue 12).
The syllable count is the number of vowel phonemes (those carrying a stress digit) in the first
pronunciation (CMUdict lists alternatives as "word(2)", "word(3)").
"""
import ctypes
import re
import sys

AFF = b"/usr/share/hunspell/en_GB.aff"
DIC = b"/usr/share/hunspell/en_GB.dic"


def load_cmu(path):
    entries = {}
    line_re = re.compile(r'^\s*"([^"]+)": "([^"]*)",?\s*$')
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = line_re.match(line)
            if not m:
                continue
            word, pron = m.group(1), m.group(2)
            if "(" in word:  # alternative pronunciations: keep the first
                continue
            entries[word] = sum(1 for p in pron.split() if p[-1].isdigit())
    return entries


def british_variants(word):
    out = set()
    for us, gb in (("ization", "isation"), ("izing", "ising"), ("ized", "ised"), ("izes", "ises"),
                   ("izer", "iser"), ("ize", "ise"), ("yze", "yse"), ("yzed", "ysed"),
                   ("yzing", "ysing"), ("yzes", "yses")):
        if word.endswith(us):
            out.add(word[: -len(us)] + gb)
    m = re.match(r"^(.*[^aeiou])or(s|ed|ing|able|ite|ites|ful|less)?$", word)
    if m:
        out.add(m.group(1) + "our" + (m.group(2) or ""))
    m = re.match(r"^(.*[^aeiou])er(s)?$", word)
    if m and len(word) > 5:
        out.add(m.group(1) + "re" + (m.group(2) or ""))
    return out


def main():
    cmu = load_cmu(sys.argv[1])
    lib = ctypes.CDLL("libhunspell-1.7.so.0")
    lib.Hunspell_create.restype = ctypes.c_void_p
    lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    h = lib.Hunspell_create(AFF, DIC)
    ok = lambda w: lib.Hunspell_spell(h, w.encode("utf-8")) != 0
    table = {}
    word_re = re.compile(r"^[a-z][a-z']*$")
    for word, n in cmu.items():
        if not word_re.match(word) or n == 0:
            continue
        if ok(word):
            table[word] = n
    for word, n in list(cmu.items()):
        if not word_re.match(word) or n == 0:
            continue
        for gb in british_variants(word):
            if gb not in cmu and gb not in table and ok(gb):
                # -re for -er (centre, metre) keeps the count; so do -ise and -our.
                table[gb] = n
    if "--extra" in sys.argv[2:]:
        extra_re = re.compile(r"^[a-z'][a-z'.-]*$")
        rest = {w: n for w, n in cmu.items() if w not in table and n > 0 and extra_re.match(w)}
        sys.stdout.write("# word<TAB>syllables: the CMU Pronouncing Dictionary entries that are not in\n"
                         "# syllables.tsv (BSD, see CMUDICT-LICENSE), by make_syllable_table.py --extra.\n")
        for word in sorted(rest):
            sys.stdout.write(f"{word}\t{rest[word]}\n")
        return
    sys.stdout.write("# word<TAB>syllables, derived from the CMU Pronouncing Dictionary (BSD, see\n"
                     "# CMUDICT-LICENSE) by make_syllable_table.py; British spellings added.\n")
    for word in sorted(table):
        sys.stdout.write(f"{word}\t{table[word]}\n")


if __name__ == "__main__":
    main()
