// office.image-alt: pictures, charts, diagrams and shapes in a document have alternative text
// (DOCX: wp:docPr descr or title, VML alt; ODT: svg:title or svg:desc) or are marked
// decorative. WCAG 2.2 SC 1.1.1; EN 301 549 10.1.1.1.
// Certain (failed, error): a picture, chart or diagram with neither. Very likely (failed,
// warning): a drawing shape with neither (many shapes are decoration; marking them decorative
// says so). Text boxes are read as text and are not targets. Whether the text describes the
// image needs a person.
#include "engine/office/office_document.h"
#include "rules/catalog.h"
#include "rules/office/office_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.1.1"};
constexpr std::string_view kEn[] = {"10.1.1.1"};
constexpr std::string_view kPasses[] = {
    "word/document.xml: <w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Picture 1\" "
    "descr=\"Map of the Glasson bin routes\"/><a:graphic><a:graphicData "
    "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"/></a:graphic></wp:inline>"
    "</w:drawing></w:r></w:p>",
    // Marked decorative.
    "word/document.xml: <w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Picture 1\">"
    "<a:extLst><a:ext uri=\"{C183D7F6-B498-43B3-948B-1728B52AA6E4}\"><adec:decorative "
    "val=\"1\"/></a:ext></a:extLst></wp:docPr><a:graphic><a:graphicData "
    "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"/></a:graphic></wp:inline>"
    "</w:drawing></w:r></w:p>",
    "content.xml: <text:p><draw:frame draw:name=\"Image1\"><draw:image xlink:href=\"map.png\"/>"
    "<svg:title>Map of the Glasson bin routes</svg:title></draw:frame></text:p>",
};
constexpr std::string_view kFails[] = {
    "word/document.xml: <w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Picture 1\"/>"
    "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"/>"
    "</a:graphic></wp:inline></w:drawing></w:r></w:p>",
    "content.xml: <text:p><draw:frame draw:name=\"Image1\"><draw:image xlink:href=\"map.png\"/>"
    "</draw:frame></text:p>",
    // A chart with an empty description.
    "word/document.xml: <w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Chart 1\" "
    "descr=\" \"/><a:graphic><a:graphicData "
    "uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"/></a:graphic></wp:inline>"
    "</w:drawing></w:r></w:p>",
};
constexpr std::string_view kInapplicable[] = {
    "word/document.xml: <w:p><w:r><w:t>Bins go out on Tuesday.</w:t></w:r></w:p>",
    // A text box: its text is read.
    "content.xml: <text:p><draw:frame draw:name=\"Frame1\"><draw:text-box><text:p>Closed on "
    "bank holidays</text:p></draw:text-box></draw:frame></text:p>",
};

void Check(const engine::office::OfficeDocument& doc, engine::Findings& out) {
  for (const engine::office::DrawingObject& object : doc.objects) {
    if (object.kind == engine::office::ObjectKind::kTextBox) {
      continue;
    }
    doc::Place place = office_rules::ObjectPlace(object);
    if (object.decorative || doc::Says(object.alt) || doc::Says(object.title)) {
      doc::Pass(out, place);
    } else if (object.kind == engine::office::ObjectKind::kShape) {
      doc::Warn(out, place,
                "The shape has no alternative text and is not marked decorative: if it "
                "carries meaning, describe it; if it is decoration, mark it decorative.");
    } else {
      doc::Fail(out, place,
                "The " + std::string(engine::office::ObjectKindName(object.kind)) +
                    " has no alternative text: screen reader users do not know what it shows.");
    }
  }
}

}  // namespace

extern const engine::Rule kOfficeImageAlt{
    .id = "office.image-alt",
    .summary = "Images, charts and shapes in documents have alternative text",
    .why =
        "People who cannot see a picture, chart or diagram get its information only from "
        "its alternative text, which also carries into the PDF exported from the document.",
    .help =
        "Add alternative text (Word: right-click the image, View Alt Text; LibreOffice: "
        "right-click, Properties, Options, Text Alternative). Say what the image shows or "
        "means; mark pure decoration as decorative.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kCritical,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_office = &Check};

}  // namespace plainsight::rules
