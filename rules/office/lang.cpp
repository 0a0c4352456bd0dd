// office.lang: a DOCX or ODT document declares its default language (DOCX: w:lang in the
// document defaults of word/styles.xml, else w:themeFontLang in word/settings.xml; ODT:
// dc:language in meta.xml, else fo:language/fo:country of the default paragraph style).
// WCAG 2.2 SC 3.1.1; EN 301 549 10.3.1.1.
// Certain (failed, error): none declared, or not a valid BCP 47 tag.
#include "engine/office/office_document.h"
#include "rules/catalog.h"
#include "rules/office/office_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"3.1.1"};
constexpr std::string_view kEn[] = {"10.3.1.1"};
constexpr std::string_view kPasses[] = {
    "word/styles.xml: <w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"en-IE\"/></w:rPr>"
    "</w:rPrDefault></w:docDefaults>\n"
    "word/document.xml: <w:p><w:r><w:t>Bins go out on Tuesday.</w:t></w:r></w:p>",
    "meta.xml: <dc:language>ga-IE</dc:language>\n"
    "content.xml: <text:p>Bailítear an bruscar Dé Máirt.</text:p>",
};
constexpr std::string_view kFails[] = {
    "word/document.xml: <w:p><w:r><w:t>Bins go out on Tuesday.</w:t></w:r></w:p>",
    "meta.xml: <dc:language>english</dc:language>\n"
    "content.xml: <text:p>Bins go out on Tuesday.</text:p>",
};
constexpr std::string_view kInapplicable[] = {
    // No text.
    "content.xml: <text:p/>",
};

void Check(const engine::office::OfficeDocument& doc, engine::Findings& out) {
  if (doc.words == 0) {
    return;
  }
  std::string lang = engine::CollapseWhitespace(doc.lang);
  doc::JudgeLanguage(out, lang,
                     office_rules::DocumentPlace(doc.format == engine::office::OfficeFormat::kDocx
                                                     ? "word/styles.xml document defaults"
                                                     : "meta.xml dc:language"),
                     "The document does not declare its language.",
                     office_rules::DocumentPlace(doc.lang_source + " " + lang),
                     "The document's language");
}

}  // namespace

extern const engine::Rule kOfficeLang{
    .id = "office.lang",
    .summary = "Word-processing documents declare their language",
    .why =
        "Screen readers and spelling checkers use the declared language to pronounce and "
        "check the text, and it carries into the PDF exported from the document.",
    .help =
        "Set the document language (Word: Review, Language, Set Proofing Language, \"Set as "
        "default\"; LibreOffice: Tools, Options, Language Settings, Languages, \"For the "
        "current document only\").",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_office = &Check};

}  // namespace plainsight::rules
