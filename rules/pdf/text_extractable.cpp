// pdf.text-extractable: pages that show something carry text a reader can extract; an
// image-only scan gives assistive technology nothing. WCAG 2.2 SC 1.1.1 and 1.4.5 (AA);
// EN 301 549 10.1.1.1 and 10.1.4.5; WCAG technique PDF7 (OCR on a scanned PDF).
// Certain (failed, error): no page has text and some pages have images: the document is a
// scan. Very likely (failed, warning): a page with images and fewer than
// `min_text_characters` characters in a document that has text elsewhere (a scanned page, or a
// picture page a person should check). Needs review (cantTell): the text could not be
// extracted at all (poppler could not read the file).
#include "engine/pdf/pdf_document.h"
#include "rules/catalog.h"
#include "rules/pdf/pdf_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.1.1", "1.4.5"};
constexpr std::string_view kEn[] = {"10.1.1.1", "10.1.4.5"};
constexpr std::string_view kTechniques[] = {"PDF7"};
constexpr engine::RuleOption kOptions[] = {
    {"min_text_characters", 20,
     "a page with images and fewer characters of text counts as an image of text"},
};
constexpr std::string_view kPasses[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
};
constexpr std::string_view kFails[] = {
    // A scanned page: one image, no text.
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    "/Resources << /XObject << /Im1 6 0 R >> >> >> endobj "
    "4 0 obj << >> stream\nq 451 0 0 698 72 72 cm /Im1 Do Q\nendstream endobj "
    "6 0 obj << /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
    "/BitsPerComponent 8 >> stream\nabcd\nendstream endobj",
};
constexpr std::string_view kInapplicable[] = {
    "4 0 obj << >> stream\n\nendstream endobj",
};

void Check(const engine::pdf::PdfDocument& doc, engine::Findings& out) {
  if (!doc.HasContent()) {
    return;
  }
  if (!doc.text_extracted) {
    doc::CantTell(out, pdf_rules::DocumentPlace("the document's text"),
                  "The text of this PDF could not be extracted here: check that its text can "
                  "be selected and read aloud.");
    return;
  }
  const double min_chars = kOptions[0].default_value;
  uint32_t image_pages = 0;
  uint32_t text_pages = 0;
  for (const engine::pdf::PdfPage& page : doc.pages) {
    if (page.read && page.images > 0 && page.text_chars < min_chars) {
      ++image_pages;
    }
    text_pages += page.read && page.text_chars > 0;
  }
  if (text_pages == 0 && image_pages > 0) {
    doc::Fail(out,
              pdf_rules::DocumentPlace(std::to_string(image_pages) +
                                       (image_pages == 1 ? " page" : " pages") + " of images"),
              "The PDF is an image-only scan: none of its pages has text, so screen readers, "
              "search and copying find nothing. Run OCR on it or publish the text.");
    return;
  }
  for (const engine::pdf::PdfPage& page : doc.pages) {
    if (!page.read || (page.images == 0 && page.text_chars == 0)) {
      continue;
    }
    doc::Place place = pdf_rules::PagePlace(page.number, std::to_string(page.images) + " images, " +
                                                             std::to_string(page.text_chars) +
                                                             " characters of text");
    if (page.images > 0 && page.text_chars < min_chars) {
      doc::Warn(out, place,
                "Page " + std::to_string(page.number) +
                    " shows images but has almost no text: if it is a scanned page of text, "
                    "run OCR on it; if it is a picture, give it alternative text.");
    } else {
      doc::Pass(out, place);
    }
  }
}

}  // namespace

extern const engine::Rule kPdfTextExtractable{
    .id = "pdf.text-extractable",
    .summary = "PDF pages have real text, not images of text",
    .why =
        "A scanned page is a photograph of text: screen readers, magnifiers that reflow "
        "text, search and translation tools find nothing in it.",
    .help =
        "Publish the PDF made from the original document rather than a scan. If a scan is "
        "all there is, run OCR (optical character recognition) on it and check the result.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kCritical,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .level = "AA",
    .check_pdf = &Check,
    .techniques = kTechniques};

}  // namespace plainsight::rules
