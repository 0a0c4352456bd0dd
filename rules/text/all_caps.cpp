// text.all-caps: text is not set in capitals. A run of `min_words` words or more in capitals,
// `min_long_words` of them of two letters or more (so that "A" and "I" count in a run but a run
// is never just those). After the NALA Plain English Style Guide (2023) and the British
// Dyslexia Association's style guide. No WCAG success criterion requires it.
#include <string>

#include "rules/catalog.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

namespace text = engine::text;

constexpr engine::RuleOption kOptions[] = {
    {"min_words", 3, "words in capitals in a row that are reported"},
    {"min_long_words", 2, "of which at least this many have two letters or more"},
};

void Check(const text::TextFacts& facts, const engine::OptionValues& options,
           engine::Findings& out) {
  if (facts.sentences.empty()) {
    return;
  }
  bool any = false;
  for (const text::SentenceFacts& s : facts.sentences) {
    std::vector<std::pair<size_t, size_t>> runs;
    text_support::CapsRuns(facts, s, options.Get("min_words"), options.Get("min_long_words"),
                           &runs);
    std::span<const text::TokenFacts> tokens = facts.TokensOf(s);
    for (auto [i, j] : runs) {
      any = true;
      text::ReportText(out, facts, s.block, tokens[i].start, tokens[j - 1].end,
                       std::to_string(j - i) + " words in capitals are harder to read",
                       "Use sentence case; use bold or a heading for emphasis.", "all-caps",
                       text::Severity::kWarning);
    }
  }
  if (!any) {
    out.Pass(nullptr);
  }
}

constexpr std::string_view kPasses[] = {"Bring your form to the NALA office."};
constexpr std::string_view kCantTell[] = {"You MUST BRING YOUR FORM to the office."};
constexpr std::string_view kInapplicable[] = {""};

}  // namespace

extern const engine::Rule kTextAllCaps{
    .id = "text.all-caps",
    .summary = "Text is not set in capitals",
    .why =
        "Words in capitals lose their shape, so they are slower to read, especially for "
        "people with dyslexia; screen readers may spell them out letter by letter.",
    .help = "Use sentence case; for emphasis use bold or a heading.",
    .limits = "Sees the letters as written, not CSS text-transform.",
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kNotice,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .options = kOptions,
    .check_text = &Check};

}  // namespace plainsight::rules
