// pdf.tagged: a PDF carries a structure tree (is "tagged") so assistive technology knows what
// each piece of content is and in which order to read it. WCAG 2.2 SC 1.3.1; EN 301 549
// 10.1.3.1; ISO 14289-1 (PDF/UA-1) 7.1; Matterhorn 01-005 (content neither artifact nor
// tagged, which is all of an untagged file's content) and 01-007 (/Suspects true).
// Certain (failed, error): no /StructTreeRoot, an empty tree, or /MarkInfo without
// /Marked true. Very likely (failed, warning): /Suspects true, the producer's own doubt.
// Whether the tags fit the content (Matterhorn 01-006) needs a person; the other pdf.* rules
// check what they can of it.
#include "engine/pdf/pdf_document.h"
#include "rules/catalog.h"
#include "rules/pdf/pdf_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"10.1.3.1"};
constexpr std::string_view kTechniques[] = {"PDF/UA-1 7.1", "Matterhorn 01-005",
                                            "Matterhorn 01-007"};
constexpr std::string_view kPasses[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /P /Pg 3 0 R /K 0 >> endobj",
};
constexpr std::string_view kFails[] = {
    // No structure tree.
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    // A structure tree, but /Marked is not true.
    "1 0 obj << /Type /Catalog /Pages 2 0 R /StructTreeRoot 6 0 R >> endobj "
    "6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /P /Pg 3 0 R /K 0 >> endobj",
    // A structure tree without elements.
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot >> endobj",
};
constexpr std::string_view kInapplicable[] = {
    // Nothing on the page: nothing to tag.
    "4 0 obj << >> stream\n\nendstream endobj",
};

void Check(const engine::pdf::PdfDocument& doc, engine::Findings& out) {
  if (!doc.HasContent()) {
    return;
  }
  doc::Place place = pdf_rules::DocumentPlace("the document's catalog");
  if (!doc.has_struct_tree) {
    doc::Fail(out, place,
              "The PDF is not tagged: it has no structure tree, so assistive technology cannot "
              "tell its headings, paragraphs, lists, tables and figures apart or know their "
              "reading order.");
  } else if (doc.elements.empty()) {
    doc::Fail(out, place, "The PDF's structure tree is empty: none of its content is tagged.");
  } else if (!doc.marked) {
    doc::Fail(out, place,
              "The PDF has tags but its /MarkInfo dictionary does not say /Marked true, so "
              "readers may ignore them.");
  } else if (doc.suspects) {
    doc::Warn(out, place,
              "The PDF says its tags may be wrong (/MarkInfo /Suspects true): the program that "
              "made it was not sure it tagged the content correctly.");
  } else {
    doc::Pass(out, place);
  }
}

}  // namespace

extern const engine::Rule kPdfTagged{
    .id = "pdf.tagged",
    .summary = "PDFs are tagged",
    .why =
        "Tags tell screen readers and reflow what each part of a PDF is (a heading, a list, a "
        "table, a figure) and in which order to read it. An untagged PDF is read as one "
        "stream of text, often in the wrong order, and its tables and images are lost.",
    .help =
        "Export the PDF from the source document with tags on (Word: Save as PDF, Options, "
        "\"Document structure tags for accessibility\"; LibreOffice: Export as PDF, "
        "\"Universal Accessibility (PDF/UA)\"), or add tags in a PDF editor.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kCritical,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_pdf = &Check,
    .techniques = kTechniques};

}  // namespace plainsight::rules
