// office.heading-order: a document's headings start at level 1 and skip no level on the way
// down (Heading 1 then Heading 2, not Heading 3). WCAG 2.2 SC 1.3.1; EN 301 549 10.1.3.1.
// Very likely (failed, warning): the first heading is below level 1, or a heading is more
// than one level below the one before it. Certain facts, but WCAG allows a skipped level when
// the structure stays clear: a person decides.
// Interpretation: the Title style is not a numbered heading and is not counted.
#include "engine/office/office_document.h"
#include "rules/catalog.h"
#include "rules/office/office_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"10.1.3.1"};
constexpr std::string_view kPasses[] = {
    "content.xml: <text:h text:outline-level=\"1\">Fees</text:h><text:h "
    "text:outline-level=\"2\">Extensions</text:h><text:h text:outline-level=\"1\">Appeals"
    "</text:h>",
};
constexpr std::string_view kFails[] = {
    "content.xml: <text:h text:outline-level=\"1\">Fees</text:h><text:h "
    "text:outline-level=\"3\">Extensions</text:h>",
    "word/document.xml: <w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>Fees</w:t>"
    "</w:r></w:p>",
};
constexpr std::string_view kInapplicable[] = {
    "content.xml: <text:p>Bins go out on Tuesday.</text:p>",
};

void Check(const engine::office::OfficeDocument& doc, engine::Findings& out) {
  doc::HeadingOrder order(
      [](int level) {
        return "The first heading is at level " + std::to_string(level) +
               ", not 1: the document's outline starts below its top level.";
      },
      [](int level, int previous) {
        return "A level " + std::to_string(level) + " heading follows a level " +
               std::to_string(previous) + " heading: level " + std::to_string(previous + 1) +
               " is skipped.";
      });
  for (const engine::office::Paragraph& p : doc.paragraphs) {
    if (p.heading_level == 0 || p.words == 0) {
      continue;
    }
    order.Judge(out, office_rules::ParagraphPlace(p), p.heading_level);
  }
}

}  // namespace

extern const engine::Rule kOfficeHeadingOrder{
    .id = "office.heading-order",
    .summary = "Headings in word-processing documents start at level 1 and skip no level",
    .why =
        "People who navigate by headings judge from their levels which section belongs to "
        "which; a skipped level makes them look for a section that is not there.",
    .help =
        "Use Heading 1 for the main sections and Heading 2 for sections inside them, in "
        "order; change a style's look rather than picking a level for its size.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_office = &Check};

}  // namespace plainsight::rules
