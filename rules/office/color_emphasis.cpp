// office.color-emphasis: emphasis is not given by colour alone. WCAG 2.2 SC 1.4.1;
// EN 301 549 10.1.4.1; WCAG failures F73 (links told apart by colour only) and F81.
// Very likely (failed, warning): a run of text in a paragraph whose colour or highlight
// differs from the rest of the paragraph while nothing else does (not bold, italic,
// underlined, in capitals or larger), and a link shown only by its colour. What the colour
// means needs a person: that is why this is a warning. A paragraph all in one colour is design,
// not emphasis, and is not reported.
#include "engine/office/office_document.h"
#include "rules/catalog.h"
#include "rules/office/office_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.4.1"};
constexpr std::string_view kEn[] = {"10.1.4.1"};
constexpr std::string_view kPasses[] = {
    // Red and bold: not colour alone.
    "word/document.xml: <w:p><w:r><w:t xml:space=\"preserve\">Bins go out </w:t></w:r><w:r>"
    "<w:rPr><w:b/><w:color w:val=\"C00000\"/></w:rPr><w:t>before 7 am</w:t></w:r><w:r><w:t>."
    "</w:t></w:r></w:p>",
};
constexpr std::string_view kFails[] = {
    "word/document.xml: <w:p><w:r><w:t xml:space=\"preserve\">Bins go out </w:t></w:r><w:r>"
    "<w:rPr><w:color w:val=\"C00000\"/></w:rPr><w:t>before 7 am</w:t></w:r><w:r><w:t>.</w:t>"
    "</w:r></w:p>",
    "content.xml: <office:automatic-styles><style:style style:name=\"T1\" style:family=\"text\">"
    "<style:text-properties fo:background-color=\"#ffff00\"/></style:style>"
    "</office:automatic-styles><office:body><office:text><text:p>Bring <text:span "
    "text:style-name=\"T1\">photo ID</text:span> to the office.</text:p></office:text>"
    "</office:body>",
};
constexpr std::string_view kInapplicable[] = {
    "word/document.xml: <w:p/>",
};

void Check(const engine::office::OfficeDocument& doc, engine::Findings& out) {
  if (doc.words == 0) {
    return;
  }
  bool any = false;
  for (const engine::office::Paragraph& p : doc.paragraphs) {
    for (const engine::office::ColourRun& run : p.colour_only) {
      any = true;
      doc::Place place = office_rules::ParagraphPlace(p);
      place.snippet += " " + run.colour + " " + doc::Quote(run.text);
      doc::Fail(out, place,
                run.link ? "This link is set apart from the text around it by colour only: "
                           "people who do not see the colour cannot tell it is a link."
                         : "The text " + doc::Quote(run.text) + " is emphasised by colour (" +
                               run.colour +
                               ") alone: people who do not see the colour miss the emphasis.");
    }
  }
  if (!any) {
    doc::Pass(out, office_rules::DocumentPlace("no emphasis by colour alone"));
  }
}

}  // namespace

extern const engine::Rule kOfficeColorEmphasis{
    .id = "office.color-emphasis",
    .summary = "Documents do not emphasise text by colour alone",
    .why =
        "People who are colour blind, use a screen reader, or print in black and white do "
        "not see that red text is a warning or that blue text is a link.",
    .help =
        "Add a second cue to coloured emphasis: make it bold, or say it in words "
        "(\"Important:\"); underline links.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_office = &Check};

}  // namespace plainsight::rules
