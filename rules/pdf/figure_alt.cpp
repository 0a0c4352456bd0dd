// pdf.figure-alt: every Figure in the structure tree has alternative text (/Alt) or a
// replacement (/ActualText). WCAG 2.2 SC 1.1.1; EN 301 549 10.1.1.1; WCAG technique PDF1;
// ISO 14289-1 7.3; Matterhorn 13-004 (Figure tag alternative or replacement text missing).
// Certain (failed, error): a Figure (after role mapping) with neither, or only white space.
// Interpretation: decorative images are artifacts, not Figures (PDF4); a Figure is content.
// Whether the text describes the image needs a person.
#include "engine/pdf/pdf_document.h"
#include "rules/catalog.h"
#include "rules/pdf/pdf_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.1.1"};
constexpr std::string_view kEn[] = {"10.1.1.1"};
constexpr std::string_view kTechniques[] = {"PDF1", "PDF/UA-1 7.3", "Matterhorn 13-004"};
constexpr std::string_view kPasses[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /Figure /Pg 3 0 R /Alt (Map of the Glasson bin routes) /K 0 >> endobj",
    // A custom type role-mapped to Figure, with a replacement text.
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /RoleMap << /Logo /Figure >> /K [7 0 R] >> "
    "endobj 7 0 obj << /S /Logo /Pg 3 0 R /ActualText (Ballykeeran County Council) /K 0 >> "
    "endobj",
};
constexpr std::string_view kFails[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /Figure /Pg 3 0 R /K 0 >> endobj",
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /Figure /Pg 3 0 R /Alt ( ) /K 0 >> endobj",
};
constexpr std::string_view kInapplicable[] = {
    // Tagged, no figures.
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /P /Pg 3 0 R /K 0 >> endobj",
    // Untagged: pdf.tagged fails; there are no Figures to check.
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
};

void Check(const engine::pdf::PdfDocument& doc, engine::Findings& out) {
  for (const engine::pdf::StructElement& e : doc.elements) {
    if (e.type != "Figure") {
      continue;
    }
    if (doc::Says(e.alt) || doc::Says(e.actual_text)) {
      doc::Pass(out, pdf_rules::ElementPlace(e));
    } else {
      doc::Fail(out, pdf_rules::ElementPlace(e),
                e.alt ? "The figure's alternative text (/Alt) is empty."
                      : "The figure has no alternative text (/Alt): screen readers skip it or "
                        "say only \"graphic\".");
    }
  }
}

}  // namespace

extern const engine::Rule kPdfFigureAlt{
    .id = "pdf.figure-alt",
    .summary = "Figures in tagged PDFs have alternative text",
    .why =
        "People who cannot see a chart, map or photo get its information only from the "
        "alternative text. Without it they miss what the figure shows.",
    .help =
        "Give each image alternative text in the source document (Word: right-click, View "
        "Alt Text; LibreOffice: Properties, Options, Text Alternative) before exporting, or "
        "set /Alt on the Figure tag in a PDF editor. Mark pure decoration as an artifact.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kCritical,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_pdf = &Check,
    .techniques = kTechniques};

}  // namespace plainsight::rules
