// pdf.display-doc-title: a PDF with a title asks readers to show it, not the file name
// (/ViewerPreferences /DisplayDocTitle true). WCAG 2.2 SC 2.4.2; EN 301 549 10.2.4.2; WCAG
// technique PDF18; ISO 14289-1 7.1; Matterhorn 07-001 (no DisplayDocTitle) and 07-002
// (DisplayDocTitle false).
// Certain (failed, error): the entry is missing or false. A PDF without a title is pdf.title's.
#include "engine/pdf/pdf_document.h"
#include "rules/catalog.h"
#include "rules/pdf/pdf_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.2"};
constexpr std::string_view kEn[] = {"10.2.4.2"};
constexpr std::string_view kTechniques[] = {"PDF18", "PDF/UA-1 7.1", "Matterhorn 07-001",
                                            "Matterhorn 07-002"};
constexpr std::string_view kPasses[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /ViewerPreferences << /DisplayDocTitle true >> >> "
    "endobj 9 0 obj << /Title (Bin collection days) >> endobj trailer << /Info 9 0 R >>",
};
constexpr std::string_view kFails[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj "
    "9 0 obj << /Title (Bin collection days) >> endobj trailer << /Info 9 0 R >>",
    "1 0 obj << /Type /Catalog /Pages 2 0 R /ViewerPreferences << /DisplayDocTitle false >> >> "
    "endobj 9 0 obj << /Title (Bin collection days) >> endobj trailer << /Info 9 0 R >>",
};
constexpr std::string_view kInapplicable[] = {
    // No title to display (pdf.title fails).
    "1 0 obj << /Type /Catalog /Pages 2 0 R /ViewerPreferences << /DisplayDocTitle true >> >> "
    "endobj",
};

void Check(const engine::pdf::PdfDocument& doc, engine::Findings& out) {
  if (!doc.HasContent() || doc.Title().empty()) {
    return;
  }
  if (doc.display_doc_title == true) {
    doc::Pass(out, pdf_rules::DocumentPlace("/DisplayDocTitle true"));
    return;
  }
  doc::Fail(
      out,
      pdf_rules::DocumentPlace(doc.display_doc_title ? "/ViewerPreferences /DisplayDocTitle false"
                                                     : "no /ViewerPreferences /DisplayDocTitle"),
      "The PDF has a title but does not ask readers to show it: the title bar shows the "
      "file name instead (/DisplayDocTitle is " +
          std::string(doc.display_doc_title ? "false" : "missing") + ").");
}

}  // namespace

extern const engine::Rule kPdfDisplayDocTitle{
    .id = "pdf.display-doc-title",
    .summary = "PDFs show their title, not their file name",
    .why =
        "Readers show and announce the file name unless the PDF asks for its title. People "
        "who switch between windows by ear hear \"doc03421.pdf\" instead of what the "
        "document is.",
    .help =
        "Turn on \"Show document title\" when exporting (Word and LibreOffice do with their "
        "accessibility options), or in a PDF editor: document properties, Initial View, "
        "Show: Document Title.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_pdf = &Check,
    .techniques = kTechniques};

}  // namespace plainsight::rules
