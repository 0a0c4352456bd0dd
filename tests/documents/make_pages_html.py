#!/usr/bin/env python3
"""Writes an HTML report of N pages (one section per page) for Chromium to print: headings,
paragraphs, a figure every fifth page and a table every seventh. Used for long.pdf (bookmarks)
and for the benchmark's 1-, 10- and 100-page PDFs. Deterministic: same N, same HTML."""
import sys

SENTENCES = [
    "The council collects household waste from every home in the county once a week.",
    "Residents can apply for a larger bin if their household has five or more people.",
    "We publish the collection calendar for each area at the start of the year.",
    "If your bin was not collected, tell us within two working days.",
    "Garden waste is collected from March to November in towns with a brown bin service.",
    "Bring large items such as furniture to the civic amenity site in Ballykeeran.",
    "The recycling centre is open from 9 to 5, Monday to Saturday.",
    "Charges for the waste service are set each year by the elected members.",
]


def main():
    pages = int(sys.argv[1])
    title = sys.argv[2] if len(sys.argv) > 2 else "Waste services report"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en-IE"><head><meta charset="utf-8">',
        f"<title>{title}</title>",
        "<style>body{font-family:sans-serif;font-size:11pt} section{break-after:page;"
        "height:22cm;overflow:hidden} img{width:3cm}</style></head><body>",
    ]
    for p in range(1, pages + 1):
        out.append("<section>")
        if p == 1:
            out.append(f"<h1>{title}</h1>")
        out.append(f"<h2>Part {p}: area {p}</h2>")
        for k in range(3):
            text = " ".join(SENTENCES[(p + k + j) % len(SENTENCES)] for j in range(4))
            out.append(f"<p>{text}</p>")
        if p % 5 == 0:
            out.append(
                "<img alt=\"Map of collection area %d\" src=\"data:image/svg+xml;utf8,"
                "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='40'>"
                "<rect width='40' height='40' fill='%%23336'/></svg>\">" % p)
        if p % 7 == 0:
            out.append("<h3>Collection days</h3><table><tr><th>Street</th><th>Day</th></tr>"
                       "<tr><td>Main Street</td><td>Tuesday</td></tr>"
                       "<tr><td>Bridge Street</td><td>Wednesday</td></tr></table>")
        out.append("</section>")
    out.append("</body></html>")
    print("\n".join(out))


if __name__ == "__main__":
    main()
