#!/usr/bin/env python3
"""Regenerates the PDF and DOCX documents of the demo sector (corpora/sector).

The generated files are checked in, so `make demo` and the tests need neither a browser nor this
script. Run it only after changing a document's source:

    python3 corpora/sector/make_documents.py          # needs chromium, qpdf (and fix-qdf)

PDFs: Chromium's headless print-to-PDF writes a tagged PDF (a /StructTreeRoot, /MarkInfo
/Marked true, /Lang from <html lang>, /Title from <title>), as PDF/UA expects. An untagged PDF is
made from the same print by removing the structure tree, the marked-content operators and the
catalog keys with qpdf's QDF mode: what an office's "print to PDF" without tagging produces.
Sources are either a page of a body's site (its <main>, without breadcrumb and the "also as PDF"
note: the page is then the document's HTML alternative and says the same) or a standalone file in
documents-src/ for documents that have no HTML alternative.

DOCX: WordprocessingML written by hand (ECMA-376 / ISO/IEC 29500 transitional) and zipped, with
or without real heading styles (Heading1/Heading2 with w:outlineLvl) and with or without a text
alternative (wp:docPr/@descr) on the image. Every output is deterministic: fixed dates, qpdf's
--deterministic-id, fixed zip timestamps.

Licence of everything generated: CC0 1.0, as the rest of the sector (see SOURCE.md).
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, 'documents-src')

# (output, source, tagged, PDF date). A source "page:BODY/PATH" is printed from that page's <main>.
PDFS = [
    ('clonmore-coco/documents/customer-action-plan-2026-2028.pdf',
     'page:clonmore-coco/about/customer-action-plan.html', True, '20260316100000Z'),
    ('clonmore-coco/documents/ballinreagh-local-area-plan-2017.pdf',
     'ballinreagh-local-area-plan-2017.html', False, '20170613090000Z'),
    ('kilbrack-coco/uploads/files/CAP_2022-2024_FINAL_v3.pdf',
     'kilbrack-customer-action-plan-2022-2024.html', False, '20220214153000Z'),
    ('kilbrack-coco/uploads/files/Road_Closure_Order_R412_Dec2026.pdf',
     'kilbrack-road-closure-order-r412.html', False, '20261120110000Z'),
    ('dept-rti/publications/documents/statement-of-strategy-2026-2028.pdf',
     'page:dept-rti/publications/statement-of-strategy-2026-2028.html', True, '20260302090000Z'),
    ('dept-rti/publications/documents/rural-bus-network-review-consultation-paper.pdf',
     'dept-rural-bus-network-review-consultation-paper.html', False, '20261106090000Z'),
    ('rural-grants/static/docs/REGA-Grant-Guidelines-2026.pdf',
     'rega-grant-guidelines-2026.html', False, '20260303090000Z'),
    ('island-ferries/doicimeid/clar-ama-geimhridh-2026.pdf',
     'page:island-ferries/clar-ama.html', True, '20261116090000Z'),
    ('island-ferries/doicimeid/tuarascail-bhliantuil-2025.pdf',
     'ferries-tuarascail-bhliantuil-2025.html', True, '20260430090000Z'),
]

# Page-derived PDFs: the organisation line printed above the content.
ORG = {
    'clonmore-coco': 'Clonmore County Council',
    'dept-rti': 'Department of Rural Transport and the Islands',
    'island-ferries': 'Bord Farantóireachta na nOileán',
}


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode not in (0, 3):  # qpdf exits 3 for "succeeded with warnings"
        sys.exit(f'failed ({r.returncode}): {" ".join(cmd)}\n{r.stderr[-2000:]}')
    return r


def page_source(rel, tmp):
    """Writes a printable HTML file from a site page's <main>; returns its path."""
    body = rel.split('/')[0]
    with open(os.path.join(HERE, rel), encoding='utf-8') as f:
        html = f.read()
    lang = re.search(r'<html lang="([^"]+)"', html).group(1)
    title = re.search(r'<h1>(.*?)</h1>', html, re.S).group(1)
    main = re.search(r'<main[^>]*>(.*)</main>', html, re.S).group(1)
    main = re.sub(r'<nav class="breadcrumb".*?</nav>', '', main, flags=re.S)
    main = re.sub(r'<p class="doc-links">.*?</p>', '', main, flags=re.S)
    # Links of the site would point nowhere inside the PDF: keep their text only.
    main = re.sub(r'<a\b[^>]*>(.*?)</a>', r'\1', main, flags=re.S)
    out = os.path.join(tmp, os.path.basename(rel))
    with open(out, 'w', encoding='utf-8') as f:
        f.write(f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
                f'<title>{title}</title>\n<link rel="stylesheet" href="file://{SRC}/_print.css">\n'
                f'</head>\n<body>\n<p class="org">{ORG[body]}</p>\n{main}\n</body>\n</html>\n')
    return out


