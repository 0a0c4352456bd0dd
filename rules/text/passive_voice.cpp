// text.passive-voice: English sentences say who does what. A form of "be", at most
// `max_words_between` words such as "not" or "-ly" adverbs, then a past participle (irregular
// ones listed in corpora/text/en/irregular-participles.txt, -ed adjectives excluded by
// adjectival-participles.txt). After GOV.UK and the NALA Plain English Style Guide (2023).
// The suggestion is the sentence in the active voice (passive_rewrite.h), with the doer named
// after "by" or "[who]" for the writer to fill; none when no grammatical rewrite can be built.
// No WCAG success criterion requires it (plain-language advice).
#include <string>
#include <vector>

#include "engine/text/syllables.h"
#include "rules/catalog.h"
#include "rules/text/passive_rewrite.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

namespace text = engine::text;

constexpr engine::RuleOption kOptions[] = {
    {"max_words_between", 2,
     R"(words ("not", "always", "-ly" adverbs) allowed between "be" and the participle)"},
};

void Check(const text::TextFacts& facts, const engine::OptionValues& options,
           engine::Findings& out) {
  const auto max_between = static_cast<int>(options.Get("max_words_between"));
  passive::KnownWord known;
  if (facts.word_list) {
    known = [&list = *facts.word_list](std::string_view w) { return list.Find(w) >= 0; };
  }
  bool applicable = false;
  bool any = false;
  for (const text::SentenceFacts& s : facts.sentences) {
    if (facts.blocks[s.block].lang != "en") {
      continue;  // the word lists are English
    }
    applicable = true;
    std::span<const text::TokenFacts> tokens = facts.TokensOf(s);
    std::string_view sentence;
    std::vector<passive::Word> words;  // made on the sentence's first passive
    const size_t n = tokens.size();
    auto has = [&](size_t k, uint16_t flag) { return (tokens[k].flags & flag) != 0; };
    for (size_t i = 0; i + 1 < n; ++i) {
      if (!has(i, text::kBeForm)) {
        continue;
      }
      size_t j = i + 1;
      int skipped = 0;
      // After "being" or "been" an -ed word is the verb, even one that is often an adjective
      // ("is being prepared", "has been needed").
      auto progressive_or_perfect = [&](size_t k) {
        std::string w = text::LowerForMatch(facts.TokenText(s, tokens[k]));
        return w == "being" || w == "been";
      };
      bool after_being = progressive_or_perfect(i);
      while (j < n && skipped < max_between && has(j, text::kBetween)) {
        after_being = after_being || progressive_or_perfect(j);
        ++j;
        ++skipped;
      }
      auto participle = [&](size_t k) {
        if (has(k, text::kParticiple)) {
          return true;
        }
        std::string_view w = facts.TokenText(s, tokens[k]);
        return after_being && w.size() >= 5 && (w.ends_with("ed") || w.ends_with("ED"));
      };
      if (j < n && tokens[j].kind == text::TokenKind::kWord && participle(j)) {
        any = true;
        bool by = j + 1 < n && has(j + 1, text::kBy);
        std::string_view block = facts.BlockText(s.block);
        if (words.empty()) {
          sentence = block.substr(s.start, s.end - s.start);
          for (const text::TokenFacts& t : tokens) {
            words.push_back({t.start - s.start, t.end - s.start});
          }
        }
        std::string active = passive::Rewrite(sentence, words, i, j, known);
        text::ReportText(
            out, facts, s.block, tokens[i].start, tokens[j].end,
            "passive voice: \"" +
                std::string(block.substr(tokens[i].start, tokens[j].end - tokens[i].start)) + "\"" +
                (by ? " (the doer follows \"by\")" : ""),
            active.empty() ? std::string() : "Try: \"" + active + "\"", "passive-voice",
            text::Severity::kInfo);
        i = j;
      }
    }
  }
  if (applicable && !any) {
    out.Pass(nullptr);
  }
}

constexpr std::string_view kPasses[] = {"We will check your form."};
constexpr std::string_view kCantTell[] = {"Your form will be checked by the office.",
                                          "The fee was not always paid."};
constexpr std::string_view kInapplicable[] = {
    R"(<html lang="ga"><p>Seolfar an fhoirm chuig an oifig.</p></html>)"};

}  // namespace

extern const engine::Rule kTextPassiveVoice{
    .id = "text.passive-voice",
    .summary = "Sentences say who does what (active voice)",
    .why =
        "In the passive voice the doer is hidden or comes last (\"the form will be checked\"): "
        "readers must work out who acts, and whether it is them.",
    .help = R"(Put the doer first: "we will check your form", "you must pay the fee".)",
    .limits =
        "English only. Some passives are right (when the doer does not matter); a person "
        "decides.",
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kNotice,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .options = kOptions,
    .check_text = &Check};

}  // namespace plainsight::rules
