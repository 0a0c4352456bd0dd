// pdf.font-unicode: the characters of every font map to Unicode, so that the text a reader
// extracts (for speech, braille, search, copying) is the text on the page. WCAG 2.2 SC 1.1.1
// (glyphs that cannot be mapped are, to assistive technology, shapes without a text
// alternative); EN 301 549 10.1.1.1; ISO 14289-1 7.21.7; Matterhorn 10-001 (character code
// cannot be mapped to Unicode).
// Certain (failed, error): a composite font with Identity encoding and no ToUnicode map, or a
// Type 3 font with glyph names that say nothing. Very likely (failed, warning): a simple font
// without ToUnicode that relies on its embedded encoding or on non-standard glyph names
// (ISO 32000-1 9.10.2 leaves the reader guessing). The mapping methods are the model's
// (engine/pdf/pdf_content.cpp, Classify).
#include "engine/pdf/pdf_document.h"
#include "rules/catalog.h"
#include "rules/pdf/pdf_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.1.1"};
constexpr std::string_view kEn[] = {"10.1.1.1"};
constexpr std::string_view kTechniques[] = {"PDF/UA-1 7.21.7", "Matterhorn 10-001"};
constexpr std::string_view kPasses[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
};
constexpr std::string_view kFails[] = {
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    "/Resources << /Font << /F1 6 0 R >> >> >> endobj "
    "4 0 obj << >> stream\nBT /F1 12 Tf 72 770 Td <00410042> Tj ET\nendstream endobj "
    "6 0 obj << /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Calibri /Encoding /Identity-H "
    "/DescendantFonts [7 0 R] >> endobj "
    "7 0 obj << /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Calibri /CIDSystemInfo "
    "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    "/Resources << /Font << /F1 6 0 R >> >> >> endobj "
    "4 0 obj << >> stream\nBT /F1 12 Tf 72 770 Td <0102> Tj ET\nendstream endobj "
    "6 0 obj << /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [1 0 0 1 0 0] "
    "/CharProcs << >> /Encoding << /Differences [1 /g1 /g2] >> /FirstChar 1 /LastChar 2 "
    "/Widths [1 1] >> endobj",
};
constexpr std::string_view kInapplicable[] = {
    // No fonts: a blank page without resources.
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj",
};

void Check(const engine::pdf::PdfDocument& doc, engine::Findings& out) {
  for (const engine::pdf::PdfFont& font : doc.fonts) {
    std::string what = "font " + doc::Quote(font.name) + " (" + font.subtype + ")";
    doc::Place place = font.first_page > 0 ? pdf_rules::PagePlace(font.first_page, what)
                                           : pdf_rules::DocumentPlace(what);
    place.selector = "font " + doc::Quote(font.name);
    switch (font.mapping) {
      case engine::pdf::UnicodeMapping::kMapped:
        doc::Pass(out, place);
        break;
      case engine::pdf::UnicodeMapping::kUnmapped:
        doc::Fail(out, place,
                  "The text in font " + doc::Quote(font.name) +
                      " cannot be turned back into characters (" + font.reason +
                      "): screen readers read it as nothing or as nonsense.");
        break;
      case engine::pdf::UnicodeMapping::kUncertain:
        doc::Warn(out, place,
                  "The text in font " + doc::Quote(font.name) + " may not map to characters (" +
                      font.reason + "): copy some of it from the PDF and check it reads right.");
        break;
    }
  }
}

}  // namespace

extern const engine::Rule kPdfFontUnicode{
    .id = "pdf.font-unicode",
    .summary = "PDF fonts map their characters to Unicode",
    .why =
        "A PDF stores glyph numbers, not letters. Without a map back to Unicode, a screen "
        "reader, search or copy-and-paste gets nothing, or strings of nonsense, where the "
        "page shows words.",
    .help =
        "Export from the source document with fonts embedded by a current tool (Word, "
        "LibreOffice and browsers add the maps); avoid printing to PDF through old drivers. "
        "A PDF editor's preflight can add ToUnicode maps.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_pdf = &Check,
    .techniques = kTechniques};

}  // namespace plainsight::rules
