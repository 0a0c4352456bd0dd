#include "reports/ci_formats.h"

#include <map>
#include <sstream>
#include <string>

#include "reports/wcag.h"

namespace plainsight::reports {
namespace {

bool IsWebUrl(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("file://", 0) == 0;
}

// SARIF's level for a failed target (3.27.10): errors fail the build in most CI systems,
// warnings (very likely failures) and notices (advice) do not by default.
const char* SarifLevel(engine::Severity s) {
  switch (s) {
    case engine::Severity::kError:
      return "error";
    case engine::Severity::kWarning:
      return "warning";
    case engine::Severity::kNotice:
      return "note";
  }
  return "error";
}

std::string HelpUri(const engine::Rule& rule) {
  for (std::string_view sc : rule.wcag) {
    if (std::string url = WcagUnderstandingUrl(sc); !url.empty()) {
      return url;
    }
  }
  for (std::string_view act : rule.act) {
    return ActRuleUrl(act);
  }
  return {};
}

std::string Join(std::span<const std::string_view> items) {
  std::string out;
  for (std::string_view i : items) {
    out += out.empty() ? "" : ", ";
    out += i;
  }
  return out;
}

// The artifact a finding is in: the frame's document, else the page URL, else the path as given.
nlohmann::json ArtifactLocation(const AuditedInput& input, const engine::Finding& f) {
  std::string uri;
  if (!f.document_url().empty()) {
    uri = f.document_url();
  } else if (!IsWebUrl(input.source)) {
    uri = input.source;  // a local file as given: relative paths stay relative to the checkout
    if (uri.rfind("./", 0) == 0) {
      uri.erase(0, 2);
    }
    nlohmann::json a = {{"uri", uri}};
    if (!uri.empty() && uri[0] != '/') {
      a["uriBaseId"] = "%SRCROOT%";
    }
    return a;
  } else {
    uri = input.audit.url.empty() ? input.source : input.audit.url;
  }
  return {{"uri", uri}};
}

}  // namespace

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 Char: tab, LF, CR and U+0020 up; other C0 controls cannot be written at all.
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          break;
        }
        // U+FFFE and U+FFFF (EF BF BE/BF) are not XML characters either.
        if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(s[i + 2]) == 0xBE ||
             static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
          i += 2;
          break;
        }
        out += static_cast<char>(c);
    }
  }
  return out;
}

