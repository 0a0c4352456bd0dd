// text.paragraph-length: paragraphs are short. Threshold after the NALA Plain English Style
// Guide for the Public Service (2023) and GOV.UK: one topic per paragraph, a few sentences each.
// No WCAG success criterion requires it (plain-language advice).
#include <algorithm>
#include <string>

#include "rules/catalog.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

namespace text = engine::text;

constexpr engine::RuleOption kOptions[] = {
    {"max_words", 150, "a paragraph with more words than this is reported"},
};

void Check(const text::TextFacts& facts, const engine::OptionValues& options,
           engine::Findings& out) {
  const auto max_words = static_cast<uint64_t>(options.Get("max_words"));
  bool applicable = false;
  bool any = false;
  for (size_t b = 0; b < facts.blocks.size(); ++b) {
    if (facts.text.blocks[b].kind != text::BlockKind::kParagraph || facts.blocks[b].words == 0) {
      continue;
    }
    applicable = true;
    const uint64_t words = facts.blocks[b].words;
    if (words > max_words) {
      any = true;
      text::ReportText(out, facts, static_cast<uint32_t>(b), 0,
                       text::LeadEnd(facts.BlockText(static_cast<uint32_t>(b)), 120),
                       "paragraph of " + std::to_string(words) + " words (over " +
                           std::to_string(max_words) + ")",
                       "Break it up: one topic per paragraph, a few sentences each.",
                       "long-paragraph", text::Severity::kWarning);
    }
  }
  if (applicable && !any) {
    out.Pass(nullptr);
  }
}

constexpr std::string_view kPasses[] = {"Bring your form to the office.\n\nWe will check it."};
// 160 words in one paragraph (with the option's default of 150).
constexpr std::string_view kCantTell[] = {
    "We collect bins every week. We collect bins every week. We collect bins every week. We "
    "collect bins every week. We collect bins every week. We collect bins every week. We collect "
    "bins every week. We collect bins every week. We collect bins every week. We collect bins "
    "every week. We collect bins every week. We collect bins every week. We collect bins every "
    "week. We collect bins every week. We collect bins every week. We collect bins every week. "
    "We collect bins every week. We collect bins every week. We collect bins every week. We "
    "collect bins every week. We collect bins every week. We collect bins every week. We collect "
    "bins every week. We collect bins every week. We collect bins every week. We collect bins "
    "every week. We collect bins every week. We collect bins every week. We collect bins every "
    "week. We collect bins every week. We collect bins every week. We collect bins every week."};
constexpr std::string_view kInapplicable[] = {"", "- Bring your form"};

}  // namespace

extern const engine::Rule kTextParagraphLength{
    .id = "text.paragraph-length",
    .summary = "Paragraphs are short",
    .why =
        "A wall of text is hard to scan and easy to give up on; short paragraphs let readers "
        "find their place again.",
    .help = "Give each paragraph one topic and a few sentences; use headings and lists.",
    .limits = "Counts words; it cannot judge whether a long paragraph holds one idea.",
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kNotice,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .options = kOptions,
    .check_text = &Check};

}  // namespace plainsight::rules
