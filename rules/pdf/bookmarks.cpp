// pdf.bookmarks: a PDF of more than `min_pages` - 1 pages (the "over 20") has bookmarks
// (an outline) to move around it. WCAG 2.2 SC 2.4.5 (AA); WCAG technique PDF2.
// EN 301 549: none. Clause 10.2.4.5 (Multiple ways) is void for documents (WCAG2ICT: it
// applies to sets of documents), so this is a WCAG AA check on the document alone.
// Very likely (failed, warning): a long document without any bookmark; readers with the
// headings panel may still get around, which a person can judge.
#include "engine/pdf/pdf_document.h"
#include "rules/catalog.h"
#include "rules/pdf/pdf_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.5"};
constexpr std::string_view kTechniques[] = {"PDF2"};
constexpr engine::RuleOption kOptions[] = {
    {"min_pages", 21, "documents with at least this many pages need bookmarks"},
};
// 21 pages: the page tree lists the same page object 21 times.
constexpr std::string_view kPasses[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >> endobj "
    "2 0 obj << /Type /Pages /Kids [3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R "
    "3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R] /Count 21 >> endobj "
    "6 0 obj << /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >> endobj "
    "7 0 obj << /Title (Fees) /Parent 6 0 R /Dest [3 0 R /Fit] >> endobj",
};
constexpr std::string_view kFails[] = {
    "2 0 obj << /Type /Pages /Kids [3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R "
    "3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R 3 0 R] /Count 21 >> endobj ",
};
constexpr std::string_view kInapplicable[] = {
    // One page.
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
};

void Check(const engine::pdf::PdfDocument& doc, engine::Findings& out) {
  const double min_pages = kOptions[0].default_value;
  if (doc.page_count < min_pages) {
    return;
  }
  doc::Place place = pdf_rules::DocumentPlace(std::to_string(doc.page_count) + " pages, " +
                                              std::to_string(doc.outline_items) + " bookmarks");
  if (doc.outline_items > 0) {
    doc::Pass(out, place);
  } else {
    doc::Fail(out, place,
              "The PDF has " + std::to_string(doc.page_count) +
                  " pages and no bookmarks: people who cannot scan pages by eye have no "
                  "quick way to its sections.");
  }
}

}  // namespace

extern const engine::Rule kPdfBookmarks{
    .id = "pdf.bookmarks",
    .summary = "Long PDFs have bookmarks",
    .why =
        "Bookmarks let people go straight to a section of a long document. Without them, "
        "people who use a keyboard or a screen reader page through dozens of pages.",
    .help =
        "Use heading styles in the source document and export with bookmarks (Word: Save as "
        "PDF, Options, \"Create bookmarks using headings\"; LibreOffice: Export as PDF, "
        "\"Export outlines\").",
    .wcag = kWcag,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .level = "AA",
    .check_pdf = &Check,
    .techniques = kTechniques};

}  // namespace plainsight::rules
