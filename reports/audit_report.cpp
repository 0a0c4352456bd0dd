// Audit JSON and text output.
#include "reports/audit_report.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>

#include "engine/terminal_text.h"

namespace plainsight::reports {
namespace {

nlohmann::json Strings(std::span<const std::string_view> values) {
  nlohmann::json arr = nlohmann::json::array();
  for (std::string_view v : values) {
    arr.push_back(std::string(v));
  }
  return arr;
}

bool Listed(engine::Outcome o, const ReportOptions& options) {
  return o == engine::Outcome::kFailed || o == engine::Outcome::kCantTell ||
         (options.include_passed && o == engine::Outcome::kPassed);
}

}  // namespace

void CountAuditTotals(const AuditedInput& input, AuditTotals& totals) {
  ++totals.pages;
  if (!input.error.empty()) {
    ++totals.unreadable;
    return;
  }
  for (const engine::RuleResult& result : input.audit.results) {
    const bool advice = result.rule != nullptr && engine::IsAdvice(*result.rule);
    totals.passed += result.passed;
    for (const engine::Finding& f : result.findings) {
      totals.failed += f.outcome == engine::Outcome::kFailed;
      totals.cant_tell += f.outcome == engine::Outcome::kCantTell;
      totals.advice += advice && f.outcome == engine::Outcome::kCantTell;
    }
  }
}

namespace {

nlohmann::json FindingJson(const engine::Rule& rule, const engine::Finding& f) {
  nlohmann::json j;
  j["rule"] = std::string(rule.id);
  j["outcome"] = engine::OutcomeName(f.outcome);
  // One scale for every finding: error, warning (failed but needs a look), notice
  // (cantTell); passed targets (with --passes) have none.
  j["severity"] = f.outcome == engine::Outcome::kPassed ? "none" : engine::SeverityName(f.severity);
  j["impact"] = engine::ImpactName(rule.impact);
  j["wcag"] = Strings(rule.wcag);
  j["en301549"] = Strings(rule.en301549);
  j["act"] = Strings(rule.act);
  j["selector"] = f.selector;
  j["line"] = f.position.line;
  j["column"] = f.position.column;
  j["snippet"] = f.snippet;
  j["message"] = f.message;
  j["help"] = std::string(rule.help);
  if (!f.document_url().empty()) {
    j["document"] = f.document_url();
  }
  if (!f.suggestion().empty()) {
    j["suggestion"] = f.suggestion();  // plain-language findings: the plainer wording
  }
  return j;
}

// The page's object with `findings` as its "findings" value.
nlohmann::json PageJson(const AuditedInput& input, nlohmann::json findings) {
  nlohmann::json page;
  if (!input.error.empty()) {
    page["url"] = input.source;
    if (!input.audit.type.empty()) {
      page["type"] = input.audit.type;  // what it was meant to be: "pdf", "docx", "odt"
    }
    page["title"] = "";
    page["lang"] = "";
    page["error"] = input.error;
    page["findings"] = nlohmann::json::array();
    return page;
  }
  const engine::PageAudit& audit = input.audit;
  page["url"] = audit.url;
  if (!audit.type.empty()) {
    page["type"] = audit.type;
  }
  page["title"] = audit.title;
  page["lang"] = audit.lang;
  nlohmann::json rules = nlohmann::json::object();
  for (const engine::RuleResult& result : audit.results) {
    rules[std::string(result.rule->id)] = engine::OutcomeName(result.outcome);
  }
  page["findings"] = std::move(findings);
  page["rules"] = std::move(rules);
  if (!audit.warnings.empty()) {
    page["warnings"] = audit.warnings;
  }
  if (!input.extra.is_null()) {
    for (auto it = input.extra.begin(); it != input.extra.end(); ++it) {
      page[it.key()] = it.value();
    }
  }
  return page;
}

}  // namespace

nlohmann::json AuditPageJson(const AuditedInput& input, const ReportOptions& options,
                             AuditTotals& totals) {
  CountAuditTotals(input, totals);
  nlohmann::json findings = nlohmann::json::array();
  if (input.error.empty()) {
    for (const engine::RuleResult& result : input.audit.results) {
      for (const engine::Finding& f : result.findings) {
        if (Listed(f.outcome, options)) {
          findings.push_back(FindingJson(*result.rule, f));
        }
      }
    }
  }
  return PageJson(input, std::move(findings));
}

void WriteAuditPageJson(const AuditedInput& input, const ReportOptions& options, int indent,
                        AuditTotals& totals, const std::function<void(std::string_view)>& write) {
  constexpr auto kReplace = nlohmann::json::error_handler_t::replace;
  size_t listed = 0;
  if (input.error.empty()) {
    for (const engine::RuleResult& result : input.audit.results) {
      for (const engine::Finding& f : result.findings) {
        listed += Listed(f.outcome, options);
      }
    }
  }
  if (listed == 0) {
    write(AuditPageJson(input, options, totals).dump(indent, ' ', false, kReplace));
    return;
  }
  CountAuditTotals(input, totals);
  // The page without its findings, dumped, is cut where "findings" goes; the findings are
  // dumped one at a time in between. Keys are sorted, and none before "findings" holds page
  // text, so the first match is the key itself.
  const std::string placeholder = "plainsight-findings-go-here";
  const std::string text = PageJson(input, placeholder).dump(indent, ' ', false, kReplace);
  const std::string key = indent < 0 ? R"("findings":")" : R"("findings": ")";
  const size_t at = text.find(key + placeholder + "\"");
  const size_t value_at = at + key.size() - 1;
  std::string inner;  // before each finding: the separator, the newline and the indentation
  std::string close;  // after the last one
  if (indent >= 0) {
    size_t line_start = text.rfind('\n', at);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    const std::string key_indent(at - line_start, ' ');
    inner = "\n" + key_indent + std::string(indent, ' ');
    close = "\n" + key_indent + "]";
  } else {
    close = "]";
  }
  write(std::string_view(text).substr(0, value_at));
  write("[");
  bool first = true;
  for (const engine::RuleResult& result : input.audit.results) {
    for (const engine::Finding& f : result.findings) {
      if (!Listed(f.outcome, options)) {
        continue;
      }
      std::string dumped = FindingJson(*result.rule, f).dump(indent, ' ', false, kReplace);
      if (indent >= 0) {
        // Nested one level deeper than the key: every line of the finding moves right.
        for (size_t nl = dumped.find('\n'); nl != std::string::npos;
             nl = dumped.find('\n', nl + inner.size())) {
          dumped.replace(nl, 1, inner);
        }
      }
      write(first ? "" : ",");
      write(inner);
      write(dumped);
      first = false;
    }
  }
  write(close);
  write(std::string_view(text).substr(value_at + placeholder.size() + 2));
}

nlohmann::json AuditSummaryJson(const AuditTotals& totals) {
  return {{"pages", totals.pages},
          {"unreadable", totals.unreadable},
          {"failed", totals.failed},
          {"cantTell", totals.cant_tell},
          {"passed", totals.passed}};
}

nlohmann::json AuditToolJson() {
  return {{"name", "plainsight"}, {"version", PLAINSIGHT_VERSION}};
}

nlohmann::json AuditJsonSkeleton(const AuditTotals& totals, nlohmann::json pages,
                                 const ReportOptions& options) {
  nlohmann::json out;
  out["tool"] = AuditToolJson();
  if (!options.level.empty()) {
    out["level"] = options.level;
  }
  out["pages"] = std::move(pages);
  out["summary"] = AuditSummaryJson(totals);
  return out;
}

nlohmann::json AuditJson(std::span<const AuditedInput> inputs, const ReportOptions& options) {
  nlohmann::json pages = nlohmann::json::array();
  AuditTotals totals;
  for (const AuditedInput& input : inputs) {
    pages.push_back(AuditPageJson(input, options, totals));
  }
  return AuditJsonSkeleton(totals, std::move(pages), options);
}

namespace {

std::string OneDecimal(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

}  // namespace

std::string PlainLanguageSummary(const nlohmann::json& text) {
  if (!text.is_object() || !text.contains("metrics")) {
    return {};
  }
  const nlohmann::json& m = text["metrics"];
  const uint64_t words = m.value("words", uint64_t{0});
  if (words == 0) {
    return {};
  }
  const uint64_t sentences = m.value("sentences", uint64_t{0});
  std::string out = std::to_string(words) + (words == 1 ? " word in " : " words in ") +
                    std::to_string(sentences) + (sentences == 1 ? " sentence" : " sentences");
  if (m.contains("average_sentence_length")) {
    out += ", " + OneDecimal(m["average_sentence_length"].get<double>()) + " words per sentence";
  }
  if (m.contains("flesch_kincaid_grade")) {
    out += ", Flesch-Kincaid grade " + OneDecimal(m["flesch_kincaid_grade"].get<double>());
  } else if (m.contains("lix")) {
    out += ", LIX " + OneDecimal(m["lix"].get<double>());
  } else if (m.contains("too_short_for")) {
    out += ", too short to score";
  }
  const size_t notes = text.contains("findings") ? text["findings"].size() : 0;
  out += "; " + std::to_string(notes) +
         (notes == 1 ? " plain-language note" : " plain-language notes");
  return out;
}

namespace {

// The page's plain-language line (issue 16): its words and sentences, the score its language
// gets, and how many plain-language notes it has (listed with --review, detailed by
// `plainsight text`). Read from the analysis the audit stored in "text"; nothing when the page
// has no text.
void WriteTextLine(const std::string& source, const nlohmann::json& text, std::ostream& out) {
  const std::string summary = PlainLanguageSummary(text);
  if (!summary.empty()) {
    out << source << ": plain language (" << engine::TerminalSafe(text.value("lang", ""))
        << "): " << summary << "\n";
  }
}

}  // namespace

void WriteAuditTextPage(const AuditedInput& input, std::ostream& out, const ReportOptions& options,
                        AuditTotals& totals) {
  // Paths, messages and snippets carry the page's own bytes: escaped so that a page cannot send
  // a terminal control sequences (see engine/terminal_text.h).
  using engine::TerminalSafe;
  CountAuditTotals(input, totals);
  if (!input.error.empty()) {
    out << TerminalSafe(input.source) << ": error: " << TerminalSafe(input.error) << "\n";
    return;
  }
  // Like a compiler: in source order within a file, then grouped by rule (below).
  std::vector<std::pair<const engine::Finding*, const engine::Rule*>> listed;
  for (const engine::RuleResult& result : input.audit.results) {
    for (const engine::Finding& f : result.findings) {
      bool show = f.outcome == engine::Outcome::kFailed ||
                  (f.outcome == engine::Outcome::kCantTell && options.list_review_in_text) ||
                  (f.outcome == engine::Outcome::kPassed && options.include_passed);
      if (show) {
        listed.emplace_back(&f, result.rule);
      }
    }
  }
  std::stable_sort(listed.begin(), listed.end(), [](const auto& a, const auto& b) {
    return std::pair(a.first->position.line, a.first->position.column) <
           std::pair(b.first->position.line, b.first->position.column);
  });
  const std::string source = TerminalSafe(input.source);
  // Grouped by rule, each group where the rule first finds something, so that the fix is
  // shown once, after the group's last finding (issue #11: "each fix once").
  std::map<const engine::Rule*, size_t> first_seen;
  for (const auto& item : listed) {
    first_seen.emplace(item.second, first_seen.size());
  }
  std::stable_sort(listed.begin(), listed.end(), [&](const auto& a, const auto& b) {
    return first_seen.at(a.second) < first_seen.at(b.second);
  });
  bool group_needs_fix = false;  // the current rule's group holds a failed or review item
  for (size_t k = 0; k < listed.size(); ++k) {
    const auto& [f, rule] = listed[k];
    const bool last_of_rule = k + 1 == listed.size() || listed[k + 1].second != rule;
    group_needs_fix = group_needs_fix || f->outcome != engine::Outcome::kPassed;
    const char* kind = f->outcome == engine::Outcome::kCantTell ? "review"
                       : f->outcome == engine::Outcome::kPassed ? "passed"
                                                                : engine::SeverityName(f->severity);
    out << source;
    if (f->position.line) {
      out << ":" << f->position.line << ":" << f->position.column;
    }
    out << ": " << kind << ": "
        << (f->message.empty() ? std::string(rule->summary) : TerminalSafe(f->message)) << " ["
        << rule->id;
    if (!rule->wcag.empty()) {
      out << ", WCAG " << rule->wcag[0];
    }
    out << "]\n";
    if (!f->snippet.empty()) {
      out << "    " << TerminalSafe(f->snippet) << "\n";
    }
    if (last_of_rule) {
      if (group_needs_fix) {
        out << "    fix: " << rule->help << "\n";
      }
      group_needs_fix = false;
    }
  }
  if (input.extra.is_object() && input.extra.contains("text")) {
    WriteTextLine(source, input.extra["text"], out);
  }
}

void WriteAuditTextSummary(const AuditTotals& totals, std::ostream& out,
                           const ReportOptions& options) {
  size_t audited = totals.pages - totals.unreadable;
  out << audited << (audited == 1 ? " page" : " pages") << " audited: " << totals.failed
      << " failed, " << totals.cant_tell << " to review by a person";
  if (totals.unreadable > 0) {
    out << "; " << totals.unreadable << (totals.unreadable == 1 ? " input" : " inputs")
        << " could not be read";
  }
  if (totals.cant_tell > 0 && !options.list_review_in_text) {
    out << " (--review lists them)";
  }
  out << ".\n";
}

void WriteAuditText(std::span<const AuditedInput> inputs, std::ostream& out,
                    const ReportOptions& options) {
  AuditTotals totals;
  for (const AuditedInput& input : inputs) {
    WriteAuditTextPage(input, out, options, totals);
  }
  WriteAuditTextSummary(totals, out, options);
}

bool AnyFailed(std::span<const AuditedInput> inputs) {
  for (const AuditedInput& input : inputs) {
    for (const engine::RuleResult& r : input.audit.results) {
      if (r.outcome == engine::Outcome::kFailed) {
        return true;
      }
    }
  }
  return false;
}

bool AnyUnreadable(std::span<const AuditedInput> inputs) {
  for (const AuditedInput& input : inputs) {
    if (!input.error.empty()) {
      return true;
    }
  }
  return false;
}

bool AnyFailedAtLeast(std::span<const AuditedInput> inputs, engine::Severity threshold) {
  for (const AuditedInput& input : inputs) {
    for (const engine::RuleResult& r : input.audit.results) {
      for (const engine::Finding& f : r.findings) {
        // Severity runs from kError (0) to kNotice: "at least" is "at most" numerically.
        if (f.outcome == engine::Outcome::kFailed &&
            static_cast<int>(f.severity) <= static_cast<int>(threshold)) {
          return true;
        }
      }
    }
  }
  return false;
}

}  // namespace plainsight::reports
