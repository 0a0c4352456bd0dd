// pdf.form-field-name: every visible form field has a name assistive technology announces: a
// tooltip (/TU) or, for tagged forms, /Alt on the structure element holding its widget.
// WCAG 2.2 SC 1.3.1 and 4.1.2; EN 301 549 10.1.3.1 and 10.4.1.2; WCAG techniques PDF10 and
// PDF12; ISO 14289-1 7.18.1; Matterhorn 28-005 (a form field has no TU and no Alt).
// Certain (failed, error): neither is set (or only white space). Hidden fields (every widget
// Hidden or NoView) are not checked. Whether the name describes the field needs a person.
#include "engine/pdf/pdf_document.h"
#include "rules/catalog.h"
#include "rules/pdf/pdf_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.3.1", "4.1.2"};
constexpr std::string_view kEn[] = {"10.1.3.1", "10.4.1.2"};
constexpr std::string_view kTechniques[] = {"PDF10", "PDF12", "PDF/UA-1 7.18.1",
                                            "Matterhorn 28-005"};
constexpr std::string_view kPasses[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >> endobj "
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    "/Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >> endobj "
    "6 0 obj << /Type /Annot /Subtype /Widget /FT /Tx /T (name) /TU (Your full name) "
    "/Rect [72 700 300 720] >> endobj",
};
constexpr std::string_view kFails[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >> endobj "
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    "/Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >> endobj "
    "6 0 obj << /Type /Annot /Subtype /Widget /FT /Tx /T (Text1) /Rect [72 700 300 720] >> "
    "endobj",
};
constexpr std::string_view kInapplicable[] = {
    // No fields.
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    // A hidden field.
    "1 0 obj << /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >> endobj "
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    "/Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >> endobj "
    "6 0 obj << /Type /Annot /Subtype /Widget /FT /Tx /T (Text1) /F 2 /Rect [0 0 1 1] >> endobj",
};

void Check(const engine::pdf::PdfDocument& doc, engine::Findings& out) {
  for (const engine::pdf::FormField& field : doc.fields) {
    if (field.hidden) {
      continue;
    }
    std::string what = "form field " + doc::Quote(field.name) +
                       (field.type.empty() ? "" : " (" + field.type + ")");
    doc::Place place = pdf_rules::PagePlace(field.page, what);
    place.selector = "field " + doc::Quote(field.name);
    if (doc::Says(field.tooltip) || doc::Says(field.struct_alt)) {
      doc::Pass(out, place);
    } else {
      doc::Fail(out, place,
                "The form field " + doc::Quote(field.name) +
                    " has no tooltip (/TU): screen readers announce only its internal name or "
                    "type, not what to enter.");
    }
  }
}

}  // namespace

extern const engine::Rule kPdfFormFieldName{
    .id = "pdf.form-field-name",
    .summary = "PDF form fields have a tooltip that says what to enter",
    .why =
        "Screen readers announce a form field by its tooltip. Without one, people hear "
        "\"edit text\" or an internal name such as \"Text1\" and cannot tell what the field "
        "asks for.",
    .help =
        "In the PDF form editor, give each field a tooltip that matches its visible label "
        "(\"Your full name\", \"Eircode\"), and tag the form.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kCritical,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_pdf = &Check,
    .techniques = kTechniques};

}  // namespace plainsight::rules
