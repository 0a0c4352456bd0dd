// Helpers the plain-language rules (rules/text/) share: runs of words in capitals, the word
// count, and the phrase-list rules' common check.
#pragma once

#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/rule.h"
#include "engine/text/text_facts.h"

namespace plainsight::rules::text_support {

namespace text = engine::text;

// Is the token a word in capitals ("NALA", "A" and "I" count as words in a run)?
bool IsCapsWord(const text::TokenFacts& t);

// For each token of `sentence`, whether it is inside a run of at least `min_words` words in
// capitals of which at least `min_long_words` have two letters or more (shouting, not
// acronyms). Also gives the runs as [first, last) token indices within the sentence.
std::vector<bool> CapsRuns(const text::TextFacts& facts, const text::SentenceFacts& sentence,
                           double min_words, double min_long_words,
                           std::vector<std::pair<size_t, size_t>>* runs = nullptr);

// The dictionary rules' walk (text.spelling, text.unusual-words): calls `report` with each
// misspelt word and its sentence; `report` says whether it reported the word. Passed when some
// word was checked and none was reported; nothing when no word was checked.
void CheckMisspellings(const text::TextFacts& facts, engine::Findings& out,
                       const std::function<bool(const text::SentenceFacts&, const text::TokenFacts&,
                                                const text::Misspelling&)>& report);

// The number of words in the text.
uint64_t Words(const text::TextFacts& facts);

// The phrase-list rules (text.wordy-phrase, text.jargon, text.nominalisation): one finding per
// match of a list of `kind`; passed when the text has words and no match.
void CheckPhrases(const text::TextFacts& facts, std::string_view kind, engine::Findings& out);

// CheckPhrases as a rule's text check, for the list kind `Kind` (the rule's options are unused).
template <const std::string_view& Kind>
void CheckPhraseList(const text::TextFacts& facts, const engine::OptionValues& /*options*/,
                     engine::Findings& out) {
  CheckPhrases(facts, Kind, out);
}

}  // namespace plainsight::rules::text_support
