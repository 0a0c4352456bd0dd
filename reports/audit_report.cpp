// Audit JSON and text output.
#include "reports/audit_report.h"

#include <algorithm>
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

nlohmann::json AuditJson(std::span<const AuditedInput> inputs, const ReportOptions& options) {
  nlohmann::json pages = nlohmann::json::array();
  std::map<std::string, int> totals{{"failed", 0}, {"cantTell", 0}, {"passed", 0}};
  int unreadable = 0;
  for (const AuditedInput& input : inputs) {
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
      pages.push_back(std::move(page));
      ++unreadable;
      continue;
    }
    const engine::PageAudit& audit = input.audit;
    page["url"] = audit.url;
    if (!audit.type.empty()) {
      page["type"] = audit.type;
    }
    page["title"] = audit.title;
    page["lang"] = audit.lang;
    nlohmann::json findings = nlohmann::json::array();
    nlohmann::json rules = nlohmann::json::object();
    for (const engine::RuleResult& result : audit.results) {
      const engine::Rule& rule = *result.rule;
      rules[std::string(rule.id)] = engine::OutcomeName(result.outcome);
      for (const engine::Finding& f : result.findings) {
        totals[engine::OutcomeName(f.outcome)]++;
        if (!Listed(f.outcome, options)) {
          continue;
        }
        nlohmann::json j;
        j["rule"] = std::string(rule.id);
        j["outcome"] = engine::OutcomeName(f.outcome);
        // One scale for every finding: error, warning (failed but needs a look), notice
        // (cantTell); passed targets (with --passes) have none.
        j["severity"] =
            f.outcome == engine::Outcome::kPassed ? "none" : engine::SeverityName(f.severity);
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
        if (!f.document_url.empty()) {
          j["document"] = f.document_url;
        }
        if (!f.suggestion.empty()) {
          j["suggestion"] = f.suggestion;  // plain-language findings: the plainer wording
        }
        findings.push_back(std::move(j));
      }
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
    pages.push_back(std::move(page));
  }
  nlohmann::json out;
  out["tool"] = {{"name", "plainsight"}, {"version", PLAINSIGHT_VERSION}};
  out["pages"] = std::move(pages);
  out["summary"] = {{"pages", inputs.size()},
                    {"unreadable", unreadable},
                    {"failed", totals["failed"]},
                    {"cantTell", totals["cantTell"]},
                    {"passed", totals["passed"]}};
  return out;
}

void WriteAuditText(std::span<const AuditedInput> inputs, std::ostream& out,
                    const ReportOptions& options) {
  // Paths, messages and snippets carry the page's own bytes: escaped so that a page cannot send
  // a terminal control sequences (see engine/terminal_text.h).
  using engine::TerminalSafe;
  int failed = 0;
  int review = 0;
  for (const AuditedInput& input : inputs) {
    if (!input.error.empty()) {
      out << TerminalSafe(input.source) << ": error: " << TerminalSafe(input.error) << "\n";
      continue;
    }
    // Like a compiler: in source order within a file, then grouped by rule (below).
    std::vector<std::pair<const engine::Finding*, const engine::Rule*>> listed;
    for (const engine::RuleResult& result : input.audit.results) {
      for (const engine::Finding& f : result.findings) {
        failed += f.outcome == engine::Outcome::kFailed;
        review += f.outcome == engine::Outcome::kCantTell;
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
                         : f->outcome == engine::Outcome::kPassed
                             ? "passed"
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
  }
  size_t unreadable = 0;
  for (const AuditedInput& input : inputs) {
    unreadable += !input.error.empty();
  }
  size_t audited = inputs.size() - unreadable;
  out << audited << (audited == 1 ? " page" : " pages") << " audited: " << failed << " failed, "
      << review << " to review by a person";
  if (unreadable > 0) {
    out << "; " << unreadable << (unreadable == 1 ? " input" : " inputs") << " could not be read";
  }
  if (review > 0 && !options.list_review_in_text) {
    out << " (--review lists them)";
  }
  out << ".\n";
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
