// text.unusual-words: words readers may not know are explained. WCAG 2.2 SC 3.1.3 Unusual Words
// (AAA): a way to find the meaning of words used in an unusual or restricted way. EN 301 549
// leaves AAA out.
// Interpretation: a word the dictionary of its language lacks and has no close match for is
// taken as unusual (a coined term, a technical word, a rare loan word): a person decides
// whether its meaning is explained. Jargon from the lists is text.jargon.
#include <string>

#include "rules/catalog.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

namespace text = engine::text;

void Check(const text::TextFacts& facts, const engine::OptionValues& /*options*/,
           engine::Findings& out) {
  text_support::CheckMisspellings(
      facts, out,
      [&](const text::SentenceFacts& s, const text::TokenFacts& t, const text::Misspelling& m) {
        if (!m.suggested || !m.suggestions.empty()) {
          return false;  // text.spelling (with suggestions, or none computed)
        }
        text::ReportText(
            out, facts, s.block, t.start, t.end,
            "\"" + m.word + "\" is not in the " + m.lang + " dictionary and has no close match",
            "Check the spelling, or explain the word if readers may not know it.", "unknown-word",
            text::Severity::kInfo);
        return true;
      });
}

constexpr std::string_view kWcag[] = {"3.1.3"};
constexpr std::string_view kPasses[] = {"We will send the letter tomorrow."};
constexpr std::string_view kCantTell[] = {"Zorbulantix is here."};
constexpr std::string_view kInapplicable[] = {"2024", "NALA HSE"};

}  // namespace

extern const engine::Rule kTextUnusualWords{
    .id = "text.unusual-words",
    .summary = "Words readers may not know are explained",
    .why =
        "A word the reader has never met blocks the sentence it is in; people with "
        "cognitive disabilities and people reading in a second language are hit first.",
    .help =
        "Use a common word, or explain the word where it is first used (or link to a "
        "glossary).",
    .limits =
        "Knows only whether the dictionary has the word; it cannot see a glossary or an "
        "explanation elsewhere.",
    .wcag = kWcag,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kNotice,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .level = "AAA",
    .check_text = &Check};

}  // namespace plainsight::rules
