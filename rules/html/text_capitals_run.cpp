// html.text-capitals-run: passages are not set in capital letters. WCAG 2.2 SC 1.4.8 Visual
// Presentation (AAA), as plain-language and dyslexia style guides apply it: text in capitals
// loses the word shapes readers rely on, and some screen readers spell it out letter by letter.
// Not in EN 301 549 (A and AA only).
// Interpretation: the visible text of each block (the nearest ancestor laid out as a block) is
// read in document order; a word reads as capitals when its element's computed text-transform
// is uppercase, or when it has no lower-case letter. A run of at least `min_words` such words
// in a row fails as a warning, on the block; blocks whose runs are shorter (acronyms, a short
// label) pass; blocks with no words are inapplicable.
#include "rules/catalog.h"
#include "rules/html/support/typography.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr double kMinWordsDefault = 6;

void Check(const engine::Page& page, engine::Findings& out) {
  typography::CheckLongRuns(
      page, out,
      [](const engine::Page& p, const typography::TextRun& r) {
        return p.styles().Of(*r.parent).Get("text-transform").text == "uppercase";
      },
      &typography::IsUpperCaseWord, kMinWordsDefault, "capital letters, which are hard to read.");
}

constexpr std::string_view kWcag[] = {"1.4.8"};
constexpr engine::RuleOption kOptions[] = {
    {"min_words", kMinWordsDefault, "Words in capitals in a row that make a passage"}};
constexpr std::string_view kPasses[] = {
    R"(<p>Contact the HSE or the NCT centre before 5 PM.</p>)",
    R"(<p style="text-transform: uppercase">Opening hours</p>)"};
constexpr std::string_view kFails[] = {
    R"(<p>PLEASE BRING YOUR PASSPORT AND A RECENT BILL TO THE APPOINTMENT.</p>)",
    R"(<p style="text-transform: uppercase">Please bring your passport and a recent bill.</p>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<p><img src="a.png" alt="Map"></p>)",
    R"(<p hidden>HIDDEN TEXT IN CAPITALS FOR SOMEONE ELSE</p>)"};

}  // namespace

extern const engine::Rule kHtmlTextCapitalsRun{
    .id = "html.text-capitals-run",
    .summary = "Sentences are not written in capital letters",
    .why =
        "Words in capitals all have the same rectangular shape, so they are slower to read, "
        "especially for people with dyslexia, and some screen readers spell them out letter by "
        "letter.",
    .help =
        "Write sentences in normal case. For emphasis use bold or a heading; for a styled label "
        "keep it to a few words.",
    .limits =
        "Capitals drawn by the font (small-caps fonts) or in images are not seen; long runs of "
        "acronyms or codes may be flagged and need a look.",
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
