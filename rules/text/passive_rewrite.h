// The active form of an English passive clause, for text.passive-voice's suggestion: "Your form
// will be checked by the office" -> "The office will check your form". Built from the verb's
// lemma and tense (an irregular-verb table, then the regular -ed rules checked against a word
// list), with the doer when the clause names one after "by", else "[who]" for the writer to fill.
// Gives nothing rather than a rewrite it cannot stand behind: no subject found, "to be" forms,
// a verb whose base form it cannot work out.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace plainsight::rules::passive {

// One word of the sentence: byte offsets into the sentence text.
struct Word {
  size_t start = 0;
  size_t end = 0;
};

// Whether a lowercase word is an English word (a word list); may be empty (rules alone).
using KnownWord = std::function<bool(std::string_view)>;

// The verb forms built from a past participle: base ("undertake"), past ("undertook"), third
// person singular present ("undertakes") and present participle ("undertaking"). Empty base
// when the participle's base cannot be worked out.
struct VerbForms {
  std::string base;
  std::string past;
  std::string third;
  std::string ing;
};

VerbForms FormsOfParticiple(std::string_view participle, const KnownWord& known);

// The sentence with the passive clause whose form of "be" is words[be] and participle
// words[participle] turned active, or "" when no rewrite can be built.
std::string Rewrite(std::string_view sentence, std::span<const Word> words, size_t be,
                    size_t participle, const KnownWord& known);

}  // namespace plainsight::rules::passive
