// office.title: a DOCX or ODT document has a title in its properties (DOCX docProps/core.xml
// dc:title; ODT meta.xml dc:title). WCAG 2.2 SC 2.4.2; EN 301 549 10.2.4.2.
// Certain (failed, error): no title or an empty one: readers and the PDFs exported from the
// document show the file name. Very likely (failed, warning): the title is a file name.
// Whether the title describes the document needs a person.
#include "engine/office/office_document.h"
#include "rules/catalog.h"
#include "rules/office/office_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.2"};
constexpr std::string_view kEn[] = {"10.2.4.2"};
constexpr std::string_view kPasses[] = {
    "docProps/core.xml: <dc:title>Bin collection days</dc:title>\n"
    "word/document.xml: <w:p><w:r><w:t>Bins go out on Tuesday.</w:t></w:r></w:p>",
    "meta.xml: <dc:title>Bin collection days</dc:title>\n"
    "content.xml: <text:p>Bins go out on Tuesday.</text:p>",
};
constexpr std::string_view kFails[] = {
    "word/document.xml: <w:p><w:r><w:t>Bins go out on Tuesday.</w:t></w:r></w:p>",
    "meta.xml: <dc:title> </dc:title>\ncontent.xml: <text:p>Bins go out on Tuesday.</text:p>",
    "docProps/core.xml: <dc:title>minutes_final_v2.docx</dc:title>\n"
    "word/document.xml: <w:p><w:r><w:t>Minutes of the meeting.</w:t></w:r></w:p>",
};
constexpr std::string_view kInapplicable[] = {
    // Nothing in it.
    "word/document.xml: <w:p/>",
};

void Check(const engine::office::OfficeDocument& doc, engine::Findings& out) {
  if (!doc.HasContent()) {
    return;
  }
  const char* where =
      doc.format == engine::office::OfficeFormat::kDocx ? "docProps/core.xml" : "meta.xml";
  doc::JudgeTitle(out, engine::CollapseWhitespace(doc.title.value_or("")),
                  office_rules::DocumentPlace(std::string(where) + " dc:title"),
                  "The document has no title in its properties, so readers and the PDFs made "
                  "from it show the file name.",
                  "The document's");
}

}  // namespace

extern const engine::Rule kOfficeTitle{
    .id = "office.title",
    .summary = "Word-processing documents have a title",
    .why =
        "The title is announced when the document opens, shown in the window, and carried "
        "into the PDF exported from it. Without one, people get a file name.",
    .help =
        "Set the title in the document's properties (Word: File, Info, Title; LibreOffice: "
        "File, Properties, Description, Title). Say what the document is.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_office = &Check};

}  // namespace plainsight::rules
