// Audit output: the stable JSON format (docs/json-format.md) and compiler-style text.
// Reports never run rules; they format engine::PageAudit values.
#pragma once

#include <functional>
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
  // The WCAG conformance level the rules were chosen by ("A", "AA", "AAA"): recorded as "level"
  // in JSON and JSONL and said in the HTML report. Empty: not recorded (rules chosen by id).
  std::string level;
};

// A page's plain-language analysis (its "text" JSON) in one line: "57 words in 6 sentences, 9.5
// words per sentence, too short to score; 4 plain-language notes". Empty when it has no words.
std::string PlainLanguageSummary(const nlohmann::json& text);

// {"tool":{"name","version"},"pages":[{"url","title","lang","findings":[...]}], "summary":{...}}
nlohmann::json AuditJson(std::span<const AuditedInput> inputs, const ReportOptions& options = {});

// The summary counts, added to one page at a time (so that a report can be written page by page,
// as `plainsight audit` does: audit/output_sink.h).
struct AuditTotals {
  size_t pages = 0;       // inputs, audited or not
  size_t unreadable = 0;  // inputs that could not be audited
  int failed = 0;         // targets, over every page
  int cant_tell = 0;
  int passed = 0;
  // Of cant_tell: the findings of plain-language advice (engine::IsAdvice), which the HTML
  // report's accessibility part leaves out.
  int advice = 0;
};

// Adds `input` to `totals` (what the functions below that take totals do too).
void CountAuditTotals(const AuditedInput& input, AuditTotals& totals);

// One element of AuditJson's "pages"; counts the input into `totals`.
nlohmann::json AuditPageJson(const AuditedInput& input, const ReportOptions& options,
                             AuditTotals& totals);
// AuditPageJson(input, options, totals).dump(indent) (invalid UTF-8 replaced), handed to
// `write` in pieces: the findings one at a time, so that a page with hundreds of thousands of
// them is never held as one JSON value (issue 17).
void WriteAuditPageJson(const AuditedInput& input, const ReportOptions& options, int indent,
                        AuditTotals& totals, const std::function<void(std::string_view)>& write);
// AuditJson's "summary" and "tool".
nlohmann::json AuditSummaryJson(const AuditTotals& totals);
nlohmann::json AuditToolJson();
// AuditJson with `pages` as its "pages" value.
nlohmann::json AuditJsonSkeleton(const AuditTotals& totals, nlohmann::json pages,
                                 const ReportOptions& options = {});

// Like a compiler: "path:line:col: error: message [rule-id]" lines, grouped by page and then
// by rule (groups in the order of their first finding, findings in source order within one),
// and the rule's "    fix: ..." once after its group.
void WriteAuditText(std::span<const AuditedInput> inputs, std::ostream& out,
                    const ReportOptions& options = {});
// WriteAuditText in parts: one input's lines (counted into `totals`), then the closing
// "N pages audited: ..." line.
void WriteAuditTextPage(const AuditedInput& input, std::ostream& out, const ReportOptions& options,
                        AuditTotals& totals);
void WriteAuditTextSummary(const AuditTotals& totals, std::ostream& out,
                           const ReportOptions& options = {});

// Did anything fail (a rule failed, or an input could not be read)?
bool AnyFailed(std::span<const AuditedInput> inputs);
bool AnyUnreadable(std::span<const AuditedInput> inputs);

// Did a target fail with `threshold` severity or worse (kError: errors only; kWarning: errors
// and warnings)? What `plainsight audit --fail-on` decides the exit status with.
bool AnyFailedAtLeast(std::span<const AuditedInput> inputs, engine::Severity threshold);

}  // namespace plainsight::reports
