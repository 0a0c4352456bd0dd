#!/usr/bin/env python3
"""Generates the static site of the `audit` bench (issue 17): N pages of a fictional council's
site, about 2.4 KB each, with a shared stylesheet, 1,000 pages to a folder. Each page has a header,
navigation, headings, paragraphs, a table and a form, and a mix of common failures chosen by the
page's number (an image without alt, an empty link, an unlabelled input, low contrast, a
duplicate id, a skipped heading level), so that the audit finds something on most pages. The same
N gives the same bytes.

usage: gen_site.py N OUT_DIR
"""
import os
import sys

CSS = """body { font-family: sans-serif; color: #1b1b1b; background: #fff }
a:focus { outline: none; text-decoration: underline }
.faint { color: #999; background: #aaa }
nav ul { list-style: none }
"""

NAV = ''.join('<li><a href="/section-%d/index.html">Section %d</a></li>' % (i, i)
              for i in range(8))

WORDS = ('council roads housing library parks bins planning permission grant application '
         'office hours contact form public notice meeting agenda minutes budget report '
         'community centre swimming pool festival').split()


def sentence(n, k):
    return ' '.join(WORDS[(n * 7 + k * 3 + j * 5) % len(WORDS)] for j in range(12)).capitalize()


def page(n):
    fail = n % 7
    parts = [
        '<!DOCTYPE html>\n<html lang="%s">\n<head>\n<meta charset="utf-8">\n'
        % ('en' if n % 11 else 'english'),
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<title>Page %d - Ballykeeran County Council</title>\n' % n,
        '<link rel="stylesheet" href="../site.css">\n</head>\n<body>\n',
        '<a href="#main">Skip to main content</a>\n',
        '<header><img src="/crest.png" alt="Council crest"><nav aria-label="Main"><ul>%s</ul>'
        '</nav></header>\n' % NAV,
        '<main id="main">\n<h1>Page %d</h1>\n' % n,
    ]
    for k in range(6):
        parts.append('<p>%s.</p>\n' % sentence(n, k))
    parts.append('<h%d>Opening hours</h%d>\n' % ((4, 4) if fail == 1 else (2, 2)))
    parts.append('<table><caption>Hours</caption><tr><th scope="col">Day</th>'
                 '<th scope="col">Hours</th></tr><tr><td>Monday</td><td>9 to 5</td></tr>'
                 '<tr><td>Tuesday</td><td>9 to 5</td></tr></table>\n')
    parts.append('<img src="/photo-%d.jpg"%s>\n' % (n, '' if fail == 0 else ' alt="Our office"'))
    parts.append('<p><a href="/more-%d.html">%s</a></p>\n' % (n, '' if fail == 2 else 'Read more'))
    parts.append('<form action="/search"><%s<input type="text" name="q"%s></form>\n' %
                 (('label>Search ', '></label') if fail != 3 else ('', '')))
    parts.append('<p class="faint"%s>Last updated today.</p>\n' %
                 (' style="color:#bbb"' if fail == 4 else ''))
    parts.append('<div id="box">A</div><div id="%s">B</div>\n' % ('box' if fail == 5 else 'box2'))
    for k in range(6, 10):
        parts.append('<p>%s.</p>\n' % sentence(n, k))
    parts.append('</main>\n<footer><p><a href="/accessibility.html">Accessibility</a></p>'
                 '</footer>\n</body>\n</html>\n')
    return ''.join(parts)


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        folder = os.path.join(out, 'section-%03d' % (i // 1000))
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, 'page-%05d.html' % i), 'w') as f:
            f.write(page(i))
    with open(os.path.join(out, 'site.css'), 'w') as f:
        f.write(CSS)


if __name__ == '__main__':
    main()
