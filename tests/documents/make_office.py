#!/usr/bin/env python3
"""Writes the DOCX and ODT test documents from hand-written XML (ECMA-376 WordprocessingML,
OASIS OpenDocument 1.3), zipped with fixed timestamps so that the files are reproducible:

  good.docx / good.odt  title, language, heading styles, an image with alternative text, a table
                        with a header row, a descriptive link
  bad.docx / bad.odt    none of those: no title or language, bold and large paragraphs instead
                        of headings, a skipped heading level, an image without alternative text,
                        a table without a header row, "click here", 7 pt text, red-only emphasis

Usage: make_office.py OUTPUT_DIR"""
import struct
import sys
import zipfile
import zlib

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
DATE = (2024, 1, 1, 0, 0, 0)


def png(rgb):
    """A 4x4 PNG of one colour."""
    raw = b"".join(b"\x00" + bytes(rgb) * 4 for _ in range(4))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def write_zip(path, members):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, DATE)
            # ODF: the mimetype member first and stored (OpenDocument 1.3 part 2, 3.3).
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, data)


# ---------------------------------------------------------------------------------------------
# DOCX

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.ballykeeran.ie/bins" TargetMode="External"/>
</Relationships>"""


def core(title):
    t = f"<dc:title>{title}</dc:title>" if title else ""
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{t}<dc:creator>Ballykeeran County Council</dc:creator></cp:coreProperties>"""


def styles(lang):
    lang_xml = f'<w:lang w:val="{lang}"/>' if lang else ""
    heading = ""
    for level, size in ((1, 32), (2, 28), (3, 26)):
        heading += (f'<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/>'
                    f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
                    f'<w:pPr><w:keepNext/><w:outlineLvl w:val="{level - 1}"/></w:pPr>'
                    f'<w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr></w:style>')
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="24"/>{lang_xml}</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
{heading}
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
</w:styles>"""


SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="720"/></w:settings>"""


def p(text, style=None, rpr=""):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    rp = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:p>{ppr}<w:r>{rp}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def runs(*parts):
    out = "<w:p>"
    for text, rpr in parts:
        rp = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
        out += f'<w:r>{rp}<w:t xml:space="preserve">{text}</w:t></w:r>'
    return out + "</w:p>"


def image(descr):
    d = f' descr="{descr}"' if descr is not None else ""
    return (f'<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="Picture 1"{d}/>'
            f'<a:graphic><a:graphicData uri="{PIC}"><pic:pic><pic:nvPicPr>'
            f'<pic:cNvPr id="0" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
            f'</a:graphic></wp:inline></w:drawing></w:r></w:p>')


def table(header_row):
    def cell(text):
        return f'<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>{p(text)}</w:tc>'

    head = "<w:trPr><w:tblHeader/></w:trPr>" if header_row else ""
    rows = [("Area", "Day"), ("Ballykeeran town", "Tuesday"), ("Glasson", "Wednesday")]
    out = ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
           '<w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>')
    for i, (a, b) in enumerate(rows):
        out += f"<w:tr>{head if i == 0 else ''}{cell(a)}{cell(b)}</w:tr>"
    return out + "</w:tbl>"


def link(text):
    return (f'<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rId3">'
            f'<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>{text}</w:t></w:r></w:hyperlink></w:p>')


def document(body):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:pic="{PIC}">'
            f'<w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')


