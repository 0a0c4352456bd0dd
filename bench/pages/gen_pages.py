#!/usr/bin/env python3
"""Generates the large pages of the large-page bench (issue 19 item 2).

usage: gen_pages.py failing MB OUT   a page of about MB MiB of common failures (images without
                                     alt, empty links and buttons, unlabelled inputs, low
                                     contrast, duplicate ids), repeated side by side in <body>
       gen_pages.py fixed MB OUT     the same markup with the failures fixed
       gen_pages.py attributes N OUT one <div> with N attributes
"""
import sys

HEAD = '<!DOCTYPE html>\n<html lang="en"><head><title>Large page</title></head><body>\n'
FAILING = ('<p style="color:#999;background:#aaa">Opening hours for the library.</p>\n'
           '<img src="a.png">\n<a href="/contact"></a>\n<input type="text" name="n">\n'
           '<button type="button"></button>\n<div id="dup">x</div>\n')
FIXED = ('<p>Opening hours for the library.</p>\n<img src="a.png" alt="Map of the town">\n'
         '<a href="/contact">Contact us</a>\n<label>Name <input type="text" name="n"></label>\n'
         '<button type="button">Save</button>\n')


def main():
    kind, size, out = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(out, 'w') as f:
        if kind == 'attributes':
            n = int(size)
            f.write(HEAD + '<div ')
            f.write(' '.join('data-a%d="v%d"' % (i, i) for i in range(n)))
            f.write('>text</div>\n</body></html>\n')
            return
        unit = FAILING if kind == 'failing' else FIXED
        count = int(float(size) * 1024 * 1024 / len(unit))
        f.write(HEAD + unit * count + '</body></html>\n')


if __name__ == '__main__':
    main()
