// Helpers of the plain-language rules; see text_support.h.
#include "rules/text/text_support.h"

namespace plainsight::rules::text_support {

bool IsCapsWord(const text::TokenFacts& t) {
  return t.kind == text::TokenKind::kWord && (t.flags & text::kNotAWord) == 0 && t.letters >= 1 &&
         t.upper == t.letters && (t.letters >= 2 || (t.flags & text::kCapsShortWord) != 0);
}

std::vector<bool> CapsRuns(const text::TextFacts& facts, const text::SentenceFacts& sentence,
                           double min_words, double min_long_words,
                           std::vector<std::pair<size_t, size_t>>* runs) {
  std::span<const text::TokenFacts> tokens = facts.TokensOf(sentence);
  const size_t n = tokens.size();
  std::vector<bool> in_run(n, false);
  for (size_t i = 0; i < n;) {
    if (!IsCapsWord(tokens[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && IsCapsWord(tokens[j])) {
      ++j;
    }
    size_t long_words = 0;
    for (size_t k = i; k < j; ++k) {
      long_words += tokens[k].letters >= 2 ? 1 : 0;
    }
    if (static_cast<double>(j - i) >= min_words &&
        static_cast<double>(long_words) >= min_long_words) {
      for (size_t k = i; k < j; ++k) {
        in_run[k] = true;
      }
      if (runs != nullptr) {
        runs->emplace_back(i, j);
      }
    }
    i = j;
  }
  return in_run;
}

uint64_t Words(const text::TextFacts& facts) {
  return facts.metrics.counts.words;
}

void CheckMisspellings(const text::TextFacts& facts, engine::Findings& out,
                       const std::function<bool(const text::SentenceFacts&, const text::TokenFacts&,
                                                const text::Misspelling&)>& report) {
  bool applicable = false;
  bool any = false;
  for (const text::SentenceFacts& s : facts.sentences) {
    for (const text::TokenFacts& t : facts.TokensOf(s)) {
      if (t.spelling == text::Spelling::kNotChecked) {
        continue;
      }
      applicable = true;
      if (t.spelling == text::Spelling::kMisspelt &&
          report(s, t, facts.misspellings[t.misspelling])) {
        any = true;
      }
    }
  }
  if (applicable && !any) {
    out.Pass(nullptr);
  }
}

void CheckPhrases(const text::TextFacts& facts, std::string_view kind, engine::Findings& out) {
  if (Words(facts) == 0) {
    return;
  }
  bool any = false;
  for (const text::PhraseFacts& p : facts.phrases) {
    if (p.kind != kind) {
      continue;
    }
    any = true;
    std::string found(facts.BlockText(p.block).substr(p.start, p.end - p.start));
    std::string message;
    std::string suggestion;
    if (kind == "nominalisation") {
      message = "\"" + found + "\" hides a verb in a noun";
      suggestion = "Use the verb: " + p.suggestion;
    } else if (kind == "jargon") {
      message = "\"" + found + "\" is jargon many readers will not know";
      suggestion = p.suggestion;
    } else {
      message = "\"" + found + "\" has a plainer alternative";
      suggestion = "Try: " + p.suggestion;
    }
    // The compatibility view names the finding after its list's kind (a string that lives as
    // long as the facts' phrase, so the rule's own name is used for the three known kinds).
    std::string_view compat = kind == "nominalisation" ? "nominalisation"
                              : kind == "jargon"       ? "jargon"
                                                       : "wordy-phrase";
    text::ReportText(out, facts, p.block, p.start, p.end, std::move(message), std::move(suggestion),
                     compat, p.list_severity);
  }
  if (!any) {
    out.Pass(nullptr, "no phrase from the " + std::string(kind) + " lists");
  }
}

}  // namespace plainsight::rules::text_support
