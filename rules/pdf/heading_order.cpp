// pdf.heading-order: numbered headings (H1 to H6) in the structure tree start at H1 and skip no
// level on the way down. WCAG 2.2 SC 1.3.1; EN 301 549 10.1.3.1; WCAG technique PDF9; ISO
// 14289-1 7.4.2; Matterhorn 14-002 (the first heading is not H1) and 14-003 (a level is
// skipped, as H3 after H1).
// Very likely (failed, warning): both conditions are certain facts and PDF/UA failures, but
// WCAG does not forbid skipping levels when the structure is still clear: a person decides.
#include "engine/pdf/pdf_document.h"
#include "rules/catalog.h"
#include "rules/pdf/pdf_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"10.1.3.1"};
constexpr std::string_view kTechniques[] = {"PDF9", "PDF/UA-1 7.4.2", "Matterhorn 14-002",
                                            "Matterhorn 14-003"};
constexpr std::string_view kPasses[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /Document /K [<< /S /H1 /Pg 3 0 R /K 0 >> << /S /H2 >> << /S /H3 >> "
    "<< /S /H2 >>] >> endobj",
};
constexpr std::string_view kFails[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /Document /K [<< /S /H1 /Pg 3 0 R /K 0 >> << /S /H3 >>] >> endobj",
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /Document /K [<< /S /H2 /Pg 3 0 R /K 0 >>] >> endobj",
};
constexpr std::string_view kInapplicable[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /P /Pg 3 0 R /K 0 >> endobj",
};

void Check(const engine::pdf::PdfDocument& doc, engine::Findings& out) {
  doc::HeadingOrder order(
      [](int level) {
        return "The first heading is H" + std::to_string(level) +
               ", not H1: the document's outline starts below its top level.";
      },
      [](int level, int previous) {
        return "H" + std::to_string(level) + " follows H" + std::to_string(previous) +
               ": heading level " + std::to_string(previous + 1) + " is skipped.";
      });
  for (const engine::pdf::StructElement& e : doc.elements) {
    int level = pdf_rules::HeadingLevel(e);
    if (level == 0) {
      continue;
    }
    order.Judge(out, pdf_rules::ElementPlace(e), level);
  }
}

}  // namespace

extern const engine::Rule kPdfHeadingOrder{
    .id = "pdf.heading-order",
    .summary = "Headings in tagged PDFs start at H1 and skip no level",
    .why =
        "Screen reader users move through a document by its headings and judge from their "
        "levels which section belongs to which. A skipped level makes them look for a "
        "section that is not there.",
    .help =
        "Use the heading styles in order in the source document (Heading 1, then Heading 2 "
        "under it) before exporting, or retag the headings in a PDF editor.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_pdf = &Check,
    .techniques = kTechniques};

}  // namespace plainsight::rules