void WriteJunitSuite(const AuditedInput& input, std::ostream& suites, JunitTotals& totals) {
  std::string name = input.audit.url.empty() ? input.source : input.audit.url;
  if (!input.error.empty()) {
    ++totals.tests;
    ++totals.errors;
    suites << "  <testsuite name=\"" << XmlEscape(name)
           << "\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
           << R"(    <testcase classname="plainsight.read" name="read )" << XmlEscape(name)
           << "\">\n      <error message=\"" << XmlEscape(input.error) << R"(" type="unreadable">)"
           << XmlEscape(input.error) << "</error>\n    </testcase>\n  </testsuite>\n";
    return;
  }
  size_t t = 0, f = 0, s = 0;
  std::ostringstream cases;
  for (const engine::RuleResult& r : input.audit.results) {
    // Plain-language advice is not an accessibility test (engine::IsAdvice).
    if (r.outcome == engine::Outcome::kInapplicable || r.rule == nullptr ||
        engine::IsAdvice(*r.rule)) {
      continue;
    }
    ++t;
    std::string case_name = std::string(r.rule->summary);
    if (!r.rule->wcag.empty()) {
      case_name += " (WCAG " + Join(r.rule->wcag) + ")";
    }
    cases << "    <testcase classname=\"" << XmlEscape(r.rule->id) << "\" name=\""
          << XmlEscape(case_name) << "\"";
    if (!r.error.empty()) {
      ++f;
      cases << ">\n      <failure message=\"the rule could not run\" type=\"error\">"
            << XmlEscape(r.error) << "</failure>\n    </testcase>\n";
      continue;
    }
    size_t failed = 0, review = 0;
    engine::Severity worst = engine::Severity::kNotice;
    std::ostringstream details;
    for (const engine::Finding& finding : r.findings) {
      if (finding.outcome == engine::Outcome::kFailed) {
        ++failed;
        if (static_cast<int>(finding.severity) < static_cast<int>(worst)) {
          worst = finding.severity;
        }
      } else if (finding.outcome == engine::Outcome::kCantTell) {
        ++review;
      } else {
        continue;
      }
      details << (finding.outcome == engine::Outcome::kFailed
                      ? engine::SeverityName(finding.severity)
                      : "review");
      if (finding.position.line) {
        details << " at line " << finding.position.line << ", column " << finding.position.column;
      }
      if (!finding.selector.empty()) {
        details << " (" << finding.selector << ")";
      }
      details << ": " << finding.message << "\n";
      if (!finding.snippet.empty()) {
        details << "  " << finding.snippet << "\n";
      }
    }
    if (failed > 0) {
      ++f;
      details << "How to fix: " << r.rule->help << "\n";
      cases << ">\n      <failure message=\"" << failed << (failed == 1 ? " target" : " targets")
            << " failed\" type=\"" << engine::SeverityName(worst) << "\">"
            << XmlEscape(details.str()) << "</failure>\n    </testcase>\n";
    } else if (review > 0) {
      ++s;
      cases << ">\n      <skipped message=\"" << review
            << (review == 1 ? " target needs" : " targets need")
            << " a person to review\"/>\n      <system-out>" << XmlEscape(details.str())
            << "</system-out>\n    </testcase>\n";
    } else {
      cases << "/>\n";
    }
  }
  totals.tests += t;
  totals.failures += f;
  totals.skipped += s;
  suites << "  <testsuite name=\"" << XmlEscape(name) << "\" tests=\"" << t << "\" failures=\"" << f
         << R"(" errors="0" skipped=")" << s << "\">\n"
         << cases.str() << "  </testsuite>\n";
}

void WriteJunitStart(const JunitTotals& totals, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"plainsight\" tests=\""
      << totals.tests << "\" failures=\"" << totals.failures << "\" errors=\"" << totals.errors
      << "\" skipped=\"" << totals.skipped << "\">\n";
}

void WriteJunitEnd(std::ostream& out) {
  out << "</testsuites>\n";
}

void WriteJunit(std::span<const AuditedInput> inputs, std::ostream& out) {
  JunitTotals totals;
  std::ostringstream suites;
  for (const AuditedInput& input : inputs) {
    WriteJunitSuite(input, suites, totals);
  }
  WriteJunitStart(totals, out);
  out << suites.str();
  WriteJunitEnd(out);
}

SarifLog::SarifLog(std::span<const engine::Rule* const> rules) {
  nlohmann::json& rule_list = rule_list_;
  std::map<std::string_view, size_t>& index = index_;
  for (const engine::Rule* rule : rules) {
    if (rule == nullptr || index.count(rule->id) > 0 || engine::IsAdvice(*rule)) {
      continue;
    }
    index[rule->id] = rule_list.size();
    nlohmann::json r = {
        {"id", std::string(rule->id)},
        {"name", std::string(rule->id)},
        {"shortDescription", {{"text", std::string(rule->summary)}}},
        {"fullDescription", {{"text", std::string(rule->why)}}},
        {"help", {{"text", std::string(rule->help)}}},
        {"defaultConfiguration", {{"level", SarifLevel(rule->severity)}}},
    };
    if (std::string uri = HelpUri(*rule); !uri.empty()) {
      r["helpUri"] = uri;
    }
    nlohmann::json tags = nlohmann::json::array({"accessibility"});
    for (std::string_view sc : rule->wcag) {
      tags.push_back("wcag" + std::string(sc));
    }
    nlohmann::json props = {{"tags", tags}};
    if (!rule->wcag.empty()) {
      props["wcag"] = Join(rule->wcag);
    }
    if (!rule->en301549.empty()) {
      props["en301549"] = Join(rule->en301549);
    }
    if (!rule->act.empty()) {
      props["act"] = Join(rule->act);
    }
    r["properties"] = props;
    rule_list.push_back(std::move(r));
  }
}

