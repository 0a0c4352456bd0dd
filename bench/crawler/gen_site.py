#!/usr/bin/env python3
"""Generates a static site of N small HTML pages for the crawler bench.

Page i lives at /p/<i // 1000>/<i>.html (page 0 is also /index.html). It links to its ten
children 10i+1 .. 10i+10 (so every page is reachable, depth about log10 N), to its parent, to
the home page and to three pseudo-random pages, and carries about 1.5 KB of text: the shape of
a small council site, with the link density of real navigation.

usage: gen_site.py N OUTDIR
"""
import os
import sys


def page_path(i):
    return "/p/%d/%d.html" % (i // 1000, i)


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    text = ("The council provides services for residents, including waste collection, "
            "planning permission, housing support and libraries. ") * 8
    state = 12345
    for i in range(n):
        links = ['<a href="/index.html">Home</a>']
        if i > 0:
            links.append('<a href="%s">Up</a>' % page_path((i - 1) // 10))
        for c in range(10 * i + 1, min(10 * i + 11, n)):
            links.append('<a href="%s">Page %d</a>' % (page_path(c), c))
        for _ in range(3):
            state = (state * 1103515245 + 12345) % (1 << 31)
            r = state % n
            links.append('<a href="%s">See also %d</a>' % (page_path(r), r))
        html = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<title>Page %d</title></head><body><nav>%s</nav><main><h1>Page %d</h1>"
                "<p>%s</p></main></body></html>\n" % (i, " ".join(links), i, text))
        path = out + page_path(i)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(html)
        if i == 0:
            with open(out + "/index.html", "w") as f:
                f.write(html)


if __name__ == "__main__":
    main()
