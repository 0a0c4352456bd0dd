// Helpers of text_facts.h: lowercasing for lists, reporting a text finding, and the text rule
// runner (isolation as in engine/runner.cpp, STYLE.md section 4).
#include "engine/text/text_facts.h"

#include <algorithm>
#include <exception>
#include <tuple>

#include "engine/ascii.h"
#include "engine/utf8.h"

namespace plainsight::engine::text {

namespace {

// The words concerned, shortened to at most `max_bytes` on a UTF-8 boundary, with "…" when cut.
std::string Shorten(std::string_view s, size_t max_bytes = 300) {
  if (s.size() <= max_bytes) {
    return std::string(s);
  }
  return std::string(s.substr(0, Utf8CutPoint(s, max_bytes))) + "\xE2\x80\xA6";
}

}  // namespace

std::string LowerForMatch(std::string_view word) {
  std::string lower(word);
  bool ascii = true;
  for (char& c : lower) {
    c = AsciiLowerChar(c);  // exact for ASCII; other bytes untouched
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  }
  if (ascii) {
    return lower;
  }
  for (size_t pos = lower.find("\xE2\x80\x99"); pos != std::string::npos;
       pos = lower.find("\xE2\x80\x99", pos)) {
    lower[pos] = '\'';  // U+2019 -> '; (replace() here draws a false GCC 12 -Wrestrict)
    lower.erase(pos + 1, 2);
  }
  // Irish and other Latin capitals with accents: Á -> á etc. (U+00C0-U+00DE, 2-byte UTF-8).
  for (size_t i = 0; i + 1 < lower.size(); ++i) {
    auto b0 = static_cast<unsigned char>(lower[i]);
    auto b1 = static_cast<unsigned char>(lower[i + 1]);
    if (b0 == 0xC3 && b1 >= 0x80 && b1 <= 0x9E && b1 != 0x97) {
      lower[i + 1] = static_cast<char>(b1 + 0x20);
    }
  }
  return lower;
}

// Never inside a UTF-8 sequence: a cut character made the finding's text invalid UTF-8, which
// JSON output cannot carry.
uint32_t LeadEnd(std::string_view text, size_t max_bytes) {
  return static_cast<uint32_t>(Utf8CutPoint(text, std::min(text.size(), max_bytes)));
}

void ReportText(Findings& out, const TextFacts& facts, uint32_t block, uint32_t start, uint32_t end,
                std::string message, std::string suggestion, std::string_view compat_kind,
                Severity compat_severity) {
  const TextBlock& b = facts.text.blocks[block];
  Finding& f = out.Add(Outcome::kCantTell, nullptr, std::move(message), engine::Severity::kNotice);
  std::tie(f.span.start, f.span.end) = b.SourceSpan(start, end, facts.text.source.size());
  f.position = facts.text.PositionOf(f.span.start);
  f.snippet = Shorten(std::string_view(b.text).substr(start, end - start));
  FindingDetail& d = f.Detail();
  d.suggestion = std::move(suggestion);
  d.text_block = block;
  d.block_span = {start, end};
  d.compat_kind = compat_kind;
  d.compat_severity = SeverityName(compat_severity);
}

std::vector<RuleResult> RunTextRules(const TextFacts& facts, std::span<const Rule* const> rules,
                                     const OptionOverrides& overrides, const RunOptions& options) {
  std::vector<RuleResult> results;
  for (const Rule* rule : rules) {
    if (rule->check_text == nullptr) {
      continue;
    }
    RunIsolated(*rule, options, results.emplace_back(), [&](Findings& out) {
      rule->check_text(facts, OptionValues(rule->id, rule->options, &overrides), out);
    });
  }
  return results;
}

}  // namespace plainsight::engine::text
