// text.language-mismatch: text is in the language it is marked as. WCAG 2.2 SC 3.1.1 Language
// of Page (the whole text against its declared language) and 3.1.2 Language of Parts (a block
// against its own); EN 301 549 9.3.1.1 and 9.3.1.2. Detection is CLD2's (engine/
// language_detect.h), on the whole text and on long blocks the dictionary did not recognise.
// Interpretation: a detector can be wrong, so a mismatch asks a person (html.page-lang-matches
// decides the page's lang attribute on stronger evidence).
#include <string>

#include "rules/catalog.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

namespace text = engine::text;

constexpr engine::RuleOption kOptions[] = {
    {"min_words", 15, "a whole text with fewer words is not compared with its declared language"},
};

void Check(const text::TextFacts& facts, const engine::OptionValues& options,
           engine::Findings& out) {
  bool applicable = false;
  bool any = false;
  for (size_t b = 0; b < facts.blocks.size(); ++b) {
    const text::BlockFacts& block = facts.blocks[b];
    const std::string& code = block.detected_lang;
    if (code.empty()) {
      continue;
    }
    applicable = true;
    if (code != block.lang && code != facts.lang && code != "un") {
      any = true;
      text::ReportText(
          out, facts, static_cast<uint32_t>(b), 0,
          text::LeadEnd(facts.BlockText(static_cast<uint32_t>(b)), 80),
          "this passage looks like " + code + " but is marked as " + block.lang,
          "Mark the passage with its language (lang=\"" + code + "\") or check the text.",
          "language-mismatch", text::Severity::kWarning);
    }
  }
  const std::string declared = text::PrimaryLanguage(facts.declared_lang);
  if (!declared.empty() && !facts.detected_lang.empty() &&
      static_cast<double>(facts.metrics.counts.words) >= options.Get("min_words") &&
      !facts.blocks.empty()) {
    applicable = true;
    if (facts.detected_lang != declared) {
      any = true;
      text::ReportText(
          out, facts, 0, 0, text::LeadEnd(facts.BlockText(0), 80),
          "the text is declared as " + declared + " but reads as " + facts.detected_lang,
          "Declare the right language (" + facts.detected_lang +
              "), or check you analysed the right file.",
          "language-mismatch", text::Severity::kError);
    }
  }
  if (applicable && !any) {
    out.Pass(nullptr);
  }
}

constexpr std::string_view kWcag[] = {"3.1.1", "3.1.2"};
constexpr std::string_view kEn[] = {"9.3.1.1", "9.3.1.2"};
constexpr std::string_view kPasses[] = {
    R"(<html lang="en"><p>Your general waste and recycling bins are collected every second
    week. Put your bins out before seven in the morning on your collection day.</p></html>)"};
constexpr std::string_view kCantTell[] = {
    R"(<html lang="ga"><p>Your general waste and recycling bins are collected every second
    week. Put your bins out before seven in the morning on your collection day.</p></html>)"};
// Nothing declared, and too little text to detect a language in.
constexpr std::string_view kInapplicable[] = {"Bins out today."};

}  // namespace

extern const engine::Rule kTextLanguageMismatch{
    .id = "text.language-mismatch",
    .summary = "Text is in the language it is marked as",
    .why =
        "Screen readers and browsers pronounce, hyphenate and translate text by its marked "
        "language: English marked as Irish is read out with Irish sounds.",
    .help =
        "Declare the language the text is written in, and mark passages in other languages "
        "with their own lang.",
    .limits =
        "Language detection needs a few dozen words and can be wrong on mixed or short "
        "text; a person confirms.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kNotice,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .options = kOptions,
    .level = "AA",
    .check_text = &Check};

}  // namespace plainsight::rules