def chromium_print(src, out, tmp):
    browser = shutil.which('chromium') or shutil.which('chromium-browser')
    if not browser:
        sys.exit('chromium is needed to regenerate the PDFs (apt-get install chromium)')
    run([browser, '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
         f'--user-data-dir={tmp}/profile', f'--print-to-pdf={out}', 'file://' + src])


def set_dates(qdf_text, date):
    return re.sub(r'/(CreationDate|ModDate) \([^)]*\)', rf'/\1 (D:{date})', qdf_text)


def strip_marked_content(stream):
    """Drops the marked-content sequences that carry an MCID (the links to the structure tree),
    keeping their content and any other sequence (such as /Span with /ActualText)."""
    out, stack, pos = [], [], 0
    for m in re.finditer(r'/[A-Za-z]+ ?<<[^>]*>> ?BDC\n?|/[A-Za-z]+ ?BMC\n?|\bEMC\b\n?', stream):
        out.append(stream[pos:m.start()])
        token = m.group(0)
        if token.startswith('EMC'):
            if not stack.pop():
                out.append(token)
        else:
            tagged = '/MCID' in token
            stack.append(tagged)
            if not tagged:
                out.append(token)
        pos = m.end()
    out.append(stream[pos:])
    return ''.join(out)


def strip_tags(qdf_text):
    """Removes what makes a PDF tagged: the structure tree, /MarkInfo, /StructParents, the
    marked-content sequences of the page content that refer to the tree, and /Lang."""
    t = re.sub(r'\n\s*/StructTreeRoot \d+ 0 R', '', qdf_text)
    t = re.sub(r'\n\s*/MarkInfo <<.*?>>', '', t, flags=re.S)
    t = re.sub(r'\n\s*/StructParents \d+', '', t)
    t = re.sub(r'\n\s*/Lang \([^)]*\)', '', t)
    # Only page content streams (QDF marks them with a comment), never font or image data.
    return re.sub(r'(%% Contents for page \d+\n.*?\nstream\n)(.*?)(endstream)',
                  lambda m: m.group(1) + strip_marked_content(m.group(2)) + m.group(3), t, flags=re.S)


def make_pdf(out_rel, source, tagged, date, tmp):
    src = page_source(source[5:], tmp) if source.startswith('page:') else os.path.join(SRC, source)
    raw = os.path.join(tmp, 'raw.pdf')
    chromium_print(src, raw, tmp)
    qdf = os.path.join(tmp, 'q.pdf')
    run(['qpdf', '--qdf', '--object-streams=disable', raw, qdf])
    with open(qdf, encoding='latin-1') as f:
        text = f.read()
    text = set_dates(text, date)
    if not tagged:
        text = strip_tags(text)
    with open(qdf, 'w', encoding='latin-1') as f:
        f.write(text)
    fixed = os.path.join(tmp, 'fixed.pdf')
    with open(fixed, 'wb') as f:  # fix-qdf repairs stream lengths and the cross-reference table
        r = subprocess.run(['fix-qdf', qdf], stdout=f, stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.exit(f'fix-qdf failed: {r.stderr.decode(errors="replace")}')
    out = os.path.join(HERE, out_rel)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    # Writing drops the objects nothing refers to any more (the old structure tree).
    run(['qpdf', '--deterministic-id', '--compress-streams=y', '--object-streams=generate',
         fixed, out])
    print(f'{out_rel}: {"tagged" if tagged else "untagged"}, {os.path.getsize(out)} bytes')


# ---- DOCX -----------------------------------------------------------------------------------

def png(width, height, rgb, stripe):
    """A small RGB PNG: a coloured block with a band across it (a stand-in logo)."""
    rows = b''
    for y in range(height):
        colour = stripe if height // 3 <= y < 2 * height // 3 else rgb
        rows += b'\x00' + bytes(colour) * width

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack(
            '>I', zlib.crc32(kind + data) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b''))


