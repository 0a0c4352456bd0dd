#!/usr/bin/env python3
"""Writes the generated attribute-heavy seeds of fuzz/seeds/page (issue 19).

  python3 fuzz/make_page_seeds.py fuzz/seeds/page

Each stays under 64 KiB, the -max_len the page fuzzer is run with, and each aims at one of the
superlinear paths issue 19 found or guards against: one element with thousands of attributes
(in HTML and in SVG, under the parser's merge of repeated <html>/<body>, inside <template> and
an iframe srcdoc), nesting past the tree's depth limit and past the pre-parse scan's limit, and
pages where thousands of elements fail rules (findings x page size). The hand-written seeds
beside them (flood.html, duplicates.html, merge.html ...) were written before this script.
"""
import html
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def write(name, text):
    data = text.encode()
    assert len(data) <= 65536, (name, len(data))
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


head = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'

# 7,000 bare attributes on one element (the limit is 256; the rest are blanked before parsing).
write("gen-attrs-7000.html",
      head + "<div " + " ".join(f"a{i}" for i in range(7000)) + ">x</div></body></html>")

# The same in SVG (foreign content: attribute names are case-adjusted), with quoted values
# holding ">" and "/" that must not end the tag.
write("gen-attrs-svg.html",
      head + "<svg " + " ".join(f'x{i}="a>/{i}"' for i in range(3000)) +
      "><title>s</title></svg></body></html>")

# Repeated <html> and <body> tags, whose attributes the parser merges onto one element.
write("gen-attrs-merge.html",
      head + "".join(f'<body b{i}="{i}" c{i}><html h{i} lang{i}="x">' for i in range(1200)) +
      "<p>text</p></body></html>")

# Attribute floods inside <template> and inside an iframe srcdoc (a nested document).
inner = "<p " + " ".join(f"i{i}" for i in range(1500)) + ">in</p>"
write("gen-attrs-nested-docs.html",
      head + "<template>" + inner + "</template>" +
      '<iframe title="f" srcdoc="' + html.escape(inner * 2, quote=True) + '"></iframe>'
      "</body></html>")

# Duplicate attribute names (the parser keeps the first; each is compared to the earlier ones).
write("gen-attrs-duplicate.html",
      head + "<input " + " ".join(f'aria-label="{i}"' for i in range(3500)) + "></body></html>")

# Nesting past max_depth (512) but under the pre-parse scan's limit (10,000) ...
write("gen-nested-3000.html", head + "<div>" * 3000 + "deep" + "</div>" * 3000 + "</body></html>")
# ... and past it: 11,000 open elements, never closed, mixed with inline formatting elements
# (the adoption agency algorithm's territory).
write("gen-nested-11000.html", head + "<div><b><span><i>" * 2750 + "deep")

# Thousands of failing elements of many kinds: findings x page size.
failing = [
    '<img src="a.png">', '<input type="text">', '<a href="#"></a>', "<button></button>",
    '<p id="d">dup</p>', '<span style="color:#777;background:#888">low</span>',
    '<table><tr><td>1</td><td>2</td></tr></table>', "<h4>skip</h4>", "<h2></h2>",
    '<div role="bogus" aria-foo="1" tabindex="5" onclick="x()">c</div>', "<marquee>m</marquee>",
    '<a href="f.pdf" target="_blank">click here</a>', "<li>orphan</li>", '<iframe src="x"></iframe>',
]
body = []
size = len(head)
i = 0
while size < 60000:
    piece = failing[i % len(failing)]
    body.append(piece)
    size += len(piece)
    i += 1
write("gen-failing-many.html", head + "".join(body) + "</body></html>")

# Many failing elements, each with its own attribute run (per-finding and per-attribute work).
parts = []
size = len(head)
i = 0
while size < 60000:
    piece = f'<img src="{i}.png" ' + " ".join(f"d{j}" for j in range(40)) + ">"
    parts.append(piece)
    size += len(piece)
    i += 1
write("gen-failing-attrs.html", head + "".join(parts) + "</body></html>")
