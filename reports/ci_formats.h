// Audit results for CI systems: JUnit XML (one testsuite per page, one testcase per rule that
// applied) and SARIF 2.1.0 (OASIS; one run, the rules that ran with helpUri, a result per failed
// or to-review target with its physical location). Like the other audit formats, these only
// format engine::PageAudit values.
#pragma once

#include <map>
#include <ostream>
#include <span>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/rule.h"
#include "reports/audit_report.h"

namespace plainsight::reports {

// <testsuites> with a <testsuite> per input: a testcase per rule that applied to the page
// (classname = rule id), <failure> when it failed (type = the worst severity, the text lists
// every target), <skipped> when it only has targets to review; an input that could not be read
// is a testsuite with one <error>.
void WriteJunit(std::span<const AuditedInput> inputs, std::ostream& out);

// WriteJunit in parts, for a report written page by page: one input's <testsuite> (its counts
// added to `totals`), then the opening <testsuites> with the totals, and the closing tag.
struct JunitTotals {
  size_t tests = 0;
  size_t failures = 0;
  size_t errors = 0;
  size_t skipped = 0;
};

void WriteJunitSuite(const AuditedInput& input, std::ostream& out, JunitTotals& totals);
void WriteJunitStart(const JunitTotals& totals, std::ostream& out);
void WriteJunitEnd(std::ostream& out);

// The SARIF log. `rules`: the rules that ran (tool.driver.rules, in this order). Failed targets
// are results with level error/warning/note by severity; targets to review are kind "review".
// Local files are given as relative paths when they were given so (for code scanning).
nlohmann::json SarifJson(std::span<const AuditedInput> inputs,
                         std::span<const engine::Rule* const> rules);

// SarifJson in parts, for a log written page by page.
class SarifLog {
 public:
  explicit SarifLog(std::span<const engine::Rule* const> rules);

  // Appends one input's results, or its tool notification when it could not be read.
  void AddInput(const AuditedInput& input, nlohmann::json& results,
                nlohmann::json& notifications) const;
  // The log with these values as the run's "results" and the invocation's
  // "toolExecutionNotifications" (left out when `execution_successful`).
  nlohmann::json Log(nlohmann::json results, nlohmann::json notifications,
                     bool execution_successful) const;

 private:
  nlohmann::json rule_list_ = nlohmann::json::array();
  std::map<std::string_view, size_t> index_;
};

// The XML 1.0 text of `s`: markup escaped, characters XML cannot hold dropped.
std::string XmlEscape(std::string_view s);

}  // namespace plainsight::reports
