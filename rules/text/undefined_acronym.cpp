// text.undefined-acronym: acronyms are spelled out at their first use. An acronym (two to
// `max_bytes` bytes in capitals, not a Roman numeral, not inside a run of capitals) counts as
// spelled out where it stands in brackets, "Full Name (NALA)", or right before them, "NALA
// (National Adult Literacy Agency)"; acronyms readers know (corpora/text/<lang>/known-acronyms.txt)
// need nothing. After GOV.UK and the NALA Plain English Style Guide (2023). WCAG 3.1.4 asks for a
// way to find an abbreviation's expansion at AAA; this rule is the plain-language advice, and
// text.abbreviations covers other shortened forms.
#include <map>
#include <string>

#include "rules/catalog.h"
#include "rules/text/text_support.h"

namespace plainsight::rules {
namespace {

namespace text = engine::text;

constexpr engine::RuleOption kOptions[] = {
    {"max_bytes", 10, "longer words in capitals are not taken for acronyms"},
    {"caps_run_words", 3, "words in capitals in a row this long are shouting, not acronyms"},
};

bool IsRomanNumeral(std::string_view s) {
  return !s.empty() && s.size() <= 4 && s.find_first_not_of("IVXLCM") == std::string_view::npos;
}

struct Use {
  uint32_t block = 0;
  uint32_t start = 0;
  uint32_t end = 0;
  size_t order = 0;
  bool defined = false;
  size_t defined_order = 0;
};

void Check(const text::TextFacts& facts, const engine::OptionValues& options,
           engine::Findings& out) {
  const auto max_bytes = static_cast<size_t>(options.Get("max_bytes"));
  const double caps_run_words = options.Get("caps_run_words");
  std::map<std::string, Use> acronyms;  // by acronym: the findings come in this order
  size_t order = 0;
  for (const text::SentenceFacts& s : facts.sentences) {
    std::vector<bool> in_run = text_support::CapsRuns(facts, s, caps_run_words, 2);
    std::span<const text::TokenFacts> tokens = facts.TokensOf(s);
    std::string_view block = facts.BlockText(s.block);
    for (size_t i = 0; i < tokens.size(); ++i) {
      const text::TokenFacts& t = tokens[i];
      ++order;
      if (t.kind != text::TokenKind::kWord) {
        continue;
      }
      std::string_view w = facts.TokenText(s, t);
      bool shape = t.letters >= 2 && t.upper == t.letters && !t.hyphenated &&
                   w.size() <= max_bytes && !IsRomanNumeral(w);
      if (!shape || in_run[i]) {
        continue;
      }
      bool in_parens =
          t.start > 0 && block[t.start - 1] == '(' && t.end < block.size() && block[t.end] == ')';
      bool before_parens = t.end + 1 < block.size() && block.substr(t.end, 2) == " (";
      bool known = (t.flags & text::kKnownAcronym) != 0;
      auto [it, inserted] = acronyms.try_emplace(std::string(w));
      Use& use = it->second;
      if (inserted) {
        use.block = s.block;
        use.start = t.start;
        use.end = t.end;
        use.order = order;
        use.defined = known;
        use.defined_order = known ? 0 : SIZE_MAX;
      }
      if ((in_parens || before_parens) && !use.defined) {
        use.defined = true;
        use.defined_order = order;
      }
    }
  }
  if (acronyms.empty()) {
    return;
  }
  bool any = false;
  for (const auto& [acronym, use] : acronyms) {
    if (!use.defined) {
      any = true;
      text::ReportText(out, facts, use.block, use.start, use.end, acronym + " is never spelled out",
                       "Write it out in full the first time: \"Full Name (" + acronym + ")\".",
                       "acronym-undefined", text::Severity::kWarning);
    } else if (use.defined_order > use.order) {
      any = true;
      text::ReportText(out, facts, use.block, use.start, use.end,
                       acronym + " is used before it is spelled out",
                       "Spell it out at its first use, not later.", "acronym-before-definition",
                       text::Severity::kWarning);
    }
  }
  if (!any) {
    out.Pass(nullptr);
  }
}

constexpr std::string_view kPasses[] = {
    "The National Adult Literacy Agency (NALA) helps adults. NALA runs courses.",
    "Prices rose in the EU."};
constexpr std::string_view kCantTell[] = {
    "Ask NALA for help.",
    "NALA runs courses. The National Adult Literacy Agency (NALA) helps adults."};
constexpr std::string_view kInapplicable[] = {"Ask the agency for help.", "Chapter IV."};

}  // namespace

extern const engine::Rule kTextUndefinedAcronym{
    .id = "text.undefined-acronym",
    .summary = "Acronyms are spelled out at their first use",
    .why =
        "An acronym nobody explained is a code only insiders can read; readers stop to guess "
        "or give up.",
    .help =
        "Write the full name the first time, with the acronym after it in brackets: "
        "\"National Adult Literacy Agency (NALA)\".",
    .limits =
        "Cannot know which acronyms your readers already know beyond the known-acronyms "
        "list; add yours to it.",
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kNotice,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .options = kOptions,
    .check_text = &Check};

}  // namespace plainsight::rules
