// text.sentence-length: sentences are short enough to follow. Thresholds after GOV.UK and the
// NALA Plain English Style Guide for the Public Service (2023): sentences of 15-20 words on
// average, none over 25-35. No WCAG success criterion requires it (plain-language advice).
#include <algorithm>
#include <string>

#include "rules/catalog.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

namespace text = engine::text;

constexpr engine::RuleOption kOptions[] = {
    {"max_words", 25,
     "a sentence with more words than this is reported (a warning in `plainsight text`)"},
    {"error_words", 35, "a sentence with more words than this is an error in `plainsight text`"},
};

void Check(const text::TextFacts& facts, const engine::OptionValues& options,
           engine::Findings& out) {
  if (facts.sentences.empty()) {
    return;
  }
  const auto max_words = static_cast<uint64_t>(options.Get("max_words"));
  const auto error_words = std::max(max_words, static_cast<uint64_t>(options.Get("error_words")));
  bool any = false;
  for (const text::SentenceFacts& s : facts.sentences) {
    const uint64_t n = s.tokens;
    if (s.cut) {
      any = true;
      text::ReportText(
          out, facts, s.block, s.start, s.end,
          "no sentence end found after " + std::to_string(n) + " words: the text has no full stops",
          "Break the text into sentences that end with a full stop.", "long-sentence",
          text::Severity::kError);
    } else if (n > max_words) {
      any = true;
      bool error = n > error_words;
      text::ReportText(out, facts, s.block, s.start, s.end,
                       "sentence of " + std::to_string(n) + " words (over " +
                           std::to_string(error ? error_words : max_words) + ")",
                       "Split it into sentences of " + std::to_string(max_words) +
                           " words or fewer; one idea per sentence.",
                       "long-sentence", error ? text::Severity::kError : text::Severity::kWarning);
    }
  }
  if (!any) {
    out.Pass(nullptr, std::to_string(facts.sentences.size()) + " sentences checked");
  }
}

constexpr std::string_view kPasses[] = {"Bring your form to the office. We will check it."};
constexpr std::string_view kCantTell[] = {
    "If you want to apply for a permit you should bring the completed form, two recent "
    "photographs, a utility bill that shows your address and your passport or driving licence "
    "to the office on the ground floor between nine and five."};
constexpr std::string_view kInapplicable[] = {""};

}  // namespace

extern const engine::Rule kTextSentenceLength{
    .id = "text.sentence-length",
    .summary = "Sentences are short enough to follow",
    .why =
        "Long sentences make readers hold many ideas at once; people with reading "
        "difficulties, people reading in a second language and people in a hurry lose the "
        "thread.",
    .help = "Split long sentences: one idea per sentence, 15 to 20 words on average.",
    .limits = "Counts words; it cannot tell whether a long sentence is a list that reads well.",
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kNotice,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .options = kOptions,
    .check_text = &Check};

}  // namespace plainsight::rules
