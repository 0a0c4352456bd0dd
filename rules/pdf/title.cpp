// pdf.title: a PDF has a title in its metadata. WCAG 2.2 SC 2.4.2; EN 301 549 10.2.4.2; WCAG
// technique PDF18; ISO 14289-1 7.1; Matterhorn 06-003 (no dc:title in the XMP metadata).
// Certain (failed, error): neither the XMP dc:title nor the document information /Title says
// anything. Very likely (failed, warning): the title is a file name ("report_v3.docx",
// "Microsoft Word - minutes.doc"), which producers put there when the author gave none.
// Interpretation: either title passes; PDF/UA wants dc:title, WCAG's PDF18 the /Title, and
// readers show either. Whether it describes the document needs a person.
#include "engine/pdf/pdf_document.h"
#include "rules/catalog.h"
#include "rules/pdf/pdf_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.2"};
constexpr std::string_view kEn[] = {"10.2.4.2"};
constexpr std::string_view kTechniques[] = {"PDF18", "PDF/UA-1 7.1", "Matterhorn 06-003"};
constexpr std::string_view kPasses[] = {
    "9 0 obj << /Title (Bin collection days - Ballykeeran County Council) >> endobj "
    "trailer << /Info 9 0 R >>",
    "1 0 obj << /Type /Catalog /Pages 2 0 R /Metadata 9 0 R >> endobj "
    "9 0 obj << /Type /Metadata /Subtype /XML >> stream\n"
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
    "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title><rdf:Alt><rdf:li "
    "xml:lang=\"x-default\">Planning fees 2024</rdf:li></rdf:Alt></dc:title></rdf:Description>"
    "</rdf:RDF></x:xmpmeta>\nendstream endobj",
};
constexpr std::string_view kFails[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "9 0 obj << /Title (   ) >> endobj trailer << /Info 9 0 R >>",
    "9 0 obj << /Title (Microsoft Word - minutes_final_v2.docx) >> endobj "
    "trailer << /Info 9 0 R >>",
};
constexpr std::string_view kInapplicable[] = {
    "4 0 obj << >> stream\n\nendstream endobj",
};

void Check(const engine::pdf::PdfDocument& doc, engine::Findings& out) {
  if (!doc.HasContent()) {
    return;
  }
  doc::JudgeTitle(out, doc.Title(), pdf_rules::DocumentPlace("the document's metadata"),
                  "The PDF has no title: neither its XMP metadata (dc:title) nor its document "
                  "information (/Title) gives one, so readers show the file name.",
                  "The PDF's");
}

}  // namespace

extern const engine::Rule kPdfTitle{
    .id = "pdf.title",
    .summary = "PDFs have a title",
    .why =
        "The title is what a screen reader announces when the PDF opens and what the window "
        "and tab show. Without one, people hear a file name such as \"doc03421.pdf\".",
    .help =
        "Give the source document a title before exporting (Word: File, Info, Title; "
        "LibreOffice: File, Properties, Description), or set it in a PDF editor's document "
        "properties. Say what the document is: \"Bin collection days 2024\".",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_pdf = &Check,
    .techniques = kTechniques};

}  // namespace plainsight::rules
