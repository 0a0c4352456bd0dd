// Audit output: the stable JSON format (docs/json-format.md) and compiler-style text.
// Reports never run rules; they format engine::PageAudit values.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/runner.h"

namespace plainsight::reports {

// One audited input: a page that was audited, or one that could not be read.
struct AuditedInput {
  std::string source;       // the path or URL as the user gave it
  engine::PageAudit audit;  // valid when error is empty
  std::string error;        // why it could not be audited
  nlohmann::json extra;     // more page fields (e.g. "text" from the plain-language analyser)
};

struct ReportOptions {
  bool include_passed = false;       // list passed targets too (default: failed and cantTell only)
  bool list_review_in_text = false;  // text output: list cantTell items too (default: count them)
};

// {"tool":{"name","version"},"pages":[{"url","title","lang","findings":[...]}], "summary":{...}}
nlohmann::json AuditJson(std::span<const AuditedInput> inputs, const ReportOptions& options = {});

// Like a compiler: "path:line:col: error: message [rule-id]" lines, grouped by page and then
// by rule (groups in the order of their first finding, findings in source order within one),
// and the rule's "    fix: ..." once after its group.
void WriteAuditText(std::span<const AuditedInput> inputs, std::ostream& out,
                    const ReportOptions& options = {});

// Did anything fail (a rule failed, or an input could not be read)?
bool AnyFailed(std::span<const AuditedInput> inputs);
bool AnyUnreadable(std::span<const AuditedInput> inputs);

// Did a target fail with `threshold` severity or worse (kError: errors only; kWarning: errors
// and warnings)? What `plainsight audit --fail-on` decides the exit status with.
bool AnyFailedAtLeast(std::span<const AuditedInput> inputs, engine::Severity threshold);

}  // namespace plainsight::reports