def docx(path, title, lang, body):
    write_zip(path, [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("word/document.xml", document(body)),
        ("word/styles.xml", styles(lang)),
        ("word/settings.xml", SETTINGS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/media/image1.png", png((38, 115, 38))),
        ("docProps/core.xml", core(title)),
    ])


GOOD_DOCX_BODY = "".join([
    p("Bin collection days", "Heading1"),
    p("We collect your bins every Tuesday. Put them out by 7 in the morning."),
    p("Green bin", "Heading2"),
    p("Put paper, cardboard and clean plastic in the green bin."),
    image("A green wheelie bin"),
    p("Collection days by area", "Heading2"),
    table(True),
    link("the bin collection calendar"),
])

BAD_DOCX_BODY = "".join([
    p("Planning permission", rpr='<w:b/><w:sz w:val="36"/>'),
    p("In accordance with the provisions of the Planning and Development Acts it is hereby "
      "notified that applications for permission shall be submitted to the planning authority."),
    p("How to apply", rpr="<w:b/>"),
    runs(("Fill in the form and send it to us. Forms must arrive ", ""),
         ("before Friday", '<w:color w:val="FF0000"/>'), (" or they will not be accepted.", "")),
    image(None),
    table(False),
    link("click here"),
    p("Fees", "Heading1"),
    p("Extensions", "Heading3"),
    p("An extension costs 34 euro. Terms and conditions apply.", rpr='<w:sz w:val="14"/>'),
])

# ---------------------------------------------------------------------------------------------
# ODT

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="Pictures/bin.png" manifest:media-type="image/png"/>
</manifest:manifest>"""


def odf_meta(title, lang):
    t = f"<dc:title>{title}</dc:title>" if title else ""
    l = f"<dc:language>{lang}</dc:language>" if lang else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {ODF_NS} office:version="1.3">'
            f"<office:meta>{t}{l}<meta:generator>plainsight tests</meta:generator></office:meta>"
            f"</office:document-meta>")


def odf_styles(lang, country):
    lang_attrs = f' fo:language="{lang}" fo:country="{country}"' if lang else ""
    heads = ""
    for level, size in ((1, "16pt"), (2, "14pt"), (3, "13pt")):
        heads += (f'<style:style style:name="Heading_20_{level}" style:display-name="Heading {level}" '
                  f'style:family="paragraph" style:default-outline-level="{level}">'
                  f'<style:text-properties fo:font-size="{size}" fo:font-weight="bold"/></style:style>')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ODF_NS} office:version="1.3">'
            f'<office:styles><style:default-style style:family="paragraph">'
            f'<style:text-properties fo:font-size="12pt"{lang_attrs}/></style:default-style>'
            f'<style:style style:name="Standard" style:family="paragraph"/>{heads}'
            f"</office:styles></office:document-styles>")


def odf_table(header_row):
    def row(a, b):
        return (f"<table:table-row><table:table-cell><text:p>{a}</text:p></table:table-cell>"
                f"<table:table-cell><text:p>{b}</text:p></table:table-cell></table:table-row>")

    first = row("Area", "Day")
    if header_row:
        first = f"<table:table-header-rows>{first}</table:table-header-rows>"
    return (f'<table:table table:name="Table1"><table:table-column table:number-columns-repeated="2"/>'
            f'{first}{row("Ballykeeran town", "Tuesday")}{row("Glasson", "Wednesday")}</table:table>')


def odf_image(title, desc):
    t = f"<svg:title>{title}</svg:title>" if title else ""
    d = f"<svg:desc>{desc}</svg:desc>" if desc else ""
    return (f'<text:p><draw:frame draw:name="Image1" text:anchor-type="as-char" svg:width="3cm" '
            f'svg:height="3cm"><draw:image xlink:href="Pictures/bin.png" xlink:type="simple"/>{t}{d}'
            f"</draw:frame></text:p>")


def odf_content(automatic, body):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODF_NS} office:version="1.3">'
            f"<office:automatic-styles>{automatic}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")


def odt(path, title, lang, country, automatic, body):
    write_zip(path, [
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml", MANIFEST),
        ("content.xml", odf_content(automatic, body)),
        ("styles.xml", odf_styles(lang, country)),
        ("meta.xml", odf_meta(title, f"{lang}-{country}" if lang else None)),
        ("Pictures/bin.png", png((38, 115, 38))),
    ])


GOOD_ODT_BODY = "".join([
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">Bin collection days</text:h>',
    "<text:p>We collect your bins every Tuesday. Put them out by 7 in the morning.</text:p>",
    '<text:h text:style-name="Heading_20_2" text:outline-level="2">Green bin</text:h>',
    "<text:p>Put paper, cardboard and clean plastic in the green bin.</text:p>",
    odf_image("Green bin", "A green wheelie bin"),
    '<text:h text:style-name="Heading_20_2" text:outline-level="2">Collection days by area</text:h>',
    odf_table(True),
    '<text:p>See <text:a xlink:type="simple" xlink:href="https://www.ballykeeran.ie/bins">'
    "the bin collection calendar</text:a></text:p>",
])

BAD_ODT_AUTOMATIC = (
    '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>'
    '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:text-properties fo:font-size="7pt"/></style:style>'
    '<style:style style:name="T1" style:family="text"><style:text-properties fo:color="#ff0000"/>'
    "</style:style>")

BAD_ODT_BODY = "".join([
    '<text:p text:style-name="P1">Planning permission</text:p>',
    "<text:p>In accordance with the provisions of the Planning and Development Acts it is hereby "
    "notified that applications for permission shall be submitted to the planning authority.</text:p>",
    '<text:p text:style-name="P2">How to apply</text:p>',
    '<text:p>Fill in the form and send it to us. Forms must arrive <text:span text:style-name="T1">'
    "before Friday</text:span> or they will not be accepted.</text:p>",
    odf_image(None, None),
    odf_table(False),
    '<text:p>See <text:a xlink:type="simple" xlink:href="https://www.ballykeeran.ie/planning">'
    "click here</text:a></text:p>",
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">Fees</text:h>',
    '<text:h text:style-name="Heading_20_3" text:outline-level="3">Extensions</text:h>',
    '<text:p text:style-name="P3">An extension costs 34 euro. Terms and conditions apply.</text:p>',
])


def main():
    out = sys.argv[1]
    docx(f"{out}/good.docx", "Bin collection days", "en-IE", GOOD_DOCX_BODY)
    docx(f"{out}/bad.docx", None, None, BAD_DOCX_BODY)
    odt(f"{out}/good.odt", "Bin collection days", "en", "IE", "", GOOD_ODT_BODY)
    odt(f"{out}/bad.odt", None, None, None, BAD_ODT_AUTOMATIC, BAD_ODT_BODY)


if __name__ == "__main__":
    main()