void SarifLog::AddInput(const AuditedInput& input, nlohmann::json& results,
                        nlohmann::json& notifications) const {
  const std::map<std::string_view, size_t>& index = index_;
  if (!input.error.empty()) {
    nlohmann::json n = {{"level", "error"},
                        {"message", {{"text", input.source + ": " + input.error}}}};
    notifications.push_back(std::move(n));
    return;
  }
  for (const engine::RuleResult& r : input.audit.results) {
    if (r.rule == nullptr || engine::IsAdvice(*r.rule)) {
      continue;
    }
    auto idx = index.find(r.rule->id);
    for (const engine::Finding& f : r.findings) {
      if (f.outcome != engine::Outcome::kFailed && f.outcome != engine::Outcome::kCantTell) {
        continue;
      }
      nlohmann::json physical = {{"artifactLocation", ArtifactLocation(input, f)}};
      if (f.position.line > 0) {
        nlohmann::json region = {{"startLine", f.position.line}};
        if (f.position.column > 0) {
          region["startColumn"] = f.position.column;
        }
        if (!f.snippet.empty()) {
          region["snippet"] = {{"text", f.snippet}};
        }
        physical["region"] = region;
      }
      nlohmann::json location = {{"physicalLocation", physical}};
      if (!f.selector.empty()) {
        location["logicalLocations"] =
            nlohmann::json::array({{{"fullyQualifiedName", f.selector}, {"kind", "element"}}});
      }
      nlohmann::json result = {
          {"ruleId", std::string(r.rule->id)},
          {"message", {{"text", f.message.empty() ? std::string(r.rule->summary) : f.message}}},
          {"locations", nlohmann::json::array({location})},
      };
      if (idx != index.end()) {
        result["ruleIndex"] = idx->second;
      }
      if (f.outcome == engine::Outcome::kFailed) {
        result["kind"] = "fail";
        result["level"] = SarifLevel(f.severity);
      } else {
        // SARIF 3.27.9: a result that is not a failure has level "none".
        result["kind"] = "review";
        result["level"] = "none";
      }
      results.push_back(std::move(result));
    }
  }
}

nlohmann::json SarifLog::Log(nlohmann::json results, nlohmann::json notifications,
                             bool execution_successful) const {
  nlohmann::json invocation = {{"executionSuccessful", execution_successful}};
  if (!execution_successful) {
    invocation["toolExecutionNotifications"] = std::move(notifications);
  }
  nlohmann::json driver = {{"name", "plainsight"},
                           {"version", PLAINSIGHT_VERSION},
                           {"semanticVersion", PLAINSIGHT_VERSION},
                           {"informationUri", "https://www.w3.org/WAI/standards-guidelines/wcag/"},
                           {"rules", rule_list_}};
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", nlohmann::json::array({{{"tool", {{"driver", driver}}},
                                           {"invocations", nlohmann::json::array({invocation})},
                                           {"columnKind", "unicodeCodePoints"},
                                           {"results", std::move(results)}}})}};
}

nlohmann::json SarifJson(std::span<const AuditedInput> inputs,
                         std::span<const engine::Rule* const> rules) {
  SarifLog log(rules);
  nlohmann::json results = nlohmann::json::array();
  nlohmann::json notifications = nlohmann::json::array();
  for (const AuditedInput& input : inputs) {
    log.AddInput(input, results, notifications);
  }
  bool successful = notifications.empty();
  return log.Log(std::move(results), std::move(notifications), successful);
}

}  // namespace plainsight::reports
