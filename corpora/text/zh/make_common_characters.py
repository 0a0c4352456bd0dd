#!/usr/bin/env python3
"""Makes common-characters.txt: the 2,500 most frequent Chinese (Han) characters.

Source: the word frequency dictionary of jieba (dict.txt, Debian package python3-jieba, Expat
licence; `apt-get download python3-jieba && dpkg-deb -x python3-jieba_*.deb x`). Each
character's weight is the sum of the frequencies of the words it appears in; the 2,500 heaviest
are kept, as many as China's list of common characters (现代汉语常用字表, 1988) holds.

usage: make_common_characters.py DICT_TXT OUT_FILE
"""
import sys
import unicodedata
from collections import Counter

N = 2500


def is_han(ch):
    return unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    weight = Counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2 or not parts[1].isdigit():
                continue
            for ch in parts[0]:
                if is_han(ch):
                    weight[ch] += int(parts[1])
    common = [ch for ch, _ in weight.most_common(N)]
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write("# The %d most frequent Chinese characters, by summed word frequency in jieba's\n" % N)
        out.write("# dict.txt (python3-jieba 0.42.1, Expat licence; made by make_common_characters.py).\n")
        out.write("# One line of characters per 50, most frequent first.\n")
        for i in range(0, len(common), 50):
            out.write("".join(common[i:i + 50]) + "\n")


if __name__ == "__main__":
    main()
