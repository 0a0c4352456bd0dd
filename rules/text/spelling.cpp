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
  bool applicable = false;
  bool any = false;
  for (const text::SentenceFacts& s : facts.sentences) {
    for (const text::TokenFacts& t : facts.TokensOf(s)) {
      if (t.spelling == text::Spelling::kNotChecked) {
        continue;
      }
      applicable = true;
      if (t.spelling != text::Spelling::kMisspelt) {
        continue;
      }
      const text::Misspelling& m = facts.misspellings[t.misspelling];
      if (!m.suggested) {
        // Interpretation: past the analysis's limits for suggestions nothing is known about
        // close matches, so the word is reported here, as a misspelling without a suggestion.
        any = true;
        text::ReportText(out, facts, s.block, t.start, t.end,
                         "\"" + m.word + "\" is not in the " + m.lang + " dictionary",
                         std::string(kNotComputed), "misspelling", text::Severity::kWarning);
        continue;
      }
      if (m.suggestions.empty()) {
        continue;  // text.unusual-words
      }
      any = true;
      std::string joined;
      for (const std::string& x : m.suggestions) {
        joined += (joined.empty() ? "" : ", ") + x;
      }
      text::ReportText(out, facts, s.block, t.start, t.end,
                       "\"" + m.word + "\" is not in the " + m.lang + " dictionary",
                       "Did you mean: " + joined + "?", "misspelling", text::Severity::kWarning);
    }
  }
  if (applicable && !any) {
    out.Pass(nullptr);
  }
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
