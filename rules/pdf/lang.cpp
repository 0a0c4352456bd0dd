// pdf.lang: a PDF declares the language of its text (the catalog's /Lang), so that speech
// synthesis and braille use the right rules. WCAG 2.2 SC 3.1.1; EN 301 549 10.3.1.1; WCAG
// technique PDF16; ISO 14289-1 7.2; Matterhorn 11-001 (the natural language of the page
// content cannot be determined).
// Certain (failed, error): /Lang missing, empty, or not a valid BCP 47 tag.
// Interpretation: languages declared only on structure elements do not pass; a reader falls
// back to the catalog's for every piece of text without its own.
#include "engine/pdf/pdf_document.h"
#include "rules/catalog.h"
#include "rules/pdf/pdf_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"3.1.1"};
constexpr std::string_view kEn[] = {"10.3.1.1"};
constexpr std::string_view kTechniques[] = {"PDF16", "PDF/UA-1 7.2", "Matterhorn 11-001"};
constexpr std::string_view kPasses[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /Lang (en-IE) >> endobj",
    "1 0 obj << /Type /Catalog /Pages 2 0 R /Lang (ga) >> endobj",
};
constexpr std::string_view kFails[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "1 0 obj << /Type /Catalog /Pages 2 0 R /Lang () >> endobj",
    "1 0 obj << /Type /Catalog /Pages 2 0 R /Lang (english) >> endobj",
};
constexpr std::string_view kInapplicable[] = {
    // No text: a blank page.
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj 4 0 obj << >> stream\n\nendstream endobj",
};

void Check(const engine::pdf::PdfDocument& doc, engine::Findings& out) {
  if (!doc.HasContent() || (doc.text_extracted && !doc.HasText())) {
    return;
  }
  std::string lang = engine::CollapseWhitespace(doc.lang.value_or(""));
  doc::JudgeLanguage(out, lang, pdf_rules::DocumentPlace("the document's catalog"),
                     doc.lang ? "The PDF's /Lang is empty: it does not say which language its "
                                "text is in."
                              : "The PDF does not declare the language of its text (no /Lang in "
                                "the document catalog).",
                     pdf_rules::DocumentPlace("/Lang (" + lang + ")"), "The PDF's /Lang");
}

}  // namespace

extern const engine::Rule kPdfLang{
    .id = "pdf.lang",
    .summary = "PDFs declare the language of their text",
    .why =
        "Screen readers pick their voice and pronunciation from the declared language. "
        "Without it, an Irish or English text may be read out with the rules of whatever "
        "language the reader's computer is set to.",
    .help =
        "Set the document language in the source document before exporting (Word: Review, "
        "Language; LibreOffice: Tools, Language), or in a PDF editor's document properties "
        "(Advanced, Language). Use a tag such as en-IE or ga.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_pdf = &Check,
    .techniques = kTechniques};

}  // namespace plainsight::rules
