// text.spelling: words are spelled as the dictionary of their language spells them (Hunspell;
// en_GB for English, ga_IE for Irish), for words with a close match in it. Capitalised words
// inside a sentence (names), words in capitals, words with digits or full stops are not
// checked, nor are identifiers, paths and camelCase names ("os_type", "postProcessing"). Words
// with no close match are text.unusual-words. Suggestions have a time limit per analysis (issue
// 20); words past it are reported with "No suggestion computed". No WCAG success criterion requires
// it (plain-language advice).
#include <string>

#include "rules/catalog.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

namespace text = engine::text;

constexpr std::string_view kNotComputed =
    "No suggestion computed (this analysis reached its limit for spelling suggestions).";

void Check(const text::TextFacts& facts, const engine::OptionValues& /*options*/,
           engine::Findings& out) {
  text_support::CheckMisspellings(
      facts, out,
      [&](const text::SentenceFacts& s, const text::TokenFacts& t, const text::Misspelling& m) {
        std::string suggestion;
        if (!m.suggested) {
          // Interpretation: past the analysis's limits for suggestions nothing is known about
          // close matches, so the word is reported here, as a misspelling without a suggestion.
          suggestion = kNotComputed;
        } else if (m.suggestions.empty()) {
          return false;  // text.unusual-words
        } else {
          std::string joined;
          for (const std::string& x : m.suggestions) {
            joined += (joined.empty() ? "" : ", ") + x;
          }
          suggestion = "Did you mean: " + joined + "?";
        }
        text::ReportText(out, facts, s.block, t.start, t.end,
                         "\"" + m.word + "\" is not in the " + m.lang + " dictionary",
                         std::move(suggestion), "misspelling", text::Severity::kWarning);
        return true;
      });
}

constexpr std::string_view kPasses[] = {"We will send the letter tomorrow."};
constexpr std::string_view kCantTell[] = {"We will send the leter tomorow."};
// Nothing to check: numbers, and words in capitals (acronyms).
constexpr std::string_view kInapplicable[] = {"2024", "NALA HSE"};

}  // namespace

extern const engine::Rule kTextSpelling{
    .id = "text.spelling",
    .summary = "Words are spelled as the dictionary spells them",
    .why =
        "Misspellings distract every reader, make screen readers mispronounce words, and "
        "cost trust in the text.",
    .help =
        "Correct the word (the finding suggests close matches), or add it to a word list "
        "if it is right.",
    .limits =
        "Hunspell dictionaries lack names, places and new words; `plainsight audit` and "
        "`scan` do not check spelling on web pages for that reason.",
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kNotice,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .check_text = &Check};

}  // namespace plainsight::rules
