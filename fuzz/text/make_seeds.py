#!/usr/bin/env python3
"""Seeds for plainsight_text_fuzz, whose first input byte picks the extractor (byte % 6: plain
text, Markdown, HTML, DOCX, ODT, sniffed) and, in its top bits, detail (0x80) and Irish (0x40).

  python3 fuzz/text/make_seeds.py OUT_DIR

From the repository's text samples and test documents, each under the selector of its format,
plus the nonsense of issue 19 item 4: one giant "word", base64 and URL runs, a text of no
sentences, and control characters.
"""
import os
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
max_len = 65536


def write(name, selector, data):
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(out, name), "wb") as f:
        f.write(bytes([selector]) + data[: max_len - 1])


samples = os.path.join(root, "corpora", "text", "samples")
for name in sorted(os.listdir(samples)):
    with open(os.path.join(samples, name), "rb") as f:
        data = f.read()
    if name.endswith(".html"):
        write(name, 2, data)
        write(name + "-sniffed", 5, data)
    else:
        irish = 0x40 if name.startswith("ga-") else 0
        write(name, 0 | irish, data)
        write(name + "-detail", 0x80 | irish, data)
        write(name + "-markdown", 1 | irish, data)
with open(os.path.join(root, "corpora", "text", "sentences", "en-hard.txt"), "rb") as f:
    write("en-hard.txt", 0x80, f.read())

docs = os.path.join(root, "tests", "documents")
for name in sorted(os.listdir(docs)):
    path = os.path.join(docs, name)
    if name.endswith((".docx", ".odt")):
        with open(path, "rb") as f:
            data = f.read()
        write(name, 3 if name.endswith(".docx") else 4, data)
        write(name + "-sniffed", 5, data)

write("giant-word.txt", 0, "a" * 60000)
write("giant-word-detail.txt", 0x80, "Supercalifragilistic" * 3000 + ".")
write("base64.txt", 0, "Send it. " + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkrLw==" * 1000)
write("urls.md", 1,
      " ".join(f"[link {i}](https://example.ie/a/b/c?q={i}&r=x#f) https://ex.ie/{i}"
               for i in range(800)))
write("no-sentences.txt", 0, "\n".join("word" for _ in range(10000)))
write("controls.txt", 0, "".join(f"Line {i}\x1b[31m red \x07\u202e\x7f.\n" for i in range(500)))
write("one-letter-words.txt", 0x80, " ".join("b c d f g" for _ in range(5000)) + ".")
write("ga-long.txt", 0x40, "An chomhairle contae. " * 2500)
write("markdown-nesting.md", 1, "> " * 5000 + "- " * 5000 + "text\n" + "`" * 3000)
write("html-nesting.html", 2, "<div>" * 10000 + "text")
