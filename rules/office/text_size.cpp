// office.text-size: text in a document is not set smaller than `min_points` points.
// WCAG 2.2 SC 1.4.4; EN 301 549 10.1.4.4.
// Very likely (failed, warning): a paragraph with text below the floor. Interpretation: a
// reader can zoom a document, so small print does not fail SC 1.4.4 by itself; but printed
// copies and PDFs made from the document keep it, and guidance for public bodies (the NDA's
// and GOV.UK's) asks for 12 pt body text and nothing much below it. Hence a warning with the
// paragraph, for a person to weigh.
#include <cstdio>

#include "engine/office/office_document.h"
#include "rules/catalog.h"
#include "rules/office/office_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.4.4"};
constexpr std::string_view kEn[] = {"10.1.4.4"};
constexpr engine::RuleOption kOptions[] = {
    {"min_points", 9, "text smaller than this many points is reported"},
};
constexpr std::string_view kPasses[] = {
    "word/document.xml: <w:p><w:r><w:rPr><w:sz w:val=\"24\"/></w:rPr><w:t>Bins go out on "
    "Tuesday.</w:t></w:r></w:p>",
};
constexpr std::string_view kFails[] = {
    // 7 pt (w:sz is in half points).
    "word/document.xml: <w:p><w:r><w:rPr><w:sz w:val=\"14\"/></w:rPr><w:t>Terms and conditions "
    "apply.</w:t></w:r></w:p>",
    "content.xml: <office:automatic-styles><style:style style:name=\"T1\" style:family=\"text\">"
    "<style:text-properties fo:font-size=\"6pt\"/></style:style></office:automatic-styles>"
    "<office:body><office:text><text:p>Fees apply. <text:span text:style-name=\"T1\">Terms and "
    "conditions apply.</text:span></text:p></office:text></office:body>",
};
constexpr std::string_view kInapplicable[] = {
    "word/document.xml: <w:p/>",
};

void Check(const engine::office::OfficeDocument& doc, engine::Findings& out) {
  if (doc.words == 0) {
    return;
  }
  const double min_points = kOptions[0].default_value;
  bool small = false;
  for (const engine::office::Paragraph& p : doc.paragraphs) {
    if (p.words == 0 || p.min_font_size <= 0 || p.min_font_size >= min_points) {
      continue;
    }
    small = true;
    char size[16];
    std::snprintf(size, sizeof size, "%g", p.min_font_size);
    doc::Fail(out, office_rules::ParagraphPlace(p),
              "Text in this paragraph is set in " + std::string(size) +
                  " pt, which many people cannot read in print or in a PDF made from the "
                  "document.");
  }
  if (!small) {
    doc::Pass(out, office_rules::DocumentPlace("no text below the minimum size"));
  }
}

}  // namespace

extern const engine::Rule kOfficeTextSize{
    .id = "office.text-size",
    .summary = "Text in documents is not set in very small print",
    .why =
        "Small print is hard to read for many people with low vision, and for older "
        "readers. Printed copies and PDFs made from the document cannot be reflowed.",
    .help =
        "Use at least 12 pt for body text and no less than 9 pt anywhere, including "
        "footnotes, captions and small print.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .level = "AA",
    .check_office = &Check};

}  // namespace plainsight::rules
