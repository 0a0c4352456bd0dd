// text.non-words: the text has no tokens that cannot be words. A run of more than 45 letters, a
// blob of encoded data or code, or five letters with no vowel is a paste gone wrong, a missing
// space or data in running text: readers cannot read it aloud, and the analyser leaves it out of
// the word, letter and syllable counts (engine/text/non_words.h) so that it cannot push a score
// out of its range. Reported once per text, at the first such token, with how many of each kind.
// Web and e-mail addresses are left out of the counts too, but they are not mistakes: not
// reported. No WCAG success criterion requires it.
#include "engine/text/non_words.h"

#include <string>

#include "rules/catalog.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

namespace text = engine::text;

void Check(const text::TextFacts& facts, const engine::OptionValues& /*options*/,
           engine::Findings& out) {
  if (facts.tokens.empty()) {
    return;
  }
  // Counts by kind, in the order of NonWordKind.
  uint64_t counts[5] = {};
  uint64_t total = 0;
  const text::SentenceFacts* first_sentence = nullptr;
  const text::TokenFacts* first = nullptr;
  for (const text::SentenceFacts& s : facts.sentences) {
    for (const text::TokenFacts& t : facts.TokensOf(s)) {
      if ((t.flags & text::kNotAWord) == 0 || t.kind != text::TokenKind::kWord) {
        continue;
      }
      text::NonWordKind kind =
          text::ClassifyToken(facts.TokenText(s, t), t.kind, facts.blocks[s.block].lang);
      ++counts[static_cast<size_t>(kind)];
      ++total;
      if (first == nullptr) {
        first_sentence = &s;
        first = &t;
      }
    }
  }
  if (first == nullptr) {
    out.Pass(nullptr);
    return;
  }
  std::string kinds;
  for (text::NonWordKind kind :
       {text::NonWordKind::kTooLong, text::NonWordKind::kEncoded, text::NonWordKind::kNoVowels}) {
    uint64_t n = counts[static_cast<size_t>(kind)];
    if (n > 0) {
      kinds += (kinds.empty() ? "" : ", ") + std::string(text::NonWordDescription(kind)) + " (" +
               std::to_string(n) + ")";
    }
  }
  text::ReportText(out, facts, first_sentence->block, first->start, first->end,
                   std::to_string(total) +
                       (total == 1 ? " token cannot be a word" : " tokens cannot be words") +
                       " and " + (total == 1 ? "was" : "were") +
                       " left out of the word counts and scores: " + kinds,
                   "Check that the text is what you meant to publish: a missing space, pasted "
                   "data or code. Put codes and data in a table or an attachment.",
                   "non-word", text::Severity::kWarning);
}

constexpr std::string_view kPasses[] = {
    "Apply online at https://www.gov.ie/apply or write to info@example.ie.",
    "The rhythm of the Donaudampfschifffahrtsgesellschaftskapitän song."};
constexpr std::string_view kCantTell[] = {
    "Qxzvbnmkj is here.", "Your reference is aGVsbG8gd29ybGQgaGVsbG8gd29ybGQ and it is valid.",
    "Thisisaverylongrunofletterswithnospacesthatgoesonandon went wrong."};
constexpr std::string_view kInapplicable[] = {""};

}  // namespace

extern const engine::Rule kTextNonWords{
    .id = "text.non-words",
    .summary = "The text has no tokens that cannot be words",
    .why =
        "A run of letters with no spaces, a block of encoded data or a string of consonants "
        "cannot be read, aloud or by eye; it is usually a paste or a missing space, and it "
        "would throw readability scores out of their range.",
    .help =
        "Add the missing spaces, remove pasted data or code, and put reference codes in a "
        "table or an attachment rather than in running text.",
    .limits =
        "A long chemical name, a code readers must type or a word of a language without "
        "written vowels can be meant: a person decides. Web and e-mail addresses are left out "
        "of the counts but not reported.",
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kNotice,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .check_text = &Check};

}  // namespace plainsight::rules
