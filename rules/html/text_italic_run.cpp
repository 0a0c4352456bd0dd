// html.text-italic-run: long passages are not set in italics. WCAG 2.2 SC 1.4.8 Visual
// Presentation (AAA), as the British Dyslexia Association's style guide and the NDA's
// Irish-language and plain-language guidance apply it: italic body text is hard to read for many
// people with dyslexia or low vision. Not in EN 301 549 (A and AA only).
// Interpretation: the visible text of each block (the nearest ancestor laid out as a block) is
// read in document order; a run of at least `min_words` consecutive words whose computed
// font-style is italic or oblique fails as a warning, on the block. Blocks whose italic runs are
// all shorter pass; blocks with no words are inapplicable. Quotations, titles of works and
// foreign phrases in italics are usually short, so they pass.
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/typography.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr double kMinWordsDefault = 30;

bool IsItalic(const engine::Page& p, const engine::Node& element) {
  const std::string& style = p.styles().Of(element).Get("font-style").text;
  return style.rfind("italic", 0) == 0 || style.rfind("oblique", 0) == 0;
}

void Check(const engine::Page& page, engine::Findings& out) {
  typography::CheckLongRuns(
      page, out,
      [](const engine::Page& p, const typography::TextRun& r) { return IsItalic(p, *r.parent); },
      nullptr, kMinWordsDefault, "italics, which are hard to read at length.");
}

constexpr std::string_view kWcag[] = {"1.4.8"};
constexpr engine::RuleOption kOptions[] = {
    {"min_words", kMinWordsDefault, "Italic words in a row that make a long passage"}};
constexpr std::string_view kPasses[] = {
    R"(<p>Read <i>The Citizens Information Guide</i> before you apply for the grant.</p>)"};
constexpr std::string_view kFails[] = {
    R"(<p style="font-style: italic">If you are applying for the first time, you will need to
    bring your birth certificate, a recent utility bill with your address, your PPS number, two
    passport photographs signed on the back by a garda, and a completed application form which
    you can get from any post office or local office.</p>)"};
constexpr std::string_view kInapplicable[] = {R"(<p><img src="a.png" alt="Map"></p>)",
                                              R"(<p style="display:none">Hidden text</p>)"};

}  // namespace

extern const engine::Rule kHtmlTextItalicRun{
    .id = "html.text-italic-run",
    .summary = "Long passages are not in italics",
    .why =
        "Italic letters lean and run together. Whole paragraphs in italics are hard to read for "
        "many people with dyslexia or low vision.",
    .help =
        "Use italics only for a few words, such as a title. Use bold or a heading for emphasis.",
    .limits =
        "Only the computed font-style is read: a font whose upright letters look italic, or "
        "italic text in an image, is not seen.",
    .wcag = kWcag,
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .level = "AAA"};

}  // namespace plainsight::rules