W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')


def para(text, style=None, bold=False, size=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ''
    rpr = ''
    if bold or size:
        rpr = '<w:rPr>' + ('<w:b/>' if bold else '') + (f'<w:sz w:val="{size}"/>' if size else '') + '</w:rPr>'
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p>'


def heading(text, level, real):
    # Without real headings, a heading is what many forms have: a bold, bigger paragraph.
    if real:
        return para(text, style=f'Heading{level}')
    return para(text, bold=True, size=32 if level == 1 else 26)


def field_table(labels):
    rows = ''.join(
        '<w:tr><w:tc><w:tcPr><w:tcW w:w="3600" w:type="dxa"/></w:tcPr>' + para(label) + '</w:tc>'
        '<w:tc><w:tcPr><w:tcW w:w="5400" w:type="dxa"/></w:tcPr><w:p/></w:tc></w:tr>'
        for label in labels)
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9000" w:type="dxa"/>'
            '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>'
            '<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>'
            '<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>'
            '</w:tblPr><w:tblGrid><w:gridCol w:w="3600"/><w:gridCol w:w="5400"/></w:tblGrid>'
            + rows + '</w:tbl>')


def image_para(descr, cx=1828800, cy=609600):
    descr_attr = f' descr="{esc(descr)}"' if descr else ''
    return (
        '<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="1" name="Picture 1"{descr_attr}/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="0" name="logo.png"{descr_attr}/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:embed="rIdImage1"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
        '</a:graphic></wp:inline></w:drawing></w:r></w:p>')


STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:lang w:val="@LANG@"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="48"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
</w:styles>'''


def make_docx(out_rel, title, lang, creator, date, blocks, image=None):
    """blocks: list of XML paragraphs/tables; image: (descr or None, png bytes) or None."""
    body = ''.join(blocks)
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<w:document xmlns:w="{W}" xmlns:r="{R}" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
           f'<w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
           '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" '
           'w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            + ('<Relationship Id="rIdImage1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>' if image else '')
            + '</Relationships>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
                 '</Relationships>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Default Extension="png" ContentType="image/png"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
             '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
             '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
             '</Types>')
    iso = f'{date[0:4]}-{date[4:6]}-{date[6:8]}T{date[8:10]}:{date[10:12]}:00Z'
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            + (f'<dc:title>{esc(title)}</dc:title>' if title else '')
            + f'<dc:creator>{esc(creator)}</dc:creator><dc:language>{lang}</dc:language>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{iso}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{iso}</dcterms:modified>'
            '</cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>plainsight corpora/sector/make_documents.py</Application></Properties>')
    out = os.path.join(HERE, out_rel)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    stamp = (int(date[0:4]), int(date[4:6]), int(date[6:8]), int(date[8:10]), int(date[10:12]), 0)
    parts = [('[Content_Types].xml', types), ('_rels/.rels', root_rels),
             ('word/document.xml', doc), ('word/_rels/document.xml.rels', rels),
             ('word/styles.xml', STYLES.replace('@LANG@', lang)),
             ('docProps/core.xml', core), ('docProps/app.xml', app)]
    if image:
        parts.append(('word/media/image1.png', image[1]))
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data if isinstance(data, bytes) else data.encode('utf-8'))
    print(f'{out_rel}: {os.path.getsize(out)} bytes')


def docx_documents():
    # Clonmore: real headings, the logo has a text alternative; its HTML alternative is
    # clonmore-coco/services/housing/adaptation-grant-form.html.
    real = True
    make_docx(
        'clonmore-coco/documents/housing-adaptation-grant-application-form.docx',
        'Housing adaptation grant application form', 'en-IE', 'Clonmore County Council',
        '202602100900',
        [image_para('Clonmore County Council logo'),
         para('Housing adaptation grant for people with a disability: application form', style='Title'),
         para('Fill in every part. Send the form to the Housing Section, Clonmore County Council, '
              'Áras an Chontae, Main Street, Clonmore, X99 C4N2. Questions: (043) 555 0140.'),
         heading('Part 1: About you', 1, real),
         field_table(['Your name', 'Address and Eircode', 'Phone number', 'Email address', 'PPS number']),
         heading('Part 2: About the person with a disability', 1, real),
         field_table(['Their name', 'How they are related to you', 'Their disability, in a few words']),
         para('Attach a letter from their doctor.'),
         heading('Part 3: The work you want to do', 1, real),
         field_table(['What you want to change', 'Quote 1 (builder and amount)', 'Quote 2 (builder and amount)']),
         para('If the work costs €8,000 or more, attach the occupational therapist\'s report.'),
         heading('Part 4: Your household income', 1, real),
         field_table(['Gross income of everyone aged 18 or over, last year']),
         heading('Part 5: Declaration', 1, real),
         para('I confirm that what I wrote on this form is true, and that I will not start the work '
              'until the council approves the grant.'),
         field_table(['Signature', 'Date'])],
        image=('Clonmore County Council logo', png(96, 32, (15, 81, 50), (255, 255, 255))))

    # Kilbrack: "headings" are bold paragraphs, the crest has no text alternative, no title.
    real = False
    make_docx(
        'kilbrack-coco/uploads/files/Parking-Permit-Application-Form.docx',
        None, 'en-IE', 'KCC Roads', '202403040930',
        [image_para(None),
         heading('APPLICATION FOR RESIDENTS PARKING PERMIT', 1, real),
         para('Section 36 of the Road Traffic Act 1994 and Kilbrack Town Parking Bye-Laws 2019'),
         heading('SECTION A - APPLICANT DETAILS', 2, real),
         field_table(['Name', 'Address', 'Telephone', 'Vehicle Registration No.']),
         heading('SECTION B - DOCUMENTATION', 2, real),
         para('Applicants must enclose the following: (i) copy of Vehicle Registration Certificate; '
              '(ii) proof of residency dated within the last 3 months; (iii) fee of €40.'),
         heading('SECTION C - DECLARATION', 2, real),
         para('I hereby declare that the information furnished is correct and I undertake to comply '
              'with the Bye-Laws.'),
         field_table(['Signed', 'Date']),
         para('Office Use Only: Permit No. ______  Receipt No. ______', bold=True)],
        image=(None, png(48, 48, (122, 31, 43), (242, 209, 107))))

    # Department: real headings, no image; no HTML alternative.
    real = True
    make_docx(
        'dept-rti/publications/documents/consultation-submission-form.docx',
        'Review of the rural bus network: submission form', 'en-IE',
        'Department of Rural Transport and the Islands', '202611060900',
        [para('Review of the rural bus network: submission form', style='Title'),
         para('Return this form to busreview@drti.example.ie by 5pm on Friday 29 January 2027.'),
         heading('About you', 1, real),
         field_table(['Name', 'Organisation (if any)', 'County', 'Email']),
         heading('Your answers', 1, real),
         heading('Q1. What stops you using rural buses in your area?', 2, real), para(''),
         heading('Q2. Would later and weekend buses make you use them more?', 2, real), para(''),
         heading('Q3. What role should demand-responsive services play?', 2, real), para(''),
         heading('Q4. Anything else?', 2, real), para(''),
         heading('Freedom of information', 1, real),
         para('Submissions may be published, without personal contact details.')])

    # Agency: no headings, the logo has no text alternative, no title.
    real = False
    make_docx(
        'rural-grants/static/docs/REGA-Application-Form-2026.docx',
        None, 'en-IE', 'REGA', '202603030900',
        [image_para(None),
         heading('ENTERPRISE START-UP GRANT / DIGITAL TRANSITION VOUCHER - APPLICATION FORM 2026', 1, real),
         para('Please read the Grant Guidelines 2026 before completing this form. All sections are mandatory.'),
         heading('1. Applicant Enterprise', 2, real),
         field_table(['Legal Name', 'Trading Name', 'CRO No.', 'TCAN', 'Address', 'No. of Employees (FTE)']),
         heading('2. Project Description', 2, real),
         field_table(['Description of project', 'Total project cost (excl. VAT)', 'Grant sought']),
         heading('3. Declaration', 2, real),
         para('I declare that the enterprise is not an undertaking in difficulty and that the '
              'information provided is true and complete.'),
         field_table(['Signed (Director)', 'Date'])],
        image=(None, png(64, 24, (156, 204, 101), (255, 255, 255))))


def main():
    tmp = tempfile.mkdtemp(prefix='plainsight-docs-')
    try:
        for out, source, tagged, date in PDFS:
            make_pdf(out, source, tagged, date, tmp)
        docx_documents()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
