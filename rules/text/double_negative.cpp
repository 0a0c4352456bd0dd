// text.double-negative: statements are positive. A negator ("not", "-n't", Irish "ní") followed
// within `max_distance` words by another or by a word negative by its prefix ("unlikely",
// "neamhchoitianta"). After the NALA Plain English Style Guide (2023). No WCAG success criterion
// requires it (plain-language advice).
#include <string>

#include "rules/catalog.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

namespace text = engine::text;

constexpr engine::RuleOption kOptions[] = {
    {"max_distance", 3, "words from the first negative to the second"},
};

void Check(const text::TextFacts& facts, const engine::OptionValues& options,
           engine::Findings& out) {
  const auto max_distance = static_cast<size_t>(options.Get("max_distance"));
  bool applicable = false;
  bool any = false;
  for (const text::SentenceFacts& s : facts.sentences) {
    const std::string& lang = facts.blocks[s.block].lang;
    if (lang != "en" && lang != "ga") {
      continue;  // the negator lists are English and Irish
    }
    applicable = true;
    std::span<const text::TokenFacts> tokens = facts.TokensOf(s);
    const size_t n = tokens.size();
    auto has = [&](size_t k, uint16_t flag) { return (tokens[k].flags & flag) != 0; };
    for (size_t i = 0; i < n; ++i) {
      if (!has(i, text::kNegator) || has(i, text::kNotOpening)) {
        continue;
      }
      for (size_t j = i + 1; j < n && j <= i + max_distance; ++j) {
        if (has(j, text::kSecondNegator) || has(j, text::kNegativeWord)) {
          any = true;
          std::string_view block = facts.BlockText(s.block);
          text::ReportText(
              out, facts, s.block, tokens[i].start, tokens[j].end,
              "double negative: \"" +
                  std::string(block.substr(tokens[i].start, tokens[j].end - tokens[i].start)) +
                  "\"",
              R"(Say it positively ("not unlikely" -> "likely").)", "double-negative",
              text::Severity::kWarning);
          i = j;
          break;
        }
      }
    }
  }
  if (applicable && !any) {
    out.Pass(nullptr);
  }
}

constexpr std::string_view kPasses[] = {"It is likely that we will call you."};
constexpr std::string_view kCantTell[] = {"It is not unlikely that we will call you."};
constexpr std::string_view kInapplicable[] = {
    R"(<html lang="de"><p>Es ist nicht unwahrscheinlich.</p></html>)"};

}  // namespace

extern const engine::Rule kTextDoubleNegative{
    .id = "text.double-negative",
    .summary = "Statements are positive, without double negatives",
    .why =
        "Two negatives make readers undo one with the other (\"not unlikely\"); many get the "
        "meaning backwards.",
    .help = R"(Say it positively: "not unlikely" becomes "likely", "not without" "with".)",
    .limits = "English and Irish only; a person decides whether the nuance is needed.",
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kNotice,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .options = kOptions,
    .check_text = &Check};

}  // namespace plainsight::rules
